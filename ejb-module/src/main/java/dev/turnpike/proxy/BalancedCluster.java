package dev.turnpike.proxy;

import dev.turnpike.balance.Backend;
import dev.turnpike.balance.Cluster;
import dev.turnpike.balance.Selection;
import dev.turnpike.balance.Stickiness;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cluster ready to take requests: the balancer's {@link Cluster} (strategy and stickiness of
 * the rule that sends to it) over the cluster's {@link Member}s, which it shares with every other
 * rule naming the same cluster.
 *
 * @param cluster the selection logic
 * @param members the members by backend
 */
record BalancedCluster(Cluster cluster, Map<Backend, Member> members) {

    BalancedCluster {
        members = Map.copyOf(members);
    }

    String id() {
        return cluster.id();
    }

    Connector connector(Backend backend) {
        Member member = members.get(backend);
        if (member == null) {
            throw new IllegalStateException("backend " + backend + " is not a member of cluster '" + id() + "'");
        }
        return member.connector();
    }

    /**
     * The {@code Set-Cookie} value that makes later requests stick to the chosen backend: only
     * with route-cookie stickiness, and only when the request did not already stick to it.
     */
    String routeCookie(Selection.Chosen chosen) {
        if (cluster.stickiness() instanceof Stickiness.RouteCookie cookie
                && chosen.route() != Selection.Route.STICKY) {
            return cookie.name() + "=" + cookie.cookieValue(chosen.backend()) + "; Path=/; HttpOnly";
        }
        return null;
    }

    /** Each backend's id and state, for messages: {@code a ACTIVE, b FAIL failures=2}. */
    String describeStates() {
        List<Backend> backends = cluster.backends();
        return backends.stream().map(b -> b.config().id() + " " + b.state()).collect(Collectors.joining(", "));
    }
}
