package dev.turnpike.proxy.fastcgi;

import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs what a request's {@code STDERR} stream carries (php-cgi sends {@code error_log()} and PHP's
 * own warnings there) at WARNING to {@code dev.turnpike.proxy.fastcgi}, one log record per line,
 * each prefixed with the connection and the request: {@code fcgi#3 127.0.0.1:9000 GET /x.php stderr: ...}.
 *
 * <p>At most {@code maxBytes} per request are logged; the rest is only counted and reported in
 * one line at the end, so a script that writes megabytes of warnings cannot flood the log or the
 * memory. Control characters become {@code ?}, so a line cannot forge log lines of its own. Bytes
 * are read as UTF-8, with malformed sequences replaced.
 *
 * <p>Not thread-safe; one per exchange.
 */
final class StderrLog {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.proxy.fastcgi");

    private final String prefix;
    private final int maxBytes;
    private final byte[] line;
    private int lineLength;
    private int logged;
    private long dropped;

    /**
     * @param prefix what each line starts with: the connection and the request
     * @param maxBytes most bytes logged for the request
     */
    StderrLog(String prefix, int maxBytes) {
        this.prefix = prefix;
        this.maxBytes = maxBytes;
        this.line = new byte[Math.min(maxBytes, 1024)];
    }

    /** Takes the content of one {@code STDERR} record. */
    void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (logged >= maxBytes) {
                dropped++;
            } else if (b == '\n') {
                logged++;
                emit();
            } else {
                line[lineLength++] = b;
                logged++;
                if (lineLength == line.length || logged == maxBytes) {
                    emit();
                }
            }
        }
    }

    /** Logs what is left: a last line without its newline and the count of dropped bytes. */
    void finish() {
        if (lineLength > 0) {
            emit();
        }
        if (dropped > 0 && LOG.isLoggable(Level.WARNING)) {
            LOG.warning(prefix + " stderr: " + dropped + " more bytes not logged (max-stderr-bytes=" + maxBytes + ")");
        }
        dropped = 0;
    }

    private void emit() {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!LOG.isLoggable(Level.WARNING)) {
            return;
        }
        StringBuilder shown = new StringBuilder(prefix.length() + 9 + text.length()).append(prefix).append(" stderr: ");
        text.codePoints().forEach(c -> shown.appendCodePoint(c < 0x20 && c != '\t' || c == 0x7f ? '?' : c));
        LOG.warning(shown.toString());
    }
}
