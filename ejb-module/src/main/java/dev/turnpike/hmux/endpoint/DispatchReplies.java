package dev.turnpike.hmux.endpoint;

import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.mapping.HostReply;
import dev.turnpike.mapping.PluginTable;
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
 * The etag is the {@link PluginTable}'s digest of the host's web-apps and of the cluster part of
 * the answer, so it changes exactly when the answer would.
 */
public final class DispatchReplies implements DispatchDirectory {

    private final Supplier<PluginTable> table;
    private final ClusterConfig cluster;
    private final SessionIds sessions;
    private final Duration checkInterval;

    /**
     * @param table the hosts, web-apps and url-patterns this server serves now, asked at each query
     * @param cluster the cluster this server belongs to, its servers reported in order
     * @param sessions the session cookie and URL prefix the web tier reads session ids from
     * @param checkInterval how often the plugin should ask again (mod_caucho asks at most every 5 s)
     */
    public DispatchReplies(Supplier<PluginTable> table, ClusterConfig cluster, SessionIds sessions,
            Duration checkInterval) {
        this.table = Objects.requireNonNull(table, "table");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.checkInterval = Objects.requireNonNull(checkInterval, "checkInterval");
    }

    @Override
    public List<HmuxFrame> answer(String host, String etag) {
        PluginTable served = table.get();
        HostReply reply = served.reply(host == null ? "" : host);
        List<HmuxFrame> body = new ArrayList<>();
        String current;
        if (reply.isAlias()) {
            current = "h-" + (reply.canonicalName().isEmpty() ? "default" : reply.canonicalName());
        } else {
            cluster(body);
            current = served.etag(reply.requestedName(), describe(body));
            webApps(reply, body);
        }
        if (current.equals(etag)) {
            return List.of(new HmuxFrame.DispatchNoChange());
        }
        List<HmuxFrame> answer = new ArrayList<>();
        settings(answer);
        answer.add(new HmuxFrame.DispatchHost(reply.canonicalName()));
        answer.addAll(body);
        answer.add(new HmuxFrame.DispatchEtag(current));
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

    /** The cluster part of a host's answer: its id, the first server's timings and every server. */
    private void cluster(List<HmuxFrame> out) {
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
    }

    /** Each web-app of the host: {@code a}, then {@code U} if unavailable, else its {@code m} and {@code i} patterns. */
    private static void webApps(HostReply reply, List<HmuxFrame> out) {
        for (HostReply.WebApp webApp : reply.webApps()) {
            out.add(new HmuxFrame.DispatchWebApp(webApp.contextPath()));
            if (!webApp.available()) {
                out.add(new HmuxFrame.DispatchWebAppUnavailable());
                continue;
            }
            for (String pattern : webApp.match()) {
                out.add(new HmuxFrame.DispatchMatch(pattern));
            }
            for (String pattern : webApp.ignore()) {
                out.add(new HmuxFrame.DispatchIgnore(pattern));
            }
        }
    }

    private static String describe(List<HmuxFrame> frames) {
        StringBuilder text = new StringBuilder();
        for (HmuxFrame frame : frames) {
            text.append(frame.describe()).append('\n');
        }
        return text.toString();
    }

    private static String seconds(Duration duration) {
        return Long.toString(duration.toSeconds());
    }

    private static void pair(List<HmuxFrame> out, String name, String value) {
        out.add(new HmuxFrame.Header(name));
        out.add(new HmuxFrame.HeaderValue(value));
    }
}
