package dev.turnpike.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The rules of an imported file ({@code <import path="...">}), reloaded when the file changes.
 *
 * <p>{@link #checkIfDue(long)} re-reads the file at most every {@code dependency-check-interval};
 * when its bytes changed and they load, the new rules replace the old ones at once; when they do
 * not load, the old rules stay and the error is kept in {@link #redeployError()} (and logged once)
 * until a later change loads. A missing optional file means no rules.
 *
 * <p>Safe for concurrent use: requests read the current rules with a volatile read; checks are
 * serialised.
 */
public final class RuleImport {

    private static final Logger LOG = Logger.getLogger("com.caucho.server.rewrite.ImportRule");

    /** Turns the bytes of an imported file into rules. */
    @FunctionalInterface
    public interface Loader {
        /** @throws Exception with a message listing every problem of the file */
        RuleList load(byte[] content) throws Exception;
    }

    private final Path path;
    private final String name;
    private final boolean optional;
    private final long checkIntervalMillis;
    private final Loader loader;
    private final Object lock = new Object();
    private volatile RuleList rules = RuleList.EMPTY;
    private volatile String redeployError;
    private byte[] lastContent;
    private boolean lastMissing;
    private long nextCheck;

    /**
     * @param path                the file
     * @param name                the import's name (the path when not configured)
     * @param optional            whether a missing file is allowed
     * @param checkIntervalMillis how often the file is checked for changes
     * @param loader              turns the file's bytes into rules
     */
    public RuleImport(Path path, String name, boolean optional, long checkIntervalMillis, Loader loader) {
        this.path = Objects.requireNonNull(path, "path");
        this.name = Objects.requireNonNull(name, "name");
        this.optional = optional;
        this.checkIntervalMillis = checkIntervalMillis;
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /**
     * Loads the file for the first time.
     *
     * @throws IOException when the file cannot be read and the import is not optional
     * @throws Exception   when the file does not load
     */
    public void loadInitially(long now) throws Exception {
        synchronized (lock) {
            nextCheck = now + checkIntervalMillis;
            byte[] content = read();
            if (content == null) {
                lastMissing = true;
                LOG.finer(() -> "import '" + path + "' is not readable.");
                return;
            }
            lastContent = content;
            rules = loader.load(content);
        }
    }

    /** Checks the file if its interval has passed since the last check. */
    public boolean checkIfDue(long now) {
        synchronized (lock) {
            if (now < nextCheck) {
                return false;
            }
            return checkNow(now);
        }
    }

    /** Checks the file now ({@code update()}); returns whether new rules were installed. */
    public boolean update() {
        synchronized (lock) {
            return checkNow(System.currentTimeMillis());
        }
    }

    private boolean checkNow(long now) {
        nextCheck = now + checkIntervalMillis;
        byte[] content;
        try {
            content = read();
        } catch (IOException e) {
            return fail("cannot read " + path + ": " + e.getMessage());
        }
        if (content == null) {
            if (lastMissing) {
                return false;
            }
            lastMissing = true;
            lastContent = null;
            rules = RuleList.EMPTY;
            redeployError = null;
            LOG.info(() -> "import '" + path + "' is gone; it now has no rules");
            return true;
        }
        if (Arrays.equals(content, lastContent)) {
            return false;
        }
        lastMissing = false;
        lastContent = content;
        try {
            rules = loader.load(content);
            redeployError = null;
            LOG.info(() -> "import '" + path + "' reloaded");
            return true;
        } catch (Exception e) {
            return fail(e.getMessage());
        }
    }

    private boolean fail(String error) {
        if (!error.equals(redeployError)) {
            LOG.warning(() -> "import '" + path + "' keeps its previous rules: " + error);
        }
        redeployError = error;
        return false;
    }

    /** The content, or {@code null} when an optional file is missing. */
    private byte[] read() throws IOException {
        try {
            if (Files.isDirectory(path)) {
                throw new IOException("it is a directory");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            if (optional) {
                return null;
            }
            throw new IOException("no such file");
        }
    }

    /** The rules in force. */
    public RuleList rules() {
        return rules;
    }

    /** The problems of the last change that did not load, or {@code null}. */
    public String redeployError() {
        return redeployError;
    }

    public Path path() {
        return path;
    }

    public String name() {
        return name;
    }

    public boolean optional() {
        return optional;
    }

    public long dependencyCheckInterval() {
        return checkIntervalMillis;
    }

    @Override
    public String toString() {
        return "<import" + ConfigSyntax.attribute("path", path) + "/>";
    }
}
