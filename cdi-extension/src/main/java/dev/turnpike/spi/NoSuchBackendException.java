package dev.turnpike.spi;

import java.util.NoSuchElementException;

/**
 * No server of that name serves in that cluster, or no cluster of that name serves: what
 * {@link BackendControl#change} throws and the admin API answers with 404. The message carries a
 * stable code and the names there are.
 */
public class NoSuchBackendException extends NoSuchElementException {

    private static final long serialVersionUID = 1L;

    private final String cluster;
    private final String server;

    /**
     * @param cluster the cluster asked for
     * @param server  the server asked for, or {@code null} when the cluster itself is unknown
     * @param message what is wrong and the names known
     */
    public NoSuchBackendException(String cluster, String server, String message) {
        super(message);
        this.cluster = cluster;
        this.server = server;
    }

    /** The cluster asked for. */
    public String cluster() {
        return cluster;
    }

    /** The server asked for, or {@code null} when the cluster itself is unknown. */
    public String server() {
        return server;
    }
}
