package dev.turnpike.admin;

import dev.turnpike.spi.BackendChange;
import dev.turnpike.spi.BackendControl;
import dev.turnpike.spi.NoSuchBackendException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /turnpike/api/backends}: the backend servers with their state and figures, and the
 * operator's actions on one of them (this node only).
 *
 * <pre>
 * GET  /turnpike/api/backends
 * GET  /turnpike/api/backends/{cluster}/{server}
 * POST /turnpike/api/backends/{cluster}/{server}/enable     (back into service)
 * POST /turnpike/api/backends/{cluster}/{server}/disable    (nothing new; running requests finish)
 * POST /turnpike/api/backends/{cluster}/{server}/drain      (its own sessions only, no new ones)
 * POST /turnpike/api/backends/{cluster}/{server}/weight     {"weight": 0..1000}
 * </pre>
 * How servers are named is {@link BackendControl}'s to say.
 */
@Path("backends")
@RequestScoped
public class BackendsResource {

    @Inject
    Instance<BackendControl> control;

    /** The body of a weight change. */
    public record WeightChange(@NotNull @Min(BackendChange.MIN_WEIGHT) @Max(BackendChange.MAX_WEIGHT) Integer weight) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<BackendView> backends() {
        return control().backends().stream().map(BackendView::of).toList();
    }

    @GET
    @Path("{cluster}/{server}")
    @Produces(MediaType.APPLICATION_JSON)
    public BackendView backend(@PathParam("cluster") String cluster, @PathParam("server") String server) {
        return control().backend(cluster, server).map(BackendView::of)
                .orElseThrow(() -> new ApiException(404, "no server " + server + " in cluster " + cluster));
    }

    @POST
    @Path("{cluster}/{server}/{action}")
    @Produces(MediaType.APPLICATION_JSON)
    public BackendView act(@PathParam("cluster") String cluster, @PathParam("server") String server,
                           @PathParam("action") @Pattern(regexp = "enable|disable|drain",
                                   message = "must be enable, disable or drain (weight takes a body)") String action) {
        BackendChange change = switch (action) {
            case "enable" -> BackendChange.enable();
            case "disable" -> BackendChange.disable();
            default -> BackendChange.drain();
        };
        return apply(() -> control().change(cluster, server, change));
    }

    @POST
    @Path("{cluster}/{server}/weight")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public BackendView weight(@PathParam("cluster") String cluster, @PathParam("server") String server,
                              @NotNull @Valid WeightChange body) {
        return apply(() -> control().change(cluster, server, BackendChange.weight(body.weight())));
    }

    private static BackendView apply(Supplier<dev.turnpike.spi.BackendStatus> change) {
        try {
            return BackendView.of(change.get());
        } catch (NoSuchBackendException e) {
            throw new ApiException(404, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }

    private BackendControl control() {
        if (!control.isResolvable()) {
            throw new ApiException(503, "no connectors run here");
        }
        return control.get();
    }
}
