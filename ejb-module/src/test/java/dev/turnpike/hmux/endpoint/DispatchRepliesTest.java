package dev.turnpike.hmux.endpoint;

import static dev.turnpike.hmux.endpoint.WebTier.described;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.turnpike.hmux.HmuxFrame;
import dev.turnpike.mapping.DeployedWebApp;
import dev.turnpike.mapping.PluginTable;
import dev.turnpike.rules.BackendConfig;
import dev.turnpike.rules.ClusterConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The dispatch-configuration answers, in the shape Resin 4.0.66 gave them in capture 07. */
class DispatchRepliesTest {

    private static final List<String> SETTINGS = List.of("H \"check-interval\"", "S \"2\"", "H \"cookie\"",
            "S \"JSESSIONID\"", "H \"ssl-cookie\"", "S \"JSESSIONID\"", "H \"session-url-prefix\"",
            "S \";jsessionid=\"", "H \"alt-session-url-prefix\"", "S \"\"");

    private final AtomicReference<PluginTable> table = new AtomicReference<>(table("/echo/*"));
    private final DispatchReplies replies = new DispatchReplies(table::get, new ClusterConfig("app",
            List.of(BackendConfig.builder("app-0", "127.0.0.1", 6800).build()), "test"),
            SessionIds.standard(ServerCode.of(0)), Duration.ofSeconds(2));

    @Test
    void anUnknownNameIsAnAliasOfTheDefaultHost() {
        List<String> answer = described(replies.answer("127.0.0.1", null));
        assertEquals(concat(SETTINGS, List.of("h \"\"", "e \"h-default\"")), answer);
        assertEquals(List.of("n"), described(replies.answer("127.0.0.1", "h-default")));
    }

    @Test
    void theDefaultHostListsTheClusterAndThePatternsWithAnEtag() {
        List<HmuxFrame> answer = replies.answer("", null);
        List<String> shown = described(answer);
        assertEquals(concat(SETTINGS, List.of("h \"\"", "c \"app\"", "H \"live-time\"", "S \"60\"",
                "H \"dead-time\"", "S \"15\"", "H \"read-timeout\"", "S \"600\"", "H \"connect-timeout\"", "S \"5\"",
                "s \"127.0.0.1:6800\"", "a \"\"", "m \"*.jsp\"", "m \"/echo/*\"")), shown.subList(0, shown.size() - 1));
        String etag = ((HmuxFrame.DispatchEtag) answer.get(answer.size() - 1)).value();
        assertEquals(List.of("n"), described(replies.answer("", etag)), "the same etag: no change");

        table.set(table("/echo/*", "/more/*"));
        List<HmuxFrame> changed = replies.answer("", etag);
        assertNotEquals(etag, ((HmuxFrame.DispatchEtag) changed.get(changed.size() - 1)).value(),
                "a new pattern changes the etag");
    }

    private static PluginTable table(String... patterns) {
        List<String> all = new java.util.ArrayList<>(List.of("*.jsp"));
        all.addAll(List.of(patterns));
        return PluginTable.builder().deployed(new DeployedWebApp("", "", all)).build();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
