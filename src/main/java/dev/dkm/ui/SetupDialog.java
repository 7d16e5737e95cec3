package dev.dkm.ui;

import dev.dkm.settings.Theme;
import atlantafx.base.theme.Styles;
import dev.dkm.setup.StepOutcome;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * "Set up deploy key": the plan first (key, project, access, host key, config before → after, tokens redacted), the
 * options that change it, the host key to confirm when it is new, then the five steps ticking off, and Undo.
 */
public final class SetupDialog {
    private final SetupDialogViewModel model;
    private final VBox root = new VBox(12);
    private final VBox planBox = new VBox(2);
    private final VBox hostKeyBox = new VBox(6);
    private final Label message = new Label();
    private final Button runButton = new Button("Set up", new FontIcon(Feather.KEY));
    private final Button undoButton = new Button("Undo", new FontIcon(Feather.ROTATE_CCW));
    private final Button copyKeyButton = new Button("Copy public key", new FontIcon(Feather.COPY));
    private final Button closeButton = new Button("Close");
    private Runnable onFinished = () -> {};

    public SetupDialog(SetupDialogViewModel model) {
        this.model = model;
        build();
    }

    /** Called when the dialog closes after a change (setup done or undone), so the table can refresh. */
    public SetupDialog onFinished(Runnable action) {
        this.onFinished = action;
        return this;
    }

    public VBox root() {
        return root;
    }

    public Stage show(Window owner, Theme theme) {
        Stage stage = Dialogs.modal(owner, "Set up deploy key — " + model.repo().relativePath(), root, 780, 700);
        closeButton.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> {
            if (model.phaseProperty().get() == SetupDialogViewModel.Phase.SUCCEEDED
                    || model.phaseProperty().get() == SetupDialogViewModel.Phase.UNDONE) {
                onFinished.run();
            }
        });
        stage.show();
        model.plan();
        return stage;
    }

    private void build() {
        root.setPadding(new Insets(18));
        root.getStyleClass().add(StyleClasses.SETUP_DIALOG);

        Label title = new Label("Set up deploy key");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label(model.repo().path().toString());
        subtitle.getStyleClass().addAll(StyleClasses.MONOSPACE, StyleClasses.MUTED);

        CheckBox readOnly = new CheckBox("Read-only (fetch only, no push)");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        CheckBox shared = new CheckBox("One shared key for this environment");
        shared.selectedProperty().bindBidirectional(model.sharedKeyProperty());
        readOnly.selectedProperty().addListener((o, a, b) -> model.plan());
        shared.selectedProperty().addListener((o, a, b) -> model.plan());
        HBox options = new HBox(18, readOnly, shared);
        options.disableProperty().bind(model.phaseProperty().isNotEqualTo(SetupDialogViewModel.Phase.READY)
                .and(model.phaseProperty().isNotEqualTo(SetupDialogViewModel.Phase.BLOCKED)));

        Label planLabel = section("PLAN");
        ScrollPane planScroll = new ScrollPane(planBox);
        planScroll.setFitToWidth(true);
        planScroll.setPrefViewportHeight(190);
        planBox.setPadding(new Insets(8));
        planBox.getStyleClass().add(StyleClasses.PLAN_BOX);
        ProgressIndicator planning = new ProgressIndicator();
        planning.setMaxSize(22, 22);
        planning.visibleProperty().bind(model.phaseProperty().isEqualTo(SetupDialogViewModel.Phase.PLANNING));
        planning.managedProperty().bind(planning.visibleProperty());
        model.planLines().addListener((javafx.collections.ListChangeListener<String>) c -> showPlan());

        hostKeyBox.getStyleClass().add(StyleClasses.HOST_KEY_BOX);
        hostKeyBox.setPadding(new Insets(10));
        model.preparedProperty().addListener((o, a, b) -> showHostKey());
        hostKeyBox.setVisible(false);
        hostKeyBox.setManaged(false);

        Label stepsLabel = section("STEPS");
        VBox steps = new VBox(2);
        steps.getStyleClass().add(StyleClasses.PLAN_BOX);
        steps.setPadding(new Insets(6, 10, 6, 10));
        model.steps().addListener((javafx.collections.ListChangeListener<SetupDialogViewModel.StepRow>) c ->
                steps.getChildren().setAll(model.steps().stream().map(SetupDialog::stepRow).toList()));
        steps.getChildren().setAll(model.steps().stream().map(SetupDialog::stepRow).toList());

        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(StyleClasses.SETUP_MESSAGE);
        model.phaseProperty().addListener((o, a, phase) -> styleMessage(phase));
        model.partlyUndoneProperty().addListener((o, a, partly) -> styleMessage(model.phaseProperty().get()));
        message.setMinHeight(Region.USE_PREF_SIZE); // a partial undo's reasons are read whole

        runButton.getStyleClass().add(Styles.ACCENT);
        runButton.setDefaultButton(true);
        runButton.setOnAction(e -> model.run());
        runButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canRun(),
                model.phaseProperty(), model.trustHostKeyProperty(), model.preparedProperty()));
        undoButton.setOnAction(e -> model.undoRun());
        undoButton.visibleProperty().bind(model.phaseProperty().isEqualTo(SetupDialogViewModel.Phase.SUCCEEDED));
        undoButton.managedProperty().bind(undoButton.visibleProperty());
        copyKeyButton.disableProperty().bind(model.publicKeyProperty().isEmpty());
        copyKeyButton.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(model.publicKeyProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, copyKeyButton, spacer, undoButton, closeButton, runButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        HBox planHeader = new HBox(8, planLabel, planning);
        planHeader.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(planScroll, Priority.ALWAYS);
        root.getChildren().addAll(new VBox(2, title, subtitle), options, planHeader, planScroll, hostKeyBox, stepsLabel, steps,
                message, buttons);
    }

    private void showPlan() {
        planBox.getChildren().clear();
        for (String line : model.planLines()) {
            Label l = new Label(line);
            l.getStyleClass().add(StyleClasses.MONOSPACE);
            if (line.startsWith("Problem:")) {
                l.getStyleClass().add(StyleClasses.PROBLEM);
            } else if (line.startsWith("  ")) {
                l.getStyleClass().add(StyleClasses.PLAN_CHANGE);
            }
            l.setWrapText(true);
            planBox.getChildren().add(l);
        }
    }

    private void showHostKey() {
        boolean ask = model.needsHostKeyConsent();
        hostKeyBox.setVisible(ask);
        hostKeyBox.setManaged(ask);
        hostKeyBox.getChildren().clear();
        if (!ask) {
            return;
        }
        HostKeyQuestionBox.fill(hostKeyBox, model.preparedProperty().get().plan().hostKey(), model.trustHostKeyProperty());
    }

    private void styleMessage(SetupDialogViewModel.Phase phase) {
        message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (model.partlyUndoneProperty().get()) {
            message.getStyleClass().add(Styles.DANGER);
        } else if (phase == SetupDialogViewModel.Phase.SUCCEEDED || phase == SetupDialogViewModel.Phase.UNDONE) {
            message.getStyleClass().add(Styles.SUCCESS);
        } else if (phase == SetupDialogViewModel.Phase.FAILED || phase == SetupDialogViewModel.Phase.BLOCKED) {
            message.getStyleClass().add(Styles.DANGER);
        }
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.SECTION_LABEL);
        return l;
    }

    /** A step: an icon for its state, its name, and what it did (the whole text in a tooltip when it is long). */
    private static Node stepRow(SetupDialogViewModel.StepRow row) {
        Node icon;
        if (row.running()) {
            ProgressIndicator p = new ProgressIndicator();
            p.setPrefSize(16, 16);
            p.setMaxSize(16, 16);
            icon = p;
        } else {
            FontIcon f = new FontIcon(iconOf(row.status()));
            f.getStyleClass().add(colourOf(row.status()));
            icon = f;
        }
        Label name = new Label(row.step().label());
        name.setMinWidth(150);
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label detail = new Label(row.message());
        detail.getStyleClass().add(StyleClasses.MUTED);
        detail.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        detail.setMinWidth(0);
        if (!row.message().isEmpty()) {
            detail.setTooltip(Badges.tooltip(row.message()));
        }
        HBox.setHgrow(detail, Priority.ALWAYS);
        HBox box = new HBox(10, icon, name, detail);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setMinHeight(28);
        return box;
    }

    private static Feather iconOf(StepOutcome.Status status) {
        if (status == null) {
            return Feather.CIRCLE;
        }
        return switch (status) {
            case DONE -> Feather.CHECK_CIRCLE;
            case SKIPPED -> Feather.MINUS_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case ROLLED_BACK -> Feather.ROTATE_CCW;
        };
    }

    private static String colourOf(StepOutcome.Status status) {
        if (status == null) {
            return StyleClasses.MUTED;
        }
        return switch (status) {
            case DONE -> Styles.SUCCESS;
            case SKIPPED -> StyleClasses.MUTED;
            case FAILED -> Styles.DANGER;
            case ROLLED_BACK -> Styles.WARNING;
        };
    }
}
