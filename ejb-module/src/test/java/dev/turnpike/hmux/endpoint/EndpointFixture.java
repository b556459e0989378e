package dev.turnpike.hmux.endpoint;

import dev.turnpike.cdi.EndpointTrust;
import dev.turnpike.hmux.HmuxFrame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A real endpoint on a free loopback port bridging to an {@link AppServer}, as the tests use it:
 * server code {@code baa} (index 1), a cpu-load of 250, and a dispatch directory answering with
 * the frames a test gives.
 */
final class EndpointFixture implements AutoCloseable {

    static final ServerCode CODE = ServerCode.of(1);
    static final int CPU_LOAD = 250;

    final EndpointTrust trust = new EndpointTrust();
    final AppServer app;
    final HmuxEndpoint endpoint;

    private EndpointFixture(AppServer app, EndpointSettings settings, DispatchDirectory directory) throws IOException {
        this.app = app;
        HttpBridge bridge = new HttpBridge(app.address(), Duration.ofSeconds(5), 8);
        this.endpoint = HmuxEndpoint.start(settings, bridge, directory, trust, () -> CPU_LOAD,
                Executors.defaultThreadFactory());
    }

    static EndpointFixture start(AppServer.Handler handler) throws IOException {
        return start(handler, settings(), (host, etag) -> List.of());
    }

    static EndpointFixture start(AppServer.Handler handler, EndpointSettings settings, DispatchDirectory directory)
            throws IOException {
        return new EndpointFixture(AppServer.start(handler), settings, directory);
    }

    /** Resin's settings on a free loopback port as server {@link #CODE}. */
    static EndpointSettings settings() {
        return EndpointSettings.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CODE);
    }

    WebTier connect() throws IOException {
        return new WebTier(endpoint.address());
    }

    /** The head of a GET as mod_caucho 4.0 sends it, ending with {@code Q}. */
    static HmuxFrame[] get(String uri, String query, String... headers) {
        List<HmuxFrame> frames = new java.util.ArrayList<>(List.of(new HmuxFrame.Uri(uri), new HmuxFrame.Method("GET"),
                new HmuxFrame.HttpProtocol("HTTP/1.1")));
        if (query != null) {
            frames.add(new HmuxFrame.QueryString(query));
        }
        frames.addAll(List.of(new HmuxFrame.ServerName("www.example.com"), new HmuxFrame.ServerPort("80"),
                new HmuxFrame.RemoteHost("192.168.1.20"), new HmuxFrame.RemoteAddr("192.168.1.20"),
                new HmuxFrame.RemotePort("54321"), new HmuxFrame.Header("Host"),
                new HmuxFrame.HeaderValue("www.example.com")));
        for (int i = 0; i < headers.length; i += 2) {
            frames.add(new HmuxFrame.Header(headers[i]));
            frames.add(new HmuxFrame.HeaderValue(headers[i + 1]));
        }
        frames.add(new HmuxFrame.Quit());
        return frames.toArray(new HmuxFrame[0]);
    }

    @Override
    public void close() throws IOException {
        endpoint.close();
        app.close();
    }
}
