package dev.dkm.ui;

import atlantafx.base.theme.Styles;
import dev.dkm.deploykeys.ProjectDeployKeys;
import dev.dkm.deploykeys.ProjectDeployKeys.Candidate;
import dev.dkm.deploykeys.ProjectDeployKeys.ProjectKey;
import dev.dkm.task.TaskExecutor;
import dev.dkm.workspace.RepoInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Deploy keys on GitLab" in the details pane: the deploy keys of the selected repository's project, loaded off the
 * FX thread, with the one this repository is wired to marked; per key a read-only ↔ read-write toggle and Remove
 * (confirmed), and "Enable another key…". All of it is {@link ProjectDeployKeys}, the use case {@code dkm keys} runs.
 */
public final class DeployKeysSection extends VBox {
    public static final String TITLE = "Deploy keys on GitLab";

    private final DeployKeysSectionViewModel model;
    private final VBox list = new VBox(8);
    private final Label message = new Label();
    private final Label error = new Label();
    private final HBox loading = new HBox(8);
    private final Button enableAnother = new Button("Enable another key…", new FontIcon(Feather.PLUS));

    public DeployKeysSection(Supplier<ProjectDeployKeys> keys, TaskExecutor executor) {
        this(new DeployKeysSectionViewModel(keys, executor));
    }

    public DeployKeysSection(DeployKeysSectionViewModel model) {
        super(8);
        this.model = model;
        setId("deployKeys");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        loading.getChildren().addAll(spinner, muted("Loading deploy keys…"));
        loading.setAlignment(Pos.CENTER_LEFT);
        loading.visibleProperty().bind(model.busyProperty());
        loading.managedProperty().bind(model.busyProperty());
        error.getStyleClass().add(StyleClasses.PROBLEM);
        error.setId("deployKeysError");
        error.textProperty().bind(model.errorProperty());
        message.getStyleClass().add(StyleClasses.MUTED);
        message.setId("deployKeysMessage");
        message.textProperty().bind(model.messageProperty());
        for (Label l : List.of(error, message)) {
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        enableAnother.setId("enableAnotherKey");
        enableAnother.getStyleClass().add(Styles.SMALL);
        enableAnother.setOnAction(e -> model.loadCandidates(this::chooseAndEnable));
        enableAnother.visibleProperty().bind(model.canEnableProperty());
        enableAnother.managedProperty().bind(model.canEnableProperty());
        enableAnother.disableProperty().bind(model.loadingCandidatesProperty().or(model.busyProperty()));
        list.disableProperty().bind(model.busyProperty()); // one change at a time: the model ignores a second
        model.keys().addListener((ListChangeListener<ProjectKey>) c -> render());
        model.placeholderProperty().addListener((o, was, is) -> render());
        model.noteProperty().addListener((o, was, is) -> render());
        getChildren().addAll(loading, list, error, message, enableAnother);
    }

    /** True while the keys of the shown repository are being loaded (snapshot mode waits for it). */
    public ObservableBooleanValue busyProperty() {
        return model.busyProperty();
    }

    public DeployKeysSectionViewModel model() {
        return model;
    }

    /** Puts the section into the details pane, loading for every repository selected. */
    public static DeployKeysSection addTo(RepoDetailsView details, Supplier<ProjectDeployKeys> keys, TaskExecutor executor) {
        DeployKeysSection section = new DeployKeysSection(keys, executor);
        details.addSection(TITLE, section, section::show);
        return section;
    }

    /** Loads the keys of {@code repo}'s project (nothing for null). */
    public void show(RepoInfo shown) {
        model.show(shown);
    }

    private void render() {
        list.getChildren().clear();
        if (!model.placeholderProperty().get().isEmpty()) {
            list.getChildren().add(muted(model.placeholderProperty().get()));
        }
        for (ProjectKey key : model.keys()) {
            list.getChildren().add(card(key));
        }
        if (!model.noteProperty().get().isEmpty()) {
            Label note = muted(model.noteProperty().get());
            note.getStyleClass().setAll("label", StyleClasses.PROBLEM);
            list.getChildren().add(note);
        }
    }

    private Node card(ProjectKey key) {
        Label title = new Label(key.key().title());
        title.getStyleClass().add(Styles.TEXT_BOLD);
        title.setWrapText(true);
        FlowPane badges = new FlowPane(6, 4, title,
                key.readWrite() ? Badges.badge("read-write", StyleClasses.BADGE_WARNING) : Badges.badge("read-only", StyleClasses.BADGE_NEUTRAL));
        if (key.usedByThisRepo()) {
            Label used = Badges.badge("used by this repo", StyleClasses.BADGE_SUCCESS);
            used.setId("usedByThisRepo");
            badges.getChildren().add(used);
        }
        badges.setAlignment(Pos.CENTER_LEFT);
        Label fingerprint = muted(key.shortFingerprint());
        fingerprint.getStyleClass().add(StyleClasses.MONOSPACE);
        fingerprint.setTooltip(Badges.tooltip(String.valueOf(key.key().fingerprintSha256())));
        Label details = muted("#" + key.id() + "  ·  " + expiry(key.key().expiresAt()));

        Button toggle = new Button(key.readWrite() ? "Make read-only" : "Make read-write",
                new FontIcon(key.readWrite() ? Feather.LOCK : Feather.UNLOCK));
        toggle.setId("toggleAccess-" + key.id());
        toggle.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        toggle.setOnAction(e -> model.toggle(key));
        Button remove = new Button("Remove", new FontIcon(Feather.TRASH_2));
        remove.setId("removeKey-" + key.id());
        remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.DANGER);
        remove.setOnAction(e -> confirmRemove(key));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(4, spacer, toggle, remove);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(4, badges, fingerprint, details, buttons);
        card.getStyleClass().add(StyleClasses.REMOTE_CARD);
        card.setId("deployKey-" + key.id());
        return card;
    }

    static String expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return "never expires";
        }
        LocalDate day = expiresAt.atZone(ZoneOffset.UTC).toLocalDate();
        return (day.isBefore(LocalDate.now(ZoneOffset.UTC)) ? "expired " : "expires ") + day;
    }

    private void confirmRemove(ProjectKey key) {
        ButtonType removeButton = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(model.removalWarning(key).isPresent() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION,
                model.removalText(key), removeButton, ButtonType.CANCEL);
        alert.setTitle("Remove deploy key");
        alert.setHeaderText(model.removalQuestion(key));
        alert.getDialogPane().lookupButton(removeButton).getStyleClass().add(Styles.DANGER);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.showAndWait().filter(b -> b == removeButton).ifPresent(b -> model.remove(key));
    }

    private void chooseAndEnable(List<Candidate> candidates) {
        chooser(model.projectPath(), candidates).showAndWait()
                .ifPresent(choice -> model.enable(choice.candidate(), choice.readWrite()));
    }

    /** The chosen key and whether it gets write access. */
    record Choice(Candidate candidate, boolean readWrite) {}

    private Dialog<Choice> chooser(String projectPath, List<Candidate> candidates) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle("Enable another deploy key");
        dialog.setHeaderText("Enable an existing key on " + projectPath);
        ListView<Candidate> view = new ListView<>();
        view.setId("enableableKeys");
        view.getItems().setAll(candidates);
        view.setPrefSize(440, 300);
        view.setPlaceholder(muted("No other deploy key you can enable."));
        view.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Candidate c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label name = new Label(c.key().title());
                name.getStyleClass().add(Styles.TEXT_BOLD);
                Label fingerprint = muted(ProjectDeployKeys.shortFingerprint(c.key()));
                fingerprint.getStyleClass().add(StyleClasses.MONOSPACE);
                Label detail = muted("#" + c.key().id() + "  ·  " + c.source() + "  ·  " + expiry(c.key().expiresAt()));
                setGraphic(new VBox(2, name, fingerprint, detail));
                setText(null);
            }
        });
        CheckBox readWrite = new CheckBox("Read-write (allow git push with it)");
        readWrite.setId("enableReadWrite");
        Label hint = muted("Keys of projects you work on" + (candidates.stream().anyMatch(c -> c.source().equals("public"))
                ? ", and the instance's public keys." : "."));
        dialog.getDialogPane().setContent(new VBox(10, hint, view, readWrite));
        ButtonType enable = new ButtonType("Enable", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(enable, ButtonType.CANCEL);
        Node enableButton = dialog.getDialogPane().lookupButton(enable);
        enableButton.getStyleClass().add(Styles.ACCENT);
        enableButton.disableProperty().bind(view.getSelectionModel().selectedItemProperty().isNull());
        dialog.setResultConverter(b -> b == enable ? new Choice(view.getSelectionModel().getSelectedItem(), readWrite.isSelected()) : null);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
            dialog.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        return dialog;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.getStyleClass().add(StyleClasses.MUTED);
        return label;
    }
}
