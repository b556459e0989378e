package dev.turnpike.admin;

import dev.turnpike.rules.Decision;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.HeaderEdit;
import dev.turnpike.rules.RuleSet;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Explains a request: runs it through the rules serving, exactly as the dispatch filter does, with
 * a {@link ExplainTrace} listening, and carries out nothing. Rules count no hit for it; an
 * application's predicate that needs the servlet request cannot be asked and shows as a condition
 * error.
 */
final class Explainer {

    private Explainer() {
    }

    /**
     * @throws IllegalArgumentException when the request cannot be made (its URL)
     */
    static Explanation explain(RuleSet rules, ExplainRequest asked, ServletContext context) {
        ExplainedRequest request = ExplainedRequest.of(asked, context);
        ExplainTrace trace = new ExplainTrace();
        Exchange exchange = new Exchange(request).trace(trace);
        Decision decision = rules == null ? Decision.PASS : rules.evaluate(exchange);
        Explanation.Seen seen = new Explanation.Seen(request.method(), request.scheme(), request.serverName(),
                request.serverPort(), request.path(), request.queryString(), request.remoteAddr(), request.secure(),
                request.remoteUser());
        return new Explanation(seen, trace.levels(), Decisions.view(decision), effects(exchange));
    }

    private static List<String> effects(Exchange exchange) {
        List<String> effects = new ArrayList<>();
        for (HeaderEdit edit : exchange.headerEdits()) {
            effects.add(edit.kind().name().toLowerCase(Locale.ROOT) + " response header " + edit.name() + ": "
                    + edit.value());
        }
        if (exchange.secureOverride() != null) {
            effects.add("request reported as " + (exchange.secureOverride() ? "secure" : "not secure"));
        }
        if (exchange.requestCharacterEncodingOverride() != null) {
            effects.add("request character encoding " + exchange.requestCharacterEncodingOverride());
        }
        if (exchange.responseCharacterEncodingOverride() != null) {
            effects.add("response character encoding " + exchange.responseCharacterEncodingOverride());
        }
        if (exchange.responseContentTypeOverride() != null) {
            effects.add("response content type " + exchange.responseContentTypeOverride());
        }
        if (exchange.isCacheControlPrivate()) {
            effects.add("Cache-Control: private");
        } else if (exchange.isPrivateUnlessVary()) {
            effects.add("Cache-Control: private unless the response varies");
        }
        if (!exchange.wrappers().isEmpty()) {
            effects.add("servlet filters around the handling: " + exchange.wrappers());
        }
        return effects;
    }
}
