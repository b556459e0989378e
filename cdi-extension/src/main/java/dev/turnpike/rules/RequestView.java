package dev.turnpike.rules;

import java.util.Locale;

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

    /** Whether the request came over a secure channel. */
    boolean secure();

    /** The host name the request was addressed to, without port. */
    String serverName();

    /** The port the request was addressed to. */
    int serverPort();

    /** The local port the connection was accepted on. */
    int localPort();

    /** The client's IP address as a literal. */
    String remoteAddr();

    /** The context path of the web-app that received the request: {@code ""} for the root. */
    String contextPath();

    /** The request URI as sent, still percent-encoded, without the query string. */
    String requestUri();

    /**
     * The decoded, normalised path relative to the context path, without the query string and
     * without any {@code ;jsessionid=} suffix: the subject of web-app level rules.
     */
    String path();

    /** The servlet path the container mapped the request to. */
    String servletPath();

    /** The path info after the servlet path, or {@code null}. */
    String pathInfo();

    /** The query string without the leading {@code ?}, or {@code null} when there is none. */
    String queryString();

    /** The first value of the named header (case-insensitive name), or {@code null}. */
    String header(String name);

    /** The value of the first cookie with exactly this name, or {@code null}. */
    String cookie(String name);

    /** The first value of a request parameter, from the query string or a form body, or {@code null}. */
    String parameter(String name);

    /** The authentication scheme ({@code BASIC}, {@code FORM}, ...), or {@code null} when not authenticated. */
    String authType();

    /** The authenticated user's name, or {@code null}. */
    String remoteUser();

    /** Whether the authenticated user has the role. */
    boolean isUserInRole(String role);

    /**
     * Whether the request's servlet path (or its path info when the servlet path is empty),
     * mapped to the web-app's files, names a regular file.
     */
    boolean fileExists();

    /**
     * Sets the character encoding request parameters are decoded with, before any is read
     * ({@code resin:SetRequestCharacterEncoding}). Views that cannot change it ignore the call.
     */
    default void useCharacterEncoding(String encoding) {
    }

    /**
     * The request's locale as Resin derives it: the first usable entry of the first
     * {@code Accept-Language} header, else the server's default locale.
     */
    default Locale locale() {
        return RequestLocale.fromAcceptLanguage(header("Accept-Language")).orElse(Locale.getDefault());
    }

    /**
     * The first value of a parameter in the query string only, decoded as UTF-8, or {@code null}:
     * Resin 3.1's {@code query-param} condition never reads a request body.
     */
    default String queryParameter(String name) {
        return QueryStrings.firstValue(queryString(), name);
    }

    /**
     * The object this view reads, when it is of the given type (the servlet request, for
     * application predicates and rules), else {@code null}.
     */
    default <T> T unwrap(Class<T> type) {
        return null;
    }
}
