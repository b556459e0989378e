package dev.turnpike.config.lint;

import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ConfigProblem;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * "Config check": reads a configuration the way the server would and lints it, without serving
 * it. A configuration with problems has no rules to lint, so it comes back with its problems
 * only.
 *
 * <p>A configuration posted by an admin is checked with {@link #posted}: its
 * {@code <import path>}s are refused with problem {@code TPC0114} and never opened, so checking
 * cannot read files of the server (an import of {@code /etc/passwd} would otherwise come back as
 * problems quoting the file). The file the server serves, whose imports its operator wrote, is
 * checked with {@link #file}, which follows imports as loading does. Reading never resolves
 * external entities or DTDs.
 */
public final class ConfigCheck {

    /**
     * What checking a configuration found.
     *
     * @param problems     why the configuration cannot load, each {@code file:line:column: code message};
     *                     empty when it loads
     * @param loadWarnings the reader's own warnings ({@code TPW....}), as {@link RuleSet#warnings()} gives them
     * @param warnings     the lint warnings ({@code TPL01xx}); empty when there are problems
     */
    public record Result(List<ConfigProblem> problems, List<String> loadWarnings, List<LintWarning> warnings) {

        public Result {
            problems = List.copyOf(problems);
            loadWarnings = List.copyOf(loadWarnings);
            warnings = List.copyOf(warnings);
        }

        /** Whether the configuration loads. */
        public boolean loads() {
            return problems.isEmpty();
        }
    }

    private ConfigCheck() {
    }

    /**
     * Checks a configuration given as bytes by an admin; {@code <import>}s are refused (problem
     * {@code TPC0114}) and not read.
     *
     * @param name    the name used in problems and warnings, e.g. the uploaded file's name
     * @param content the configuration's bytes
     */
    public static Result posted(String name, byte[] content) {
        return check(name, content, null);
    }

    /**
     * Checks the configuration file the server serves (or would serve), following its imports
     * from {@code importDirectory} as loading does.
     *
     * @param name            the file as the operator named it
     * @param content         its bytes
     * @param importDirectory where relative imports resolve, normally the file's directory;
     *                        {@code null} refuses imports as {@link #posted} does
     */
    public static Result file(String name, byte[] content, Path importDirectory) {
        return check(name, content, importDirectory);
    }

    private static Result check(String name, byte[] content, Path importDirectory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        RuleSet rules;
        try {
            rules = new ResinConfigReader().read(name, content, importDirectory);
        } catch (ConfigException e) {
            return new Result(e.problems(), List.of(), List.of());
        }
        return new Result(List.of(), rules.warnings(), Lint.check(rules));
    }
}
