package dev.turnpike.spi;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;

/**
 * The base of dispatch rules written by an application, as in Resin 4: the rule matches like
 * the built-in ones ({@code regexp}, {@code target} with {@code $1...} groups, child conditions
 * and filters) and, when it fires, the subclass decides what happens by returning the filter
 * chain that handles the request.
 *
 * <pre>{@code
 * <ops:Maintenance xmlns:ops="urn:java:com.example.ops" regexp="^/shop/" target="/down.html"
 *                  retry-after="600"/>
 * }</pre>
 *
 * <p>{@code regexp}, {@code target}, {@code absolute-target} and {@code target-host} are read
 * by Turnpike; every other attribute or simple child element sets a bean property of the
 * subclass, after which any {@code @PostConstruct} method runs. One instance serves every
 * request of every thread.
 *
 * <p>A rule may be a CDI bean of any scope with injected dependencies, and may be declared in
 * Java with {@link TurnpikeRule} instead of in the configuration.
 */
public abstract class AbstractTargetDispatchRule {

    /**
     * Makes the chain that handles a request this rule fired for. Called for each such request.
     *
     * @param type        the dispatcher type of the request (rules run for {@code REQUEST})
     * @param uri         the path the rule's regexp was matched against: context-relative for a
     *                    web-app rule, the full path for a host rule, the full URL for a server rule
     * @param queryString the request's query string, or {@code null}
     * @param target      the target with the regexp's groups substituted; the path itself when
     *                    the rule has no target
     * @param next        the request's own chain: calling it serves the original request
     * @return the chain Turnpike runs for the request, with the request and response as the
     *         application would see them
     */
    protected abstract FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                                  FilterChain next);

    /**
     * Runs {@link #createDispatch}; the entry point the web tier calls. Not final only so that
     * CDI can proxy normal-scoped rules; subclasses implement {@link #createDispatch} instead.
     */
    public FilterChain dispatch(DispatcherType type, String uri, String queryString, String target,
                                      FilterChain next) {
        return createDispatch(type, uri, queryString, target, next);
    }
}
