package dev.turnpike.proxy.fastcgi;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body of unknown length (a chunked upload), read to its end to learn its length before
 * the request goes out. FastCGI streams the body in {@code STDIN} records and could do without the
 * length, but PHP cannot: without {@code CONTENT_LENGTH} it leaves {@code $_POST} and
 * {@code $_FILES} empty and {@code php://input} short. So the body is spooled, as Apache's
 * mod_proxy_fcgi does for chunked requests: the first {@value #IN_MEMORY} bytes in memory, the
 * rest in a temporary file (owner-only, {@code java.io.tmpdir}) that {@link #close()} deletes.
 * Memory stays bounded whatever the body's size; the disk is the limit, as in Apache.
 *
 * <p>The spool can be read more than once, which the retry on a stale connection does not need
 * (the body is not read before the idle check) but would allow.
 */
final class BodySpool implements Closeable {

    /** Bytes kept in memory before the spool moves to a file. */
    static final int IN_MEMORY = 65536;

    private final byte[] head;
    private final Path file;
    private final long length;

    private BodySpool(byte[] head, Path file, long length) {
        this.head = head;
        this.file = file;
        this.length = length;
    }

    /**
     * Reads the body to its end.
     *
     * @throws IOException if reading the body or writing the file failed; a file already created is deleted
     */
    static BodySpool of(InputStream body) throws IOException {
        byte[] first = body.readNBytes(IN_MEMORY);
        if (first.length < IN_MEMORY) {
            return new BodySpool(first, null, first.length);
        }
        Path file = Files.createTempFile("turnpike-fastcgi-", ".body");
        try {
            long length;
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(first);
                length = first.length + body.transferTo(out);
            }
            return new BodySpool(null, file, length);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The body's length in bytes. */
    long length() {
        return length;
    }

    /** Whether the body went to a file. */
    boolean onDisk() {
        return file != null;
    }

    /** A new stream over the whole body. */
    InputStream open() throws IOException {
        return file == null ? new ByteArrayInputStream(head) : Files.newInputStream(file);
    }

    /** Deletes the file, if there is one. */
    @Override
    public void close() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
