package dev.turnpike.admin;

import dev.turnpike.cdi.ConfigControl;
import dev.turnpike.config.lint.ConfigCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code /turnpike/api/config/check}: would a configuration load, and what looks wrong in it
 * ({@link ConfigCheck}: every problem at {@code line:column}, lint warnings for backtracking
 * regexps, open redirects, line breaks in targets and shadowed rules). Nothing is loaded.
 *
 * <pre>
 * POST /turnpike/api/config/check     the configuration as the body (XML, at most 1 MiB);
 *                                     its imports are refused, never opened
 * GET  /turnpike/api/config/check     the configuration on disk, imports followed as loading does
 * </pre>
 */
@Path("config/check")
@RequestScoped
public class CheckResource {

    /** The largest configuration a POST may carry. */
    static final int MAX_BYTES = 1 << 20;

    @Inject
    Instance<ConfigControl> control;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public CheckReport posted(InputStream body) throws IOException {
        byte[] content = body.readNBytes(MAX_BYTES + 1);
        if (content.length > MAX_BYTES) {
            throw new ApiException(413, "a configuration to check may have at most " + MAX_BYTES + " bytes");
        }
        if (content.length == 0) {
            throw new ApiException(400, "post the configuration to check as the request body");
        }
        return CheckReport.of("posted", ConfigCheck.posted("posted", content));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CheckReport onDisk() {
        if (!control.isResolvable()) {
            throw new ApiException(503, "no rule registry runs here to read the configuration");
        }
        ConfigControl.Source source;
        try {
            source = control.get().configuration();
        } catch (IOException e) {
            throw new ApiException(500, "cannot read the configuration: " + e.getMessage());
        }
        return CheckReport.of(source.name(), ConfigCheck.file(source.name(), source.content(), source.directory()));
    }
}
