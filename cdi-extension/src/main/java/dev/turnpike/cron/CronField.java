package dev.turnpike.cron;

/**
 * One of the five fields of a cron expression: its name, its value range and the parser for
 * its comma-separated items.
 */
enum CronField {
    MINUTE("minute", 0, 59),
    HOUR("hour", 0, 23),
    DAY_OF_MONTH("day-of-month", 1, 31),
    MONTH("month", 1, 12),
    DAY_OF_WEEK("day-of-week", 0, 7);

    /** Longer numbers are out of range for every field; the limit keeps parsing overflow-free. */
    private static final int MAX_DIGITS = 9;

    private final String label;
    private final int min;
    private final int max;

    CronField(String label, int min, int max) {
        this.label = label;
        this.min = min;
        this.max = max;
    }

    /** All values of the field, as bits: what {@code *} means. */
    long all() {
        return bitsBetween(min, max, 1);
    }

    /**
     * The values the field admits, as bits: bit {@code n} set means value {@code n} matches.
     *
     * @param field the field's text, non-empty and without whitespace
     * @param expression the whole expression, for error messages
     * @throws CronSyntaxException naming this field, the item and the expression
     */
    long parse(String field, String expression) {
        long bits = 0;
        for (String item : field.split(",", -1)) {
            if (item.isEmpty()) {
                throw error("list '" + field + "' has an empty item", expression);
            }
            bits |= parseItem(item, expression);
        }
        return bits;
    }

    private long parseItem(String item, String expression) {
        String range = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            range = item.substring(0, slash);
            String stepText = item.substring(slash + 1);
            if (!isNumber(stepText)) {
                throw syntax(item, expression);
            }
            if (stepText.length() > MAX_DIGITS || Integer.parseInt(stepText) > max) {
                throw error("step " + stepText + " out of range 1-" + max, expression);
            }
            step = Integer.parseInt(stepText);
            if (step == 0) {
                throw error("step 0 out of range 1-" + max, expression);
            }
        }
        int low;
        int high;
        if (range.equals("*")) {
            low = min;
            high = max;
        } else {
            int dash = range.indexOf('-');
            if (dash < 0) {
                low = value(range, item, expression);
                high = low;
            } else {
                low = value(range.substring(0, dash), item, expression);
                high = value(range.substring(dash + 1), item, expression);
                if (low > high) {
                    throw error("range " + range + " has its start after its end", expression);
                }
            }
        }
        return bitsBetween(low, high, step);
    }

    private static long bitsBetween(int low, int high, int step) {
        long bits = 0;
        for (int value = low; value <= high; value += step) {
            bits |= 1L << value;
        }
        return bits;
    }

    private int value(String text, String item, String expression) {
        if (!isNumber(text)) {
            throw syntax(item, expression);
        }
        if (text.length() > MAX_DIGITS || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw error("value " + text + " out of range " + min + "-" + max, expression);
        }
        return Integer.parseInt(text);
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private CronSyntaxException syntax(String item, String expression) {
        return error("item '" + item + "' is not *, N or N-M, optionally followed by /step"
                + " (names, ?, L, W and # are not supported)", expression);
    }

    private CronSyntaxException error(String detail, String expression) {
        return new CronSyntaxException(label + " " + detail + " in '" + expression + "'");
    }
}
