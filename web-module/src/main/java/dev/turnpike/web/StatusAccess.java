package dev.turnpike.web;

import dev.turnpike.net.IpNetworks;
import java.util.Objects;

/**
 * Who may see {@code /caucho-status} and the status API: clients on this machine (loopback), and
 * the networks the system property {@value #PROPERTY} names, e.g.
 * {@code -Dturnpike.status.allow="10.0.0.0/8 192.168.1.7"}, as mod_caucho's status page is opened
 * to an administration network.
 */
final class StatusAccess {

    /** The system property naming the other networks allowed, separated by spaces or commas. */
    static final String PROPERTY = "turnpike.status.allow";

    private static final IpNetworks LOOPBACK = IpNetworks.parse("127.0.0.0/8 ::1/128");

    private final IpNetworks allowed;
    private final String description;

    private StatusAccess(IpNetworks allowed, String description) {
        this.allowed = allowed;
        this.description = description;
    }

    /** Loopback clients only. */
    static final StatusAccess LOOPBACK_ONLY = new StatusAccess(null, "this machine only");

    /**
     * Loopback clients and the given networks; blank text is loopback only.
     *
     * @throws IllegalArgumentException naming the first network that is not one
     */
    static StatusAccess of(String networks) {
        if (networks == null || networks.isBlank()) {
            return LOOPBACK_ONLY;
        }
        try {
            return new StatusAccess(IpNetworks.parse(networks), "this machine and " + networks.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + "=\"" + networks + "\": " + e.getMessage(), e);
        }
    }

    /** Whether a client, as {@code getRemoteAddr()} gives it, may see the status. */
    boolean allows(String remoteAddr) {
        Objects.requireNonNull(remoteAddr, "remoteAddr");
        return LOOPBACK.contains(remoteAddr) || allowed != null && allowed.contains(remoteAddr);
    }

    /** Who may, for the refusal's message. */
    String description() {
        return description;
    }
}
