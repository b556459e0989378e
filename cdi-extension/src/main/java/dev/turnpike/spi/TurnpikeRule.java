package dev.turnpike.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a dispatch rule in Java: a CDI bean that is an {@link AbstractTargetDispatchRule},
 * which every loaded configuration then has among the rules of the root web-app ({@code /}), as
 * if written at the top of a {@code <web-app>}.
 *
 * <pre>{@code
 * @TurnpikeRule(regexp = "^/maintenance/(.*)", target = "/down.html?page=$1", order = -10, name = "maintenance")
 * @Dependent
 * public class Maintenance extends AbstractTargetDispatchRule {
 *     @Inject
 *     Downtime downtime;
 *     ...
 * }
 * }</pre>
 *
 * <p>Rules of negative {@link #order()} come before the configuration's rules of the root
 * web-app, the others after them; within each group by order, then by name, then by class name.
 * The class must be a bean of the application (in a bean archive, with a bean-defining annotation
 * such as {@code @Dependent} or {@code @ApplicationScoped}) visible to Turnpike: in the EAR's
 * {@code lib/}. A {@code @Dependent} rule gets a fresh instance for every load of the
 * configuration, released ({@code @PreDestroy}) when that configuration is replaced.
 *
 * <p>An invalid annotation (a regexp or target that does not compile, a class that is not an
 * {@link AbstractTargetDispatchRule}, two rules of one name) fails the deployment.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TurnpikeRule {

    /** The pattern the context-relative path must contain a match of; empty for every path. */
    String regexp() default "";

    /** The target handed to the rule, with {@code $1}... for the regexp's groups; empty for the matched path. */
    String target() default "";

    /** The rule's name, which gives it an MBean with {@code start()}/{@code stop()} as named rules have; empty for none. */
    String name() default "";

    /** Where the rule goes: negative before the configuration's root web-app rules, else after them. */
    int order() default 0;

    /** Whether a named rule is on when a configuration loads (a stopped rule is started over JMX). */
    boolean enabled() default true;
}
