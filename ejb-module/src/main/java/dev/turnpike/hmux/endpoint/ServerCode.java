package dev.turnpike.hmux.endpoint;

import dev.turnpike.balance.SessionAlphabet;

/**
 * The three characters a Resin 4 server puts in front of every session id it issues, naming
 * itself to the web tiers that route sessions (resin-spec 2.1): its index in its pod, then the
 * pod's index in two characters, each in Resin's 64-character session alphabet. Server 0 of the
 * usual single pod is {@code aaa}, server 1 {@code baa}, server 64 {@code aba}.
 *
 * <p>mod_caucho and the IIS handler look only at the first character; a Turnpike web tier decodes
 * it the same way, so an id carrying this code comes back to this server.
 *
 * @param index the server's index in its cluster, 0 to 262143
 * @param value the three characters
 */
public record ServerCode(int index, String value) {

    /** The number of servers a pod holds: one character of the alphabet. */
    public static final int POD_SIZE = 64;

    /** The largest index three characters can name. */
    public static final int MAX_INDEX = POD_SIZE * POD_SIZE * POD_SIZE - 1;

    public ServerCode {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("server index: " + index + " (expected: 0-" + MAX_INDEX + ")");
        }
        if (!value.equals(encode(index))) {
            throw new IllegalArgumentException("server code of index " + index + ": \"" + value + "\" (expected: \""
                    + encode(index) + "\")");
        }
    }

    /** The code of the server at {@code index} in its cluster. */
    public static ServerCode of(int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("server index: " + index + " (expected: 0-" + MAX_INDEX + ")");
        }
        return new ServerCode(index, encode(index));
    }

    /**
     * Whether a session id starts with the code of a server of this server's pod: three characters
     * of the alphabet, the last two this pod's, and at least one character after them. Such an id
     * was issued through an endpoint of the pod, here or on a server that shares its sessions.
     */
    public boolean carriedBy(String sessionId) {
        return sessionId.length() > 3 && SessionAlphabet.decode(sessionId.charAt(0)) != SessionAlphabet.NOT_IN_ALPHABET
                && sessionId.charAt(1) == value.charAt(1) && sessionId.charAt(2) == value.charAt(2);
    }

    private static String encode(int index) {
        int pod = index / POD_SIZE;
        return new String(new char[] {SessionAlphabet.encode(index % POD_SIZE), SessionAlphabet.encode(pod % POD_SIZE),
            SessionAlphabet.encode(pod / POD_SIZE % POD_SIZE)});
    }

    @Override
    public String toString() {
        return value;
    }
}
