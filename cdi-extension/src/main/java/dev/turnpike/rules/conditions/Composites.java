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

    /** How the children's answers combine. */
    public enum Combine {
        /** All children pass; true without children ({@code resin:And}, {@code <and>}). */
        ALL(false, false),
        /** At least one child passes; false without children ({@code resin:Or}, {@code <or>}). */
        ANY(true, true),
        /** No child passes; true without children ({@code resin:NotOr}, Resin 3.1 {@code <not>}). */
        NONE(true, false),
        /** At least one child fails; false without children ({@code resin:NotAnd}). */
        NOT_ALL(false, true);

        private final boolean stopWhen;
        private final boolean answerWhenStopped;

        /**
         * @param stopWhen          the child answer that decides the composite at once
         * @param answerWhenStopped the composite's answer then (the opposite when no child decides)
         */
        Combine(boolean stopWhen, boolean answerWhenStopped) {
            this.stopWhen = stopWhen;
            this.answerWhenStopped = answerWhenStopped;
        }
    }

    /** Several children combined one way. */
    public record Combined(Combine how, List<Condition> children, String tag) implements Condition {
        public Combined {
            children = List.copyOf(children);
        }

        @Override
        public boolean test(Exchange exchange) {
            for (Condition child : children) {
                if (child.test(exchange) == how.stopWhen) {
                    return how.answerWhenStopped;
                }
            }
            return !how.answerWhenStopped;
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
