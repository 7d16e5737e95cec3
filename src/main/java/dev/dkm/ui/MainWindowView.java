package dev.dkm.ui;

import dev.dkm.settings.Theme;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.dkm.remote.RemoteKind;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: toolbar with the workspace roots, filter bar, repository table, details pane and status bar.
 * Builds nothing but nodes; all state lives in {@link MainWindowViewModel}.
 */
public final class MainWindowView {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    /** The details pane takes about 330 px of the 1280 px window. */
    private static final double DETAILS_DIVIDER = 0.74;

    private final MainWindowViewModel viewModel;
    private final FolderPicker folderPicker;
    private final ObjectProperty<Theme> theme;
    private final RepoDetailsView details = new RepoDetailsView();
    private final EmptyStateView emptyState = new EmptyStateView();
    private final QuickFilterCell quickFilterButtonCell = new QuickFilterCell();
    private Runnable tryDemo;
    /** "Set up deploy key" for a repository: the details pane's button and the row's context menu. */
    private Consumer<RepoInfo> setUpDeployKey;
    private final javafx.beans.property.BooleanProperty canConvert = new javafx.beans.property.SimpleBooleanProperty(false);
    private Runnable convertToSsh = () -> {};
    /** What waits for the window's first frame (the toolbar's tooltips), and whether it is out. */
    private final java.util.List<Runnable> afterFirstFrame = new java.util.ArrayList<>();
    private boolean firstFrameOut;
    private javafx.scene.control.TabPane tabs;

    // The window's nodes, built in code (they were MainWindowView.fxml: loading it, the XML parse and the
    // reflection that fills these fields, was about a tenth of the window's start-up).
    private final BorderPane root = new BorderPane();
    private final HBox toolbar = new HBox();
    private final Label workspaceLabel = new Label("Workspace");
    private final HBox rootChips = new HBox();
    private final Button addFolderButton = new Button("Add folder…");
    private final Button convertButton = new Button("Convert to SSH…");
    private final Button scanButton = new Button("Scan");
    private final Button themeButton = new Button();
    private final HBox filterBar = new HBox();
    private final CustomTextField filterField = new CustomTextField();
    private final ComboBox<RepoQuickFilter> quickFilterBox = new ComboBox<>();
    private final SplitPane splitPane = new SplitPane();
    private final TableView<RepoInfo> repoTable = new TableView<>();
    private final TableColumn<RepoInfo, String> repositoryColumn = column("repositoryColumn", "Repository", 190, 100);
    private final TableColumn<RepoInfo, String> projectColumn = column("projectColumn", "GitLab project", 156, 110);
    private final TableColumn<RepoInfo, RemoteKind> remoteColumn = column("remoteColumn", "Remote", 126, 126);
    private final TableColumn<RepoInfo, String> tokenColumn = column("tokenColumn", "Token", 84, 84);
    private final TableColumn<RepoInfo, String> keyColumn = column("keyColumn", "Key", 90, 86);
    private final TableColumn<RepoInfo, RepoStatus> statusColumn = column("statusColumn", "Status", 140, 140);
    private final TableColumn<RepoInfo, String> branchColumn = column("branchColumn", "Branch", 76, 74);
    private final HBox statusBar = new HBox();
    private final Label summaryLabel = new Label();
    private final Label rootsProblemLabel = new Label();
    private final Label statusMessageLabel = new Label();
    private final ProgressBar progressBar = new ProgressBar();
    private final Button cancelButton = new Button("Cancel");

    public MainWindowView(MainWindowViewModel viewModel, FolderPicker folderPicker, Theme initialTheme) {
        this.viewModel = viewModel;
        this.folderPicker = folderPicker;
        this.theme = new SimpleObjectProperty<>(this, "theme", initialTheme);
        layOut();
        initialize();
    }

    private static <T> TableColumn<RepoInfo, T> column(String id, String title, double prefWidth, double minWidth) {
        TableColumn<RepoInfo, T> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(prefWidth);
        column.setMinWidth(minWidth);
        return column;
    }

    /** Toolbar and filter bar on top, the table in a split pane (the details pane joins it), the status bar below. */
    private void layOut() {
        root.setId("root");
        root.setPrefSize(WIDTH, HEIGHT);
        toolbar.setId("toolbar");
        workspaceLabel.setId("workspaceLabel");
        rootChips.setId("rootChips");
        addFolderButton.setId("addFolderButton");
        addFolderButton.setOnAction(e -> addFolder());
        convertButton.setId("convertButton");
        convertButton.setOnAction(e -> convertToSsh.run());
        scanButton.setId("scanButton");
        scanButton.setOnAction(e -> viewModel.scan());
        themeButton.setId("themeButton");
        themeButton.setOnAction(e -> theme.set(theme.get().other()));
        toolbar.getChildren().addAll(workspaceLabel, rootChips, addFolderButton, new Spacer(), convertButton, scanButton, themeButton);

        filterBar.setId("filterBar");
        filterField.setId("filterField");
        filterField.setPromptText("Filter by path, project, host, status…  (Ctrl+F)");
        HBox.setHgrow(filterField, Priority.ALWAYS);
        quickFilterBox.setId("quickFilterBox");
        filterBar.getChildren().addAll(filterField, quickFilterBox);
        root.setTop(new VBox(toolbar, filterBar));

        splitPane.setId("splitPane");
        repoTable.setId("repoTable");
        repoTable.setTableMenuButtonVisible(true);
        branchColumn.setVisible(false);
        repoTable.getColumns().addAll(List.of(repositoryColumn, projectColumn, remoteColumn, tokenColumn, keyColumn, statusColumn, branchColumn));
        splitPane.getItems().add(repoTable);
        root.setCenter(splitPane);

        statusBar.setId("statusBar");
        summaryLabel.setId("summaryLabel");
        rootsProblemLabel.setId("rootsProblemLabel");
        statusMessageLabel.setId("statusMessageLabel");
        progressBar.setId("progressBar");
        progressBar.setPrefWidth(160);
        cancelButton.setId("cancelButton");
        cancelButton.setOnAction(e -> viewModel.cancelScan());
        statusBar.getChildren().addAll(summaryLabel, new Spacer(), rootsProblemLabel, statusMessageLabel, progressBar, cancelButton);
        root.setBottom(statusBar);
    }

    /** A scene of the window's preferred size ({@value #WIDTH} × {@value #HEIGHT}); see {@link #createScene(double, double)}. */
    public Scene createScene() {
        return createScene(WIDTH, HEIGHT);
    }

    /**
     * Gives a toolbar or filter-bar control its tooltip once the window's first frame is out: a tooltip is a popup
     * window with its own scene, and the first one made initialises their machinery (9 % of what the FX thread did
     * before the first frame, JFR) for something shown only on hovering.
     */
    private void tooltip(Control control, String text) {
        Runnable install = () -> control.setTooltip(Badges.tooltip(text));
        if (firstFrameOut) {
            install.run();
        } else {
            afterFirstFrame.add(install);
        }
    }

    /** A scene with the theme, the app's stylesheet and the keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        ThemeStyles.apply(theme.get());
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(MainWindowView.class.getResource(StyleClasses.STYLESHEET).toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), this::focusFilter);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel::scan);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), viewModel::scan);
        FirstFrameProbe.afterFirstFrame(scene, () -> {
            firstFrameOut = true;
            afterFirstFrame.forEach(Runnable::run);
            afterFirstFrame.clear();
        });
        return scene;
    }

    public BorderPane root() {
        return root;
    }

    public MainWindowViewModel viewModel() {
        return viewModel;
    }

    /** The details pane, where actions on the selected repository plug in. */
    public RepoDetailsView details() {
        return details;
    }

    /** Adds a tab next to "Repositories" (the first call turns the centre into tabs) and returns it. */
    public javafx.scene.control.Tab addTab(String title, Node content) {
        if (tabs == null) {
            tabs = new javafx.scene.control.TabPane();
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            root.setCenter(null);
            javafx.scene.control.Tab repositories = new javafx.scene.control.Tab("Repositories", splitPane);
            repositories.setGraphic(new FontIcon(Feather.GIT_BRANCH));
            tabs.getTabs().add(repositories);
            root.setCenter(tabs);
        }
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        tabs.getTabs().add(tab);
        return tab;
    }

    /** Offers "Try the demo" under "Add folder…" while no workspace folder is set (first run without GitLab). */
    public void onTryDemo(Runnable action) {
        this.tryDemo = action;
        showEmptyState();
    }

    /** Enables "Set up deploy key" in the details pane: the action gets the selected repository. */
    public void onSetUpDeployKey(Consumer<RepoInfo> action) {
        this.setUpDeployKey = action;
        details.setSetUpDeployKeyAction(action);
    }

    /**
     * Adds the "GitLab" column (after "Status") and the GitLab section of the details pane, both drawn from
     * {@code model}; {@code addInstance} gets the web URL (the remote's scheme, host and port) of a repository no instance serves.
     */
    public void showServerStatus(ServerStatusModel model, Consumer<String> addInstance) {
        TableColumn<RepoInfo, String> column = new TableColumn<>("GitLab");
        column.setId("gitLabColumn");
        column.setPrefWidth(128);
        column.setMinWidth(110);
        RepoTableColumns.gitLab(column, model);
        repoTable.getColumns().add(repoTable.getColumns().indexOf(statusColumn) + 1, column);
        model.statusesProperty().addListener((obs, old, now) -> repoTable.refresh());
        model.busyProperty().addListener((obs, old, now) -> repoTable.refresh());
        details.setServerStatus(model, addInstance);
    }

    /** Adds the "GitLab instances" button to the toolbar, before the theme switch. */
    public void onManageInstances(Runnable action) {
        Button instances = new Button("GitLab instances", new FontIcon(Feather.SETTINGS));
        instances.setId("instancesButton");
        tooltip(instances, "Add, test and remove GitLab instances and their tokens");
        instances.setOnAction(e -> action.run());
        toolbar.getChildren().add(toolbar.getChildren().indexOf(themeButton), instances);
    }

    /** Adds the "Preferences" icon button to the toolbar, just before the theme switch. */
    public void onPreferences(Runnable action) {
        Button preferences = new Button(null, new FontIcon(Feather.SLIDERS));
        preferences.setId("preferencesButton");
        preferences.getStyleClass().add(Styles.BUTTON_ICON);
        tooltip(preferences, "Preferences");
        preferences.setAccessibleText("Preferences");
        preferences.setOnAction(e -> action.run());
        toolbar.getChildren().add(toolbar.getChildren().indexOf(themeButton), preferences);
    }

    /** Shows "Convert to SSH…" in the toolbar: the action opens the bulk conversion over the scanned repositories. */
    public void onConvertToSsh(Runnable action) {
        this.convertToSsh = action;
        canConvert.set(true);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private void initialize() {
        root.getStyleClass().add(StyleClasses.MAIN_WINDOW);
        initToolbar();
        initFilterBar();
        initTable();
        initDetails();
        initStatusBar();
    }

    // ---- toolbar

    private void initToolbar() {
        toolbar.getStyleClass().add(StyleClasses.TOOLBAR);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        workspaceLabel.getStyleClass().add(StyleClasses.SECTION_LABEL);
        rootChips.getStyleClass().add(StyleClasses.ROOT_CHIPS);
        rootChips.setAlignment(Pos.CENTER_LEFT);
        addFolderButton.setGraphic(new FontIcon(Feather.FOLDER_PLUS));
        scanButton.setGraphic(new FontIcon(Feather.REFRESH_CW));
        scanButton.getStyleClass().add(Styles.ACCENT);
        scanButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !viewModel.canScan(), viewModel.roots(), viewModel.environments(), viewModel.scanStateProperty()));
        if (viewModel.supportsEnvironments()) {
            Button addEnvironment = new Button("Add environment…", new FontIcon(Feather.USERS));
            addEnvironment.setId("addEnvironmentButton");
            tooltip(addEnvironment, "Also scan another local account, or what a command reaches (a container)");
            addEnvironment.setOnAction(e -> addEnvironment());
            toolbar.getChildren().add(toolbar.getChildren().indexOf(addFolderButton) + 1, addEnvironment);
        }
        scanButton.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.hasScanned() ? "Refresh" : "Scan", viewModel.scanStateProperty(), viewModel.repos()));
        convertButton.setGraphic(new FontIcon(Feather.SHUFFLE));
        convertButton.setId("convertToSsh");
        tooltip(convertButton, "Move many repositories from tokens in URLs to deploy keys over SSH");
        convertButton.visibleProperty().bind(canConvert);
        convertButton.managedProperty().bind(canConvert);
        convertButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.repos().isEmpty() || viewModel.scanStateProperty().get() == ScanState.SCANNING,
                viewModel.repos(), viewModel.scanStateProperty()));
        themeButton.getStyleClass().add(Styles.BUTTON_ICON);
        themeButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(theme.get() == Theme.DARK ? Feather.SUN : Feather.MOON), theme));
        tooltip(themeButton, "Switch between light and dark theme");
        themeButton.setAccessibleText("Switch between light and dark theme");
        theme.addListener((obs, old, now) -> ThemeStyles.apply(now));
        // Buttons keep their whole text when the toolbar is crowded (several chips, the buttons added later): the chips shrink.
        toolbar.getChildren().addListener((ListChangeListener<javafx.scene.Node>) c -> keepToolbarButtonsWhole());
        keepToolbarButtonsWhole();
        rootChips.setMinWidth(0);
        viewModel.roots().addListener((ListChangeListener<Path>) c -> showRootChips());
        viewModel.environments().addListener((ListChangeListener<dev.dkm.environments.EnvironmentSpec>) c -> showRootChips());
        viewModel.environmentFailures().addListener((ListChangeListener<String>) c -> showRootChips());
        showRootChips();
    }

    private void keepToolbarButtonsWhole() {
        for (javafx.scene.Node n : toolbar.getChildren()) {
            if (n instanceof javafx.scene.control.Labeled labeled) {
                labeled.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    private void showRootChips() {
        rootChips.getChildren().clear();
        for (Path path : viewModel.roots()) {
            rootChips.getChildren().add(new RootChip(path, () -> viewModel.removeRoot(path)));
        }
        for (dev.dkm.environments.EnvironmentSpec spec : viewModel.environments()) {
            String failure = viewModel.environmentFailures().stream().filter(l -> l.startsWith(spec.id() + ": "))
                    .map(l -> l.substring(spec.id().length() + 2)).findFirst().orElse(null);
            rootChips.getChildren().add(RootChip.environment(spec, failure, () -> viewModel.removeEnvironment(spec)));
        }
        if (viewModel.roots().isEmpty() && viewModel.environments().isEmpty()) {
            Label none = new Label("no folder yet");
            none.getStyleClass().add(StyleClasses.MUTED);
            rootChips.getChildren().add(none);
        }
    }

    private void addFolder() {
        folderPicker.pick(root.getScene() == null ? null : root.getScene().getWindow()).ifPresent(viewModel::addRoot);
    }

    /** Asks for an account name or a command template; a refusal is said where the scan reports. */
    private void addEnvironment() {
        javafx.scene.control.Dialog<javafx.util.Pair<Boolean, String>> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle("Add environment");
        dialog.setHeaderText("Scan another environment too: a local account, or a command that reaches one");
        javafx.scene.control.ComboBox<String> kind = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList("Local account", "Command template"));
        kind.getSelectionModel().selectFirst();
        javafx.scene.control.TextField value = new javafx.scene.control.TextField();
        value.setPromptText("account name, e.g. codimd");
        value.setPrefColumnCount(32);
        kind.valueProperty().addListener((obs, old, now) -> value.setPromptText("Local account".equals(now)
                ? "account name, e.g. codimd" : "command, e.g. podman exec -i -u app web"));
        HBox content = new HBox(8, kind, value);
        content.setAlignment(Pos.CENTER_LEFT);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == javafx.scene.control.ButtonType.OK
                ? new javafx.util.Pair<>("Command template".equals(kind.getValue()), value.getText()) : null);
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        javafx.application.Platform.runLater(value::requestFocus);
        dialog.showAndWait().ifPresent(p -> {
            String refused = viewModel.addEnvironment(p.getValue(), p.getKey());
            if (!refused.isEmpty()) {
                viewModel.announce("Environment not added: " + refused);
            }
        });
    }

    // ---- filter bar

    private void initFilterBar() {
        filterBar.getStyleClass().add(StyleClasses.FILTER_BAR);
        filterBar.setAlignment(Pos.CENTER_LEFT);
        filterField.setLeft(new FontIcon(Feather.SEARCH));
        filterField.textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterField.setOnAction(e -> focusFirstRow());
        filterField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filterField.clear();
            }
        });
        Button clear = new Button(null, new FontIcon(Feather.X));
        clear.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        clear.setFocusTraversable(false);
        clear.setOnAction(e -> filterField.clear());
        clear.visibleProperty().bind(filterField.textProperty().isNotEmpty());
        filterField.setRight(clear);
        quickFilterBox.getItems().setAll(RepoQuickFilter.values());
        quickFilterBox.setButtonCell(quickFilterButtonCell);
        showQuickFilterCounts();
        viewModel.repos().addListener((ListChangeListener<RepoInfo>) c -> showQuickFilterCounts());
        quickFilterBox.valueProperty().bindBidirectional(viewModel.quickFilterProperty());
        tooltip(quickFilterBox, "Show only repositories with this status");
    }

    /** The counts change with every scan: the button cell is relabelled, the popup gets new cells. */
    private void showQuickFilterCounts() {
        quickFilterButtonCell.relabel();
        quickFilterBox.setCellFactory(list -> new QuickFilterCell());
    }

    private final class QuickFilterCell extends ListCell<RepoQuickFilter> {
        @Override
        protected void updateItem(RepoQuickFilter filter, boolean empty) {
            super.updateItem(filter, empty);
            setText(empty || filter == null ? null : viewModel.quickFilterLabel(filter));
        }

        void relabel() {
            updateItem(getItem(), isEmpty());
        }
    }

    private void focusFilter() {
        filterField.requestFocus();
        filterField.selectAll();
    }

    private void focusFirstRow() {
        if (!repoTable.getItems().isEmpty()) {
            repoTable.requestFocus();
            if (repoTable.getSelectionModel().isEmpty()) {
                repoTable.getSelectionModel().selectFirst();
            }
            repoTable.getFocusModel().focus(repoTable.getSelectionModel().getSelectedIndex());
        }
    }

    // ---- table

    private void initTable() {
        repoTable.getStyleClass().addAll(StyleClasses.REPO_TABLE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        repoTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        RepoTableColumns.repository(repositoryColumn, viewModel::displayPath);
        TableColumn<RepoInfo, String> environmentColumn = new TableColumn<>("Environment");
        environmentColumn.setId("environmentColumn");
        environmentColumn.setPrefWidth(150);
        environmentColumn.setMinWidth(122); // the header's whole word
        RepoTableColumns.environment(environmentColumn);
        // Only while there is another environment: a window of one account keeps its columns.
        environmentColumn.visibleProperty().bind(Bindings.isNotEmpty(viewModel.environments()));
        repoTable.getColumns().add(repoTable.getColumns().indexOf(repositoryColumn) + 1, environmentColumn);
        RepoTableColumns.project(projectColumn);
        RepoTableColumns.remoteKind(remoteColumn);
        RepoTableColumns.tokenKind(tokenColumn);
        RepoTableColumns.key(keyColumn);
        RepoTableColumns.status(statusColumn);
        RepoTableColumns.branch(branchColumn);
        SortedList<RepoInfo> sorted = new SortedList<>(viewModel.visibleRepos());
        // The sorted list sorts, in the table's order, with each row's values taken once per sort (and again after
        // a scan, whose rows are new) and each string's collation key made once while the rows stay; the table's
        // sort policy has nothing left to do.
        repoTable.setSortPolicy(table -> true);
        CachedSortComparator.CollationKeys sortKeys = new CachedSortComparator.CollationKeys();
        List<TableColumn<RepoInfo, ?>> rowAlone = List.of(repositoryColumn, environmentColumn, projectColumn, remoteColumn,
                tokenColumn, keyColumn, statusColumn, branchColumn);
        rowAlone.forEach(CachedSortComparator::valueOfRowAlone);
        // New rows: forget the old ones' keys, and make the new ones' in the background before the first click on a header.
        viewModel.repos().addListener((ListChangeListener<RepoInfo>) c -> {
            sortKeys.clear();
            sortKeys.prepare(rowAlone, viewModel.repos());
        });
        viewModel.roots().addListener((ListChangeListener<Path>) c -> { // the Repository column's paths
            sortKeys.clear();
            sortKeys.prepare(rowAlone, viewModel.repos());
        });
        sorted.comparatorProperty().bind(Bindings.createObjectBinding(() -> CachedSortComparator.of(repoTable, sortKeys),
                repoTable.comparatorProperty(), viewModel.repos()));
        repoTable.setItems(sorted);
        repoTable.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> viewModel.selectedRepoProperty().set(now));
        viewModel.selectedRepoProperty().addListener((obs, old, now) -> {
            if (now != repoTable.getSelectionModel().getSelectedItem()) {
                repoTable.getSelectionModel().select(now);
            }
        });
        repoTable.setRowFactory(table -> new RepoTableRow(() -> setUpDeployKey));
        repoTable.setPlaceholder(emptyState);
        viewModel.roots().addListener((ListChangeListener<Path>) c -> showEmptyState());
        viewModel.repos().addListener((ListChangeListener<RepoInfo>) c -> showEmptyState());
        viewModel.scanStateProperty().addListener((obs, old, now) -> showEmptyState());
        showEmptyState();
    }

    private void showEmptyState() {
        if (viewModel.roots().isEmpty()) {
            emptyState.show(Feather.FOLDER_PLUS, "Add a workspace folder to scan",
                    "Deploy Key Manager finds every git repository under the folders you add and shows how each one"
                            + " authenticates to GitLab.", "Add folder…", this::addFolder);
            if (tryDemo != null) {
                emptyState.withSecondary("No GitLab set up yet? Try the demo", tryDemo);
            }
        } else if (viewModel.scanStateProperty().get() == ScanState.SCANNING) {
            emptyState.show(null, "Scanning…", "Looking for git repositories.", null, null);
        } else if (viewModel.scanStateProperty().get() == ScanState.NOT_SCANNED) {
            emptyState.show(Feather.REFRESH_CW, "Ready to scan",
                    viewModel.roots().size() == 1 ? "One workspace folder." : viewModel.roots().size() + " workspace folders.",
                    "Scan", viewModel::scan);
        } else if (viewModel.repos().isEmpty()) {
            emptyState.show(Feather.INBOX, "No git repository found",
                    "Nothing under the workspace folders looks like a git repository.", "Add folder…", this::addFolder);
        } else {
            emptyState.show(Feather.FILTER, "No repository matches the filter", "", "Clear filter", () -> {
                filterField.clear();
                viewModel.quickFilterProperty().set(RepoQuickFilter.ALL);
            });
        }
    }

    // ---- details

    private void initDetails() {
        SplitPane.setResizableWithParent(details, false);
        viewModel.selectedRepoProperty().addListener((obs, old, now) -> details.show(now));
        viewModel.repos().addListener((ListChangeListener<RepoInfo>) c -> placeDetails());
        placeDetails();
    }

    /** The details pane only takes room when there is something to select; the empty state gets the width. */
    private void placeDetails() {
        boolean wanted = !viewModel.repos().isEmpty();
        boolean shown = splitPane.getItems().contains(details);
        if (wanted && !shown) {
            splitPane.getItems().add(details);
            splitPane.setDividerPositions(DETAILS_DIVIDER);
        } else if (!wanted && shown) {
            splitPane.getItems().remove(details);
        }
    }

    // ---- status bar

    private void initStatusBar() {
        statusBar.getStyleClass().add(StyleClasses.STATUS_BAR);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        summaryLabel.textProperty().bind(viewModel.summaryTextProperty());
        summaryLabel.setId("summary");
        rootsProblemLabel.textProperty().bind(viewModel.rootsProblemProperty());
        rootsProblemLabel.getStyleClass().add(StyleClasses.PROBLEM);
        rootsProblemLabel.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        rootsProblemLabel.visibleProperty().bind(viewModel.rootsProblemProperty().isNotEmpty());
        rootsProblemLabel.managedProperty().bind(rootsProblemLabel.visibleProperty());
        statusMessageLabel.textProperty().bind(viewModel.statusMessageProperty());
        statusMessageLabel.getStyleClass().add(StyleClasses.MUTED);
        Node[] busyOnly = {progressBar, cancelButton};
        for (Node node : busyOnly) {
            node.visibleProperty().bind(viewModel.scanStateProperty().isEqualTo(ScanState.SCANNING));
            node.managedProperty().bind(node.visibleProperty());
        }
        progressBar.progressProperty().bind(viewModel.progressProperty());
        cancelButton.setGraphic(new FontIcon(Feather.X_CIRCLE));
        cancelButton.getStyleClass().addAll(Styles.SMALL, Styles.DANGER, Styles.FLAT);
    }

}
