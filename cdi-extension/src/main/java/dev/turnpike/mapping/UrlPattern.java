package dev.turnpike.mapping;

import java.util.Objects;

/**
 * A url-pattern as the web server's plugin reads it (mod_caucho, resin-spec 5.3): one
 * <em>location</em> of a web-app, tested against the context-relative path {@code p}.
 *
 * <pre>
 *   written            parsed as            matches p when
 *   ""  "/"  "/*"      prefix ""            always
 *   "/a/b/*"  "/a/b*"  prefix "/a/b"        p is "/a/b" or starts with "/a/b/" (not "/a/bc")
 *   "/a/b"  "a/b"      exact "/a/b"         p is "/a/b"
 *   "*.ext"            suffix ".ext"        ".ext" occurs in p followed by the end or '/'
 *                                           ("/y.ext/more" matches, "/y.extra" does not)
 *   "*"                suffix ""            always
 *   "/a/*.jsp", ...    exact, as written    p is that very text (in practice never)
 * </pre>
 *
 * <p>Matching is case-sensitive, as mod_caucho on Unix. The pattern prints as written, so
 * listings show what the configuration says; two patterns are equal when written alike.
 */
public final class UrlPattern {

    /** How a pattern tests a path. */
    public enum Kind {
        /** The path is the prefix or continues it after a {@code /}; the empty prefix takes every path. */
        PREFIX,
        /** The path is exactly the value. */
        EXACT,
        /** The value occurs in the path followed by the end or a {@code /}. */
        SUFFIX
    }

    private final String written;
    private final Kind kind;
    private final String value;

    private UrlPattern(String written, Kind kind, String value) {
        this.written = written;
        this.kind = kind;
        this.value = value;
    }

    /** Reads a pattern as the plugin does; every text is some pattern, so this never fails. */
    public static UrlPattern parse(String written) {
        Objects.requireNonNull(written, "written");
        if (written.isEmpty() || written.equals("/")) {
            return new UrlPattern(written, Kind.PREFIX, "");
        }
        if (written.startsWith("*")) {
            return new UrlPattern(written, Kind.SUFFIX, written.substring(1));
        }
        String rooted = written.startsWith("/") ? written : "/" + written;
        if (rooted.endsWith("/*")) {
            return new UrlPattern(written, Kind.PREFIX, rooted.substring(0, rooted.length() - 2));
        }
        if (rooted.endsWith("*") && rooted.indexOf('*') == rooted.length() - 1) {
            return new UrlPattern(written, Kind.PREFIX, rooted.substring(0, rooted.length() - 1));
        }
        if (rooted.indexOf('*') >= 0) {
            return new UrlPattern(written, Kind.EXACT, written);
        }
        return new UrlPattern(written, Kind.EXACT, rooted);
    }

    /** Whether the context-relative path (the request path after the context path) is one of this pattern's. */
    public boolean matches(String path) {
        return switch (kind) {
            case PREFIX -> value.isEmpty() || path.equals(value)
                    || (path.startsWith(value) && path.charAt(value.length()) == '/');
            case EXACT -> path.equals(value);
            case SUFFIX -> suffixMatches(path);
        };
    }

    /*
     * Worked example, suffix ".ext", path "/a.extra/b.ext/c":
     *   index 2:  ".ext" followed by 'r'  -> try again from index 3
     *   index 10: ".ext" followed by '/'  -> match (path-info "/c" is allowed)
     */
    private boolean suffixMatches(String path) {
        if (value.isEmpty()) {
            return true;
        }
        int at = path.indexOf(value);
        while (at >= 0) {
            int end = at + value.length();
            if (end == path.length() || path.charAt(end) == '/') {
                return true;
            }
            at = path.indexOf(value, at + 1);
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    /** The prefix, the exact path or the suffix, depending on the kind. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UrlPattern pattern && pattern.written.equals(written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }

    /** The pattern as written in the configuration or the deployment. */
    @Override
    public String toString() {
        return written;
    }
}
