package dev.turnpike.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

/** Calls Turnpike's admin API as the administrator ({@link AdminLogin#ADMIN}), with the CSRF token for changes. */
public final class AdminClient {

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private String token;

    /** @param base the server's root, e.g. the Arquillian URL */
    public AdminClient(URI base) {
        this.base = base;
    }

    /** GETs an API path such as {@code /turnpike/api/errors}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs to an API path with the CSRF token; {@code json} may be {@code null} for no body. */
    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path).header("X-Turnpike-Csrf", token())
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a JSON answer. */
    public static JsonStructure json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.read();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", AdminLogin.ADMIN);
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            HttpResponse<String> answer = get("/turnpike/api/csrf");
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no CSRF token: " + answer.statusCode() + " " + answer.body());
            }
            token = json(answer).asJsonObject().getString("token");
        }
        return token;
    }
}
