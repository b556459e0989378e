package dev.turnpike.cdi.beans;

/** A service two beans provide. */
public interface Greeting {

    /** The bean that says hello. */
    @jakarta.enterprise.context.Dependent
    class Hello implements Greeting {
    }

    /** The bean that says hi. */
    @jakarta.enterprise.context.Dependent
    class Hi implements Greeting {
    }
}
