package dev.turnpike.hmux;

import java.util.Objects;

/** A name and value pair that travels as an {@code H} frame and an {@code S} frame. */
public record HmuxHeader(String name, String value) {

    public HmuxHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
