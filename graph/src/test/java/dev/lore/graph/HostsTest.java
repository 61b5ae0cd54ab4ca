package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {
    @Test
    void wildcardAddressesAreReachedOnLoopback() {
        assertThat(Hosts.reachable("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(Hosts.reachable("::")).isEqualTo("127.0.0.1");
        assertThat(Hosts.reachable("[::]")).isEqualTo("127.0.0.1");
        assertThat(Hosts.wildcard("127.0.0.1")).isFalse();
    }

    @Test
    void ipv6LiteralsGoInBracketsAndNamesStayAsTheyAre() {
        assertThat(Hosts.reachable("::1")).isEqualTo("[::1]");
        assertThat(Hosts.inUri("[::1]")).isEqualTo("[::1]");
        assertThat(Hosts.reachable("wiki.example.com")).isEqualTo("wiki.example.com");
        assertThat(Hosts.reachable("10.0.0.5")).isEqualTo("10.0.0.5");
    }
}
