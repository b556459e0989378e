package dev.turnpike.config;

import java.util.List;

/**
 * One attribute a tag accepts. Like Resin, the reader also accepts an attribute written as a
 * child element with the value as its text ({@code <address>127.0.0.1:8080</address>}).
 *
 * @param name       the canonical name
 * @param aliases    Resin's other names for the same setting, accepted by the loader only
 * @param required   whether the tag is incomplete without it
 * @param repeatable whether it may be given several times (as child elements)
 * @param purpose    what the attribute is for, quoted in the message when it is missing
 */
record AttributeSpec(String name, List<String> aliases, boolean required, boolean repeatable, String purpose) {

    static AttributeSpec required(String name, String purpose, String... aliases) {
        return new AttributeSpec(name, List.of(aliases), true, false, purpose);
    }

    static AttributeSpec optional(String name, String purpose, String... aliases) {
        return new AttributeSpec(name, List.of(aliases), false, false, purpose);
    }

    static AttributeSpec repeatable(String name, boolean required, String purpose, String... aliases) {
        return new AttributeSpec(name, List.of(aliases), required, true, purpose);
    }

    boolean answersTo(String written) {
        return name.equals(written) || aliases.contains(written);
    }
}
