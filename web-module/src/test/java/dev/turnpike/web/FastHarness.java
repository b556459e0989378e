package dev.turnpike.web;

import dev.turnpike.admin.AdminAccess;
import dev.turnpike.admin.AdminFilter;
import dev.turnpike.admin.CsrfGuard;
import dev.turnpike.admin.StatusResource;
import dev.turnpike.admin.TurnpikeApi;
import dev.turnpike.cdi.LiveRules;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The web module without an application server: Weld SE runs the CDI extension (found through
 * {@code META-INF/services}), Jetty 12 ee10 runs the real filters and servlets obtained from Weld,
 * Jersey runs the JAX-RS application, and the default servlet serves the WAR's and the admin UI
 * fragment's static files. Listens on a free loopback port. Without a login service, Turnpike's
 * page and API let loopback clients read ({@code turnpike.admin.anonymous-read=loopback}).
 */
final class FastHarness implements AutoCloseable {

    private final WeldContainer weld;
    private final Server jetty;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private FastHarness(WeldContainer weld, Server jetty, URI base) {
        this.weld = weld;
        this.jetty = jetty;
        this.base = base;
    }

    static FastHarness start() throws Exception {
        WeldContainer weld = new Weld()
                .addBeanClasses(DispatchFilter.class, LocalOnlyFilter.class, CauchoStatusServlet.class,
                        StatusResource.class, WebAppRegistration.class, AdminFilter.class, CsrfGuard.class)
                .initialize();
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        ResourceFactory resources = ResourceFactory.of(context);
        context.setBaseResource(ResourceFactory.combine(List.of(
                resources.newResource(Path.of("src/main/webapp")),
                resources.newResource(adminUiResources()))));
        context.setWelcomeFiles(new String[] {"index.html"});
        context.setInitParameter(AdminAccess.ANONYMOUS_READ, "loopback");
        context.addEventListener(weld.select(WebAppRegistration.class).get());
        context.addFilter(new FilterHolder(weld.select(LocalOnlyFilter.class).get()), "/caucho-status",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(weld.select(LocalOnlyFilter.class).get()), "/turnpike/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(weld.select(AdminFilter.class).get()), "/turnpike/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(weld.select(DispatchFilter.class).get()), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(weld.select(CauchoStatusServlet.class).get()), "/caucho-status");
        context.addServlet(new ServletHolder(new ServletContainer(ResourceConfig.forApplicationClass(TurnpikeApi.class))),
                "/turnpike/api/*");
        context.addServlet(new ServletHolder("default", DefaultServlet.class), "/");
        jetty.setHandler(context);
        jetty.start();
        return new FastHarness(weld, jetty, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    /** {@code META-INF/resources/} of the admin-ui fragment, wherever the class path has it. */
    private static URI adminUiResources() throws URISyntaxException {
        URL page = FastHarness.class.getClassLoader().getResource("META-INF/resources/turnpike/index.html");
        if (page == null) {
            throw new IllegalStateException("the admin-ui fragment is not on the test class path");
        }
        String uri = page.toURI().toString();
        return URI.create(uri.substring(0, uri.length() - "turnpike/index.html".length()));
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** GETs a path relative to the root, with header name/value pairs, without following redirects. */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs a JSON body to a path relative to the root. */
    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json);
    }

    /** POSTs a body of the given type to a path relative to the root. */
    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    LiveRules live() {
        return weld.select(LiveRules.class).get();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop", e);
        } finally {
            weld.close();
        }
    }
}
