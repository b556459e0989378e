package dev.turnpike.proxy;

import dev.turnpike.backend.ResponseSink;
import dev.turnpike.balance.Backend;
import java.io.IOException;

/**
 * Passes one attempt's response on to the browser, and notes what the balancer needs to know
 * about it:
 * <ul>
 *   <li>a 503 is <em>held back</em> when a retry could follow ({@code holdBackBusy}): nothing of
 *       it reaches the browser, and the attempt counts as busy (resin-spec 2.7);</li>
 *   <li>whether anything reached the browser, after which the request can no longer go
 *       elsewhere;</li>
 *   <li>the backend's {@code cpu-load} meta header, reported to its load meter (2.9) and never
 *       relayed;</li>
 *   <li>a route cookie, added to the headers when the request must from now on stick to this
 *       backend.</li>
 * </ul>
 */
final class RelaySink implements ResponseSink {

    private final ResponseSink browser;
    private final boolean holdBackBusy;
    private final String routeCookie;
    private final Backend backend;
    private boolean started;
    private boolean heldBack;
    private int status;

    /**
     * @param browser      the browser's response
     * @param holdBackBusy whether a 503 is held back for a retry
     * @param routeCookie  a {@code Set-Cookie} value to add, or {@code null}
     * @param backend      the backend answering, for its load meter
     */
    RelaySink(ResponseSink browser, boolean holdBackBusy, String routeCookie, Backend backend) {
        this.browser = browser;
        this.holdBackBusy = holdBackBusy;
        this.routeCookie = routeCookie;
        this.backend = backend;
    }

    /** Whether anything of the response reached the browser. */
    boolean started() {
        return started;
    }

    /** Whether the backend answered 503 and it was held back. */
    boolean heldBackBusy() {
        return heldBack;
    }

    /** The status the backend answered, 0 before it did. */
    int status() {
        return status;
    }

    @Override
    public void status(int code, String reason) throws IOException {
        status = code;
        if (code == 503 && holdBackBusy) {
            heldBack = true;
            return;
        }
        started = true;
        browser.status(code, reason);
    }

    @Override
    public void header(String name, String value) throws IOException {
        if (!heldBack) {
            browser.header(name, value);
        }
    }

    @Override
    public void metaHeader(String name, String value) {
        if (name.equals("cpu-load")) {
            try {
                backend.load().reportCpuLoad(Integer.parseInt(value.trim()) / 1000.0);
            } catch (NumberFormatException e) {
                // a backend's load report that is not a number is ignored, as Resin does
            }
        }
    }

    @Override
    public void headersEnd() throws IOException {
        if (heldBack) {
            return;
        }
        if (routeCookie != null) {
            browser.header("Set-Cookie", routeCookie);
        }
        browser.headersEnd();
    }

    @Override
    public void body(byte[] bytes, int offset, int length) throws IOException {
        if (!heldBack) {
            browser.body(bytes, offset, length);
        }
    }

    @Override
    public void flush() throws IOException {
        if (!heldBack) {
            browser.flush();
        }
    }

    @Override
    public void end() throws IOException {
        if (!heldBack) {
            browser.end();
        }
    }
}
