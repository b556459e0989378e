package dev.turnpike.proxy.fastcgi;

import dev.turnpike.backend.ResponseSink;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A response sink that keeps no body, only its length, its SHA-256 and the largest piece handed over. */
class DigestSink implements ResponseSink {

    private final MessageDigest digest;
    private long length;
    private int largestPiece;
    private int status;
    private boolean ended;

    DigestSink() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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
        this.length += length;
        largestPiece = Math.max(largestPiece, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void end() {
        ended = true;
    }

    long length() {
        return length;
    }

    int largestPiece() {
        return largestPiece;
    }

    int status() {
        return status;
    }

    boolean ended() {
        return ended;
    }

    String sha256() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
