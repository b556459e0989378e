package dev.turnpike.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules log what they do under Resin's logger names, with Resin's messages (resin-spec 4.3.8, 4.4.8). */
class RuleLoggingTest {

    private static final Logger REWRITE = Logger.getLogger("com.caucho.server.rewrite");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String logger = record.getLoggerName().substring(REWRITE.getName().length() + 1);
            lines.add(record.getLevel() + " " + logger + ": " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void listen() {
        previous = REWRITE.getLevel();
        REWRITE.setLevel(Level.FINEST);
        capture.setLevel(Level.ALL);
        REWRITE.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        REWRITE.removeHandler(capture);
        REWRITE.setLevel(previous);
    }

    @Test
    void resin31RulesLogTheCheckEachMissAndTheMatch() {
        RuleSet rules = Rules.webApp("""
                  <rewrite-dispatch>
                    <forbidden regexp="^/off" enabled="false" name="off"/>
                    <redirect regexp="^/a" target="/b"/>
                    <dispatch regexp="^/x/(.*)" target="/y/$1"><when header="X-H"/></dispatch>
                  </rewrite-dispatch>
                """);
        Rules.decide(rules, TestRequest.get("/x/1").withHeader("X-H", "v"));
        assertEquals(List.of(
                "FINEST RewriteDispatch: rewrite-dispatch check uri '/x/1'",
                "FINEST AbstractRule: error(403) ^/off not enabled, no match",
                "FINEST AbstractRule: redirect ^/a does not match /x/1",
                "FINEST AbstractRule: MatchFilterChain[test=[<when header=\"X-H\"/>],rule=<dispatch regexp=\"^/x/(.*)\""
                        + " target=\"/y/$1\"><when header=\"X-H\"/></dispatch>] match /x/1",
                "FINER AbstractRule: dispatch ^/x/(.*) '/x/1' --> '/y/1'"), lines.subList(0, 5));
    }

    @Test
    void resin4RulesLogWhetherTheirPredicatesMatched() {
        RuleSet rules = Rules.webApp("""
                  <resin:Forbidden regexp="^/p"><resin:IfHeader name="X-Block"/></resin:Forbidden>
                """);
        Rules.decide(rules, TestRequest.get("/p"));
        Rules.decide(rules, TestRequest.get("/p").withHeader("X-Block", "1"));
        assertEquals(List.of(
                "FINEST MatchFilterChain: MatchFilterChain[test=[<resin:IfHeader name=\"X-Block\"/>],"
                        + "rule=<resin:Forbidden regexp=\"^/p\"><resin:IfHeader name=\"X-Block\"/></resin:Forbidden>] not match /p",
                "FINEST MatchFilterChain: MatchFilterChain[test=[<resin:IfHeader name=\"X-Block\"/>],"
                        + "rule=<resin:Forbidden regexp=\"^/p\"><resin:IfHeader name=\"X-Block\"/></resin:Forbidden>] match /p"),
                lines);
    }
}
