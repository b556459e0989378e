package dev.turnpike.hmux;

/**
 * What an {@link HmuxDecoder} accepts from its peer. Each limit is checked as soon as the frame
 * head that could break it has arrived, before any payload is kept, so a peer cannot make the
 * decoder hold more than these limits allow.
 *
 * @param maxStringLength most payload bytes of one frame other than {@code D}: a text frame
 *     (URI, header name or value, status...) or a client certificate, 1-65535
 * @param maxDataLength most payload bytes of one {@code D} frame, 1-65535
 * @param maxHeaderCount most {@code H} and {@code M} frames in one message (a request, a response
 *     or a dispatch exchange, each ending with {@code Q} or {@code X}), at least 0
 * @param maxHeaderBytes most payload bytes of all frames other than {@code D} in one message,
 *     at least 0
 */
public record HmuxLimits(int maxStringLength, int maxDataLength, int maxHeaderCount, int maxHeaderBytes) {

    /**
     * Limits that fit what mod_caucho and Resin send and what web servers accept from browsers:
     * strings of 8 KiB (Apache's request field limit is 8190 bytes), data chunks of any length
     * HMUX allows, 128 headers and 64 KiB of head per message.
     */
    public static final HmuxLimits DEFAULT = new HmuxLimits(8192, HmuxEncoder.MAX_LENGTH, 128, 65536);

    public HmuxLimits {
        check("maxStringLength", maxStringLength, 1, HmuxEncoder.MAX_LENGTH);
        check("maxDataLength", maxDataLength, 1, HmuxEncoder.MAX_LENGTH);
        check("maxHeaderCount", maxHeaderCount, 0, Integer.MAX_VALUE);
        check("maxHeaderBytes", maxHeaderBytes, 0, Integer.MAX_VALUE);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: "
                    + (max == Integer.MAX_VALUE ? "at least " + min : min + "-" + max) + ")");
        }
    }
}
