package dev.turnpike.admin;

import java.util.Locale;

/**
 * Who may use Turnpike's page and API ({@code /turnpike/...}): a user the container
 * authenticated in the role {@value #ROLE}; and, when {@value #ANONYMOUS_READ} is
 * {@code loopback}, anybody on this machine for reading only.
 */
public final class AdminAccess {

    /** The role the API and page require. */
    public static final String ROLE = "turnpike-admin";

    /** The system property (or context parameter) that lets loopback clients read without a login. */
    public static final String ANONYMOUS_READ = "turnpike.admin.anonymous-read";

    /** What a request may do. */
    public enum Verdict {
        /** Go on: an administrator, or an anonymous read allowed from this machine. */
        ALLOW,
        /** Ask the client to log in (401 with the container's challenge). */
        AUTHENTICATE,
        /** Logged in without the role: 403. */
        FORBIDDEN
    }

    private final boolean loopbackReads;

    private AdminAccess(boolean loopbackReads) {
        this.loopbackReads = loopbackReads;
    }

    /**
     * The access a setting gives.
     *
     * @param anonymousRead {@code loopback}, or {@code off}/{@code null} for none
     * @throws IllegalArgumentException for any other value
     */
    public static AdminAccess of(String anonymousRead) {
        String value = anonymousRead == null ? "off" : anonymousRead.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "off", "false", "none" -> new AdminAccess(false);
            case "loopback" -> new AdminAccess(true);
            default -> throw new IllegalArgumentException(ANONYMOUS_READ + " must be loopback or off, not '"
                    + anonymousRead + "'");
        };
    }

    /**
     * @param authenticated whether the container knows the user
     * @param inRole        whether the user has {@link #ROLE}
     * @param reading       whether the call only reads
     * @param loopback      whether the client is on this machine
     */
    public Verdict decide(boolean authenticated, boolean inRole, boolean reading, boolean loopback) {
        if (authenticated) {
            return inRole ? Verdict.ALLOW : Verdict.FORBIDDEN;
        }
        return loopbackReads && reading && loopback ? Verdict.ALLOW : Verdict.AUTHENTICATE;
    }

    public boolean loopbackReads() {
        return loopbackReads;
    }
}
