package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.HeaderSyntax;
import dev.turnpike.backend.HeaderField;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the CGI header block at the start of a responder's {@code STDOUT} (RFC 3875, 6.2):
 * header lines ended by {@code LF} or {@code CRLF}, then an empty line; the body follows. Bytes go
 * in as the {@code STDOUT} records arrive, and the block may end anywhere in one of them:
 * {@link #feed} says where the body starts once the empty line has come.
 *
 * <p>Read as CGI does, not as HTTP: there is no status line. A {@code Status: 404 Not Found}
 * header gives the status and is not passed on; without it, a {@code Location} header makes a
 * {@code 302 Found} (a client redirect; the local redirect of RFC 3875 6.2.2 is not served) and
 * anything else a {@code 200 OK}. The block must stay within {@code maxBytes}, counted before the
 * empty line is found, so a backend that never ends its headers costs at most that much memory.
 * A line without a colon, a name that is not an HTTP token, a continuation line, a control
 * character other than tab (a CR inside a line, a NUL) or a status that is not three digits is an
 * error: guessing at such a block could turn body bytes into headers, and a CR passed on could
 * split the browser's response.
 *
 * <p>Not thread-safe; one per response.
 */
final class CgiHeaderBlock {

    private final int maxBytes;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(512);
    private int lineLength;
    private boolean complete;
    private int status;
    private String reason;
    private final List<HeaderField> headers = new ArrayList<>();

    /** @param maxBytes most bytes of the block, the empty line included */
    CgiHeaderBlock(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Takes the next {@code STDOUT} bytes.
     *
     * @return the index in {@code bytes} where the body starts once the block is complete (it may
     *     be {@code offset + length}: no body bytes in this slice), or -1 while it is not
     * @throws FastCgiProtocolException if the block breaks the limit or is malformed
     */
    int feed(byte[] bytes, int offset, int length) throws FastCgiProtocolException {
        if (complete) {
            throw new IllegalStateException("the header block is complete");
        }
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                if (lineLength == 0) {
                    block.write(bytes, offset, i + 1 - offset);
                    checkSize();
                    parse();
                    return i + 1;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
            if (block.size() + i + 1 - offset > maxBytes) {
                throw new FastCgiProtocolException(-1, "CGI header block over " + maxBytes
                        + " bytes without its empty line (expected: at most maxHeaderBytes)");
            }
        }
        block.write(bytes, offset, length);
        return -1;
    }

    /** Whether the empty line has come. */
    boolean complete() {
        return complete;
    }

    /** The bytes of the block taken so far. */
    int size() {
        return block.size();
    }

    int status() {
        return status;
    }

    String reason() {
        return reason;
    }

    /** The headers to pass on, in the backend's order, without {@code Status}. */
    List<HeaderField> headers() {
        return headers;
    }

    private void checkSize() throws FastCgiProtocolException {
        if (block.size() > maxBytes) {
            throw new FastCgiProtocolException(-1, "CGI header block of " + block.size() + " bytes (expected: at most "
                    + maxBytes + ", maxHeaderBytes)");
        }
    }

    private void parse() throws FastCgiProtocolException {
        String text = block.toString(StandardCharsets.ISO_8859_1);
        String statusValue = null;
        boolean location = false;
        int lineStart = 0;
        int lineNumber = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = text.substring(lineStart, lineEnd);
            lineStart = lineEnd + 1;
            lineNumber++;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                break;
            }
            int control = HeaderSyntax.controlAt(line);
            if (control >= 0) {
                throw bad(lineNumber, line, "control character 0x" + Integer.toHexString(line.charAt(control))
                        + " (expected: text and tabs)");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw bad(lineNumber, line, "no colon (expected: name: value)");
            }
            String name = line.substring(0, colon);
            if (!token(name)) {
                throw bad(lineNumber, line, "the name is not an HTTP token");
            }
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                if (statusValue != null) {
                    throw bad(lineNumber, line, "a second Status header");
                }
                statusValue = value;
            } else {
                location |= name.equalsIgnoreCase("Location");
                headers.add(new HeaderField(name, value));
            }
        }
        if (statusValue != null) {
            boolean wellFormed = statusValue.length() >= 3 && (statusValue.length() == 3
                    || statusValue.charAt(3) == ' ');
            for (int i = 0; wellFormed && i < 3; i++) {
                wellFormed = statusValue.charAt(i) >= '0' && statusValue.charAt(i) <= '9';
            }
            if (!wellFormed || statusValue.charAt(0) == '0') {
                throw new FastCgiProtocolException(-1, "CGI Status \"" + shorten(statusValue)
                        + "\" (expected: three digits and a reason, e.g. \"404 Not Found\")");
            }
            status = Integer.parseInt(statusValue.substring(0, 3));
            reason = statusValue.length() > 4 ? statusValue.substring(4).strip() : "";
        } else if (location) {
            status = 302;
            reason = "Found";
        } else {
            status = 200;
            reason = "OK";
        }
        complete = true;
    }

    private static boolean token(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static FastCgiProtocolException bad(int lineNumber, String line, String problem) {
        return new FastCgiProtocolException(-1, "CGI header line " + lineNumber + " \"" + shorten(line) + "\": "
                + problem);
    }

    /** A line as messages quote it: at most 80 characters, control characters as {@code ?}. */
    private static String shorten(String line) {
        String cut = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        StringBuilder shown = new StringBuilder(cut.length());
        cut.chars().forEach(c -> shown.append(c < 0x20 || c == 0x7f ? '?' : (char) c));
        return shown.toString();
    }
}
