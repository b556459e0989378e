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
import jakarta.annotation.PostConstruct;
import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tags for application classes, referenced as Resin 4 references beans: an element in the
 * namespace {@code urn:java:com.example.office} named {@code OutsideOfficeHours} stands for the
 * class {@code com.example.office.OutsideOfficeHours}. A {@link RequestPredicate} is a condition,
 * an {@link AbstractTargetDispatchRule} a rule, a servlet {@link Filter} a filter. The tag's
 * attributes are the class's bean properties (plus {@code regexp} and {@code target} for rules),
 * so the generic reader checks them like any built-in tag's.
 *
 * <p>A class is loaded without being initialised, and is instantiated only once it proved to be
 * one of the three kinds, so a configuration cannot run arbitrary code by naming a class.
 */
final class CustomTags {

    private static final String JAVA_NS = "urn:java:";
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}"
                    + "\\p{javaJavaIdentifierPart}*)*");
    private static final List<AttributeSpec> RULE_ATTRIBUTES = List.of(
            ResinTags.REGEXP,
            optional("target", "the target handed to the rule; $1... insert the regexp's groups"),
            optional("absolute-target", "accepted for Resin compatibility; ignored by application rules"),
            ResinTags.TARGET_HOST);

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

    static Resolution resolve(ConfigElement element) {
        String packageName = element.namespace().substring(JAVA_NS.length());
        String className = packageName + "." + element.localName();
        if (!QUALIFIED_NAME.matcher(className).matches()) {
            return new Resolution(null, "'" + className + "' is not a Java class name", false);
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new Resolution(null, "no class " + className + " on the class path", false);
        }
        Kind kind;
        if (RequestPredicate.class.isAssignableFrom(type)) {
            kind = Kind.CONDITION;
        } else if (AbstractTargetDispatchRule.class.isAssignableFrom(type)) {
            kind = Kind.RULE;
        } else if (Filter.class.isAssignableFrom(type)) {
            kind = Kind.FILTER;
        } else {
            return new Resolution(null, className + " is not a " + RequestPredicate.class.getName() + ", "
                    + AbstractTargetDispatchRule.class.getName() + " or " + Filter.class.getName(), false);
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            return new Resolution(null, className + " must be a public, concrete class", true);
        }
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            return new Resolution(null, className + " has no public no-argument constructor", true);
        }
        return new Resolution(spec(element, type, kind), null, false);
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : CustomTags.class.getClassLoader();
    }

    private static TagSpec spec(ConfigElement element, Class<?> type, Kind kind) {
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
                List.copyOf(attributes), children, (c, built) -> create(c, built, type, kind, properties));
    }

    private static Object create(TagContext c, List<Object> children, Class<?> type, Kind kind,
                                 Map<String, BeanProperties.Property> properties) {
        Object bean = instantiate(c, type, properties);
        if (bean == null) {
            return null;
        }
        String syntax = c.syntax(children);
        return switch (kind) {
            case CONDITION -> new CustomCondition((RequestPredicate) bean, syntax);
            case FILTER -> new ServletFilterRule((Filter) bean, type.getSimpleName(), syntax);
            default -> rule(c, children, (AbstractTargetDispatchRule) bean);
        };
    }

    private static Rule rule(TagContext c, List<Object> children, AbstractTargetDispatchRule bean) {
        Pattern regexp = c.regexp("regexp");
        Target target = c.target("target", regexp, Target.Replace.FIRST);
        return RuleParts.resin4(c, children, regexp, new CustomDispatch(bean, target));
    }

    /** Makes the bean, sets its properties, runs its {@code @PostConstruct}; {@code null} after a problem. */
    private static Object instantiate(TagContext c, Class<?> type, Map<String, BeanProperties.Property> properties) {
        Object bean;
        try {
            bean = type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            c.problem("TPC0116", "creating " + type.getName() + " failed: " + describe(e.getCause()));
            return null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            c.problem("TPC0116", "cannot create " + type.getName() + ": " + describe(e));
            return null;
        }
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
                            + " refused \"" + value + "\": " + describe(e.getCause()));
                } catch (ReflectiveOperationException e) {
                    c.invalid(property.name(), "cannot call " + property.method() + ": " + describe(e));
                }
            }
        }
        if (c.failed()) {
            return null;
        }
        for (Method method : postConstructMethods(type)) {
            try {
                method.setAccessible(true);
                method.invoke(bean);
            } catch (InvocationTargetException e) {
                c.problem("TPC0116", type.getSimpleName() + "." + method.getName() + "() (@PostConstruct) failed: "
                        + describe(e.getCause()));
                return null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                c.problem("TPC0116", "cannot call " + type.getSimpleName() + "." + method.getName()
                        + "() (@PostConstruct): " + describe(e));
                return null;
            }
        }
        return bean;
    }

    /** The class's {@code @PostConstruct} methods without parameters, superclass first. */
    private static List<Method> postConstructMethods(Class<?> type) {
        Deque<Method> found = new ArrayDeque<>();
        Set<String> overridden = new HashSet<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            List<Method> declared = new ArrayList<>();
            for (Method method : at.getDeclaredMethods()) {
                if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                boolean inherited = !Modifier.isPrivate(method.getModifiers());
                if (method.isAnnotationPresent(PostConstruct.class) && !(inherited && overridden.contains(method.getName()))) {
                    declared.add(method);
                }
                if (inherited) {
                    overridden.add(method.getName());
                }
            }
            for (int i = declared.size() - 1; i >= 0; i--) {
                found.addFirst(declared.get(i));
            }
        }
        return List.copyOf(found);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
