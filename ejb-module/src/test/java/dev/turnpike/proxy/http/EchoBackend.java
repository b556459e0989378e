package dev.turnpike.proxy.http;

import dev.turnpike.backend.GeneratedBody;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP/1.1 backend on a free loopback port, the JDK's {@code HttpServer}:
 * <pre>
 *   /echo...            text lines "method: GET", "uri: /echo?a=1", one "name: value" per header
 *                       (lower-case names), "body-length: n", "body-sha256: hex"
 *   /generate?size=n    n bytes of {@link GeneratedBody} with Content-Length (chunked if "&amp;chunked")
 *   /empty              204 No Content
 * </pre>
 */
final class EchoBackend implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private EchoBackend(HttpServer server) {
        this.server = server;
    }

    static EchoBackend start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        EchoBackend backend = new EchoBackend(server);
        server.createContext("/echo", backend::echo);
        server.createContext("/generate", backend::generate);
        server.createContext("/empty", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(backend.executor);
        server.start();
        return backend;
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void echo(HttpExchange exchange) throws IOException {
        MessageDigest digest = GeneratedBody.digest();
        long length = 0;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] buffer = new byte[65536];
            int count;
            while ((count = body.read(buffer)) > 0) {
                digest.update(buffer, 0, count);
                length += count;
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("method: ").append(exchange.getRequestMethod()).append('\n');
        text.append("uri: ").append(exchange.getRequestURI().getRawPath());
        if (exchange.getRequestURI().getRawQuery() != null) {
            text.append('?').append(exchange.getRequestURI().getRawQuery());
        }
        text.append('\n');
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        headers.forEach((name, values) -> values.forEach(value ->
                text.append(name.toLowerCase()).append(": ").append(value).append('\n')));
        text.append("body-length: ").append(length).append('\n');
        text.append("body-sha256: ").append(HexFormat.of().formatHex(digest.digest())).append('\n');
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.getResponseHeaders().add("X-Backend", "echo");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
        } else {
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private void generate(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String query = exchange.getRequestURI().getQuery();
        long size = Long.parseLong(query.replaceAll(".*size=(\\d+).*", "$1"));
        boolean chunked = query.contains("chunked");
        exchange.sendResponseHeaders(200, chunked ? 0 : size);
        try (OutputStream out = exchange.getResponseBody(); GeneratedBody body = new GeneratedBody(size)) {
            body.transferTo(out);
        }
        exchange.close();
    }
}
