package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ExchangeException;
import dev.turnpike.backend.ResponseSink;
import dev.turnpike.balance.Backend;
import dev.turnpike.balance.FailureKind;
import dev.turnpike.balance.RetryPolicy;
import dev.turnpike.balance.Selection;
import dev.turnpike.balance.StickyKey;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one browser request to a {@link BalancedCluster}: selects a backend, relays its
 * response, and on a failure reports it to the backend's state and decides with the
 * {@link RetryPolicy} whether the request goes elsewhere (resin-spec 2.3-2.7):
 * <pre>
 *   connect failed, nothing sent                         next backend
 *   pooled connection stale (after the connector's own
 *   retry on a new connection)                           the same backend once more, then the next
 *   503 held back (body replayable, a retry left)        next backend, once
 *   I/O failure after sending, GET/HEAD, body replayable next backend, once
 *   I/O failure after sending, any other request         502: the request is never sent twice
 *   failure after the response started                   cut the browser's connection
 *   no backend left                                      503
 * </pre>
 * When the last failure before answering was a backend that took the request and then said
 * nothing for its socket timeout, the answer is 504 (Gateway Timeout) instead of 502 or 503, so
 * the browser and the access log tell a slow backend from a broken one.
 * A request body is replayable only when there is none: bodies stream from the browser to the
 * backend and are not kept.
 *
 * <p>Every attempt is also counted on its backend's {@link dev.turnpike.balance.BackendMeter}:
 * its duration, from handing the request to the connector until the connector returned or
 * threw, and its failure kind if it failed (a 503 counts as {@link FailureKind#BUSY} whether held
 * back or passed on). This is the one place where HMUX, HTTP and FastCGI exchanges end.
 */
public final class Forwarder {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy");

    private final RetryPolicy policy;
    private final InstantSource clock;

    public Forwarder(RetryPolicy policy, InstantSource clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Forwards a request and relays the answer.
     *
     * @param cluster the backends and how to choose among them
     * @param request the browser's request
     * @param key     the request's sticky key, or {@code null}
     * @param browser the browser's response
     */
    public Forwarded forward(BalancedCluster cluster, BackendRequest request, StickyKey key, ResponseSink browser) {
        Set<Backend> tried = new HashSet<>();
        boolean replayable = !request.hasBody();
        int retriesDone = 0;
        int attempts = 0;
        Backend reconnected = null;
        String lastProblem = null;
        boolean lastTimedOut = false;
        while (true) {
            Selection selection = cluster.cluster().select(key, tried);
            if (selection instanceof Selection.Refused refused) {
                return new Forwarded.Failed(503, refused.message());
            }
            if (!(selection instanceof Selection.Chosen chosen)) {
                return new Forwarded.Failed(lastTimedOut ? 504 : 503, "TPB0003 no server of cluster '" + cluster.id()
                        + "' can take the request: " + cluster.describeStates()
                        + (lastProblem == null ? "" : "; last failure: " + lastProblem));
            }
            Backend backend = chosen.backend();
            Connector connector = cluster.connector(backend);
            attempts++;
            RelaySink relay = new RelaySink(browser, policy.holdsBackBusy(replayable, retriesDone),
                    cluster.routeCookie(chosen), backend);
            long startedAt = clock.millis();
            backend.release();
            FailureKind kind;
            long sent = System.nanoTime();
            try {
                boolean fresh = connector.exchange(request, relay);
                long took = System.nanoTime() - sent;
                if (fresh) {
                    backend.connected();
                }
                if (relay.status() == 503) {
                    backend.failed(FailureKind.BUSY, clock.millis());
                    backend.meter().failed(FailureKind.BUSY, took);
                } else {
                    backend.completed();
                    backend.meter().served(took);
                }
                if (!relay.heldBackBusy()) {
                    return new Forwarded.Served(backend, attempts);
                }
                kind = FailureKind.BUSY;
                lastProblem = "TPB0004 server '" + backend.config().id() + "' answered 503";
                lastTimedOut = false;
            } catch (ExchangeException e) {
                long took = System.nanoTime() - sent;
                if (e.stage() == ExchangeException.Stage.CLIENT) {
                    backend.meter().served(took);
                    return new Forwarded.ClientGone(e.getMessage());
                }
                kind = switch (e.stage()) {
                    case CONNECT -> FailureKind.CONNECT;
                    case STALE_CONNECTION -> FailureKind.STALE_POOLED;
                    default -> FailureKind.IO;
                };
                backend.failed(kind, startedAt);
                backend.meter().failed(kind, took);
                lastProblem = e.getMessage();
                lastTimedOut = e.timedOut();
            } catch (RuntimeException e) {
                // a request the protocol cannot carry (a value too long for a frame): nothing was sent
                return new Forwarded.Failed(502, "TPB0005 the request cannot be sent to server '"
                        + backend.config().id() + "' of cluster '" + cluster.id() + "': " + e.getMessage());
            }
            RetryPolicy.Recovery recovery = policy.decide(new RetryPolicy.Failure(request.method(), replayable,
                    relay.started(), kind, retriesDone));
            log(cluster, backend, lastProblem, recovery);
            switch (recovery) {
                case RETRY_ELSEWHERE -> {
                    tried.add(backend);
                    if (kind == FailureKind.IO || kind == FailureKind.BUSY) {
                        retriesDone++;
                    }
                }
                case RECONNECT -> {
                    if (reconnected == backend) {
                        tried.add(backend);
                    }
                    reconnected = backend;
                }
                case SEND_503 -> {
                    int status = lastTimedOut ? 504 : kind == FailureKind.IO ? 502 : 503;
                    return new Forwarded.Failed(status, "TPB0006 server '"
                            + backend.config().id() + "' of cluster '" + cluster.id() + "' failed after the "
                            + request.method() + " request was sent, and it is not sent twice: " + lastProblem);
                }
                case CLOSE -> {
                    return new Forwarded.Broken(lastProblem);
                }
            }
        }
    }

    private static void log(BalancedCluster cluster, Backend backend, String problem, RetryPolicy.Recovery recovery) {
        Level level = recovery == RetryPolicy.Recovery.RECONNECT ? Level.FINE : Level.WARNING;
        if (LOG.isLoggable(level)) {
            String next = switch (recovery) {
                case RETRY_ELSEWHERE -> "trying another server";
                case RECONNECT -> "trying it again on a new connection";
                case SEND_503 -> "answering the browser with an error";
                case CLOSE -> "the response had started: closing the browser's connection";
            };
            LOG.log(level, "cluster '" + cluster.id() + "' server '" + backend.config().id() + "' (state "
                    + backend.state() + "): " + problem + "; " + next);
        }
    }
}
