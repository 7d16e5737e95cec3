package dev.dkm.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11, defect 10: two GitLab instances on one host, told apart by their ports (web and SSH). */
class InstanceLookupPortsTest {
    private static final InstanceSettings TEST = new InstanceSettings("test", "https://gitlab.corp:8443", "gitlab.corp", 2222,
            null, null, null, List.of());
    private static final InstanceSettings PROD = new InstanceSettings("prod", "https://gitlab.corp:9443", "gitlab.corp", 2223,
            null, null, null, List.of());

    private static InstanceLookup lookup(InstanceSettings first) {
        Settings s = Settings.defaults().withInstances(List.of(TEST, PROD));
        return new InstanceLookup(s, first);
    }

    @Test
    void ssh_remotes_go_to_the_instance_with_their_port() {
        assertThat(lookup(null).forRemote("ssh", "gitlab.corp", 2223)).contains(PROD);
        assertThat(lookup(null).forRemote("ssh", "gitlab.corp", 2222)).contains(TEST);
        assertThat(lookup(null).forRemoteHost("gitlab.corp", 2223)).contains(PROD);
        assertThat(lookup(null).forRemoteHost("gitlab.corp", 22)).as("neither listens there: no guess").isEmpty();
        assertThat(lookup(PROD).forRemoteHost("gitlab.corp", 22)).as("unless one was named").contains(PROD);
    }

    @Test
    void https_remotes_go_to_the_instance_with_their_web_port() {
        assertThat(lookup(null).forRemote("https", "gitlab.corp", 9443)).contains(PROD);
        assertThat(lookup(null).forRemote("https", "gitlab.corp", 8443)).contains(TEST);
    }

    @Test
    void one_instance_on_a_host_still_takes_what_comes_as_before() {
        Settings s = Settings.defaults().withInstances(List.of(TEST));
        assertThat(new InstanceLookup(s).forRemoteHost("gitlab.corp", -1)).contains(TEST);
    }
}
