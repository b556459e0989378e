package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.BackendRoute;
import dev.turnpike.rules.ClusterConfig;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web.config of Resin's IIS handler: its resin.* settings, their defaults, and bad values. */
class IisWebConfigTest {

    private static RuleSet read(String document) throws ConfigException {
        return new ResinConfigReader().read("web.config", document.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String document) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(document));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void theHandlersDefaultsServeEveryRequestFromOneLocalServer() throws ConfigException {
        RuleSet rules = read("""
                <configuration>
                  <system.webServer><handlers/></system.webServer>
                </configuration>
                """);
        ClusterConfig cluster = rules.clusters().get(0);
        assertEquals("resin.servers", cluster.id());
        BackendConfig server = cluster.servers().get(0);
        assertEquals("127.0.0.1:6800", server.address() + ":" + server.port());
        assertEquals(Duration.ofSeconds(5), server.connectTimeout());
        assertEquals(Duration.ofSeconds(5), server.idleTime());
        assertEquals(Duration.ofSeconds(15), server.recoverTime());
        assertEquals(Duration.ofSeconds(65), server.socketTimeout());
        Decision.Proxy proxy = (Decision.Proxy) rules.evaluate(new Exchange(TestRequest.get("/shop/cart?item=7")));
        BackendRoute.Cluster route = (BackendRoute.Cluster) proxy.backend();
        assertEquals("resin.servers", route.cluster());
        assertTrue(route.stickySessions());
        assertEquals(Map.of("session-cookie", "JSESSIONID", "ssl-session-cookie", "SSLJSESSIONID",
                "session-url-prefix", ";jsessionid="), route.settings());
        assertEquals(false, proxy.rewritten(), "the backend gets the browser's own URI");
    }

    @Test
    void theResinKeysOfAppSettingsConfigureTheServersAndStickiness() throws ConfigException {
        RuleSet rules = read("""
                <?xml version="1.0"?>
                <configuration>
                  <appSettings>
                    <add key="site.title" value="not Resin's"/>
                    <add key="resin.servers" value="10.0.0.1:6801, 10.0.0.2  [::1]:6803"/>
                    <add key="resin.session-cookie" value="SID"/>
                    <add key="resin.sticky-sessions" value="false"/>
                    <add key="resin.load-balance-connect-timeout" value="2500"/>
                    <add key="resin.load-balance-recover-time" value="1m"/>
                    <add key="resin.socket-timeout" value="30s"/>
                    <add key="resin.caucho-status" value="false"/>
                    <add key="resin.debug" value="true"/>
                    <add key="resin.idle" value="5s"/>
                    <remove key="resin.debug"/>
                  </appSettings>
                </configuration>
                """);
        List<BackendConfig> servers = rules.clusters().get(0).servers();
        assertEquals(List.of("10.0.0.1:6801", "10.0.0.2:6800", "::1:6803"),
                servers.stream().map(s -> s.address() + ":" + s.port()).toList());
        assertEquals(Duration.ofMillis(2500), servers.get(1).connectTimeout());
        assertEquals(Duration.ofMinutes(1), servers.get(2).recoverTime());
        assertEquals(Duration.ofSeconds(30), servers.get(0).socketTimeout());
        assertEquals("web.config:3:3", rules.clusters().get(0).origin());
        Decision.Proxy proxy = (Decision.Proxy) rules.evaluate(new Exchange(TestRequest.get("/")));
        BackendRoute.Cluster route = (BackendRoute.Cluster) proxy.backend();
        assertEquals(false, route.stickySessions());
        assertEquals("SID", route.settings().get("session-cookie"));
        assertEquals(List.of("web.config:13:10: resin.idle is not a setting of Resin's IIS handler; it is ignored"),
                rules.warnings());
    }

    @Test
    void badValuesAreErrorsAtTheirValueAttribute() {
        List<String> problems = problems("""
                <configuration>
                  <appSettings>
                    <add key="resin.servers" value="10.0.0.1:99999"/>
                    <add key="resin.load-balance-idle-time" value="5 seconds"/>
                    <add key="resin.sticky-sessions" value="yes"/>
                    <add key="resin.session-cookie" value="my cookie"/>
                    <add key="resin.socket-timeout"/>
                  </appSettings>
                </configuration>
                """);
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("web.config:7:5: TPC0111 <add key=\"resin.socket-timeout\"> needs"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("web.config:4:") && problems.get(1).contains("resin.load-balance-idle-time")
                && problems.get(1).contains("milliseconds (5000), seconds (5s) or minutes (1m)"), problems.get(1));
        assertTrue(problems.get(2).startsWith("web.config:3:") && problems.get(2).contains("port 99999"),
                problems.get(2));
        assertTrue(problems.get(3).startsWith("web.config:6:") && problems.get(3).contains("resin.session-cookie"),
                problems.get(3));
        assertTrue(problems.get(4).startsWith("web.config:5:") && problems.get(4).contains("not true or false"),
                problems.get(4));
    }
}
