package dev.turnpike.it.resin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Minimal HTTP/1.1 client over a plain socket, for differential tests that must control every
 * byte of the request: the request target is sent exactly as given (encoded as UTF-8, so
 * {@code %2F}, {@code %2e}, {@code ;jsessionid=} and raw non-ASCII characters reach the server
 * untouched) and nothing is normalised in the response.
 *
 * <p>Each exchange uses a new connection and sends {@code Connection: close}. Header lines are
 * sent as given ({@code "Name: value"}), after the {@code Host} header; a {@code Content-Length}
 * is added for a body unless the caller supplied a {@code Content-Length} or
 * {@code Transfer-Encoding} header.
 */
public final class RawHttp {

    /** Default bound for connecting and for every read. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final InetSocketAddress address;
    private final Duration timeout;
    private final InetAddress localAddress;

    /** A client for the given port on the loopback address. */
    public RawHttp(int port) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), DEFAULT_TIMEOUT);
    }

    public RawHttp(InetSocketAddress address, Duration timeout) {
        this(address, timeout, null);
    }

    /**
     * A client whose connections leave from {@code localAddress} (e.g. {@code 127.0.0.2}, so the
     * server sees another peer than the usual loopback address), or any address when {@code null}.
     */
    public RawHttp(InetSocketAddress address, Duration timeout, InetAddress localAddress) {
        this.address = address;
        this.timeout = timeout;
        this.localAddress = localAddress;
    }

    /** {@code GET target} with the given {@code Host} value and extra header lines. */
    public RawResponse get(String target, String host, String... headerLines) {
        return send("GET", target, host, List.of(headerLines), null);
    }

    /**
     * Sends one request and reads the whole response.
     *
     * @param method      the method token, sent as is
     * @param target      the request target, sent as is (UTF-8)
     * @param host        the {@code Host} header value, or {@code null} to send no {@code Host} header
     * @param headerLines further header lines, {@code "Name: value"}
     * @param body        the request body, or {@code null} for none
     */
    public RawResponse send(String method, String target, String host, List<String> headerLines, byte[] body) {
        byte[] request = encode(method, target, host, headerLines, body);
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(address, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()), "HEAD".equals(method));
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException("no complete response within " + timeout + " for " + method + " " + target, e);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " to " + address + " failed", e);
        }
    }

    static byte[] encode(String method, String target, String host, List<String> headerLines, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (host != null) {
            head.append("Host: ").append(host).append("\r\n");
        }
        boolean framed = false;
        for (String line : headerLines) {
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            framed |= name.equals("content-length") || name.equals("transfer-encoding");
            head.append(line).append("\r\n");
        }
        if (body != null && !framed) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return bytes.toByteArray();
    }

    private static RawResponse read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            List<RawResponse.Header> headers = headers(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            String reason = parts.length > 2 ? parts[2] : "";
            byte[] body = head || status == 204 || status == 304 ? new byte[0] : body(in, headers);
            return new RawResponse(parts[0], status, reason, headers, body);
        }
    }

    private static List<RawResponse.Header> headers(InputStream in) throws IOException {
        List<RawResponse.Header> headers = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.add(new RawResponse.Header(line.substring(0, colon), line.substring(colon + 1).trim()));
        }
        return headers;
    }

    private static byte[] body(InputStream in, List<RawResponse.Header> headers) throws IOException {
        String transferEncoding = value(headers, "Transfer-Encoding");
        if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return chunked(in);
        }
        String contentLength = value(headers, "Content-Length");
        if (contentLength != null) {
            return exactly(in, Integer.parseInt(contentLength.trim()));
        }
        return in.readAllBytes();
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int extension = sizeLine.indexOf(';');
            int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                headers(in);
                return body.toByteArray();
            }
            body.writeBytes(exactly(in, size));
            if (!line(in).isEmpty()) {
                throw new IOException("chunk of " + size + " bytes not followed by CRLF");
            }
        }
    }

    private static byte[] exactly(InputStream in, int size) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) {
            throw new EOFException("connection closed after " + bytes.length + " of " + size + " bytes");
        }
        return bytes;
    }

    private static String value(List<RawResponse.Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(RawResponse.Header::value)
                .findFirst().orElse(null);
    }

    /** One line without its terminator (CRLF or a bare LF), decoded as ISO-8859-1. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed in the middle of the response head");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
