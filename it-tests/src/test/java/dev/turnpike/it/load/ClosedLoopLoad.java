package dev.turnpike.it.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load: each of N workers sends a GET, reads the whole response and sends the
 * next, over HTTP/1.1 keep-alive connections, for a warm-up and then a measured time. Latencies
 * are recorded in an HdrHistogram per worker (microseconds), merged at the end.
 */
final class ClosedLoopLoad {

    /** The figures of one measured run. */
    record Result(String name, int concurrency, long requests, long errors, Duration elapsed, Histogram latency) {

        double perSecond() {
            return requests * 1e9 / elapsed.toNanos();
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int concurrency;

    ClosedLoopLoad(int concurrency) {
        this.concurrency = concurrency;
    }

    /** Loads {@code uri} for {@code warmup} unmeasured, then for {@code measured}. */
    Result run(String name, URI uri, Duration warmup, Duration measured) throws InterruptedException {
        load(name, uri, warmup);
        return load(name, uri, measured);
    }

    private Result load(String name, URI uri, Duration length) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
        AtomicLong errors = new AtomicLong();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (int i = 0; i < concurrency; i++) {
            Histogram histogram = new Histogram(3);
            histograms.add(histogram);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    if (!send(request)) {
                        errors.incrementAndGet();
                    }
                    histogram.recordValue((System.nanoTime() - sent) / 1000);
                }
            }, "load-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Histogram all = new Histogram(3);
        histograms.forEach(all::add);
        return new Result(name, concurrency, all.getTotalCount(), errors.get(), elapsed, all);
    }

    /** Sends one request and reads its body to the end; whether it was answered 200. */
    private boolean send(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.transferTo(OutputStream.nullOutputStream());
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
