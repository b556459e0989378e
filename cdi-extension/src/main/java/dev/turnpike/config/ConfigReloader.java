package dev.turnpike.config;

import dev.turnpike.rules.RuleSet;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Loads a configuration source and reloads it when its content changes.
 *
 * <p>Each {@link #check()} reads the source and compares the bytes with those of the last
 * attempt, so an edit is seen whatever the file system's time stamp resolution, and a broken
 * file is reported once, not on every check. The caller keeps serving its current rules when a
 * check fails. Not thread-safe: one caller (a timer) drives it.
 */
public final class ConfigReloader {

    private final ConfigSource source;
    private final ResinConfigReader reader;
    private byte[] lastContent;
    private String lastReadError;

    public ConfigReloader(ConfigSource source, ResinConfigReader reader) {
        this.source = Objects.requireNonNull(source, "source");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    public ConfigSource source() {
        return source;
    }

    /** Reads the source and loads it whether it changed or not, as an operator's reload asks. */
    public Outcome reload() {
        lastContent = null;
        lastReadError = null;
        return check();
    }

    /** Reads the source and loads it if it changed since the last check (the first check always loads). */
    public Outcome check() {
        byte[] content;
        try {
            content = source.read();
        } catch (IOException e) {
            String error = "cannot read the configuration: " + describe(e);
            if (error.equals(lastReadError)) {
                return Outcome.UNCHANGED;
            }
            lastReadError = error;
            lastContent = null;
            return new Outcome.Failed(List.of(new ConfigProblem(source.name(), 0, 0, "TPC0002", error)));
        }
        lastReadError = null;
        if (Arrays.equals(content, lastContent)) {
            return Outcome.UNCHANGED;
        }
        lastContent = content;
        try {
            return new Outcome.Loaded(reader.read(source.name(), content, source.directory()));
        } catch (ConfigException e) {
            return new Outcome.Failed(e.problems());
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** What one check found. */
    public sealed interface Outcome permits Outcome.Unchanged, Outcome.Loaded, Outcome.Failed {

        /** The content is the same as at the last check. */
        Outcome UNCHANGED = new Unchanged();

        /** The content is the same as at the last check: nothing to do. */
        record Unchanged() implements Outcome {
        }

        /** The content changed and loaded: serve these rules from now on. */
        record Loaded(RuleSet rules) implements Outcome {
        }

        /** The content changed (or cannot be read) and has problems: keep serving the current rules. */
        record Failed(List<ConfigProblem> problems) implements Outcome {
            public Failed {
                problems = List.copyOf(problems);
            }
        }
    }
}
