package dev.turnpike.config;

import java.util.List;
import java.util.Map;

/**
 * An element of a configuration file as read, before it is understood: its namespace and local
 * name, the name as written, where it starts, its attributes, its child elements, and its text
 * content (trimmed; empty when it has none) with the position where the text starts.
 */
record ConfigElement(String namespace, String localName, String writtenName, Position position,
                     Map<String, ConfigAttribute> attributes, List<ConfigElement> children,
                     String text, Position textPosition) {

    /** The element as it is written in the file, for messages: {@code <resin:Forbidden>}. */
    String display() {
        return "<" + writtenName + ">";
    }
}
