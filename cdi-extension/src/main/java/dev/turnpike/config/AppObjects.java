package dev.turnpike.config;

import java.util.List;
import java.util.Objects;

/**
 * Where the objects of application classes named in a configuration come from. An element in
 * the namespace {@code urn:java:com.example} is looked up by its package and local name; the
 * reader checks what it found (a condition, a rule or a filter), then has one object made per
 * element and configures it in this order:
 *
 * <ol>
 *   <li>{@link Candidate#make()}: the object is created and, where the implementation injects,
 *       its dependencies are injected;</li>
 *   <li>the element's attributes set its bean properties;</li>
 *   <li>{@link #validate(Object)} checks the configured object;</li>
 *   <li>{@link Made#initialise()} runs its {@code @PostConstruct} methods.</li>
 * </ol>
 *
 * <p>Every object made for a configuration is {@linkplain Made#release() released} when its rule
 * set is, or at once when the configuration fails to load.
 *
 * <p>{@link #REFLECTION} makes plain objects through their public no-argument constructor;
 * {@code dev.turnpike.cdi.CdiAppObjects} gets them from CDI.
 */
public interface AppObjects {

    /** Classes by name, made through their public no-argument constructor, without injection or validation. */
    AppObjects REFLECTION = new ReflectiveAppObjects();

    /**
     * What an element names.
     *
     * @param packageName the package of its {@code urn:java:} namespace
     * @param localName   its local name
     */
    Lookup find(String packageName, String localName);

    /** Checks an object after its properties are set; an empty list when it is valid. */
    default List<Violation> validate(Object object) {
        return List.of();
    }

    /** Rules declared in Java, added to the root web-app's rules of every rule set. */
    default List<DeclaredRule> declaredRules() {
        return List.of();
    }

    /**
     * The answer of {@link #find}: a candidate, or why there is none.
     *
     * @param candidate what the element names, or {@code null}
     * @param problem   why nothing usable is named, when {@code candidate} is {@code null}
     * @param broken    whether the element clearly means an application object that cannot be
     *                  had (so it is an error even where unknown elements are skipped)
     */
    record Lookup(Candidate candidate, String problem, boolean broken) {

        public static Lookup found(Candidate candidate) {
            return new Lookup(Objects.requireNonNull(candidate, "candidate"), null, false);
        }

        /** Nothing by that name: in a container the element is skipped as other Resin configuration is. */
        public static Lookup missing(String problem) {
            return new Lookup(null, problem, false);
        }

        /** Something by that name that cannot be used. */
        public static Lookup broken(String problem) {
            return new Lookup(null, problem, true);
        }
    }

    /** A class (or bean) an element names, of which objects can be made. */
    interface Candidate {

        /** The class whose bean properties the element's attributes set. */
        Class<?> type();

        /** How messages name it: the class name, or the bean and its class. */
        String describe();

        /**
         * Why properties cannot be set on the objects it gives (one instance shared by the
         * application, or an object the application makes itself), or {@code null} when each
         * element gets an object of its own to configure.
         */
        default String sharedBecause() {
            return null;
        }

        /** Why no object can be made (unsatisfied or ambiguous dependencies, no constructor), or {@code null}. */
        String unusable();

        /**
         * Makes one object, not initialised yet.
         *
         * @throws Failure with a message naming the class and what went wrong
         */
        Made make() throws Failure;
    }

    /** One object made for the configuration. */
    interface Made {

        Object object();

        /**
         * Runs the object's {@code @PostConstruct} methods.
         *
         * @throws Failure with a message naming the class and what went wrong
         */
        void initialise() throws Failure;

        /**
         * Runs the object's {@code @PreDestroy} methods, if it was initialised, and frees what was
         * made with it. Called once.
         */
        void release();
    }

    /**
     * One constraint the configured object breaks.
     *
     * @param property the property path, e.g. {@code open}
     * @param value    the rejected value
     * @param message  the constraint's message
     */
    record Violation(String property, Object value, String message) {
    }

    /**
     * A rule declared in Java, by an annotation on its class.
     *
     * @param candidate the rule's class
     * @param regexp    the pattern of the path, or {@code ""} for every path
     * @param target    the target, or {@code ""} for the matched path
     * @param name      the rule's name, or {@code ""}
     * @param order     negative: before the configuration's root web-app rules; else after them
     * @param enabled   whether a named rule starts enabled
     */
    record DeclaredRule(Candidate candidate, String regexp, String target, String name, int order,
                        boolean enabled) {
    }

    /** An object could not be made or initialised. */
    final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
