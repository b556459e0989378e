/**
 * Resin's cron expressions ({@code enable-at}, {@code disable-at}, {@code resin:IfCron}):
 * parsing and the next/previous matching minute in a time zone.
 */
package dev.turnpike.cron;
