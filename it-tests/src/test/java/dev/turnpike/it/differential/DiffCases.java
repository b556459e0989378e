package dev.turnpike.it.differential;

import static dev.turnpike.it.differential.DiffCase.get;
import static dev.turnpike.it.differential.DiffCase.post;

import java.util.ArrayList;
import java.util.List;

/** The requests of the differential suite, grouped by the rules they exercise. */
final class DiffCases {

    static final String R4 = "r4.test";
    static final String R3 = "r3.test";
    static final String H4 = "h4.test";
    static final String SRV = "srv.test";

    private DiffCases() {
    }

    static List<DiffCase> all() {
        List<DiffCase> cases = new ArrayList<>();
        cases.addAll(resin4());
        cases.addAll(resin4Conditions());
        cases.addAll(resin3());
        cases.addAll(resin3Conditions());
        cases.addAll(levels());
        cases.addAll(encodings());
        cases.addAll(DocExamples.cases());
        return cases;
    }

    private static List<DiffCase> resin4() {
        return List.of(
                get(R4, "/echo/plain"),
                get(R4, "/echo/plain?a=1&b=2"),
                get(R4, "/forbidden"),
                get(R4, "/forbidden/deeper/x.html"),
                get(R4, "/forbidden?x=1"),
                get(R4, "/not/forbidden"),
                get(R4, "/notfound/x"),
                get(R4, "/teapot"),
                get(R4, "/err503"),
                get(R4, "/errdefault"),
                get(R4, "/redirect/a/b"),
                get(R4, "/redirect/a?q=1"),
                get(R4, "/redirect/"),
                get(R4, "/redirq/a?q=1"),
                get(R4, "/redirq/a"),
                get(R4, "/redirabs/x/y?z=1"),
                get(R4, "/redirrel/x"),
                get(R4, "/rfirst/rest"),
                get(R4, "/moved/a/b"),
                get(R4, "/moved/a?q=1"),
                get(R4, "/movedq/a?q=1"),
                get(R4, "/dispatch/a/b"),
                get(R4, "/dispatch/a?q=1"),
                get(R4, "/dispq/7"),
                get(R4, "/dispq/7?orig=1"),
                get(R4, "/echo/stop"),
                get(R4, "/echo/stop?x=1"),
                get(R4, "/dsub/rest"),
                get(R4, "/forward/a/b"),
                get(R4, "/forward/a?q=1"),
                get(R4, "/fwdq/9"),
                get(R4, "/fwdall/x"),
                get(R4, "/order/a"),
                get(R4, "/order/b"),
                get(R4, "/rw/z"),
                get(R4, "/rw/z?q=1"),
                get(R4, "/rwself/z").quirk("resin:Rewrite whose pattern matches its own output stops later rules"
                        + " (resin-spec 4.4.3); Turnpike's Rewrite never ends evaluation, so the Forbidden after it"
                        + " applies", 403),
                get(R4, "/hdr/x"),
                get(R4, "/hdr/x?y=1"),
                get(R4, "/vary/x"),
                get(R4, "/echo/secure"),
                get(R4, "/echo/secure?z=1"),
                get(R4, "/withhdr/x"),
                get(R4, "/loc/a", "X-L: 1"),
                get(R4, "/loc/b", "X-L: 1"),
                get(R4, "/loc/a"),
                get(R4, "/loc/c", "X-L: 1"),
                post(R4, "/dispatch/posted"),
                post(R4, "/redirect/posted"),
                get(R4, "/caf%C3%A9"),
                get(R4, "/echo/caf%C3%A9"));
    }

    private static List<DiffCase> resin4Conditions() {
        return List.of(
                get(R4, "/cond/header", "X-Block: yes"),
                get(R4, "/cond/header", "X-Block: no"),
                get(R4, "/cond/header"),
                get(R4, "/cond/hpresent", "X-Block: anything"),
                get(R4, "/cond/hpresent"),
                get(R4, "/cond/cookie", "Cookie: block=1"),
                get(R4, "/cond/cookie", "Cookie: block=2"),
                get(R4, "/cond/cookie", "Cookie: other=1"),
                get(R4, "/cond/method"),
                post(R4, "/cond/method"),
                get(R4, "/cond/query?block=yes"),
                get(R4, "/cond/query?block=no"),
                get(R4, "/cond/query"),
                get(R4, "/cond/secure"),
                get(R4, "/cond/insecure"),
                get(R4, "/cond/net"),
                get(R4, "/cond/othernet"),
                get(R4, "/cond/addr"),
                get(R4, "/cond/auth"),
                get(R4, "/cond/basic"),
                get(R4, "/cond/user"),
                get(R4, "/cond/role"),
                get(R4, "/cond/locale", "Accept-Language: fr-CA,en;q=0.5"),
                get(R4, "/cond/locale", "Accept-Language: en-US,fr;q=0.9"),
                get(R4, "/cond/locale"),
                get(R4, "/cond/port"),
                get(R4, "/cond/name"),
                get(R4, "/cond/cron"),
                get(R4, "/cond/and", "X-A: 1", "X-B: 1"),
                get(R4, "/cond/and", "X-A: 1"),
                get(R4, "/cond/or", "X-B: 1"),
                get(R4, "/cond/or"),
                get(R4, "/cond/not"),
                get(R4, "/cond/not", "X-A: 1"),
                get(R4, "/cond/notand", "X-A: 1"),
                get(R4, "/cond/notand", "X-A: 1", "X-B: 1"),
                get(R4, "/cond/notor"),
                get(R4, "/cond/notor", "X-B: 1"),
                get(R4, "/cond/two", "X-A: 1", "X-B: 1"),
                get(R4, "/cond/two", "X-B: 1"),
                get(R4, "/cond/redirect", "X-R: 1"),
                get(R4, "/cond/redirect"),
                get(R4, "/cond/dispatch"));
    }

    private static List<DiffCase> resin3() {
        return List.of(
                get(R3, "/echo/plain"),
                get(R3, "/forbidden/x"),
                get(R3, "/gone"),
                get(R3, "/notfound"),
                get(R3, "/redirect/a/b"),
                get(R3, "/redirect/a?q=1"),
                get(R3, "/redirq/a?q=1"),
                get(R3, "/redirq/a"),
                get(R3, "/moved/a?q=1"),
                get(R3, "/movedq/a?q=1"),
                get(R3, "/dispatch/a/b"),
                get(R3, "/dispatch/a?q=1"),
                get(R3, "/forward/a/b"),
                get(R3, "/forward/a?q=1"),
                get(R3, "/all/all/x"),
                get(R3, "/rw/z", "X-Rw: 1"),
                get(R3, "/rw/z"),
                get(R3, "/rwd/direct"),
                get(R3, "/rwu/z").quirk("an unconditioned <rewrite> has no effect on later rules in Resin 3.1.3-4.0"
                        + " (resin-spec 4.3.1); Turnpike rewrites as documented, so the dispatch after it serves the"
                        + " rewritten path", 200),
                get(R3, "/m/abc"),
                get(R3, "/m/abx"),
                get(R3, "/mc/q", "X-M: 1"),
                get(R3, "/mc/q"),
                get(R3, "/full?q=term"),
                get(R3, "/full?q=term&page=2"),
                get(R3, "/full"),
                get(R3, "/named"),
                get(R3, "/echo/secure"),
                get(R3, "/echo/stop"),
                post(R3, "/dispatch/posted"));
    }

    private static List<DiffCase> resin3Conditions() {
        return List.of(
                get(R3, "/cond/header", "X-A: abc"),
                get(R3, "/cond/header", "X-A: zzz"),
                get(R3, "/cond/header"),
                get(R3, "/cond/novary", "X-A: 1"),
                get(R3, "/cond/novary"),
                get(R3, "/cond/unless"),
                get(R3, "/cond/unless", "X-A: 1"),
                get(R3, "/cond/cookie", "Cookie: c=1"),
                get(R3, "/cond/cookie", "Cookie: c=0"),
                get(R3, "/cond/method"),
                post(R3, "/cond/method"),
                get(R3, "/cond/query?p=1"),
                get(R3, "/cond/query?p=2"),
                get(R3, "/cond/secure"),
                get(R3, "/cond/addr"),
                get(R3, "/cond/shortnet").quirk("Resin 4 reads the abbreviated network '127/8' as 0.0.0.127/8"
                        + " (resin-spec 4.9); Turnpike reads it as the documented 127.0.0.0/8, so the condition"
                        + " passes for 127.0.0.1", 200),
                get(R3, "/cond/auth"),
                get(R3, "/cond/user"),
                get(R3, "/cond/role"),
                get(R3, "/cond/locale", "Accept-Language: FR-ca"),
                get(R3, "/cond/locale", "Accept-Language: de"),
                get(R3, "/cond/sname"),
                get(R3, "/cond/sport"),
                get(R3, "/cond/and", "X-A: 1", "X-B: 1"),
                get(R3, "/cond/and", "X-B: 1"),
                get(R3, "/cond/or", "X-B: 1"),
                get(R3, "/cond/or"),
                get(R3, "/cond/not"),
                get(R3, "/cond/not", "X-A: 1"),
                get(R3, "/cond/forbidden", "X-F: 1").quirk("Resin 4's <forbidden> never evaluates its <when>"
                        + " conditions (resin-spec 9.1), so it sends no Vary; Turnpike evaluates them and sends"
                        + " Vary: X-F", 403),
                get(R3, "/cond/forbidden").quirk("Resin 4's <forbidden> ignores its <when> conditions"
                        + " (resin-spec 9.1); Turnpike honours them, so without the header the request passes", 404));
    }

    private static List<DiffCase> levels() {
        return List.of(
                get(SRV, "/blocked"),
                get(SRV, "/blocked/deeper"),
                get(SRV, "/blockedx"),
                get("SRV.TEST", "/blocked"),
                get(SRV, "/go/a/b?q=1"),
                get(SRV, "/sd/x"),
                get(SRV, "/gone31"),
                get(SRV, "/echo/x"),
                get(R4, "/global-redirect"),
                get(H4, "/global-redirect"),
                get(R4, "/blocked"),
                get(H4, "/hostblock"),
                get(H4, "/appblock"),
                get(H4, "/hr/a?q=1"),
                get(H4, "/hd/a/b"),
                get(H4, "/hm/a"),
                get(H4, "/hgone"),
                get(H4, "/hr31/a"),
                get(H4, "/echo/x"),
                get(R4, "/hostblock"),
                get(R3, "/hostblock"),
                get("unknown.test", "/forbidden"),
                get("unknown.test", "/blocked"));
    }

    private static List<DiffCase> encodings() {
        return List.of(
                get(R4, "/%66orbidden"),
                get(R4, "/FORBIDDEN"),
                get(R4, "/forbidden;jsessionid=abc123"),
                get(R4, "/echo/x;jsessionid=abc123?q=1").quirk("Resin strips ;jsessionid from getRequestURI();"
                        + " the Servlet specification and WildFly keep the URI as sent (the servlet path and path info"
                        + " agree)", 200),
                get(R4, "/echo/../forbidden"),
                get(R4, "/echo/./x"),
                get(R4, "//forbidden"),
                get(R4, "/echo/a%2Bb?q=a%2Bb"),
                get(R4, "/redirect/x?q=%C3%A9"),
                get(R4, "/dispatch/%C3%A9t%C3%A9"),
                get(R4, "/moved/%7Euser"),
                get(R4, "/redirect/a%20b").quirk("Resin puts a raw space into the Location header for %20 in the path"
                        + " (resin-spec 9.3); Turnpike escapes it", 302),
                get(R4, "/forbidden%2Fx"),
                get(R4, "/%2e%2e/forbidden"),
                get(R4, "/echo/%2e/x"),
                get(R4, "/echo/%7Etilde"),
                get(R4, "/%46ORBIDDEN"),
                get(R3, "/%66orbidden"),
                get(R3, "/forbidden;jsessionid=abc123"),
                get(R3, "/redirect/x%3Fy"),
                get(R3, "/dispatch/a%26b"));
    }
}
