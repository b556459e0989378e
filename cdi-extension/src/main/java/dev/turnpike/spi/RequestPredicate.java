package dev.turnpike.spi;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A condition written by an application, used where Resin 4 takes a predicate: as a child of
 * a dispatch rule, of {@code resin:And}/{@code resin:Or}/{@code resin:Not}, or of a custom rule.
 *
 * <p>Referenced from the configuration by its class, in a {@code urn:java:} namespace naming
 * its package; attributes and simple child elements set its bean properties:
 *
 * <pre>{@code
 * <resin:Forbidden regexp="^/admin" xmlns:office="urn:java:com.example.office">
 *   <office:OutsideOfficeHours opens="08:00" closes="18:00"/>
 * </resin:Forbidden>
 * }</pre>
 *
 * <p>The class needs a public no-argument constructor. Properties are set once, then any
 * {@code @PostConstruct} method runs; an exception from it is a configuration error at the
 * element. One instance serves every request of every thread, so it must not keep per-request
 * state. Where Turnpike runs in an application server the predicate is made by CDI: it may
 * {@code @Inject} the application's beans, its properties are checked with Bean Validation, and
 * it may itself be a bean of any scope or a {@code @Named} bean.
 */
@FunctionalInterface
public interface RequestPredicate {

    /**
     * Whether the request passes. The request reports what filters applied before the rule
     * (for example {@code resin:SetRequestSecure}) as it will to the application.
     */
    boolean isMatch(HttpServletRequest request);
}
