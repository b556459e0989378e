package dev.turnpike.config;

import java.util.List;

/**
 * One attribute a tag accepts.
 *
 * @param name     the canonical name
 * @param aliases  Resin's other names for the same setting, accepted by the loader only
 * @param required whether the tag is incomplete without it
 * @param purpose  what the attribute is for, quoted in the message when it is missing
 */
record AttributeSpec(String name, List<String> aliases, boolean required, String purpose) {

    static AttributeSpec required(String name, String purpose) {
        return new AttributeSpec(name, List.of(), true, purpose);
    }

    static AttributeSpec optional(String name, String purpose, String... aliases) {
        return new AttributeSpec(name, List.of(aliases), false, purpose);
    }

    boolean answersTo(String written) {
        return name.equals(written) || aliases.contains(written);
    }
}
