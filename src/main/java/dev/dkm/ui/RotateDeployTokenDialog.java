package dev.dkm.ui;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CreatedDeployToken;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.RotationResult;
import java.time.LocalDate;
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
 * The result is true when the token was rotated. The state and the work are in {@link RotateDeployTokenViewModel}.
 */
final class RotateDeployTokenDialog extends Dialog<Boolean> {
    private static final ButtonType ROTATE = new ButtonType("Rotate", ButtonBar.ButtonData.OK_DONE);

    private final RotateDeployTokenViewModel model;
    private final VBox page = new VBox(10);

    RotateDeployTokenDialog(CredentialItem item, TokensServices services, TaskExecutor executor, LocalDate today) {
        this.model = new RotateDeployTokenViewModel(item, services, executor, today);
        setTitle("Rotate deploy token");
        setHeaderText(model.header());
        DatePicker expires = new DatePicker();
        expires.valueProperty().bindBidirectional(model.expiresProperty());
        ListView<String> steps = new ListView<>(model.steps());
        steps.setId("rotation-steps");
        steps.setPrefHeight(150);
        page.getChildren().addAll(new HBox(10, new Label("New expiry"), expires));
        if (model.dockerLoginText() != null) {
            CheckBox dockerLogin = new CheckBox(model.dockerLoginText());
            dockerLogin.selectedProperty().bindBidirectional(model.dockerLoginProperty());
            page.getChildren().add(dockerLogin);
        }
        if (model.remotesWarning() != null) {
            // Rotation revokes the old token, and these remotes carry it: they stop working until changed.
            Label remotes = new Label(model.remotesWarning());
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
            getDialogPane().lookupButton(ROTATE).setDisable(true);
            model.rotate();
        });
        model.phaseProperty().addListener((obs, old, now) -> {
            if (now == RotateDeployTokenViewModel.Phase.ROTATED || now == RotateDeployTokenViewModel.Phase.ROLLED_BACK) {
                showOutcome(model.resultProperty().get());
            } else if (now == RotateDeployTokenViewModel.Phase.FAILED) {
                getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
            }
        });
        setResultConverter(b -> model.rotated());
    }

    private void showOutcome(RotationResult result) {
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
