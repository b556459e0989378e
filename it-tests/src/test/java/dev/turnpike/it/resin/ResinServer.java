package dev.turnpike.it.resin;

import dev.turnpike.it.ProcessTrees;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Resin 4.0.66 running in a child JVM, the oracle of the differential tests.
 *
 * <p>Resin runs without its watchdog: {@code com.caucho.server.resin.Resin} is started directly
 * with the jars of a directory as class path ({@value #LIB_PROPERTY} by default) and a
 * {@code resin.xml} written into a work directory, where its output also goes
 * ({@value #LOG_FILE}). {@link #close()} stops the JVM and anything it started and waits for them
 * to exit; a shutdown hook does the same should the test JVM exit first.
 *
 * <p>Without the watchdog Resin does not survive a change of {@code resin.xml}: it notices the
 * change and exits. Start a new server instead. A web-app redeploys in place (about a second
 * later) when a file of its own changes, e.g. {@code WEB-INF/resin-web.xml}.
 */
public final class ResinServer implements AutoCloseable {

    /** System property naming the directory holding resin.jar and its dependencies. */
    public static final String LIB_PROPERTY = "turnpike.it.resin.lib";
    /** Name of the configuration file in the work directory. */
    public static final String CONFIG_FILE = "resin.xml";
    /** Name of the file, in the work directory, receiving the child's stdout and stderr. */
    public static final String LOG_FILE = "resin.log";

    /** The file in the work directory where the echo servlet logs requests that ask for it. */
    public static final String REQUEST_LOG = "requests.log";

    /** How long Resin gets to answer on its HTTP port. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_HEAD_LINES = 40;
    private static final int LOG_TAIL_LINES = 60;

    /**
     * JVM options of the child: Resin's own log manager (Resin warns without it), headless,
     * fixed encoding and locale so the oracle does not depend on the machine, and a small
     * single-threaded-GC, quick-JIT footprint. No {@code --add-opens} is needed on JDK 17.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Djava.util.logging.manager=com.caucho.log.LogManagerImpl",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Duser.language=en",
            "-Duser.country=US",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    /** Texts of the warnings Resin logs on every start in this setup. */
    private static final List<String> BENIGN_NOTICES = List.of(
            "Using Resin(R) Open Source under the GNU Public License",
            "Unable to find native library 'resin_os'");

    private final Process process;
    private final Path workDir;
    private final int httpPort;
    private final int serverPort;
    private final Thread shutdownHook;
    private boolean closed;

    private ResinServer(Process process, Path workDir, int httpPort, int serverPort) {
        this.process = process;
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.serverPort = serverPort;
        this.shutdownHook = new Thread(() -> ProcessTrees.stop(process, "Resin", STOP_TIMEOUT, STOP_TIMEOUT),
                "resin-oracle-stop-" + process.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the layout with the jars of {@value #LIB_PROPERTY}. */
    public static ResinServer start(ResinLayout layout, Path workDir) {
        return start(libraryFromProperty(), layout, workDir);
    }

    /**
     * Writes the layout's web-apps and {@code resin.xml} (on fresh loopback ports) into
     * {@code workDir} and starts Resin; retries with new ports when a port was taken meanwhile.
     */
    public static ResinServer start(Path libDir, ResinLayout layout, Path workDir) {
        layout.writeWebApps(workDir);
        for (int attempt = 1; ; attempt++) {
            int[] ports = freePorts(2);
            try {
                return start(libDir, workDir, layout.render(workDir, ports[0], ports[1]), ports[0], ports[1]);
            } catch (ResinStartException e) {
                if (attempt == START_ATTEMPTS || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes {@code resinXml} to {@code workDir/resin.xml}, starts Resin on it and waits until
     * {@code httpPort} answers HTTP. {@code serverPort} is the port of the XML's {@code <server>}, the
     * cluster (HMUX) port, reported by {@link #serverPort()}.
     *
     * @throws ResinStartException if Resin exits, does not answer within {@link #START_TIMEOUT}, or
     *                             reports {@linkplain #problems() problems} (configuration errors);
     *                             the process is stopped and the message carries the evidence
     */
    public static ResinServer start(Path libDir, Path workDir, String resinXml, int httpPort, int serverPort) {
        return start(libDir, workDir, resinXml, httpPort, serverPort, ResinLayout.SERVER_ID);
    }

    /**
     * As {@link #start(Path, Path, String, int, int)}, for the server {@code serverId} of the XML's
     * cluster; the echo servlet reports that id.
     */
    public static ResinServer start(Path libDir, Path workDir, String resinXml, int httpPort, int serverPort,
            String serverId) {
        Path work = workDir.toAbsolutePath();
        Path log = work.resolve(LOG_FILE);
        Process process;
        try {
            Files.createDirectories(work);
            Files.deleteIfExists(work.resolve(ResinLayout.WARNINGS_LOG));
            Files.writeString(work.resolve(CONFIG_FILE), resinXml);
            process = new ProcessBuilder(command(libDir, work, serverId))
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Resin in " + work, e);
        }
        ResinServer server = new ResinServer(process, work, httpPort, serverPort);
        try {
            server.awaitHttp();
            if (!server.problems().isEmpty()) {
                throw server.failure("Resin reported problems while starting");
            }
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The command line that runs Resin on {@code workDir/resin.xml}. */
    static List<String> command(Path libDir, Path workDir, String serverId) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-D" + ResinEchoServlet.SERVER_PROPERTY + "=" + serverId);
        command.add("-D" + ResinEchoServlet.LOG_PROPERTY + "=" + workDir.resolve(REQUEST_LOG));
        command.add("-cp");
        command.add(classPath(libDir));
        command.add("com.caucho.server.resin.Resin");
        command.addAll(List.of(
                "-conf", workDir.resolve(CONFIG_FILE).toString(),
                "-root-directory", workDir.toString(),
                "-server", serverId));
        return command;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The cluster port of the server, where Resin 4 speaks HMUX to web tiers and load balancers. */
    public int serverPort() {
        return serverPort;
    }

    public Path workDirectory() {
        return workDir;
    }

    public Path configFile() {
        return workDir.resolve(CONFIG_FILE);
    }

    public Path logFile() {
        return workDir.resolve(LOG_FILE);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A client for this server's HTTP port. */
    public RawHttp http() {
        return new RawHttp(httpPort);
    }

    /**
     * The warnings and errors Resin logged to {@value ResinLayout#WARNINGS_LOG} (as {@link ResinLayout}
     * configures it), one entry per log record, without the notices every start produces (the
     * open-source licence banner and the missing optional native library).
     */
    public List<String> problems() {
        Path warnings = workDir.resolve(ResinLayout.WARNINGS_LOG);
        if (!Files.exists(warnings)) {
            return List.of();
        }
        List<String> records = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(warnings, StandardCharsets.UTF_8)) {
                if (line.startsWith("[") || records.isEmpty()) {
                    records.add(line);
                } else {
                    records.set(records.size() - 1, records.get(records.size() - 1) + "\n" + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + warnings, e);
        }
        return records.stream().filter(r -> BENIGN_NOTICES.stream().noneMatch(r::contains)).map(String::strip).toList();
    }

    /**
     * The child's output, shortened to its first and last lines when long: a configuration error
     * that stops Resin is printed first, a failure while running last.
     */
    public String logExcerpt() {
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            if (all.size() <= LOG_HEAD_LINES + LOG_TAIL_LINES) {
                return String.join("\n", all);
            }
            return String.join("\n", all.subList(0, LOG_HEAD_LINES)) + "\n[...]\n"
                    + String.join("\n", all.subList(all.size() - LOG_TAIL_LINES, all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops Resin and every process it started, waiting for them to exit. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ProcessTrees.stop(process, "Resin " + process.pid(), STOP_TIMEOUT, STOP_TIMEOUT);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** Kills Resin at once ({@code kill -9}) and waits for it to exit, as a crash would end it. Idempotent. */
    public synchronized void kill() {
        if (closed) {
            return;
        }
        ProcessTrees.kill(process, "Resin " + process.pid(), STOP_TIMEOUT);
        close();
    }

    private void awaitHttp() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        RawHttp probe = new RawHttp(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort),
                PROBE_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw failure("Resin exited with " + process.exitValue() + " before answering on port " + httpPort);
            }
            try {
                if (probe.get("/", "127.0.0.1").header("Server").orElse("").startsWith("Resin/")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw failure("Resin did not answer on port " + httpPort + " within " + START_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResinStartException("interrupted while waiting for Resin on port " + httpPort);
            }
        }
    }

    private ResinStartException failure(String reason) {
        StringBuilder message = new StringBuilder(reason).append(" (work directory ").append(workDir).append(')');
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            message.append("\n--- problems reported by Resin ---\n").append(String.join("\n", problems));
        }
        message.append("\n--- ").append(LOG_FILE).append(" ---\n").append(logExcerpt());
        return new ResinStartException(message.toString());
    }

    static Path libraryFromProperty() {
        String lib = System.getProperty(LIB_PROPERTY);
        if (lib == null || lib.isBlank()) {
            throw new IllegalStateException("system property " + LIB_PROPERTY
                    + " must name the directory with resin.jar and its dependencies");
        }
        return Path.of(lib);
    }

    private static String classPath(Path libDir) {
        try (Stream<Path> files = Files.list(libDir)) {
            List<String> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .map(f -> f.toAbsolutePath().toString()).sorted().toList();
            if (jars.stream().noneMatch(j -> Path.of(j).getFileName().toString().startsWith("resin-"))) {
                throw new IllegalStateException("no resin-*.jar in " + libDir.toAbsolutePath());
            }
            return String.join(File.pathSeparator, jars);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Resin jars in " + libDir, e);
        }
    }

    /** Distinct free TCP ports on loopback, released again before returning. */
    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing bound any more either way
                }
            }
        }
    }

    /** Resin did not come up cleanly; the message carries what Resin reported and printed. */
    public static final class ResinStartException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResinStartException(String message) {
            super(message);
        }
    }
}
