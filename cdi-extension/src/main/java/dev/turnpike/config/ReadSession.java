package dev.turnpike.config;

import dev.turnpike.rules.RuleImport;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of reading one file: where it is, the problems found so far, what was skipped, the
 * imports met, and the configuration-time variables in scope.
 */
final class ReadSession {

    private final ResinConfigReader reader;
    private final String file;
    private final Path directory;
    private final int importDepth;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> skipped = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<RuleImport> imports = new ArrayList<>();
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();
    private final List<AppObjects.Made> made = new ArrayList<>();
    private final Releases releases;

    /**
     * @param releases where the objects made for the file go once it loaded: the releases of the
     *                 rule set the file belongs to
     */
    ReadSession(ResinConfigReader reader, String file, Path directory, int importDepth, Releases releases) {
        this.reader = reader;
        this.file = file;
        this.directory = directory;
        this.importDepth = importDepth;
        this.releases = releases;
    }

    /** The reader, for files this one imports. */
    ResinConfigReader reader() {
        return reader;
    }

    String file() {
        return file;
    }

    /** The directory relative import paths resolve against, or {@code null} when there is none. */
    Path directory() {
        return directory;
    }

    int importDepth() {
        return importDepth;
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    void problem(Position at, String code, String message) {
        problems.add(new ConfigProblem(file, at.line(), at.column(), code, message));
    }

    /**
     * Marks the problems from index {@code from} (inclusive) to {@code to} (exclusive) that have
     * one of the codes as problems with application classes.
     */
    void markApplication(int from, int to, Set<String> codes) {
        for (int i = from; i < to; i++) {
            if (codes.contains(problems.get(i).code())) {
                problems.set(i, problems.get(i).inApplication());
            }
        }
    }

    /** Records an application object made for this file. */
    void made(AppObjects.Made object) {
        made.add(object);
    }

    /** The rule set's releases, which imported files add their objects to. */
    Releases releases() {
        return releases;
    }

    /**
     * Ends the read: with problems every object made for the file is released at once, else they
     * join the rule set's releases.
     */
    void finish() {
        if (problems.isEmpty()) {
            releases.addAll(made);
        } else {
            Releases.releaseEach(made);
        }
        made.clear();
    }

    /** Notes something that works but is risky; it does not stop the file from loading. */
    void warning(Position at, String code, String message) {
        warnings.add(new ConfigProblem(file, at.line(), at.column(), code, message).toString());
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    void skipped(String what) {
        skipped.add(what);
    }

    Set<String> skipped() {
        return skipped;
    }

    void imported(RuleImport ruleImport) {
        imports.add(ruleImport);
    }

    List<RuleImport> imports() {
        return imports;
    }

    void enter(Map<String, String> variables) {
        Map<String, String> merged = new HashMap<>(scopes.isEmpty() ? Map.of() : scopes.peek());
        merged.putAll(variables);
        scopes.push(merged);
    }

    void leave() {
        scopes.pop();
    }

    /** The variables in scope, by name. */
    Map<String, String> variables() {
        return scopes.isEmpty() ? Map.of() : scopes.peek();
    }
}
