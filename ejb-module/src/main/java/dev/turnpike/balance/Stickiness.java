package dev.turnpike.balance;

import java.util.List;
import java.util.Objects;

/**
 * How a request names the backend that owns its session: the family of stickiness codecs.
 *
 * <ul>
 *   <li>{@link ServerCode}: Resin's own ids, whose first characters are the owner's server code;</li>
 *   <li>{@link JvmRoute}: ids of the form {@code <id>.<route>} (mod_jk, Tomcat, WildFly), where the
 *       route is a backend's id;</li>
 *   <li>{@link RouteCookie}: a cookie the web tier inserts itself, whose value is a backend's id;</li>
 *   <li>{@link Off}: no stickiness, every request goes to the strategy.</li>
 * </ul>
 * Each codec turns a request into a {@link StickyKey}, or {@code null} when the request carries
 * nothing to be sticky to.
 */
public sealed interface Stickiness permits Stickiness.Off, Stickiness.ServerCode, Stickiness.JvmRoute,
        Stickiness.RouteCookie {

    /** No stickiness ({@code sticky-sessions="false"}). */
    Stickiness OFF = new Off();

    /**
     * The key of a request among the cluster's backends.
     *
     * @param request  the request
     * @param backends the cluster's backends, in configuration order
     * @return the key, or {@code null} when the request is not sticky
     */
    StickyKey key(StickyRequest request, List<Backend> backends);

    /** Stickiness switched off: no request is sticky. */
    record Off() implements Stickiness {
        @Override
        public StickyKey key(StickyRequest request, List<Backend> backends) {
            return null;
        }

        @Override
        public String toString() {
            return "sticky-sessions=\"false\"";
        }
    }

    /**
     * Resin session ids, whose first characters name the owner (resin-spec 2.1, 2.3). An id
     * shorter than three characters is not sticky. The owner's number is taken modulo the number
     * of backends, as every Resin client does; an id whose code is not in the
     * {@link SessionAlphabet} names no owner, and goes straight to the hash fallback.
     *
     * @param layout which Resin generation wrote the ids
     * @param source where the request carries its session id
     */
    record ServerCode(IdLayout layout, StickySource source) implements Stickiness {

        public ServerCode {
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public StickyKey key(StickyRequest request, List<Backend> backends) {
            StickySource.Found found = source.find(request);
            if (found == null || found.id().length() < 3) {
                return null;
            }
            int code = layout.ownerCode(found.id(), backends.size());
            return new StickyKey(found.id(), code < 0 ? StickyKey.NO_OWNER : code % backends.size());
        }

        @Override
        public String toString() {
            return "sticky-sessions=\"true\" (" + layout.label + " server code in " + source + ")";
        }
    }

    /** The two ways Resin writes the owner at the start of a session id. */
    public enum IdLayout {
        /**
         * Resin 3.x: the owner's index, one alphabet character for clusters of up to 64 servers and
         * two (high six bits, then low six bits) above 64, as its session manager writes them.
         * The backup and tertiary indexes that follow are not used for routing.
         */
        RESIN_3("Resin 3") {
            @Override
            int ownerCode(String id, int servers) {
                int high = SessionAlphabet.decode(id.charAt(0));
                if (servers <= 64 || high < 0) {
                    return high;
                }
                int low = SessionAlphabet.decode(id.charAt(1));
                return low < 0 ? SessionAlphabet.NOT_IN_ALPHABET : high * 64 + low;
            }
        },
        /**
         * Resin 4.0: a three-character server code, server index in the pod then the pod's
         * number; only the first character names the server.
         */
        RESIN_4("Resin 4") {
            @Override
            int ownerCode(String id, int servers) {
                return SessionAlphabet.decode(id.charAt(0));
            }
        };

        private final String label;

        IdLayout(String label) {
            this.label = label;
        }

        /** The owner's number written in an id of at least three characters, or -1. */
        abstract int ownerCode(String id, int servers);
    }

    /**
     * Ids with the owner's route appended after a dot, {@code <id>.<route>}: the route is the text
     * after the first dot and names the backend with that id. An id without a route, or with a
     * route no backend has, names no owner and goes to the hash fallback.
     *
     * @param source where the request carries its session id
     */
    record JvmRoute(StickySource source) implements Stickiness {

        public JvmRoute {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public StickyKey key(StickyRequest request, List<Backend> backends) {
            StickySource.Found found = source.find(request);
            if (found == null) {
                return null;
            }
            int dot = found.id().indexOf('.');
            int owner = dot < 0 ? StickyKey.NO_OWNER : indexOf(backends, found.id().substring(dot + 1));
            return new StickyKey(found.id(), owner);
        }

        @Override
        public String toString() {
            return "sticky-sessions=\"true\" (<id>.<jvmRoute> in " + source + ")";
        }
    }

    /**
     * A cookie inserted by the web tier whose value is the id of the backend that served the
     * session. The web tier sets it whenever a response comes from a backend other than the one
     * the cookie names ({@link #cookieValue(Backend)}); a value naming no backend goes to the hash
     * fallback.
     *
     * @param name the cookie name
     */
    record RouteCookie(String name) implements Stickiness {

        public RouteCookie {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("route cookie name: \"" + (name == null ? "" : name)
                        + "\" (expected: a non-empty name)");
            }
        }

        @Override
        public StickyKey key(StickyRequest request, List<Backend> backends) {
            String value = request.cookies().get(name);
            if (value == null || value.isEmpty()) {
                return null;
            }
            return new StickyKey(value, indexOf(backends, value));
        }

        /** The value of the cookie that routes later requests to {@code backend}. */
        public String cookieValue(Backend backend) {
            return backend.config().id();
        }

        @Override
        public String toString() {
            return "sticky-sessions=\"true\" (route cookie " + name + ")";
        }
    }

    private static int indexOf(List<Backend> backends, String id) {
        for (int i = 0; i < backends.size(); i++) {
            if (backends.get(i).config().id().equals(id)) {
                return i;
            }
        }
        return StickyKey.NO_OWNER;
    }
}
