package dev.turnpike.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The properties of an application's bean the configuration can set, as Resin sets them: an
 * attribute or simple child element {@code opening-time} (or {@code openingTime}) calls
 * {@code setOpeningTime(value)}, or {@code addOpeningTime(value)} once per occurrence when the
 * bean has an adder instead. Values are converted to the parameter's type.
 */
final class BeanProperties {

    /** The parameter types a value can be converted to, as listed in messages. */
    static final String SUPPORTED_TYPES = "String, boolean, int, long, double (or their wrappers), an enum,"
            + " java.util.regex.Pattern, java.time.Duration (Resin periods: 10s, 500ms, 2m)";

    /**
     * One settable property.
     *
     * @param name       the configuration name: the bean name in lower case with dashes
     * @param beanName   the JavaBeans name ({@code openingTime})
     * @param method     the setter or adder
     * @param repeatable whether it is set through an adder, once per value
     */
    record Property(String name, String beanName, Method method, boolean repeatable) {

        Class<?> type() {
            return method.getParameterTypes()[0];
        }
    }

    private BeanProperties() {
    }

    /** The properties of a class, by configuration name, in name order. */
    static Map<String, Property> of(Class<?> type) {
        Map<String, Property> found = new LinkedHashMap<>();
        Method[] methods = type.getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1
                    || !convertible(method.getParameterTypes()[0]) || method.getDeclaringClass() == Object.class) {
                continue;
            }
            String methodName = method.getName();
            boolean setter = methodName.startsWith("set") && methodName.length() > 3;
            boolean adder = methodName.startsWith("add") && methodName.length() > 3;
            if (!setter && !adder) {
                continue;
            }
            String beanName = Character.toLowerCase(methodName.charAt(3)) + methodName.substring(4);
            String name = dashed(beanName);
            if (setter || !found.containsKey(name)) {
                found.put(name, new Property(name, beanName, method, adder && !setter));
            }
        }
        return found;
    }

    /** {@code openingTime} as {@code opening-time}. */
    static String dashed(String beanName) {
        StringBuilder out = new StringBuilder(beanName.length() + 4);
        for (int i = 0; i < beanName.length(); i++) {
            char c = beanName.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean convertible(Class<?> type) {
        return type == String.class || type == boolean.class || type == Boolean.class || type == int.class
                || type == Integer.class || type == long.class || type == Long.class || type == double.class
                || type == Double.class || type.isEnum() || type == Pattern.class || type == Duration.class;
    }

    /**
     * Converts a configuration value to a property's type.
     *
     * @throws IllegalArgumentException with a message fit for the user when the value does not convert
     */
    static Object convert(String value, Class<?> type) {
        String trimmed = value.trim();
        if (type == String.class) {
            return value;
        }
        if (type == boolean.class || type == Boolean.class) {
            return switch (trimmed.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new IllegalArgumentException("'" + value + "' is not a boolean; valid: true, false");
            };
        }
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(trimmed);
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(trimmed);
            }
            if (type == double.class || type == Double.class) {
                return Double.parseDouble(trimmed);
            }
        } catch (NumberFormatException e) {
            boolean whole = type != double.class && type != Double.class;
            throw new IllegalArgumentException("'" + value + "' is not " + (whole ? "a whole number" : "a number")
                    + " in the range of " + type.getSimpleName());
        }
        if (type.isEnum()) {
            return enumConstant(trimmed, type);
        }
        if (type == Pattern.class) {
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("invalid regexp: " + e.getDescription() + " near index "
                        + e.getIndex() + " of \"" + value + "\"");
            }
        }
        if (type == Duration.class) {
            return Period.parse(trimmed);
        }
        throw new IllegalArgumentException("values of type " + type.getName() + " cannot be configured; supported: "
                + SUPPORTED_TYPES);
    }

    private static Object enumConstant(String value, Class<?> type) {
        String wanted = value.replace('-', '_');
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            if (name.equalsIgnoreCase(wanted)) {
                return constant;
            }
            names.add(name.toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("'" + value + "' is not valid; valid: " + String.join(", ", names));
    }
}
