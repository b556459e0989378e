package dev.turnpike.proxy.fastcgi;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body of any length made up as it is read, never held: byte {@code i} is
 * {@code (i * 31 + i / 4096) mod 251}. {@link #sha256(long)} computes what the whole body hashes
 * to, for comparing with what the backend received.
 */
final class GeneratedBody extends InputStream {

    private final long length;
    private long position;

    GeneratedBody(long length) {
        this.length = length;
    }

    static int byteAt(long index) {
        return (int) ((index * 31 + index / 4096) % 251);
    }

    static String sha256(long length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[8192];
            GeneratedBody body = new GeneratedBody(length);
            for (int count = body.read(block, 0, block.length); count > 0; count = body.read(block, 0, block.length)) {
                digest.update(block, 0, count);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() {
        return position < length ? byteAt(position++) : -1;
    }

    @Override
    public int read(byte[] target, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        // hand out odd-sized pieces, as a network stream would
        int n = (int) Math.min(Math.min(count, 7000), length - position);
        for (int i = 0; i < n; i++) {
            target[offset + i] = (byte) byteAt(position++);
        }
        return n;
    }
}
