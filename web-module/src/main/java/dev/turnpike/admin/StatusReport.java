package dev.turnpike.admin;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.Rule;
import java.time.Instant;
import java.util.List;

/**
 * The status document of {@code GET /turnpike/api/status}.
 *
 * @param version       Turnpike's version
 * @param extension     what the CDI extension observed
 * @param configuration where the rules came from and how the last load went
 * @param rules         the rules serving, in evaluation order, in configuration syntax
 */
public record StatusReport(String version, Extension extension, Configuration configuration, List<RuleEntry> rules) {

    /** Builds the report from one registry snapshot. */
    public static StatusReport of(LiveRules.Snapshot snapshot, List<String> phases) {
        List<RuleEntry> rules = snapshot.rules() == null ? List.of()
                : snapshot.rules().rules().stream().map(RuleEntry::of).toList();
        Configuration configuration = new Configuration(snapshot.source(), snapshot.rules() != null,
                text(snapshot.loadedAt()), text(snapshot.failedAt()),
                snapshot.problems().stream().map(ConfigProblem::toString).toList());
        return new StatusReport(currentVersion(), new Extension(phases.contains("AfterDeploymentValidation"), phases),
                configuration, rules);
    }

    private static String currentVersion() {
        String version = LiveRules.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * @param active whether the extension saw the deployment through to validation
     * @param phases the container lifecycle events it observed, in order
     */
    public record Extension(boolean active, List<String> phases) {
    }

    /**
     * @param source   the configuration source of the last load attempt
     * @param serving  whether a rule set is serving
     * @param loadedAt when the serving rules loaded (ISO-8601), absent when none
     * @param failedAt when the last attempt failed, absent when it succeeded
     * @param problems the problems of the last attempt, as {@code file:line:column: code message}
     */
    public record Configuration(String source, boolean serving, String loadedAt, String failedAt,
                                List<String> problems) {
    }

    /**
     * @param origin where the rule is declared, {@code file:line:column}
     * @param rule   the rule in configuration syntax
     */
    public record RuleEntry(String origin, String rule) {
        static RuleEntry of(Rule rule) {
            return new RuleEntry(rule.origin(), rule.toString());
        }
    }
}
