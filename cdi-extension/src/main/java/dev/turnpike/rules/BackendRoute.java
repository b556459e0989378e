package dev.turnpike.rules;

import java.util.List;

/**
 * Where a proxying rule sends requests: parsed and checked with the configuration, carried out
 * by the backend connectors.
 */
public sealed interface BackendRoute {

    /** The backend kind, for messages: {@code HTTP}, {@code FastCGI}, {@code cluster}. */
    String kind();

    /**
     * HTTP/1.1 backends ({@code resin:HttpProxy}).
     *
     * @param addresses {@code host:port} of each backend
     * @param settings  timeouts and balancing settings as written, by attribute name
     */
    record Http(List<String> addresses, java.util.Map<String, String> settings) implements BackendRoute {
        @Override
        public String kind() {
            return "HTTP";
        }
    }

    /**
     * FastCGI backends ({@code resin:FastCgiProxy}).
     *
     * @param addresses {@code host:port} of each backend
     * @param settings  timeouts as written, by attribute name
     */
    record FastCgi(List<String> addresses, java.util.Map<String, String> settings) implements BackendRoute {
        @Override
        public String kind() {
            return "FastCGI";
        }
    }

    /**
     * A cluster of HMUX backends ({@code resin:LoadBalance}, {@code <load-balance>}).
     *
     * @param cluster        the cluster id
     * @param strategy       {@code round-robin}, {@code least-connection} or {@code adaptive}
     * @param stickySessions whether requests with a session go to the server that owns it
     * @param settings       further settings as written, by attribute name
     */
    record Cluster(String cluster, String strategy, boolean stickySessions, java.util.Map<String, String> settings)
            implements BackendRoute {
        @Override
        public String kind() {
            return "cluster";
        }
    }
}
