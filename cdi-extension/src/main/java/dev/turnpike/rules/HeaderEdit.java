package dev.turnpike.rules;

/**
 * A change to a response header that a rule or filter asked for, applied before the request
 * continues.
 *
 * @param kind  how the value is combined with what is there
 * @param name  the header name
 * @param value the value
 */
public record HeaderEdit(Kind kind, String name, String value) {

    /** How a value joins the header. */
    public enum Kind {
        /** Replace every value ({@code resin:SetHeader}). */
        SET,
        /** Add another header line ({@code resin:AddHeader}, {@code resin:SetVary}). */
        ADD,
        /**
         * Merge into a comma-separated list unless already listed, as Resin 3.1 conditions add
         * {@code Vary}: equal, or containing {@code value,} or {@code , value} means present.
         */
        MERGE
    }

    /** Merges {@code value} into an existing comma-separated header value by Resin's rule. */
    public static String merge(String existing, String value) {
        if (existing == null || existing.isEmpty()) {
            return value;
        }
        if (existing.equals(value) || existing.contains(value + ",") || existing.contains(", " + value)) {
            return existing;
        }
        return existing + ", " + value;
    }
}
