package dev.dkm.ui;

import dev.dkm.settings.Theme;
import atlantafx.base.theme.Styles;
import dev.dkm.instances.InstanceStatus;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "GitLab instances": the configured instances (URL, user, token expiry, keyring or file) with Add, Edit and
 * Remove, and the first-connection form (URL, token, CA file, Test connection, Save) in the same window.
 * The token field is emptied as soon as its content is handed to the form's model: only the redacted form shows.
 */
public final class InstancesDialog {
    private final InstancesViewModel model;
    private final CaFilePicker caPicker;
    private final StackPane root = new StackPane();
    private final VBox listPage = new VBox(12);
    private final VBox rows = new VBox(8);
    private Stage stage;

    public InstancesDialog(InstancesViewModel model, CaFilePicker caPicker) {
        this.model = model;
        this.caPicker = caPicker;
        root.getStyleClass().add(StyleClasses.INSTANCES_DIALOG);
        buildList();
        root.getChildren().add(listPage);
    }

    public StackPane root() {
        return root;
    }

    /** Shows the list (and lists the instances again). */
    public Stage show(Window owner, Theme theme) {
        Stage shown = open(owner, theme);
        model.refresh();
        return shown;
    }

    /** Shows the form straight away, prefilled with {@code url} ("Add instance…" of a repository's host). */
    public Stage showForm(Window owner, Theme theme, String url) {
        Stage shown = open(owner, theme);
        model.refresh();
        openForm(url, null, "Add GitLab instance");
        return shown;
    }

    private Stage open(Window owner, Theme theme) {
        ThemeStyles.apply(theme);
        stage = Dialogs.modal(owner, "GitLab instances", root, 720, 600);
        stage.show();
        return stage;
    }

    // ---- the list

    private void buildList() {
        listPage.setPadding(new Insets(18));
        Label title = new Label("GitLab instances");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = muted("Tokens are checked against GitLab before they are kept: in the OS keyring, or in a 0600 file"
                + " when there is none.");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setMaxSize(20, 20);
        busy.visibleProperty().bind(model.busyProperty());
        HBox head = new HBox(8, title, busy);
        head.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        rows.setPadding(new Insets(2));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        model.instances().addListener((ListChangeListener<InstanceStatus>) c -> showRows());
        Label message = muted("");
        message.setId("instancesMessage");
        message.textProperty().bind(model.messageProperty());
        Button add = new Button("Add instance…", new FontIcon(Feather.PLUS));
        add.setId("addInstance");
        add.getStyleClass().add(Styles.ACCENT);
        add.setOnAction(e -> openForm("https://", null, "Add GitLab instance"));
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, message, spacer(), close, add);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        listPage.getChildren().addAll(new VBox(4, head, hint), scroll, buttons);
        showRows();
    }

    private void showRows() {
        rows.getChildren().clear();
        if (model.instances().isEmpty()) {
            rows.getChildren().add(muted("No GitLab instance yet. Add one with a personal access token (api scope)."));
        }
        for (InstanceStatus s : model.instances()) {
            rows.getChildren().add(row(s));
        }
    }

    private Node row(InstanceStatus s) {
        Label url = new Label(s.url());
        url.getStyleClass().add(Styles.TEXT_BOLD);
        FlowPane badges = new FlowPane(6, 4, url, Badges.badge(InstancesViewModel.storage(s),
                s.inKeyring() ? StyleClasses.BADGE_SUCCESS : s.token() == null ? StyleClasses.BADGE_NEUTRAL : StyleClasses.BADGE_WARNING));
        badges.setAlignment(Pos.CENTER_LEFT);
        String who = s.user() != null ? "@" + s.user() : s.problem() != null ? s.problem() : s.token() == null ? "not logged in" : "user unknown";
        Label user = new Label(who);
        user.setWrapText(true);
        if (s.problem() != null) {
            user.getStyleClass().add(StyleClasses.PROBLEM);
        }
        String token = s.token() == null ? "no token" : s.token() + (s.tokenExpiresAt() == null ? "" : " · expires " + s.tokenExpiresAt());
        Label tokenLabel = muted(token);
        tokenLabel.getStyleClass().add(StyleClasses.MONOSPACE);
        VBox text = new VBox(4, badges, user, tokenLabel);
        if (s.caFile() != null) {
            text.getChildren().add(muted("CA " + s.caFile()));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        Button edit = new Button("Edit…", new FontIcon(Feather.EDIT_2));
        edit.setOnAction(e -> openForm(s.url(), s.caFile(), "Edit " + s.url()));
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
        remove.setTooltip(Badges.tooltip("Forget the instance and its stored token (the token is not revoked on GitLab)"));
        remove.setOnAction(e -> model.remove(s.url()));
        HBox actions = new HBox(6, edit, remove);
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox card = new HBox(12, text, actions);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().add(StyleClasses.REMOTE_CARD);
        card.setId("instance-row");
        return card;
    }

    // ---- the form

    private void openForm(String url, Path caFile, String heading) {
        InstanceFormViewModel form = model.form(url);
        form.caFileProperty().set(caFile);
        VBox page = new VBox(12);
        page.getStyleClass().add(StyleClasses.INSTANCES_DIALOG);
        page.setPadding(new Insets(18));
        Label title = new Label(heading);
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = muted("A personal access token with the api scope lets dkm add deploy keys and tokens;"
                + " read_api is enough to look.");

        TextField urlField = new TextField();
        urlField.setId("instanceUrl");
        urlField.setPromptText("https://gitlab.example.com");
        urlField.textProperty().bindBidirectional(form.urlProperty());
        PasswordField tokenField = new PasswordField();
        tokenField.setId("instanceToken");
        tokenField.setPromptText("glpat-…");
        form.tokenShownProperty().addListener((obs, old, now) ->
                tokenField.setPromptText(now + " — entered; type to replace"));
        Label caLabel = muted("");
        caLabel.textProperty().bind(Bindings.createStringBinding(() -> form.caFileProperty().get() == null
                ? "system trust store" : form.caFileProperty().get().toString(), form.caFileProperty()));
        Button chooseCa = new Button("Choose…", new FontIcon(Feather.FILE));
        chooseCa.setId("chooseCa");
        chooseCa.setOnAction(e -> caPicker.pick(stage).ifPresent(form.caFileProperty()::set));
        Button clearCa = new Button(null, new FontIcon(Feather.X));
        clearCa.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clearCa.visibleProperty().bind(form.caFileProperty().isNotNull());
        clearCa.setOnAction(e -> form.caFileProperty().set(null));
        HBox ca = new HBox(8, chooseCa, caLabel, clearCa);
        ca.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        addRow(grid, 0, "URL", urlField);
        addRow(grid, 1, "Token", tokenField);
        addRow(grid, 2, "CA certificates", ca);

        VBox result = new VBox(4);
        result.getStyleClass().add(StyleClasses.PLAN_BOX);
        result.setPadding(new Insets(10));
        result.visibleProperty().bind(Bindings.isNotEmpty(form.result()));
        result.managedProperty().bind(result.visibleProperty());
        form.result().addListener((ListChangeListener<InstanceFormViewModel.ResultLine>) c ->
                result.getChildren().setAll(form.result().stream().map(InstancesDialog::resultLine).toList()));

        Label message = new Label();
        message.setId("instanceMessage");
        message.setWrapText(true);
        message.setMinHeight(Label.USE_PREF_SIZE);
        message.getStyleClass().add(StyleClasses.SETUP_MESSAGE);
        message.textProperty().bind(form.messageProperty());
        form.phaseProperty().addListener((obs, old, phase) -> {
            message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (phase == InstanceFormViewModel.Phase.FAILED) {
                message.getStyleClass().add(Styles.DANGER);
            } else if (phase == InstanceFormViewModel.Phase.SAVED || phase == InstanceFormViewModel.Phase.TESTED) {
                message.getStyleClass().add(Styles.SUCCESS);
            }
        });
        ProgressIndicator working = new ProgressIndicator();
        working.setMaxSize(18, 18);
        working.visibleProperty().bind(form.phaseProperty().isEqualTo(InstanceFormViewModel.Phase.TESTING)
                .or(form.phaseProperty().isEqualTo(InstanceFormViewModel.Phase.SAVING)));
        working.managedProperty().bind(working.visibleProperty());

        Runnable handOver = () -> {
            form.takeToken(tokenField.getText());
            tokenField.clear();
        };
        Button test = new Button("Test connection", new FontIcon(Feather.ZAP));
        test.setId("testConnection");
        Button save = new Button("Save", new FontIcon(Feather.CHECK));
        save.setId("saveInstance");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        var cannotSubmit = Bindings.createBooleanBinding(() -> form.urlProperty().get().isBlank()
                        || (tokenField.getText().isBlank() && !form.hasToken())
                        || form.phaseProperty().get() == InstanceFormViewModel.Phase.TESTING
                        || form.phaseProperty().get() == InstanceFormViewModel.Phase.SAVING,
                form.urlProperty(), tokenField.textProperty(), form.phaseProperty(), form.tokenShownProperty());
        test.disableProperty().bind(cannotSubmit);
        save.disableProperty().bind(cannotSubmit);
        test.setOnAction(e -> {
            handOver.run();
            form.test();
        });
        save.setOnAction(e -> {
            handOver.run();
            form.save();
        });
        Button back = new Button("Back", new FontIcon(Feather.ARROW_LEFT));
        back.setOnAction(e -> root.getChildren().setAll(listPage));
        form.phaseProperty().addListener((obs, old, phase) -> {
            if (phase == InstanceFormViewModel.Phase.SAVED) {
                root.getChildren().setAll(listPage);
            }
        });
        HBox buttons = new HBox(8, back, spacer(), working, test, save);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox.setVgrow(result, Priority.NEVER);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        page.getChildren().addAll(new VBox(4, title, hint), grid, result, message, fill, buttons);
        root.getChildren().setAll(page);
        urlField.requestFocus();
    }

    private static Node resultLine(InstanceFormViewModel.ResultLine line) {
        Label key = new Label(line.label());
        key.getStyleClass().add(StyleClasses.DETAILS_KEY);
        key.setMinWidth(70);
        Label value = new Label(line.value());
        value.setWrapText(true);
        value.setMinHeight(Label.USE_PREF_SIZE);
        if (line.warning()) {
            key.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            key.getStyleClass().add(Styles.WARNING);
            value.getStyleClass().add(Styles.WARNING);
        }
        HBox box = new HBox(12, key, value);
        HBox.setHgrow(value, Priority.ALWAYS);
        return box;
    }

    private static void addRow(GridPane grid, int row, String key, Node value) {
        Label label = new Label(key);
        label.getStyleClass().add(StyleClasses.DETAILS_KEY);
        GridPane.setValignment(label, VPos.CENTER);
        grid.add(label, 0, row);
        grid.add(value, 1, row);
    }

    private static Label muted(String text) {
        return Dialogs.muted(text);
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
