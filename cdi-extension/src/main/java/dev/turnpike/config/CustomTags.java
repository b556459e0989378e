package dev.turnpike.config;

import static dev.turnpike.config.AttributeSpec.optional;
import static dev.turnpike.config.AttributeSpec.repeatable;

import dev.turnpike.config.TagSpec.Kind;
import dev.turnpike.rules.Rule;
import dev.turnpike.rules.Target;
import dev.turnpike.rules.custom.CustomCondition;
import dev.turnpike.rules.custom.CustomDispatch;
import dev.turnpike.rules.custom.ServletFilterRule;
import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.RequestPredicate;
import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags for application classes, referenced as Resin 4 references beans: an element in the
 * namespace {@code urn:java:com.example.office} named {@code OutsideOfficeHours} stands for the
 * class {@code com.example.office.OutsideOfficeHours} (or what else the reader's
 * {@link AppObjects} finds by that name, such as a {@code @Named} bean). A {@link RequestPredicate}
 * is a condition, an {@link AbstractTargetDispatchRule} a rule, a servlet {@link Filter} a filter.
 * The tag's attributes are the class's bean properties (plus {@code regexp} and {@code target}
 * for rules), so the generic reader checks them like any built-in tag's.
 *
 * <p>A class is loaded without being initialised, and an object is made only once the class
 * proved to be one of the three kinds, so a configuration cannot run arbitrary code by naming a
 * class. Each element's object is made, configured, validated and initialised as
 * {@link AppObjects} describes.
 */
final class CustomTags {

    private static final String JAVA_NS = "urn:java:";
    private static final List<AttributeSpec> RULE_ATTRIBUTES = List.of(
            ResinTags.REGEXP,
            optional("target", "the target handed to the rule; $1... insert the regexp's groups"),
            optional("absolute-target", "accepted for Resin compatibility; ignored by application rules"),
            ResinTags.TARGET_HOST);

    /**
     * The codes of problems with application classes rather than with the configuration's tags,
     * when they concern an element naming an application class: unknown properties (TPC0103),
     * invalid property values (TPC0111), unusable classes (TPC0115), failures making or
     * initialising the object (TPC0116), constraint violations (TPC0120) and properties given to
     * a shared bean (TPC0121).
     */
    static final Set<String> APPLICATION_CODES = Set.of("TPC0103", "TPC0111", "TPC0115", "TPC0116", "TPC0120",
            "TPC0121");

    /**
     * What an element in a {@code urn:java:} namespace names.
     *
     * @param spec    the tag, when the class is one Turnpike can use; else {@code null}
     * @param problem why the class cannot be used, when {@code spec} is {@code null}
     * @param broken  whether the class is meant as a rule part but cannot be made (so the
     *                element is an error even where unknown beans are skipped)
     */
    record Resolution(TagSpec spec, String problem, boolean broken) {
    }

    private CustomTags() {
    }

    /** Whether an element names an application class rather than a Resin or Turnpike tag. */
    static boolean names(ConfigElement element) {
        return element.namespace().startsWith(JAVA_NS) && !element.namespace().equals(TagCatalog.RESIN_TAGS_NS);
    }

    static Resolution resolve(ConfigElement element, AppObjects objects) {
        String packageName = element.namespace().substring(JAVA_NS.length());
        AppObjects.Lookup lookup = objects.find(packageName, element.localName());
        if (lookup.candidate() == null) {
            return new Resolution(null, lookup.problem(), lookup.broken());
        }
        AppObjects.Candidate candidate = lookup.candidate();
        Kind kind = kind(candidate.type());
        if (kind == null) {
            return new Resolution(null, candidate.describe() + " is not a " + RequestPredicate.class.getName() + ", "
                    + AbstractTargetDispatchRule.class.getName() + " or " + Filter.class.getName(), false);
        }
        String unusable = candidate.unusable();
        if (unusable != null) {
            return new Resolution(null, unusable, true);
        }
        return new Resolution(spec(element, candidate, kind, objects), null, false);
    }

    /** What a class makes, or {@code null} when it is none of the three kinds. */
    static Kind kind(Class<?> type) {
        if (RequestPredicate.class.isAssignableFrom(type)) {
            return Kind.CONDITION;
        } else if (AbstractTargetDispatchRule.class.isAssignableFrom(type)) {
            return Kind.RULE;
        } else if (Filter.class.isAssignableFrom(type)) {
            return Kind.FILTER;
        }
        return null;
    }

    private static TagSpec spec(ConfigElement element, AppObjects.Candidate candidate, Kind kind, AppObjects objects) {
        Class<?> type = candidate.type();
        Map<String, BeanProperties.Property> properties = BeanProperties.of(type);
        List<AttributeSpec> attributes = new ArrayList<>(kind == Kind.RULE ? RULE_ATTRIBUTES : List.of());
        for (BeanProperties.Property property : properties.values()) {
            String purpose = "property '" + property.beanName() + "' of " + type.getName() + " ("
                    + property.type().getSimpleName() + ")";
            String[] aliases = property.beanName().equals(property.name()) ? new String[0]
                    : new String[] {property.beanName()};
            boolean shadowed = attributes.stream().anyMatch(a -> a.answersTo(property.name()));
            if (!shadowed) {
                attributes.add(property.repeatable() ? repeatable(property.name(), false, purpose, aliases)
                        : optional(property.name(), purpose, aliases));
            }
        }
        Set<Kind> children = kind == Kind.RULE ? Set.of(Kind.CONDITION, Kind.FILTER) : Set.of();
        return TagSpec.strict(element.namespace(), element.localName(), element.writtenName(), kind,
                List.copyOf(attributes), children, (c, built) -> create(c, built, candidate, kind, properties, objects));
    }

    private static Object create(TagContext c, List<Object> children, AppObjects.Candidate candidate, Kind kind,
                                 Map<String, BeanProperties.Property> properties, AppObjects objects) {
        Object bean = instantiate(c, candidate, properties, objects);
        if (bean == null) {
            return null;
        }
        String syntax = c.syntax(children);
        return switch (kind) {
            case CONDITION -> new CustomCondition((RequestPredicate) bean, syntax);
            case FILTER -> new ServletFilterRule((Filter) bean, candidate.type().getSimpleName(), syntax);
            default -> rule(c, children, (AbstractTargetDispatchRule) bean);
        };
    }

    private static Rule rule(TagContext c, List<Object> children, AbstractTargetDispatchRule bean) {
        Pattern regexp = c.regexp("regexp");
        Target target = c.target("target", regexp, Target.Replace.FIRST);
        return RuleParts.resin4(c, children, regexp, new CustomDispatch(bean, target));
    }

    /**
     * Makes the object, sets its properties, validates it and runs its {@code @PostConstruct};
     * {@code null} after a problem. The object is recorded for release as soon as it exists.
     */
    private static Object instantiate(TagContext c, AppObjects.Candidate candidate,
                                      Map<String, BeanProperties.Property> properties, AppObjects objects) {
        String shared = candidate.sharedBecause();
        if (shared != null) {
            for (BeanProperties.Property property : properties.values()) {
                if (c.has(property.name())) {
                    c.problemAt(property.name(), "TPC0121", "cannot set '" + property.name() + "' on "
                            + c.element().display() + ": it is " + shared + ", and setting it would change that"
                            + " object for everyone; remove the attribute, or make the bean @Dependent so that each"
                            + " element gets an instance of its own");
                }
            }
            if (c.failed()) {
                return null;
            }
        }
        AppObjects.Made made;
        try {
            made = candidate.make();
        } catch (AppObjects.Failure e) {
            c.problem("TPC0116", e.getMessage());
            return null;
        }
        c.session().made(made);
        Object bean = made.object();
        if (shared != null) {
            return bean;
        }
        Class<?> type = candidate.type();
        for (BeanProperties.Property property : properties.values()) {
            if (!c.has(property.name())) {
                continue;
            }
            List<String> values = property.repeatable() ? c.values(property.name())
                    : c.value(property.name()) == null ? List.of() : List.of(c.value(property.name()));
            for (String value : values) {
                Object converted;
                try {
                    converted = BeanProperties.convert(value, property.type());
                } catch (IllegalArgumentException e) {
                    c.invalid(property.name(), e.getMessage());
                    continue;
                }
                try {
                    property.method().invoke(bean, converted);
                } catch (InvocationTargetException e) {
                    c.invalid(property.name(), type.getSimpleName() + "." + property.method().getName()
                            + " refused \"" + value + "\": " + ReflectiveAppObjects.describe(e.getCause()));
                } catch (ReflectiveOperationException e) {
                    c.invalid(property.name(), "cannot call " + property.method() + ": "
                            + ReflectiveAppObjects.describe(e));
                }
            }
        }
        if (c.failed()) {
            return null;
        }
        for (AppObjects.Violation violation : objects.validate(bean)) {
            String attribute = BeanProperties.dashed(violation.property());
            boolean configured = properties.containsKey(attribute);
            c.problemAt(configured ? attribute : null, "TPC0120", "property '"
                    + (configured ? attribute : violation.property()) + "' of " + c.element().display() + " (" + type.getName() + ") "
                    + violation.message() + "; rejected value: " + shown(violation.value()));
        }
        if (c.failed()) {
            return null;
        }
        try {
            made.initialise();
        } catch (AppObjects.Failure e) {
            c.problem("TPC0116", e.getMessage());
            return null;
        }
        return bean;
    }

    /** A rejected value as messages show it: strings quoted, {@code null} as is. */
    private static String shown(Object value) {
        return value instanceof CharSequence text ? "\"" + text + "\"" : String.valueOf(value);
    }
}
