package dev.turnpike.hmux;

/**
 * How a completed exchange went; the response itself went to the {@link dev.turnpike.backend.ResponseSink}.
 *
 * @param connectionId the id of the connection that carried it ({@code hmux#id} in the logs)
 * @param reusedConnection whether that connection had served a request before
 * @param status the response status code
 * @param keepAlive whether the connection may carry another request: the backend ended with
 *     {@code Q}, the whole request body was sent and nothing followed the response
 */
public record HmuxExchangeResult(long connectionId, boolean reusedConnection, int status, boolean keepAlive) {
}
