package dev.turnpike.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

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

    /**
     * The Turnpike EAR with test classes or resources added to its web module, e.g. a servlet the
     * suite's requests reach.
     */
    public static EnterpriseArchive ear(Consumer<WebArchive> additions) {
        EnterpriseArchive ear = ear();
        WebArchive web = ear.getAsType(WebArchive.class, "turnpike-web.war");
        additions.accept(web);
        ear.delete("turnpike-web.war");
        ear.addAsModule(web);
        return ear;
    }

    /**
     * A library for the EAR's {@code lib/} with the given classes, as an application ships its
     * beans: a bean archive in annotated discovery mode.
     */
    public static JavaArchive library(String name, Class<?>... classes) {
        return ShrinkWrap.create(JavaArchive.class, name).addClasses(classes)
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /** The sample library ({@code samples/}: {@code dev.turnpike.samples}) as the EAR's {@code lib/} takes it. */
    public static JavaArchive sampleLibrary() {
        return ShrinkWrap.create(JavaArchive.class, "turnpike-samples.jar").addPackage("dev.turnpike.samples")
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
    }

    /** The EAR with libraries added to its {@code lib/}. */
    public static EnterpriseArchive withLibraries(EnterpriseArchive ear, JavaArchive... libraries) {
        return ear.addAsLibraries(libraries);
    }

    private static final String BEANS_XML = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    /** Puts the starting configuration back. */
    public static void restore() {
        try {
            write(Files.readString(TEMPLATE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
    }
}
