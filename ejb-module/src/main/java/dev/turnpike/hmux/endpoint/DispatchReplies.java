package dev.turnpike.hmux.endpoint;

import dev.turnpike.balance.Crc64;
import dev.turnpike.balance.SessionAlphabet;
import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.ClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Answers mod_caucho's dispatch-configuration query as a Resin 4 backend does (resin-spec 5.1.1):
 * <pre>
 *   H check-interval S 2   H cookie S JSESSIONID   H ssl-cookie S ...   H session-url-prefix S ...
 *   H alt-session-url-prefix S ""                    the server-wide values, every time
 *   h ""                                             the host's canonical name ("" = default host)
 *   then, for the canonical name asked:
 *     c cluster  H live-time S 60  H dead-time S 15  H read-timeout S 600  H connect-timeout S 5
 *     s 10.0.0.1:6800  b 10.0.0.9:6800 ...           the cluster's servers, b for backups
 *     a /shop  m *.jsp  m /cart/*  i /static/*  ...  each web-app: U if unavailable, else its patterns
 *     e etag
 *   or, for an alias (another name of the host):   e h-&lt;host id&gt;
 * </pre>
 * When the etag the plugin sent is the current one the answer is {@code n} alone: nothing changed.
 * The etag is a digest of everything the answer reports (CRC-64 in the session alphabet, 11
 * characters), so it changes exactly when the answer would.
 */
public final class DispatchReplies implements DispatchDirectory {

    private final Supplier<ServedHosts> hosts;
    private final ClusterConfig cluster;
    private final SessionIds sessions;
    private final Duration checkInterval;

    /**
     * @param hosts what this server serves now, asked at each query
     * @param cluster the cluster this server belongs to, its servers reported in order
     * @param sessions the session cookie and URL prefix the web tier reads session ids from
     * @param checkInterval how often the plugin should ask again (mod_caucho asks at most every 5 s)
     */
    public DispatchReplies(Supplier<ServedHosts> hosts, ClusterConfig cluster, SessionIds sessions,
            Duration checkInterval) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
    }

    @Override
    public List<HmuxFrame> answer(String host, String etag) {
        String asked = host == null ? "" : host.strip().toLowerCase(java.util.Locale.ROOT);
        ServedHosts.Host served = hosts.get().host(asked);
        boolean alias = !asked.equals(served.canonicalName());
        List<HmuxFrame> body = new ArrayList<>();
        if (alias) {
            body.add(new HmuxFrame.DispatchEtag("h-" + served.id()));
        } else {
            hostBody(served, body);
            body.add(new HmuxFrame.DispatchEtag(etag(body)));
        }
        String current = ((HmuxFrame.DispatchEtag) body.get(body.size() - 1)).value();
        if (current.equals(etag)) {
            return List.of(new HmuxFrame.DispatchNoChange());
        }
        List<HmuxFrame> answer = new ArrayList<>();
        settings(answer);
        answer.add(new HmuxFrame.DispatchHost(served.canonicalName()));
        answer.addAll(body);
        return answer;
    }

    private void settings(List<HmuxFrame> out) {
        long seconds = Math.max(1, (checkInterval.toMillis() + 999) / 1000);
        pair(out, "check-interval", Long.toString(seconds));
        pair(out, "cookie", sessions.cookieName());
        pair(out, "ssl-cookie", sessions.sslCookieName());
        pair(out, "session-url-prefix", sessions.urlPrefix());
        pair(out, "alt-session-url-prefix", "");
    }

    private void hostBody(ServedHosts.Host host, List<HmuxFrame> out) {
        out.add(new HmuxFrame.DispatchCluster(cluster.id()));
        if (!cluster.servers().isEmpty()) {
            BackendConfig first = cluster.servers().get(0);
            pair(out, "live-time", seconds(first.idleTime()));
            pair(out, "dead-time", seconds(first.recoverTime()));
            pair(out, "read-timeout", seconds(first.socketTimeout()));
            pair(out, "connect-timeout", seconds(first.connectTimeout()));
        }
        for (BackendConfig server : cluster.servers()) {
            String address = server.address() + ":" + server.port();
            out.add(server.backup() ? new HmuxFrame.DispatchBackup(address) : new HmuxFrame.DispatchServer(address));
        }
        for (ServedHosts.WebApp webApp : host.webApps()) {
            out.add(new HmuxFrame.DispatchWebApp(webApp.contextPath()));
            if (!webApp.available()) {
                out.add(new HmuxFrame.DispatchWebAppUnavailable());
                continue;
            }
            for (String pattern : webApp.matches()) {
                out.add(new HmuxFrame.DispatchMatch(pattern));
            }
            for (String pattern : webApp.ignores()) {
                out.add(new HmuxFrame.DispatchIgnore(pattern));
            }
        }
    }

    /** A digest of the frames, as 11 characters of the session alphabet. */
    static String etag(List<HmuxFrame> frames) {
        StringBuilder text = new StringBuilder();
        for (HmuxFrame frame : frames) {
            text.append(frame.describe()).append('\n');
        }
        long crc = Crc64.of(text);
        char[] etag = new char[11];
        for (int i = 0; i < etag.length; i++) {
            etag[i] = SessionAlphabet.encode((int) (crc >>> (6 * i)) & 0x3f);
        }
        return new String(etag);
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds());
    }

    private static void pair(List<HmuxFrame> out, String name, String value) {
        out.add(new HmuxFrame.Header(name));
        out.add(new HmuxFrame.HeaderValue(value));
    }
}
