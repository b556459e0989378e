package dev.turnpike.cdi.beans;

/** A service no bean provides. */
public interface Unavailable {
}
