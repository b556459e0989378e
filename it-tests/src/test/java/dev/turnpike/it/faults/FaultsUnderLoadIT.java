package dev.turnpike.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.EchoLines;
import dev.turnpike.it.ItConfig;
import dev.turnpike.it.resin.ResinCluster;
import dev.turnpike.it.resin.ResinServer;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three real Resin 4.0.66 servers behind Turnpike's balancer at steady load, and servers dying
 * under it: {@code kill -9} of {@code b}, its restart, then {@code kill -9} of {@code c}. Counted
 * at the client and at the backends (each request carries an id the echo servlet logs):
 * <ul>
 *   <li>no idempotent request (GET) is lost: every one is answered 200;</li>
 *   <li>no non-idempotent request (POST) reaches a backend twice; one whose server died after it
 *       was sent may fail (never retried), and is counted;</li>
 *   <li>the sessions of {@code a}, which lives throughout, never move;</li>
 *   <li>{@code b} takes requests again within its recover time (and warm-up) after its restart.</li>
 * </ul>
 * The figures go to standard output and {@code target/faults/faults.md}. The default run is short;
 * {@code -Dturnpike.faults=full} runs longer phases with more workers.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FaultsUnderLoadIT {

    private static final boolean FULL = "full".equals(System.getProperty("turnpike.faults"));
    private static final Duration PHASE = Duration.ofSeconds(FULL ? 20 : 3);
    private static final int WORKERS = FULL ? 24 : 6;
    private static final Duration RECOVER = Duration.ofSeconds(2);
    private static final Duration WARMUP = Duration.ofSeconds(1);
    private static final Path WORK = Path.of(System.getProperty("turnpike.it.work", "target/differential"))
            .resolveSibling("faults");

    private static ResinCluster resin;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeAll
    static void startTheAppTier() throws IOException {
        for (String id : List.of("a", "b", "c")) {
            Files.deleteIfExists(WORK.resolve(id).resolve(ResinServer.REQUEST_LOG));
        }
        resin = ResinCluster.start(3, WORK);
        ItConfig.write("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                %s
                  <web-app id="/">
                    <resin:LoadBalance regexp="^/rr(/echo/.*)$" target="$1" cluster="app-tier"
                                       strategy="round-robin" sticky-sessions="false"/>
                    <resin:LoadBalance regexp="^/echo/" cluster="app-tier" route-cookie="TPROUTE"/>
                  </web-app>
                </resin>
                """.formatted(resin.clusterXml("app-tier", "load-balance-recover-time=\"" + RECOVER.toSeconds()
                + "s\" load-balance-warmup-time=\"" + WARMUP.toSeconds() + "s\" load-balance-socket-timeout=\"20s\"")));
    }

    @AfterAll
    static void stopTheAppTier() throws Exception {
        ItConfig.restoreThenClose(resin);
    }

    @Test
    void killingServersUnderLoadLosesNothingAndDuplicatesNothing() throws Exception {
        awaitServer("/rr/echo/warm", "a"::equals);
        URI root = URI.create(base.toString());
        FaultLoad load = new FaultLoad(root);
        long start = System.nanoTime();
        load.start(WORKERS, List.of("a", "b", "c"));
        Thread.sleep(PHASE.toMillis());

        long killB = System.nanoTime();
        resin.kill(1);
        Thread.sleep(PHASE.toMillis());
        resin.startServer(1);
        long bUp = System.nanoTime();
        long rejoined = awaitServer("/rr/echo/rejoin", "b"::equals);
        Thread.sleep(PHASE.toMillis());

        long killC = System.nanoTime();
        resin.kill(2);
        Thread.sleep(PHASE.toMillis());
        List<FaultLoad.Sent> sent = load.stopAndCollect();
        long end = System.nanoTime();

        Map<String, Integer> logged = backendLog();
        Figures figures = Figures.of(sent, logged, killB, killC, RECOVER.plus(WARMUP));
        String table = figures.table(WORKERS, Duration.ofNanos(end - start), Duration.ofNanos(rejoined - bUp));
        System.out.println(table);
        Files.createDirectories(WORK);
        Files.writeString(WORK.resolve("faults.md"), table);

        assertTrue(figures.gets > 50 && figures.posts > 50, "the load ran: " + table);
        assertEquals(0, figures.lostGets, "every idempotent request is answered 200: " + figures.lostGetSamples);
        assertEquals(0, figures.duplicatedPosts, "no POST reaches a backend twice: " + figures.duplicateSamples);
        assertEquals(0, figures.postsAnsweredButNotLogged, "every POST answered 200 was served once by a backend");
        assertEquals(0, figures.movedSessionsOfA, "a lived throughout; its sessions never moved: "
                + figures.movedSamples);
        assertTrue(figures.sessionsOfA > 0, "some sessions lived on a");
        assertTrue(Duration.ofNanos(rejoined - bUp).compareTo(RECOVER.plus(WARMUP).plusSeconds(8)) <= 0,
                "b took requests again within its recover time: " + Duration.ofNanos(rejoined - bUp));
    }

    /** How many times each id reached a backend, from the three echo servlets' logs. */
    private static Map<String, Integer> backendLog() throws IOException {
        Map<String, Integer> seen = new HashMap<>();
        for (String id : List.of("a", "b", "c")) {
            Path log = WORK.resolve(id).resolve(ResinServer.REQUEST_LOG);
            if (!Files.exists(log)) {
                continue;
            }
            for (String line : Files.readAllLines(log)) {
                String[] parts = line.split(" ", 2);
                if (parts.length == 2) {
                    seen.merge(parts[1], 1, Integer::sum);
                }
            }
        }
        return seen;
    }

    /** Waits until a round-robin request is answered by a server the predicate accepts; returns when. */
    private long awaitServer(String path, Predicate<String> wanted) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create(base.toString()).resolve(path)).header("X-Echo", "server")
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && wanted.test(EchoLines.parse(response.body()).get("server"))) {
                    return System.nanoTime();
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never reached the wanted server in 60 s");
    }

    /** What the run counted. */
    static final class Figures {
        int gets;
        int posts;
        int lostGets;
        int failedPosts;
        int duplicatedPosts;
        int postsAnsweredButNotLogged;
        int sessionsOfA;
        int movedSessionsOfA;
        final List<String> lostGetSamples = new ArrayList<>();
        final List<String> duplicateSamples = new ArrayList<>();
        final List<String> movedSamples = new ArrayList<>();
        long p99Steady;
        long p99Fault;
        long faultRequests;

        static Figures of(List<FaultLoad.Sent> sent, Map<String, Integer> logged, long killB, long killC,
                          Duration faultWindow) {
            Figures f = new Figures();
            List<Long> steady = new ArrayList<>();
            List<Long> fault = new ArrayList<>();
            java.util.Set<Integer> workersOfA = new java.util.HashSet<>();
            for (FaultLoad.Sent s : sent) {
                boolean inFault = within(s.sentAt(), killB, faultWindow) || within(s.sentAt(), killC, faultWindow);
                (inFault ? fault : steady).add(s.micros());
                if (s.method().equals("GET")) {
                    f.gets++;
                    if (s.status() != 200) {
                        f.lostGets++;
                        sample(f.lostGetSamples, s.id() + " -> " + s.status());
                    }
                } else {
                    f.posts++;
                    int times = logged.getOrDefault(s.id(), 0);
                    if (times > 1) {
                        f.duplicatedPosts++;
                        sample(f.duplicateSamples, s.id() + " x" + times);
                    }
                    if (s.status() != 200) {
                        f.failedPosts++;
                    } else if (times != 1) {
                        f.postsAnsweredButNotLogged++;
                    }
                }
                if (s.owner().equals("a") && s.status() == 200) {
                    workersOfA.add(s.worker());
                    if (!"a".equals(s.server())) {
                        f.movedSessionsOfA++;
                        sample(f.movedSamples, s.id() + " served by " + s.server());
                    }
                }
            }
            f.sessionsOfA = workersOfA.size();
            f.faultRequests = fault.size();
            f.p99Steady = p99(steady);
            f.p99Fault = p99(fault);
            return f;
        }

        private static boolean within(long at, long from, Duration window) {
            return at >= from && at < from + window.toNanos();
        }

        private static void sample(List<String> samples, String text) {
            if (samples.size() < 10) {
                samples.add(text);
            }
        }

        private static long p99(List<Long> micros) {
            if (micros.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        }

        String table(int workers, Duration elapsed, Duration rejoin) {
            return String.format(Locale.ROOT, """
                    | faults under load (%d workers, %.1f s; kill -9 b, restart b, kill -9 c) | figure |
                    |---|---:|
                    | requests sent | %d |
                    | idempotent (GET) sent / lost | %d / %d |
                    | non-idempotent (POST) sent / duplicated at a backend | %d / %d |
                    | POSTs failed (server died after they were sent; not retried) | %d |
                    | workers with a session on the surviving server a (some moved there) / requests of theirs served elsewhere | %d / %d |
                    | p99 steady / during a fault (first %s after a kill, %d requests) | %.1f ms / %.1f ms |
                    | b back in rotation after its restart | %.1f s |
                    """, workers, elapsed.toMillis() / 1000.0, gets + posts, gets, lostGets, posts, duplicatedPosts,
                    failedPosts, sessionsOfA, movedSessionsOfA, RECOVER.plus(WARMUP).toSeconds() + " s", faultRequests,
                    p99Steady / 1000.0, p99Fault / 1000.0, rejoin.toMillis() / 1000.0);
        }
    }
}
