package dev.turnpike.it.wildfly;

import dev.turnpike.it.ProcessTrees;
import dev.turnpike.it.FreePortOffset;
import dev.turnpike.it.ItConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * One more WildFly running the Turnpike EAR in a child JVM, beside the server Arquillian manages:
 * a further tier for tests in which Turnpike's web tier talks to Turnpike in other servers.
 *
 * <p>It runs the distribution the build unpacked ({@code jboss.home}) with a server base directory
 * of its own, {@value #ROOT_PROPERTY}{@code /<name>}, made afresh on every start from the
 * distribution's {@code standalone/configuration}; its data, logs, temporary files and
 * deployments never mix with another server's. It boots {@code standalone-full.xml} on loopback,
 * with a port offset {@linkplain FreePortOffset#claim() claimed} for it alone, so it can run beside
 * the Arquillian server and beside other instances. The EAR is written to its {@code deployments/}
 * before the boot, and the deployment scanner deploys it as part of the boot.
 * {@link #start(String, EnterpriseArchive, Map) start} returns once the scanner has marked the EAR
 * deployed ({@code <ear>.deployed}) and the server has logged that it started (WFLYSRV0025); a
 * {@code .failed} marker, a boot with errors (WFLYSRV0026), an early exit or the
 * {@link #START_TIMEOUT} fail the start, with the end of the server log in the message.
 *
 * <p>The child is the server itself: {@code jboss-modules.jar} run by the tests' own Java, with the
 * command line wildfly-launcher builds (as for the Arquillian server), not through
 * {@code standalone.sh}. Its output goes to {@value #CONSOLE_FILE} beside WildFly's
 * {@value #LOG_FILE} in the {@code log/} directory. {@link #close()} sends it SIGTERM, on which
 * WildFly shuts down in order, and kills it after {@link #STOP_TIMEOUT}; a shutdown hook does the
 * same should the test JVM exit first. The base directory stays for inspection until the next
 * start of the same name.
 */
public final class WildFlyServer implements AutoCloseable {

    /** System property naming the directory that holds every instance's base directory. */
    public static final String ROOT_PROPERTY = "turnpike.it.wildfly.servers";
    /** The server configuration every instance boots. */
    public static final String SERVER_CONFIG = "standalone-full.xml";
    /** WildFly's own log, in the base directory's {@code log/}. */
    public static final String LOG_FILE = "server.log";
    /** What the child JVM printed, in the base directory's {@code log/}. */
    public static final String CONSOLE_FILE = "console.log";

    /** How long the boot and the deployment of the EAR may take together. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /** How long WildFly gets to shut down after SIGTERM before it is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 80;
    /** At most 23 characters, the limit of a transaction node identifier, which the name also is. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,22}");

    /** WildFly started without errors. */
    private static final String STARTED = "WFLYSRV0025";
    /** WildFly started, but some services failed. */
    private static final String STARTED_WITH_ERRORS = "WFLYSRV0026";

    /**
     * JVM options after wildfly-launcher's: a bounded heap, serial GC and the quick JIT for a small
     * footprint on a shared machine, English messages, console output without colour codes (it
     * goes to a file), and every interface on loopback.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Duser.language=en",
            "-Duser.country=US",
            "-Dorg.jboss.logmanager.nocolor=true",
            "-Djboss.bind.address=127.0.0.1",
            "-Djboss.bind.address.management=127.0.0.1",
            "-Djboss.bind.address.unsecure=127.0.0.1");

    /** The {@code <deployments>} element a running server writes into its configuration file. */
    private static final Pattern DEPLOYMENTS = Pattern.compile("\\s*<deployments>.*?</deployments>", Pattern.DOTALL);

    /** Names of the instances of this JVM that are running: each owns the base directory of its name. */
    private static final Set<String> RUNNING = new HashSet<>();

    private final String name;
    private final Process process;
    private final Path baseDir;
    private final int offset;
    private final Thread shutdownHook;
    private boolean closed;

    private WildFlyServer(String name, Process process, Path baseDir, int offset) {
        this.name = name;
        this.process = process;
        this.baseDir = baseDir;
        this.offset = offset;
        this.shutdownHook = new Thread(() -> ProcessTrees.stop(process, "WildFly " + name, STOP_TIMEOUT, KILL_TIMEOUT),
                "wildfly-" + name + "-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the instance {@code name} with the EAR the build made ({@link ItConfig#ear()}). */
    public static WildFlyServer start(String name, Map<String, String> systemProperties) {
        return start(name, ItConfig.ear(), systemProperties);
    }

    /**
     * Starts the instance {@code name} with {@code ear} deployed and the given system properties
     * (e.g. {@code turnpike.config}); tries again with a new offset when a port was taken meanwhile.
     *
     * @throws IllegalArgumentException if the name is not lower-case letters, digits and dashes,
     *                                  an instance of that name runs already, or a property is one
     *                                  the harness sets itself
     * @throws WildFlyStartException    if the server exits, fails to deploy the EAR, starts with
     *                                  errors or is not up within {@link #START_TIMEOUT}; it is
     *                                  stopped and the message carries the end of its log
     */
    public static WildFlyServer start(String name, EnterpriseArchive ear, Map<String, String> systemProperties) {
        checkProperties(systemProperties);
        reserve(name);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return launch(name, ear, systemProperties, FreePortOffset.claim());
                } catch (WildFlyStartException e) {
                    if (attempt == START_ATTEMPTS || !e.portTaken) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            unreserve(name);
            throw e;
        }
    }

    private static WildFlyServer launch(String name, EnterpriseArchive ear, Map<String, String> systemProperties,
            int offset) {
        Process process;
        Path baseDir = root().resolve(name).toAbsolutePath();
        try {
            prepareBaseDirectory(baseDir);
            ear.as(ZipExporter.class).exportTo(baseDir.resolve("deployments").resolve(ear.getName()).toFile(), true);
            process = new ProcessBuilder(command(baseDir, name, offset, systemProperties))
                    .directory(baseDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(baseDir.resolve("log").resolve(CONSOLE_FILE).toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            FreePortOffset.release(offset);
            throw new WildFlyStartException("cannot start WildFly " + name + " in " + baseDir + ": " + e, false, e);
        }
        WildFlyServer server = new WildFlyServer(name, process, baseDir, offset);
        try {
            server.awaitDeployment(ear.getName());
            return server;
        } catch (RuntimeException | Error e) {
            try {
                server.stopAndRelease();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw e;
        }
    }

    /**
     * The command line of the instance: wildfly-launcher's for a standalone server with this base
     * directory and the tests' Java, then {@link #JVM_OPTIONS}, the port offset, the name as the
     * transaction node identifier (unique among the servers, as WildFly asks), a property naming
     * the instance (so {@code pgrep -f turnpike.it.wildfly} finds it) and the caller's properties.
     */
    static List<String> command(Path baseDir, String name, int offset, Map<String, String> systemProperties) {
        StandaloneCommandBuilder builder = StandaloneCommandBuilder.of(jbossHome())
                .setJavaHome(System.getProperty("java.home"))
                .setBaseDirectory(baseDir)
                .setServerConfiguration(SERVER_CONFIG)
                .addJavaOptions(JVM_OPTIONS)
                .addJavaOption("-Djboss.socket.binding.port-offset=" + offset)
                .addJavaOption("-Djboss.tx.node.id=" + name)
                .addJavaOption("-Dturnpike.it.wildfly=" + name);
        systemProperties.forEach((key, value) -> builder.addJavaOption("-D" + key + "=" + value));
        return builder.build();
    }

    public String name() {
        return name;
    }

    public int portOffset() {
        return offset;
    }

    public int httpPort() {
        return 8080 + offset;
    }

    public int managementPort() {
        return 9990 + offset;
    }

    /** The port kept free for a Turnpike endpoint taking HMUX connections (Resin's 6800, offset). */
    public int hmuxPort() {
        return 6800 + offset;
    }

    /** {@code http://127.0.0.1:<http port><path>}; {@code path} starts with a slash. */
    public URI url(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return URI.create("http://127.0.0.1:" + httpPort() + path);
    }

    public Path baseDirectory() {
        return baseDir;
    }

    /** WildFly's log, {@code log/server.log} in the base directory. */
    public Path logFile() {
        return baseDir.resolve("log").resolve(LOG_FILE);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the server (SIGTERM, then kill -9 after {@link #STOP_TIMEOUT}) and waits for it to exit. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAndRelease();
        unreserve(name);
    }

    /** Kills the server at once ({@code kill -9}) and waits for it to exit, as a crash would end it. Idempotent. */
    public synchronized void kill() {
        if (closed) {
            return;
        }
        ProcessTrees.kill(process, "WildFly " + name, KILL_TIMEOUT);
        close();
    }

    @Override
    public String toString() {
        return "WildFly " + name + " (pid " + process.pid() + ", port offset " + offset + ", " + baseDir + ")";
    }

    /**
     * Waits for the scanner's marker of {@code deployment} and for the end of the boot. The marker
     * alone is not enough: during the boot it can be written while other services still start.
     */
    private void awaitDeployment(String deployment) {
        Path deployments = baseDir.resolve("deployments");
        Path deployed = deployments.resolve(deployment + ".deployed");
        Path failed = deployments.resolve(deployment + ".failed");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (Files.exists(failed)) {
                throw failure("the deployment scanner marked " + deployment + " failed: " + read(failed).strip());
            }
            if (!process.isAlive()) {
                throw failure("WildFly exited with " + process.exitValue() + " before " + deployment + " was deployed");
            }
            if (Files.exists(deployed)) {
                String log = read(logFile());
                if (log.contains(STARTED_WITH_ERRORS)) {
                    throw failure("WildFly started with errors (" + STARTED_WITH_ERRORS + ")");
                }
                if (log.contains(STARTED)) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw failure(deployment + " was not deployed and started within " + START_TIMEOUT);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + deployment);
            }
        }
    }

    private WildFlyStartException failure(String reason) {
        StringBuilder message = new StringBuilder("WildFly ").append(name).append(": ").append(reason)
                .append(" (pid ").append(process.pid()).append(", port offset ").append(offset)
                .append(", base directory ").append(baseDir).append(')');
        String log = read(logFile());
        message.append("\n--- last lines of ").append(logFile()).append(" ---\n").append(tail(log));
        if (!process.isAlive()) {
            Path console = baseDir.resolve("log").resolve(CONSOLE_FILE);
            message.append("\n--- last lines of ").append(console).append(" ---\n").append(tail(read(console)));
        }
        boolean portTaken = log.contains("Address already in use") || log.contains("java.net.BindException");
        return new WildFlyStartException(message.toString(), portTaken, null);
    }

    /**
     * Stops the process and gives its offset back (an offset stays claimed while its process may
     * live), then drops the shutdown hook.
     */
    private void stopAndRelease() {
        try {
            ProcessTrees.stop(process, "WildFly " + name, STOP_TIMEOUT, KILL_TIMEOUT);
            FreePortOffset.release(offset);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /**
     * Empties {@code baseDir} and fills it with the files of the distribution's
     * {@code standalone/configuration} (not its history directory) and an empty
     * {@code deployments/} and {@code log/}. The Arquillian server may be running on that
     * configuration and list its deployment there; the copy leaves the list out, as the content
     * it names lives in the other server's data directory.
     */
    private static void prepareBaseDirectory(Path baseDir) throws IOException {
        deleteRecursively(baseDir);
        Path configuration = Files.createDirectories(baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        Files.createDirectories(baseDir.resolve("log"));
        Path source = jbossHome().resolve("standalone").resolve("configuration");
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = configuration.resolve(file.getFileName());
                String content = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().endsWith(".xml")) {
                    content = DEPLOYMENTS.matcher(content).replaceAll("");
                }
                Files.writeString(copy, content, StandardCharsets.UTF_8);
            }
        }
        if (!Files.exists(configuration.resolve(SERVER_CONFIG))) {
            throw new IllegalStateException("no " + SERVER_CONFIG + " in " + source);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The properties the harness sets itself, which a caller may not give. */
    private static void checkProperties(Map<String, String> systemProperties) {
        List<String> reserved = new ArrayList<>();
        for (String key : systemProperties.keySet()) {
            if (key.isBlank() || key.startsWith("jboss.") || key.equals("turnpike.it.wildfly")) {
                reserved.add(key);
            }
        }
        if (!reserved.isEmpty()) {
            throw new IllegalArgumentException("system properties " + reserved + " are set by the harness (expected:"
                    + " no jboss.* and no turnpike.it.wildfly; the port offset and base directory are chosen per instance)");
        }
    }

    private static synchronized void reserve(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name: " + name + " (expected: 1 to 23 lower-case letters,"
                    + " digits and dashes, as it names the base directory and the transaction node)");
        }
        if (!RUNNING.add(name)) {
            throw new IllegalArgumentException("a WildFly instance named " + name + " runs already in this JVM");
        }
    }

    private static synchronized void unreserve(String name) {
        RUNNING.remove(name);
    }

    private static Path jbossHome() {
        return directoryFromProperty("jboss.home", "the WildFly distribution the build unpacked");
    }

    private static Path root() {
        return directoryFromProperty(ROOT_PROPERTY, "where the instances' base directories go").toAbsolutePath();
    }

    private static Path directoryFromProperty(String property, String purpose) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " must name " + purpose
                    + " (the failsafe configuration of it-tests/pom.xml sets it)");
        }
        return Path.of(value);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() <= LOG_TAIL_LINES) {
            return String.join("\n", lines);
        }
        return "[...]\n" + String.join("\n", lines.subList(lines.size() - LOG_TAIL_LINES, lines.size()));
    }

    /** WildFly did not come up with the EAR deployed; the message carries the end of its log. */
    public static final class WildFlyStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Whether the log says a port was taken, so a start on another offset may succeed. */
        private final boolean portTaken;

        WildFlyStartException(String message, boolean portTaken, Throwable cause) {
            super(message, cause);
            this.portTaken = portTaken;
        }
    }
}
