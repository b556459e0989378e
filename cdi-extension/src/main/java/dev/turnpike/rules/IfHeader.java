package dev.turnpike.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * True when the request has the named header and, if a regexp is given, the header's first
 * value contains a match for it.
 *
 * <pre>{@code
 * <resin:Forbidden regexp="^/">
 *   <resin:IfHeader name="User-Agent" regexp="(?i)badbot"/>
 * </resin:Forbidden>
 * }</pre>
 */
public final class IfHeader implements RequestPredicate {

    private final String name;
    private final Pattern regexp;

    /**
     * @param name   the header name, matched case-insensitively
     * @param regexp the pattern the value must contain a match for, or {@code null} for "present"
     */
    public IfHeader(String name, Pattern regexp) {
        if (Objects.requireNonNull(name, "name").isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        this.name = name;
        this.regexp = regexp;
    }

    @Override
    public boolean isMatch(RequestView request) {
        String value = request.header(name);
        if (value == null) {
            return false;
        }
        return regexp == null || regexp.matcher(value).find();
    }

    @Override
    public String toString() {
        return "<resin:IfHeader" + ConfigSyntax.attribute("name", name) + ConfigSyntax.attribute("regexp", regexp)
                + "/>";
    }
}
