package dev.turnpike.config.beans;

/** A class that is none of the rule kinds; loading it must not initialise it. */
public class Ordinary {

    /** The system property set when the class is initialised (a constant, so reading it leaves the class alone). */
    public static final String INITIALISED = "turnpike.test.ordinary.initialised";

    static {
        System.setProperty(INITIALISED, "true");
    }
}
