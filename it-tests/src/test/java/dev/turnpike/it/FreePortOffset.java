package dev.turnpike.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses a WildFly port offset whose every port is free on loopback, before Arquillian reads
 * {@code arquillian.xml}, so a running server or a second test run never clashes with this one.
 * Publishes {@value #OFFSET}, {@value #HTTP_PORT} and {@value #MANAGEMENT_PORT} as system properties.
 */
public final class FreePortOffset implements LauncherSessionListener {

    static final String OFFSET = "turnpike.it.port-offset";
    static final String HTTP_PORT = "turnpike.it.http-port";
    static final String MANAGEMENT_PORT = "turnpike.it.management-port";

    /** The ports standalone-full.xml binds, before the offset. */
    private static final int[] WILDFLY_PORTS = {8080, 8443, 8009, 9990, 9993, 3528, 3529, 4712, 4713};

    private static final int ATTEMPTS = 200;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(OFFSET) != null) {
            return;
        }
        int offset = find();
        System.setProperty(OFFSET, Integer.toString(offset));
        System.setProperty(HTTP_PORT, Integer.toString(8080 + offset));
        System.setProperty(MANAGEMENT_PORT, Integer.toString(9990 + offset));
    }

    private static int find() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int offset = 100 * ThreadLocalRandom.current().nextInt(100, 500);
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no WildFly port offset with all ports free on loopback after " + ATTEMPTS
                + " attempts");
    }

    private static boolean allFree(int offset) {
        for (int port : WILDFLY_PORTS) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port + offset));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
