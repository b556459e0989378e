package dev.turnpike.proxy;

import dev.turnpike.backend.BackendRequest;
import dev.turnpike.proxy.fastcgi.CgiParams;
import dev.turnpike.proxy.fastcgi.CgiScript;
import java.util.Objects;

/**
 * How a {@code resin:FastCgiProxy} rule maps a request path to a script of its FastCGI
 * application, as nginx's {@code fastcgi_split_path_info} and {@code fastcgi_index} do:
 * <pre>
 *   /blog/index.php/2024/05   SCRIPT_NAME /blog/index.php   PATH_INFO /2024/05
 *                             SCRIPT_FILENAME &lt;document-root&gt;/blog/index.php
 *   /blog/                    SCRIPT_NAME /blog/index.php   (the index script)
 * </pre>
 * The path is the decoded one the rule matched, without path parameters such as
 * {@code ;jsessionid=}; {@code SCRIPT_FILENAME} is found under the document root from the path
 * within the web-app, {@code SCRIPT_NAME} keeps the context path the browser sent.
 *
 * <p>A path that could name a file outside the document root (a {@code .} or {@code ..} segment,
 * a backslash, a NUL) is refused before any backend is asked: see {@link #problem}.
 *
 * @param documentRoot the directory the application reads scripts from, as it sees it
 * @param contextPath the web-app's context path, empty for the root web-app
 * @param extension where the script name ends, e.g. {@code .php}
 * @param index the script of a path ending in {@code /}, e.g. {@code index.php}
 */
record CgiMapping(String documentRoot, String contextPath, String extension, String index) {

    CgiMapping {
        Objects.requireNonNull(documentRoot, "documentRoot");
        Objects.requireNonNull(contextPath, "contextPath");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(index, "index");
    }

    /** Why a decoded request path cannot be mapped to a script, or {@code null} if it can. */
    static String problem(String path) {
        if (!path.startsWith("/")) {
            return "the path does not start with /";
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return "the path holds a NUL or a backslash";
        }
        for (String segment : withoutParameters(path).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "the path holds a '" + segment + "' segment";
            }
        }
        return null;
    }

    /** The CGI variables of a request whose path has no {@link #problem}. */
    CgiParams params(BackendRequest request) {
        String path = withoutParameters(request.path());
        boolean inContext = !contextPath.isEmpty() && path.startsWith(contextPath + "/");
        String relative = inContext ? path.substring(contextPath.length()) : path;
        if (relative.endsWith("/")) {
            relative += index;
        }
        CgiScript script = CgiScript.split(relative, extension);
        CgiParams params = CgiParams.of(request, documentRoot, script);
        return inContext ? params.with("SCRIPT_NAME", contextPath + script.scriptName()) : params;
    }

    /** The path with each segment's {@code ;parameters} removed. */
    private static String withoutParameters(String path) {
        if (path.indexOf(';') < 0) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            int semicolon = segments[i].indexOf(';');
            if (semicolon >= 0) {
                segments[i] = segments[i].substring(0, semicolon);
            }
        }
        return String.join("/", segments);
    }
}
