package dev.turnpike.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The request to explain, as {@code POST /turnpike/api/explain} takes it. Only {@code url} is
 * required; the rest defaults to a plain GET from this machine without headers, cookies or user.
 *
 * @param method     the HTTP method, {@code GET} when absent
 * @param url        an absolute {@code http(s)://host[:port]/path?query} or a path with query
 * @param headers    request headers, one value each
 * @param cookies    cookies by name
 * @param remoteAddr the client's address, {@code 127.0.0.1} when absent
 * @param secure     whether the request came over HTTPS; absent: as the URL's scheme says
 * @param user       the authenticated user, or none
 * @param roles      the user's roles
 */
public record ExplainRequest(
        @Pattern(regexp = "[A-Za-z]{1,20}", message = "must be an HTTP method such as GET") String method,
        @NotBlank @Size(max = 8192) String url,
        @Size(max = 100) Map<@NotBlank @Size(max = 256) String, @Size(max = 8192) String> headers,
        @Size(max = 100) Map<@NotBlank @Size(max = 256) String, @Size(max = 4096) String> cookies,
        @Size(max = 64) String remoteAddr,
        Boolean secure,
        @Size(max = 256) String user,
        @Size(max = 100) List<@NotBlank @Size(max = 256) String> roles) {
}
