package dev.turnpike.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code <cluster>} of backend servers as configured, which {@code resin:LoadBalance} and
 * {@code <load-balance>} rules name by id:
 *
 * <pre>{@code
 * <cluster id="app-tier">
 *   <server id="a" address="10.0.0.1" port="6800"/>
 *   <server id="b" address="10.0.0.2" port="6800" load-balance-weight="200"/>
 * </cluster>
 * }</pre>
 *
 * @param id      the cluster id
 * @param servers its servers in configuration order; their position is their Resin server index
 * @param origin  {@code file:line:column} of the {@code <cluster>} element
 */
public record ClusterConfig(String id, List<BackendConfig> servers, String origin) {

    public ClusterConfig {
        Objects.requireNonNull(id, "id");
        servers = List.copyOf(servers);
        Objects.requireNonNull(origin, "origin");
        Set<String> ids = new HashSet<>();
        for (BackendConfig server : servers) {
            if (!ids.add(server.id())) {
                throw new IllegalArgumentException("cluster '" + id + "' has two servers with id '" + server.id() + "'");
            }
        }
    }
}
