package dev.turnpike.admin;

import dev.turnpike.cdi.ConfigControl;
import dev.turnpike.cdi.LiveRules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The configuration's loads: {@code GET /turnpike/api/errors} tells how the last one went,
 * {@code POST /turnpike/api/reload} reads the configuration and its imports now. A reload that
 * fails answers 422 with the problems; the rules that were serving keep serving.
 */
@Path("")
@RequestScoped
public class ConfigResource {

    @Inject
    LiveRules live;

    @Inject
    Instance<ConfigControl> control;

    @GET
    @Path("errors")
    @Produces(MediaType.APPLICATION_JSON)
    public LoadReport errors() {
        return LoadReport.of(live.snapshot());
    }

    @POST
    @Path("reload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reload() {
        if (!control.isResolvable()) {
            throw new ApiException(503, "no rule registry runs here to reload the configuration");
        }
        LiveRules.Snapshot after = control.get().reload();
        return Response.status(after.failedAt() == null ? 200 : 422).entity(LoadReport.of(after)).build();
    }
}
