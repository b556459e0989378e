package dev.turnpike.rules.filters;

import dev.turnpike.match.BoundedSubject;
import dev.turnpike.rules.Condition;
import dev.turnpike.rules.ConfigSyntax;
import dev.turnpike.rules.Exchange;
import dev.turnpike.rules.HeaderEdit;
import dev.turnpike.rules.RuleFilter;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The built-in rule filters, one immutable record each. */
public final class Filters {

    private Filters() {
    }

    static String checkHeaderValue(String what, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains the control character U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        return value;
    }

    static String checkHeaderName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("the header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
            if (!token) {
                throw new IllegalArgumentException("'" + name + "' is not a header name: character "
                        + (c < 0x20 || c >= 0x7f ? "U+" + String.format("%04X", (int) c) : "'" + c + "'")
                        + " at index " + i + " is not allowed");
            }
        }
        return name;
    }

    /**
     * Sets a response header, replacing earlier values ({@code resin:SetHeader}), or adds another
     * line of it ({@code resin:AddHeader}).
     */
    public record ResponseHeader(HeaderEdit.Kind kind, String name, String value) implements RuleFilter {
        public ResponseHeader {
            if (kind == HeaderEdit.Kind.MERGE) {
                throw new IllegalArgumentException("a header filter sets or adds, it does not merge");
            }
            checkHeaderName(name);
            checkHeaderValue("the header value", value);
        }

        @Override
        public void apply(Exchange exchange, String subject) {
            exchange.editHeader(new HeaderEdit(kind, name, value));
        }

        @Override
        public String toString() {
            return "<resin:" + (kind == HeaderEdit.Kind.SET ? "SetHeader" : "AddHeader")
                    + ConfigSyntax.attribute("name", name) + ConfigSyntax.attribute("value", value) + "/>";
        }
    }

    /** Adds a {@code Vary} header line ({@code resin:SetVary}). */
    public record SetVary(String value) implements RuleFilter {
        public SetVary {
            checkHeaderValue("the Vary value", value);
        }

        @Override
        public void apply(Exchange exchange, String subject) {
            exchange.editHeader(new HeaderEdit(HeaderEdit.Kind.ADD, "Vary", value));
        }

        @Override
        public String toString() {
            return "<resin:SetVary" + ConfigSyntax.attribute("value", value) + "/>";
        }
    }

    /** Sets the request's character encoding before parameters are read. */
    public record SetRequestCharacterEncoding(String encoding) implements RuleFilter {
        public SetRequestCharacterEncoding {
            Objects.requireNonNull(encoding, "encoding");
            java.nio.charset.Charset.forName(encoding);
        }

        @Override
        public void apply(Exchange exchange, String subject) {
            exchange.requestCharacterEncoding(encoding);
        }

        @Override
        public String toString() {
            return "<resin:SetRequestCharacterEncoding" + ConfigSyntax.attribute("value", encoding) + "/>";
        }
    }

    /** Makes the request report itself secure (scheme {@code https}) or not, from here on. */
    public record SetRequestSecure(boolean secure) implements RuleFilter {
        @Override
        public void apply(Exchange exchange, String subject) {
            exchange.overrideSecure(secure);
        }

        @Override
        public String toString() {
            return "<resin:SetRequestSecure" + ConfigSyntax.attribute("value", secure) + "/>";
        }
    }

    /** A filter applied only when its regexp matches the subject and its conditions pass. */
    public record Gated(Pattern regexp, List<Condition> conditions, RuleFilter filter) implements RuleFilter {
        public Gated {
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public void apply(Exchange exchange, String subject) {
            if (regexp != null && !BoundedSubject.find(regexp, subject, this)) {
                return;
            }
            for (Condition condition : conditions) {
                if (!condition.test(exchange)) {
                    return;
                }
            }
            filter.apply(exchange, subject);
        }

        @Override
        public String toString() {
            return filter.toString();
        }
    }
}
