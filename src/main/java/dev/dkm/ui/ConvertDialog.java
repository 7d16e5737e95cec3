package dev.dkm.ui;

import static dev.dkm.ui.ConvertCells.column;
import static dev.dkm.ui.ConvertCells.fixed;
import static dev.dkm.ui.ConvertCells.muted;
import static dev.dkm.ui.ConvertCells.section;
import static dev.dkm.ui.ConvertCells.sentence;
import static dev.dkm.ui.ConvertCells.text;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.dkm.convert.ConversionItem;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.remote.RemoteKind;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.BorderPane;
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
 * "Convert to SSH": select repositories (all with tokens in URLs by default), preview the plan and the problems per
 * repository, run with counts, ETA and Cancel, then the results with export, Undo and the removed tokens to revoke.
 * All state lives in {@link ConvertDialogViewModel}.
 */
public final class ConvertDialog {
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 780;

    private final ConvertDialogViewModel model;
    private final SaveFilePicker savePicker;
    private final BorderPane root = new BorderPane();
    private final HBox stepper = new HBox(6);
    private final Node selectPage;
    private final Node previewPage;
    private final Node resultsPage;
    private final Label message = new Label();
    private final Button backButton = new Button("Back", new FontIcon(Feather.ARROW_LEFT));
    private final Button previewButton = new Button("Preview", new FontIcon(Feather.ARROW_RIGHT));
    private final Button runButton = new Button("", new FontIcon(Feather.KEY));
    private final Button cancelButton = new Button("Cancel", new FontIcon(Feather.X_CIRCLE));
    private final Button closeButton = new Button("Close");
    private final VBox hostKeyBoxes = new VBox(8);
    private final VBox tokenList = new VBox(6);
    private final VBox undoList = new VBox(2);

    public ConvertDialog(ConvertDialogViewModel model, SaveFilePicker savePicker) {
        this.model = model;
        this.savePicker = savePicker;
        selectPage = selectPage();
        previewPage = previewPage();
        resultsPage = resultsPage();
        build();
    }

    /** Called after a run or an undo changed repositories, so the main window can rescan. */
    public ConvertDialog onChanged(Runnable action) {
        model.onChanged(action);
        return this;
    }

    public BorderPane root() {
        return root;
    }

    public Stage show(Window owner) {
        Stage stage = Dialogs.modal(owner, "Convert to SSH", root, WIDTH, HEIGHT);
        closeButton.setOnAction(e -> stage.close());
        stage.setOnCloseRequest(e -> {
            if (busy()) {
                e.consume();
            }
        });
        stage.show();
        return stage;
    }

    private boolean busy() {
        ConvertDialogViewModel.Phase p = model.phaseProperty().get();
        return p == ConvertDialogViewModel.Phase.RUNNING || p == ConvertDialogViewModel.Phase.UNDOING
                || p == ConvertDialogViewModel.Phase.PREVIEWING;
    }

    private void build() {
        root.getStyleClass().addAll(StyleClasses.SETUP_DIALOG, StyleClasses.CONVERT_DIALOG);
        Label title = new Label("Convert to SSH");
        title.getStyleClass().add(Styles.TITLE_3);
        Label subtitle = new Label("Move repositories from HTTPS remotes with tokens to deploy keys over SSH:"
                + " one plan per repository, nothing changes before you confirm, and one Undo for the whole run.");
        subtitle.getStyleClass().add(StyleClasses.MUTED);
        subtitle.setWrapText(true);
        stepper.setAlignment(Pos.CENTER_LEFT);
        stepper.getStyleClass().add(StyleClasses.CONVERT_STEPPER);
        VBox header = new VBox(4, title, subtitle, stepper);
        header.setPadding(new Insets(18, 18, 10, 18));
        root.setTop(header);

        StackPane pages = new StackPane(selectPage, previewPage, resultsPage);
        pages.setPadding(new Insets(0, 18, 0, 18));
        root.setCenter(pages);

        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(StyleClasses.SETUP_MESSAGE);
        message.setId("convertMessage");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);

        backButton.setOnAction(e -> model.back());
        previewButton.getStyleClass().add(Styles.ACCENT);
        previewButton.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        previewButton.setId("previewConversion");
        previewButton.setOnAction(e -> model.preview());
        previewButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canPreview(),
                model.phaseProperty(), model.selectedCountProperty()));
        runButton.getStyleClass().add(Styles.ACCENT);
        runButton.setId("runConversion");
        runButton.setOnAction(e -> model.run());
        runButton.textProperty().bind(Bindings.createStringBinding(model::runLabel, model.previewProperty()));
        runButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canRun(),
                model.phaseProperty(), model.previewProperty(), model.hostKeysTrustedProperty()));
        cancelButton.getStyleClass().addAll(Styles.DANGER);
        cancelButton.setOnAction(e -> model.cancel());
        closeButton.disableProperty().bind(Bindings.createBooleanBinding(this::busy, model.phaseProperty()));

        showOnlyIn(backButton, ConvertDialogViewModel.Phase.PREVIEW);
        showOnlyIn(previewButton, ConvertDialogViewModel.Phase.SELECT, ConvertDialogViewModel.Phase.PREVIEWING);
        showOnlyIn(runButton, ConvertDialogViewModel.Phase.PREVIEW);
        showOnlyIn(cancelButton, ConvertDialogViewModel.Phase.RUNNING);
        showOnlyIn(selectPage, ConvertDialogViewModel.Phase.SELECT, ConvertDialogViewModel.Phase.PREVIEWING);
        showOnlyIn(previewPage, ConvertDialogViewModel.Phase.PREVIEW);
        showOnlyIn(resultsPage, ConvertDialogViewModel.Phase.RUNNING, ConvertDialogViewModel.Phase.DONE,
                ConvertDialogViewModel.Phase.UNDOING, ConvertDialogViewModel.Phase.UNDONE);

        HBox footer = new HBox(8, message, backButton, closeButton, cancelButton, previewButton, runButton);
        footer.setAlignment(Pos.CENTER_RIGHT);
        footer.setPadding(new Insets(12, 18, 16, 18));
        root.setBottom(footer);

        model.phaseProperty().addListener((o, a, phase) -> {
            showStepper();
            styleMessage();
        });
        showStepper();
    }

    private void showOnlyIn(Node node, ConvertDialogViewModel.Phase... phases) {
        List<ConvertDialogViewModel.Phase> in = List.of(phases);
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> in.contains(model.phaseProperty().get()), model.phaseProperty()));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** 1 Select › 2 Preview › 3 Run › 4 Results, the current one in the accent colour, the done ones ticked. */
    private void showStepper() {
        int current = switch (model.phaseProperty().get()) {
            case SELECT, PREVIEWING -> 0;
            case PREVIEW -> 1;
            case RUNNING -> 2;
            case DONE, UNDOING, UNDONE -> 3;
        };
        String[] names = {"Select", "Preview", "Run", "Results"};
        stepper.getChildren().clear();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                FontIcon chevron = new FontIcon(Feather.CHEVRON_RIGHT);
                chevron.getStyleClass().add(StyleClasses.MUTED);
                stepper.getChildren().add(chevron);
            }
            FontIcon icon = new FontIcon(i < current ? Feather.CHECK_CIRCLE : Feather.CIRCLE);
            Label step = new Label((i + 1) + "  " + names[i], icon);
            if (i == current) {
                step.getStyleClass().addAll(Styles.ACCENT, Styles.TEXT_BOLD);
                icon.getStyleClass().add(Styles.ACCENT);
            } else if (i < current) {
                icon.getStyleClass().add(Styles.SUCCESS);
            } else {
                step.getStyleClass().add(StyleClasses.MUTED);
                icon.getStyleClass().add(StyleClasses.MUTED);
            }
            stepper.getChildren().add(step);
        }
    }

    private void styleMessage() {
        message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        switch (model.phaseProperty().get()) {
            case DONE -> message.getStyleClass().add(model.reportProperty().get() != null && model.reportProperty().get().anyFailed()
                    ? Styles.DANGER : Styles.SUCCESS);
            case UNDONE -> message.getStyleClass().add(model.undoIncompleteProperty().get() ? Styles.DANGER : Styles.SUCCESS);
            default -> { }
        }
    }

    // ---- 1. select

    private Node selectPage() {
        ToggleGroup scope = new ToggleGroup();
        RadioButton all = new RadioButton("All scanned repositories (" + model.allCount() + ")");
        RadioButton visible = new RadioButton("Only those shown in the main window (" + model.visibleCount() + ")");
        all.setToggleGroup(scope);
        visible.setToggleGroup(scope);
        all.setUserData(ConvertDialogViewModel.Scope.ALL);
        visible.setUserData(ConvertDialogViewModel.Scope.VISIBLE);
        scope.selectToggle(model.scopeProperty().get() == ConvertDialogViewModel.Scope.ALL ? all : visible);
        scope.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.scopeProperty().set((ConvertDialogViewModel.Scope) b.getUserData());
            }
        });
        Button withTokens = new Button("Select all with tokens in URLs", new FontIcon(Feather.CHECK_SQUARE));
        withTokens.setOnAction(e -> model.selectWithTokens());
        Button none = new Button("Select none", new FontIcon(Feather.X));
        none.setOnAction(e -> model.selectNone());
        for (Button b : List.of(withTokens, none)) {
            b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        }
        Label count = new Label();
        count.setId("selectedCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.selectedCountProperty().get() + " of "
                + model.candidates().size() + " selected · " + model.tokenCount() + " with tokens in URLs",
                model.selectedCountProperty(), model.candidates()));
        count.getStyleClass().add(StyleClasses.MUTED);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox scopeRow = new HBox(14, section("REPOSITORIES"), all, visible, spacer, withTokens, none);
        scopeRow.setAlignment(Pos.CENTER_LEFT);

        ToggleGroup keys = new ToggleGroup();
        RadioButton perRepo = new RadioButton("One key per repository");
        // across environments the shared key is one per environment (per account), never one crossing them
        RadioButton shared = new RadioButton(model.hasEnvironments() ? "One shared key per environment"
                : "One shared key for this environment");
        perRepo.setToggleGroup(keys);
        shared.setToggleGroup(keys);
        perRepo.setUserData(KeyStrategy.ONE_KEY_PER_REPOSITORY);
        shared.setUserData(KeyStrategy.ONE_KEY_PER_ENVIRONMENT);
        keys.selectToggle(model.keyStrategyProperty().get() == KeyStrategy.ONE_KEY_PER_ENVIRONMENT ? shared : perRepo);
        keys.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.keyStrategyProperty().set((KeyStrategy) b.getUserData());
            }
        });
        CheckBox readOnly = new CheckBox("Read-only (fetch only, no push)");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        HBox optionsRow = new HBox(14, section("KEY"), perRepo, shared, section("ACCESS"), readOnly);
        optionsRow.setAlignment(Pos.CENTER_LEFT);

        TableView<RepoInfo> table = new TableView<>(model.candidates());
        table.setId("convertSelection");
        table.getStyleClass().addAll(StyleClasses.REPO_TABLE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RepoInfo, Boolean> tick = new TableColumn<>();
        tick.setGraphic(new FontIcon(Feather.CHECK));
        tick.setCellValueFactory(cd -> model.selectedProperty(cd.getValue()));
        tick.setCellFactory(CheckBoxTableCell.forTableColumn(tick));
        tick.setEditable(true);
        tick.setSortable(false);
        fixed(tick, 44);
        TableColumn<RepoInfo, String> repo = new TableColumn<>("Repository");
        RepoTableColumns.repository(repo, RepoInfo::relativePath);
        repo.setPrefWidth(260);
        TableColumn<RepoInfo, String> environment = new TableColumn<>("Environment");
        RepoTableColumns.environment(environment);
        environment.setPrefWidth(150);
        environment.setMinWidth(122);
        environment.setVisible(model.hasEnvironments());
        TableColumn<RepoInfo, String> project = new TableColumn<>("GitLab project");
        RepoTableColumns.project(project);
        project.setPrefWidth(260);
        TableColumn<RepoInfo, RemoteKind> remote = new TableColumn<>("Remote");
        RepoTableColumns.remoteKind(remote);
        fixed(remote, 140);
        TableColumn<RepoInfo, String> token = new TableColumn<>("Token");
        RepoTableColumns.tokenKind(token);
        token.setPrefWidth(110);
        TableColumn<RepoInfo, RepoStatus> status = new TableColumn<>("Status");
        RepoTableColumns.status(status);
        status.setPrefWidth(160);
        table.getColumns().setAll(List.of(tick, repo, environment, project, remote, token, status));
        table.setPlaceholder(new Label("No repository: scan a workspace folder first."));
        VBox.setVgrow(table, Priority.ALWAYS);

        ProgressBar planning = new ProgressBar();
        planning.progressProperty().bind(model.progressProperty());
        planning.setMaxWidth(Double.MAX_VALUE);
        planning.visibleProperty().bind(model.phaseProperty().isEqualTo(ConvertDialogViewModel.Phase.PREVIEWING));
        planning.managedProperty().bind(planning.visibleProperty());

        VBox page = new VBox(10, scopeRow, optionsRow, count, table, planning);
        if (!model.notScanned().isEmpty()) { // environments the window could not scan: said here, not silently left out
            VBox notListed = new VBox(2);
            notListed.setId("convertNotScanned");
            for (String line : model.notScanned()) {
                Label label = sentence("Not listed (could not be scanned): " + line, Styles.WARNING);
                label.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
                label.getGraphic().getStyleClass().add(Styles.WARNING);
                notListed.getChildren().add(label);
            }
            page.getChildren().add(page.getChildren().indexOf(count) + 1, notListed);
        }
        page.disableProperty().bind(model.phaseProperty().isEqualTo(ConvertDialogViewModel.Phase.PREVIEWING));
        return page;
    }

    // ---- 2. preview

    private Node previewPage() {
        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(Bindings.createStringBinding(() -> model.previewProperty().get() == null ? ""
                : model.previewProperty().get().summary(), model.previewProperty()));
        Label hint = new Label("Nothing has changed yet. Repositories marked skip or problem are left alone.");
        hint.getStyleClass().add(StyleClasses.MUTED);
        model.hostKeys().addListener((ListChangeListener<ConvertDialogViewModel.HostKeyQuestion>) c -> hostKeyBoxes.getChildren()
                .setAll(model.hostKeys().stream().map(q -> (Node) HostKeyQuestionBox.of(q.status(), q.trusted())).toList()));

        TableView<ConversionItem> table = ConvertPreviewTable.create(model.previewItems(), model.hasEnvironments());
        VBox.setVgrow(table, Priority.ALWAYS);
        // an environment that cannot be reached: one line with its reason, above its rows (the others go on)
        VBox unreachable = new VBox(2);
        unreachable.setId("convertEnvironmentProblems");
        model.environmentProblems().addListener((ListChangeListener<String>) c -> unreachable.getChildren().setAll(
                model.environmentProblems().stream().map(l -> (Node) environmentLine(new ConvertDialogViewModel.EnvironmentLine(l, false)))
                        .toList()));
        unreachable.visibleProperty().bind(Bindings.isNotEmpty(model.environmentProblems()));
        unreachable.managedProperty().bind(unreachable.visibleProperty());
        return new VBox(10, new VBox(2, summary, hint), unreachable, hostKeyBoxes, table);
    }

    // ---- 3. run and 4. results

    private Node resultsPage() {
        Label current = new Label();
        current.textProperty().bind(model.currentProperty());
        current.getStyleClass().add(StyleClasses.MUTED);
        ProgressBar bar = new ProgressBar();
        bar.setId("convertProgress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label counts = new Label();
        counts.setId("convertCounts");
        counts.textProperty().bind(model.countsTextProperty());
        counts.getStyleClass().add(Styles.TEXT_BOLD);
        VBox progressBox = new VBox(6, counts, bar, current);
        showOnlyIn(progressBox, ConvertDialogViewModel.Phase.RUNNING);

        Label summary = new Label();
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(Bindings.createStringBinding(() -> model.reportProperty().get() == null ? ""
                : model.reportProperty().get().summary() + "  ·  run " + model.reportProperty().get().runId(), model.reportProperty()));
        Button csv = new Button("Export CSV…", new FontIcon(Feather.DOWNLOAD));
        csv.setOnAction(e -> export(ConvertDialogViewModel.ExportFormat.CSV));
        Button json = new Button("Export JSON…", new FontIcon(Feather.DOWNLOAD));
        json.setOnAction(e -> export(ConvertDialogViewModel.ExportFormat.JSON));
        Button undo = new Button("Undo run", new FontIcon(Feather.ROTATE_CCW));
        undo.setId("undoRun");
        undo.setOnAction(e -> model.undo());
        undo.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canUndo(), model.phaseProperty(),
                model.undoIncompleteProperty()));
        // what became of an export: beside its buttons, so that the run's own message (and its colour) stays
        Label exported = new Label();
        exported.setId("convertExported");
        exported.textProperty().bind(model.exportMessageProperty());
        exported.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        exported.setMinWidth(0);
        exported.tooltipProperty().bind(Bindings.createObjectBinding(() -> model.exportMessageProperty().get().isEmpty() ? null
                : Badges.tooltip(model.exportMessageProperty().get()), model.exportMessageProperty()));
        exported.getStyleClass().add(StyleClasses.MUTED);
        model.exportFailedProperty().addListener((o, a, failed) -> {
            exported.getStyleClass().removeAll(StyleClasses.MUTED, StyleClasses.PROBLEM);
            exported.getStyleClass().add(failed ? StyleClasses.PROBLEM : StyleClasses.MUTED);
        });
        // the summary and the buttons keep their whole words; the export line takes what is left, shortened in the middle
        exported.setMaxWidth(Double.MAX_VALUE);
        exported.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(exported, Priority.ALWAYS);
        for (Region whole : List.of(summary, csv, json, undo)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox resultsHeader = new HBox(8, summary, exported, csv, json, undo);
        resultsHeader.setAlignment(Pos.CENTER_LEFT);
        showOnlyIn(resultsHeader, ConvertDialogViewModel.Phase.DONE, ConvertDialogViewModel.Phase.UNDOING,
                ConvertDialogViewModel.Phase.UNDONE);

        TableView<RepoOutcome> table = new TableView<>(model.outcomes());
        table.setId("convertResults");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, StyleClasses.CONVERT_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<RepoOutcome, RepoOutcome> outcome = column("Outcome", 100, o -> Badges.badge(o.outcome().id(), outcomeStyle(o.outcome())));
        outcome.setMinWidth(100);
        TableColumn<RepoOutcome, RepoOutcome> repo = column("Repository", 190, o -> text(o.displayPath(), o.repo().toString()));
        TableColumn<RepoOutcome, RepoOutcome> environment = column("Environment", 150, o -> environmentCell(model.environmentOf(o)));
        environment.setMinWidth(122);
        environment.setVisible(model.hasEnvironments());
        TableColumn<RepoOutcome, RepoOutcome> project = column("Project", 190, o -> text(o.project() == null ? "—" : o.project(), null));
        TableColumn<RepoOutcome, RepoOutcome> key = column("Deploy key", 110, o -> o.deployKeyId() == null ? muted("—") : text("#" + o.deployKeyId(), null));
        key.setMinWidth(110); // the header's whole words
        TableColumn<RepoOutcome, RepoOutcome> reason = column("Reason", 420, o -> o.reason() == null ? muted("—")
                : sentence(o.reason(), o.outcome() == RepoOutcome.Outcome.FAILED ? StyleClasses.PROBLEM : StyleClasses.MUTED));
        table.getColumns().setAll(List.of(outcome, repo, environment, project, key, reason));
        table.setPlaceholder(muted("Waiting for the first repository…"));
        VBox.setVgrow(table, Priority.ALWAYS);

        tokenList.getStyleClass().add(StyleClasses.PLAN_BOX);
        tokenList.setPadding(new Insets(8, 10, 8, 10));
        model.tokens().addListener((ListChangeListener<ConvertDialogViewModel.TokenRow>) c -> showTokens());
        // a run that took no token out (or only other environments' tokens) changes no list: drawn when results show
        model.phaseProperty().addListener((o, a, phase) -> {
            if (phase == ConvertDialogViewModel.Phase.DONE) {
                showTokens();
            }
        });
        VBox tokensBox = new VBox(4, section("TOKENS NO LONGER IN THESE CONFIGS"), tokenList);
        HBox.setHgrow(tokensBox, Priority.ALWAYS);
        tokensBox.setMaxWidth(Double.MAX_VALUE);
        undoList.getStyleClass().add(StyleClasses.PLAN_BOX);
        undoList.setPadding(new Insets(8, 10, 8, 10));
        model.undoLines().addListener((ListChangeListener<String>) c -> undoList.getChildren().setAll(
                model.undoLines().stream().map(l -> {
                    // whole, wrapped: a line of a partial undo says what is left and why
                    Label label = new Label(l, new FontIcon(Feather.ROTATE_CCW));
                    label.setWrapText(true);
                    label.setMinHeight(Region.USE_PREF_SIZE);
                    label.setTooltip(Badges.tooltip(l));
                    return (Node) label;
                }).toList()));
        ScrollPane undoScroll = new ScrollPane(undoList);
        undoScroll.setFitToWidth(true);
        undoScroll.setPrefViewportHeight(110);
        VBox undoBox = new VBox(4, section("UNDONE"), undoScroll);
        HBox.setHgrow(undoBox, Priority.ALWAYS);
        undoBox.setMaxWidth(Double.MAX_VALUE);
        showOnlyIn(undoBox, ConvertDialogViewModel.Phase.UNDONE);
        VBox environmentList = new VBox(2);
        environmentList.setId("convertEnvironments");
        environmentList.getStyleClass().add(StyleClasses.PLAN_BOX);
        environmentList.setPadding(new Insets(8, 10, 8, 10));
        model.environmentLines().addListener((ListChangeListener<ConvertDialogViewModel.EnvironmentLine>) c -> environmentList.getChildren().setAll(
                model.environmentLines().stream().map(l -> (Node) environmentLine(l)).toList()));
        VBox environmentsBox = new VBox(4, section("ENVIRONMENTS"), environmentList);
        environmentsBox.visibleProperty().bind(Bindings.isNotEmpty(model.environmentLines()));
        environmentsBox.managedProperty().bind(environmentsBox.visibleProperty());
        // the two share the width evenly (a long wrapped sentence in one must not squeeze the other to nothing)
        tokensBox.setPrefWidth(0);
        undoBox.setPrefWidth(0);
        HBox lower = new HBox(12, tokensBox, undoBox);
        showOnlyIn(lower, ConvertDialogViewModel.Phase.DONE, ConvertDialogViewModel.Phase.UNDOING, ConvertDialogViewModel.Phase.UNDONE);
        // one line per environment, the whole width: a failed one's reason is read whole there
        return new VBox(10, progressBox, resultsHeader, table, environmentsBox, lower);
    }

    /** The environment a row lives in; this account's own in muted "this account", as in the main window. */
    static Label environmentCell(String environment) {
        if (environment == null) {
            return muted(ConvertDialogViewModel.environmentLabel(null));
        }
        return text(environment, "Lives in " + environment + "; its local steps ran there, by its helper");
    }

    /** One environment's line of the results, in the danger colour when something failed there. */
    private static Label environmentLine(ConvertDialogViewModel.EnvironmentLine line) {
        boolean failed = !line.ok();
        Label label = sentence(line.text(), failed ? StyleClasses.PROBLEM : StyleClasses.MUTED);
        label.setWrapText(true);
        label.setGraphic(new FontIcon(failed ? Feather.ALERT_TRIANGLE : Feather.CHECK_CIRCLE));
        label.getGraphic().getStyleClass().add(failed ? Styles.DANGER : Styles.SUCCESS);
        return label;
    }

    private static String outcomeStyle(RepoOutcome.Outcome outcome) {
        return switch (outcome) {
            case CONVERTED -> StyleClasses.BADGE_SUCCESS;
            case SKIPPED -> StyleClasses.BADGE_NEUTRAL;
            case FAILED -> StyleClasses.BADGE_DANGER;
        };
    }

    /** One row per removed token (redacted): Revoke when nothing uses it any more, else where it is still used. */
    private void showTokens() {
        tokenList.getChildren().clear();
        for (String shared : model.sharedFiles()) {
            Label line = muted(shared);
            line.setWrapText(true);
            tokenList.getChildren().add(line);
        }
        if (model.tokens().isEmpty()) {
            Label none = muted(model.noTokensText());
            none.setWrapText(true);
            none.setMinHeight(Region.USE_PREF_SIZE);
            tokenList.getChildren().add(none);
            return;
        }
        for (ConvertDialogViewModel.TokenRow row : model.tokens()) {
            Label token = new Label(row.use().secret().redacted());
            token.getStyleClass().add(StyleClasses.MONOSPACE);
            token.setMinWidth(Region.USE_PREF_SIZE);
            Label kind = Badges.badge(row.use().kind().id(), StyleClasses.BADGE_NEUTRAL);
            Label where = muted("removed from " + String.join(", ", row.use().removedFrom()));
            where.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            where.setMinWidth(0);
            where.setTooltip(Badges.tooltip(where.getText()));
            HBox.setHgrow(where, Priority.ALWAYS);
            where.setMaxWidth(Double.MAX_VALUE);
            HBox line = new HBox(10, token, kind, where);
            line.setAlignment(Pos.CENTER_LEFT);
            if (row.use().unused()) {
                Button revoke = new Button("Revoke", new FontIcon(Feather.SLASH));
                revoke.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
                revoke.setOnAction(e -> model.revoke(row));
                revoke.disableProperty().bind(Bindings.createBooleanBinding(() -> !row.canRevoke() || row.busy().get(),
                        row.revoked(), row.busy()));
                revoke.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(revoke);
            } else {
                Label used = new Label("still used by " + String.join(", ", row.use().stillUsedBy()) + ": kept");
                used.getStyleClass().add(Styles.WARNING);
                used.setMinWidth(Region.USE_PREF_SIZE);
                line.getChildren().add(used);
            }
            Label result = new Label();
            result.textProperty().bind(row.result());
            result.getStyleClass().add(StyleClasses.MUTED);
            result.visibleProperty().bind(row.result().isNotEmpty());
            result.managedProperty().bind(result.visibleProperty());
            tokenList.getChildren().add(new VBox(2, line, result));
        }
    }

    private void export(ConvertDialogViewModel.ExportFormat format) {
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        savePicker.pick(owner, "Export the results as " + format.name(), model.exportFileName(format), format.extension())
                .ifPresent(file -> model.export(format, file));
    }
}
