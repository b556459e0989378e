package dev.turnpike.it.resin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the Resin oracle harness end to end: starts Resin with cluster-, host- and web-app-level
 * rules of both generations, sends a few raw requests, prints what came back, checks the status
 * codes and the essentials, stops Resin and checks that no child process is left.
 *
 * <p>Run with the test class path plus {@code javax.servlet-api-3.1.0.jar} and
 * {@code -Dturnpike.it.resin.lib=<dir with resin.jar and its dependencies>}; the optional
 * argument is the work directory (default: a new temporary directory).
 */
public final class ResinSmoke {

    private static final String NEW_RULES = """
            <resin:SetHeader name="X-Smoke" value="new"/>
            <resin:Forbidden regexp="^/secret"/>
            <resin:Redirect regexp="^/old/(.*)" target="/new/$1"/>
            <resin:Dispatch regexp="^/d/(.*)" target="/echo/$1"/>
            <resin:Forward regexp="^/f/(.*)" target="/echo/$1"/>
            <resin:SendError regexp="^/teapot" code="418" message="short and stout"/>
            <resin:Redirect regexp="^/cond" target="/echo/cond">
              <resin:IfHeader name="X-A" regexp="b"/>
            </resin:Redirect>
            """;

    private static final String OLD_RULES = """
            <rewrite-dispatch>
              <forbidden regexp="^/secret"/>
              <redirect regexp="^/old/(.*)" target="/new/$1"/>
              <dispatch regexp="^/d/(.*)" target="/echo/$1"/>
              <redirect regexp="^/cond" target="/echo/cond">
                <when header="X-A" regexp="b"/>
              </redirect>
            </rewrite-dispatch>
            """;

    private static final String CLUSTER_RULES = """
            <resin:Forbidden regexp="^http://srv\\.test/blocked"/>
            """;

    private static final String HOST_RULES = """
            <resin:Dispatch regexp="^/hd/(.*)" target="/echo/host/$1"/>
            """;

    private record Check(String host, String target, List<String> headers, int status, String expected) {
    }

    private ResinSmoke() {
    }

    public static void main(String[] args) throws IOException {
        Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("resin-smoke");
        ResinLayout layout = ResinLayout.create()
                .clusterRules(CLUSTER_RULES)
                .host("new.test", null, NEW_RULES)
                .host("old.test", null, OLD_RULES)
                .host("srv.test", HOST_RULES, null)
                .host("", null, null);
        List<Check> checks = List.of(
                new Check("new.test", "/echo/plain?a=1&a=2", List.of(), 200, "param.a=1,2"),
                new Check("new.test", "/secret/x", List.of(), 403, null),
                new Check("new.test", "/old/x?q=1", List.of(), 302, "http://new.test/new/x?q=1"),
                new Check("new.test", "/d/x?q=1", List.of(), 200, "servletPath=/echo"),
                new Check("new.test", "/f/x", List.of(), 200, "forward.request_uri=/f/x"),
                new Check("new.test", "/teapot", List.of(), 418, null),
                new Check("new.test", "/cond", List.of("X-A: abc"), 302, "http://new.test/echo/cond"),
                new Check("new.test", "/cond", List.of(), 404, null),
                new Check("old.test", "/secret", List.of(), 403, null),
                new Check("old.test", "/old/x?q=1", List.of(), 302, "http://old.test/new/x?q=1"),
                new Check("old.test", "/d/x", List.of(), 200, "requestURI=/d/x"),
                new Check("old.test", "/cond", List.of("X-A: b"), 302, "http://old.test/echo/cond"),
                new Check("srv.test", "/blocked/x", List.of(), 403, null),
                new Check("srv.test", "/hd/x", List.of(), 200, "pathInfo=/host/x"),
                new Check("srv.test", "/x.jsp;jsessionid=abc?p=%C3%A9", List.of(), 200, "param.p=\u00e9"),
                new Check("unknown.test", "/y.do", List.of(), 200, "serverName=unknown.test"));

        List<String> failures = new ArrayList<>();
        long pid;
        long started = System.nanoTime();
        try (ResinServer resin = ResinServer.start(layout, workDir)) {
            pid = resin.pid();
            System.out.printf("Resin pid %d answering on 127.0.0.1:%d after %d ms (work dir %s)%n", pid,
                    resin.httpPort(), (System.nanoTime() - started) / 1_000_000, resin.workDirectory());
            RawHttp http = resin.http();
            for (Check check : checks) {
                RawResponse response = http.send("GET", check.target(), check.host(), check.headers(), null);
                print(check, response);
                String seen = response.headerOrNull("Location") + "\n" + response.bodyText();
                if (response.status() != check.status()
                        || check.expected() != null && !seen.contains(check.expected())) {
                    failures.add(check + " -> " + response.status() + " " + seen.lines().limit(3).toList());
                }
            }
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            failures.add("Resin process " + pid + " still alive after close()");
        }
        List<ProcessHandle> children = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
        if (!children.isEmpty()) {
            failures.add("child processes left: " + children);
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FAILED " + f));
            System.exit(1);
        }
        System.out.println("OK: " + checks.size() + " checks passed, Resin stopped, no child process left");
    }

    private static void print(Check check, RawResponse response) {
        System.out.printf("%n== GET %s (Host: %s%s)%n", check.target(), check.host(),
                check.headers().isEmpty() ? "" : ", " + String.join(", ", check.headers()));
        System.out.println(response.version() + " " + response.status() + " " + response.reason());
        response.headers().forEach(h -> System.out.println(h.name() + ": " + h.value()));
        String body = response.bodyText();
        System.out.println(body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
