package dev.dkm.ui;

import dev.dkm.app.AppServices;
import dev.dkm.app.Preferences;
import dev.dkm.settings.ExpiryThresholds;
import dev.dkm.settings.KeyStrategy;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Preferences": the defaults the settings keep — key strategy, read-only by default, expiry reminder thresholds —
 * read from and saved through {@link AppServices} (atomically; the session uses them at once) off the FX thread.
 * The thresholds text is checked as it is typed: a bad value gives one sentence and Save stays disabled.
 */
public final class PreferencesViewModel {
    private final Supplier<AppServices> services;
    private final TaskExecutor executor;
    private final List<Consumer<Preferences>> saved = new ArrayList<>();

    private final ObjectProperty<KeyStrategy> keyStrategy = new SimpleObjectProperty<>(KeyStrategy.ONE_KEY_PER_REPOSITORY);
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final StringProperty thresholds = new SimpleStringProperty("");
    private final javafx.beans.property.IntegerProperty runRetentionDays = new javafx.beans.property.SimpleIntegerProperty(
            dev.dkm.settings.Settings.DEFAULT_RUN_RETENTION_DAYS);
    private final ObjectBinding<ExpiryThresholds.Parsed> parsed;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding canSave;

    public PreferencesViewModel(Supplier<AppServices> services, TaskExecutor executor) {
        this.services = services;
        this.executor = executor;
        parsed = Bindings.createObjectBinding(() -> ExpiryThresholds.parse(thresholds.get()), thresholds);
        problem.bind(Bindings.createStringBinding(() -> loaded.get() && !parsed.get().ok() ? parsed.get().problem() : "",
                parsed, loaded));
        canSave = loaded.and(busy.not()).and(Bindings.createBooleanBinding(() -> parsed.get().ok(), parsed));
    }

    /** {@code action} gets the defaults after they were written (on the FX thread): the dialog closes, the window updates. */
    public PreferencesViewModel onSaved(Consumer<Preferences> action) {
        saved.add(action);
        return this;
    }

    /** Reads the current defaults (the session's settings) into the form. */
    public void load() {
        busy.set(true);
        executor.submit(p -> services.get().preferences(), new TaskListener<Preferences>() {
            @Override
            public void onSuccess(Preferences current) {
                keyStrategy.set(current.keyStrategy());
                readOnly.set(current.readOnlyByDefault());
                thresholds.set(ExpiryThresholds.format(current.expiryThresholdDays()));
                if (current.runRetentionDays() != null) {
                    runRetentionDays.set(current.runRetentionDays());
                }
                loaded.set(true);
                busy.set(false);
            }

            @Override
            public void onFailure(Throwable error) {
                busy.set(false);
                message.set("Could not read the settings: " + error.getMessage());
            }
        });
    }

    /** Writes the form into the settings file; the thresholds as parsed (de-duplicated, largest first). */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Preferences chosen = new Preferences(keyStrategy.get(), readOnly.get(), parsed.get().days(), runRetentionDays.get());
        busy.set(true);
        message.set("");
        executor.submit(p -> services.get().savePreferences(chosen), new TaskListener<Preferences>() {
            @Override
            public void onSuccess(Preferences result) {
                thresholds.set(ExpiryThresholds.format(result.expiryThresholdDays()));
                busy.set(false);
                message.set("Saved.");
                saved.forEach(action -> action.accept(result));
            }

            @Override
            public void onFailure(Throwable error) {
                busy.set(false);
                message.set("Could not save the settings: " + error.getMessage());
            }
        });
    }

    public ObjectProperty<KeyStrategy> keyStrategyProperty() {
        return keyStrategy;
    }

    /** Days run journals are kept for undo (0: until pruned by hand). */
    public javafx.beans.property.IntegerProperty runRetentionDaysProperty() {
        return runRetentionDays;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** The thresholds as typed, e.g. "60, 30, 7, 1". */
    public StringProperty thresholdsProperty() {
        return thresholds;
    }

    /** Why the thresholds cannot be saved, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public BooleanBinding canSaveBinding() {
        return canSave;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
