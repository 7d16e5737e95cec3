package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.deploykeys.ProjectDeployKeys;
import dev.dkm.deploykeys.ProjectDeployKeys.Candidate;
import dev.dkm.deploykeys.ProjectDeployKeys.ProjectKey;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.DemoSession;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The details pane's deploy-key section without the FX toolkit, against the in-process sandbox's demo world (the
 * storefront clone is wired to its own deploy key): what it lists and marks, and what each action does on the server.
 * The tasks run through {@link TaskExecutor#synchronous()}, so every action has finished when it returns.
 *
 * <p>GitLab's source checked (gitlabhq/gitlabhq): {@code lib/api/deploy_keys.rb} — the whole {@code projects/:id/deploy_keys}
 * resource (list, get, add, enable, delete) sits behind {@code before { authorize_admin_project }}, i.e. Maintainer or
 * above; a Developer is answered 403.
 */
class DeployKeysSectionViewModelTest {
    private static final String STOREFRONT = "shop/frontend/storefront";
    private static final String MAINTAINER = "maria";
    private static final int DEVELOPER = 30;
    private static final int MAINTAINER_LEVEL = 40;
    private static final String ROLE_TOO_LOW = "Your role on " + STOREFRONT + " does not allow managing its deploy keys"
            + " (GitLab answered 403 (403 Forbidden); it needs Maintainer, or Owner for a group's, or an administrator).";

    @TempDir Path tmp;
    DemoSession demo;
    GitLabClient owner;
    DeployKeysSectionViewModel vm;

    @BeforeEach
    void start() throws Exception {
        demo = new DemoSession(tmp);
        owner = demo.ownerClient();
        vm = new DeployKeysSectionViewModel(() -> new ProjectDeployKeys(demo.services.connections()), TaskExecutor.synchronous());
    }

    @AfterEach
    void stop() {
        owner.close();
        demo.close();
    }

    private DeployKey storefrontKey() {
        return owner.projectDeployKeys(STOREFRONT).stream().filter(k -> k.title().equals("Workspace storefront"))
                .findFirst().orElseThrow();
    }

    private ProjectKey shown(String title) {
        return vm.keys().stream().filter(k -> k.key().title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void the_projects_keys_load_with_the_wired_one_marked() {
        vm.show(demo.repo("storefront"));

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.projectPath()).isEqualTo(STOREFRONT);
        assertThat(vm.keys()).extracting(k -> k.key().title()).containsExactly("Workspace storefront");
        ProjectKey used = vm.keys().get(0);
        assertThat(used.usedByThisRepo()).isTrue();
        assertThat(used.id()).isEqualTo(storefrontKey().id());
        assertThat(vm.placeholderProperty().get()).isEmpty();
        assertThat(vm.noteProperty().get()).isEmpty();
        assertThat(vm.canEnableProperty().get()).isTrue();

        vm.show(null);
        assertThat(vm.keys()).isEmpty();
        assertThat(vm.canEnableProperty().get()).as("nothing to enable a key on").isFalse();
        assertThat(vm.projectPath()).isNull();
    }

    @Test
    void a_view_listening_to_the_keys_hears_every_load_even_after_a_garbage_collection() {
        List<Integer> sizes = new ArrayList<>();
        vm.keys().addListener((ListChangeListener<ProjectKey>) c -> sizes.add(c.getList().size()));
        assertThat(vm.keys()).as("one list for good, not a fresh weakly-held wrapper per call").isSameAs(vm.keys());
        System.gc();

        vm.show(demo.repo("storefront"));

        assertThat(sizes).as("the section was told about the loaded key").contains(1);
    }

    @Test
    void an_answer_for_an_earlier_repository_is_dropped() throws Exception {
        BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        try (TaskExecutor background = TaskExecutor.background(callbacks::add)) {
            DeployKeysSectionViewModel slow = new DeployKeysSectionViewModel(
                    () -> new ProjectDeployKeys(demo.services.connections()), background);
            slow.show(demo.repo("storefront"));
            Runnable storefrontAnswer = callbacks.poll(60, TimeUnit.SECONDS);
            slow.show(demo.repo("website"));
            Runnable websiteAnswer = callbacks.poll(60, TimeUnit.SECONDS);
            assertThat(storefrontAnswer).isNotNull();
            assertThat(websiteAnswer).isNotNull();
            assertThat(slow.busyProperty().get()).isTrue();

            websiteAnswer.run();
            storefrontAnswer.run(); // late, for the repository shown before

            assertThat(slow.busyProperty().get()).isFalse();
            assertThat(slow.projectPath()).isEqualTo("acme/website");
            assertThat(slow.keys()).extracting(k -> k.key().title()).containsExactly("Website deploy");
        }
    }

    @Test
    void a_second_change_while_one_runs_is_not_sent_to_gitlab() throws Exception {
        BlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        try (TaskExecutor background = TaskExecutor.background(callbacks::add)) {
            DeployKeysSectionViewModel model = new DeployKeysSectionViewModel(
                    () -> new ProjectDeployKeys(demo.services.connections()), background);
            model.show(demo.repo("storefront"));
            callbacks.poll(60, TimeUnit.SECONDS).run();
            ProjectKey used = model.keys().get(0);

            model.toggle(used);
            assertThat(model.busyProperty().get()).isTrue();
            model.remove(used); // a double click's worth later, while the toggle is on its way

            callbacks.poll(60, TimeUnit.SECONDS).run(); // the toggle's answer, which lists again
            callbacks.poll(60, TimeUnit.SECONDS).run(); // the new listing
            assertThat(callbacks.poll(2, TimeUnit.SECONDS)).as("no third task ran").isNull();
            assertThat(owner.projectDeployKeys(STOREFRONT)).extracting(DeployKey::title).containsExactly("Workspace storefront");
            assertThat(storefrontKey().canPush()).isFalse();
            assertThat(model.messageProperty().get()).contains("is now read-only");
        }
    }

    @Test
    void toggling_changes_the_access_on_gitlab_and_says_what_it_means_for_this_repository() {
        vm.show(demo.repo("storefront"));
        assertThat(storefrontKey().canPush()).isTrue();

        vm.toggle(shown("Workspace storefront"));

        assertThat(storefrontKey().canPush()).isFalse();
        assertThat(shown("Workspace storefront").readWrite()).as("listed again as the server holds it").isFalse();
        assertThat(shown("Workspace storefront").usedByThisRepo()).isTrue();
        assertThat(vm.messageProperty().get()).contains("is now read-only on " + STOREFRONT)
                .endsWith("git push from storefront will be refused (fetch still works).");

        vm.toggle(shown("Workspace storefront"));
        assertThat(storefrontKey().canPush()).isTrue();
        assertThat(vm.messageProperty().get()).endsWith("is now read-write on " + STOREFRONT + ".");
    }

    @Test
    void enabling_another_key_offers_the_users_other_keys_and_removing_warns_only_for_the_used_one() {
        vm.show(demo.repo("storefront"));
        List<Candidate> offered = new ArrayList<>();
        vm.loadCandidates(offered::addAll);
        assertThat(vm.loadingCandidatesProperty().get()).isFalse();
        assertThat(offered).extracting(c -> c.key().title()).contains("Release bot", "CI read-only")
                .doesNotContain("Workspace storefront");
        Candidate release = offered.stream().filter(c -> c.key().title().equals("Release bot")).findFirst().orElseThrow();

        vm.enable(release, false);

        assertThat(vm.messageProperty().get()).isEqualTo("Enabled \"Release bot\" on " + STOREFRONT + ", read-only.");
        assertThat(owner.projectDeployKey(STOREFRONT, release.key().id()).canPush()).isFalse();
        assertThat(vm.keys()).extracting(k -> k.key().title()).containsExactly("Workspace storefront", "Release bot");

        ProjectKey used = shown("Workspace storefront");
        assertThat(vm.removalWarning(used)).get().asString().contains("the key storefront pushes with");
        assertThat(vm.removalText(used)).isEqualTo(vm.removalWarning(used).orElseThrow());
        ProjectKey enabled = shown("Release bot");
        assertThat(vm.removalWarning(enabled)).as("no warning for a key this repository does not use").isEmpty();
        assertThat(vm.removalText(enabled)).isEqualTo("GitLab deletes the key altogether when no other project uses it.");
        assertThat(vm.removalQuestion(enabled)).isEqualTo("Remove \"Release bot\" from " + STOREFRONT + "?");

        vm.remove(enabled);
        assertThat(vm.messageProperty().get()).isEqualTo("Removed \"Release bot\" from " + STOREFRONT + ".");
        assertThat(owner.projectDeployKeys(STOREFRONT)).extracting(DeployKey::title).containsExactly("Workspace storefront");

        vm.remove(used); // the view asked, with the warning, and the user confirmed
        assertThat(owner.projectDeployKeys(STOREFRONT)).isEmpty();
        assertThat(vm.keys()).isEmpty();
        assertThat(vm.placeholderProperty().get()).isEqualTo("No deploy keys on " + STOREFRONT + ".");
        assertThat(vm.noteProperty().get()).as("the wired key is gone from the project")
                .contains("is not a deploy key of " + STOREFRONT);
    }

    @Test
    void a_role_too_low_is_one_sentence_and_the_section_stays_usable() {
        vm.show(demo.repo("storefront"));
        ProjectKey used = shown("Workspace storefront");
        demo.server.world().addGroupMember("shop", MAINTAINER, DEVELOPER);

        vm.toggle(used);

        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo(ROLE_TOO_LOW).doesNotContain("\n");
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(storefrontKey().canPush()).as("nothing changed on the server").isTrue();
        assertThat(vm.keys()).as("the listing stays shown").containsExactly(used);
        assertThat(vm.canEnableProperty().get()).isTrue();

        demo.server.world().addGroupMember("shop", MAINTAINER, MAINTAINER_LEVEL);
        vm.toggle(used);
        assertThat(vm.errorProperty().get()).as("cleared by the next action").isEmpty();
        assertThat(storefrontKey().canPush()).isFalse();
    }

    @Test
    void a_failed_load_is_one_sentence_and_the_next_repository_loads() {
        demo.server.world().addGroupMember("shop", MAINTAINER, DEVELOPER);
        vm.show(demo.repo("storefront"));
        assertThat(vm.errorProperty().get()).isEqualTo(ROLE_TOO_LOW);
        assertThat(vm.keys()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();

    }
}
