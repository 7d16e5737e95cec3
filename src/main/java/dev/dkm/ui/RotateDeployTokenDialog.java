package dev.dkm.ui;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.tokens.CreatedDeployToken;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.DeployTokenRequest;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.RotationResult;
import java.time.LocalDate;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Rotates one deploy token with each step shown as it happens: new token → registry login → check → revoke the
 * old one. On success the new user name and token are shown once; on failure everything was rolled back.
 * The result is true when the token was rotated.
 */
final class RotateDeployTokenDialog extends Dialog<Boolean> {
    private static final ButtonType ROTATE = new ButtonType("Rotate", ButtonBar.ButtonData.OK_DONE);

    private final CredentialItem item;
    private final TokensServices services;
    private final TaskExecutor executor;
    private final LocalDate today;
    private final DatePicker expires = new DatePicker();
    private final CheckBox dockerLogin = new CheckBox();
    private final ListView<String> steps = new ListView<>();
    private final VBox page = new VBox(10);
    private boolean rotated;

    RotateDeployTokenDialog(CredentialItem item, TokensServices services, TaskExecutor executor, LocalDate today) {
        this.item = item;
        this.services = services;
        this.executor = executor;
        this.today = today;
        setTitle("Rotate deploy token");
        setHeaderText("Replace \"" + item.name() + "\" (" + TokenTexts.where(item) + ") with a new token: same name and scopes");
        expires.setValue(DeployTokenRequest.defaultExpiry(today));
        steps.setId("rotation-steps");
        steps.setPrefHeight(150);
        page.getChildren().addAll(new HBox(10, new Label("New expiry"), expires));
        if (services.registry() != null) {
            dockerLogin.setText("Update the Docker login for " + services.registry().registry()
                    + " (done anyway when it uses the old token)");
            page.getChildren().add(dockerLogin);
        }
        if (!item.dependents().isEmpty()) {
            // Rotation revokes the old token, and these remotes carry it: they stop working until changed.
            Label remotes = new Label("The old token is in the remote URL of " + String.join(", ", item.dependents())
                    + ": after the rotation those repositories cannot fetch until you set them up with a deploy key over SSH"
                    + " (better) or put the new token in their URL.");
            remotes.setId("rotation-remotes-warning");
            remotes.getStyleClass().add("token-warning");
            page.getChildren().add(remotes);
        }
        page.getChildren().add(steps);
        page.setPadding(new Insets(8));
        page.setPrefWidth(600);
        getDialogPane().setContent(page);
        getDialogPane().getButtonTypes().setAll(ROTATE, ButtonType.CANCEL);
        getDialogPane().lookupButton(ROTATE).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            rotate();
        });
        setResultConverter(b -> rotated);
    }

    private void rotate() {
        getDialogPane().lookupButton(ROTATE).setDisable(true);
        Scope scope = item.place() == CredentialItem.Place.GROUP ? Scope.GROUP : Scope.PROJECT;
        long id = Long.parseLong(item.gitlabId());
        DeployTokenRotation rotation = services.rotation().apply(item.instance(), step -> Platform.runLater(() -> steps.getItems().add(step.toString())));
        DeployTokenRotation.Options options = new DeployTokenRotation.Options(expires.getValue(), services.registry(),
                dockerLogin.isSelected(), null);
        executor.submit(p -> rotation.rotate(scope, item.where(), id, options, today), new TaskListener<RotationResult>() {
            @Override
            public void onSuccess(RotationResult result) {
                showOutcome(result);
            }

            @Override
            public void onFailure(Throwable error) {
                steps.getItems().add("Failed before anything changed: " + error.getMessage());
                getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
            }
        });
    }

    private void showOutcome(RotationResult result) {
        rotated = result.succeeded();
        if (result.succeeded()) {
            CreatedDeployToken t = result.newToken();
            Label warning = new Label(CreatedDeployToken.SHOWN_ONCE_WARNING);
            warning.getStyleClass().add("token-warning");
            page.getChildren().addAll(CopyableField.row("rotated-username", "Username", t.username()),
                    CopyableField.row("rotated-token", "Token", t.token().reveal()), warning);
        } else {
            Label rolledBack = new Label("Rolled back: the old token still works.");
            rolledBack.setId("rotation-rolled-back");
            rolledBack.getStyleClass().add("token-warning");
            page.getChildren().add(rolledBack);
        }
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
