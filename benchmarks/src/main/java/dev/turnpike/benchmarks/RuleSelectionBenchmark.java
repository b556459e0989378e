package dev.turnpike.benchmarks;

import dev.turnpike.config.ConfigException;
import dev.turnpike.config.ResinConfigReader;
import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.RequestView;
import dev.turnpike.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to select the rule for one request with {@code rules} prefix rules loaded from Resin XML,
 * the request hitting the first, the middle or the last rule, or missing them all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RuleSelectionBenchmark {

    @Param({"10", "100", "1000"})
    int rules;

    @Param({"first", "middle", "last", "miss"})
    String position;

    private RuleSet ruleSet;
    private RequestView request;

    @Setup
    public void load() throws ConfigException {
        StringBuilder xml = new StringBuilder("<web-app xmlns:resin=\"urn:java:com.caucho.resin\">\n");
        for (int i = 0; i < rules; i++) {
            xml.append("  <resin:Redirect regexp=\"^/section").append(i).append("/(.*)$\" target=\"/s")
                    .append(i).append("/$1\"/>\n");
        }
        xml.append("</web-app>\n");
        ruleSet = new ResinConfigReader().read("bench.xml", xml.toString().getBytes(StandardCharsets.UTF_8));
        int hit = switch (position) {
            case "first" -> 0;
            case "middle" -> rules / 2;
            case "last" -> rules - 1;
            case "miss" -> -1;
            default -> throw new IllegalArgumentException("position " + position);
        };
        request = new BenchRequest(hit < 0 ? "/elsewhere/page.html" : "/section" + hit + "/page.html");
    }

    @Benchmark
    public Decision turnpike() {
        return ruleSet.evaluate(new Exchange(request));
    }

    private record BenchRequest(String path) implements RequestView {
        @Override public String method() { return "GET"; }
        @Override public String scheme() { return "http"; }
        @Override public boolean secure() { return false; }
        @Override public String serverName() { return "bench.example"; }
        @Override public int serverPort() { return 80; }
        @Override public int localPort() { return 80; }
        @Override public String remoteAddr() { return "127.0.0.1"; }
        @Override public String contextPath() { return ""; }
        @Override public String requestUri() { return path; }
        @Override public String servletPath() { return path; }
        @Override public String pathInfo() { return null; }
        @Override public String queryString() { return null; }
        @Override public String header(String name) { return "host".equalsIgnoreCase(name) ? "bench.example" : null; }
        @Override public String cookie(String name) { return null; }
        @Override public String parameter(String name) { return null; }
        @Override public String authType() { return null; }
        @Override public String remoteUser() { return null; }
        @Override public boolean isUserInRole(String role) { return false; }
        @Override public boolean fileExists() { return false; }
    }
}
