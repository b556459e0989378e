package dev.turnpike.samples;

import dev.turnpike.spi.AbstractTargetDispatchRule;
import jakarta.enterprise.context.Dependent;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After}, saying the target is closed;
 * with {@link OfficeHours} it closes part of a site out of hours.
 *
 * <pre>{@code
 * <office:Closed regexp="^/shop/" retry-after="600" xmlns:office="urn:java:dev.turnpike.samples">
 *   <resin:Not><office:OfficeHours open="09:00" close="17:00"/></resin:Not>
 * </office:Closed>
 * }</pre>
 */
@Dependent
public class Closed extends AbstractTargetDispatchRule {

    @Min(1)
    @Max(86_400)
    private int retryAfter = 3600;

    /** Seconds until clients should try again, 1 to 86400 (a day); 3600 when not given. */
    public void setRetryAfter(int retryAfter) {
        this.retryAfter = retryAfter;
    }

    @Override
    protected FilterChain createDispatch(DispatcherType type, String uri, String queryString, String target,
                                         FilterChain next) {
        return (request, response) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            http.setHeader("Retry-After", Integer.toString(retryAfter));
            http.setContentType("text/plain;charset=UTF-8");
            http.getWriter().print(target + " is closed now; try again in " + retryAfter + " s\n");
        };
    }
}
