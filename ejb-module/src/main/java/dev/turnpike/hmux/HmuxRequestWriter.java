package dev.turnpike.hmux;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the head of an HTTP request in the order mod_caucho 4.0 does (resin-spec 1.4.2), so a
 * Resin backend sees from Turnpike exactly what it sees from Apache:
 * <pre>
 *   U path        m method      c protocol    e query (only if the request had a ?)
 *   v server name               g server port
 *   h remote host i remote addr j remote port
 *   d remote user n auth type   (each only if set)
 *   t client cert, H/S per TLS variable       (mod_ssl details)
 *   H/S per header; Content-Type as q, Content-Length as p, Expect dropped
 *   H/S per environment variable; r before HTTPS=on, d before SSL_CLIENT_DN if no user
 *   H REDIRECT_QUERY_STRING, H REDIRECT_URL   (internal redirects)
 * </pre>
 * The body ({@code D}, {@code Y}) and the final {@code Q} are the caller's, since they depend on
 * flow control.
 *
 * <p>The path is written as mod_caucho writes Apache's decoded {@code r->uri}: raw, with only
 * {@code %} escaped as {@code %25} so the backend's decoding gives the path back. Unlike
 * mod_caucho, which cuts the path at a {@code ?} (a decoded {@code %3F}) and at 4 KiB, this
 * writer escapes {@code ?} as {@code %3F} and refuses nothing short of HMUX's 65535 bytes.
 */
public final class HmuxRequestWriter {

    private HmuxRequestWriter() {
    }

    /** Writes the head's frames to a stream. */
    public static void writeHead(HmuxRequestHead head, OutputStream out) throws IOException {
        for (HmuxFrame frame : headFrames(head)) {
            HmuxEncoder.write(frame, out);
        }
    }

    /** The head's frames in mod_caucho's order. */
    public static List<HmuxFrame> headFrames(HmuxRequestHead head) {
        List<HmuxFrame> frames = new ArrayList<>();
        addRequestLine(head, frames);
        addConnection(head, frames);
        addTls(head, frames);
        addHeaders(head, frames);
        addEnvironment(head, frames);
        addRedirect(head, frames);
        return frames;
    }

    /** The path as it goes into the {@code U} frame. */
    static String escapePath(String path) {
        if (path.indexOf('%') < 0 && path.indexOf('?') < 0) {
            return path;
        }
        return path.replace("%", "%25").replace("?", "%3F");
    }

    private static void addRequestLine(HmuxRequestHead head, List<HmuxFrame> frames) {
        frames.add(new HmuxFrame.Uri(escapePath(head.path())));
        frames.add(new HmuxFrame.Method(head.method()));
        frames.add(new HmuxFrame.HttpProtocol(head.protocol()));
        if (head.query() != null) {
            frames.add(new HmuxFrame.QueryString(head.query()));
        }
    }

    private static void addConnection(HmuxRequestHead head, List<HmuxFrame> frames) {
        frames.add(new HmuxFrame.ServerName(head.serverName()));
        frames.add(new HmuxFrame.ServerPort(Integer.toString(head.serverPort())));
        frames.add(new HmuxFrame.RemoteHost(head.remoteHost()));
        frames.add(new HmuxFrame.RemoteAddr(head.remoteAddr()));
        frames.add(new HmuxFrame.RemotePort(Integer.toString(head.remotePort())));
        if (head.remoteUser() != null) {
            frames.add(new HmuxFrame.RemoteUser(head.remoteUser()));
        }
        if (head.authType() != null) {
            frames.add(new HmuxFrame.AuthType(head.authType()));
        }
    }

    private static void addTls(HmuxRequestHead head, List<HmuxFrame> frames) {
        if (head.clientCert() != null) {
            frames.add(new HmuxFrame.ClientCert(head.clientCert().getBytes(StandardCharsets.UTF_8)));
        }
        addPairs(head.sslVariables(), frames);
    }

    private static void addHeaders(HmuxRequestHead head, List<HmuxFrame> frames) {
        for (HmuxHeader header : head.headers()) {
            if (header.name().equalsIgnoreCase("Content-Type")) {
                frames.add(new HmuxFrame.ContentType(header.value()));
            } else if (header.name().equalsIgnoreCase("Content-Length")) {
                frames.add(new HmuxFrame.ContentLength(header.value()));
            } else if (!header.name().equalsIgnoreCase("Expect")) {
                addPair(header, frames);
            }
        }
    }

    private static void addEnvironment(HmuxRequestHead head, List<HmuxFrame> frames) {
        for (HmuxHeader variable : head.environment()) {
            if (variable.name().equals("HTTPS") && variable.value().equals("on")) {
                frames.add(new HmuxFrame.Secure());
            } else if (head.remoteUser() == null && variable.name().equals("SSL_CLIENT_DN")) {
                frames.add(new HmuxFrame.RemoteUser(variable.value()));
            }
            addPair(variable, frames);
        }
    }

    private static void addRedirect(HmuxRequestHead head, List<HmuxFrame> frames) {
        if (head.redirectQuery() != null) {
            addPair(new HmuxHeader("REDIRECT_QUERY_STRING", head.redirectQuery()), frames);
        }
        if (head.redirectUrl() != null) {
            addPair(new HmuxHeader("REDIRECT_URL", head.redirectUrl()), frames);
        }
    }

    private static void addPairs(List<HmuxHeader> pairs, List<HmuxFrame> frames) {
        for (HmuxHeader pair : pairs) {
            addPair(pair, frames);
        }
    }

    private static void addPair(HmuxHeader pair, List<HmuxFrame> frames) {
        frames.add(new HmuxFrame.Header(pair.name()));
        frames.add(new HmuxFrame.HeaderValue(pair.value()));
    }
}
