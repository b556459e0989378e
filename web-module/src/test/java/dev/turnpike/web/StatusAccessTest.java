package dev.turnpike.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who may see the status pages: loopback always, other networks only when named. */
class StatusAccessTest {

    @Test
    void withoutTheSettingOnlyLoopbackClientsMay() {
        StatusAccess access = StatusAccess.of(null);
        assertTrue(access.allows("127.0.0.1"));
        assertTrue(access.allows("127.8.9.10"));
        assertTrue(access.allows("::1"));
        assertTrue(access.allows("0:0:0:0:0:0:0:1"));
        assertFalse(access.allows("10.0.0.5"));
        assertFalse(access.allows("::ffff:10.0.0.5"));
        assertFalse(access.allows("localhost"), "a name is not an address: nothing is resolved");
        assertEquals("this machine only", StatusAccess.of("  ").description());
    }

    @Test
    void namedNetworksAreAddedToLoopback() {
        StatusAccess access = StatusAccess.of("10.0.0.0/8, 192.168.1.7 2001:db8::/32");
        assertTrue(access.allows("127.0.0.1"));
        assertTrue(access.allows("10.200.3.4"));
        assertTrue(access.allows("192.168.1.7"));
        assertFalse(access.allows("192.168.1.8"));
        assertTrue(access.allows("2001:db8::42"));
        assertEquals("this machine and 10.0.0.0/8, 192.168.1.7 2001:db8::/32", access.description());
    }

    @Test
    void aValueThatIsNoNetworkIsRefusedWithTheSettingsName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusAccess.of("10.0.0.0/33"));
        assertTrue(e.getMessage().startsWith("turnpike.status.allow=\"10.0.0.0/33\": "), e.getMessage());
    }
}
