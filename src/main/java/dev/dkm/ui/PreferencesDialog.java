package dev.dkm.ui;

import dev.dkm.settings.Theme;
import atlantafx.base.theme.Styles;
import dev.dkm.settings.KeyStrategy;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Preferences" (toolbar): the key strategy and access new setups and conversions start with, and the expiry
 * reminder thresholds of the Tokens dashboard. Save writes the settings file; Cancel changes nothing.
 */
public final class PreferencesDialog {
    private final PreferencesViewModel model;
    private final VBox root = new VBox(14);
    private final Button saveButton = new Button("Save", new FontIcon(Feather.CHECK));
    private final Button cancelButton = new Button("Cancel");
    private Stage stage;

    public PreferencesDialog(PreferencesViewModel model) {
        this.model = model;
        build();
        model.onSaved(p -> {
            if (stage != null) {
                stage.close();
            }
        });
    }

    public VBox root() {
        return root;
    }

    /** Opens the dialog over {@code owner} and reads the current defaults into it. */
    public Stage show(Window owner, Theme theme) {
        ThemeStyles.apply(theme);
        stage = Dialogs.modal(owner, "Preferences", root, 600, 560);
        cancelButton.setOnAction(e -> stage.close());
        stage.show();
        model.load();
        return stage;
    }

    private void build() {
        root.setPadding(new Insets(18));
        root.getStyleClass().add(StyleClasses.PREFERENCES_DIALOG);

        Label title = new Label("Preferences");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = Dialogs.muted("What \"Set up deploy key\", \"Convert to SSH\", dkm setup and dkm convert start with;"
                + " each of them can still choose otherwise.");

        ToggleGroup keys = new ToggleGroup();
        RadioButton perRepo = radio(keys, "One key per repository", KeyStrategy.ONE_KEY_PER_REPOSITORY, "perRepoKey");
        RadioButton shared = radio(keys, "One shared key for this environment", KeyStrategy.ONE_KEY_PER_ENVIRONMENT, "sharedKey");
        selectStrategy(keys, model.keyStrategyProperty().get());
        model.keyStrategyProperty().addListener((o, a, b) -> selectStrategy(keys, b));
        keys.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.keyStrategyProperty().set((KeyStrategy) b.getUserData());
            }
        });
        VBox keyBox = new VBox(6,
                option(perRepo, "least privilege (default): a leaked key opens one project only"),
                option(shared, "one key enabled on every project it needs; fewer keys to look after"));

        CheckBox readOnly = new CheckBox("Register keys read-only by default");
        readOnly.setId("readOnlyByDefault");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        Node access = option(readOnly, "fetch only; a repository that pushes needs read-write");

        TextField thresholds = new TextField();
        thresholds.setId("thresholds");
        thresholds.setPrefColumnCount(14);
        thresholds.setPromptText("60, 30, 7, 1");
        thresholds.textProperty().bindBidirectional(model.thresholdsProperty());
        thresholds.setOnAction(e -> model.save());
        HBox thresholdsRow = new HBox(10, thresholds, Dialogs.muted("days before a token or key expires"));
        thresholdsRow.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("thresholdsProblem");
        problem.getStyleClass().add(StyleClasses.PROBLEM);
        problem.textProperty().bind(model.problemProperty());
        problem.graphicProperty().bind(Bindings.createObjectBinding(
                () -> model.problemProperty().get().isEmpty() ? null : new FontIcon(Feather.ALERT_TRIANGLE), model.problemProperty()));
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        model.problemProperty().addListener((o, a, b) -> thresholds.pseudoClassStateChanged(Styles.STATE_DANGER, !b.isEmpty()));
        VBox reminders = new VBox(6, thresholdsRow, problem,
                Dialogs.muted("The Tokens tab counts what is due; exported calendars remind at each."));

        javafx.scene.control.Spinner<Integer> keep = new javafx.scene.control.Spinner<>(0, 3650,
                model.runRetentionDaysProperty().get());
        keep.setId("runRetentionDays");
        keep.setEditable(true);
        keep.setPrefWidth(96);
        keep.getValueFactory().valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.runRetentionDaysProperty().set(b);
            }
        });
        model.runRetentionDaysProperty().addListener((o, a, b) -> keep.getValueFactory().setValue(b.intValue()));
        HBox keepRow = new HBox(10, keep, Dialogs.muted("days, then a new run prunes them (0: until dkm runs --prune)"));
        keepRow.setAlignment(Pos.CENTER_LEFT);
        VBox history = new VBox(6, keepRow, Dialogs.muted("A run's journal is what Undo uses: it holds the config lines the"
                + " run removed, with the tokens in them, until the run is undone or the token revoked."));

        Label message = Dialogs.muted("");
        message.setId("preferencesMessage");
        message.textProperty().bind(model.messageProperty());
        saveButton.setId("savePreferences");
        saveButton.getStyleClass().add(Styles.ACCENT);
        saveButton.disableProperty().bind(model.canSaveBinding().not());
        saveButton.setOnAction(e -> model.save());
        cancelButton.setCancelButton(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, message, spacer, cancelButton, saveButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);

        VBox form = new VBox(14,
                new VBox(8, section("KEY FOR A NEW SETUP"), keyBox),
                new VBox(8, section("ACCESS"), access),
                new VBox(8, section("EXPIRY REMINDERS"), reminders),
                new VBox(8, section("RUN HISTORY"), history));
        form.disableProperty().bind(model.loadedProperty().not());
        root.getChildren().addAll(new VBox(4, title, hint), form, grow, buttons);
    }

    private static RadioButton radio(ToggleGroup group, String text, KeyStrategy strategy, String id) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setToggleGroup(group);
        radio.setUserData(strategy);
        return radio;
    }

    private static void selectStrategy(ToggleGroup group, KeyStrategy strategy) {
        group.getToggles().stream().filter(t -> t.getUserData() == strategy).findFirst().ifPresent(group::selectToggle);
    }

    /** A choice with its explanation underneath, indented to line up with the choice's text. */
    private static Node option(Node choice, String explanation) {
        Label detail = Dialogs.muted(explanation);
        VBox.setMargin(detail, new Insets(0, 0, 0, 26));
        return new VBox(2, choice, detail);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.SECTION_LABEL);
        return label;
    }
}
