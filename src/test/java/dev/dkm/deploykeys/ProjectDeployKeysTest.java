package dev.dkm.deploykeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.deploykeys.ProjectDeployKeys.Candidate;
import dev.dkm.deploykeys.ProjectDeployKeys.Listing;
import dev.dkm.deploykeys.ProjectDeployKeys.ProjectKey;
import dev.dkm.deploykeys.ProjectDeployKeys.Target;
import dev.dkm.testsupport.DemoSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The details pane's deploy-key use case against the sandbox's demo world and its wired storefront clone. */
class ProjectDeployKeysTest {
    private static final String STOREFRONT = "shop/frontend/storefront";

    @TempDir Path tmp;
    DemoSession demo;
    ProjectDeployKeys keys;
    GitLabClient owner;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoSession(tmp);
        keys = new ProjectDeployKeys(demo.services.connections());
        owner = demo.ownerClient();
    }

    @AfterEach
    void stop() {
        owner.close();
        demo.close();
    }

    private Target storefront() {
        return keys.target(demo.repo("storefront")).orElseThrow();
    }

    private DeployKey onServer(String project, long id) {
        return owner.projectDeployKey(project, id);
    }

    @Test
    void the_list_marks_the_key_the_repository_is_wired_to() throws Exception {
        Target target = storefront();
        assertThat(target.projectPath()).isEqualTo(STOREFRONT);
        assertThat(target.instanceUrl()).isEqualTo(demo.server.url());

        Listing listing = keys.list(target);

        assertThat(listing.keys()).hasSize(1);
        ProjectKey used = listing.keys().get(0);
        assertThat(used.usedByThisRepo()).isTrue();
        assertThat(used.key().title()).isEqualTo("Workspace storefront");
        assertThat(used.readWrite()).isTrue();
        assertThat(used.shortFingerprint()).startsWith("SHA256:").endsWith("…").hasSize("SHA256:".length() + 13);
        assertThat(listing.note()).isNull();
    }

    @Test
    void a_repository_over_https_uses_no_key_and_one_without_a_configured_instance_has_no_target() throws Exception {
        Listing orders = keys.list(keys.target(demo.repo("orders")).orElseThrow());
        assertThat(orders.keys()).extracting(k -> k.key().title()).containsExactly("CI read-only");
        assertThat(orders.keys()).noneMatch(ProjectKey::usedByThisRepo);

        ProjectDeployKeys nowhere = new ProjectDeployKeys((host, port) -> Optional.empty());
        assertThat(nowhere.target(demo.repo("storefront"))).isEmpty();
    }

    @Test
    void toggling_read_write_and_read_only_is_what_the_server_holds() throws Exception {
        Target target = storefront();
        ProjectKey used = keys.list(target).keys().get(0);

        ProjectKey readOnly = keys.setCanPush(target, used.id(), false);

        assertThat(readOnly.readWrite()).isFalse();
        assertThat(readOnly.usedByThisRepo()).isTrue();
        assertThat(onServer(STOREFRONT, used.id()).canPush()).isFalse();
        assertThat(ProjectDeployKeys.accessChanged(target, readOnly)).contains("read-only").contains("git push from storefront will be refused");

        assertThat(keys.setCanPush(target, used.id(), true).readWrite()).isTrue();
        assertThat(onServer(STOREFRONT, used.id()).canPush()).isTrue();
    }

    @Test
    void removing_the_key_the_repository_uses_is_refused_until_confirmed_and_then_done() throws Exception {
        Target target = storefront();
        ProjectKey used = keys.list(target).keys().get(0);
        assertThat(ProjectDeployKeys.removalWarning(target, used)).get().asString().contains("will stop working");

        assertThatThrownBy(() -> keys.remove(target, used, false))
                .isInstanceOf(KeyManagementException.class).hasMessageContaining("git push and fetch from storefront");
        assertThat(owner.projectDeployKeys(STOREFRONT)).hasSize(1);

        keys.remove(target, used, true);

        assertThat(owner.projectDeployKeys(STOREFRONT)).isEmpty();
        assertThat(keys.list(target).note()).contains("is not a deploy key of " + STOREFRONT);
    }

    @Test
    void another_projects_key_is_offered_and_enabled_read_only_or_read_write() throws Exception {
        Target target = storefront();
        List<Candidate> offered = keys.enableable(target);

        assertThat(offered).extracting(c -> c.key().title())
                .contains("CI read-only", "Release bot", "Mirror (shared)", "Website deploy")
                .doesNotContain("Workspace storefront");
        Candidate release = offered.stream().filter(c -> c.key().title().equals("Release bot")).findFirst().orElseThrow();
        assertThat(release.source()).isEqualTo("from your projects");

        ProjectKey enabled = keys.enable(target, release.key().id(), false);

        assertThat(enabled.readWrite()).isFalse();
        assertThat(onServer(STOREFRONT, release.key().id()).canPush()).isFalse();
        assertThat(onServer("shop/backend/payments", release.key().id()).canPush()).as("untouched where it was").isTrue();
        assertThat(keys.list(target).keys()).extracting(ProjectKey::id).contains(release.key().id());
        assertThat(keys.enableable(target)).extracting(c -> c.key().id()).doesNotContain(release.key().id());

        Candidate website = offered.stream().filter(c -> c.key().title().equals("Website deploy")).findFirst().orElseThrow();
        assertThat(keys.enable(target, website.key().id(), true).readWrite()).isTrue();
        assertThat(onServer(STOREFRONT, website.key().id()).canPush()).isTrue();
    }

    @Test
    void failures_are_one_sentence_from_gitlab() {
        Target target = storefront();
        assertThatThrownBy(() -> keys.setCanPush(target, 99999, true))
                .isInstanceOf(KeyManagementException.class)
                .hasMessage("GitLab answered 404 for " + STOREFRONT
                        + ": it does not exist, or this token cannot see it (404 Not found).");
    }
}
