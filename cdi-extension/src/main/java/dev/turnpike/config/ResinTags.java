package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;
import static dev.turnpike.config.AttributeSpec.required;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.rules.Forbidden;
import dev.turnpike.rules.IfHeader;
import dev.turnpike.rules.MovedPermanently;
import dev.turnpike.rules.Redirect;
import dev.turnpike.rules.RequestPredicate;
import dev.turnpike.rules.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The tags Turnpike understands, as data: Resin 4's {@code resin:*} tags implemented so far. */
final class ResinTags {

    /** Resin's configuration namespace, the usual default namespace of resin-web.xml. */
    static final String RESIN_NS = "http://caucho.com/ns/resin";

    /** The namespace of Resin 4's {@code resin:*} tags. */
    static final String RESIN_TAGS_NS = "urn:java:com.caucho.resin";

    private static final AttributeSpec REGEXP = optional("regexp",
            "the pattern the request path must contain a match for");
    private static final AttributeSpec TARGET = required("target",
            "where the request is sent; $1... insert the regexp's groups");

    static final TagSpec WEB_APP = new TagSpec(RESIN_NS, "web-app", "web-app", Kind.ROOT, List.of(),
            Set.of(Kind.RULE), (context, children) -> children);

    static final List<TagSpec> ALL = List.of(
            WEB_APP,
            tag("Forbidden", Kind.RULE, List.of(REGEXP), Set.of(Kind.CONDITION),
                    (context, children) -> new Forbidden(context.regexp("regexp"), conditions(children),
                            context.origin())),
            tag("Redirect", Kind.RULE, List.of(REGEXP, TARGET), Set.of(Kind.CONDITION),
                    (context, children) -> {
                        Pattern regexp = context.regexp("regexp");
                        Target target = context.target("target", regexp);
                        return context.failed() ? null
                                : new Redirect(regexp, target, conditions(children), context.origin());
                    }),
            tag("MovedPermanently", Kind.RULE, List.of(REGEXP, TARGET), Set.of(Kind.CONDITION),
                    (context, children) -> {
                        Pattern regexp = context.regexp("regexp");
                        Target target = context.target("target", regexp);
                        return context.failed() ? null
                                : new MovedPermanently(regexp, target, conditions(children), context.origin());
                    }),
            tag("IfHeader", Kind.CONDITION,
                    List.of(required("name", "the header to test"),
                            optional("regexp", "the pattern the header value must contain a match for", "value")),
                    Set.of(),
                    (context, children) -> new IfHeader(context.value("name"), context.regexp("regexp"))));

    private ResinTags() {
    }

    private static TagSpec tag(String name, Kind kind, List<AttributeSpec> attributes, Set<Kind> children,
                               TagSpec.TagFactory factory) {
        return new TagSpec(RESIN_TAGS_NS, name, "resin:" + name, kind, attributes, children, factory);
    }

    private static List<RequestPredicate> conditions(List<Object> children) {
        List<RequestPredicate> conditions = new ArrayList<>(children.size());
        for (Object child : children) {
            conditions.add((RequestPredicate) child);
        }
        return conditions;
    }
}
