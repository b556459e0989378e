package dev.turnpike.cdi;

import dev.turnpike.config.AppObjects;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AnnotatedCallable;
import jakarta.enterprise.inject.spi.AnnotatedConstructor;
import jakarta.enterprise.inject.spi.AnnotatedField;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Application objects from CDI, for configurations loaded inside the application.
 *
 * <p>An element {@code <app:OfficeHours>} with {@code xmlns:app="urn:java:com.example"} names the
 * class {@code com.example.OfficeHours}; when there is no such class, it names the
 * {@code @Named("OfficeHours")} bean whose class is in the package {@code com.example} (the
 * namespace keeps naming the package, so one name cannot mean beans of two libraries).
 *
 * <ul>
 *   <li>A bean in a normal scope ({@code @ApplicationScoped}, {@code @RequestScoped}, ...) is
 *       used through its contextual reference, shared with the rest of the application, so the
 *       element may not set its properties.</li>
 *   <li>A {@code @Dependent} bean's class, or a class that is no bean, gets a fresh instance for
 *       each element, made through {@link Unmanaged}: created, its dependencies injected, the
 *       element's properties set, validated with Bean Validation, then its {@code @PostConstruct}
 *       run. Its {@code @PreDestroy} runs when the configuration is replaced or the application
 *       stops. Interceptors and decorators are not applied to such instances.</li>
 *   <li>A {@code @Dependent} bean made by a producer is used as produced, without properties.</li>
 * </ul>
 *
 * <p>Before a class is instantiated its injection points are resolved against the deployment,
 * so an unsatisfied or ambiguous dependency is reported at the element rather than as a
 * container error. Validation messages are interpolated without Expression Language: a rejected
 * value from the configuration is never evaluated.
 *
 * <p>Rules declared with {@link TurnpikeRule} come from {@link TurnpikeExtension}.
 */
public final class CdiAppObjects implements AppObjects, AutoCloseable {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.cdi");

    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}"
                    + "\\p{javaJavaIdentifierPart}*)*");

    /** Types the container provides for every injection point; resolved by the container itself. */
    private static final Set<Class<?>> BUILT_IN = Set.of(Instance.class, Provider.class, Event.class,
            InjectionPoint.class, BeanManager.class);

    private final BeanManager beans;
    private final List<TurnpikeExtension.DeclaredRuleClass> declared;
    private final Map<Class<?>, Unmanaged<?>> unmanaged = new ConcurrentHashMap<>();
    private ValidatorFactory validation;
    private boolean validationUnavailable;

    /**
     * @param beans the bean manager of the module loading the configuration; application classes
     *              and beans must be visible to it
     */
    public CdiAppObjects(BeanManager beans) {
        this.beans = beans;
        List<TurnpikeExtension.DeclaredRuleClass> rules;
        try {
            rules = beans.getExtension(TurnpikeExtension.class).declaredRules();
        } catch (IllegalArgumentException notDeployed) {
            rules = List.of();
        }
        this.declared = rules;
    }

    @Override
    public Lookup find(String packageName, String localName) {
        String className = packageName + "." + localName;
        Class<?> type = load(className);
        if (type != null) {
            return Lookup.found(forClass(type));
        }
        List<Bean<?>> named = beans.getBeans(localName).stream()
                .filter(bean -> bean.getBeanClass().getPackageName().equals(packageName))
                .toList();
        if (named.isEmpty()) {
            return Lookup.missing("no class " + className + " on the class path and no @Named(\"" + localName
                    + "\") bean in package " + packageName);
        }
        Bean<?> bean;
        try {
            bean = beans.resolve(Set.copyOf(named));
        } catch (AmbiguousResolutionException e) {
            return Lookup.broken("the name '" + localName + "' is ambiguous: " + named.size() + " @Named beans in package "
                    + packageName + " have it: " + describeAll(named) + "; give each bean its own name");
        }
        return Lookup.found(forBean(bean, "the @Named(\"" + localName + "\") bean " + typeOf(bean).getName()));
    }

    private static Class<?> load(String className) {
        if (!QUALIFIED_NAME.matcher(className).matches()) {
            return null;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, false, context != null ? context : CdiAppObjects.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** The candidate for a class: its managed bean when it is one, else an unmanaged instance per use. */
    private Candidate forClass(Class<?> type) {
        Set<Bean<?>> own = beans.getBeans(type, Any.Literal.INSTANCE).stream()
                .filter(bean -> bean.getBeanClass() == type && bean.getTypes().contains(type))
                .collect(Collectors.toSet());
        if (own.isEmpty()) {
            return new Injected(type, type.getName());
        }
        Bean<?> bean;
        try {
            bean = beans.resolve(own);
        } catch (AmbiguousResolutionException e) {
            bean = own.iterator().next();
        }
        return forBean(bean, type.getName());
    }

    private Candidate forBean(Bean<?> bean, String description) {
        Class<?> type = typeOf(bean);
        String scope = "@" + bean.getScope().getSimpleName();
        if (beans.isNormalScope(bean.getScope())) {
            return new Referenced(bean, type, description, "the " + scope + " bean " + type.getName()
                    + ", one instance the application shares");
        }
        if (bean.getTypes().contains(bean.getBeanClass())) {
            return new Injected(type, description);
        }
        return new Referenced(bean, type, description, "made by the application (" + bean + ")");
    }

    /** The class whose properties a bean has: its own class, or for a producer the most specific class it gives. */
    private static Class<?> typeOf(Bean<?> bean) {
        if (bean.getTypes().contains(bean.getBeanClass())) {
            return bean.getBeanClass();
        }
        Class<?> best = Object.class;
        for (Type type : bean.getTypes()) {
            Class<?> raw = raw(type);
            if (best.isAssignableFrom(raw) && (best == Object.class || !raw.isInterface())) {
                best = raw;
            }
        }
        return best;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return raw(parameterized.getRawType());
        }
        return Object.class;
    }

    private static String describeAll(List<Bean<?>> found) {
        return found.stream().map(bean -> bean.getBeanClass().getName()).sorted().collect(Collectors.joining(", "));
    }

    @Override
    public List<Violation> validate(Object object) {
        Validator validator = validator();
        if (validator == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(object)) {
            violations.add(new Violation(violation.getPropertyPath().toString(), violation.getInvalidValue(),
                    violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::property).thenComparing(Violation::message));
        return violations;
    }

    /**
     * The validator, made on first use. Constraint messages are interpolated with their
     * parameters ({@code {min}}, {@code {regexp}}) but without Expression Language, so nothing a
     * configuration gives is ever evaluated.
     */
    private synchronized Validator validator() {
        if (validation == null && !validationUnavailable) {
            try {
                validation = Validation.byDefaultProvider().configure()
                        .addProperty("hibernate.validator.constraint_expression_language_feature_level", "none")
                        .addProperty("hibernate.validator.custom_violation_expression_language_feature_level", "none")
                        .buildValidatorFactory();
            } catch (ValidationException e) {
                validationUnavailable = true;
                LOG.log(Level.WARNING, "no Bean Validation provider: the properties of application predicates and"
                        + " rules are not validated", e);
            }
        }
        return validation == null ? null : validation.getValidator();
    }

    @Override
    public List<DeclaredRule> declaredRules() {
        List<DeclaredRule> rules = new ArrayList<>();
        for (TurnpikeExtension.DeclaredRuleClass rule : declared) {
            TurnpikeRule annotation = rule.annotation();
            rules.add(new DeclaredRule(forClass(rule.type()), annotation.regexp(), annotation.target(),
                    annotation.name(), annotation.order(), annotation.enabled()));
        }
        return rules;
    }

    /** Closes the validator factory. */
    @Override
    public synchronized void close() {
        if (validation != null) {
            validation.close();
            validation = null;
        }
    }

    /** A bean used through what the container gives: a contextual reference, or a producer's product. */
    private final class Referenced implements Candidate {
        private final Bean<?> bean;
        private final Class<?> type;
        private final String description;
        private final String shared;

        Referenced(Bean<?> bean, Class<?> type, String description, String shared) {
            this.bean = bean;
            this.type = type;
            this.description = description;
            this.shared = shared;
        }

        @Override
        public Class<?> type() {
            return type;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String sharedBecause() {
            return shared;
        }

        @Override
        public String unusable() {
            return null;
        }

        @Override
        public Made make() throws Failure {
            CreationalContext<?> context = beans.createCreationalContext(bean);
            Object reference;
            try {
                reference = beans.getReference(bean, bean.getTypes().contains(type) ? type : Object.class, context);
            } catch (RuntimeException e) {
                context.release();
                throw new Failure("cannot get " + description + ": " + rootMessage(e), e);
            }
            return new Made() {
                @Override
                public Object object() {
                    return reference;
                }

                @Override
                public void initialise() {
                }

                @Override
                public void release() {
                    context.release();
                }
            };
        }
    }

    /** A class instantiated per use with injection, through {@link Unmanaged}. */
    private final class Injected implements Candidate {
        private final Class<?> type;
        private final String description;

        Injected(Class<?> type, String description) {
            this.type = type;
            this.description = description;
        }

        @Override
        public Class<?> type() {
            return type;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public String unusable() {
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                return type.getName() + " must be a concrete class";
            }
            boolean constructible = false;
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                constructible |= constructor.isAnnotationPresent(Inject.class)
                        || (constructor.getParameterCount() == 0 && !Modifier.isPrivate(constructor.getModifiers()));
            }
            if (!constructible) {
                return type.getName() + " has neither an @Inject constructor nor a no-argument constructor";
            }
            List<String> problems = new ArrayList<>();
            for (InjectionPoint point : injectionPoints()) {
                String problem = unresolved(point);
                if (problem != null) {
                    problems.add(problem);
                }
            }
            return problems.isEmpty() ? null : type.getName() + " " + String.join("; ", problems);
        }

        /** The class's {@code @Inject} fields, initializer method parameters and constructor parameters. */
        private List<InjectionPoint> injectionPoints() {
            AnnotatedType<?> annotated = beans.createAnnotatedType(type);
            List<InjectionPoint> points = new ArrayList<>();
            for (AnnotatedConstructor<?> constructor : annotated.getConstructors()) {
                addParameters(constructor, points);
            }
            for (AnnotatedField<?> field : annotated.getFields()) {
                if (field.isAnnotationPresent(Inject.class) && !Modifier.isStatic(field.getJavaMember().getModifiers())) {
                    points.add(beans.createInjectionPoint(field));
                }
            }
            for (AnnotatedMethod<?> method : annotated.getMethods()) {
                addParameters(method, points);
            }
            return points;
        }

        private void addParameters(AnnotatedCallable<?> callable, List<InjectionPoint> points) {
            if (callable.isAnnotationPresent(Inject.class)) {
                for (AnnotatedParameter<?> parameter : callable.getParameters()) {
                    points.add(beans.createInjectionPoint(parameter));
                }
            }
        }

        /** Why an injection point cannot be resolved, or {@code null}. */
        private String unresolved(InjectionPoint point) {
            if (BUILT_IN.contains(raw(point.getType()))) {
                return null;
            }
            Annotation[] qualifiers = point.getQualifiers().toArray(new Annotation[0]);
            Set<Bean<?>> found = beans.getBeans(point.getType(), qualifiers);
            String wanted = "of type " + point.getType().getTypeName() + " with qualifiers " + qualifiers(point)
                    + " for " + member(point);
            if (found.isEmpty()) {
                return "has an unsatisfied dependency: no bean " + wanted + "; deploy such a bean where Turnpike sees"
                        + " it (the EAR's lib/)";
            }
            try {
                beans.resolve(found);
                return null;
            } catch (AmbiguousResolutionException e) {
                return "has an ambiguous dependency: " + found.size() + " beans " + wanted + ": "
                        + describeAll(List.copyOf(found)) + "; qualify the injection point or make one bean an"
                        + " alternative";
            }
        }

        @Override
        public Made make() throws Failure {
            Unmanaged.UnmanagedInstance<?> instance;
            try {
                instance = unmanaged.computeIfAbsent(type, key -> new Unmanaged<>(beans, key)).newInstance();
                instance.produce().inject();
            } catch (RuntimeException e) {
                throw new Failure("creating " + type.getName() + " failed: " + rootMessage(e), e);
            }
            return new Made() {
                private boolean initialised;

                @Override
                public Object object() {
                    return instance.get();
                }

                @Override
                public void initialise() throws Failure {
                    try {
                        instance.postConstruct();
                        initialised = true;
                    } catch (RuntimeException e) {
                        throw new Failure(type.getSimpleName() + " @PostConstruct failed: " + rootMessage(e), e);
                    }
                }

                /** {@code @PreDestroy} runs only for an instance whose {@code @PostConstruct} ran. */
                @Override
                public void release() {
                    if (initialised) {
                        instance.preDestroy();
                    }
                    instance.dispose();
                }
            };
        }
    }

    private static String qualifiers(InjectionPoint point) {
        return point.getQualifiers().stream().map(q -> "@" + q.annotationType().getSimpleName()).sorted()
                .collect(Collectors.joining(", "));
    }

    /** The injection point as {@code Class.field} or {@code Class.method(Types)} parameter n. */
    private static String member(InjectionPoint point) {
        Member member = point.getMember();
        String owner = member.getDeclaringClass().getSimpleName();
        if (point.getAnnotated() instanceof AnnotatedParameter<?> parameter) {
            String types = parameter.getDeclaringCallable().getParameters().stream()
                    .map(p -> raw(p.getBaseType()).getSimpleName()).collect(Collectors.joining(", "));
            String name = member instanceof Constructor<?> ? owner : owner + "." + member.getName();
            return name + "(" + types + ") parameter " + parameter.getPosition();
        }
        return owner + "." + member.getName();
    }

    /** The message of the innermost cause, which says what went wrong without the container's wrapping. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
