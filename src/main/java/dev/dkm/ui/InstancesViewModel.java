package dev.dkm.ui;

import dev.dkm.app.AppServices;
import dev.dkm.instances.InstanceStatus;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "GitLab instances" dialog's state: the configured instances as {@code dkm instances} lists them (who the token
 * belongs to, when it expires, keyring or file), removal ({@code dkm logout} plus forgetting the instance), and the
 * first-connection form. Everything that talks to GitLab or the token store runs off the FX thread.
 */
public final class InstancesViewModel {
    private final Supplier<AppServices> services;
    private final TaskExecutor executor;
    private final Consumer<String> changed;
    private final ObservableList<InstanceStatus> instances = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** {@code changed} gets an instance's URL after it was saved or removed (and the list shows it). */
    public InstancesViewModel(Supplier<AppServices> services, TaskExecutor executor, Consumer<String> changed) {
        this.services = services;
        this.executor = executor;
        this.changed = changed;
    }

    /** Lists the instances again, asking each who its token belongs to. */
    public void refresh() {
        reload(null, null);
    }

    /** Forgets the instance's token (keyring or file) and the instance; the token is not revoked on GitLab. */
    public void remove(String url) {
        busy.set(true);
        executor.submit(p -> services.get().instanceLogout().remove(url), new TaskListener<>() {
            @Override
            public void onSuccess(dev.dkm.instances.InstanceLogout.Result r) {
                reload(r.instanceUrl(), "Removed " + r.instanceUrl()
                        + (r.removed() ? " and its token from " + r.storage() : " (no token was stored)") + ".");
            }

            @Override
            public void onFailure(Throwable error) {
                busy.set(false);
                message.set("Could not remove " + url + ": " + error.getMessage());
            }
        });
    }

    /** The first-connection form; {@code url} prefills it (may be empty). Saving refreshes the list. */
    public InstanceFormViewModel form(String url) {
        InstanceFormViewModel form = new InstanceFormViewModel(() -> services.get().instanceLogin(), executor,
                saved -> reload(saved.instanceUrl(), "Saved " + saved.instanceUrl() + ": the token is stored in " + saved.storedIn() + "."));
        form.urlProperty().set(url == null ? "" : url);
        return form;
    }

    /** {@code changedUrl}: an instance saved or removed just now (the session forgets its old client first). */
    private void reload(String changedUrl, String done) {
        busy.set(true);
        executor.submit(p -> {
            if (changedUrl != null) {
                services.get().instanceChanged(changedUrl);
            }
            return services.get().instanceOverview().list(true);
        }, new TaskListener<List<InstanceStatus>>() {
            @Override
            public void onSuccess(List<InstanceStatus> result) {
                instances.setAll(result);
                busy.set(false);
                message.set(done == null ? "" : done);
                if (changedUrl != null) {
                    changed.accept(changedUrl);
                }
            }

            @Override
            public void onFailure(Throwable error) {
                busy.set(false);
                message.set("Could not list the instances: " + error.getMessage());
            }
        });
    }

    public ObservableList<InstanceStatus> instances() {
        return instances;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last thing done or what went wrong, one sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Where the instance's token is, in a word or two: "OS keyring", "file (0600)", "GITLAB_TOKEN", "no token". */
    static String storage(InstanceStatus s) {
        if (s.token() == null) {
            return "no token";
        }
        if (s.inKeyring()) {
            return "OS keyring";
        }
        return s.tokenSource() != null && s.tokenSource().contains("GITLAB_TOKEN") ? "GITLAB_TOKEN" : "file (0600)";
    }
}
