package dev.turnpike.rules.conditions;

import dev.turnpike.rules.Condition;
import dev.turnpike.rules.ConfigSyntax;
import dev.turnpike.rules.Exchange;
import java.util.List;

/**
 * Conditions made of conditions, evaluated in order with short-circuit (so the response headers
 * that Resin 3.1 conditions leave come only from the ones evaluated). Composites are never
 * cacheable, as in Resin.
 */
public final class Composites {

    private Composites() {
    }

    /** All children pass; true without children. */
    public record All(List<Condition> children, String tag) implements Condition {
        public All {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(Exchange exchange) {
            for (Condition child : children) {
                if (!child.test(exchange)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return ConfigSyntax.element(tag, "", children);
        }
    }

    /** At least one child passes; false without children. */
    public record Any(List<Condition> children, String tag) implements Condition {
        public Any {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(Exchange exchange) {
            for (Condition child : children) {
                if (child.test(exchange)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return ConfigSyntax.element(tag, "", children);
        }
    }

    /** No child passes; true without children ({@code resin:NotOr}, Resin 3.1 {@code <not>}). */
    public record None(List<Condition> children, String tag) implements Condition {
        public None {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(Exchange exchange) {
            for (Condition child : children) {
                if (child.test(exchange)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return ConfigSyntax.element(tag, "", children);
        }
    }

    /** At least one child fails; false without children ({@code resin:NotAnd}). */
    public record NotAll(List<Condition> children, String tag) implements Condition {
        public NotAll {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(Exchange exchange) {
            for (Condition child : children) {
                if (!child.test(exchange)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return ConfigSyntax.element(tag, "", children);
        }
    }

    /** The one child fails ({@code resin:Not}, Resin 3.1 {@code <unless>}). */
    public record Not(Condition child, String tag) implements Condition {
        @Override
        public boolean test(Exchange exchange) {
            return !child.test(exchange);
        }

        @Override
        public String toString() {
            return ConfigSyntax.element(tag, "", List.of(child));
        }
    }
}
