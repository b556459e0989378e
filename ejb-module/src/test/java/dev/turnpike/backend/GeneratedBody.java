package dev.turnpike.backend;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A body of any length made up on the fly, so tests move tens of megabytes without holding them:
 * byte {@code i} is a fixed function of {@code i}, and {@link #sha256(long)} gives the digest the
 * other side must arrive at. It hands out its bytes in pieces of at most 7000, odd-sized as a
 * network stream would. Shared by the HTTP and FastCGI client tests.
 */
public final class GeneratedBody extends InputStream {

    private final long length;
    private long position;

    public GeneratedBody(long length) {
        this.length = length;
    }

    static byte at(long index) {
        return (byte) (index * 31 + (index >>> 11) + (index >>> 19));
    }

    @Override
    public int read() {
        return position < length ? at(position++) & 0xff : -1;
    }

    @Override
    public int read(byte[] target, int offset, int count) {
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(Math.min(count, 7000), length - position);
        for (int i = 0; i < n; i++) {
            target[offset + i] = at(position++);
        }
        return n;
    }

    /** The SHA-256 of a generated body of the length, in lower-case hex. */
    public static String sha256(long length) {
        MessageDigest digest = digest();
        byte[] buffer = new byte[65536];
        GeneratedBody body = new GeneratedBody(length);
        int count;
        while ((count = body.read(buffer, 0, buffer.length)) > 0) {
            digest.update(buffer, 0, count);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
