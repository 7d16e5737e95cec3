package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialKind;
import dev.dkm.tokens.DeployTokenRotation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Rotate deploy token" dialog's state without a screen (no toolkit started): against the sandbox, the steps
 * arrive as the rotation reports them, on the token's own instance, and the old token is gone afterwards; a token
 * that does not exist ends in "failed"/"rolled back" with the reason among the steps. Endpoints checked in GitLab's
 * source: lib/api/deploy_tokens.rb (POST/DELETE projects/:id/deploy_tokens).
 */
class RotateDeployTokenViewModelTest {
    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient owner;
    final AtomicReference<String> rotatedOn = new AtomicReference<>();

    @BeforeEach
    void start() {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        owner = GitLabClient.connect(server.url(), Secret.of(server.ownerToken()));
    }

    @AfterEach
    void stop() {
        owner.close();
        server.close();
    }

    private TokensServices services() {
        return new TokensServices(p -> null, null, (instance, listener) -> {
            rotatedOn.set(instance);
            return new DeployTokenRotation(owner, listener);
        }, () -> null, () -> List.of(30, 7), null);
    }

    private CredentialItem item(long id, List<String> dependents) {
        return new CredentialItem(CredentialKind.DEPLOY_TOKEN.id() + ":" + server.url() + ":" + id, CredentialKind.DEPLOY_TOKEN,
                "ci-pull", server.url(), "acme/website", List.of("read_registry"), null, null, null, false, null, dependents);
    }

    @Test
    void rotation_reports_each_step_on_the_tokens_instance_and_revokes_the_old_token() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DeployToken old = owner.createDeployToken(Scope.PROJECT, "acme/website", "ci-pull", List.of("read_registry"), null, null);
        RotateDeployTokenViewModel model = new RotateDeployTokenViewModel(item(old.id(), List.of("website")), services(),
                TaskExecutor.synchronous(), today);
        assertThat(model.dockerLoginText()).as("no registry: the choice is hidden").isNull();
        assertThat(model.remotesWarning()).contains("website");
        model.expiresProperty().set(today.plusDays(90));

        model.rotate();

        assertThat(model.phaseProperty().get()).isEqualTo(RotateDeployTokenViewModel.Phase.ROTATED);
        assertThat(model.rotated()).isTrue();
        assertThat(rotatedOn.get()).isEqualTo(server.url());
        assertThat(model.steps()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", model.steps())).doesNotContain(model.resultProperty().get().newToken().token().reveal());
        assertThat(owner.deployTokens(Scope.PROJECT, "acme/website", true)).extracting(DeployToken::id)
                .doesNotContain(old.id()).contains(model.resultProperty().get().newToken().id());
        model.rotate(); // a second press does nothing
        assertThat(owner.deployTokens(Scope.PROJECT, "acme/website", true)).hasSize(1);
    }

    @Test
    void a_token_gitlab_does_not_know_ends_without_change_and_says_why() {
        RotateDeployTokenViewModel model = new RotateDeployTokenViewModel(item(987654, List.of()), services(),
                TaskExecutor.synchronous(), LocalDate.now(ZoneOffset.UTC));
        assertThat(model.remotesWarning()).isNull();

        model.rotate();

        assertThat(model.rotated()).isFalse();
        assertThat(model.phaseProperty().get()).isIn(RotateDeployTokenViewModel.Phase.ROLLED_BACK, RotateDeployTokenViewModel.Phase.FAILED);
        assertThat(model.steps()).isNotEmpty();
        assertThat(owner.deployTokens(Scope.PROJECT, "acme/website", true)).isEmpty();
    }
}
