package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a load-balancing rule finds the server that owns a request's session: the names Resin's
 * web tiers use ({@code session-cookie}, {@code ssl-session-cookie}, {@code session-url-prefix},
 * resin-spec 2.2) and Turnpike's own choices of id format, route cookie and refusal to move a
 * session. Checked when the configuration loads and carried as text in the rule's settings.
 */
final class StickySettings {

    static final List<AttributeSpec> ATTRIBUTES = List.of(
            optional("session-cookie", "the cookie carrying the session id (default JSESSIONID)"),
            optional("ssl-session-cookie", "the cookie carrying it on HTTPS requests (default: session-cookie)"),
            optional("session-url-prefix", "what introduces the id in a URL (default ;jsessionid=)"),
            optional("session-id", "how the id names its server: resin (Resin 4, default), resin-3 or jvm-route"),
            optional("route-cookie", "stick by a cookie of this name that Turnpike sets, instead of the session id"),
            optional("force-sticky", "true: answer 503 rather than move a session whose server is down"));

    private StickySettings() {
    }

    /** The settings given, checked; values at their default are left out. */
    static Map<String, String> read(TagContext c) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("session-cookie", "ssl-session-cookie", "session-url-prefix", "route-cookie")) {
            if (c.has(name)) {
                String value = c.value(name).trim();
                if (value.isEmpty() || !value.chars().allMatch(ch -> ch > ' ' && ch < 0x7f && ch != ',' && ch != '"')) {
                    c.invalid(name, "'" + value + "' is not a cookie name or URL text (printable ASCII, no"
                            + " spaces, commas or quotes)");
                } else {
                    settings.put(name, value);
                }
            }
        }
        if (c.has("session-id")) {
            settings.put("session-id", c.choice("session-id", List.of("resin", "resin-3", "jvm-route"), "resin"));
        }
        if (c.has("force-sticky")) {
            settings.put("force-sticky", Boolean.toString(c.bool("force-sticky", false)));
        }
        return settings;
    }

    /** The given attributes followed by the stickiness ones. */
    static List<AttributeSpec> with(List<AttributeSpec> attributes) {
        List<AttributeSpec> all = new java.util.ArrayList<>(attributes);
        all.addAll(ATTRIBUTES);
        return all;
    }
}
