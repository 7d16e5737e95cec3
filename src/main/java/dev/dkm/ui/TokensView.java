package dev.dkm.ui;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialExport;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialKind;
import dev.dkm.tokens.CredentialSummary;
import dev.dkm.tokens.ExpiryAlerts;
import dev.dkm.tokens.ExpiryBand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
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
    private final TokensViewModel model;
    private final TokensServices services;
    private final TaskExecutor executor;
    private final CredentialTable table;
    private final ExpiryTimeline timeline = new ExpiryTimeline();
    private final HBox counts = new HBox(8);
    private final Label notes = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TextField filterText = new TextField();
    private final ComboBox<CredentialKind> kindFilter = new ComboBox<>();
    private final ComboBox<ExpiryBand> bandFilter = new ComboBox<>();
    private final CheckBox inspectUrlTokens = new CheckBox("Look up tokens found in remotes");

    public TokensView(TokensServices services, TaskExecutor executor) {
        this(services, executor, Clock.systemUTC());
    }

    public TokensView(TokensServices services, TaskExecutor executor, Clock clock) {
        this.model = new TokensViewModel(services, executor, clock);
        this.services = services;
        this.executor = executor;
        this.table = new CredentialTable(new SortedList<>(model.visible()));
        getStyleClass().add("tokens-view");
        getStylesheets().add(TokensView.class.getResource("tokens.css").toExternalForm());
        setTop(new VBox(8, header(), filterBar()));
        VBox center = new VBox(8, timeline, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        setCenter(center);
        setPadding(new Insets(12));
        BorderPane.setMargin(center, new Insets(8, 0, 0, 0));
        wireSelection();
        busy.visibleProperty().bind(model.busyProperty());
        notes.textProperty().bind(model.notesProperty());
        model.notesDetailProperty().addListener((o, a, detail) -> notes.setTooltip(detail.isEmpty() ? null : new Tooltip(detail)));
        model.visible().addListener((ListChangeListener<CredentialItem>) c -> updateCountsAndTimeline());
        model.countsProperty().addListener((o, a, b) -> updateCountsAndTimeline());
    }

    /** The state behind the view (tested without a screen). */
    TokensViewModel viewModel() {
        return model;
    }

    /** Collects again (off the FX thread) and shows the result. */
    public void refresh() {
        model.refresh();
    }

    /** Shows a collection result (also for callers that collected themselves). */
    public void show(CollectionResult result) {
        model.show(result);
    }

    /** Counts the credentials past a threshold again, after the thresholds changed (nothing is collected). */
    public void thresholdsChanged() {
        model.thresholdsChanged();
    }

    /** Runs once, after the first collection is shown (the window's start-up notification). */
    public void setOnFirstCollection(Runnable action) {
        model.setOnFirstCollection(action);
    }

    /** How many credentials crossed an expiry threshold: for a badge on the window's Tokens tab. */
    public ReadOnlyIntegerProperty attentionCountProperty() {
        return model.attentionCountProperty();
    }

    /** The credentials past a threshold, tightest first: for {@link ExpiryNotifier} after the first collection. */
    public List<ExpiryAlerts.Alert> alerts() {
        return model.alerts();
    }

    ObservableList<CredentialItem> items() {
        return model.items();
    }

    CredentialTable table() {
        return table;
    }

    ExpiryTimeline timeline() {
        return timeline;
    }

    private LocalDate today() {
        return model.today();
    }

    private HBox header() {
        Label title = new Label("Credentials");
        title.getStyleClass().add("tokens-title");
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
                    () -> !model.rotatable(table.getSelectionModel().getSelectedItem()), table.getSelectionModel().selectedItemProperty()));
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
        filterText.textProperty().bindBidirectional(model.filterTextProperty());
        kindFilter.valueProperty().bindBidirectional(model.kindProperty());
        bandFilter.valueProperty().bindBidirectional(model.bandProperty());
        notes.getStyleClass().add("tokens-notes");
        HBox bar = new HBox(8, filterText, kindFilter, bandFilter, notes);
        if (model.offersInspection()) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            inspectUrlTokens.setId("inspect-url-tokens");
            inspectUrlTokens.setMinWidth(CheckBox.USE_PREF_SIZE);
            inspectUrlTokens.setTooltip(Badges.tooltip("Access tokens pasted into remote URLs are only shown by their prefix"
                    + " until you allow this: then each one is sent once, to its own GitLab"
                    + " (GET /personal_access_tokens/self), to show its name, scopes and expiry."));
            inspectUrlTokens.selectedProperty().bindBidirectional(model.inspectUrlTokensProperty());
            bar.getChildren().addAll(spacer, inspectUrlTokens);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static <T> ListCell<T> labelCell(String none, Function<T, String> label) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value == null ? none : label.apply(value));
            }
        };
    }

    private void updateCountsAndTimeline() {
        LocalDate today = today();
        table.today(today);
        timeline.show(model.visible(), today);
        counts.getChildren().clear();
        Map<ExpiryBand, Long> perBand = CredentialSummary.countByBand(model.visible(), today);
        perBand.forEach((band, n) -> {
            Label chip = new Label(n + " " + band.label().toLowerCase(Locale.ROOT));
            chip.setId("count-" + band.id());
            chip.setStyle(n == 0 ? "-fx-opacity: 0.45;" + BandStyle.badgeStyle(band) : BandStyle.badgeStyle(band));
            chip.setOnMouseClicked(e -> model.toggleBand(band));
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

    /** Writes what the table shows (filter applied, in its order) to {@code file}, off the FX thread. */
    void exportTo(CredentialExport.Format format, Path file) {
        model.exportTo(format, table.getItems(), file);
    }
}
