package dev.dkm.ui;

import dev.dkm.credentials.TokenStorageException;
import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.instances.InstanceLogin;
import dev.dkm.instances.LoginResult;
import dev.dkm.remote.Secret;
import dev.dkm.task.BackgroundTask;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The first-connection form: URL, token, optional CA file; "Test connection" runs {@link InstanceLogin#check} and
 * "Save" {@link InstanceLogin#login} (what {@code dkm login} runs), both off the FX thread. The token is held as a
 * {@link Secret} once handed over ({@link #takeToken}); only its redacted form is ever offered for display.
 */
public final class InstanceFormViewModel {
    public enum Phase { EDITING, TESTING, TESTED, SAVING, SAVED, FAILED }

    /** One line of the test result: what it says, and whether it is a warning. */
    public record ResultLine(String label, String value, boolean warning) {}

    private final Supplier<InstanceLogin> login;
    private final TaskExecutor executor;
    private final Consumer<LoginResult> onSaved;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ObjectProperty<Path> caFile = new SimpleObjectProperty<>(this, "caFile");
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.EDITING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper tokenShown = new ReadOnlyStringWrapper(this, "tokenShown", "");
    private final ObservableList<ResultLine> result = FXCollections.observableArrayList();
    private Secret token = Secret.of("");

    /** {@code onSaved} runs on the callback thread after the token was stored. */
    public InstanceFormViewModel(Supplier<InstanceLogin> login, TaskExecutor executor, Consumer<LoginResult> onSaved) {
        this.login = login;
        this.executor = executor;
        this.onSaved = onSaved;
        url.addListener((obs, old, now) -> edited());
        caFile.addListener((obs, old, now) -> edited());
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<Path> caFileProperty() {
        return caFile;
    }

    /**
     * Takes what was typed in the token field (the view clears the field right after): blank keeps the token
     * taken before.
     */
    public void takeToken(String typed) {
        if (typed != null && !typed.isBlank()) {
            token = Secret.of(typed.strip());
            tokenShown.set(token.redacted());
            edited();
        }
    }

    public boolean hasToken() {
        return !token.isEmpty();
    }

    /** The token as it may be shown: redacted ({@code glpat-…x7Qa}), or empty when none was given. */
    public ReadOnlyStringProperty tokenShownProperty() {
        return tokenShown.getReadOnlyProperty();
    }

    public boolean canSubmit() {
        Phase p = phase.get();
        return !url.get().isBlank() && hasToken() && p != Phase.TESTING && p != Phase.SAVING;
    }

    /** Checks the token against GitLab; stores nothing. */
    public void test() {
        run(Phase.TESTING, "Testing the connection…", () -> login.get().check(url.get().strip(), token, caFile.get()));
    }

    /** Checks the token again and stores it (OS keyring, or the 0600 file) with the instance's settings. */
    public void save() {
        run(Phase.SAVING, "Checking and saving…", () -> login.get().login(url.get().strip(), token, caFile.get()));
    }

    private void run(Phase busy, String busyMessage, Supplier<LoginResult> work) {
        if (!canSubmit()) {
            return;
        }
        phase.set(busy);
        message.set(busyMessage);
        BackgroundTask<LoginResult> task = p -> work.get();
        executor.submit(task, new TaskListener<>() {
            @Override
            public void onSuccess(LoginResult r) {
                show(r);
                if (busy == Phase.SAVING) {
                    message.set("Saved: the token is stored in " + r.storedIn() + ".");
                    phase.set(Phase.SAVED);
                    onSaved.accept(r);
                } else {
                    message.set("Connected to " + r.instanceUrl() + ". Save stores the token in " + storage() + ".");
                    phase.set(Phase.TESTED);
                }
            }

            @Override
            public void onFailure(Throwable error) {
                result.clear();
                message.set(sentence(error, url.get().strip()));
                phase.set(Phase.FAILED);
            }
        });
    }

    private String storage() {
        try {
            return login.get().storageDescription();
        } catch (RuntimeException e) {
            return "the token store";
        }
    }

    private void show(LoginResult r) {
        String who = "@" + r.user().username() + (r.user().name() == null ? "" : " (" + r.user().name() + ")");
        AccessToken t = r.tokenInfo();
        List<ResultLine> lines = new java.util.ArrayList<>(List.of(
                new ResultLine("User", who, false),
                new ResultLine("GitLab", r.gitlabVersion(), false),
                new ResultLine("Token", r.tokenRedacted() + (t == null || t.name() == null ? "" : " \"" + t.name() + "\""), false)));
        if (t != null) {
            lines.add(new ResultLine("Scopes", t.scopes() == null || t.scopes().isEmpty() ? "none" : String.join(", ", t.scopes()), false));
            lines.add(new ResultLine("Expires", t.expiresAt() == null ? "never" : t.expiresAt().toString(), false));
        }
        r.warnings().forEach(w -> lines.add(new ResultLine("Warning", w, true)));
        result.setAll(lines);
    }

    /** One sentence a user can act on; never the token (no message of the core carries it). */
    static String sentence(Throwable error, String instance) {
        if (error instanceof GitLabException e) {
            return e.userMessage(instance);
        }
        if (error instanceof TokenStorageException e) {
            return "The token is valid but could not be stored: " + e.getMessage();
        }
        if (error instanceof IllegalArgumentException e) {
            return "The URL is not usable: " + e.getMessage() + ".";
        }
        return "The connection failed: " + error.getMessage();
    }

    private void edited() {
        if (phase.get() != Phase.TESTING && phase.get() != Phase.SAVING) {
            result.clear();
            message.set("");
            phase.set(Phase.EDITING);
        }
    }

    /** What the test found: user, GitLab version, token, scopes, expiry, warnings. */
    public ObservableList<ResultLine> result() {
        return result;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What is happening or what went wrong, one sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
