/**
 * Turnpike's metrics as monitoring systems read them: {@link dev.turnpike.metrics.PrometheusText}
 * writes the backends' {@link dev.turnpike.spi.BackendMetrics} and the rules' hit counts in the
 * Prometheus text format, for the admin API's metrics endpoint.
 */
package dev.turnpike.metrics;
