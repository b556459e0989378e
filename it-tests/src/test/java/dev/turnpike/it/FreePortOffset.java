package dev.turnpike.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses WildFly port offsets whose every port is free on loopback, so a running server or a
 * second test run never clashes with this one.
 *
 * <p>The offset of the server Arquillian manages is chosen before Arquillian reads
 * {@code arquillian.xml} and published as the system properties {@value #OFFSET},
 * {@value #HTTP_PORT} and {@value #MANAGEMENT_PORT}. Further servers of the same run
 * ({@code dev.turnpike.it.wildfly.WildFlyServer}) {@linkplain #claim() claim} an offset each and
 * {@linkplain #release(int) release} it when they stop; a claim never returns the Arquillian
 * server's offset nor one that is claimed and not yet released.
 *
 * <p>Offsets are multiples of 100 between 10000 and 49900. No two of the {@linkplain #ports(int)
 * ports} differ by a multiple of 100, so servers on two different offsets never share a port.
 */
public final class FreePortOffset implements LauncherSessionListener {

    static final String OFFSET = "turnpike.it.port-offset";
    static final String HTTP_PORT = "turnpike.it.http-port";
    static final String MANAGEMENT_PORT = "turnpike.it.management-port";

    /**
     * The ports checked free for a server, before the offset: those standalone-full.xml binds, then
     * 6800, Resin's cluster port, kept for a Turnpike endpoint taking HMUX connections.
     */
    private static final int[] BASE_PORTS = {8080, 8443, 8009, 9990, 9993, 3528, 3529, 4712, 4713, 6800};

    private static final int STEP = 100;
    private static final int ATTEMPTS = 200;

    /** Offsets claimed by this JVM's further servers and not yet released. */
    private static final Set<Integer> CLAIMED = new HashSet<>();

    static {
        for (int i = 0; i < BASE_PORTS.length; i++) {
            for (int j = i + 1; j < BASE_PORTS.length; j++) {
                if ((BASE_PORTS[i] - BASE_PORTS[j]) % STEP == 0) {
                    throw new IllegalStateException("ports " + BASE_PORTS[i] + " and " + BASE_PORTS[j]
                            + " differ by a multiple of " + STEP + ": two servers could share a port");
                }
            }
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(OFFSET) != null) {
            return;
        }
        int offset = find(Set.of());
        System.setProperty(OFFSET, Integer.toString(offset));
        System.setProperty(HTTP_PORT, Integer.toString(8080 + offset));
        System.setProperty(MANAGEMENT_PORT, Integer.toString(9990 + offset));
    }

    /**
     * An offset for one more server, all of whose ports are free now, other than the Arquillian
     * server's and those claimed and not yet released.
     */
    public static synchronized int claim() {
        Set<Integer> taken = new HashSet<>(CLAIMED);
        Integer arquillian = Integer.getInteger(OFFSET);
        if (arquillian != null) {
            taken.add(arquillian);
        }
        int offset = find(taken);
        CLAIMED.add(offset);
        return offset;
    }

    /** Gives back an offset from {@link #claim()} once its server has exited. */
    public static synchronized void release(int offset) {
        CLAIMED.remove(offset);
    }

    /** Every port checked free for a server with this offset. */
    public static List<Integer> ports(int offset) {
        return Arrays.stream(BASE_PORTS).map(port -> port + offset).boxed().toList();
    }

    private static int find(Set<Integer> taken) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = STEP * ThreadLocalRandom.current().nextInt(100, 500);
            if (!taken.contains(offset) && allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no WildFly port offset with all ports free on loopback after " + ATTEMPTS
                + " attempts (offsets in use by this run: " + taken + ")");
    }

    private static boolean allFree(int offset) {
        for (int port : ports(offset)) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
