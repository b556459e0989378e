package dev.turnpike.proxy;

import dev.turnpike.balance.Backend;
import dev.turnpike.balance.BackendPool;
import java.util.Objects;

/**
 * A backend of a cluster with the connector that reaches it. The backend's gates read the
 * connector's connection counts through the {@link BackendPool} view attached here.
 *
 * @param backend   the balancer's view: configuration, state, load
 * @param connector the protocol client
 */
record Member(Backend backend, Connector connector) {

    Member {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(connector, "connector");
        backend.attach(new BackendPool() {
            @Override
            public int active() {
                return connector.active();
            }

            @Override
            public int starting() {
                return 0;
            }

            @Override
            public int idle() {
                return connector.idle();
            }

            @Override
            public void closeIdle() {
                connector.closeIdle();
            }

            @Override
            public String toString() {
                return connector.toString();
            }
        });
    }

    /** Takes the backend out for good and closes the connector's idle connections. */
    void close() {
        backend.close();
        connector.close();
    }
}
