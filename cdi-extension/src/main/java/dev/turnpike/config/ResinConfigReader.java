package dev.turnpike.config;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.config.TagSpec.Mode;
import dev.turnpike.rules.RuleList;
import dev.turnpike.rules.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;

/**
 * Reads a Resin configuration into a {@link RuleSet}: a {@code resin.xml} ({@code <resin>} with
 * clusters, servers, hosts and web-apps), a {@code resin-web.xml} or {@code web.xml}
 * ({@code <web-app>}), or a bare {@code <rewrite-dispatch>}. Rules of both Resin generations are
 * read from every container: Resin 4's {@code resin:*} tags and Resin 3.1's
 * {@code <rewrite-dispatch>}. The web-apps' {@code <servlet-mapping>}s are read into
 * {@link RuleSet#mappings()}, for the plugin dispatch table.
 *
 * <p>Rule tags are checked strictly: every element and attribute must be one Turnpike knows,
 * and anything else is a problem naming the place and the names known there. Elements of a
 * container that are not about rules or mappings (servlets, databases, logging, ...) are skipped
 * and listed in {@link RuleSet#skipped()}. All problems in a file are collected, then reported
 * together; a file with problems produces no rule set at all.
 */
public final class ResinConfigReader {

    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    /** How deep imports may nest, so a file importing itself cannot loop. */
    static final int MAX_IMPORT_DEPTH = 8;

    private final TagCatalog catalog = TagCatalog.BUILT_IN;
    private final AppObjects objects;

    /** A reader making application objects by reflection ({@link AppObjects#REFLECTION}). */
    public ResinConfigReader() {
        this(AppObjects.REFLECTION);
    }

    /**
     * A reader getting the objects of application classes, and the rules declared in Java, from
     * {@code objects}.
     */
    public ResinConfigReader(AppObjects objects) {
        this.objects = Objects.requireNonNull(objects, "objects");
    }

    /** Where the objects of application classes come from. */
    AppObjects objects() {
        return objects;
    }

    /**
     * Reads one configuration that has no directory for relative imports.
     *
     * @param file    the file name used in problems and as the rule set's source
     * @param content the file's bytes
     * @throws ConfigException listing every problem in the file
     */
    public RuleSet read(String file, byte[] content) throws ConfigException {
        return read(file, content, null);
    }

    /**
     * Reads one configuration file.
     *
     * @param directory where relative {@code <import path>}s resolve, or {@code null}
     * @throws ConfigException listing every problem in the file (and in the files it imports)
     */
    public RuleSet read(String file, byte[] content, Path directory) throws ConfigException {
        ConfigElement root = ConfigDocumentReader.read(file, content);
        Releases releases = new Releases();
        try {
            RuleSet rules = IisWebConfig.isRoot(root) ? IisWebConfig.read(file, root)
                    : readRoot(file, root, directory, releases);
            return DeclaredRules.addTo(rules, objects, releases).withRelease(releases::releaseAll);
        } catch (ConfigException | RuntimeException | Error e) {
            releases.releaseAll();
            throw e;
        }
    }

    private RuleSet readRoot(String file, ConfigElement root, Path directory, Releases releases) throws ConfigException {
        ReadSession session = new ReadSession(this, file, directory, 0, releases);
        TagSpec rootSpec = catalog.root(root);
        if (rootSpec == null) {
            throw new ConfigException(List.of(new ConfigProblem(file, root.position().line(), root.position().column(),
                    "TPC0101", "the root element must be one of " + catalog.rootNames() + " in namespace "
                    + TagCatalog.RESIN_NS + " (or no namespace), the <web-app> of a web.xml, or the <configuration>"
                    + " of an IIS web.config, not "
                    + root.display()
                    + (root.namespace().isEmpty() ? "" : " in namespace " + root.namespace()))));
        }
        Object built = build(session, root, rootSpec);
        session.finish();
        if (!session.problems().isEmpty()) {
            throw new ConfigException(session.problems());
        }
        return Containers.toRuleSet(built, file, List.copyOf(session.skipped()), session.imports(),
                session.warnings());
    }

    /**
     * Reads an imported file, whose root is {@code <rewrite-dispatch>}.
     *
     * @throws ConfigException listing every problem in the file
     */
    RuleList readImport(String file, byte[] content, Path directory, int depth, Releases releases)
            throws ConfigException {
        ConfigElement root = ConfigDocumentReader.read(file, content);
        ReadSession session = new ReadSession(this, file, directory, depth, releases);
        TagSpec spec = catalog.find(root);
        if (spec == null || spec.kind() != Kind.REWRITE_BLOCK) {
            throw new ConfigException(List.of(new ConfigProblem(file, root.position().line(), root.position().column(),
                    "TPC0101", "an imported file's root element must be <rewrite-dispatch>, not " + root.display())));
        }
        Object built = build(session, root, spec);
        session.finish();
        if (!session.problems().isEmpty()) {
            throw new ConfigException(session.problems());
        }
        return ((Containers.RewriteBlock) built).rules();
    }

    /** Checks one element against its spec, builds its children, then the element itself. */
    private Object build(ReadSession session, ConfigElement element, TagSpec spec) {
        return build(session, element, spec, false);
    }

    /**
     * Checks one element against its spec, builds its children, then the element itself.
     *
     * @param application whether the element names an application class: problems with its own
     *                    properties and object (not with its children) are then marked as problems
     *                    with the application ({@link ConfigProblem#application()})
     */
    private Object build(ReadSession session, ConfigElement element, TagSpec spec, boolean application) {
        int before = session.problems().size();
        Map<String, List<ConfigAttribute>> attributes = new LinkedHashMap<>();
        checkAttributes(session, element, spec, attributes);
        if (spec.scope() != null) {
            session.enter(spec.scope().variables(element));
        }
        try {
            if (!element.text().isEmpty()) {
                session.problem(element.textPosition(), "TPC0107", "unexpected text \"" + abbreviate(element.text())
                        + "\" in " + element.display() + "; " + (spec.children().isEmpty()
                        ? "it takes no content" : "it takes only child elements"));
            }
            List<Object> children = new ArrayList<>();
            int childrenFrom = session.problems().size();
            for (ConfigElement child : element.children()) {
                buildChild(session, element, spec, child, attributes, children);
            }
            int childrenTo = session.problems().size();
            if (application) {
                session.markApplication(before, childrenFrom, CustomTags.APPLICATION_CODES);
            }
            checkRequired(session, element, spec, attributes);
            if (session.problems().size() > before) {
                return null;
            }
            TagContext context = new TagContext(session, element, spec, attributes);
            Object built = spec.factory().create(context, children);
            if (application) {
                session.markApplication(childrenTo, session.problems().size(), CustomTags.APPLICATION_CODES);
            }
            return context.failed() ? null : built;
        } finally {
            if (spec.scope() != null) {
                session.leave();
            }
        }
    }

    private void buildChild(ReadSession session, ConfigElement parent, TagSpec parentSpec, ConfigElement child,
                            Map<String, List<ConfigAttribute>> attributes, List<Object> children) {
        TagSpec childSpec = catalog.find(child);
        if (childSpec == null && CustomTags.names(child) && attributeElement(parentSpec, parent, child) == null) {
            buildCustom(session, parentSpec, child, children);
            return;
        }
        if (childSpec != null && parentSpec.children().contains(childSpec.kind())) {
            Object built = build(session, child, childSpec);
            if (built != null) {
                children.add(built);
            }
            return;
        }
        AttributeSpec asElement = attributeElement(parentSpec, parent, child);
        if (asElement != null) {
            addAttribute(session, parent, asElement, new ConfigAttribute("", child.localName(), child.writtenName(),
                    child.text(), child.position()), attributes);
            return;
        }
        if (parentSpec.mode() == Mode.CONTAINER && childSpec == null && !catalog.looksLikeRuleTag(child)) {
            session.skipped(child.display());
            return;
        }
        StringBuilder message = new StringBuilder();
        String code;
        if (childSpec != null) {
            code = "TPC0110";
            message.append(child.display()).append(" is ").append(describe(childSpec.kind()))
                    .append(" and cannot stand in ").append(parent.display());
            if (childSpec.kind() == Kind.OLD_RULE) {
                message.append(" (Resin 3.1 rules go inside <rewrite-dispatch>)");
            }
        } else {
            code = "TPC0102";
            message.append("unknown element ").append(child.display()).append(" in ").append(parent.display());
            TagSpec suggestion = catalog.suggest(child);
            if (suggestion != null && suggestion.namespace().equals(child.namespace())) {
                message.append("; did you mean <").append(suggestion.display()).append(">?");
            } else if (suggestion != null) {
                message.append(" (namespace ").append(child.namespace().isEmpty() ? "none" : child.namespace())
                        .append("); did you mean <").append(suggestion.display()).append("> with xmlns:resin=\"")
                        .append(suggestion.namespace()).append("\"?");
            }
        }
        message.append("; ").append(knownChildren(parentSpec));
        session.problem(child.position(), code, message.toString());
    }

    /**
     * Builds an element naming an application class. In a container, an element naming a class
     * that is no rule part (an ordinary bean, or a class not deployed with Turnpike) is skipped
     * and listed, as other Resin configuration is; elsewhere it is an error.
     */
    private void buildCustom(ReadSession session, TagSpec parentSpec, ConfigElement child, List<Object> children) {
        CustomTags.Resolution resolution = CustomTags.resolve(child, objects);
        TagSpec spec = resolution.spec();
        boolean container = parentSpec.mode() == Mode.CONTAINER;
        if (spec != null && parentSpec.children().contains(spec.kind())) {
            Object built = build(session, child, spec, true);
            if (built != null) {
                children.add(built);
            }
        } else if (container && !resolution.broken() && (spec == null || spec.kind() == Kind.CONDITION)) {
            session.skipped(child.display() + " (" + (spec == null ? resolution.problem()
                    : "a predicate outside any rule") + ")");
        } else {
            String why = spec == null ? resolution.problem() : "it is " + describe(spec.kind());
            int at = session.problems().size();
            session.problem(child.position(), "TPC0115", "cannot use " + child.display() + " in <"
                    + parentSpec.display() + ">: " + why + (parentSpec.children().isEmpty() ? ""
                    : "; an application class used here must be " + kinds(parentSpec)));
            session.markApplication(at, at + 1, CustomTags.APPLICATION_CODES);
        }
    }

    private static String kinds(TagSpec parentSpec) {
        List<String> kinds = new ArrayList<>();
        if (parentSpec.children().contains(Kind.CONDITION)) {
            kinds.add("a dev.turnpike.spi.RequestPredicate");
        }
        if (parentSpec.children().contains(Kind.RULE)) {
            kinds.add("a dev.turnpike.spi.AbstractTargetDispatchRule");
        }
        if (parentSpec.children().contains(Kind.FILTER)) {
            kinds.add("a jakarta.servlet.Filter");
        }
        return kinds.isEmpty() ? "none (no application classes are taken here)" : String.join(" or ", kinds);
    }

    /**
     * The attribute a child element sets, when it is written as {@code <name>value</name>} in no
     * namespace, Resin's, the tag's or its parent's (a {@code web.xml}'s {@code <url-pattern>}).
     */
    private static AttributeSpec attributeElement(TagSpec spec, ConfigElement parent, ConfigElement child) {
        boolean plain = child.children().isEmpty() && child.attributes().isEmpty()
                && (child.namespace().isEmpty() || child.namespace().equals(TagCatalog.RESIN_NS)
                || child.namespace().equals(spec.namespace()) || child.namespace().equals(parent.namespace()));
        return plain ? spec.attribute(child.localName()) : null;
    }

    private void checkAttributes(ReadSession session, ConfigElement element, TagSpec spec,
                                 Map<String, List<ConfigAttribute>> attributes) {
        for (ConfigAttribute attribute : element.attributes().values()) {
            if (attribute.namespace().equals(XSI_NS) || attribute.namespace().equals(XMLConstants.XML_NS_URI)) {
                continue;
            }
            AttributeSpec attributeSpec = attribute.namespace().isEmpty() ? spec.attribute(attribute.localName()) : null;
            if (attributeSpec == null) {
                if (spec.mode() != Mode.CONTAINER) {
                    session.problem(attribute.position(), "TPC0103", "unknown attribute '" + attribute.writtenName()
                            + "' on " + element.display() + "; " + knownAttributes(spec));
                }
                continue;
            }
            addAttribute(session, element, attributeSpec, attribute, attributes);
        }
    }

    private static void addAttribute(ReadSession session, ConfigElement element, AttributeSpec spec,
                                     ConfigAttribute attribute, Map<String, List<ConfigAttribute>> attributes) {
        List<ConfigAttribute> earlier = attributes.computeIfAbsent(spec.name(), name -> new ArrayList<>());
        if (!earlier.isEmpty() && !spec.repeatable()) {
            ConfigAttribute first = earlier.get(0);
            session.problem(attribute.position(), "TPC0108", first.writtenName().equals(attribute.writtenName())
                    ? "'" + attribute.writtenName() + "' is given twice on " + element.display() + "; give it once"
                    : "'" + attribute.writtenName() + "' and '" + first.writtenName() + "' on " + element.display()
                    + " are two names for the same setting; give only one");
            return;
        }
        if (attribute.value().isEmpty() && spec.required()) {
            session.problem(attribute.position(), "TPC0109", "attribute '" + attribute.writtenName() + "' of "
                    + element.display() + " is empty; it gives " + spec.purpose());
        }
        earlier.add(attribute);
    }

    private static void checkRequired(ReadSession session, ConfigElement element, TagSpec spec,
                                      Map<String, List<ConfigAttribute>> attributes) {
        for (AttributeSpec attributeSpec : spec.attributes()) {
            if (attributeSpec.required() && !attributes.containsKey(attributeSpec.name())) {
                session.problem(element.position(), "TPC0104", element.display() + " needs attribute '"
                        + attributeSpec.name() + "': " + attributeSpec.purpose());
            }
        }
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case CONDITION, OLD_CONDITION -> "a condition";
            case RULE, OLD_RULE -> "a rule";
            case FILTER -> "a filter";
            case REWRITE_BLOCK -> "a <rewrite-dispatch> block";
            case CONTAINER -> "a container";
            case MAPPING -> "a servlet mapping";
        };
    }

    private String knownChildren(TagSpec parentSpec) {
        if (parentSpec.children().isEmpty()) {
            return "<" + parentSpec.display() + "> takes no child elements";
        }
        List<String> groups = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (!parentSpec.children().contains(kind)) {
                continue;
            }
            String names = catalog.all().stream()
                    .filter(tag -> tag.kind() == kind)
                    .map(tag -> "<" + tag.display() + ">")
                    .sorted()
                    .distinct()
                    .collect(Collectors.joining(", "));
            groups.add(kind.plural() + " " + names);
        }
        return "known here: " + String.join("; ", groups);
    }

    private static String knownAttributes(TagSpec spec) {
        if (spec.attributes().isEmpty()) {
            return "<" + spec.display() + "> takes no attributes";
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

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
