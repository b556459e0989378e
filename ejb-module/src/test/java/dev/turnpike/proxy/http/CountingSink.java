package dev.turnpike.proxy.http;

import dev.turnpike.backend.GeneratedBody;
import dev.turnpike.backend.ResponseSink;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A response sink that keeps nothing of the body but its length, its SHA-256, the number of body
 * calls and the largest one: a large response passes through in the client's buffer alone.
 */
class CountingSink implements ResponseSink {

    private final MessageDigest digest = GeneratedBody.digest();
    int status;
    long count;
    int calls;
    int largestCall;
    boolean ended;

    @Override
    public void status(int code, String reason) {
        status = code;
    }

    @Override
    public void header(String name, String value) {
    }

    @Override
    public void body(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
        count += length;
        calls++;
        largestCall = Math.max(largestCall, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void end() {
        ended = true;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
