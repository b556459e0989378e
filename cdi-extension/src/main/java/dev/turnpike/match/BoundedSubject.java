package dev.turnpike.match;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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

    private static final Logger LOG = Logger.getLogger("dev.turnpike.match");

    /** Patterns already reported as giving up, so each is logged at WARNING once (bounded). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final int MAX_WARNED = 1_000;

    private final String text;
    private long remaining;

    public BoundedSubject(String text) {
        this.text = text;
        refill();
    }

    /**
     * Whether {@code regexp} {@link java.util.regex.Matcher#find() finds} a match in {@code value}
     * within the budget. A match that runs out of budget counts as no match and is logged (WARNING
     * once per pattern, FINE each time): a condition or filter regexp on a header, cookie or
     * parameter meets text the client chose, as a rule's regexp meets the path.
     *
     * @param what what the regexp belongs to, for the log ({@code <resin:IfHeader name="X"...>})
     */
    public static boolean find(Pattern regexp, String value, Object what) {
        try {
            return regexp.matcher(new BoundedSubject(value)).find();
        } catch (BudgetExceeded e) {
            String pattern = regexp.pattern();
            if (WARNED.size() < MAX_WARNED && WARNED.add(pattern)) {
                LOG.warning(() -> what + " gave up matching " + pattern + " against a value of " + value.length()
                        + " characters; treated as not matching. The pattern backtracks too much: avoid nested"
                        + " repetition such as (a+)+ or (.*)*. (Logged once per pattern; FINE for each.)");
            }
            LOG.fine(() -> what + " gave up matching " + pattern + " against a value of " + value.length()
                    + " characters");
            return false;
        }
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
