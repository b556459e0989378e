package dev.turnpike.config;

import dev.turnpike.config.TagSpec.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every tag Turnpike understands, looked up by namespace and name. Resin's own elements (the
 * containers and Resin 3.1 rules) are found in Resin's namespace or in no namespace; Resin 4's
 * rule tags in {@code urn:java:com.caucho.resin}. A {@code <web-app>} and its
 * {@code <servlet-mapping>}s are also found in the namespaces of a {@code web.xml}.
 */
final class TagCatalog {

    /** Resin's configuration namespace, the usual default namespace of resin.xml and resin-web.xml. */
    static final String RESIN_NS = "http://caucho.com/ns/resin";

    /** The namespace of Resin 4's {@code resin:*} tags. */
    static final String RESIN_TAGS_NS = "urn:java:com.caucho.resin";

    /** The namespaces of {@code web.xml}, Jakarta EE's first, then Java EE's and J2EE's. */
    static final List<String> WEB_XML_NS = List.of("https://jakarta.ee/xml/ns/jakartaee",
            "http://xmlns.jcp.org/xml/ns/javaee", "http://java.sun.com/xml/ns/javaee",
            "http://java.sun.com/xml/ns/j2ee");

    /** The tags a {@code web.xml} shares with Resin's configuration. */
    private static final List<String> WEB_XML_TAGS = List.of("web-app", ServletMappingTag.NAME);

    static final TagCatalog BUILT_IN = new TagCatalog();

    private final List<TagSpec> all = new ArrayList<>();
    private final Map<String, TagSpec> byKey = new HashMap<>();

    private TagCatalog() {
        all.addAll(ContainerTags.all());
        all.addAll(RewriteDispatchTags.all());
        all.addAll(ResinTags.all());
        all.add(ServletMappingTag.spec());
        for (TagSpec spec : all) {
            byKey.put(key(spec.namespace(), spec.name()), spec);
            if (spec.namespace().equals(RESIN_NS)) {
                byKey.put(key("", spec.name()), spec);
            }
            if (spec.namespace().equals(RESIN_NS) && WEB_XML_TAGS.contains(spec.name())) {
                for (String namespace : WEB_XML_NS) {
                    byKey.put(key(namespace, spec.name()), spec);
                }
            }
        }
    }

    private static String key(String namespace, String name) {
        return namespace + '|' + name;
    }

    List<TagSpec> all() {
        return all;
    }

    /** The spec of an element, or {@code null} when the tag is unknown. */
    TagSpec find(ConfigElement element) {
        return byKey.get(key(element.namespace(), element.localName()));
    }

    /** The spec of a root element: a container or a {@code <rewrite-dispatch>}, else {@code null}. */
    TagSpec root(ConfigElement element) {
        TagSpec spec = find(element);
        return spec != null && (spec.kind() == Kind.CONTAINER || spec.kind() == Kind.REWRITE_BLOCK) ? spec : null;
    }

    String rootNames() {
        List<String> names = new ArrayList<>();
        for (TagSpec spec : all) {
            if (spec.kind() == Kind.CONTAINER || spec.kind() == Kind.REWRITE_BLOCK) {
                names.add("<" + spec.name() + ">");
            }
        }
        return String.join(", ", names);
    }

    /**
     * Whether an unknown element of a container is probably a misspelt or misplaced rule tag (so
     * it is an error) rather than Resin configuration Turnpike does not use (so it is skipped).
     */
    boolean looksLikeRuleTag(ConfigElement element) {
        if (element.namespace().equals(RESIN_TAGS_NS)) {
            TagSpec suggestion = suggest(element);
            return suggestion != null && suggestion.namespace().equals(RESIN_TAGS_NS);
        }
        if (element.namespace().isEmpty() || element.namespace().equals(RESIN_NS)) {
            String name = element.localName();
            if (distance(name.toLowerCase(Locale.ROOT), "rewrite-dispatch") <= 2) {
                return true;
            }
            return byKey.containsKey(key(RESIN_TAGS_NS, name));
        }
        return false;
    }

    /**
     * The known tag an unknown element probably means: the same name in another namespace, or a
     * close spelling in the same namespace.
     */
    TagSpec suggest(ConfigElement element) {
        String name = element.localName();
        for (TagSpec spec : all) {
            if (spec.name().equals(name) && spec.kind() != Kind.CONTAINER) {
                return spec;
            }
        }
        for (TagSpec spec : all) {
            if (spec.name().equalsIgnoreCase(name) && spec.kind() != Kind.CONTAINER) {
                return spec;
            }
        }
        String namespace = element.namespace().isEmpty() ? RESIN_NS : element.namespace();
        TagSpec best = null;
        int bestDistance = Math.max(1, name.length() / 4) + 1;
        String lower = name.toLowerCase(Locale.ROOT);
        for (TagSpec spec : all) {
            if (spec.kind() == Kind.CONTAINER || !spec.namespace().equals(namespace)) {
                continue;
            }
            int d = distance(lower, spec.name().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = spec;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
