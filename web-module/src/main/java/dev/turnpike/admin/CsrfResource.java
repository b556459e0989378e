package dev.turnpike.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code GET /turnpike/api/csrf}: the logged-in administrator's token for state-changing calls. */
@Path("csrf")
@RequestScoped
public class CsrfResource {

    /**
     * @param header the header to send it in
     * @param token  the token
     */
    public record Token(String header, String token) {
    }

    @Inject
    CsrfGuard guard;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Token token(@Context SecurityContext security) {
        if (security.getUserPrincipal() == null) {
            throw new ApiException(401, "log in to get a token");
        }
        return new Token(CsrfGuard.HEADER, guard.token(security.getUserPrincipal().getName()));
    }
}
