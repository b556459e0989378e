package dev.turnpike.it.resin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several real Resin 4.0.66 servers, each in its own child JVM and work directory, all with the
 * echo servlet: the app tier behind a Turnpike web tier. Server {@code i} has the id {@code a},
 * {@code b}, {@code c}... Resin Open Source refuses a cluster of more than one server ("does not
 * support multiple &lt;server&gt; instances in a cluster"), so each runs alone in a cluster of its
 * own; every one of them is thus server index 0 and starts its session ids with {@code a}.
 *
 * <p>A server can be killed ({@code kill -9}) and started again on the same ports.
 * {@link #close()} stops every server still running.
 */
public final class ResinCluster implements AutoCloseable {

    private final Path libDir;
    private final Path workRoot;
    private final ResinLayout layout;
    private final List<ResinLayout.Server> servers;
    private final ResinServer[] running;

    private ResinCluster(Path libDir, Path workRoot, ResinLayout layout, List<ResinLayout.Server> servers) {
        this.libDir = libDir;
        this.workRoot = workRoot;
        this.layout = layout;
        this.servers = List.copyOf(servers);
        this.running = new ResinServer[servers.size()];
    }

    /** Starts {@code size} servers on fresh loopback ports, one after the other. */
    public static ResinCluster start(int size, Path workRoot) {
        int[] ports = ResinServer.freePorts(2 * size);
        List<ResinLayout.Server> servers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            servers.add(new ResinLayout.Server(String.valueOf((char) ('a' + i)), ports[2 * i], ports[2 * i + 1]));
        }
        ResinCluster cluster = new ResinCluster(ResinServer.libraryFromProperty(), workRoot,
                ResinLayout.create().host("", null, null), servers);
        try {
            for (int i = 0; i < size; i++) {
                cluster.startServer(i);
            }
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /** Starts server {@code index} (again) on its ports. */
    public synchronized void startServer(int index) {
        if (running[index] != null) {
            running[index].close();
        }
        ResinLayout.Server server = servers.get(index);
        Path work = workRoot.resolve(server.id());
        layout.writeWebApps(work);
        running[index] = ResinServer.start(libDir, work, layout.render(work, List.of(server)), server.httpPort(),
                server.serverPort(), server.id());
    }

    /** Kills server {@code index} with {@code kill -9}. */
    public synchronized void kill(int index) {
        if (running[index] != null) {
            running[index].kill();
            running[index] = null;
        }
    }

    public List<ResinLayout.Server> servers() {
        return servers;
    }

    /** The running server {@code index}, or {@code null} after {@link #kill}. */
    public synchronized ResinServer server(int index) {
        return running[index];
    }

    /**
     * The cluster as a web tier's configuration names it: a {@code <cluster>} with a
     * {@code <server>} per member at its HMUX port, plus the given attributes on each server.
     */
    public String clusterXml(String id, String serverAttributes) {
        StringBuilder xml = new StringBuilder("<cluster id=\"").append(id).append("\">\n");
        for (ResinLayout.Server server : servers) {
            xml.append("  <server id=\"").append(server.id()).append("\" address=\"127.0.0.1\" port=\"")
                    .append(server.serverPort()).append("\" ").append(serverAttributes).append("/>\n");
        }
        return xml.append("</cluster>\n").toString();
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (int i = 0; i < running.length; i++) {
            try {
                if (running[i] != null) {
                    running[i].close();
                }
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
            running[i] = null;
        }
        if (failure != null) {
            throw failure;
        }
    }
}
