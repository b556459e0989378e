package dev.turnpike.hmux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request head written in mod_caucho's order back into an {@link HmuxRequestHead}, the
 * inverse of {@link HmuxRequestWriter} for requests without TLS or environment variables (those
 * travel as plain header pairs and come back as headers).
 */
final class RequestHeads {

    private RequestHeads() {
    }

    static HmuxRequestHead describe(List<HmuxFrame> head) {
        String method = null;
        String path = null;
        Values v = new Values();
        for (int i = 0; i < head.size(); i++) {
            HmuxFrame frame = head.get(i);
            if (frame instanceof HmuxFrame.Uri) {
                path = unescape(((HmuxFrame.Uri) frame).value());
            } else if (frame instanceof HmuxFrame.Method) {
                method = ((HmuxFrame.Method) frame).value();
            } else if (frame instanceof HmuxFrame.HttpProtocol) {
                v.protocol = ((HmuxFrame.HttpProtocol) frame).value();
            } else if (frame instanceof HmuxFrame.QueryString) {
                v.query = ((HmuxFrame.QueryString) frame).value();
            } else if (frame instanceof HmuxFrame.ServerName) {
                v.serverName = ((HmuxFrame.ServerName) frame).value();
            } else if (frame instanceof HmuxFrame.ServerPort) {
                v.serverPort = Integer.parseInt(((HmuxFrame.ServerPort) frame).value());
            } else if (frame instanceof HmuxFrame.RemoteHost) {
                v.remoteHost = ((HmuxFrame.RemoteHost) frame).value();
            } else if (frame instanceof HmuxFrame.RemoteAddr) {
                v.remoteAddr = ((HmuxFrame.RemoteAddr) frame).value();
            } else if (frame instanceof HmuxFrame.RemotePort) {
                v.remotePort = Integer.parseInt(((HmuxFrame.RemotePort) frame).value());
            } else if (frame instanceof HmuxFrame.RemoteUser) {
                v.remoteUser = ((HmuxFrame.RemoteUser) frame).value();
            } else if (frame instanceof HmuxFrame.AuthType) {
                v.authType = ((HmuxFrame.AuthType) frame).value();
            } else if (frame instanceof HmuxFrame.ClientCert) {
                v.clientCert = new String(((HmuxFrame.ClientCert) frame).bytes(), StandardCharsets.UTF_8);
            } else if (frame instanceof HmuxFrame.ContentType) {
                v.headers.add(new HmuxHeader("Content-Type", ((HmuxFrame.ContentType) frame).value()));
            } else if (frame instanceof HmuxFrame.ContentLength) {
                v.headers.add(new HmuxHeader("Content-Length", ((HmuxFrame.ContentLength) frame).value()));
            } else if (frame instanceof HmuxFrame.Header) {
                HmuxFrame value = head.get(++i);
                v.headers.add(new HmuxHeader(((HmuxFrame.Header) frame).value(), ((HmuxFrame.HeaderValue) value).value()));
            } else {
                throw new IllegalArgumentException("not part of a mod_caucho request head: " + frame.describe());
            }
        }
        HmuxRequestHead.Builder builder = HmuxRequestHead.builder(method, path).query(v.query).protocol(v.protocol)
                .server(v.serverName, v.serverPort).remote(v.remoteHost, v.remoteAddr, v.remotePort)
                .user(v.remoteUser, v.authType).clientCert(v.clientCert);
        for (HmuxHeader header : v.headers) {
            builder.header(header.name(), header.value());
        }
        return builder.build();
    }

    /** Undoes the writer's escaping: {@code %3F} was a {@code ?}, {@code %25} a {@code %}. */
    private static String unescape(String uri) {
        return uri.replace("%3F", "?").replace("%25", "%");
    }

    private static final class Values {
        String query;
        String protocol;
        String serverName;
        int serverPort;
        String remoteHost;
        String remoteAddr;
        int remotePort;
        String remoteUser;
        String authType;
        String clientCert;
        final List<HmuxHeader> headers = new ArrayList<>();
    }
}
