package dev.turnpike.admin;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.cdi.TurnpikeExtension;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /turnpike/api/status}: the rules serving, their source and the last load's problems. */
@Path("status")
@RequestScoped
public class StatusResource {

    @Inject
    LiveRules live;

    @Inject
    TurnpikeExtension extension;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatusReport status() {
        return StatusReport.of(live.snapshot(), extension.observedPhases());
    }
}
