package dev.turnpike.admin;

import dev.turnpike.cdi.LiveRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /turnpike/api/explain}: which rules a request meets, what each did with it and what
 * the rules decide, without carrying anything out ({@link Explainer}).
 */
@Path("explain")
@RequestScoped
public class ExplainResource {

    @Inject
    LiveRules live;

    @Context
    ServletContext context;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Explanation explain(@NotNull @Valid ExplainRequest request) {
        try {
            return Explainer.explain(live.current(), request, context);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
