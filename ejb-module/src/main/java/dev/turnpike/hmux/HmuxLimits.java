package dev.turnpike.hmux;

/**
 * What an {@link HmuxDecoder} accepts from its peer. Each limit is checked as soon as the frame
 * head that could break it has arrived, before any payload is kept, so a peer cannot make the
 * decoder hold more than these limits allow.
 *
 * <p>Peer quirks are named switches here, each off by default; the decoder reads the switch in
 * one place. With a switch off, the quirk is read as the protocol says, which reports it or
 * refuses it:
 * <ul>
 *   <li>{@code ignoreStrayWhitespace}, "stray whitespace byte": a Resin backend drops a space
 *       ({@code 0x20}) or newline ({@code 0x0A}) byte where it expects a code, a debugging aid
 *       that lets a request be typed by hand (resin-spec 1.2). With the switch on, the decoder
 *       drops it too; with it off, the byte is an unknown code like any other, so it and the two
 *       bytes after it are read as the head of a {@link HmuxFrame.Skipped} frame, which is
 *       reported, or refused if that length breaks a limit. On for the request decoder of a
 *       backend endpoint ({@link #BACKEND}); off for a web tier reading responses, as in
 *       mod_caucho.</li>
 * </ul>
 *
 * @param maxStringLength most payload bytes of one frame other than {@code D}: a text frame
 *     (URI, header name or value, status...), a client certificate or a frame with an unknown
 *     code, 1-65535
 * @param maxDataLength most payload bytes of one {@code D} frame, 1-65535
 * @param maxHeaderCount most {@code H} and {@code M} frames in one message (a request, a response
 *     or a dispatch exchange, each ending with {@code Q} or {@code X}), at least 0
 * @param maxHeaderBytes most payload bytes of all frames other than {@code D} in one message,
 *     skipped ones included, at least 0
 * @param ignoreStrayWhitespace whether a {@code 0x20} or {@code 0x0A} byte where a code is
 *     expected is dropped (the backend's quirk above) rather than read as an unknown code
 */
public record HmuxLimits(int maxStringLength, int maxDataLength, int maxHeaderCount, int maxHeaderBytes,
        boolean ignoreStrayWhitespace) {

    /**
     * Limits that fit what mod_caucho and Resin send and what web servers accept from browsers:
     * strings of 8 KiB (Apache's request field limit is 8190 bytes), data chunks of any length
     * HMUX allows, 128 headers and 64 KiB of head per message. No quirk is tolerated.
     */
    public static final HmuxLimits DEFAULT = new HmuxLimits(8192, HmuxEncoder.MAX_LENGTH, 128, 65536);

    /**
     * The {@link #DEFAULT} limits with the backend's quirk on: for the request decoder of a backend
     * endpoint, which reads what web tiers send as a Resin backend does.
     */
    public static final HmuxLimits BACKEND = DEFAULT.withIgnoreStrayWhitespace(true);

    public HmuxLimits {
        check("maxStringLength", maxStringLength, 1, HmuxEncoder.MAX_LENGTH);
        check("maxDataLength", maxDataLength, 1, HmuxEncoder.MAX_LENGTH);
        check("maxHeaderCount", maxHeaderCount, 0, Integer.MAX_VALUE);
        check("maxHeaderBytes", maxHeaderBytes, 0, Integer.MAX_VALUE);
    }

    /** Limits that tolerate no quirk. */
    public HmuxLimits(int maxStringLength, int maxDataLength, int maxHeaderCount, int maxHeaderBytes) {
        this(maxStringLength, maxDataLength, maxHeaderCount, maxHeaderBytes, false);
    }

    /** These limits with the "stray whitespace byte" switch set. */
    public HmuxLimits withIgnoreStrayWhitespace(boolean ignore) {
        return new HmuxLimits(maxStringLength, maxDataLength, maxHeaderCount, maxHeaderBytes, ignore);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: "
                    + (max == Integer.MAX_VALUE ? "at least " + min : min + "-" + max) + ")");
        }
    }
}
