package dev.turnpike.proxy.http;

/**
 * What the client accepts in a backend's response head, so a broken or hostile backend cannot make
 * the web tier buffer without end. A head over a limit is a protocol error (TPP0007, TPP0008); the
 * response never reaches the browser.
 *
 * @param statusLine most bytes in the status line, without its CRLF
 * @param headerBlock most bytes of the header lines after the status line, CRLFs included; also
 *     the bound for the trailer block of a chunked body
 * @param fields most header lines in one head (or one trailer block)
 */
public record HttpHeadLimits(int statusLine, int headerBlock, int fields) {

    /** 8 KiB for the status line, 64 KiB and 100 fields for the headers. */
    public static final HttpHeadLimits DEFAULT = new HttpHeadLimits(8192, 65536, 100);

    public HttpHeadLimits {
        check("statusLine", statusLine, 16);
        check("headerBlock", headerBlock, 2);
        check("fields", fields, 1);
    }

    private static void check(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: at least " + min + ")");
        }
    }
}
