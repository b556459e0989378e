package dev.turnpike.config;

/**
 * An attribute as read: its namespace ({@code ""} for none), local name, name as written, value
 * and the position of its name.
 */
record ConfigAttribute(String namespace, String localName, String writtenName, String value, Position position) {
}
