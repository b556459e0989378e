package dev.turnpike.config;

import dev.turnpike.rules.Target;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checked attributes of one element, given to a {@link TagSpec.TagFactory}. Converting a
 * value (compiling a regexp, checking a target) reports a problem at the attribute's place and
 * marks the element as failed.
 */
final class TagContext {

    private final String file;
    private final ConfigElement element;
    private final Map<String, ConfigAttribute> byCanonicalName;
    private final List<ConfigProblem> problems;
    private boolean failed;

    TagContext(String file, ConfigElement element, Map<String, ConfigAttribute> byCanonicalName,
               List<ConfigProblem> problems) {
        this.file = file;
        this.element = element;
        this.byCanonicalName = byCanonicalName;
        this.problems = problems;
    }

    /** The value of an attribute by its canonical name, or {@code null} when absent. */
    String value(String name) {
        ConfigAttribute attribute = byCanonicalName.get(name);
        return attribute == null ? null : attribute.value();
    }

    /** The compiled regexp of an attribute, or {@code null} when absent or invalid. */
    Pattern regexp(String name) {
        ConfigAttribute attribute = byCanonicalName.get(name);
        if (attribute == null) {
            return null;
        }
        try {
            return Pattern.compile(attribute.value());
        } catch (PatternSyntaxException e) {
            problem(attribute, "TPC0105", "invalid regexp in '" + attribute.writtenName() + "' of "
                    + element.display() + ": " + e.getDescription() + " near index " + e.getIndex()
                    + " of \"" + attribute.value() + "\"");
            return null;
        }
    }

    /** The target of an attribute for the given regexp, or {@code null} when absent or invalid. */
    Target target(String name, Pattern regexp) {
        ConfigAttribute attribute = byCanonicalName.get(name);
        if (attribute == null) {
            return null;
        }
        try {
            return Target.of(attribute.value(), regexp);
        } catch (IllegalArgumentException e) {
            problem(attribute, "TPC0106", "invalid target \"" + attribute.value() + "\" in " + element.display()
                    + ": " + e.getMessage());
            return null;
        }
    }

    /** {@code file:line:column} of the element, recorded as the origin of what it builds. */
    String origin() {
        return file + ":" + element.position();
    }

    boolean failed() {
        return failed;
    }

    private void problem(ConfigAttribute attribute, String code, String message) {
        failed = true;
        problems.add(new ConfigProblem(file, attribute.position().line(), attribute.position().column(), code,
                message));
    }
}
