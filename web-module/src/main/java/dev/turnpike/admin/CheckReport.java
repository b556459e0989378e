package dev.turnpike.admin;

import dev.turnpike.config.ConfigProblem;
import dev.turnpike.config.lint.ConfigCheck;
import dev.turnpike.config.lint.LintWarning;
import java.util.List;

/**
 * What {@code /turnpike/api/config/check} found in a configuration.
 *
 * @param source       the configuration checked: {@code posted} or the file's path
 * @param loads        whether it would load
 * @param problems     why it would not, each at {@code line:column}
 * @param warnings     lint warnings of a configuration that loads ({@code TPL...}), and the
 *                     reader's own warnings
 */
public record CheckReport(String source, boolean loads, List<Problem> problems, List<Warning> warnings) {

    /** A problem that keeps the configuration from loading. */
    public record Problem(String file, int line, int column, String code, String message) {
    }

    /**
     * A lint warning.
     *
     * @param origin {@code file:line:column}, or {@code null} for a reader warning without one
     * @param rule   the rule as written, or {@code null}
     */
    public record Warning(String code, String origin, String rule, String message) {
    }

    static CheckReport of(String source, ConfigCheck.Result result) {
        List<Problem> problems = result.problems().stream().map(CheckReport::problem).toList();
        List<Warning> warnings = new java.util.ArrayList<>(result.warnings().stream().map(CheckReport::warning).toList());
        result.loadWarnings().forEach(text -> warnings.add(new Warning("TPW", null, null, text)));
        return new CheckReport(source, result.loads(), problems, List.copyOf(warnings));
    }

    private static Problem problem(ConfigProblem problem) {
        return new Problem(problem.file(), problem.line(), problem.column(), problem.code(), problem.message());
    }

    private static Warning warning(LintWarning warning) {
        return new Warning(warning.code(), warning.origin(), warning.rule(), warning.message());
    }
}
