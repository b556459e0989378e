package dev.turnpike.proxy.http;

/**
 * How a completed exchange went; the response itself went to the {@link dev.turnpike.backend.ResponseSink}.
 *
 * @param connectionId the id of the connection that carried it ({@code http#id} in the logs)
 * @param reusedConnection whether that connection had served a request before
 * @param status the final response's status code (interim 1xx responses are not counted)
 * @param keepAlive whether the connection may carry another request: the backend did not ask to
 *     close it, the body was delimited by length or chunks, and nothing followed the response
 */
public record HttpExchangeResult(long connectionId, boolean reusedConnection, int status, boolean keepAlive) {
}
