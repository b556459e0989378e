package dev.turnpike.cdi;

import dev.turnpike.rules.Target;
import dev.turnpike.spi.AbstractTargetDispatchRule;
import dev.turnpike.spi.TurnpikeRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turnpike's portable CDI extension, registered in {@code META-INF/services}.
 *
 * <p>It registers the application-scoped {@link LiveRules} bean, so the rule registry and the
 * web tier share one live rule set without a static field, the {@link EndpointTrust} the HMUX
 * endpoint and the web tier share, and the {@link PluginTables} the web tier registers its servlet
 * context with, and records the container lifecycle
 * events it observed so operators can see that the extension is active.
 *
 * <p>It also finds the rules declared in Java: classes annotated {@link TurnpikeRule} are
 * collected as they are discovered, checked once the deployment is valid (each bad declaration
 * is a deployment problem naming the class), and kept as {@link #declaredRules()}, which
 * {@link CdiAppObjects} adds to every loaded configuration.
 */
public class TurnpikeExtension implements Extension {

    private static final Logger LOG = Logger.getLogger("dev.turnpike.cdi");

    private final List<String> observedPhases = new CopyOnWriteArrayList<>();
    private final List<Class<?>> annotatedRules = new ArrayList<>();
    private volatile List<DeclaredRuleClass> declaredRules = List.of();

    /**
     * A class declaring a rule in Java.
     *
     * @param type       the class, an {@link AbstractTargetDispatchRule}
     * @param annotation its declaration
     */
    public record DeclaredRuleClass(Class<?> type, TurnpikeRule annotation) {
    }

    void beforeBeanDiscovery(@Observes BeforeBeanDiscovery event) {
        observedPhases.add("BeforeBeanDiscovery");
    }

    void afterBeanDiscovery(@Observes AfterBeanDiscovery event) {
        event.addBean()
                .beanClass(LiveRules.class)
                .types(LiveRules.class, Object.class)
                .scope(ApplicationScoped.class)
                .<LiveRules>createWith(context -> new LiveRules())
                .destroyWith((live, context) -> live.stopped());
        event.addBean()
                .beanClass(EndpointTrust.class)
                .types(EndpointTrust.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(context -> new EndpointTrust());
        event.addBean()
                .beanClass(PluginTables.class)
                .types(PluginTables.class, Object.class)
                .scope(ApplicationScoped.class)
                .createWith(context -> new PluginTables());
        observedPhases.add("AfterBeanDiscovery");
    }

    <T> void findDeclaredRules(@Observes @WithAnnotations(TurnpikeRule.class) ProcessAnnotatedType<T> event) {
        if (event.getAnnotatedType().isAnnotationPresent(TurnpikeRule.class)) {
            annotatedRules.add(event.getAnnotatedType().getJavaClass());
        }
    }

    void afterDeploymentValidation(@Observes AfterDeploymentValidation event) {
        List<DeclaredRuleClass> valid = new ArrayList<>();
        Map<String, List<String>> byName = new LinkedHashMap<>();
        annotatedRules.sort(Comparator.comparing(Class::getName));
        for (Class<?> type : annotatedRules) {
            TurnpikeRule rule = type.getAnnotation(TurnpikeRule.class);
            String problem = check(type, rule);
            if (problem != null) {
                event.addDeploymentProblem(new DeploymentException("TPC0123 " + problem));
                continue;
            }
            if (!rule.name().isEmpty()) {
                byName.computeIfAbsent(rule.name(), name -> new ArrayList<>()).add(type.getName());
            }
            valid.add(new DeclaredRuleClass(type, rule));
        }
        byName.forEach((name, types) -> {
            if (types.size() > 1) {
                event.addDeploymentProblem(new DeploymentException("TPC0123 " + types.size() + " classes declare a"
                        + " @TurnpikeRule named '" + name + "': " + String.join(", ", types)
                        + "; a name must be unique, since it names the rule's MBean"));
            }
        });
        declaredRules = List.copyOf(valid);
        annotatedRules.clear();
        observedPhases.add("AfterDeploymentValidation");
        LOG.fine(() -> "Turnpike CDI extension active; LiveRules bean registered; " + declaredRules.size()
                + " rules declared in Java");
    }

    /** What is wrong with a rule declaration, naming the class; {@code null} when it is good. */
    static String check(Class<?> type, TurnpikeRule rule) {
        String declared = "@TurnpikeRule on " + type.getName();
        if (!AbstractTargetDispatchRule.class.isAssignableFrom(type)) {
            return declared + ": the class must extend " + AbstractTargetDispatchRule.class.getName();
        }
        Pattern regexp = null;
        if (!rule.regexp().isEmpty()) {
            try {
                regexp = Pattern.compile(rule.regexp());
            } catch (PatternSyntaxException e) {
                return declared + ": invalid regexp: " + e.getDescription() + " near index " + e.getIndex() + " of \""
                        + rule.regexp() + "\"";
            }
        }
        if (!rule.target().isEmpty()) {
            try {
                Target.of(rule.target(), regexp, Target.Replace.FIRST);
            } catch (IllegalArgumentException e) {
                return declared + ": invalid target \"" + rule.target() + "\": " + e.getMessage();
            }
        }
        if (!rule.enabled() && rule.name().isEmpty()) {
            return declared + ": enabled = false needs a name, to start the rule over JMX; otherwise it could never run";
        }
        return null;
    }

    /** The rules declared in Java that passed the checks, by class name; empty before deployment validation. */
    public List<DeclaredRuleClass> declaredRules() {
        return declaredRules;
    }

    /** The container lifecycle events this extension observed, in order. */
    public List<String> observedPhases() {
        return List.copyOf(observedPhases);
    }
}
