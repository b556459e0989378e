package dev.turnpike.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one configuration tag is: its name, what kind of object it makes, the attributes it
 * accepts and the kinds of children it takes. One generic reader checks every tag against its
 * spec, then the factory builds the object from checked values and built children.
 *
 * @param namespace  the XML namespace of the tag
 * @param name       the local name
 * @param display    the name shown in messages, with Resin's usual prefix: {@code resin:Forbidden}
 * @param kind       what the tag makes
 * @param attributes the attributes it accepts
 * @param children   the kinds of child elements it accepts
 * @param mode       how strictly the content is checked
 * @param scope      variables the element defines for configuration-time {@code ${...}} in its
 *                   content, or {@code null}
 * @param factory    builds the object once attributes and children are checked
 */
record TagSpec(String namespace, String name, String display, Kind kind, List<AttributeSpec> attributes,
               Set<Kind> children, Mode mode, ScopeHook scope, TagFactory factory) {

    /** What a tag makes. */
    enum Kind {
        /** A place rules live: {@code <resin>}, {@code <cluster>}, {@code <host>}, {@code <web-app>}. */
        CONTAINER("containers"),
        /** A Resin 4 dispatch rule. */
        RULE("rules"),
        /** A Resin 4 rewrite filter. */
        FILTER("filters"),
        /** A Resin 4 condition. */
        CONDITION("conditions"),
        /** A Resin 3.1 {@code <rewrite-dispatch>}. */
        REWRITE_BLOCK("rewrite-dispatch blocks"),
        /** A rule inside {@code <rewrite-dispatch>}. */
        OLD_RULE("rules"),
        /** A condition of a Resin 3.1 rule. */
        OLD_CONDITION("conditions"),
        /** A {@code <servlet-mapping>} of a web-app, which the plugin dispatch table reads. */
        MAPPING("servlet mappings");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }

        String plural() {
            return plural;
        }
    }

    /** How the content of a tag is checked. */
    enum Mode {
        /** Every attribute and child must be known. */
        STRICT,
        /**
         * A Resin element Turnpike reads only part of, such as a container or a
         * {@code <servlet-mapping>}: attributes Turnpike does not use are ignored, and child
         * elements that are not about rules (servlets, databases, ...) are skipped and listed.
         */
        CONTAINER
    }

    /** Builds the object of a tag from its checked attributes and its built children. */
    @FunctionalInterface
    interface TagFactory {
        /** @return the object, or {@code null} when a problem was reported through the context */
        Object create(TagContext context, List<Object> children);
    }

    /** The configuration-time variables an element defines for its content. */
    @FunctionalInterface
    interface ScopeHook {
        Map<String, String> variables(ConfigElement element);
    }

    AttributeSpec attribute(String written) {
        for (AttributeSpec spec : attributes) {
            if (spec.answersTo(written)) {
                return spec;
            }
        }
        return null;
    }

    static TagSpec strict(String namespace, String name, String display, Kind kind, List<AttributeSpec> attributes,
                          Set<Kind> children, TagFactory factory) {
        return new TagSpec(namespace, name, display, kind, attributes, children, Mode.STRICT, null, factory);
    }
}
