package dev.turnpike.it.resin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a Resin 4 installation for the oracle and writes it out: one cluster with one server
 * on loopback, optional cluster-level rules, and hosts that each have optional host-level rules
 * and a root web-app ({@code /}) with optional web-app-level rules, serving {@link ResinEchoServlet}
 * at {@link #ECHO_PATTERNS}.
 *
 * <p>Rule fragments are copied verbatim (only trimmed), so they may use {@code resin:*} tags (the
 * {@code resin} prefix is bound to {@value #RESIN_NS}) or Resin 3.1 {@code <rewrite-dispatch>}
 * sections. In the generated {@code resin.xml} the cluster fragment is the last content of
 * {@code <cluster>} before the first {@code <host>}, the host fragment is the first content of
 * {@code <host>}, and the web-app fragment is the only content of {@code <web-app>}. The standard
 * servlet behaviour (class loader, file servlet, welcome files, MIME types) comes from Resin's own
 * {@code app-default.xml}, imported from its jar at the top of the cluster; since {@code *.jsp} is
 * mapped to the echo servlet, the welcome file {@code index.jsp} makes {@code GET /} reach it too.
 *
 * <p>Resin checks its files every second; a web-app that has to stop for a redeploy waits at most
 * 200 ms for running requests (Resin may otherwise wait a minute for the very request that
 * noticed the change).
 */
public final class ResinLayout {

    /** Namespace of Resin's configuration elements, the default namespace of the document. */
    public static final String CONFIG_NS = "http://caucho.com/ns/resin";
    /** Namespace bound to the {@code resin} prefix. */
    public static final String RESIN_NS = "urn:java:com.caucho.resin";
    /** The {@code id} of the single cluster. */
    public static final String CLUSTER_ID = "oracle";
    /** The {@code id} of the single server, passed to Resin with {@code -server}. */
    public static final String SERVER_ID = "oracle-0";

    /** File in the work directory receiving Resin's warnings and errors (configuration errors among them). */
    public static final String WARNINGS_LOG = "warnings.log";

    /** Paths the echo servlet is mapped to in every web-app. */
    public static final List<String> ECHO_PATTERNS = List.of("/echo/*", "*.jsp", "*.php", "*.do");

    /**
     * One virtual host.
     *
     * @param name        the host name ({@code <host id>}); the empty string is Resin's default host
     * @param hostRules   XML inserted into {@code <host>}, or {@code null}
     * @param webAppRules XML inserted into the root {@code <web-app>}, or {@code null}
     */
    public record Host(String name, String hostRules, String webAppRules) {
        public Host {
            Objects.requireNonNull(name, "name");
        }
    }

    private String clusterRules;
    private final List<Host> hosts = new ArrayList<>();
    private final Map<String, String> webAppFiles = new LinkedHashMap<>();

    private ResinLayout() {
    }

    /** An empty layout; add at least one host. */
    public static ResinLayout create() {
        return new ResinLayout();
    }

    /** Sets the XML inserted into {@code <cluster>} after {@code <server>} ({@code null} for none). */
    public ResinLayout clusterRules(String xml) {
        this.clusterRules = xml;
        return this;
    }

    /**
     * Adds a file to every web-app, for rules that test the file system.
     *
     * @param path    the file's path in the web-app, starting with {@code /} and outside {@code WEB-INF}
     * @param content the file's text, written as UTF-8
     */
    public ResinLayout webAppFile(String path, String content) {
        if (!path.startsWith("/") || path.startsWith("/WEB-INF/") || path.contains("..")) {
            throw new IllegalArgumentException("'" + path + "' is not a path below a web-app's root");
        }
        webAppFiles.put(path.substring(1), Objects.requireNonNull(content, "content"));
        return this;
    }

    /** Adds a host; either fragment may be {@code null}. */
    public ResinLayout host(String name, String hostRules, String webAppRules) {
        Host host = new Host(name, hostRules, webAppRules);
        if (hosts.stream().anyMatch(h -> directoryName(h.name()).equals(directoryName(name)))) {
            throw new IllegalArgumentException("host '" + name + "' clashes with a host already in the layout");
        }
        hosts.add(host);
        return this;
    }

    public String clusterRules() {
        return clusterRules;
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** The root directory of the named host's root web-app below {@code workDir}. */
    public static Path webAppDirectory(Path workDir, String hostName) {
        return workDir.toAbsolutePath().resolve("webapps").resolve(directoryName(hostName));
    }

    /** The root directory of the named host below {@code workDir}. */
    public static Path hostDirectory(Path workDir, String hostName) {
        return workDir.toAbsolutePath().resolve("hosts").resolve(directoryName(hostName));
    }

    /**
     * Creates every host's directories below {@code workDir}: each web-app gets the echo servlet's
     * class file under {@code WEB-INF/classes}, a {@code WEB-INF/web.xml} mapping it and the files
     * of {@link #webAppFile}.
     */
    public void writeWebApps(Path workDir) {
        byte[] servletClass = echoServletClass();
        String classFile = ResinEchoServlet.class.getName().replace('.', '/') + ".class";
        try {
            for (Host host : hosts) {
                Files.createDirectories(hostDirectory(workDir, host.name()));
                Path webInf = webAppDirectory(workDir, host.name()).resolve("WEB-INF");
                Path target = webInf.resolve("classes").resolve(classFile);
                Files.createDirectories(target.getParent());
                Files.write(target, servletClass);
                Files.writeString(webInf.resolve("web.xml"), webXml());
                for (Map.Entry<String, String> file : webAppFiles.entrySet()) {
                    Path written = webAppDirectory(workDir, host.name()).resolve(file.getKey());
                    Files.createDirectories(written.getParent());
                    Files.writeString(written, file.getValue(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the web-apps below " + workDir, e);
        }
    }

    /** The {@code resin.xml} text for this layout, with absolute directories below {@code workDir}. */
    public String render(Path workDir, int httpPort, int serverPort) {
        return render(workDir, List.of(new Server(SERVER_ID, httpPort, serverPort)));
    }

    /**
     * A server of the cluster: its id, its HTTP port and its cluster (HMUX) port on 127.0.0.1.
     * Resin numbers the servers of a cluster in order, and writes the number as the first
     * character of the session ids a server creates ({@code a} for the first, {@code b}...).
     */
    public record Server(String id, int httpPort, int serverPort) {
    }

    /** The {@code resin.xml} text of a cluster of these servers; each process is started with its own id. */
    public String render(Path workDir, List<Server> servers) {
        if (hosts.isEmpty()) {
            throw new IllegalStateException("a Resin layout needs at least one host");
        }
        StringBuilder xml = new StringBuilder();
        xml.append("<resin xmlns=\"").append(CONFIG_NS).append("\" xmlns:resin=\"").append(RESIN_NS).append("\">\n");
        xml.append("  <log-handler name=\"\" level=\"all\" path=\"stdout:\" timestamp=\"[%H:%M:%S.%s] \"/>\n");
        xml.append("  <log-handler name=\"\" level=\"warning\" path=\"")
                .append(attribute(workDir.toAbsolutePath().resolve(WARNINGS_LOG).toString())).append("\"/>\n");
        xml.append("  <logger name=\"\" level=\"info\"/>\n");
        xml.append("  <dependency-check-interval>1s</dependency-check-interval>\n");
        xml.append("  <cluster id=\"").append(CLUSTER_ID).append("\">\n");
        xml.append("    <resin:import path=\"classpath:META-INF/caucho/app-default.xml\"/>\n");
        xml.append("    <web-app-default>\n");
        xml.append("      <session-config>\n");
        xml.append("        <use-persistent-store>false</use-persistent-store>\n");
        xml.append("      </session-config>\n");
        xml.append("    </web-app-default>\n");
        for (Server server : servers) {
            xml.append("    <server id=\"").append(server.id()).append("\" address=\"127.0.0.1\" port=\"")
                    .append(server.serverPort()).append("\">\n");
            xml.append("      <http address=\"127.0.0.1\" port=\"").append(server.httpPort()).append("\"/>\n");
            xml.append("      <shutdown-wait-max>200ms</shutdown-wait-max>\n");
            xml.append("    </server>\n");
        }
        fragment(xml, clusterRules, "    ");
        for (Host host : hosts) {
            xml.append("    <host id=\"").append(attribute(host.name())).append("\" root-directory=\"")
                    .append(attribute(hostDirectory(workDir, host.name()).toString())).append("\">\n");
            fragment(xml, host.hostRules(), "      ");
            xml.append("      <web-app id=\"/\" root-directory=\"")
                    .append(attribute(webAppDirectory(workDir, host.name()).toString())).append("\">\n");
            fragment(xml, host.webAppRules(), "        ");
            xml.append("      </web-app>\n");
            xml.append("    </host>\n");
        }
        xml.append("  </cluster>\n");
        xml.append("</resin>\n");
        return xml.toString();
    }

    /** The deployment descriptor mapping the echo servlet. */
    static String webXml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<web-app xmlns=\"http://java.sun.com/xml/ns/javaee\" version=\"3.0\">\n");
        xml.append("  <servlet>\n");
        xml.append("    <servlet-name>echo</servlet-name>\n");
        xml.append("    <servlet-class>").append(ResinEchoServlet.class.getName()).append("</servlet-class>\n");
        xml.append("  </servlet>\n");
        xml.append("  <servlet-mapping>\n");
        xml.append("    <servlet-name>echo</servlet-name>\n");
        for (String pattern : ECHO_PATTERNS) {
            xml.append("    <url-pattern>").append(pattern).append("</url-pattern>\n");
        }
        xml.append("  </servlet-mapping>\n");
        xml.append("</web-app>\n");
        return xml.toString();
    }

    private static byte[] echoServletClass() {
        String resource = ResinEchoServlet.class.getSimpleName() + ".class";
        try (InputStream in = ResinEchoServlet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static void fragment(StringBuilder xml, String fragment, String indent) {
        if (fragment == null || fragment.isBlank()) {
            return;
        }
        xml.append(indent).append(fragment.strip()).append('\n');
    }

    private static String directoryName(String hostName) {
        return hostName.isEmpty() ? "_default" : hostName.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
