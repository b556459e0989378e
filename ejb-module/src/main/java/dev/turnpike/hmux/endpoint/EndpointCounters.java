package dev.turnpike.hmux.endpoint;

import java.util.concurrent.atomic.LongAdder;

/** What the endpoint has done since it started, for the status page. */
final class EndpointCounters {
    final LongAdder connections = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder pings = new LongAdder();
    final LongAdder dispatchQueries = new LongAdder();
    final LongAdder protocolErrors = new LongAdder();
    final LongAdder bridgeFailures = new LongAdder();
}
