package dev.turnpike.match;

/**
 * The subject of a regexp match with a budget: every character the matcher reads costs one, and
 * reading beyond the budget throws {@link BudgetExceeded}. A crafted subject that sends a
 * backtracking pattern into exponential time is thereby stopped after a bounded amount of work
 * instead of holding a request thread. Substrings (capture groups) are plain strings.
 *
 * <p>One instance serves one match on one thread.
 */
public final class BoundedSubject implements CharSequence {

    /** Character reads allowed per match, plus {@link #PER_CHARACTER} per character of the subject. */
    public static final long BASE_BUDGET = 1_000_000;

    /** The budget's share per subject character, so long but legitimate subjects are not cut short. */
    public static final long PER_CHARACTER = 1_000;

    private final String text;
    private long remaining;

    public BoundedSubject(String text) {
        this.text = text;
        refill();
    }

    /** Gives the match a fresh budget (after a successful find, for the substitution that follows). */
    public void refill() {
        remaining = BASE_BUDGET + PER_CHARACTER * text.length();
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw BudgetExceeded.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Thrown when a match read more characters than its budget allows. */
    public static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("the regexp read more characters than its budget allows", null, false, false);
        }
    }
}
