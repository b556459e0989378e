package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxFrame;
import java.util.List;

/**
 * Answers the dispatch-configuration query of mod_caucho's {@code ResinConfigServer} mode
 * (resin-spec 5.1): which hosts, web-apps and url-patterns this server serves.
 */
@FunctionalInterface
public interface DispatchDirectory {

    /**
     * The frames of the answer, between the {@code C 2} that opens it and the {@code Q} or
     * {@code X} that ends the exchange.
     *
     * @param host the host asked about ({@code h}), lower-case, {@code ""} for the default host
     * @param etag the etag the plugin holds ({@code e}), or {@code null}
     */
    List<HmuxFrame> answer(String host, String etag);
}
