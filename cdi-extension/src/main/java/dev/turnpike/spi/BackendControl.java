package dev.turnpike.spi;

import java.util.List;
import java.util.Optional;

/**
 * The operator's view of the backends the {@link BackendHandler} balances over: their status and
 * metrics, and the actions of the admin API and JMX (enable, disable, drain, weight). Implemented
 * by the same application-scoped bean as {@link BackendHandler}; inject it as
 * {@code Instance<BackendControl>} where the connectors may be missing.
 *
 * <h2>How a server is named</h2>
 * By its cluster and its server id, exactly as {@link BackendStatus#cluster()} and
 * {@link BackendStatus#id()} show them:
 * <ul>
 *   <li>a {@code <cluster id="app-tier">} server: {@code ("app-tier", "a")} for
 *       {@code <server id="a" .../>}; a server without an id is named {@code address:port};</li>
 *   <li>an HTTP or FastCGI proxy rule's server: cluster {@code "http 10.0.0.1:8080 10.0.0.2:8080"}
 *       (or {@code "fastcgi ..."}), server {@code "10.0.0.1:8080"}, the address as the rule writes
 *       it. A proxy rule's group exists from its first request on.</li>
 * </ul>
 * A server may also be named {@code address:port} where it has an id.
 *
 * <h2>Across reloads</h2>
 * Operator changes and counts stay with the server through every reload that keeps it: same
 * cluster id, same server id, address and port, whatever else changed in its settings. A weight
 * set by an operator gives way only when the reload changes the server's configured weight. A
 * server that leaves the configuration is forgotten; added back later, it starts as configured.
 * Changes apply to this node only.
 */
public interface BackendControl {

    /** Every backend, cluster by cluster, in configuration order. */
    List<BackendStatus> backends();

    /** The named server, or empty when no serving cluster has it. */
    Optional<BackendStatus> backend(String cluster, String server);

    /**
     * Applies an operator's change to the named server and logs it at INFO.
     *
     * @return the server's status after the change
     * @throws NoSuchBackendException   when no serving cluster has the server (answer 404)
     * @throws IllegalArgumentException when the change does not apply to the server, such as a
     *                                  weight for a backup server (answer 400)
     */
    BackendStatus change(String cluster, String server, BackendChange change);

    /** What each backend has served, in the order of {@link #backends()}. */
    List<BackendMetrics> metrics();
}
