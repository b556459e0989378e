package dev.turnpike.config;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;

/**
 * Reads a Resin rule configuration ({@code resin-web.xml} style, root {@code <web-app>}) into a
 * {@link RuleSet}.
 *
 * <p>Every element and attribute must be one Turnpike knows: anything else is a problem naming
 * the place and the names known there. All problems in a file are collected, then reported
 * together; a file with problems produces no rule set at all.
 */
public final class ResinConfigReader {

    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final List<TagSpec> tags;

    /** A reader for the built-in Resin tags. */
    public ResinConfigReader() {
        this.tags = ResinTags.ALL;
    }

    /**
     * Reads one configuration file.
     *
     * @param file    the file name used in problems and as the rule set's source
     * @param content the file's bytes
     * @throws ConfigException listing every problem in the file
     */
    public RuleSet read(String file, byte[] content) throws ConfigException {
        ConfigElement root = ConfigDocumentReader.read(file, content);
        List<ConfigProblem> problems = new ArrayList<>();
        if (!isRoot(root)) {
            throw new ConfigException(List.of(problem(file, root.position(), "TPC0101", "the root element must be"
                    + " <web-app> in namespace " + ResinTags.RESIN_NS + " (or no namespace), not "
                    + root.display() + (root.namespace().isEmpty() ? "" : " in namespace " + root.namespace()))));
        }
        Object built = build(file, root, ResinTags.WEB_APP, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<Rule> rules = new ArrayList<>();
        for (Object child : (List<?>) built) {
            rules.add((Rule) child);
        }
        return new RuleSet(rules, file);
    }

    private static boolean isRoot(ConfigElement root) {
        return root.localName().equals(ResinTags.WEB_APP.name())
                && (root.namespace().equals(ResinTags.RESIN_NS) || root.namespace().isEmpty());
    }

    /** Checks one element against its spec, builds its children, then the element itself. */
    private Object build(String file, ConfigElement element, TagSpec spec, List<ConfigProblem> problems) {
        int before = problems.size();
        Map<String, ConfigAttribute> attributes = checkAttributes(file, element, spec, problems);
        if (!element.text().isEmpty()) {
            problems.add(problem(file, element.textPosition(), "TPC0107", "unexpected text \""
                    + abbreviate(element.text()) + "\" in " + element.display() + "; "
                    + (spec.children().isEmpty() ? "it takes no content" : "it takes only child elements")));
        }
        List<Object> children = new ArrayList<>();
        for (ConfigElement child : element.children()) {
            TagSpec childSpec = childSpec(file, element, spec, child, problems);
            if (childSpec != null) {
                Object built = build(file, child, childSpec, problems);
                if (built != null) {
                    children.add(built);
                }
            }
        }
        if (problems.size() > before) {
            return null;
        }
        TagContext context = new TagContext(file, element, attributes, problems);
        Object built = spec.factory().create(context, children);
        return context.failed() ? null : built;
    }

    private Map<String, ConfigAttribute> checkAttributes(String file, ConfigElement element, TagSpec spec,
                                                         List<ConfigProblem> problems) {
        Map<String, ConfigAttribute> byCanonical = new LinkedHashMap<>();
        for (ConfigAttribute attribute : element.attributes().values()) {
            if (attribute.namespace().equals(XSI_NS)) {
                continue;
            }
            AttributeSpec attributeSpec = attribute.namespace().isEmpty() ? spec.attribute(attribute.localName()) : null;
            if (attributeSpec == null) {
                problems.add(problem(file, attribute.position(), "TPC0103", "unknown attribute '"
                        + attribute.writtenName() + "' on " + element.display() + "; " + knownAttributes(spec)));
                continue;
            }
            ConfigAttribute earlier = byCanonical.putIfAbsent(attributeSpec.name(), attribute);
            if (earlier != null) {
                problems.add(problem(file, attribute.position(), "TPC0108", "'" + attribute.writtenName()
                        + "' and '" + earlier.writtenName() + "' on " + element.display()
                        + " are two names for the same setting; give only one"));
            } else if (attribute.value().isEmpty() && attributeSpec.required()) {
                problems.add(problem(file, attribute.position(), "TPC0109", "attribute '" + attribute.writtenName()
                        + "' of " + element.display() + " is empty; it gives " + attributeSpec.purpose()));
            }
        }
        for (AttributeSpec attributeSpec : spec.attributes()) {
            if (attributeSpec.required() && !byCanonical.containsKey(attributeSpec.name())) {
                problems.add(problem(file, element.position(), "TPC0104", element.display() + " needs attribute '"
                        + attributeSpec.name() + "': " + attributeSpec.purpose()));
            }
        }
        return byCanonical;
    }

    private TagSpec childSpec(String file, ConfigElement parent, TagSpec parentSpec, ConfigElement child,
                              List<ConfigProblem> problems) {
        TagSpec found = null;
        for (TagSpec candidate : tags) {
            if (candidate.name().equals(child.localName()) && candidate.namespace().equals(child.namespace())) {
                found = candidate;
            }
        }
        if (found != null && parentSpec.children().contains(found.kind())) {
            return found;
        }
        StringBuilder message = new StringBuilder();
        if (found != null) {
            message.append(child.display()).append(" is a ").append(found.kind() == Kind.CONDITION ? "condition" : "rule")
                    .append(" and cannot stand in ").append(parent.display());
        } else {
            message.append("unknown element ").append(child.display()).append(" in ").append(parent.display());
            TagSpec sameName = sameNameOtherNamespace(child);
            if (sameName != null) {
                message.append(" (namespace ").append(child.namespace().isEmpty() ? "none" : child.namespace())
                        .append("); did you mean ").append(sameName.display()).append(" with xmlns:resin=\"")
                        .append(sameName.namespace()).append("\"?");
            }
        }
        message.append("; ").append(knownChildren(parentSpec));
        problems.add(problem(file, child.position(), found != null ? "TPC0110" : "TPC0102", message.toString()));
        return null;
    }

    private TagSpec sameNameOtherNamespace(ConfigElement child) {
        for (TagSpec candidate : tags) {
            if (candidate.name().equals(child.localName()) && candidate.kind() != Kind.ROOT) {
                return candidate;
            }
        }
        return null;
    }

    private String knownChildren(TagSpec parentSpec) {
        if (parentSpec.children().isEmpty()) {
            return parentSpec.display() + " takes no child elements";
        }
        String names = tags.stream()
                .filter(tag -> parentSpec.children().contains(tag.kind()))
                .map(TagSpec::display)
                .sorted()
                .collect(Collectors.joining(", "));
        String kinds = parentSpec.children().stream().map(Kind::plural).sorted().distinct()
                .collect(Collectors.joining(" and "));
        return "known " + kinds + " here: " + names;
    }

    private static String knownAttributes(TagSpec spec) {
        if (spec.attributes().isEmpty()) {
            return spec.display() + " takes no attributes";
        }
        List<String> names = new ArrayList<>();
        for (AttributeSpec attribute : spec.attributes()) {
            names.add(attribute.name());
            names.addAll(attribute.aliases());
        }
        names.sort(null);
        return "known attributes: " + String.join(", ", names);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }

    private static ConfigProblem problem(String file, Position at, String code, String message) {
        return new ConfigProblem(file, at.line(), at.column(), code, message);
    }
}
