package dev.dkm.ui;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.DeployTokenRequest;
import dev.dkm.tokens.DeployTokenRotation;
import dev.dkm.tokens.RegistryTarget;
import dev.dkm.tokens.RotationResult;
import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the "Rotate deploy token" dialog: the new expiry, whether to write the Docker login, each step as the
 * rotation reports it (new token → registry login → check → revoke the old one) and the outcome. The rotation runs on
 * the token's own instance through {@link TokensServices#rotation()}; its steps come back as the task's progress, on
 * the executor's callback thread. No node here, so it is tested without a screen.
 */
final class RotateDeployTokenViewModel {
    enum Phase { EDITING, ROTATING, ROTATED, ROLLED_BACK, FAILED }

    private final CredentialItem item;
    private final TokensServices services;
    private final TaskExecutor executor;
    private final LocalDate today;
    private final RegistryTarget registry;
    private final ObjectProperty<LocalDate> expires = new SimpleObjectProperty<>();
    private final BooleanProperty dockerLogin = new SimpleBooleanProperty();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.EDITING);
    private final ReadOnlyObjectWrapper<RotationResult> result = new ReadOnlyObjectWrapper<>();

    RotateDeployTokenViewModel(CredentialItem item, TokensServices services, TaskExecutor executor, LocalDate today) {
        this.item = item;
        this.services = services;
        this.executor = executor;
        this.today = today;
        this.registry = services.registry();
        expires.set(DeployTokenRequest.defaultExpiry(today));
    }

    String header() {
        return "Replace \"" + item.name() + "\" (" + TokenTexts.where(item) + ") with a new token: same name and scopes";
    }

    /** The Docker login choice's text, or null when the instance has no registry (the choice is hidden). */
    String dockerLoginText() {
        return registry == null ? null
                : "Update the Docker login for " + registry.registry() + " (done anyway when it uses the old token)";
    }

    /** The warning about remotes that carry the old token, or null when none does. */
    String remotesWarning() {
        return item.dependents().isEmpty() ? null
                : "The old token is in the remote URL of " + String.join(", ", item.dependents())
                        + ": after the rotation those repositories cannot fetch until you set them up with a deploy key over SSH"
                        + " (better) or put the new token in their URL.";
    }

    ObjectProperty<LocalDate> expiresProperty() {
        return expires;
    }

    BooleanProperty dockerLoginProperty() {
        return dockerLogin;
    }

    ObservableList<String> steps() {
        return steps;
    }

    ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RotationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    boolean rotated() {
        return phase.get() == Phase.ROTATED;
    }

    /** Starts the rotation (once); steps, phase and result follow on the callback thread. */
    void rotate() {
        if (phase.get() != Phase.EDITING) {
            return;
        }
        phase.set(Phase.ROTATING);
        Scope scope = item.place() == CredentialItem.Place.GROUP ? Scope.GROUP : Scope.PROJECT;
        long id = Long.parseLong(item.gitlabId());
        DeployTokenRotation.Options options = new DeployTokenRotation.Options(expires.get(), registry, dockerLogin.get(), null);
        executor.submit(progress -> services.rotation()
                .apply(item.instance(), step -> progress.update(0, -1, step.toString()))
                .rotate(scope, item.where(), id, options, today), new TaskListener<RotationResult>() {
                    @Override
                    public void onProgress(long done, long total, String message) {
                        steps.add(message);
                    }

                    @Override
                    public void onSuccess(RotationResult r) {
                        result.set(r);
                        phase.set(r.succeeded() ? Phase.ROTATED : Phase.ROLLED_BACK);
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        steps.add("Failed before anything changed: " + error.getMessage());
                        phase.set(Phase.FAILED);
                    }
                });
    }
}
