package dev.turnpike.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.turnpike.config.ConfigProblem;
import dev.turnpike.rules.RuleSet;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class TurnpikeExtensionTest {

    /** A bean of the application that needs the live rules. */
    @Dependent
    static class RulesClient {
        @Inject
        LiveRules live;
    }

    @Test
    void theExtensionIsRegisteredAsAServiceProvider() {
        List<String> extensions = ServiceLoader.load(Extension.class).stream()
                .map(provider -> provider.type().getName()).toList();
        assertEquals(true, extensions.contains(TurnpikeExtension.class.getName()), extensions.toString());
    }

    @Test
    void theExtensionRegistersOneApplicationScopedLiveRules() {
        try (WeldContainer container = new Weld().disableDiscovery().addExtension(new TurnpikeExtension())
                .addBeanClass(RulesClient.class).initialize()) {
            LiveRules first = container.select(RulesClient.class).get().live;
            LiveRules second = container.select(RulesClient.class).get().live;
            assertNull(first.current());

            RuleSet rules = new RuleSet(List.of(), "a.xml");
            first.loaded(rules, Instant.EPOCH);
            assertSame(rules, second.current());

            TurnpikeExtension extension = container.select(TurnpikeExtension.class).get();
            assertEquals(List.of("BeforeBeanDiscovery", "AfterBeanDiscovery", "AfterDeploymentValidation"),
                    extension.observedPhases());
        }
    }

    @Test
    void aFailedLoadKeepsTheServingRules() {
        LiveRules live = new LiveRules();
        RuleSet rules = new RuleSet(List.of(), "a.xml");
        live.loaded(rules, Instant.EPOCH);
        List<ConfigProblem> problems = List.of(new ConfigProblem("a.xml", 1, 2, "TPC0102", "unknown element"));

        live.failed("a.xml", problems, Instant.EPOCH.plusSeconds(1));

        assertSame(rules, live.current());
        assertEquals(problems, live.snapshot().problems());
        assertEquals(Instant.EPOCH, live.snapshot().loadedAt());
        assertEquals(Instant.EPOCH.plusSeconds(1), live.snapshot().failedAt());
    }
}
