/**
 * Custom predicates and rules written as ordinary CDI beans, referenced from a configuration with
 * {@code xmlns:office="urn:java:dev.turnpike.samples"}: {@link dev.turnpike.samples.OfficeHours}
 * (a condition on the time of day, from an injected {@link java.time.Clock}) and
 * {@link dev.turnpike.samples.Closed} (a rule answering 503 with {@code Retry-After}).
 */
package dev.turnpike.samples;
