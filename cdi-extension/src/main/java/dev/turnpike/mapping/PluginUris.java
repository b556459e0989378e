package dev.turnpike.mapping;

import java.util.Locale;

/**
 * Host names and request paths as the plugin compares them (resin-spec 5.4 steps 3 and 5, Unix
 * mod_caucho: no decoding, case kept).
 */
final class PluginUris {

    private PluginUris() {
    }

    /**
     * The lower-cased host name without port: {@code Shop.Example:8080} is {@code shop.example},
     * {@code [::1]:80} is {@code [::1]}; {@code null} is the default host's {@code ""}.
     */
    static String hostName(String name) {
        if (name == null) {
            return "";
        }
        String lower = name.trim().toLowerCase(Locale.ROOT);
        int end = lower.startsWith("[") ? lower.indexOf(']') + 1 : lower.indexOf(':');
        return end > 0 ? lower.substring(0, end) : lower;
    }

    /**
     * The path the plugin matches: cut at the session URL prefix and at the first {@code :}, and
     * a {@code /} dropped where it follows {@code /} or {@code \}.
     *
     * <p>Example, prefix {@code ;jsessionid=}: {@code //shop\//a.jsp;jsessionid=x} is cut to
     * {@code //shop\//a.jsp}, then the second {@code /} (after {@code /}), the third (after
     * {@code \}) and the fourth (after {@code /}) are dropped: {@code /shop\a.jsp}.
     *
     * @param sessionUrlPrefix the session URL prefix; empty when sessions are never in URLs
     */
    static String path(String uri, String sessionUrlPrefix) {
        int end = uri.length();
        int session = sessionUrlPrefix.isEmpty() ? -1 : uri.indexOf(sessionUrlPrefix);
        if (session >= 0) {
            end = session;
        }
        int colon = uri.indexOf(':');
        if (colon >= 0 && colon < end) {
            end = colon;
        }
        StringBuilder path = new StringBuilder(end);
        for (int i = 0; i < end; i++) {
            char c = uri.charAt(i);
            if (c == '/' && i > 0 && (uri.charAt(i - 1) == '/' || uri.charAt(i - 1) == '\\')) {
                continue;
            }
            path.append(c);
        }
        return path.toString();
    }
}
