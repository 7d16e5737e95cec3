package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.registry.RegistryAuthFile;
import dev.dkm.registry.RegistryCredential;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialKind;
import dev.dkm.tokens.DeployTokenCreation;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.RegistryTarget;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizards end to end: create on the sandbox, see the token once, log Docker in to a temp config; rotate a
 * selected token with each step shown.
 */
@ExtendWith(ApplicationExtension.class)
class CreateDeployTokenDialogTest {
    @TempDir
    static Path tmp;
    static SandboxServer server;
    static GitLabClient client;
    static Path config;
    static String registry;
    static final List<CredentialItem> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
    TokensView view;

    @BeforeAll
    static void start() {
        server = Sandbox.builder().dataDir(tmp.resolve("data")).start();
        client = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()));
        config = tmp.resolve("docker/config.json");
        registry = server.url().substring("http://".length());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Start
    void show(Stage stage) {
        TokensServices services = new TokensServices(p -> new CollectionResult(shown, List.of()),
                new DeployTokenCreation(client), listener -> new DeployTokenRotation(client, listener), new RegistryTarget(registry, config, "docker", "/usr/bin:/bin"), List.of(30, 7));
        view = new TokensView(services, TaskExecutor.synchronous());
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
    }

    @Test
    void creates_shows_the_token_once_and_logs_docker_in(FxRobot robot) throws Exception {
        robot.clickOn("#create-deploy-token");
        robot.clickOn("#deploy-token-path").write("acme/website");
        robot.clickOn("#deploy-token-name").write("wizard-pull");
        robot.clickOn("Create");
        WaitForAsyncUtils.waitForFxEvents();

        String username = robot.lookup("#deploy-token-username").queryAs(TextField.class).getText();
        String token = robot.lookup("#deploy-token-value").queryAs(TextField.class).getText();
        assertThat(username).startsWith("gitlab+deploy-token-");
        assertThat(client.deployTokens(Scope.PROJECT, "acme/website", null))
                .anyMatch(t -> t.name().equals("wizard-pull") && t.scopes().equals(List.of("read_registry")) && t.expiresAt() != null);
        assertThat(robot.lookup(".token-warning").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().contains("GitLab will not show it again"));

        robot.clickOn("#deploy-token-docker-login");
        WaitForAsyncUtils.waitForFxEvents();

        RegistryCredential stored = new RegistryAuthFile(config, null).storedInFile(registry).orElseThrow();
        assertThat(stored.username()).isEqualTo(username);
        assertThat(stored.secret().reveal()).isEqualTo(token);
        String shown = robot.lookup("#deploy-token-login-result").queryAs(Label.class).getText();
        assertThat(shown).contains(config.toString()).contains("--password-stdin").doesNotContain(token);
        robot.clickOn("Close");
    }

    @Test
    void rotates_the_selected_deploy_token_showing_each_step(FxRobot robot) {
        String secret = server.world().createDeployToken("acme/website", null, "rotate-me", List.of("read_registry"), null);
        String user = server.world().deployTokenUsername(secret);
        long id = client.deployTokens(Scope.PROJECT, "acme/website", null).stream()
                .filter(t -> t.username().equals(user)).findFirst().orElseThrow().id();
        shown.add(new CredentialItem("deploy-token:127.0.0.1:" + id, CredentialKind.DEPLOY_TOKEN, "rotate-me", server.url(),
                "acme/website", List.of("read_registry"), null, null, null, false, null, List.of("acme/website"), false,
                CredentialItem.Place.PROJECT));
        robot.interact(() -> view.refresh());
        robot.interact(() -> view.table().getSelectionModel().select(0));

        robot.clickOn("#rotate-deploy-token");
        assertThat(robot.lookup("#rotation-remotes-warning").queryAs(Label.class).getText()).contains("acme/website");
        robot.clickOn("Rotate");
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<String> steps = robot.lookup("#rotation-steps").queryAs(javafx.scene.control.ListView.class);
        assertThat(steps.getItems()).hasSize(4).allMatch(s -> s.contains(": done") || s.contains(": skipped"));
        String newToken = robot.lookup("#rotated-token").queryAs(TextField.class).getText();
        assertThat(client.registryAccepts("acme/website", robot.lookup("#rotated-username").queryAs(TextField.class).getText(),
                Secret.of(newToken))).isTrue();
        assertThat(client.registryAccepts("acme/website", user, Secret.of(secret))).isFalse();
        assertThat(steps.getItems().toString()).doesNotContain(newToken);
        robot.clickOn("Close");
    }
}
