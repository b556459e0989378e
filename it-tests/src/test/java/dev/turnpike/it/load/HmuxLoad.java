package dev.turnpike.it.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.ItConfig;
import dev.turnpike.it.resin.ResinCluster;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
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
 * The load script's run ({@code benchmarks/run-hmux-load.sh}), not part of the tests: its name
 * does not end in {@code IT}, so only {@code -Dit.test=HmuxLoad} runs it.
 *
 * <p>One real Resin 4.0.66 server, and Turnpike on WildFly as its web tier. The same closed-loop
 * load ({@link ClosedLoopLoad}) asks for Resin's echo servlet three ways, one after the other:
 * <ol>
 *   <li>direct: Resin's own HTTP port;</li>
 *   <li>Turnpike → HMUX → Resin: WildFly's HTTP port, a {@code resin:LoadBalance} rule;</li>
 *   <li>Turnpike → HTTP → Resin: WildFly's HTTP port, a {@code resin:HttpProxy} rule.</li>
 * </ol>
 * Each gets the same warm-up first. The table goes to standard output and to
 * {@code turnpike.load.results} (default {@code target/hmux-load.md}). System properties
 * {@code turnpike.load.seconds} (default 20), {@code turnpike.load.warmup} (10) and
 * {@code turnpike.load.concurrency} (16) set the run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HmuxLoad {

    private static final Path WORK = Path.of(System.getProperty("turnpike.it.work", "target/differential"))
            .resolveSibling("hmux-load");

    private static ResinCluster resin;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear();
    }

    @BeforeAll
    static void startResin() {
        resin = ResinCluster.start(1, WORK);
        ItConfig.write("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                %s
                  <web-app id="/">
                    <resin:HttpProxy regexp="^/http(/echo/.*)$" target="$1" address="127.0.0.1:%d"/>
                    <resin:LoadBalance regexp="^/echo/" cluster="app-tier" sticky-sessions="false"/>
                  </web-app>
                </resin>
                """.formatted(resin.clusterXml("app-tier", ""), resin.servers().get(0).httpPort()));
    }

    @AfterAll
    static void stopResin() throws Exception {
        ItConfig.restoreThenClose(resin);
    }

    @Test
    void turnpikeAsTheWebTierAgainstResinDirect() throws Exception {
        Duration measured = Duration.ofSeconds(Long.getLong("turnpike.load.seconds", 20));
        Duration warmup = Duration.ofSeconds(Long.getLong("turnpike.load.warmup", 10));
        int concurrency = Integer.getInteger("turnpike.load.concurrency", 16);
        URI direct = URI.create("http://127.0.0.1:" + resin.servers().get(0).httpPort() + "/echo/load");
        URI viaHmux = URI.create(base.toString().replaceAll("/+$", "") + "/echo/load");
        URI viaHttp = URI.create(base.toString().replaceAll("/+$", "") + "/http/echo/load");
        awaitOk(viaHmux);
        awaitOk(viaHttp);

        ClosedLoopLoad load = new ClosedLoopLoad(concurrency);
        List<ClosedLoopLoad.Result> results = List.of(
                load.run("direct → Resin (HTTP)", direct, warmup, measured),
                load.run("Turnpike on WildFly → HMUX → Resin", viaHmux, warmup, measured),
                load.run("Turnpike on WildFly → HTTP proxy → Resin", viaHttp, warmup, measured));

        String table = table(results, warmup, measured);
        System.out.println(table);
        Path out = Path.of(System.getProperty("turnpike.load.results", "target/hmux-load.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        for (ClosedLoopLoad.Result result : results) {
            assertTrue(result.requests() > 0, result.name());
            assertEquals(0, result.errors(), result.name() + ": requests not answered 200");
        }
    }

    private static String table(List<ClosedLoopLoad.Result> results, Duration warmup, Duration measured) {
        ClosedLoopLoad.Result direct = results.get(0);
        StringBuilder out = new StringBuilder();
        out.append("GET /echo/load (Resin's echo servlet, about 600 bytes), ").append(direct.concurrency())
                .append(" workers on keep-alive connections, ").append(warmup.toSeconds()).append(" s warm-up, ")
                .append(measured.toSeconds()).append(" s measured each; client, WildFly and Resin on one machine (")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores), JDK ")
                .append(System.getProperty("java.version")).append(".\n\n");
        out.append("| path | requests | errors | req/s | p50 ms | p99 ms | p99.9 ms | req/s vs direct | p99 vs direct |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ClosedLoopLoad.Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
                    r.name(), r.requests(), r.errors(), r.perSecond(), r.millis(50), r.millis(99), r.millis(99.9),
                    r.perSecond() / direct.perSecond(), r.millis(99) / direct.millis(99)));
        }
        return out.toString();
    }

    private static void awaitOk(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(uri + " answered " + status + ", not 200, for 60 s");
    }
}
