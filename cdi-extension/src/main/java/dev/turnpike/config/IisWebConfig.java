package dev.turnpike.config;

import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.ClusterConfig;
import dev.turnpike.rules.MatchRule;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.actions.Actions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code web.config} of Resin's IIS handler, read as it reads it: the {@code resin.*} keys of
 * {@code <appSettings>} name the HMUX servers and how sessions stick (resin-spec 2.6), and every
 * request goes to those servers. Everything else in the file (IIS's own sections, other
 * application settings) is left alone.
 *
 * <pre>{@code
 * <configuration>
 *   <appSettings>
 *     <add key="resin.servers" value="10.0.0.1:6800 10.0.0.2:6800"/>
 *     <add key="resin.load-balance-recover-time" value="30s"/>
 *   </appSettings>
 * </configuration>
 * }</pre>
 * The keys and their defaults are the handler's: {@code resin.servers} (127.0.0.1:6800, comma or
 * space separated, port 6800 when left out), {@code resin.session-cookie} (JSESSIONID),
 * {@code resin.ssl-session-cookie} (SSLJSESSIONID), {@code resin.sticky-sessions} (true),
 * {@code resin.session-url-prefix} (;jsessionid=), {@code resin.load-balance-connect-timeout}
 * (5s), {@code resin.load-balance-idle-time} (5s), {@code resin.load-balance-recover-time} (15s),
 * {@code resin.socket-timeout} (65s, the timeout of each read and write), and
 * {@code resin.load-balance-socket-timeout}, {@code resin.keepalive-timeout},
 * {@code resin.caucho-status}, {@code resin.debug}, which are checked and only shown. Times are
 * milliseconds as bare digits, or digits with {@code s} or {@code m}; a bad value is an error at
 * its {@code value} attribute. {@code <remove key>} and {@code <clear/>} work as in .NET.
 */
final class IisWebConfig {

    /** The cluster the servers make, as the status page and the rules name it. */
    static final String CLUSTER = "resin.servers";

    private static final Pattern TIME = Pattern.compile("(\\d{1,9})([sm]?)");
    private static final List<String> TIMES = List.of("resin.load-balance-connect-timeout",
            "resin.load-balance-idle-time", "resin.load-balance-recover-time", "resin.load-balance-socket-timeout",
            "resin.keepalive-timeout", "resin.socket-timeout");
    private static final List<String> BOOLEANS = List.of("resin.sticky-sessions", "resin.caucho-status",
            "resin.debug");
    private static final List<String> COOKIES = List.of("resin.session-cookie", "resin.ssl-session-cookie",
            "resin.session-url-prefix", "resin.alternate-session-url-prefix");

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A key's value and where the value is written. */
    private record Setting(String value, Position at) {
    }

    private IisWebConfig(String file) {
        this.file = file;
    }

    /** Whether a root element is a {@code web.config}'s. */
    static boolean isRoot(ConfigElement root) {
        return root.namespace().isEmpty() && root.localName().equals("configuration");
    }

    /** The rules a {@code web.config} makes: one cluster, and one rule sending every request to it. */
    static RuleSet read(String file, ConfigElement root) throws ConfigException {
        return new IisWebConfig(file).read(root);
    }

    private RuleSet read(ConfigElement root) throws ConfigException {
        Map<String, Setting> settings = new LinkedHashMap<>();
        Position settingsAt = root.position();
        for (ConfigElement section : root.children()) {
            if (section.namespace().isEmpty() && section.localName().equals("appSettings")) {
                settingsAt = section.position();
                collect(section, settings);
            }
        }
        List<BackendConfig> servers = servers(settings);
        Map<String, String> sticky = new LinkedHashMap<>();
        sticky.put("session-cookie", text(settings, "resin.session-cookie", "JSESSIONID"));
        sticky.put("ssl-session-cookie", text(settings, "resin.ssl-session-cookie", "SSLJSESSIONID"));
        sticky.put("session-url-prefix", text(settings, "resin.session-url-prefix", ";jsessionid="));
        boolean stickySessions = bool(settings, "resin.sticky-sessions", true);
        bool(settings, "resin.caucho-status", true);
        bool(settings, "resin.debug", false);
        time(settings, "resin.load-balance-socket-timeout", Duration.ofSeconds(665));
        time(settings, "resin.keepalive-timeout", Duration.ofSeconds(15));
        if (settings.containsKey("resin.alternate-session-url-prefix")) {
            warnings.add(where(settings.get("resin.alternate-session-url-prefix").at())
                    + ": resin.alternate-session-url-prefix is not used: sessions are found after"
                    + " resin.session-url-prefix (the IIS handler let the alternate prefix replace it)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        String origin = where(settingsAt);
        BackendRoute route = new BackendRoute.Cluster(CLUSTER, "round-robin", stickySessions, sticky);
        String syntax = "<resin:LoadBalance cluster=\"" + CLUSTER + "\" strategy=\"round-robin\" sticky-sessions=\""
                + stickySessions + "\"/>";
        MatchRule rule = new MatchRule(new MatchRule.Spec(syntax, "web.config appSettings", false, null, false,
                List.of(), List.of(), new Actions.Proxy(route, null, true), null, null, origin));
        return new RuleSet(new RuleList(List.of(), List.of(rule)), List.of(), RuleList.EMPTY, RuleList.EMPTY, file)
                .withDetails(List.of(), List.of(), warnings)
                .withClusters(List.of(new ClusterConfig(CLUSTER, servers, origin)));
    }

    /** The {@code add}, {@code remove} and {@code clear} entries of an {@code <appSettings>}, in order. */
    private void collect(ConfigElement section, Map<String, Setting> settings) {
        for (ConfigElement entry : section.children()) {
            ConfigAttribute key = entry.attributes().get("key");
            switch (entry.localName()) {
                case "clear" -> settings.clear();
                case "remove" -> {
                    if (key != null) {
                        settings.remove(key.value().trim());
                    }
                }
                case "add" -> {
                    if (key == null) {
                        problem(entry.position(), "<add> needs attribute 'key'");
                        continue;
                    }
                    String name = key.value().trim();
                    if (!name.startsWith("resin.")) {
                        continue;
                    }
                    ConfigAttribute value = entry.attributes().get("value");
                    if (value == null) {
                        problem(entry.position(), "<add key=\"" + name + "\"> needs attribute 'value'");
                        continue;
                    }
                    if (!known(name)) {
                        warnings.add(where(key.position()) + ": " + name + " is not a setting of Resin's IIS"
                                + " handler; it is ignored");
                        continue;
                    }
                    settings.put(name, new Setting(value.value().trim(), value.position()));
                }
                default -> {
                    // other elements of appSettings are not Resin's
                }
            }
        }
    }

    private static boolean known(String name) {
        return name.equals(CLUSTER) || TIMES.contains(name) || BOOLEANS.contains(name) || COOKIES.contains(name);
    }

    private List<BackendConfig> servers(Map<String, Setting> settings) {
        Setting written = settings.get(CLUSTER);
        String list = written == null ? "127.0.0.1:6800" : written.value();
        Duration connect = time(settings, "resin.load-balance-connect-timeout", Duration.ofSeconds(5));
        Duration idle = time(settings, "resin.load-balance-idle-time", Duration.ofSeconds(5));
        Duration recover = time(settings, "resin.load-balance-recover-time", Duration.ofSeconds(15));
        Duration socket = time(settings, "resin.socket-timeout", Duration.ofSeconds(65));
        List<BackendConfig> servers = new ArrayList<>();
        for (String server : list.split("[\\s,]+")) {
            if (server.isEmpty()) {
                continue;
            }
            String address = server.lastIndexOf(':') > server.lastIndexOf(']') ? server : server + ":6800";
            String problem = Addresses.check(address);
            if (problem != null) {
                problem(written.at(), "invalid 'value' of resin.servers: " + problem);
                continue;
            }
            int colon = address.lastIndexOf(':');
            String host = address.substring(0, colon);
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1);
            }
            servers.add(BackendConfig.builder(address, host, Integer.parseInt(address.substring(colon + 1)))
                    .connectTimeout(connect).idleTime(idle).recoverTime(recover).socketTimeout(socket).build());
        }
        if (servers.isEmpty() && problems.isEmpty()) {
            problem(written.at(), "resin.servers names no server; give host:port, separated by spaces or commas");
        }
        return servers;
    }

    private Duration time(Map<String, Setting> settings, String name, Duration fallback) {
        Setting setting = settings.get(name);
        if (setting == null) {
            return fallback;
        }
        Matcher m = TIME.matcher(setting.value());
        if (!m.matches()) {
            problem(setting.at(), "invalid 'value' of " + name + ": '" + setting.value() + "' is not a time the IIS"
                    + " handler reads: milliseconds (5000), seconds (5s) or minutes (1m)");
            return fallback;
        }
        long amount = Long.parseLong(m.group(1));
        Duration time = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
        if (time.isZero() && !name.equals("resin.load-balance-idle-time")) {
            problem(setting.at(), "invalid 'value' of " + name + ": it must be more than 0");
        }
        return time;
    }

    private boolean bool(Map<String, Setting> settings, String name, boolean fallback) {
        Setting setting = settings.get(name);
        if (setting == null) {
            return fallback;
        }
        String value = setting.value().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            problem(setting.at(), "invalid 'value' of " + name + ": '" + setting.value() + "' is not true or false");
            return fallback;
        }
        return value.equals("true");
    }

    private String text(Map<String, Setting> settings, String name, String fallback) {
        Setting setting = settings.get(name);
        if (setting == null) {
            return fallback;
        }
        String value = setting.value();
        if (value.isEmpty() || !value.chars().allMatch(c -> c > ' ' && c < 0x7f && c != ',' && c != '"')) {
            problem(setting.at(), "invalid 'value' of " + name + ": '" + value + "' is not a cookie name or URL text"
                    + " (printable ASCII, no spaces, commas or quotes)");
            return fallback;
        }
        return value;
    }

    private void problem(Position at, String message) {
        problems.add(new ConfigProblem(file, at.line(), at.column(), "TPC0111", message));
    }

    private String where(Position at) {
        return file + ":" + at.line() + ":" + at.column();
    }
}
