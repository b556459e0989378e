package dev.turnpike.hmux;

import dev.turnpike.backend.PoolStats;
import static dev.turnpike.hmux.ClientRequests.SETTINGS;
import static dev.turnpike.hmux.ClientRequests.get;
import static dev.turnpike.hmux.ClientRequests.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exchanges against a scripted backend doing what Resin does only by chance or never on cue:
 * answering while the body is still coming, ending instead of acking, closing with {@code X}; and
 * what the client refuses or reports on its own side.
 */
class HmuxClientExchangeTest {

    private static final HmuxFrame QUIT = new HmuxFrame.Quit();

    @Test
    void bodyGoesOutInChunksWaitingForAnAckAfterEachWindowWhileTheResponseMayStart() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.untilYield();
                    peer.send(FakeBackend.Peer.ok());
                    peer.send(new HmuxFrame.Ack(0));
                    peer.untilYield();
                    peer.send(new HmuxFrame.Ack(0));
                    peer.request();
                    peer.send(HmuxFrame.Data.of("done"), QUIT);
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            HmuxExchangeResult result = client.exchange(post("/upload", 20000),
                    new RecordingBody(new byte[20000], events), new RecordingSink(events));
            backend.awaitScripts();

            List<String> frames = backend.peer(0).receivedListing();
            // a client that ignored the window would show D 8192, D 8192, D 3616 without Y
            assertEquals(List.of("p \"20000\"", "D len=8192", "Y", "D len=8192", "Y", "D len=3616", "Q"),
                    frames.subList(frames.size() - 7, frames.size()));
            // the status arrived while the client waited for the first ack, before it read on
            assertEquals(List.of("read 8192", "read 8192", "status 200 OK", "meta cpu-load: 0",
                    "header Content-Type: text/plain", "headersEnd", "read 3616", "read end", "body 4", "end"), events);
            assertEquals(new HmuxExchangeResult(result.connectionId(), false, 200, true), result);
        }
    }

    @Test
    void responseEndingInsteadOfAnAckStopsTheBodyAndTheConnection() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.untilYield();
                    peer.send(FakeBackend.Peer.ok());
                    peer.send(HmuxFrame.Data.of("early"), QUIT);
                    peer.readToEnd();
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            HmuxExchangeResult result = client.exchange(post("/upload", 20000),
                    new RecordingBody(new byte[20000], events), new RecordingSink(events));
            backend.awaitScripts();

            List<String> frames = backend.peer(0).receivedListing();
            // nothing after the Y: neither the rest of the body nor the client's Q
            assertEquals(List.of("D len=8192", "Y"), frames.subList(frames.size() - 2, frames.size()));
            assertEquals(List.of("read 8192", "read 8192", "status 200 OK", "meta cpu-load: 0",
                    "header Content-Type: text/plain", "headersEnd", "body 5", "end"), events);
            assertFalse(result.keepAlive());
            assertEquals(new PoolStats(0, 0, 1, 0, 0, 0), client.stats());
        }
    }

    @Test
    void exitEndsTheResponseAndTheNextRequestOpensANewConnection() throws Exception {
        try (FakeBackend backend = FakeBackend.start(
                    peer -> {
                        peer.request();
                        peer.send(FakeBackend.Peer.ok());
                        peer.send(HmuxFrame.Data.of("one"), new HmuxFrame.Exit());
                    },
                    peer -> {
                        peer.request();
                        peer.respond("two");
                    });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            RecordingSink first = new RecordingSink();
            assertFalse(client.exchange(get("/one"), null, first).keepAlive());
            RecordingSink second = new RecordingSink();
            assertTrue(client.exchange(get("/two"), null, second).keepAlive());
            backend.awaitScripts();

            assertEquals("one", first.bodyText());
            assertEquals(List.of("status 200 OK", "meta cpu-load: 0", "header Content-Type: text/plain", "headersEnd",
                    "body 3", "end"), first.events());
            assertEquals("two", second.bodyText());
            assertEquals(2, backend.connections());
            assertEquals(new PoolStats(1, 0, 2, 0, 0, 0), client.stats());
        }
    }

    @Test
    void framesWithoutMeaningForTheResponseAreSkipped() throws Exception {
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Channel(2), new HmuxFrame.Status("404 Not Found"),
                            new HmuxFrame.Header("X-A"), new HmuxFrame.HeaderValue("1"),
                            new HmuxFrame.Header("X-A"), new HmuxFrame.HeaderValue("2"),
                            new HmuxFrame.Ack(0), new HmuxFrame.SendHeaders(), HmuxFrame.Data.of("gone"));
                    // a code no Resin sends, as a newer peer might: skipped by its length
                    peer.sendRaw(new byte[] {'Z', 0, 3, 'n', 'e', 'w'});
                    peer.send(new HmuxFrame.Flush(), new HmuxFrame.Yield(), QUIT);
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            RecordingSink sink = new RecordingSink();
            HmuxExchangeResult result = client.exchange(get("/missing"), null, sink);
            backend.awaitScripts();

            assertEquals(List.of("status 404 Not Found", "header X-A: 1", "header X-A: 2", "headersEnd", "body 4",
                    "flush", "end"), sink.events());
            assertEquals(404, result.status());
            assertTrue(result.keepAlive());
        }
    }

    @Test
    void bytesAfterTheEndOfTheResponseMakeTheConnectionUnfitForReuse() throws Exception {
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.request();
                    peer.send(new HmuxFrame.Status("200 OK"), new HmuxFrame.SendHeaders(), QUIT, QUIT);
                    peer.readToEnd();
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            HmuxExchangeResult result = client.exchange(get("/a"), null, new RecordingSink());
            backend.awaitScripts();

            assertFalse(result.keepAlive());
            assertEquals(0, client.stats().idle());
        }
    }

    @Test
    void headValueTooLongForAFrameIsRefusedBeforeAnythingIsSent() throws Exception {
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.request();
                    peer.respond("fine");
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            HmuxRequestHead huge = HmuxRequestHead.builder("GET", "/a").server("127.0.0.1", 80)
                    .remote("127.0.0.1", "127.0.0.1", 1).header("X-Big", "x".repeat(70000)).build();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.exchange(huge, null, new RecordingSink()));
            assertEquals("'S' frame: text of 70000 bytes does not fit the 16-bit length (expected: at most 65535 bytes"
                    + " of UTF-8)", e.getMessage());

            RecordingSink sink = new RecordingSink();
            client.exchange(get("/a"), null, sink);
            backend.awaitScripts();

            assertEquals("fine", sink.bodyText());
            assertEquals(1, backend.peer(0).requests());
            // the connection opened for the refused request carried the next one
            assertEquals(new PoolStats(1, 0, 1, 1, 0, 0), client.stats());
        }
    }

    @Test
    void sinkFailureIsTheClientsAndClosesTheConnection() throws Exception {
        try (FakeBackend backend = FakeBackend.start(peer -> {
                    peer.request();
                    peer.respond("body");
                    peer.readToEnd();
                });
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            RecordingSink browserGone = new RecordingSink() {
                @Override
                public void body(byte[] bytes, int offset, int length) throws IOException {
                    throw new IOException("browser gone");
                }
            };
            HmuxExchangeException e = assertThrows(HmuxExchangeException.class,
                    () -> client.exchange(get("/a"), null, browserGone));
            backend.awaitScripts();

            assertEquals("TPH0005 127.0.0.1:" + backend.address().getPort() + " hmux#" + e.connectionId()
                    + ": the response sink failed: browser gone", e.getMessage());
            assertEquals(HmuxExchangeException.Stage.CLIENT, e.stage());
            assertTrue(e.responseStarted());
            assertEquals("browser gone", e.getCause().getMessage());
            assertEquals(new PoolStats(0, 0, 1, 0, 0, 0), client.stats());
        }
    }

    @Test
    void requestBodyFailureIsTheClientsAndNothingOfTheResponseStarted() throws Exception {
        try (FakeBackend backend = FakeBackend.start(FakeBackend.Peer::readToEnd);
                HmuxClient client = new HmuxClient(backend.address(), SETTINGS)) {
            InputStream aborted = new InputStream() {
                private boolean first = true;

                @Override
                public int read() throws IOException {
                    throw new IOException("upload aborted");
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    if (first) {
                        first = false;
                        return 100;
                    }
                    throw new IOException("upload aborted");
                }
            };
            HmuxExchangeException e = assertThrows(HmuxExchangeException.class,
                    () -> client.exchange(post("/upload", 1000), aborted, new RecordingSink()));
            backend.awaitScripts();

            assertEquals("TPH0005 127.0.0.1:" + backend.address().getPort() + " hmux#" + e.connectionId()
                    + ": reading the request body failed: upload aborted", e.getMessage());
            assertFalse(e.responseStarted());
            List<String> frames = backend.peer(0).receivedListing();
            // the chunk read before the failure went out; no Q, so the backend never takes it for complete
            assertEquals("D len=100", frames.get(frames.size() - 1));
        }
    }
}
