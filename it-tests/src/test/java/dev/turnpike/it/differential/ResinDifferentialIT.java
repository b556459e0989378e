package dev.turnpike.it.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.it.ItConfig;
import dev.turnpike.it.resin.RawHttp;
import dev.turnpike.it.resin.RawResponse;
import dev.turnpike.it.resin.ResinLayout;
import dev.turnpike.it.resin.ResinServer;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Differential conformance: real Resin 4.0.66 and the Turnpike EAR on WildFly load the same
 * {@code resin.xml}, receive the same raw requests, and must answer alike. Cases where Resin has a
 * documented bug assert Turnpike's documented answer and that Resin still differs. Every case is
 * listed in {@code target/differential/report.md}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ResinDifferentialIT {

    private static final Path WORK = Path.of(System.getProperty("turnpike.it.work", "target/differential"));
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(30);
    private static final String EXISTING_FILE_TEXT = "a file both servers have\n";

    private static ResinServer resin;
    private static String resinXml;

    @ArquillianResource
    URL base;

    /**
     * The real EAR with the echo servlet and the file of {@link DocExamples#EXISTING_FILE} added to
     * its web-app, so dispatch targets and file conditions can be compared.
     */
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItConfig.ear(web -> web.addClass(EchoServlet.class)
                .addAsWebResource(new StringAsset(EXISTING_FILE_TEXT), DocExamples.EXISTING_FILE.substring(1)));
    }

    @BeforeAll
    static void startResin() throws IOException {
        Files.createDirectories(WORK);
        ResinLayout layout = ResinLayout.create()
                .clusterRules(DifferentialRules.cluster(DocExamples.CLUSTER, DocExamples.CLUSTER_31))
                .webAppFile(DocExamples.EXISTING_FILE, EXISTING_FILE_TEXT)
                .host(DiffCases.R4, null, DifferentialRules.WEBAPP_R4)
                .host(DiffCases.R3, null, DifferentialRules.WEBAPP_R3)
                .host(DiffCases.H4, DifferentialRules.HOST_H4, DifferentialRules.WEBAPP_H4)
                .host(DiffCases.SRV, null, null)
                .host("", null, null);
        for (DocExamples.Host host : DocExamples.HOSTS) {
            layout.host(host.name(), host.hostRules(), host.webAppRules());
        }
        resin = ResinServer.start(layout, WORK.resolve("resin"));
        resinXml = Files.readString(resin.configFile());
    }

    @AfterAll
    static void stopResinAndRestoreTheConfiguration() {
        try {
            if (resin != null) {
                resin.close();
            }
        } finally {
            ItConfig.restore();
        }
    }

    @Test
    void turnpikeAnswersAsResinDoes() throws Exception {
        ItConfig.write(resinXml);
        RawHttp turnpike = new RawHttp(base.getPort());
        awaitTurnpikeRules(turnpike);

        List<DiffCase> cases = DiffCases.all();
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        report.add("# Differential run: Resin 4.0.66 vs Turnpike on WildFly\n");
        report.add("Same resin.xml, same raw requests. " + cases.size() + " cases.\n");
        report.add("| # | request | Resin 4.0.66 | Turnpike | verdict |");
        report.add("|---|---|---|---|---|");
        int number = 0;
        int quirks = 0;
        for (DiffCase c : cases) {
            number++;
            Observation fromResin = Observation.of(send(resin.http(), c));
            Observation fromTurnpike = Observation.of(send(turnpike, c));
            String verdict;
            if (c.quirk() == null) {
                verdict = fromResin.equals(fromTurnpike) ? "same" : "DIFFERENT";
            } else {
                quirks++;
                boolean documented = fromTurnpike.status() == c.turnpikeStatus() && !fromResin.equals(fromTurnpike);
                verdict = (documented ? "documented deviation: " : "QUIRK NOT AS DOCUMENTED: ") + c.quirk();
            }
            if (verdict.startsWith("DIFFERENT") || verdict.startsWith("QUIRK NOT")) {
                failures.add("#" + number + " " + c + "\n  resin:    " + fromResin.text() + "\n  turnpike: "
                        + fromTurnpike.text());
            }
            report.add("| " + number + " | `" + cell(c.toString()) + "` | " + cell(fromResin.text()) + " | "
                    + cell(fromTurnpike.text()) + " | " + cell(verdict) + " |");
        }
        report.add("\n" + (cases.size() - failures.size()) + " of " + cases.size() + " cases as expected ("
                + quirks + " documented deviations).");
        Path reportFile = WORK.resolve("report.md");
        Files.write(reportFile, report, StandardCharsets.UTF_8);

        assertTrue(cases.size() >= 150, "the suite must run at least 150 cases, not " + cases.size());
        assertEquals(List.of(), failures, "cases where Turnpike and Resin disagree (see " + reportFile + ")");
    }

    private static RawResponse send(RawHttp http, DiffCase c) {
        byte[] body = c.method().equals("POST") ? "k=v".getBytes(StandardCharsets.UTF_8) : null;
        List<String> headers = new ArrayList<>(c.headers());
        if (body != null) {
            headers.add("Content-Type: application/x-www-form-urlencoded");
        }
        return http.send(c.method(), c.target(), c.host(), headers, body);
    }

    private static void awaitTurnpikeRules(RawHttp turnpike) throws InterruptedException {
        long deadline = System.nanoTime() + RELOAD_WAIT.toNanos();
        while (turnpike.get("/forbidden", DiffCases.R4).status() != 403) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Turnpike did not load the differential rules within " + RELOAD_WAIT);
            }
            Thread.sleep(100);
        }
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
