package dev.turnpike.proxy;

/**
 * One backend server over JMX, named {@code dev.turnpike:type=Backend,cluster=app-tier,server=a}:
 * what the admin API shows of it and does to it, through the same
 * {@link dev.turnpike.spi.BackendControl}. The operations and the weight setter throw
 * {@link IllegalArgumentException} where the API answers 400 or 404.
 */
public interface BackendMXBean {

    /** The cluster id. */
    String getCluster();

    /** The server id. */
    String getServer();

    /** {@code address:port}. */
    String getAddress();

    /** The lifecycle state, e.g. {@code ACTIVE}, {@code STANDBY} (disabled), {@code SESSION_ONLY} (draining). */
    String getState();

    /** The {@code load-balance-weight} now. */
    int getWeight();

    /** Sets the weight, 0-1000; a backup server's cannot be changed. */
    void setWeight(int weight);

    /** Connections carrying a request now. */
    int getActive();

    /** Requests sent to it so far, retries included. */
    long getRequests();

    /** Requests that failed so far. */
    long getFailures();

    /** Back into service. */
    void enable();

    /** Out of service: no new requests, not even for its sessions; running ones finish. */
    void disable();

    /** Keeps serving its sessions, takes no new ones. */
    void drain();
}
