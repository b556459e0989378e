package dev.turnpike.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The configuration file the server under test reads, and the template it starts from. */
public final class ItConfig {

    /** The file the server reads ({@code target/it-work/turnpike-it.xml}). */
    public static final Path CONFIG = Path.of(System.getProperty("turnpike.it.config"));

    /** The configuration the server starts with; tests put it back when they are done. */
    public static final Path TEMPLATE = Path.of(System.getProperty("turnpike.it.config-template"));

    private ItConfig() {
    }

    /** Replaces the configuration in one rename, as an editor or deployment tool would. */
    public static void write(String content) {
        try {
            Path temporary = Files.createTempFile(CONFIG.getParent(), "turnpike-it", ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, CONFIG, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + CONFIG, e);
        }
    }

    /**
     * Puts the starting configuration back, then closes what the suite started for it (a
     * backend), whether or not the configuration could be put back.
     */
    public static void restoreThenClose(AutoCloseable started) throws Exception {
        try {
            restore();
        } finally {
            if (started != null) {
                started.close();
            }
        }
    }

    /** The Turnpike EAR the build made, for a suite's {@code @Deployment}. */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("turnpike.it.ear")));
    }

    /** Puts the starting configuration back. */
    public static void restore() {
        try {
            write(Files.readString(TEMPLATE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
    }
}
