package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.DeployTokenCreation;
import dev.dkm.tokens.RegistryTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Create deploy token" wizard's state without a screen (no toolkit started), against the sandbox: a bad form is
 * one line and no call; a good one creates the token on the client asked at the moment of Create (so an instance
 * logged in to after the window opened is the one used), and "Log Docker in" writes the registry login. Checked in
 * GitLab's source: lib/api/deploy_tokens.rb (POST projects/:id/deploy_tokens needs name and at least one scope;
 * expires_at optional, "If omitted, the deploy token does not expire").
 */
class CreateDeployTokenViewModelTest {
    @TempDir Path tmp;
    SandboxServer server;
    GitLabClient maintainer;
    final AtomicInteger clientLookups = new AtomicInteger();

    @BeforeEach
    void start() {
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        maintainer = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
    }

    @AfterEach
    void stop() {
        maintainer.close();
        server.close();
    }

    private CreateDeployTokenViewModel model(RegistryTarget registry) {
        DeployTokenCreation creation = new DeployTokenCreation(() -> {
            clientLookups.incrementAndGet();
            return maintainer;
        });
        TokensServices services = new TokensServices(p -> null, creation, null, () -> registry, () -> List.of(30), null);
        return new CreateDeployTokenViewModel(services, TaskExecutor.synchronous(), LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void a_form_gitlab_would_refuse_is_one_line_and_no_call() {
        CreateDeployTokenViewModel model = model(null);
        model.pathProperty().set("acme/website");
        model.scopes().values().forEach(chosen -> chosen.set(false));
        model.nameProperty().set("k8s-pull");

        model.create();

        assertThat(model.errorProperty().get()).isEqualTo("choose at least one scope");
        assertThat(model.createdProperty().get()).isNull();
        assertThat(clientLookups.get()).isZero();
        assertThat(maintainer.deployTokens(Scope.PROJECT, "acme/website", null)).isEmpty();
    }

    @Test
    void creates_on_the_client_of_the_moment_and_logs_docker_in() throws Exception {
        String registry = server.url().substring("http://".length());
        Path config = tmp.resolve("docker/config.json");
        CreateDeployTokenViewModel model = model(new RegistryTarget(registry, config, "docker", "/usr/bin:/bin"));
        assertThat(model.scopes().get("read_registry").get()).as("default scope").isTrue();
        model.pathProperty().set(" acme/website ");
        model.nameProperty().set("k8s-pull");
        model.neverProperty().set(true);

        model.create();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(clientLookups.get()).isEqualTo(1);
        DeployToken onGitLab = maintainer.deployTokens(Scope.PROJECT, "acme/website", null).get(0);
        assertThat(onGitLab.name()).isEqualTo("k8s-pull");
        assertThat(onGitLab.expiresAt()).isNull();
        assertThat(model.createdProperty().get().id()).isEqualTo(onGitLab.id());
        model.create(); // pressing again does not create a second one
        assertThat(maintainer.deployTokens(Scope.PROJECT, "acme/website", null)).hasSize(1);

        model.logDockerIn();

        assertThat(model.loggedInProperty().get()).as(model.loginResultProperty().get()).isTrue();
        assertThat(Files.readString(config)).contains(registry);
        assertThat(model.loginResultProperty().get()).doesNotContain(model.createdProperty().get().token().reveal());
    }
}
