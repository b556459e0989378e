package dev.turnpike.proxy.fastcgi;

import java.util.Objects;

/**
 * Which script a request runs and the path after it: {@code SCRIPT_NAME} and {@code PATH_INFO} of
 * CGI/1.1 (RFC 3875, 4.1.13 and 4.1.5). The caller's mapping decides them; {@link #split} is the
 * usual mapping by file extension, as Apache's {@code AcceptPathInfo} and nginx's
 * {@code fastcgi_split_path_info ^(.+\.php)(/.*)$} do it.
 *
 * @param scriptName the decoded path of the script, starting with {@code /}
 * @param pathInfo the decoded rest of the path, empty or starting with {@code /}
 */
public record CgiScript(String scriptName, String pathInfo) {

    public CgiScript {
        Objects.requireNonNull(scriptName, "scriptName");
        Objects.requireNonNull(pathInfo, "pathInfo");
        if (!scriptName.startsWith("/")) {
            throw new IllegalArgumentException("scriptName: \"" + scriptName + "\" (expected: starting with /)");
        }
        if (!pathInfo.isEmpty() && !pathInfo.startsWith("/")) {
            throw new IllegalArgumentException("pathInfo: \"" + pathInfo + "\" (expected: empty or starting with /)");
        }
    }

    /**
     * Splits a decoded path after the first segment that ends with the extension:
     * {@code /blog/index.php/a/b} with {@code .php} is the script {@code /blog/index.php} and the
     * path info {@code /a/b}. A segment that only contains the extension ({@code /a.phpx/b}) does
     * not end the script; a path without such a segment is all script and no path info.
     *
     * @param path the decoded request path, starting with {@code /}
     * @param extension the script extension with its dot, e.g. {@code .php}
     */
    public static CgiScript split(String path, String extension) {
        Objects.requireNonNull(path, "path");
        if (extension == null || extension.isEmpty()) {
            throw new IllegalArgumentException("extension: \"" + extension + "\" (expected: e.g. \".php\")");
        }
        int from = 0;
        while (true) {
            int at = path.indexOf(extension, from);
            if (at < 0) {
                return new CgiScript(path, "");
            }
            int end = at + extension.length();
            boolean segmentEnds = end == path.length() || path.charAt(end) == '/';
            boolean namesAFile = at > 0 && path.charAt(at - 1) != '/';
            if (segmentEnds && namesAFile) {
                return new CgiScript(path.substring(0, end), path.substring(end));
            }
            from = at + 1;
        }
    }
}
