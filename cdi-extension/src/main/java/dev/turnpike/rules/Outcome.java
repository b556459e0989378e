package dev.turnpike.rules;

/**
 * What a rule did with a request: either a final {@link Decision}, or {@link Continue} — the
 * rule fired but evaluation goes on with the following rules, seeing the (possibly rewritten)
 * subject. A rule that does not fire returns {@code null} instead of an outcome.
 */
public sealed interface Outcome permits Decision, Outcome.Continue {

    /**
     * Evaluation continues with the following rules.
     *
     * @param subject the string the following rules match: rewritten by {@code rewrite} rules,
     *                unchanged otherwise
     */
    record Continue(String subject) implements Outcome {
    }
}
