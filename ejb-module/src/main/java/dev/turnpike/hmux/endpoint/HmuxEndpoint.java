package dev.turnpike.hmux.endpoint;

import dev.turnpike.cdi.EndpointTrust;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes this server a Resin app-tier server to HMUX web tiers (Apache with mod_caucho, Resin's
 * IIS handler, Resin and Turnpike load balancers): it listens on a port, reads each connection's
 * requests ({@link EndpointConnection}) and bridges them into this server.
 *
 * <p>One thread serves one connection for its whole life, as web tiers keep few connections and
 * reuse them. At most {@link EndpointSettings#maxConnections()} are served at once: the acceptor
 * takes a permit before it accepts, so further connections wait in the listen backlog rather than
 * be refused. Threads come from the factory given, the server's managed one when deployed.
 *
 * <p>{@link #close()} stops accepting, closes every connection (a request in progress fails, and
 * the web tier retries it elsewhere if it can) and waits briefly for the threads.
 */
public final class HmuxEndpoint implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.hmux.endpoint");

    private final EndpointSettings settings;
    private final Bridge bridge;
    private final DispatchDirectory directory;
    private final EndpointTrust trust;
    private final IntSupplier cpuLoad;
    private final EndpointCounters counters = new EndpointCounters();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore permits;
    private final ThreadPoolExecutor workers;
    private final ServerSocket server;
    private final Thread acceptor;
    private final InetSocketAddress bound;
    private volatile boolean closed;

    private HmuxEndpoint(EndpointSettings settings, Bridge bridge, DispatchDirectory directory, EndpointTrust trust,
            IntSupplier cpuLoad, ThreadFactory threads) throws IOException {
        this.settings = settings;
        this.bridge = bridge;
        this.directory = directory;
        this.trust = trust;
        this.cpuLoad = cpuLoad;
        this.permits = new Semaphore(settings.maxConnections());
        // the permits bound the connections served; a worker that has released its permit may still be
        // finishing when the next connection needs a thread, so the pool itself is not bounded again
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                threads);
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(settings.listen(), 128);
        } catch (IOException e) {
            server.close();
            workers.shutdown();
            throw new IOException("the HMUX endpoint cannot listen on " + shown(settings.listen()) + ": "
                    + e.getMessage(), e);
        }
        this.bound = (InetSocketAddress) server.getLocalSocketAddress();
        this.acceptor = threads.newThread(this::accept);
        acceptor.setName("turnpike-hmux-accept-" + server.getLocalPort());
    }

    /**
     * Starts an endpoint that bridges to this server's HTTP listener at {@code httpServer}.
     *
     * @throws IOException if it cannot listen where the settings say
     */
    public static HmuxEndpoint start(EndpointSettings settings, InetSocketAddress httpServer, DispatchDirectory directory,
            EndpointTrust trust, ThreadFactory threads) throws IOException {
        Bridge bridge = new HttpBridge(httpServer, settings.socketTimeout(), settings.maxConnections());
        return start(settings, bridge, directory, trust, HmuxEndpoint::loadAverage, threads);
    }

    static HmuxEndpoint start(EndpointSettings settings, Bridge bridge, DispatchDirectory directory,
            EndpointTrust trust, IntSupplier cpuLoad, ThreadFactory threads) throws IOException {
        HmuxEndpoint endpoint = new HmuxEndpoint(settings, bridge, directory, trust, cpuLoad, threads);
        endpoint.acceptor.start();
        LOG.info(() -> "HMUX endpoint listening on " + shown(endpoint.address()) + " as server code "
                + settings.sessions().code() + ", bridging to " + bridge);
        return endpoint;
    }

    /** The address and port listened on. */
    public InetSocketAddress address() {
        return bound;
    }

    public EndpointSettings settings() {
        return settings;
    }

    /** Connections being served now. */
    public int activeConnections() {
        return open.size();
    }

    /** What the endpoint has served since it started, by kind. */
    public Figures figures() {
        return new Figures(counters.connections.sum(), open.size(), counters.requests.sum(), counters.pings.sum(),
                counters.dispatchQueries.sum(), counters.protocolErrors.sum(), counters.bridgeFailures.sum());
    }

    /**
     * The endpoint's counts.
     *
     * @param connections connections accepted
     * @param active connections being served now
     * @param requests requests bridged (or refused with 400)
     * @param pings bare {@code Q} pings answered
     * @param dispatchQueries dispatch-configuration queries answered
     * @param protocolErrors connections closed for broken framing
     * @param bridgeFailures requests answered 503 because this server's listener failed
     */
    public record Figures(long connections, int active, long requests, long pings, long dispatchQueries,
            long protocolErrors, long bridgeFailures) {
    }

    private void accept() {
        while (!closed) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                permits.release();
                if (!closed) {
                    LOG.log(Level.WARNING, "HMUX endpoint: accepting a connection failed", e);
                }
                continue;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        counters.connections.increment();
        open.add(socket);
        EndpointConnection connection = new EndpointConnection(settings, bridge, directory, trust, cpuLoad, counters);
        try {
            workers.execute(() -> {
                try {
                    connection.run(socket);
                } finally {
                    open.remove(socket);
                    permits.release();
                }
            });
        } catch (RuntimeException e) {
            open.remove(socket);
            permits.release();
            closeQuietly(socket);
            LOG.log(Level.WARNING, "HMUX endpoint: no thread for a connection; it is closed", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        acceptor.interrupt();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        bridge.close();
        LOG.info(() -> "HMUX endpoint on " + shown(bound) + " closed");
    }

    /** The machine's load average times 1000, what a Resin backend reports as {@code cpu-load}; 0 if unknown. */
    static int loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.floor(load * 1000));
    }

    private static String shown(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.FINEST, "closing", e);
        }
    }

    @Override
    public String toString() {
        return "HMUX endpoint on " + shown(address()) + " (server code " + settings.sessions().code() + ")";
    }
}
