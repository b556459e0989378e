package dev.turnpike.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Application objects as plain Java makes them: the element names the class
 * {@code packageName.LocalName}, loaded (not initialised) from the context class loader, and each
 * element gets a new instance from the public no-argument constructor. {@code @PostConstruct}
 * and {@code @PreDestroy} methods without parameters run, superclass first.
 */
final class ReflectiveAppObjects implements AppObjects {

    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}"
                    + "\\p{javaJavaIdentifierPart}*)*");

    @Override
    public Lookup find(String packageName, String localName) {
        String className = packageName + "." + localName;
        if (!QUALIFIED_NAME.matcher(className).matches()) {
            return Lookup.missing("'" + className + "' is not a Java class name");
        }
        Class<?> type = load(className);
        if (type == null) {
            return Lookup.missing("no class " + className + " on the class path");
        }
        return Lookup.found(new ClassCandidate(type));
    }

    /** The class of that name from the context class loader, not initialised; {@code null} when there is none. */
    static Class<?> load(String className) {
        if (!QUALIFIED_NAME.matcher(className).matches()) {
            return null;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, false, context != null ? context : AppObjects.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Why objects of a class cannot be made by constructor, or {@code null}. */
    static String notConstructible(Class<?> type) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            return type.getName() + " must be a public, concrete class";
        }
        try {
            type.getConstructor();
            return null;
        } catch (NoSuchMethodException e) {
            return type.getName() + " has no public no-argument constructor";
        }
    }

    private record ClassCandidate(Class<?> type) implements Candidate {

        @Override
        public String describe() {
            return type.getName();
        }

        @Override
        public String unusable() {
            return notConstructible(type);
        }

        @Override
        public Made make() throws Failure {
            try {
                return new Instance(type.getConstructor().newInstance());
            } catch (InvocationTargetException e) {
                throw new Failure("creating " + type.getName() + " failed: " + ReflectiveAppObjects.describe(e.getCause()),
                        e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new Failure("cannot create " + type.getName() + ": " + ReflectiveAppObjects.describe(e), e);
            }
        }
    }

    private static final class Instance implements Made {
        private final Object object;
        private boolean initialised;

        Instance(Object object) {
            this.object = object;
        }

        @Override
        public Object object() {
            return object;
        }

        @Override
        public void initialise() throws Failure {
            for (Method method : lifecycleMethods(object.getClass(), PostConstruct.class)) {
                String called = object.getClass().getSimpleName() + "." + method.getName() + "() (@PostConstruct)";
                try {
                    method.setAccessible(true);
                    method.invoke(object);
                } catch (InvocationTargetException e) {
                    throw new Failure(called + " failed: " + describe(e.getCause()), e.getCause());
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new Failure("cannot call " + called + ": " + describe(e), e);
                }
            }
            initialised = true;
        }

        /** Runs the {@code @PreDestroy} methods of an initialised object. */
        @Override
        public void release() {
            if (!initialised) {
                return;
            }
            for (Method method : lifecycleMethods(object.getClass(), PreDestroy.class)) {
                try {
                    method.setAccessible(true);
                    method.invoke(object);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(object.getClass().getSimpleName() + "." + method.getName()
                            + "() (@PreDestroy) failed: " + describe(e.getCause()), e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot call " + method, e);
                }
            }
        }
    }

    /** The class's methods with the annotation and without parameters, superclass first. */
    static List<Method> lifecycleMethods(Class<?> type, Class<? extends Annotation> annotation) {
        Deque<Method> found = new ArrayDeque<>();
        Set<String> overridden = new HashSet<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            List<Method> declared = new ArrayList<>();
            for (Method method : at.getDeclaredMethods()) {
                if (method.getParameterCount() != 0 || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                boolean inherited = !Modifier.isPrivate(method.getModifiers());
                if (method.isAnnotationPresent(annotation) && !(inherited && overridden.contains(method.getName()))) {
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

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
