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

class ClusterConfigReadTest {

    private final ResinConfigReader reader = new ResinConfigReader();

    private RuleSet read(String document) throws ConfigException {
        return reader.read("resin.xml", document.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> problems(String document) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(document));
        return e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void readsTheServersOfEachClusterWithTheirSettingsAndTheRulesBesideThem() throws ConfigException {
        RuleSet rules = read("""
                <resin xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <cluster id="app-tier">
                    <server id="a" address="10.0.0.1" port="6801"/>
                    <server id="b" address="10.0.0.2" port="6802" load-balance-weight="200"
                            load-balance-recover-time="30s" load-balance-idle-time="5s"/>
                    <server id="c" address="10.0.0.3" backup="true"/>
                  </cluster>
                  <cluster id="web-tier">
                    <server id="web-a" port="8080">
                      <http port="80"/>
                    </server>
                    <host id="">
                      <web-app id="/">
                        <resin:LoadBalance regexp="" cluster="app-tier"/>
                      </web-app>
                    </host>
                  </cluster>
                </resin>
                """);
        List<ClusterConfig> clusters = rules.clusters();
        assertEquals(List.of("app-tier", "web-tier"), clusters.stream().map(ClusterConfig::id).toList());
        ClusterConfig app = clusters.get(0);
        assertEquals("resin.xml:2:3", app.origin());
        assertEquals(List.of(
                "<server id=\"a\" address=\"10.0.0.1\" port=\"6801\"/>",
                "<server id=\"b\" address=\"10.0.0.2\" port=\"6802\" load-balance-weight=\"200\""
                        + " load-balance-idle-time=\"5s\" load-balance-recover-time=\"30s\"/>",
                "<server id=\"c\" address=\"10.0.0.3\" port=\"6800\" backup=\"true\"/>"),
                app.servers().stream().map(BackendConfig::toString).toList());
        assertEquals(Duration.ofSeconds(30), app.servers().get(1).recoverTime());
        assertEquals(1, app.servers().get(2).weight());
        assertEquals("127.0.0.1", clusters.get(1).servers().get(0).address());
        assertEquals(1, rules.rules().size(), "the web tier's rule is read as before");
    }

    @Test
    void settingsMayBeWrittenAsChildElementsAsResinAllows() throws ConfigException {
        RuleSet rules = read("""
                <resin xmlns="http://caucho.com/ns/resin">
                  <cluster id="app">
                    <server id="a" address="127.0.0.1" port="6801">
                      <load-balance-weight>50</load-balance-weight>
                      <load-balance-connect-timeout>2s</load-balance-connect-timeout>
                    </server>
                  </cluster>
                </resin>
                """);
        BackendConfig a = rules.clusters().get(0).servers().get(0);
        assertEquals(50, a.weight());
        assertEquals(Duration.ofSeconds(2), a.connectTimeout());
    }

    @Test
    void aServerWithoutIdIsNamedByItsAddress() throws ConfigException {
        RuleSet rules = read("""
                <resin xmlns="http://caucho.com/ns/resin">
                  <cluster id="app"><server address="10.1.1.1" port="6900"/></cluster>
                </resin>
                """);
        assertEquals("10.1.1.1:6900", rules.clusters().get(0).servers().get(0).id());
    }

    @Test
    void badSettingsAreReportedWithTheirPlace() {
        List<String> problems = problems("""
                <resin xmlns="http://caucho.com/ns/resin">
                  <cluster id="app">
                    <server id="a" port="70000"/>
                    <server id="b" load-balance-recover-time="soon"/>
                    <server id="c" backup="true" load-balance-weight="5"/>
                  </cluster>
                </resin>
                """);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("resin.xml:3:"), problems.get(0));
        assertTrue(problems.get(0).contains("'port'") && problems.get(0).contains("70000"), problems.get(0));
        assertTrue(problems.get(1).startsWith("resin.xml:4:") && problems.get(1).contains("load-balance-recover-time"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("resin.xml:5:") && problems.get(2).contains("backup server's weight is 1"),
                problems.get(2));
    }

    @Test
    void twoServersWithOneIdAreAnError() {
        List<String> problems = problems("""
                <resin xmlns="http://caucho.com/ns/resin">
                  <cluster id="app"><server id="a" port="6801"/><server id="a" port="6802"/></cluster>
                </resin>
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("resin.xml:2:3") && problems.get(0).contains("two servers with id 'a'"),
                problems.get(0));
    }

    @Test
    void aFastCgiProxyRuleKeepsItsScriptSettings() throws ConfigException {
        RuleSet rules = read("""
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:FastCgiProxy regexp="[.]php" address="127.0.0.1:9000" document-root="/var/www/html"
                                      script-extension=".php5" index="start.php5" strategy="least-connection"
                                      socket-timeout="90s" fail-recover-time="5s"/>
                </web-app>
                """);
        Decision.Proxy proxy = (Decision.Proxy) rules.evaluate(new Exchange(TestRequest.get("/a.php")));
        BackendRoute.FastCgi route = (BackendRoute.FastCgi) proxy.backend();
        assertEquals(List.of("127.0.0.1:9000"), route.addresses());
        assertEquals(Map.of("document-root", "/var/www/html", "script-extension", ".php5", "index", "start.php5",
                "strategy", "least-connection", "socket-timeout", "90s", "fail-recover-time", "5s"), route.settings());
    }

    @Test
    void fastCgiScriptSettingsAreCheckedWhereTheyAreWritten() {
        List<String> problems = problems("""
                <web-app xmlns="http://caucho.com/ns/resin" xmlns:resin="urn:java:com.caucho.resin">
                  <resin:FastCgiProxy regexp="[.]php" address="127.0.0.1:9000" document-root="www"
                                      script-extension="php" index="a/index.php"/>
                </web-app>
                """);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("resin.xml:2:") && problems.get(0).contains("'document-root'")
                && problems.get(0).contains("not an absolute directory"), problems.get(0));
        assertTrue(problems.get(1).contains("'script-extension'") && problems.get(1).contains("not a file extension"),
                problems.get(1));
        assertTrue(problems.get(2).contains("'index'") && problems.get(2).contains("not a file name"), problems.get(2));
    }
}
