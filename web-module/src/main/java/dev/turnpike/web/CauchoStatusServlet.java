package dev.turnpike.web;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.cdi.PluginTables;
import dev.turnpike.mapping.PluginTable;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.Rule;
import dev.turnpike.spi.BackendHandler;
import dev.turnpike.spi.BackendStatus;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /caucho-status}, in the layout of mod_caucho's status page (resin-spec 3.2): the start
 * time and session settings, a server table per cluster of backends, a section per host of the
 * plugin table with its web-apps and the url-patterns a front end is sent ({@link StatusHosts}),
 * then what Turnpike adds:
 * the configuration source, the problems of the last load and the rules serving. A client that
 * asks for {@code application/json} gets the same facts as JSON.
 *
 * <p>As in mod_caucho, each backend's {@code (ok)} or {@code (down)} is found live, by opening a
 * connection to it (within its connect timeout, at most a second) and closing it at once. The
 * columns after mod_caucho's say how the balancer sees the backend: its state, its failures and
 * how long the last one still keeps it out.
 */
@WebServlet(name = "TurnpikeCauchoStatus", urlPatterns = "/caucho-status")
public class CauchoStatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** C's {@code ctime()} layout, without its newline: {@code Sun Nov  1 08:05:09 2026}. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(1);

    @Inject
    transient LiveRules live;

    @Inject
    transient Instance<BackendHandler> connectors;

    @Inject
    transient PluginTables tables;

    private final Instant started = Instant.now();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LiveRules.Snapshot snapshot = live.snapshot();
        Map<String, List<BackendStatus>> clusters = clusters();
        List<StatusHosts.Host> hosts = StatusHosts.of(
                tables.current(snapshot.rules(), PluginTable.DEFAULT_SESSION_URL_PREFIX), snapshot.rules());
        response.setHeader("Cache-Control", "no-store");
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json(snapshot, clusters, hosts));
            return;
        }
        response.setContentType("text/html; charset=utf-8");
        PrintWriter out = response.getWriter();
        out.println("<html><title>Status : Caucho Servlet Engine</title>");
        out.println("<body bgcolor=white>");
        out.println("<h1>Status : Caucho Servlet Engine</h1>");
        if (!snapshot.problems().isEmpty()) {
            out.println("<h2 color='red'>Error : the last load of " + Html.escape(snapshot.source()) + " failed with "
                    + snapshot.problems().size() + " problem" + (snapshot.problems().size() == 1 ? "" : "s")
                    + "</h2>");
        }
        out.println("<table border=0>");
        summaryRow(out, "Start Time", ctime(started));
        summaryRow(out, "Now", ctime(Instant.now()));
        summaryRow(out, "Session Cookie", "'JSESSIONID'");
        summaryRow(out, "Session URL", "';jsessionid='");
        summaryRow(out, "Config File", snapshot.source());
        summaryRow(out, "Config Loaded", snapshot.loadedAt() == null ? "never" : ctime(snapshot.loadedAt()));
        out.println("</table>");
        for (Map.Entry<String, List<BackendStatus>> cluster : clusters.entrySet()) {
            out.println("<h2>Cluster: " + Html.escape(cluster.getKey()) + "</h2>");
            serverTable(out, cluster.getValue());
        }
        for (StatusHosts.Host host : hosts) {
            hostSection(out, host, snapshot);
        }
        problems(out, snapshot);
        rules(out, snapshot);
        out.println("<hr>");
        out.println("<em>Turnpike " + Html.escape(version()) + "</em>");
        out.println("</body></html>");
    }

    private Map<String, List<BackendStatus>> clusters() {
        Map<String, List<BackendStatus>> clusters = new LinkedHashMap<>();
        if (connectors.isResolvable()) {
            for (BackendStatus backend : connectors.get().backends()) {
                clusters.computeIfAbsent(backend.cluster(), id -> new ArrayList<>()).add(backend);
            }
        }
        return clusters;
    }

    private static void summaryRow(PrintWriter out, String label, String value) {
        out.println("<tr><td><b>" + label + "</b></td><td>" + Html.escape(value) + "</td></tr>");
    }

    private static void serverTable(PrintWriter out, List<BackendStatus> servers) {
        out.println("<center><table border=2 width='80%'>");
        out.println("<tr><th width=\"30%\">Host</th><th>Active</th><th>Pooled</th><th>Connect<br>Timeout</th>"
                + "<th>Idle<br>Time</th><th>Recover<br>Time</th><th>Socket<br>Timeout</th><th>State</th>"
                + "<th>Failures</th><th>Last<br>Failure</th><th>Recover<br>Left</th></tr>");
        for (BackendStatus server : servers) {
            boolean up = reachable(server);
            out.println("<tr><td bgcolor='" + (up ? "#66ff66" : "#ff6666") + "'>" + (server.index() + 1) + ". "
                    + Html.escape(server.address()) + ":" + server.port() + (server.backup() ? "*" : "")
                    + (up ? " (ok)" : " (down)") + "</td>"
                    + number(server.active()) + number(server.idle()) + number(server.connectTimeout().toSeconds())
                    + number(server.idleTime().toSeconds()) + number(server.recoverTime().toSeconds())
                    + number(server.socketTimeout().toSeconds())
                    + "<td>" + Html.escape(server.state()) + (server.failed() ? " (failed)" : "") + "</td>"
                    + number(server.failCount())
                    + "<td>" + (server.lastFailureMillis() < 0 ? "never"
                    : Html.escape(ctime(Instant.ofEpochMilli(server.lastFailureMillis())))) + "</td>"
                    + "<td align=right>" + seconds(server.recoverLeft()) + "</td></tr>");
        }
        out.println("</table></center>");
    }

    private static String number(long value) {
        return "<td align=right>" + value + "</td>";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /** Whether a connection to the backend opens now, as mod_caucho checks it. */
    private static boolean reachable(BackendStatus server) {
        long timeout = Math.max(1, Math.min(server.connectTimeout().toMillis(), PROBE_LIMIT.toMillis()));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.address(), server.port()), (int) timeout);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void hostSection(PrintWriter out, StatusHosts.Host host, LiveRules.Snapshot snapshot) {
        out.println("<h2>" + Html.escape(host.heading()) + "</h2>");
        out.println("<p><b>Source:</b> Turnpike (" + Html.escape(snapshot.source()) + ")</p>");
        out.println("<table border=2 cellspacing=0 cellpadding=2 width='80%' class=\"web-apps\">");
        out.println("<tr><th>web-app</th><th>url-pattern</th></tr>");
        for (StatusHosts.WebApp app : host.webApps()) {
            for (StatusHosts.Row row : app.rows()) {
                out.println((row.sent() ? "<tr bgcolor='#ffcc66'><td>" : "<tr><td>") + Html.escape(app.contextPath())
                        + "</td><td>" + (row.sent() ? Html.escape(row.text()) : "<em>" + Html.escape(row.text()) + "</em>")
                        + "</td></tr>");
            }
        }
        out.println("</table>");
    }

    private static void problems(PrintWriter out, LiveRules.Snapshot snapshot) {
        if (snapshot.problems().isEmpty()) {
            return;
        }
        out.println("<h2>Problems of the last load</h2><ul class=\"problems\">");
        for (ConfigProblem problem : snapshot.problems()) {
            out.println("<li><code>" + Html.escape(problem.toString()) + "</code></li>");
        }
        out.println("</ul>");
    }

    private static void rules(PrintWriter out, LiveRules.Snapshot snapshot) {
        out.println("<h2>Rules</h2>");
        if (snapshot.rules() == null) {
            out.println("<p>No rules are loaded: every request answers 503.</p>");
            return;
        }
        out.println("<table border=2 cellspacing=0 cellpadding=2 width='80%' class=\"rules\">"
                + "<tr><th>#</th><th>rule</th><th>declared at</th></tr>");
        int index = 1;
        for (Rule rule : snapshot.rules().rules()) {
            out.println("<tr><td>" + index++ + "</td><td><code>" + Html.escape(rule.toString()) + "</code></td><td>"
                    + Html.escape(rule.origin()) + "</td></tr>");
        }
        out.println("</table>");
    }

    private String json(LiveRules.Snapshot snapshot, Map<String, List<BackendStatus>> clusters,
            List<StatusHosts.Host> hosts) {
        JsonArrayBuilder clusterArray = Json.createArrayBuilder();
        for (Map.Entry<String, List<BackendStatus>> cluster : clusters.entrySet()) {
            JsonArrayBuilder servers = Json.createArrayBuilder();
            for (BackendStatus server : cluster.getValue()) {
                JsonObjectBuilder entry = Json.createObjectBuilder()
                        .add("index", server.index())
                        .add("id", server.id())
                        .add("address", server.address())
                        .add("port", server.port())
                        .add("backup", server.backup())
                        .add("reachable", reachable(server))
                        .add("state", server.state())
                        .add("failed", server.failed())
                        .add("active", server.active())
                        .add("pooled", server.idle())
                        .add("failures", server.failCount())
                        .add("recoverLeftMillis", server.recoverLeft().toMillis())
                        .add("connectTimeoutMillis", server.connectTimeout().toMillis())
                        .add("idleTimeMillis", server.idleTime().toMillis())
                        .add("recoverTimeMillis", server.recoverTime().toMillis())
                        .add("socketTimeoutMillis", server.socketTimeout().toMillis());
                if (server.lastFailureMillis() >= 0) {
                    entry.add("lastFailure", Instant.ofEpochMilli(server.lastFailureMillis()).toString());
                }
                servers.add(entry);
            }
            clusterArray.add(Json.createObjectBuilder().add("id", cluster.getKey()).add("servers", servers));
        }
        JsonArrayBuilder problems = Json.createArrayBuilder();
        snapshot.problems().forEach(problem -> problems.add(problem.toString()));
        JsonArrayBuilder rules = Json.createArrayBuilder();
        if (snapshot.rules() != null) {
            for (Rule rule : snapshot.rules().rules()) {
                rules.add(Json.createObjectBuilder().add("origin", rule.origin()).add("rule", rule.toString()));
            }
        }
        JsonObjectBuilder configuration = Json.createObjectBuilder().add("source", snapshot.source())
                .add("serving", snapshot.rules() != null).add("problems", problems);
        if (snapshot.loadedAt() != null) {
            configuration.add("loadedAt", snapshot.loadedAt().toString());
        }
        return Json.createObjectBuilder()
                .add("version", version())
                .add("startTime", started.toString())
                .add("now", Instant.now().toString())
                .add("sessionCookie", "JSESSIONID")
                .add("sessionUrl", ";jsessionid=")
                .add("configuration", configuration)
                .add("clusters", clusterArray)
                .add("hosts", hostsJson(hosts))
                .add("rules", rules)
                .build().toString();
    }

    private static JsonArrayBuilder hostsJson(List<StatusHosts.Host> sections) {
        JsonArrayBuilder hosts = Json.createArrayBuilder();
        for (StatusHosts.Host host : sections) {
            JsonArrayBuilder apps = Json.createArrayBuilder();
            for (StatusHosts.WebApp app : host.webApps()) {
                JsonArrayBuilder rows = Json.createArrayBuilder();
                app.rows().forEach(row -> rows.add(Json.createObjectBuilder().add("text", row.text())
                        .add("sent", row.sent())));
                apps.add(Json.createObjectBuilder().add("contextPath", app.contextPath()).add("urlPatterns", rows));
            }
            hosts.add(Json.createObjectBuilder().add("host", host.heading()).add("webApps", apps));
        }
        return hosts;
    }

    private static String ctime(Instant instant) {
        return CTIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    private static String version() {
        String version = LiveRules.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
