package dev.turnpike.admin;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.RuleImport;
import java.time.Instant;
import java.util.List;

/**
 * How the configuration's last load went, as {@code GET /turnpike/api/errors} and
 * {@code POST /turnpike/api/reload} answer.
 *
 * @param source       the configuration's name
 * @param serving      whether rules are serving
 * @param rules        how many top-level rules serve
 * @param loadedAt     when the serving rules loaded (ISO-8601), or {@code null}
 * @param failedAt     when the last load failed, or {@code null} when it succeeded
 * @param problems     the last failed load's problems, {@code file:line:column: code message}
 * @param importErrors each import whose last change did not load, with its problem
 */
public record LoadReport(String source, boolean serving, int rules, String loadedAt, String failedAt,
                         List<String> problems, List<String> importErrors) {

    static LoadReport of(LiveRules.Snapshot snapshot) {
        List<String> importErrors = snapshot.rules() == null ? List.of() : snapshot.rules().imports().stream()
                .filter(ruleImport -> ruleImport.redeployError() != null)
                .map(LoadReport::importError).toList();
        return new LoadReport(snapshot.source(), snapshot.rules() != null,
                snapshot.rules() == null ? 0 : snapshot.rules().size(), text(snapshot.loadedAt()),
                text(snapshot.failedAt()), snapshot.problems().stream().map(ConfigProblem::toString).toList(),
                importErrors);
    }

    private static String importError(RuleImport ruleImport) {
        return ruleImport.name() + ": " + ruleImport.redeployError();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
