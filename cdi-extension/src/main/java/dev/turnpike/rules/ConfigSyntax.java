package dev.turnpike.rules;

import java.util.List;
import java.util.regex.Pattern;

/** Renders model objects back in configuration syntax, for logs, status pages and the API. */
public final class ConfigSyntax {

    private ConfigSyntax() {
    }

    /** {@code  name="value"} with XML escaping, or the empty string when {@code value} is null. */
    public static String attribute(String name, Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Pattern pattern ? pattern.pattern() : value.toString();
        StringBuilder out = new StringBuilder(text.length() + name.length() + 4);
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** An element with the given attribute text and children, empty-element form when childless. */
    public static String element(String tag, String attributes, List<?> children) {
        if (children.isEmpty()) {
            return "<" + tag + attributes + "/>";
        }
        StringBuilder out = new StringBuilder("<").append(tag).append(attributes).append('>');
        for (Object child : children) {
            out.append(child);
        }
        return out.append("</").append(tag).append('>').toString();
    }
}
