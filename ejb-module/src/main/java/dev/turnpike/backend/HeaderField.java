package dev.turnpike.backend;

import java.util.Objects;

/** One header line of a request or response: a name and a value, as received. */
public record HeaderField(String name, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Whether this field has the given name, compared without case as HTTP does. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
