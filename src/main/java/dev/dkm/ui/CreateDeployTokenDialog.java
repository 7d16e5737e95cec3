package dev.dkm.ui;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CreatedDeployToken;
import java.time.LocalDate;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Create deploy token" wizard: project or group, name, scopes (read_registry by default), expiry (one year by
 * default; "never" allowed with a warning), optional user name. The result page shows the user name and the token
 * once, with copy buttons and GitLab's warning, and offers "Log Docker in". State and work: {@link CreateDeployTokenViewModel}.
 */
final class CreateDeployTokenDialog extends Dialog<CreatedDeployToken> {
    private static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    private final CreateDeployTokenViewModel model;

    CreateDeployTokenDialog(TokensServices services, TaskExecutor executor, LocalDate today) {
        this.model = new CreateDeployTokenViewModel(services, executor, today);
        setTitle("Create deploy token");
        setHeaderText("A deploy token for pulling images, packages or code");
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        getDialogPane().setContent(form());
        getDialogPane().lookupButton(CREATE).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: the result page replaces the form
            model.create();
        });
        getDialogPane().lookupButton(CREATE).disableProperty().bind(model.busyProperty());
        model.createdProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showResult(now);
            }
        });
        setResultConverter(button -> model.createdProperty().get());
    }

    private Node form() {
        RadioButton project = new RadioButton("Project");
        RadioButton group = new RadioButton("Group");
        ToggleGroup where = new ToggleGroup();
        project.setToggleGroup(where);
        group.setToggleGroup(where);
        project.setSelected(!model.onGroupProperty().get());
        group.setSelected(model.onGroupProperty().get());
        group.selectedProperty().addListener((obs, old, now) -> model.onGroupProperty().set(now));
        TextField path = new TextField();
        path.textProperty().bindBidirectional(model.pathProperty());
        TextField name = new TextField();
        name.textProperty().bindBidirectional(model.nameProperty());
        CheckBox never = new CheckBox("Never expires");
        never.selectedProperty().bindBidirectional(model.neverProperty());
        path.setPromptText("group/project");
        path.setId("deploy-token-path");
        name.setId("deploy-token-name");
        never.setId("deploy-token-never");
        name.setPromptText("e.g. k8s-pull");
        FlowPane scopeBoxes = new FlowPane(10, 6);
        model.scopes().forEach((scope, chosen) -> {
            CheckBox box = new CheckBox(scope);
            box.selectedProperty().bindBidirectional(chosen);
            scopeBoxes.getChildren().add(box);
        });
        scopeBoxes.setPrefWrapLength(420);
        DatePicker expires = new DatePicker();
        expires.valueProperty().bindBidirectional(model.expiresProperty());
        Label neverWarning = new Label(CreatedDeployToken.NEVER_EXPIRES_WARNING);
        neverWarning.getStyleClass().add("token-warning");
        neverWarning.visibleProperty().bind(never.selectedProperty());
        neverWarning.managedProperty().bind(never.selectedProperty());
        expires.disableProperty().bind(never.selectedProperty());
        TextField username = new TextField();
        username.textProperty().bindBidirectional(model.usernameProperty());
        username.setPromptText("optional, default gitlab+deploy-token-N");
        Label error = new Label();
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add("token-warning");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("On"), new HBox(12, project, group));
        grid.addRow(1, new Label("Path"), path);
        grid.addRow(2, new Label("Name"), name);
        grid.addRow(3, new Label("Scopes"), scopeBoxes);
        grid.addRow(4, new Label("Expires"), new HBox(12, expires, never));
        grid.add(neverWarning, 1, 5);
        grid.addRow(6, new Label("Username"), username);
        grid.add(error, 1, 7);
        GridPane.setHgrow(path, Priority.ALWAYS);
        grid.setPadding(new Insets(8));
        grid.setPrefWidth(560);
        return grid;
    }

    private void showResult(CreatedDeployToken t) {
        setHeaderText("Deploy token \"" + t.name() + "\" created on " + t.path());
        Label warning = new Label(CreatedDeployToken.SHOWN_ONCE_WARNING);
        warning.getStyleClass().add("token-warning");
        VBox page = new VBox(10,
                CopyableField.row("deploy-token-username", "Username", t.username()),
                CopyableField.row("deploy-token-value", "Token", t.token().reveal()),
                warning);
        if (t.expiresOn() == null) {
            Label neverWarning = new Label(CreatedDeployToken.NEVER_EXPIRES_WARNING);
            neverWarning.getStyleClass().add("token-warning");
            page.getChildren().add(neverWarning);
        }
        if (model.registry() != null) {
            Label loginResult = new Label();
            loginResult.setWrapText(true);
            loginResult.textProperty().bind(model.loginResultProperty());
            Button login = new Button("Log Docker in to " + model.registry().registry());
            login.setId("deploy-token-docker-login");
            loginResult.setId("deploy-token-login-result");
            login.disableProperty().bind(model.loggedInProperty());
            login.setOnAction(e -> model.logDockerIn());
            page.getChildren().addAll(login, loginResult);
        }
        page.setPadding(new Insets(8));
        page.setPrefWidth(560);
        getDialogPane().setContent(page);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
