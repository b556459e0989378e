package dev.turnpike.it.differential;

import static dev.turnpike.it.differential.DiffCase.get;

import java.util.List;

/**
 * The rule examples of Resin's rewrite documentation, each on a virtual host of its own, at the
 * level the documentation shows it, with its XML as printed (only {@code xmlns} declarations
 * dropped, which the layout provides). The pages:
 *
 * <ul>
 *   <li>Resin 4 "URL rewriting and dispatching" ({@code admin/http-rewrite.xtp}), in its versions
 *       with {@code resin:*} tags and the older one that still listed the Resin 3.1 tags;
 *   <li>Resin 4 tag reference ({@code admin/http-rewrite-ref.xtp}): tables of the tags only, no
 *       example of its own;
 *   <li>Resin 3.1 "URL rewrite tags" ({@code doc/rewrite-tags.xtp});
 *   <li>Resin 3.0 wiki "Rewrite-dispatch".
 * </ul>
 *
 * <p>Where a page shows the same XML twice (the Resin 3.1 page and the older Resin 4 page share
 * their examples), one host covers both. Every web-app serves the echo servlet at {@code *.jsp},
 * {@code *.php}, {@code *.do} and {@code /echo/*}, and holds the file {@value #EXISTING_FILE}.
 *
 * <p>Examples left out, because they cannot be compared on both servers:
 * <ul>
 *   <li>http-rewrite.xtp "Servlet Filters" ({@code <mypkg:MyFilter>} inside {@code resin:Dispatch}):
 *       needs a user filter class on both servers (and its XML binds {@code my} but uses
 *       {@code mypkg});
 *   <li>http-rewrite.xtp / rewrite-tags.xtp "Example: FORWARD dispatch": the tag is printed as
 *       {@code <dispatch-type>}, which neither Resin (its setter is {@code addDispatcherType}) nor
 *       Turnpike knows, so the file would not load; and with {@code <dispatcher-type>} it only acts on
 *       {@code RequestDispatcher} forwards, which Turnpike documents it does not filter;
 *   <li>"Importing rules from an external file" / "An external file containing rules": needs
 *       {@code /WEB-INF/rewrite-*.xml} files that the layout does not create, resolved against a
 *       web-app directory Turnpike does not have;
 *   <li>"Load balancing to an app-tier" ({@code <load-balance>}): needs Resin Professional and a
 *       backend cluster;
 *   <li>{@code <rewrite-real-path>} (four examples): aliases {@code getRealPath()} onto directories
 *       that do not exist here; it is not a dispatch rule;
 *   <li>"Logging example": a {@code <logger>}, not a rule.
 * </ul>
 *
 * <p>No request here is secure (the suite has no SSL), so the branch of an {@code IfSecure} /
 * {@code secure} condition that needs SSL is not exercised. Two kinds of request are documented
 * deviations: targets like {@code /index.php/Main_Page}, which Resin maps to {@code *.php} with
 * path info and a Servlet container does not, and the {@code <set>} example, whose condition
 * Resin ignores.
 */
final class DocExamples {

    /** A file present in every web-app of both servers, for {@code resin:IfFileExists}. */
    static final String EXISTING_FILE = "/files/readme.txt";

    /** One example's host: its name and the rules at host and web-app level ({@code null}: none). */
    record Host(String name, String hostRules, String webAppRules) {
    }

    // http-rewrite.xtp "Forward based on host name" (resin.xml configuration, <cluster> level)
    private static final String CLUSTER_FORWARD_BY_HOST = """
            <resin:Forward regexp="http://gryffindor\\.[^/]+" target="/gryffindor/"/>
            <resin:Forward regexp="http://slytherin\\.[^/]+" target="/slytherin/"/>
            """;

    /** The {@code resin:*} rules of the examples at cluster level; they only match host names no other case uses. */
    static final String CLUSTER = CLUSTER_FORWARD_BY_HOST;

    /**
     * rewrite-tags.xtp "Forward based on host name" ({@code <cluster>} level): the children of its
     * {@code <rewrite-dispatch>}, which joins the cluster's only one. The host names are changed
     * (ravenclaw, hufflepuff) because the {@code resin:*} rules above would otherwise answer first.
     */
    static final String CLUSTER_31 = """
            <forward regexp="http://ravenclaw\\.[^/]+" target="/ravenclaw/"/>
            <forward regexp="http://hufflepuff\\.[^/]+" target="/hufflepuff/"/>
            """;

    static final String MEDIAWIKI = "doc-mediawiki.test";
    static final String DRUPAL = "doc-drupal.test";
    static final String WORDPRESS = "doc-wordpress.test";
    static final String OLD_PAGES = "doc-oldpages.test";
    static final String FLIP = "doc-flip.test";
    static final String SECRET = "doc-secret.test";
    static final String SET_HEADER = "doc-setheader.test";
    static final String HTTPS = "doc-https.test";
    static final String ALIAS = "doc-alias.test";
    static final String MEDIAWIKI_31 = "doc31-mediawiki.test";
    static final String FORBIDDEN_31 = "doc31-forbidden.test";
    static final String FORWARD_31 = "doc31-forward.test";
    static final String GONE_31 = "doc31-gone.test";
    static final String NOT_FOUND_31 = "doc31-notfound.test";
    static final String LOCALE_31 = "doc31-locale.test";
    static final String OLD_COM_31 = "doc31-oldcom.test";
    static final String FOO_BAR_31 = "doc31-foobar.test";
    static final String HTTPS_31 = "doc31-https.test";
    static final String NO_CASE_31 = "doc31-nocase.test";
    static final String LOCAL_NET_31 = "doc31-localnet.test";
    static final String SECURE_31 = "doc31-secure.test";
    static final String SSL_HEADER_31 = "doc31-sslheader.test";
    static final String ALIAS_31 = "doc31-alias.test";
    static final String WIKI_REDIRECT = "wiki-redirect.test";
    static final String WIKI_MOVED = "wiki-moved.test";
    static final String WIKI_FORWARD = "wiki-forward.test";
    static final String WIKI_FORBIDDEN = "wiki-forbidden.test";
    static final String WIKI_NOT_FOUND = "wiki-notfound.test";
    static final String WIKI_GONE = "wiki-gone.test";

    static final List<Host> HOSTS = List.of(
            // http-rewrite.xtp "Example: MediaWiki /Main_Page to /index.php/Main_Page"
            webApp(MEDIAWIKI, """
                    <resin:Dispatch regexp="\\.(php|jpg|html|txt|gif|png|js|css)"/>
                    <resin:Dispatch regexp="^" target="/index.php"/>
                    """),
            // http-rewrite.xtp "Example: Drupal node/1924"
            webApp(DRUPAL, """
                    <resin:Dispatch regexp="\\.(php|jpg|html|txt|gif|png|js|css)"/>
                    <resin:Dispatch regexp="^/" target="/index.php?q="/>
                    """),
            // http-rewrite.xtp "Example: Wordpress Rewriting"
            webApp(WORDPRESS, """
                    <resin:Dispatch>
                      <resin:IfFileExists/>
                    </resin:Dispatch>
                    <resin:Forward regexp="^" target='/index.php'/>
                    """),
            // http-rewrite.xtp "Example: redirecting old pages"
            webApp(OLD_PAGES, """
                    <resin:Redirect regexp="^/old-page.html" target="/new-page.html"/>
                    <resin:Redirect regexp="^/old/" target="/new/"/>
                    """),
            // http-rewrite.xtp "Example: redirect flipping"
            webApp(FLIP, """
                    <resin:Redirect regexp="^/([^/]+)/([^/]+)" target="/$2/$1"/>
                    """),
            // http-rewrite.xtp "Example: dispatch on header" (an IfSecure condition)
            webApp(SECRET, """
                    <resin:Forbidden regexp="^/secret">
                      <resin:IfSecure value="false"/>
                    </resin:Forbidden>
                    """),
            // http-rewrite.xtp "Example: SetHeader" (Filter Actions)
            webApp(SET_HEADER, """
                    <resin:SetHeader regexp="^/secret" name="Foo" value="bar"/>
                    """),
            // http-rewrite.xtp "Redirect http:// requests to https:// requests" (resin:* version, <host>)
            new Host(HTTPS, """
                    <resin:Redirect regexp="^" target="https://${host.name}">
                      <resin:IfSecure value="false"/>
                    </resin:Redirect>
                    """, null),
            // http-rewrite.xtp "Make an alias for a web-app" (resin:* version, <host>)
            new Host(ALIAS, """
                    <resin:Forward regexp="^/classroom/physics" target="/physics"/>
                    """, null),
            // rewrite-tags.xtp <dispatch> and <rewrite-dispatch> "Mediawiki dispatch in resin-web.xml"
            webApp(MEDIAWIKI_31, """
                    <rewrite-dispatch>
                      <dispatch regexp="\\.(php|gif|css|jpg|png)"/>
                      <forward regexp="^" target="/index.php"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <forbidden> "Forbidding a directory"
            webApp(FORBIDDEN_31, """
                    <rewrite-dispatch>
                      <forbidden regexp="^/protected"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <forward> "Forwarding to a new URL"
            webApp(FORWARD_31, """
                    <rewrite-dispatch>
                      <forward regexp="^/old" target="/new"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <gone> "Hiding a directory"
            webApp(GONE_31, """
                    <rewrite-dispatch>
                      <gone regexp="^/protected"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <not-found> "Hiding a directory"
            webApp(NOT_FOUND_31, """
                    <rewrite-dispatch>
                      <not-found regexp="^/protected"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp locale (untitled example)
            webApp(LOCALE_31, """
                    <rewrite-dispatch>
                      <forward regexp='^/' target='/fr/'>
                        <when locale="^fr"/>
                      </forward>

                      <forward regexp='^/' target='/en/'/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <moved-permanently> "Forwarding to a new virtual host" (host old.com, web-app /)
            webApp(OLD_COM_31, """
                    <rewrite-dispatch>
                      <moved-permanently regexp="^/(.*)$"
                                         target="http://new.com/$1"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <redirect> "Forwarding to a new virtual host"
            webApp(FOO_BAR_31, """
                    <rewrite-dispatch>
                      <redirect regexp="^/(foo)" target="http://$1.bar.com"/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <redirect> "Redirecting all http:// requests to https://", the same XML as
            // rewrite-tags.xtp Examples "Redirect http:// requests to https:// requests" (<host>)
            new Host(HTTPS_31, """
                    <rewrite-dispatch>
                      <redirect regexp="^" target="https://${host.name}">
                        <when secure="false"/>
                      </redirect>
                    </rewrite-dispatch>
                    """, null),
            // rewrite-tags.xtp (older http-rewrite.xtp) <regexp> "case-insensitive match"
            webApp(NO_CASE_31, """
                    <rewrite-dispatch>
                      <forbidden regexp='(?i:^/foo)'/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp remote-addr "Forbidding admin access to clients outside of the local network"
            webApp(LOCAL_NET_31, """
                    <rewrite-dispatch>
                      <forbidden regexp='^/foo'>
                        <unless remote-addr="192.168.2.1/24"/>
                      </forbidden>

                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp secure "secure example"
            webApp(SECURE_31, """
                    <rewrite-dispatch>
                      <redirect regexp='^/foo' target='/secure'>
                        <when secure='true'/>
                      </redirect>

                      <redirect regexp='^/foo' target='/insecure'>
                        <when secure='false'/>
                      </redirect>

                      <redirect regexp='^/bar' target='/public'/>
                    </rewrite-dispatch>
                    """),
            // rewrite-tags.xtp <set> "Making the request secure in response to a header from a hardware load balancer"
            webApp(SSL_HEADER_31, """
                    <rewrite-dispatch>
                      <set request-secure="true">
                        <when header="X-SSL-cipher"/>
                      </set>

                      <forward regexp="^/checkout" target="https://hogwarts.com/checkout">
                        <when secure="false"/>
                      </forward>

                    </rewrite-dispatch>
                    """),
            // http-rewrite.xtp (version with the Resin 3.1 tags) Examples "Make an alias for a web-app" (<host>)
            new Host(ALIAS_31, """
                    <rewrite-dispatch>
                      <forward regexp="^/classroom/physics" target="/physics"/>
                    </rewrite-dispatch>
                    """, null),
            // Resin 3.0 wiki Rewrite-dispatch "302 Redirecting a URL"
            webApp(WIKI_REDIRECT, """
                    <rewrite-dispatch>
                      <redirect regexp='^/foo' target='/bar'/>
                    </rewrite-dispatch>
                    """),
            // Resin 3.0 wiki Rewrite-dispatch "301 Permanently Move a URL"
            webApp(WIKI_MOVED, """
                    <rewrite-dispatch>
                      <moved-permanently regexp='^/foo' target='/bar'/>
                    </rewrite-dispatch>
                    """),
            // Resin 3.0 wiki Rewrite-dispatch "Forwarding a URL"
            webApp(WIKI_FORWARD, """
                    <rewrite-dispatch>
                      <forward regexp='^/foo' target='/bar'/>
                    </rewrite-dispatch>
                    """),
            // Resin 3.0 wiki Rewrite-dispatch "403 Forbidden"
            webApp(WIKI_FORBIDDEN, """
                    <rewrite-dispatch>
                      <forbidden regexp="^/foo"/>
                    </rewrite-dispatch>
                    """),
            // Resin 3.0 wiki Rewrite-dispatch "404 Not Found"
            webApp(WIKI_NOT_FOUND, """
                    <rewrite-dispatch>
                      <not-found regexp="^/foo"/>
                    </rewrite-dispatch>
                    """),
            // Resin 3.0 wiki Rewrite-dispatch "410 Gone"
            webApp(WIKI_GONE, """
                    <rewrite-dispatch>
                      <gone regexp="^/foo"/>
                    </rewrite-dispatch>
                    """));

    private static final String LOCAL_NET_UNLESS_IGNORED = "Resin 4's <forbidden> ignores its <unless> condition"
            + " (resin-spec 9.1), so it sends no Cache-Control; Turnpike evaluates remote-addr (the client is"
            + " outside 192.168.2.0/24, so still 403), which adds Cache-Control: private";

    private static final String PHP_PATH_INFO = "Resin maps *.php even when a path follows the extension"
            + " (/index.php/Main_Page: servlet path /index.php, path info /Main_Page); a Servlet container maps an"
            + " extension only in the last segment, so WildFly serves such a target differently (README,"
            + " Differences from Resin)";

    private static final String SET_WHEN_IGNORED = "Resin 4.0.66 applies <set request-secure> whatever its <when>"
            + " says and sends no Vary for it; Turnpike honours the condition (secure only with X-SSL-cipher) and"
            + " sends Vary: X-SSL-cipher";

    private DocExamples() {
    }

    private static Host webApp(String name, String rules) {
        return new Host(name, null, rules);
    }

    static List<DiffCase> cases() {
        return List.of(
                // http-rewrite.xtp "Example: MediaWiki /Main_Page to /index.php/Main_Page"
                get(MEDIAWIKI, EXISTING_FILE),
                get(MEDIAWIKI, "/default.css"),
                get(MEDIAWIKI, "/index.php?title=Main_Page"),
                get(MEDIAWIKI, "/Main_Page.do"),
                get(MEDIAWIKI, "/Main_Page.do?action=edit"),
                                get(MEDIAWIKI, "/").quirk(PHP_PATH_INFO, 404),
                get(MEDIAWIKI, "/?title=Special:Random").quirk(PHP_PATH_INFO, 404),
                get(MEDIAWIKI, "/Main_Page").quirk(PHP_PATH_INFO, 404),
                // http-rewrite.xtp "Example: Drupal node/1924"
                get(DRUPAL, "/node/1924"),
                get(DRUPAL, "/node/1924?page=2"),
                get(DRUPAL, "/misc/drupal.js"),
                get(DRUPAL, "/cron.php?key=k"),
                get(DRUPAL, EXISTING_FILE),
                // http-rewrite.xtp "Example: Wordpress Rewriting"
                get(WORDPRESS, EXISTING_FILE),
                get(WORDPRESS, EXISTING_FILE + "?ver=1"),
                                get(WORDPRESS, "/2009/hello-world").quirk(PHP_PATH_INFO, 404),
                get(WORDPRESS, "/wp-login.php").quirk(PHP_PATH_INFO, 200),
                // http-rewrite.xtp "Example: redirecting old pages"
                get(OLD_PAGES, "/old-page.html"),
                get(OLD_PAGES, "/old-page.html?ref=home"),
                get(OLD_PAGES, "/old/a/b.jsp"),
                get(OLD_PAGES, "/older.jsp"),
                get(OLD_PAGES, "/old-page-html.jsp"),
                // http-rewrite.xtp "Example: redirect flipping"
                get(FLIP, "/foo/bar"),
                get(FLIP, "/foo/bar/baz.jsp?x=1"),
                get(FLIP, "/foo.jsp"),
                // http-rewrite.xtp "Example: dispatch on header"
                get(SECRET, "/secret"),
                get(SECRET, "/secret/plans.jsp?v=2"),
                get(SECRET, "/secretary.jsp"),
                get(SECRET, "/public.jsp"),
                // http-rewrite.xtp "Example: SetHeader"
                get(SET_HEADER, "/secret.jsp"),
                get(SET_HEADER, "/secret/x.jsp?y=1"),
                get(SET_HEADER, "/public.jsp"),
                get(SET_HEADER, "/notsecret.jsp"),
                // http-rewrite.xtp "Redirect http:// requests to https:// requests"
                get(HTTPS, "/anything.html"),
                get(HTTPS, "/cart.jsp?item=7"),
                                get(HTTPS, "/"),
                // http-rewrite.xtp "Make an alias for a web-app"
                get(ALIAS, "/classroom/physics/intro.jsp"),
                get(ALIAS, "/classroom/physics/intro.jsp?ch=2"),
                get(ALIAS, "/classroom/physics"),
                get(ALIAS, "/classroom/chemistry.jsp"),
                // http-rewrite.xtp "Forward based on host name" (cluster level)
                get("gryffindor.hogwarts.test", "/anything.jsp"),
                get("slytherin.hogwarts.test", "/anything.jsp?house=green"),
                get("hogwarts.test", "/anything.jsp"),
                // rewrite-tags.xtp "Forward based on host name" (cluster level, host names changed)
                get("ravenclaw.hogwarts.test", "/anything.jsp"),
                get("hufflepuff.hogwarts.test", "/anything.jsp"),
                // rewrite-tags.xtp "Mediawiki dispatch in resin-web.xml"
                get(MEDIAWIKI_31, "/index.php?title=Main_Page"),
                get(MEDIAWIKI_31, "/skins/logo.png"),
                get(MEDIAWIKI_31, "/Main_Page.do"),
                get(MEDIAWIKI_31, "/Main_Page.do?action=edit"),
                                get(MEDIAWIKI_31, "/Main_Page").quirk(PHP_PATH_INFO, 404),
                // rewrite-tags.xtp "Forbidding a directory"
                get(FORBIDDEN_31, "/protected"),
                get(FORBIDDEN_31, "/protected/x.jsp"),
                get(FORBIDDEN_31, "/protectedness.jsp"),
                get(FORBIDDEN_31, "/public/protected.jsp"),
                // rewrite-tags.xtp "Forwarding to a new URL"
                get(FORWARD_31, "/old/page.jsp"),
                get(FORWARD_31, "/old/page.jsp?x=1"),
                get(FORWARD_31, "/older.jsp"),
                get(FORWARD_31, "/new/page.jsp"),
                // rewrite-tags.xtp <gone> "Hiding a directory"
                get(GONE_31, "/protected"),
                get(GONE_31, "/protected/x.jsp?y=1"),
                get(GONE_31, "/visible.jsp"),
                // rewrite-tags.xtp <not-found> "Hiding a directory"
                get(NOT_FOUND_31, "/protected.jsp"),
                get(NOT_FOUND_31, "/protected/x.jsp"),
                get(NOT_FOUND_31, "/visible.jsp"),
                // rewrite-tags.xtp locale
                get(LOCALE_31, "/index.jsp", "Accept-Language: fr"),
                get(LOCALE_31, "/index.jsp?x=1", "Accept-Language: FR-ca,en;q=0.8"),
                get(LOCALE_31, "/index.jsp", "Accept-Language: en-US,fr;q=0.9"),
                get(LOCALE_31, "/index.jsp"),
                // rewrite-tags.xtp <moved-permanently> "Forwarding to a new virtual host"
                get(OLD_COM_31, "/hello/world.html?foo=bar"),
                get(OLD_COM_31, "/hello/world.html"),
                get(OLD_COM_31, "/index.html"),
                                get(OLD_COM_31, "/"),
                // rewrite-tags.xtp <redirect> "Forwarding to a new virtual host"
                get(FOO_BAR_31, "/foo"),
                get(FOO_BAR_31, "/foo/x.html?y=1"),
                get(FOO_BAR_31, "/foobar"),
                get(FOO_BAR_31, "/bar.jsp"),
                // rewrite-tags.xtp "Redirecting all http:// requests to https://"
                get(HTTPS_31, "/anything.html"),
                get(HTTPS_31, "/cart.jsp?item=7"),
                                get(HTTPS_31, "/"),
                // rewrite-tags.xtp "case-insensitive match"
                get(NO_CASE_31, "/foo"),
                get(NO_CASE_31, "/FOO/x.jsp"),
                get(NO_CASE_31, "/Food.jsp"),
                get(NO_CASE_31, "/bar/foo.jsp"),
                // rewrite-tags.xtp "Forbidding admin access to clients outside of the local network"
                get(LOCAL_NET_31, "/foo").quirk(LOCAL_NET_UNLESS_IGNORED, 403),
                get(LOCAL_NET_31, "/foo/admin.jsp").quirk(LOCAL_NET_UNLESS_IGNORED, 403),
                get(LOCAL_NET_31, "/bar.jsp"),
                // rewrite-tags.xtp "secure example"
                get(SECURE_31, "/foo/index.html"),
                get(SECURE_31, "/foo/index.html?x=1"),
                get(SECURE_31, "/bar/index.html"),
                get(SECURE_31, "/baz.jsp"),
                // rewrite-tags.xtp "Making the request secure in response to a header from a hardware load balancer"
                                get(SSL_HEADER_31, "/other.jsp").quirk(SET_WHEN_IGNORED, 200),
                get(SSL_HEADER_31, "/checkout.jsp", "X-SSL-cipher: AES256").quirk(SET_WHEN_IGNORED, 200),
                get(SSL_HEADER_31, "/checkout", "X-SSL-cipher: AES256").quirk(SET_WHEN_IGNORED, 404),
                get(SSL_HEADER_31, "/checkout").quirk(SET_WHEN_IGNORED, 404),
                // http-rewrite.xtp (Resin 3.1 tags) "Make an alias for a web-app"
                get(ALIAS_31, "/classroom/physics/intro.jsp"),
                get(ALIAS_31, "/classroom/physics/intro.jsp?ch=2"),
                get(ALIAS_31, "/classroom/chemistry.jsp"),
                // wiki "302 Redirecting a URL"
                get(WIKI_REDIRECT, "/foo"),
                get(WIKI_REDIRECT, "/foo/x.jsp?q=1"),
                get(WIKI_REDIRECT, "/food"),
                get(WIKI_REDIRECT, "/bar.jsp"),
                // wiki "301 Permanently Move a URL"
                get(WIKI_MOVED, "/foo"),
                get(WIKI_MOVED, "/foo/x.jsp?q=1"),
                get(WIKI_MOVED, "/bar.jsp"),
                // wiki "Forwarding a URL"
                get(WIKI_FORWARD, "/foo/x.jsp"),
                get(WIKI_FORWARD, "/foo/x.jsp?q=1"),
                get(WIKI_FORWARD, "/foo"),
                get(WIKI_FORWARD, "/x/foo.jsp"),
                // wiki "403 Forbidden"
                get(WIKI_FORBIDDEN, "/foo"),
                get(WIKI_FORBIDDEN, "/foo/x.jsp"),
                get(WIKI_FORBIDDEN, "/x/foo.jsp"),
                // wiki "404 Not Found"
                get(WIKI_NOT_FOUND, "/foo.jsp"),
                get(WIKI_NOT_FOUND, "/foo/x.jsp?q=1"),
                get(WIKI_NOT_FOUND, "/bar.jsp"),
                // wiki "410 Gone"
                get(WIKI_GONE, "/foo"),
                get(WIKI_GONE, "/foo.jsp?q=1"),
                get(WIKI_GONE, "/bar.jsp"));
    }
}
