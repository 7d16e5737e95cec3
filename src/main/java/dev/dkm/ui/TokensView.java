package dev.dkm.ui;

import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import java.nio.charset.StandardCharsets;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialExport;
import dev.dkm.tokens.CredentialFilter;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialKind;
import dev.dkm.tokens.CredentialSummary;
import dev.dkm.tokens.ExpiryAlerts;
import dev.dkm.tokens.ExpiryBand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tokens dashboard: counts per band, a timeline of expiries, a sortable and filterable table of the same items,
 * export (CSV, JSON, ICS) and the deploy-token wizard. A standalone view: the main window puts it in a tab.
 * Selecting a mark selects its row and the other way round.
 */
public final class TokensView extends BorderPane {
    private final TokensServices services;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<CredentialItem> items = FXCollections.observableArrayList();
    private final FilteredList<CredentialItem> visible = new FilteredList<>(items);
    private final CredentialTable table = new CredentialTable(new SortedList<>(visible));
    private final ExpiryTimeline timeline = new ExpiryTimeline();
    private final HBox counts = new HBox(8);
    private final Label notes = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TextField filterText = new TextField();
    private final ComboBox<CredentialKind> kindFilter = new ComboBox<>();
    private final ComboBox<ExpiryBand> bandFilter = new ComboBox<>();
    private final ReadOnlyIntegerWrapper attention = new ReadOnlyIntegerWrapper();
    private final CheckBox inspectUrlTokens = new CheckBox("Look up tokens found in remotes");
    private Runnable onFirstCollection;

    public TokensView(TokensServices services, TaskExecutor executor) {
        this(services, executor, Clock.systemUTC());
    }

    public TokensView(TokensServices services, TaskExecutor executor, Clock clock) {
        this.services = services;
        this.executor = executor;
        this.clock = clock;
        getStyleClass().add("tokens-view");
        getStylesheets().add(TokensView.class.getResource("tokens.css").toExternalForm());
        setTop(new VBox(8, header(), filterBar()));
        VBox center = new VBox(8, timeline, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(center);
        setPadding(new Insets(12));
        BorderPane.setMargin(center, new Insets(8, 0, 0, 0));
        wireSelection();
    }

    /** Collects again (off the FX thread) and shows the result. */
    public void refresh() {
        busy.setVisible(true);
        boolean inspect = inspectUrlTokens.isSelected() && services.collectInspectingUrlTokens() != null;
        executor.submit(inspect ? services.collectInspectingUrlTokens() : services.collect(), new TaskListener<CollectionResult>() {
            @Override
            public void onSuccess(CollectionResult result) {
                busy.setVisible(false);
                show(result);
            }

            @Override
            public void onFailure(Throwable error) {
                busy.setVisible(false);
                notes.setText("Could not collect: " + error.getMessage());
            }
        });
    }

    /** Shows a collection result (also for callers that collected themselves). */
    public void show(CollectionResult result) {
        items.setAll(result.items());
        attention.set(alerts().size());
        notes.setText(result.notes().isEmpty() ? "" : result.notes().size() + " note(s)");
        // A grouped note ("your role on 7 projects … does not allow …") lists its places in the tooltip.
        notes.setTooltip(result.notes().isEmpty() ? null : new Tooltip(String.join("\n", result.notesWithPlaces())));
        updateCountsAndTimeline();
        if (onFirstCollection != null) {
            Runnable once = onFirstCollection;
            onFirstCollection = null;
            once.run();
        }
    }

    /** Counts the credentials past a threshold again, after the thresholds changed (nothing is collected). */
    public void thresholdsChanged() {
        attention.set(alerts().size());
    }

    /** Runs once, after the first collection is shown (the window's start-up notification). */
    public void setOnFirstCollection(Runnable action) {
        this.onFirstCollection = action;
    }

    /** How many credentials crossed an expiry threshold: for a badge on the window's Tokens tab. */
    public ReadOnlyIntegerProperty attentionCountProperty() {
        return attention.getReadOnlyProperty();
    }

    /** The credentials past a threshold, tightest first: for {@link ExpiryNotifier} after the first collection. */
    public List<ExpiryAlerts.Alert> alerts() {
        return ExpiryAlerts.due(items, services.reminderDays(), today());
    }

    ObservableList<CredentialItem> items() {
        return items;
    }

    CredentialTable table() {
        return table;
    }

    ExpiryTimeline timeline() {
        return timeline;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private HBox header() {
        Label title = new Label("Credentials");
        title.getStyleClass().add("tokens-title");
        busy.setVisible(false);
        busy.setPrefSize(18, 18);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        title.setMinWidth(Label.USE_PREF_SIZE);
        // icons only: the counts and the two named actions need the width
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-credentials");
        refresh.setTooltip(Badges.tooltip("Collect again"));
        refresh.setAccessibleText("Refresh");
        refresh.setOnAction(e -> refresh());
        MenuButton export = new MenuButton(null, new FontIcon(Feather.DOWNLOAD));
        export.setTooltip(Badges.tooltip("Export as CSV, JSON or a calendar (ICS) with reminders"));
        export.setAccessibleText("Export");
        for (CredentialExport.Format f : CredentialExport.Format.values()) {
            MenuItem item = new MenuItem(f.name() + (f == CredentialExport.Format.ICS ? " (calendar)" : ""));
            item.setOnAction(e -> export(f));
            export.getItems().add(item);
        }
        HBox box = new HBox(10, title, counts, busy, spacer, refresh, export);
        if (services.rotation() != null) {
            Button rotate = new Button("Rotate…", new FontIcon(Feather.REPEAT));
            rotate.setId("rotate-deploy-token");
            rotate.disableProperty().bind(Bindings.createBooleanBinding(
                    () -> !rotatable(table.getSelectionModel().getSelectedItem()), table.getSelectionModel().selectedItemProperty()));
            rotate.setOnAction(e -> new RotateDeployTokenDialog(table.getSelectionModel().getSelectedItem(), services, executor, today())
                    .showAndWait().filter(Boolean::booleanValue).ifPresent(done -> refresh()));
            box.getChildren().add(rotate);
        }
        if (services.creation() != null) {
            Button create = new Button("Create deploy token", new FontIcon(Feather.PLUS));
            create.getStyleClass().add("accent");
            create.setId("create-deploy-token");
            create.setOnAction(e -> new CreateDeployTokenDialog(services, executor, today()).showAndWait()
                    .ifPresent(created -> refresh()));
            box.getChildren().add(create);
        }
        box.getChildren().stream().filter(n -> n != spacer && n instanceof Region)
                .forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE)); // the spacer gives way, nothing else
        box.setAlignment(Pos.CENTER_LEFT);
        counts.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Deploy tokens of a project or group can be rotated (the admin list does not say where a token lives). */
    private static boolean rotatable(CredentialItem item) {
        return item != null && item.kind() == CredentialKind.DEPLOY_TOKEN && !item.revoked()
                && (item.place() == CredentialItem.Place.PROJECT || item.place() == CredentialItem.Place.GROUP);
    }

    private HBox filterBar() {
        filterText.setPromptText("Filter by name, project, group or repository");
        filterText.setPrefColumnCount(28);
        kindFilter.getItems().add(null);
        kindFilter.getItems().addAll(CredentialKind.values());
        kindFilter.setButtonCell(labelCell("All kinds", CredentialKind::label));
        kindFilter.setCellFactory(l -> labelCell("All kinds", CredentialKind::label));
        bandFilter.getItems().add(null);
        bandFilter.getItems().addAll(ExpiryBand.values());
        bandFilter.setButtonCell(labelCell("All statuses", ExpiryBand::label));
        bandFilter.setCellFactory(l -> labelCell("All statuses", ExpiryBand::label));
        filterText.textProperty().addListener((o, a, b) -> applyFilter());
        kindFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        bandFilter.valueProperty().addListener((o, a, b) -> applyFilter());
        notes.getStyleClass().add("tokens-notes");
        HBox bar = new HBox(8, filterText, kindFilter, bandFilter, notes);
        if (services.collectInspectingUrlTokens() != null) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            inspectUrlTokens.setId("inspect-url-tokens");
            inspectUrlTokens.setMinWidth(CheckBox.USE_PREF_SIZE);
            inspectUrlTokens.setTooltip(Badges.tooltip("Access tokens pasted into remote URLs are only shown by their prefix"
                    + " until you allow this: then each one is sent once, to its own GitLab"
                    + " (GET /personal_access_tokens/self), to show its name, scopes and expiry."));
            inspectUrlTokens.selectedProperty().addListener((obs, was, now) -> refresh());
            bar.getChildren().addAll(spacer, inspectUrlTokens);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static <T> ListCell<T> labelCell(String none, java.util.function.Function<T, String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value == null ? none : label.apply(value));
            }
        };
    }

    private void applyFilter() {
        CredentialFilter filter = new CredentialFilter(filterText.getText(), kindFilter.getValue(), bandFilter.getValue());
        LocalDate today = today();
        visible.setPredicate(i -> filter.test(i, today));
        updateCountsAndTimeline();
    }

    private void updateCountsAndTimeline() {
        LocalDate today = today();
        table.today(today);
        timeline.show(visible, today);
        counts.getChildren().clear();
        Map<ExpiryBand, Long> perBand = CredentialSummary.countByBand(visible, today);
        perBand.forEach((band, n) -> {
            Label chip = new Label(n + " " + band.label().toLowerCase(java.util.Locale.ROOT));
            chip.setId("count-" + band.id());
            chip.setStyle(n == 0 ? "-fx-opacity: 0.45;" + BandStyle.badgeStyle(band) : BandStyle.badgeStyle(band));
            chip.setOnMouseClicked(e -> bandFilter.setValue(bandFilter.getValue() == band ? null : band));
            chip.setMinWidth(Label.USE_PREF_SIZE);
            counts.getChildren().add(chip);
        });
    }

    private void wireSelection() {
        timeline.setOnPick(item -> {
            table.getSelectionModel().select(item);
            table.scrollTo(item);
            table.requestFocus();
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> timeline.selectedProperty().set(now));
    }

    private void export(CredentialExport.Format format) {
        SaveFilePicker.fileChooser().pick(getScene() == null ? null : getScene().getWindow(), "Export credentials as " + format.name(),
                "gitlab-credentials." + format.extension(), format.extension()).ifPresent(file -> exportTo(format, file));
    }

    /** Writes what the table shows (filter applied) to {@code file}, off the FX thread. */
    void exportTo(CredentialExport.Format format, Path file) {
        List<CredentialItem> rows = List.copyOf(table.getItems());
        String text = new CredentialExport(today(), clock.instant(), services.reminderDays()).render(format, rows);
        executor.submit(p -> {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PUBLIC);
            return file;
        }, new TaskListener<Path>() {
            @Override
            public void onSuccess(Path written) {
                notes.setText("Exported " + rows.size() + " to " + written.getFileName());
            }

            @Override
            public void onFailure(Throwable error) {
                notes.setText("Export failed: " + error.getMessage());
            }
        });
    }
}
