package dev.turnpike.it;

import java.io.InputStream;
import java.security.MessageDigest;

/** {@code size} bytes of a repeating pattern, generated as read and added to a digest. */
public final class PatternStream extends InputStream {
    private final long size;
    private final MessageDigest digest;
    private long position;

    public PatternStream(long size, MessageDigest digest) {
        this.size = size;
        this.digest = digest;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) ('0' + (position + i) % 75);
        }
        digest.update(buffer, offset, n);
        position += n;
        return n;
    }
}
