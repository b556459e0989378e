package dev.turnpike.rules;

/**
 * A request as rules see it, without servlet types.
 *
 * <p>Implementations compute values lazily and may be used by one thread at a time only; they
 * live for one request.
 */
public interface RequestView {

    /** The HTTP method, as sent ({@code GET}, {@code POST}, ...). */
    String method();

    /** {@code http} or {@code https}. */
    String scheme();

    /** The host name the request was addressed to, without port. */
    String serverName();

    /** The port the request was addressed to. */
    int serverPort();

    /** The context path of the web-app that received the request: {@code ""} for the root. */
    String contextPath();

    /** The request URI as sent, still percent-encoded, without the query string. */
    String requestUri();

    /**
     * The decoded, normalised path relative to the context path, without the query string and
     * without any {@code ;jsessionid=} suffix: the subject of web-app level rules.
     */
    String path();

    /** The query string without the leading {@code ?}, or {@code null} when there is none. */
    String queryString();

    /** The first value of the named header (case-insensitive name), or {@code null}. */
    String header(String name);
}
