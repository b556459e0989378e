package dev.turnpike.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The users the test servers know (it-tests/pom.xml writes them into WildFly's application
 * realm): {@code admin} in role {@code turnpike-admin}, {@code viewer} without it.
 */
public final class AdminLogin {

    /** {@code Authorization} for admin / turnpike. */
    public static final String ADMIN = basic("admin", "turnpike");

    /** {@code Authorization} for viewer / viewer, who lacks the role. */
    public static final String VIEWER = basic("viewer", "viewer");

    private AdminLogin() {
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
