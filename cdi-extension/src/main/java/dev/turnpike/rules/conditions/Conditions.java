package dev.turnpike.rules.conditions;

import dev.turnpike.cron.CronSchedule;
import dev.turnpike.match.BoundedSubject;
import dev.turnpike.net.IpNetworks;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.ConfigSyntax;
import dev.turnpike.rules.Exchange;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The built-in request conditions. Each is an immutable record; {@code toString()} renders it
 * as the Resin 4 tag that makes it. Regexps are matched with {@code find()}, so they match
 * anywhere unless anchored.
 */
public final class Conditions {

    private Conditions() {
    }

    /**
     * Whether the regexp (if any) finds a match in a value the client chose, within the same budget
     * as a rule's regexp ({@link BoundedSubject#find}); running out of budget counts as no match.
     */
    static boolean found(Pattern regexp, String value, Condition condition) {
        return regexp == null || BoundedSubject.find(regexp, value, condition);
    }

    static String attr(String name, Object value) {
        return ConfigSyntax.attribute(name, value);
    }

    /** A header is present and, with a regexp, its first value matches. */
    public record Header(String name, Pattern regexp) implements Condition {
        public Header {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean test(Exchange exchange) {
            String value = exchange.header(name);
            return value != null && found(regexp, value, this);
        }

        @Override
        public String toString() {
            return "<resin:IfHeader" + attr("name", name) + attr("regexp", regexp) + "/>";
        }
    }

    /** A cookie with exactly this name is present and, with a regexp, its value matches. */
    public record Cookie(String name, Pattern regexp) implements Condition {
        public Cookie {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean test(Exchange exchange) {
            String value = exchange.cookie(name);
            return value != null && found(regexp, value, this);
        }

        @Override
        public String toString() {
            return "<resin:IfCookie" + attr("name", name) + attr("regexp", regexp) + "/>";
        }
    }

    /**
     * A request parameter is present and, with a regexp, its first value matches.
     *
     * @param queryOnly read the query string only (Resin 3.1), not a form body (Resin 4)
     */
    public record QueryParam(String name, Pattern regexp, boolean queryOnly) implements Condition {
        public QueryParam {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean test(Exchange exchange) {
            String value = queryOnly ? exchange.queryParameter(name) : exchange.parameter(name);
            return value != null && found(regexp, value, this);
        }

        @Override
        public boolean cacheable() {
            return true;
        }

        @Override
        public String toString() {
            return "<resin:IfQueryParam" + attr("name", name) + attr("regexp", regexp) + "/>";
        }
    }

    /** The authentication scheme equals one value, case-insensitively; {@code NONE} = not authenticated. */
    public record AuthType(String value) implements Condition {
        /** The values Resin accepts. */
        public static final List<String> VALUES = List.of("BASIC", "CLIENT-CERT", "DIGEST", "FORM", "NONE");

        public AuthType {
            value = value.toUpperCase(Locale.ROOT);
            if (!VALUES.contains(value)) {
                throw new IllegalArgumentException("'" + value + "' is not an authentication type; valid: "
                        + String.join(", ", VALUES));
            }
        }

        @Override
        public boolean test(Exchange exchange) {
            String type = exchange.authType();
            if (value.equals("NONE")) {
                return type == null;
            }
            return type != null && (type.equalsIgnoreCase(value)
                    || (value.equals("CLIENT-CERT") && type.equalsIgnoreCase("CLIENT_CERT")));
        }

        @Override
        public String toString() {
            return "<resin:IfAuthType" + attr("value", value) + "/>";
        }
    }

    /** The request's locale ({@code fr_CA}) matches. */
    public record LocaleMatch(Pattern regexp) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return found(regexp, exchange.locale().toString(), this);
        }

        @Override
        public String toString() {
            return "<resin:IfLocale" + attr("value", regexp) + "/>";
        }
    }

    /** The local port the connection arrived on equals. */
    public record LocalPort(int port) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return exchange.localPort() == port;
        }

        @Override
        public String toString() {
            return "<resin:IfLocalPort" + attr("value", port) + "/>";
        }
    }

    /** The port the request was addressed to equals. */
    public record ServerPort(int port) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return exchange.serverPort() == port;
        }

        @Override
        public String toString() {
            return "<resin:IfServerPort" + attr("value", port) + "/>";
        }
    }

    /** The server name the request was addressed to matches. */
    public record ServerName(Pattern regexp) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return found(regexp, exchange.serverName(), this);
        }

        @Override
        public String toString() {
            return "<resin:IfServerName" + attr("regexp", regexp) + "/>";
        }
    }

    /** The method equals, case-sensitively. */
    public record Method(String method) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return method.equals(exchange.method());
        }

        @Override
        public boolean cacheable() {
            return true;
        }

        @Override
        public String toString() {
            return "<resin:IfMethod" + attr("value", method) + "/>";
        }
    }

    /** The client address lies in one of the networks. */
    public record Network(IpNetworks networks) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return networks.contains(exchange.remoteAddr());
        }

        @Override
        public String toString() {
            return "<resin:IfNetwork" + attr("value", networks) + "/>";
        }
    }

    /** The authenticated user's name equals. */
    public record RemoteUser(String user) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return user.equals(exchange.remoteUser());
        }

        @Override
        public String toString() {
            return "<resin:IfRemoteUser" + attr("value", user) + "/>";
        }
    }

    /** The request is (or is not) secure. */
    public record Secure(boolean secure) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return exchange.secure() == secure;
        }

        @Override
        public String toString() {
            return "<resin:IfSecure" + attr("value", secure) + "/>";
        }
    }

    /**
     * The user is authenticated and in one of the roles; {@code *} or no roles at all accept any
     * authenticated user.
     */
    public record UserInRole(List<String> roles) implements Condition {
        public UserInRole {
            roles = List.copyOf(roles);
        }

        @Override
        public boolean test(Exchange exchange) {
            if (exchange.remoteUser() == null) {
                return false;
            }
            if (roles.isEmpty()) {
                return true;
            }
            for (String role : roles) {
                if (role.equals("*") || exchange.isUserInRole(role)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return "<resin:IfUserInRole" + attr("role", String.join(" ", roles)) + "/>";
        }
    }

    /** The servlet path names a regular file of the web-app. */
    public record FileExists() implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return exchange.fileExists();
        }

        @Override
        public boolean cacheable() {
            return true;
        }

        @Override
        public String toString() {
            return "<resin:IfFileExists/>";
        }
    }

    /** The path info is present and matches. */
    public record PathInfo(Pattern regexp) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            String pathInfo = exchange.pathInfo();
            return pathInfo != null && found(regexp, pathInfo, this);
        }

        @Override
        public boolean cacheable() {
            return true;
        }

        @Override
        public String toString() {
            return "<resin:IfPathInfo" + attr("regexp", regexp) + "/>";
        }
    }

    /**
     * Inside a time window: the most recent {@code enable-at} time exists and is no earlier than
     * the most recent {@code disable-at} time.
     */
    public record Cron(CronSchedule enableAt, CronSchedule disableAt, ZoneId zone) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return CronSchedule.activeWindow(enableAt, disableAt, System.currentTimeMillis(), zone);
        }

        @Override
        public String toString() {
            return "<resin:IfCron" + attr("enable-at", enableAt) + attr("disable-at", disableAt) + "/>";
        }
    }

    /** A constant, from Resin 3.1's {@code expr} condition with a constant expression. */
    public record Constant(boolean value, String expression) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return value;
        }

        @Override
        public boolean cacheable() {
            return true;
        }

        @Override
        public String toString() {
            return "<when" + attr("expr", expression) + "/>";
        }
    }
}
