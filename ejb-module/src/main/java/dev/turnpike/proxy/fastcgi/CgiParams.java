package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.backend.ClientHeaders;
import dev.turnpike.backend.HeaderField;
import dev.turnpike.backend.HopByHop;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CGI/1.1 variables (RFC 3875, section 4.1) a FastCGI responder gets in {@code PARAMS}: an
 * ordered, immutable set of names and values. {@link #of} builds them from the browser's request
 * and the caller's script mapping:
 * <pre>
 *   GATEWAY_INTERFACE  CGI/1.1              SERVER_SOFTWARE  Turnpike
 *   SERVER_NAME/PORT   from the request     SERVER_PROTOCOL  the browser's protocol
 *   REQUEST_METHOD     REQUEST_SCHEME       HTTPS=on         only for https
 *   REQUEST_URI        uri?query, still percent-encoded, as on the wire
 *   QUERY_STRING       the query, empty if none
 *   SCRIPT_NAME        DOCUMENT_ROOT        SCRIPT_FILENAME  document root + script name
 *   PATH_INFO, PATH_TRANSLATED              only when there is path info
 *   REMOTE_ADDR/HOST/PORT                   REMOTE_USER, AUTH_TYPE  when known
 *   CONTENT_TYPE       from the header      CONTENT_LENGTH   when the length is known
 *   REDIRECT_STATUS    200: php-cgi runs nothing without it (cgi.force_redirect)
 *   HTTP_*             each other header, see below
 * </pre>
 * PATH_INFO is left out, not empty, without path info, as Apache does: php-cgi then takes the
 * script as the whole path.
 *
 * <p>Headers become {@code HTTP_} plus the name in upper case with {@code -} as {@code _};
 * repeated names are joined with {@code ", "} ({@code Cookie} with {@code "; "}, RFC 6265 5.4).
 * Left out:
 * <ul>
 *   <li>{@code Proxy}: as {@code HTTP_PROXY} it would pass for the proxy environment variable of
 *       the script's HTTP client ("httpoxy", CVE-2016-5385);</li>
 *   <li>names with any character other than an ASCII letter, digit or {@code -}: {@code X_User}
 *       would arrive as {@code HTTP_X_USER}, indistinguishable from a trusted {@code X-User} set
 *       by a front end (underscore smuggling); such headers are dropped, as nginx and Apache 2.4
 *       do;</li>
 *   <li>{@code Content-Type} and {@code Content-Length}, which have their own variables;</li>
 *   <li>hop-by-hop headers ({@link HopByHop}: {@code Connection}, {@code Keep-Alive}, {@code TE},
 *       {@code Trailer}, {@code Transfer-Encoding}, {@code Upgrade}, {@code Proxy-Connection},
 *       {@code Proxy-Authorization}, {@code HTTP2-Settings}...) and every header the
 *       {@code Connection} header names;</li>
 *   <li>{@code Expect}: the servlet container has answered it already;</li>
 *   <li>{@code X-Forwarded-*} and {@code Forwarded} unless the browser's peer is a trusted proxy
 *       ({@link ClientHeaders}).</li>
 * </ul>
 *
 * <p>FastCGI carries bytes. Values derived from header fields ({@code HTTP_*},
 * {@code CONTENT_TYPE}) are sent as ISO-8859-1, which gives back the bytes the browser sent (the
 * web tier read them as ISO-8859-1); every other value, paths included, is sent as UTF-8.
 */
public final class CgiParams {

    /** The value of {@code SERVER_SOFTWARE}. */
    public static final String SERVER_SOFTWARE = "Turnpike";

    private final Map<String, String> variables;

    private CgiParams(Map<String, String> variables) {
        this.variables = Collections.unmodifiableMap(variables);
    }

    /**
     * The variables for a request.
     *
     * @param request the browser's request
     * @param documentRoot the directory the backend serves scripts from, as the backend sees it
     *     (a trailing {@code /} is dropped)
     * @param script the script and path info the request maps to, e.g. {@link CgiScript#split}
     */
    public static CgiParams of(BackendRequest request, String documentRoot, CgiScript script) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(documentRoot, "documentRoot");
        Objects.requireNonNull(script, "script");
        String root = documentRoot.endsWith("/") ? documentRoot.substring(0, documentRoot.length() - 1)
                : documentRoot;
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("GATEWAY_INTERFACE", "CGI/1.1");
        vars.put("SERVER_SOFTWARE", SERVER_SOFTWARE);
        vars.put("SERVER_NAME", request.serverName());
        vars.put("SERVER_PORT", Integer.toString(request.serverPort()));
        vars.put("SERVER_PROTOCOL", request.protocol());
        vars.put("REQUEST_SCHEME", request.scheme());
        if (request.secure()) {
            vars.put("HTTPS", "on");
        }
        vars.put("REQUEST_METHOD", request.method());
        vars.put("REQUEST_URI", request.uriWithQuery());
        vars.put("QUERY_STRING", request.query() == null ? "" : request.query());
        vars.put("DOCUMENT_ROOT", root);
        vars.put("SCRIPT_NAME", script.scriptName());
        vars.put("SCRIPT_FILENAME", root + script.scriptName());
        if (!script.pathInfo().isEmpty()) {
            vars.put("PATH_INFO", script.pathInfo());
            vars.put("PATH_TRANSLATED", root + script.pathInfo());
        }
        vars.put("REMOTE_ADDR", request.remoteAddr());
        vars.put("REMOTE_HOST", request.remoteHost().isEmpty() ? request.remoteAddr() : request.remoteHost());
        vars.put("REMOTE_PORT", Integer.toString(request.remotePort()));
        if (request.remoteUser() != null) {
            vars.put("REMOTE_USER", request.remoteUser());
        }
        if (request.authType() != null) {
            vars.put("AUTH_TYPE", request.authType());
        }
        String contentType = request.header("Content-Type");
        if (contentType != null) {
            vars.put("CONTENT_TYPE", contentType);
        }
        if (request.body() != null && request.contentLength() >= 0) {
            vars.put("CONTENT_LENGTH", Long.toString(request.contentLength()));
        }
        vars.put("REDIRECT_STATUS", "200");
        addHeaders(vars, ClientHeaders.passable(request.headers(), request.remoteAddr()));
        return new CgiParams(vars);
    }

    /**
     * The variable a header becomes, e.g. {@code HTTP_ACCEPT_LANGUAGE}, or {@code null} if the
     * header is never passed on as {@code HTTP_*} (see the class description; headers named in
     * {@code Connection} are the request's business, not the name's).
     */
    public static String headerVariable(String headerName) {
        if (headerName.isEmpty() || headerName.equalsIgnoreCase("Proxy")
                || headerName.equalsIgnoreCase("Content-Type") || headerName.equalsIgnoreCase("Content-Length")
                || headerName.equalsIgnoreCase("Expect") || HopByHop.fixed(headerName)) {
            return null;
        }
        StringBuilder variable = new StringBuilder(5 + headerName.length()).append("HTTP_");
        for (int i = 0; i < headerName.length(); i++) {
            char c = headerName.charAt(i);
            if (c >= 'a' && c <= 'z') {
                variable.append((char) (c - 'a' + 'A'));
            } else if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                variable.append(c);
            } else if (c == '-') {
                variable.append('_');
            } else {
                return null;
            }
        }
        return variable.toString();
    }

    /** The value of a variable, or {@code null} if it is not set. */
    public String get(String name) {
        return variables.get(name);
    }

    /** All variables in the order they are sent; unmodifiable. */
    public Map<String, String> asMap() {
        return variables;
    }

    /** These variables with one set to a value: replaced in place if present, else added at the end. */
    public CgiParams with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(variables);
        copy.put(name, value);
        return new CgiParams(copy);
    }

    /** These variables without one. */
    public CgiParams without(String name) {
        Map<String, String> copy = new LinkedHashMap<>(variables);
        copy.remove(name);
        return new CgiParams(copy);
    }

    /**
     * The contents of the {@code PARAMS} records that carry the variables, each at most 65535
     * bytes. A pair never spans two records: php-cgi decodes each record's pairs on their own, and
     * a pair cut in two is lost.
     *
     * @throws IllegalArgumentException if one variable takes more than a record
     */
    public List<byte[]> recordContents() {
        List<byte[]> contents = new ArrayList<>();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            byte[] name = variable.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = encodeValue(variable.getKey(), variable.getValue());
            int size = FastCgiNameValues.size(name, value);
            if (size > FastCgiRecord.MAX_CONTENT) {
                throw new IllegalArgumentException(variable.getKey() + ": " + size + " bytes as a name-value pair"
                        + " (expected: at most " + FastCgiRecord.MAX_CONTENT + ", one record)");
            }
            if (record.size() + size > FastCgiRecord.MAX_CONTENT) {
                contents.add(record.toByteArray());
                record.reset();
            }
            FastCgiNameValues.write(record, name, value);
        }
        if (record.size() > 0) {
            contents.add(record.toByteArray());
        }
        return contents;
    }

    @Override
    public String toString() {
        return variables.toString();
    }

    private static void addHeaders(Map<String, String> vars, List<HeaderField> headers) {
        Set<String> named = new HashSet<>();
        for (HeaderField field : headers) {
            if (field.is("Connection")) {
                for (String token : field.value().split(",")) {
                    named.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        for (HeaderField field : headers) {
            String variable = headerVariable(field.name());
            if (variable == null || named.contains(field.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String previous = vars.get(variable);
            if (previous == null) {
                vars.put(variable, field.value());
            } else {
                vars.put(variable, previous + (variable.equals("HTTP_COOKIE") ? "; " : ", ") + field.value());
            }
        }
    }

    private static byte[] encodeValue(String name, String value) {
        boolean fromHeader = name.startsWith("HTTP_") || name.equals("CONTENT_TYPE");
        if (fromHeader && value.chars().allMatch(c -> c <= 0xff)) {
            return value.getBytes(StandardCharsets.ISO_8859_1);
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
