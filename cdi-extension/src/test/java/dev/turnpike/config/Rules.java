package dev.turnpike.config;

import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.HeaderEdit;
import dev.turnpike.rules.RequestView;
import dev.turnpike.rules.RuleSet;
import dev.turnpike.rules.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.provider.Arguments;

/** Loads rule sets from XML snippets and describes decisions compactly, for table tests. */
final class Rules {

    static final String RESIN4_OPEN = "<web-app xmlns=\"http://caucho.com/ns/resin\"\n"
            + "         xmlns:resin=\"urn:java:com.caucho.resin\">\n";
    static final String CLOSE = "</web-app>\n";

    private Rules() {
    }

    /** A table row: rules, a request, no change to it, the expected {@link #decide} answer. */
    static Arguments rule(String rules, String request, String expected) {
        return Arguments.of(rules, request, UnaryOperator.<TestRequest>identity(), expected);
    }

    /** A table row whose request is changed by {@code setup} before it is decided. */
    static Arguments rule(String rules, String request, UnaryOperator<TestRequest> setup, String expected) {
        return Arguments.of(rules, request, setup, expected);
    }

    /** Rules of a web-app whose body is given. */
    static RuleSet webApp(String body) {
        return document(RESIN4_OPEN + body + CLOSE);
    }

    /** Rules of a whole document. */
    static RuleSet document(String xml) {
        try {
            return new ResinConfigReader().read("rules.xml", xml.getBytes(StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The decision for a request, with the response headers the rules left, in one line. */
    static String decide(RuleSet rules, RequestView request) {
        Exchange exchange = new Exchange(request);
        String decision = describe(rules.evaluate(exchange));
        List<String> effects = new ArrayList<>();
        for (HeaderEdit edit : exchange.headerEdits()) {
            effects.add(edit.kind().name().toLowerCase() + " " + edit.name() + ": " + edit.value());
        }
        if (exchange.isCacheControlPrivate()) {
            effects.add("cache-control private");
        }
        if (exchange.isPrivateUnlessVary()) {
            effects.add("private unless vary");
        }
        if (exchange.secureOverride() != null) {
            effects.add("secure " + exchange.secureOverride());
        }
        return effects.isEmpty() ? decision : decision + " + " + String.join(", ", effects);
    }

    static String describe(Decision decision) {
        if (decision instanceof Decision.Pass pass) {
            return pass.rule() == null ? "pass" : "stop";
        }
        if (decision instanceof Decision.SendError error) {
            return error.status() + (error.message() == null ? "" : " " + error.message());
        }
        if (decision instanceof Decision.Redirect redirect) {
            return redirect.status() + " " + redirect.location();
        }
        if (decision instanceof Decision.Dispatch dispatch) {
            return "dispatch " + dispatch.target();
        }
        if (decision instanceof Decision.Forward forward) {
            return (forward.viaRoot() ? "forward-root " : "forward ") + forward.target();
        }
        Decision.Proxy proxy = (Decision.Proxy) decision;
        return "proxy " + proxy.backend().kind() + " " + proxy.uri();
    }
}
