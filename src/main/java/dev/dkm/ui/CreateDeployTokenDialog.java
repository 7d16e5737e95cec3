package dev.dkm.ui;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.tokens.CreatedDeployToken;
import dev.dkm.tokens.DeployTokenRequest;
import dev.dkm.tokens.RegistryLogin;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * once, with copy buttons and GitLab's warning, and offers "Log Docker in".
 */
final class CreateDeployTokenDialog extends Dialog<CreatedDeployToken> {
    private static final ButtonType CREATE = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);

    private final TokensServices services;
    private final TaskExecutor executor;
    private final LocalDate today;
    private final RadioButton project = new RadioButton("Project");
    private final RadioButton group = new RadioButton("Group");
    private final TextField path = new TextField();
    private final TextField name = new TextField();
    private final List<CheckBox> scopes = new ArrayList<>();
    private final DatePicker expires = new DatePicker();
    private final CheckBox never = new CheckBox("Never expires");
    private final TextField username = new TextField();
    private final Label error = new Label();
    private CreatedDeployToken created;

    CreateDeployTokenDialog(TokensServices services, TaskExecutor executor, LocalDate today) {
        this.services = services;
        this.executor = executor;
        this.today = today;
        setTitle("Create deploy token");
        setHeaderText("A deploy token for pulling images, packages or code");
        getDialogPane().getButtonTypes().setAll(CREATE, ButtonType.CANCEL);
        getDialogPane().setContent(form());
        getDialogPane().lookupButton(CREATE).addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: the result page replaces the form
            create();
        });
        setResultConverter(button -> created);
    }

    private Node form() {
        ToggleGroup where = new ToggleGroup();
        project.setToggleGroup(where);
        group.setToggleGroup(where);
        project.setSelected(true);
        path.setPromptText("group/project");
        path.setId("deploy-token-path");
        name.setId("deploy-token-name");
        never.setId("deploy-token-never");
        name.setPromptText("e.g. k8s-pull");
        FlowPane scopeBoxes = new FlowPane(10, 6);
        for (String s : DeployTokenRequest.ALL_SCOPES) {
            CheckBox box = new CheckBox(s);
            box.setSelected(DeployTokenRequest.DEFAULT_SCOPES.contains(s));
            scopes.add(box);
            scopeBoxes.getChildren().add(box);
        }
        scopeBoxes.setPrefWrapLength(420);
        expires.setValue(DeployTokenRequest.defaultExpiry(today));
        Label neverWarning = new Label(CreatedDeployToken.NEVER_EXPIRES_WARNING);
        neverWarning.getStyleClass().add("token-warning");
        neverWarning.visibleProperty().bind(never.selectedProperty());
        neverWarning.managedProperty().bind(never.selectedProperty());
        expires.disableProperty().bind(never.selectedProperty());
        username.setPromptText("optional, default gitlab+deploy-token-N");
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

    DeployTokenRequest request() {
        List<String> chosen = scopes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        return new DeployTokenRequest(project.isSelected() ? Scope.PROJECT : Scope.GROUP, path.getText().strip(),
                name.getText().strip(), chosen.isEmpty() ? List.of("none selected") : chosen,
                never.isSelected() ? null : expires.getValue(), username.getText());
    }

    private void create() {
        DeployTokenRequest request = request();
        String problem = request.problem(today);
        if (problem != null) {
            error.setText(problem.contains("none selected") ? "choose at least one scope" : problem);
            return;
        }
        error.setText("Creating…");
        getDialogPane().lookupButton(CREATE).setDisable(true);
        executor.submit(p -> services.creation().create(request, today), new TaskListener<CreatedDeployToken>() {
            @Override
            public void onSuccess(CreatedDeployToken result) {
                created = result;
                showResult(result);
            }

            @Override
            public void onFailure(Throwable e) {
                getDialogPane().lookupButton(CREATE).setDisable(false);
                error.setText(e instanceof dev.dkm.gitlab.GitLabException g ? g.userMessage(request.path(), "deploy tokens") : e.getMessage());
            }
        });
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
        if (services.registry() != null) {
            Label loginResult = new Label();
            loginResult.setWrapText(true);
            Button login = new Button("Log Docker in to " + services.registry().registry());
            login.setId("deploy-token-docker-login");
            loginResult.setId("deploy-token-login-result");
            login.setOnAction(e -> executor.submit(p -> RegistryLogin.login(services.registry(), t.username(), t.token()),
                    new TaskListener<RegistryLogin.Outcome>() {
                        @Override
                        public void onSuccess(RegistryLogin.Outcome outcome) {
                            login.setDisable(true);
                            loginResult.setText("Logged in: " + outcome.describe() + "\nSame by hand: " + outcome.equivalentCommand());
                        }

                        @Override
                        public void onFailure(Throwable error) {
                            loginResult.setText("Login failed: " + error.getMessage());
                        }
                    }));
            page.getChildren().addAll(login, loginResult);
        }
        page.setPadding(new Insets(8));
        page.setPrefWidth(560);
        getDialogPane().setContent(page);
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    }
}
