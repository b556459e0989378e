package dev.turnpike.config.beans;

import dev.turnpike.spi.RequestPredicate;
import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An application predicate with one property of each supported kind. */
public class HeaderEquals implements RequestPredicate {

    /** How values compare. */
    public enum Comparison { EXACT, IGNORE_CASE }

    private String header;
    private final List<String> values = new ArrayList<>();
    private Comparison comparison = Comparison.EXACT;
    private int minLength;
    private long maxLength = Long.MAX_VALUE;
    private boolean negate;
    private double weight;
    private Pattern shape;
    private Duration ttl;
    private final List<String> calls = new ArrayList<>();

    public void setHeader(String header) {
        this.header = header;
    }

    public void addValue(String value) {
        values.add(value);
    }

    public void setComparison(Comparison comparison) {
        this.comparison = comparison;
    }

    public void setMinLength(int minLength) {
        if (minLength < 0) {
            throw new IllegalArgumentException("min-length must not be negative");
        }
        this.minLength = minLength;
    }

    public void setMaxLength(Long maxLength) {
        this.maxLength = maxLength;
    }

    public void setNegate(boolean negate) {
        this.negate = negate;
    }

    public void setWeight(double weight) {
        this.weight = weight;
    }

    public void setShape(Pattern shape) {
        this.shape = shape;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }

    @PostConstruct
    void checkComplete() {
        calls.add("postConstruct");
        if (header == null) {
            throw new IllegalStateException("HeaderEquals needs a header");
        }
    }

    @Override
    public boolean isMatch(HttpServletRequest request) {
        String value = request.getHeader(header);
        boolean found = value != null && value.length() >= minLength && value.length() <= maxLength
                && values.stream().anyMatch(v -> comparison == Comparison.EXACT ? v.equals(value) : v.equalsIgnoreCase(value));
        return found != negate;
    }

    /** What the configuration set, for assertions. */
    public String state() {
        return header + " " + values + " " + comparison + " " + minLength + " " + maxLength + " " + negate + " "
                + weight + " " + (shape == null ? null : shape.pattern()) + " " + ttl + " " + calls;
    }
}
