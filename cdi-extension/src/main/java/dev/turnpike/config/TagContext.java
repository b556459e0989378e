package dev.turnpike.config;

import dev.turnpike.cron.CronSchedule;
import dev.turnpike.cron.CronSyntaxException;
import dev.turnpike.match.RegexAnalysis;
import dev.turnpike.net.IpNetworks;
import dev.turnpike.rules.ConfigSyntax;
import dev.turnpike.rules.Target;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checked attributes of one element, given to a {@link TagSpec.TagFactory}. Converting a
 * value (compiling a regexp, checking a target, parsing a schedule) reports a problem at the
 * attribute's place and marks the element as failed. Values have their configuration-time
 * {@code ${...}} variables resolved.
 */
final class TagContext {

    private final ReadSession session;
    private final ConfigElement element;
    private final TagSpec spec;
    private final Map<String, List<ConfigAttribute>> byCanonicalName;
    private boolean failed;

    TagContext(ReadSession session, ConfigElement element, TagSpec spec,
               Map<String, List<ConfigAttribute>> byCanonicalName) {
        this.session = session;
        this.element = element;
        this.spec = spec;
        this.byCanonicalName = byCanonicalName;
    }

    private ConfigAttribute first(String name) {
        List<ConfigAttribute> all = byCanonicalName.get(name);
        return all == null ? null : all.get(0);
    }

    /** Every value of a repeatable attribute, variables resolved, in file order. */
    List<String> values(String name) {
        List<ConfigAttribute> all = byCanonicalName.getOrDefault(name, List.of());
        List<String> values = new java.util.ArrayList<>(all.size());
        for (ConfigAttribute attribute : all) {
            String value = resolve(attribute, attribute.value());
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    ReadSession session() {
        return session;
    }

    ConfigElement element() {
        return element;
    }

    /** Whether the attribute was given. */
    boolean has(String name) {
        return byCanonicalName.containsKey(name);
    }

    /** The value of an attribute by its canonical name, variables resolved; {@code null} when absent. */
    String value(String name) {
        ConfigAttribute attribute = first(name);
        return attribute == null ? null : resolve(attribute, attribute.value());
    }

    /** The value, or a default when absent. */
    String value(String name, String fallback) {
        String value = value(name);
        return value == null ? fallback : value;
    }

    private String resolve(ConfigAttribute attribute, String value) {
        if (value.indexOf("${") < 0) {
            return value;
        }
        String resolved = Variables.resolve(value, session.variables());
        if (resolved == null) {
            fail(attribute.position(), "TPC0112", unknownVariable(value) + " (in '" + attribute.writtenName()
                    + "' of " + element.display() + ")");
            return null;
        }
        return resolved;
    }

    private String unknownVariable(String value) {
        return "cannot resolve the configuration variable in \"" + value + "\"; known here: "
                + (session.variables().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(
                session.variables().keySet())))
                + " (${...} is resolved once at load time; write $1... for regexp groups)";
    }

    /** The compiled regexp of an attribute, or {@code null} when absent or invalid. */
    Pattern regexp(String name) {
        return regexp(name, 0);
    }

    /** The compiled regexp of an attribute with {@link Pattern} flags. */
    Pattern regexp(String name, int flags) {
        String value = value(name);
        return value == null ? null : compile(name, value, flags);
    }

    /**
     * Compiles a pattern given by an attribute (possibly a test attribute whose value is a
     * pattern); a syntax error is a problem at the attribute, and the result {@code null}.
     */
    Pattern compile(String name, String value, int flags) {
        ConfigAttribute attribute = first(name);
        try {
            Pattern pattern = Pattern.compile(value, flags);
            if (RegexAnalysis.of(pattern).nestedQuantifier()) {
                session.warning(attribute == null ? element.position() : attribute.position(), "TPW0001", "the regexp"
                        + " \"" + value + "\" in '" + (attribute == null ? name : attribute.writtenName()) + "' of "
                        + element.display() + " repeats a part that itself repeats; a crafted request can make such a"
                        + " pattern backtrack for a very long time. Turnpike stops a match after a budget and treats"
                        + " it as not matching, so prefer a pattern without nested repetition");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            fail(attribute == null ? element.position() : attribute.position(), "TPC0105", "invalid regexp in '"
                    + (attribute == null ? name : attribute.writtenName()) + "' of " + element.display() + ": "
                    + e.getDescription() + " near index " + e.getIndex() + " of \"" + value + "\"");
            return null;
        }
    }

    /** The target of an attribute for the given regexp, or {@code null} when absent or invalid. */
    Target target(String name, Pattern regexp, Target.Replace replace) {
        ConfigAttribute attribute = first(name);
        String value = value(name);
        if (value == null) {
            return null;
        }
        try {
            return Target.of(value, regexp, replace);
        } catch (IllegalArgumentException e) {
            fail(attribute.position(), "TPC0106", "invalid target \"" + value + "\" in '" + attribute.writtenName()
                    + "' of " + element.display() + ": " + e.getMessage());
            return null;
        }
    }

    /** {@code true} / {@code false} (any case); the default when absent. */
    boolean bool(String name, boolean fallback) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            return (Boolean) BeanProperties.convert(value, boolean.class);
        } catch (IllegalArgumentException e) {
            invalid(name, e.getMessage());
            return fallback;
        }
    }

    /** A whole number in a range; the default when absent. */
    int integer(String name, int min, int max, int fallback) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        invalid(name, "'" + value + "' is not a whole number from " + min + " to " + max);
        return fallback;
    }

    /** One of the given words (case-insensitive, returned as listed); the default when absent. */
    String choice(String name, List<String> choices, String fallback) {
        String value = value(name);
        if (value == null) {
            return fallback;
        }
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(value.trim())) {
                return choice;
            }
        }
        invalid(name, "'" + value + "' is not valid; valid: " + String.join(", ", choices));
        return fallback;
    }

    /** A cron schedule, or {@code null} when absent or invalid. */
    CronSchedule cron(String name) {
        String value = value(name);
        if (value == null) {
            return null;
        }
        try {
            return CronSchedule.parse(value);
        } catch (CronSyntaxException e) {
            invalid(name, e.getMessage() + "; the form is 'minute hour day-of-month month day-of-week'");
            return null;
        }
    }

    /** A period in Resin syntax ({@code 2s}, {@code 500ms}, {@code 1m}); the default when absent. */
    long period(String name, long fallbackMillis) {
        String value = value(name);
        if (value == null) {
            return fallbackMillis;
        }
        try {
            return Period.parse(value).toMillis();
        } catch (IllegalArgumentException e) {
            invalid(name, e.getMessage());
            return fallbackMillis;
        }
    }

    /** Networks from whitespace- or comma-separated values, or {@code null} when invalid. */
    IpNetworks networks(String name, List<String> values) {
        try {
            return IpNetworks.parse(values);
        } catch (IllegalArgumentException e) {
            invalid(name, e.getMessage());
            return null;
        }
    }

    /** Reports a bad value of an attribute. */
    void invalid(String name, String message) {
        ConfigAttribute attribute = first(name);
        Position at = attribute == null ? element.position() : attribute.position();
        String written = attribute == null ? name : attribute.writtenName();
        fail(at, "TPC0111", "invalid '" + written + "' on " + element.display() + ": " + message);
    }

    /**
     * Reports a problem at an attribute when it was given, else at the element.
     *
     * @param name the attribute's canonical name, or {@code null} for the element
     */
    void problemAt(String name, String code, String message) {
        ConfigAttribute attribute = name == null ? null : first(name);
        fail(attribute == null ? element.position() : attribute.position(), code, message);
    }

    /** Reports a problem with the element as a whole. */
    void problem(String code, String message) {
        fail(element.position(), code, message);
    }

    private void fail(Position at, String code, String message) {
        failed = true;
        session.problem(at, code, message);
    }

    /** {@code file:line:column} of the element, recorded as the origin of what it builds. */
    String origin() {
        return session.file() + ":" + element.position();
    }

    /** The element's tag as shown in messages. */
    String display() {
        return spec.display();
    }

    /** The element as written (attributes in file order) with the given children, for listings and logs. */
    String syntax(List<?> children) {
        StringBuilder attributes = new StringBuilder();
        for (ConfigAttribute attribute : element.attributes().values()) {
            if (attribute.namespace().isEmpty()) {
                attributes.append(ConfigSyntax.attribute(attribute.writtenName(), attribute.value()));
            }
        }
        return ConfigSyntax.element(spec.display(), attributes.toString(), children);
    }

    boolean failed() {
        return failed;
    }
}
