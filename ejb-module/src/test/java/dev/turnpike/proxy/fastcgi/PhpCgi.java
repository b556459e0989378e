package dev.turnpike.proxy.fastcgi;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real {@code php-cgi -b 127.0.0.1:port} with a temporary document root, started as a child
 * process (two workers, no request limit, bodies up to 64 MiB). The Debian package installs it at
 * {@link #BINARY}; without it the tests fail, they are not skipped: CI installs php-cgi, and a
 * quietly skipped suite would prove nothing.
 */
public final class PhpCgi implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/php-cgi");

    private final Path documentRoot;
    private final int port;
    private final Path stderr;
    private Process process;

    private PhpCgi(Path documentRoot, int port) {
        this.documentRoot = documentRoot;
        this.port = port;
        this.stderr = documentRoot.resolveSibling(documentRoot.getFileName() + "-php-stderr.txt");
    }

    /** Starts php-cgi on a free loopback port, serving a new temporary document root. */
    public static PhpCgi start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing: install php-cgi (Debian/Ubuntu: apt-get install php-cgi) to run the FastCGI"
                    + " tests; CI installs it");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PhpCgi php = new PhpCgi(Files.createTempDirectory("turnpike-fcgi-docroot-"), port);
        php.startProcess();
        return php;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    public Path documentRoot() {
        return documentRoot;
    }

    /** Writes a script into the document root; {@code name} may hold directories. */
    public void script(String name, String php) throws IOException {
        Path file = documentRoot.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, php, StandardCharsets.UTF_8);
    }

    /** Stops php-cgi and its workers, then starts it again on the same port. */
    public void restart() throws IOException, InterruptedException {
        stopProcess();
        startProcess();
    }

    /** What php-cgi wrote to its own stderr (not the FastCGI STDERR stream). */
    public String processStderr() throws IOException {
        return Files.exists(stderr) ? Files.readString(stderr, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            stopProcess();
        } finally {
            try (Stream<Path> files = Files.walk(documentRoot)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(stderr);
        }
    }

    private void startProcess() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(BINARY.toString(), "-d", "post_max_size=64M",
                "-d", "memory_limit=256M", "-d", "display_errors=0", "-d", "log_errors=1", "-b",
                "127.0.0.1:" + port));
        builder.environment().put("PHP_FCGI_CHILDREN", "2");
        builder.environment().put("PHP_FCGI_MAX_REQUESTS", "0");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(address(), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    fail("php-cgi exited with " + process.exitValue() + " before listening on " + port + ": "
                            + processStderr());
                }
                if (System.nanoTime() > deadline) {
                    stopProcess();
                    fail("php-cgi did not listen on " + port + " within 10s");
                }
                Thread.sleep(20);
            }
        }
    }

    /**
     * Kills php-cgi and its workers. The master goes first, so it cannot fork a replacement for a
     * worker that dies; then the workers it had. With workers, php-cgi makes itself the leader of a
     * new process group, so the whole group is killed as well, which catches a worker forked
     * while the list was taken. php-cgi's own SIGTERM shutdown is not used: it takes seconds while
     * a worker sits on an idle kept connection, and a killed worker's socket is closed by the
     * kernel all the same, which is what the tests need.
     */
    private void stopProcess() throws InterruptedException {
        if (process == null) {
            return;
        }
        long group = process.pid();
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        workers.forEach(ProcessHandle::destroyForcibly);
        try {
            new ProcessBuilder("kill", "-KILL", "--", "-" + group).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: the workers listed above are all there is to kill
        }
        // the killed workers may linger as zombies nobody reaps; what matters is that the port is free
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(address(), 200);
                Thread.sleep(20);
            } catch (IOException refused) {
                break;
            }
        }
        process = null;
    }
}
