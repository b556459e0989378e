package dev.turnpike.admin;

/**
 * One rule as {@code GET /turnpike/api/rules} lists it.
 *
 * @param order       its place in evaluation order: {@code 3} for the third rule of its list,
 *                    {@code 3.2} for the second rule inside it (a group, block or import)
 * @param level       {@code server}, {@code host} or {@code web-app}
 * @param host        the host it belongs to ({@code default} for rules of every host)
 * @param webApp      the web-app's context path ({@code /} for the root), or {@code null} above
 *                    web-app level
 * @param name        its name, or {@code null}
 * @param kind        its tag, e.g. {@code resin:Redirect} or {@code rewrite}
 * @param rule        the rule as written, without its children
 * @param origin      {@code file:line:column}
 * @param enabled     whether it is on now
 * @param switchable  whether it can be switched (it has a name or a schedule)
 * @param hits        how often it fired since the rules loaded
 * @param lastError   its last failure, or {@code null}
 * @param lastErrorAt when that happened (ISO-8601), or {@code null}
 */
public record RuleView(String order, String level, String host, String webApp, String name, String kind, String rule,
                       String origin, boolean enabled, boolean switchable, long hits, String lastError,
                       String lastErrorAt) {
}
