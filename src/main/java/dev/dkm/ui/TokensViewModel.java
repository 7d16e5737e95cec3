package dev.dkm.ui;

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
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the Tokens tab: the collected credentials (the same {@link dev.dkm.app.TokenManagement} collection as
 * {@code dkm tokens}), the filter (text, kind, status) and what it leaves visible with its counts per band, the notes,
 * the consent to look up tokens found in remotes, the attention count and export. No node here, so it is tested
 * without a screen; the view binds to it.
 */
final class TokensViewModel {
    private final TokensServices services;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<CredentialItem> items = FXCollections.observableArrayList();
    private final FilteredList<CredentialItem> visible = new FilteredList<>(items);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<CredentialKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<ExpiryBand> band = new SimpleObjectProperty<>();
    private final BooleanProperty inspectUrlTokens = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notesDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper attention = new ReadOnlyIntegerWrapper();
    /** Bumped whenever what is visible (or today) changes: the view redraws its counts and timeline. */
    private final ReadOnlyObjectWrapper<Map<ExpiryBand, Long>> counts = new ReadOnlyObjectWrapper<>(Map.of());
    private Runnable onFirstCollection;

    TokensViewModel(TokensServices services, TaskExecutor executor, Clock clock) {
        this.services = services;
        this.executor = executor;
        this.clock = clock;
        filterText.addListener((o, a, b) -> applyFilter());
        kind.addListener((o, a, b) -> applyFilter());
        band.addListener((o, a, b) -> applyFilter());
        inspectUrlTokens.addListener((o, a, b) -> refresh());
    }

    TokensServices services() {
        return services;
    }

    ObservableList<CredentialItem> items() {
        return items;
    }

    /** The items the filter leaves. */
    ObservableList<CredentialItem> visible() {
        return visible;
    }

    StringProperty filterTextProperty() {
        return filterText;
    }

    ObjectProperty<CredentialKind> kindProperty() {
        return kind;
    }

    ObjectProperty<ExpiryBand> bandProperty() {
        return band;
    }

    /** Whether the user allowed sending each token found in a remote to its GitLab once; changing it collects again. */
    BooleanProperty inspectUrlTokensProperty() {
        return inspectUrlTokens;
    }

    boolean offersInspection() {
        return services.collectInspectingUrlTokens() != null;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "3 note(s)", a failure, or the export's outcome. */
    ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Every note with its places, one per line (the notes' tooltip); empty when there are none. */
    ReadOnlyStringProperty notesDetailProperty() {
        return notesDetail.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty attentionCountProperty() {
        return attention.getReadOnlyProperty();
    }

    /** The visible items per band, in band order. */
    ReadOnlyObjectProperty<Map<ExpiryBand, Long>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    void setOnFirstCollection(Runnable action) {
        this.onFirstCollection = action;
    }

    /** Collects again, off the FX thread. */
    void refresh() {
        busy.set(true);
        boolean inspect = inspectUrlTokens.get() && offersInspection();
        executor.submit(inspect ? services.collectInspectingUrlTokens() : services.collect(), new TaskListener<CollectionResult>() {
            @Override
            public void onSuccess(CollectionResult result) {
                busy.set(false);
                show(result);
            }

            @Override
            public void onFailure(Throwable error) {
                busy.set(false);
                notes.set("Could not collect: " + error.getMessage());
            }
        });
    }

    void show(CollectionResult result) {
        items.setAll(result.items());
        attention.set(alerts().size());
        notes.set(result.notes().isEmpty() ? "" : result.notes().size() + " note(s)");
        // A grouped note ("your role on 7 projects … does not allow …") lists its places in the tooltip.
        notesDetail.set(result.notes().isEmpty() ? "" : String.join("\n", result.notesWithPlaces()));
        applyFilter();
        if (onFirstCollection != null) {
            Runnable once = onFirstCollection;
            onFirstCollection = null;
            once.run();
        }
    }

    void thresholdsChanged() {
        attention.set(alerts().size());
    }

    List<ExpiryAlerts.Alert> alerts() {
        return ExpiryAlerts.due(items, services.reminderDays(), today());
    }

    /** Clicking a band's count filters by it, clicking it again shows all. */
    void toggleBand(ExpiryBand b) {
        band.set(band.get() == b ? null : b);
    }

    /** Deploy tokens of a project or group can be rotated (the admin list does not say where a token lives). */
    boolean rotatable(CredentialItem item) {
        return services.rotation() != null && item != null && item.kind() == CredentialKind.DEPLOY_TOKEN && !item.revoked()
                && (item.place() == CredentialItem.Place.PROJECT || item.place() == CredentialItem.Place.GROUP);
    }

    /** Writes {@code rows} (what the table shows, in its order) to {@code file}, off the FX thread. */
    void exportTo(CredentialExport.Format format, List<CredentialItem> rows, Path file) {
        List<CredentialItem> copy = List.copyOf(rows);
        String text = new CredentialExport(today(), clock.instant(), services.reminderDays()).render(format, copy);
        TextFileSave.save(executor, file, text, written -> notes.set("Exported " + copy.size() + " to " + written.getFileName()),
                why -> notes.set("Export failed: " + why));
    }

    private void applyFilter() {
        CredentialFilter filter = new CredentialFilter(filterText.get(), kind.get(), band.get());
        LocalDate today = today();
        visible.setPredicate(i -> filter.test(i, today));
        counts.set(CredentialSummary.countByBand(visible, today));
    }
}
