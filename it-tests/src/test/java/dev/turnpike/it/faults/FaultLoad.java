package dev.turnpike.it.faults;

import dev.turnpike.it.EchoLines;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load of {@link FaultsUnderLoadIT}: workers in a closed loop, each with a session on the
 * server it was given, alternating an idempotent GET and a non-idempotent POST, each carrying an
 * id the backends log. Every answer is kept ({@link Sent}) for the checks and figures.
 */
final class FaultLoad {

    /**
     * One request and how it went.
     *
     * @param worker   the worker that sent it
     * @param method   {@code GET} or {@code POST}
     * @param id       the id the backend logs
     * @param owner    the server the worker's session belonged to when it was sent
     * @param status   the HTTP status, or -1 when the connection failed
     * @param server   the server that answered, or {@code null}
     * @param sentAt   when it was sent (nanoTime)
     * @param micros   how long it took
     */
    record Sent(int worker, String method, String id, String owner, int status, String server, long sentAt,
                long micros) {
    }

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> workers = new ArrayList<>();

    FaultLoad(URI base) {
        this.base = base;
    }

    /** Starts {@code count} workers; worker {@code i}'s session lives on {@code owners.get(i % owners.size())}. */
    void start(int count, List<String> owners) {
        for (int i = 0; i < count; i++) {
            int worker = i;
            String owner = owners.get(i % owners.size());
            Thread thread = new Thread(() -> run(worker, owner), "fault-load-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    List<Sent> stopAndCollect() throws InterruptedException {
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(60_000);
        }
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private void run(int worker, String firstOwner) {
        String owner = firstOwner;
        String session = null;
        for (long n = 0; !stop.get(); n++) {
            boolean post = n % 2 == 1;
            String id = (post ? "p-" : "g-") + worker + "-" + n;
            String cookies = "TPROUTE=" + owner + (session == null ? "" : "; JSESSIONID=" + session);
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/echo/" + (post ? "post" : "get")
                    + "?id=" + id)).timeout(Duration.ofSeconds(30))
                    .header("X-Echo", "server,log" + (session == null ? ",session" : ""))
                    .header("Cookie", cookies);
            request = post ? request.POST(HttpRequest.BodyPublishers.ofString("order " + id))
                    : request.GET();
            String ownerAtSend = owner;
            long sentAt = System.nanoTime();
            int status = -1;
            String server = null;
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                if (status == 200) {
                    Map<String, String> echo = EchoLines.parse(response.body());
                    server = echo.get("server");
                    if (echo.containsKey("session")) {
                        session = echo.get("session");
                    }
                }
                for (String cookie : response.headers().allValues("Set-Cookie")) {
                    if (cookie.startsWith("TPROUTE=")) {
                        owner = cookie.substring("TPROUTE=".length(), cookie.indexOf(';'));
                    }
                }
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sent.add(new Sent(worker, post ? "POST" : "GET", id, ownerAtSend, status, server, sentAt,
                    (System.nanoTime() - sentAt) / 1000));
        }
    }
}
