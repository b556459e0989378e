package dev.turnpike.admin;

import dev.turnpike.cdi.LiveRules;
import dev.turnpike.rules.Manageable;
import dev.turnpike.rules.RuleSet;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.logging.Logger;

/**
 * {@code /turnpike/api/rules}: the rules serving with their state and figures, and switching named
 * rules and imports on and off as Resin's rule MBeans do.
 *
 * <pre>
 * GET  /turnpike/api/rules
 * POST /turnpike/api/rules/{name}/stop      (or disable; start or enable to switch it back on)
 * POST /turnpike/api/rules/{name}/update    (an import: read its file now)
 * </pre>
 * A switch holds until the rule's next scheduled change or the next reload. When rules of that
 * name exist in several hosts or web-apps, {@code ?host=...&webApp=...} says which.
 */
@Path("rules")
@RequestScoped
public class RulesResource {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.admin");

    @Inject
    LiveRules live;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<RuleView> rules() {
        return RuleListing.of(live.current());
    }

    /**
     * The state of a named rule or import after an operator's action.
     *
     * @param state {@code active} or {@code stopped}
     * @param error an import's last problem, or {@code null}
     */
    public record Switched(String name, String host, String webApp, String state, String error) {
    }

    @POST
    @Path("{name}/{action}")
    @Produces(MediaType.APPLICATION_JSON)
    public Switched act(@PathParam("name") @Size(max = 256) String name,
                        @PathParam("action") @Pattern(regexp = "start|stop|enable|disable|update",
                                message = "must be start, stop, enable, disable or update") String action,
                        @QueryParam("host") @Size(max = 256) String host,
                        @QueryParam("webApp") @Size(max = 256) String webApp) {
        Manageable.Item item = find(live.current(), name, host, webApp);
        switch (action) {
            case "start", "enable" -> toggle(item, true);
            case "stop", "disable" -> toggle(item, false);
            default -> update(item);
        }
        LOG.info(() -> "rule " + name + " (" + item.host() + (item.webApp() == null ? "" : " " + item.webApp()) + "): "
                + action + " through the admin API");
        boolean on = item.rule() == null || item.rule().spec().toggle().isEnabled();
        return new Switched(item.name(), item.host(), item.webApp(), on ? "active" : "stopped",
                item.ruleImport() == null ? null : item.ruleImport().redeployError());
    }

    private static void toggle(Manageable.Item item, boolean on) {
        if (item.rule() == null) {
            throw new ApiException(409, "import " + item.name() + " has no switch: give it a name on a rule"
                    + " around it, or use update");
        }
        if (on) {
            item.rule().spec().toggle().start();
        } else {
            item.rule().spec().toggle().stop();
        }
    }

    private static void update(Manageable.Item item) {
        if (item.ruleImport() == null) {
            throw new ApiException(409, item.name() + " is a rule, not an import: only imports are updated");
        }
        item.ruleImport().update();
    }

    private static Manageable.Item find(RuleSet rules, String name, String host, String webApp) {
        if (rules == null) {
            throw new ApiException(404, "no rules are loaded");
        }
        List<Manageable.Item> found = Manageable.in(rules).stream()
                .filter(item -> item.name().equals(name))
                .filter(item -> host == null || item.host().equals(host))
                .filter(item -> webApp == null || webApp.equals(item.webApp()))
                .toList();
        if (found.isEmpty()) {
            throw new ApiException(404, "no named rule or import " + name + (host == null ? "" : " in host " + host)
                    + (webApp == null ? "" : " in web-app " + webApp));
        }
        if (found.size() > 1) {
            throw new ApiException(409, "several rules are named " + name + "; say which with ?host= and ?webApp=",
                    found.stream().map(item -> "host=" + item.host() + (item.webApp() == null ? ""
                            : " webApp=" + item.webApp())).toList());
        }
        return found.get(0);
    }
}
