package dev.turnpike.config;

import java.util.List;
import java.util.Set;

/**
 * What one configuration tag is: its name, what kind of object it makes, the attributes it
 * accepts and the kinds of children it takes. One generic validator checks every tag against
 * its spec, then the factory builds the object from checked values.
 *
 * @param namespace  the XML namespace of the tag
 * @param name       the local name
 * @param display    the name shown in messages, with Resin's usual prefix: {@code resin:Forbidden}
 * @param kind       what the tag makes
 * @param attributes the attributes it accepts
 * @param children   the kinds of child elements it accepts
 * @param factory    builds the object once attributes and children are checked
 */
record TagSpec(String namespace, String name, String display, Kind kind, List<AttributeSpec> attributes,
               Set<Kind> children, TagFactory factory) {

    /** What a tag makes. */
    enum Kind {
        /** The document root, holding rules. */
        ROOT("rules"),
        /** A dispatch rule. */
        RULE("rules"),
        /** A condition on the request. */
        CONDITION("conditions");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        String plural() {
            return plural;
        }
    }

    /** Builds the object of a tag from its checked attributes and its built children. */
    @FunctionalInterface
    interface TagFactory {
        /** @return the object, or {@code null} when a problem was reported through the context */
        Object create(TagContext context, List<Object> children);
    }

    AttributeSpec attribute(String written) {
        for (AttributeSpec spec : attributes) {
            if (spec.answersTo(written)) {
                return spec;
            }
        }
        return null;
    }
}
