package dev.turnpike.cron;

/**
 * A cron expression that cannot be parsed; the message names the field, the offending item and
 * the expression, e.g. {@code minute value 61 out of range 0-59 in '61 * * * *'}.
 */
public final class CronSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    CronSyntaxException(String message) {
        super(message);
    }
}
