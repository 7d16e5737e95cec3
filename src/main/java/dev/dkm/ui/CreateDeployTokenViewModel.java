package dev.dkm.ui;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import dev.dkm.tokens.CreatedDeployToken;
import dev.dkm.tokens.DeployTokenRequest;
import dev.dkm.tokens.RegistryLogin;
import dev.dkm.tokens.RegistryTarget;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the "Create deploy token" wizard: project or group, path, name, scopes (read_registry by default), expiry
 * (one year by default, or never), user name; then the created token (shown once) and "Log Docker in". The token is
 * created on the instance the one rule picks when the user presses Create ({@link TokensServices#creation()}). No node
 * here, so it is tested without a screen.
 */
final class CreateDeployTokenViewModel {
    private final TokensServices services;
    private final TaskExecutor executor;
    private final LocalDate today;
    private final BooleanProperty onGroup = new SimpleBooleanProperty(false);
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final Map<String, BooleanProperty> scopes = new LinkedHashMap<>();
    private final ObjectProperty<LocalDate> expires = new SimpleObjectProperty<>();
    private final BooleanProperty never = new SimpleBooleanProperty(false);
    private final StringProperty username = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<CreatedDeployToken> created = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper loginResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loggedIn = new ReadOnlyBooleanWrapper(false);

    CreateDeployTokenViewModel(TokensServices services, TaskExecutor executor, LocalDate today) {
        this.services = services;
        this.executor = executor;
        this.today = today;
        for (String s : DeployTokenRequest.ALL_SCOPES) {
            scopes.put(s, new SimpleBooleanProperty(DeployTokenRequest.DEFAULT_SCOPES.contains(s)));
        }
        expires.set(DeployTokenRequest.defaultExpiry(today));
    }

    BooleanProperty onGroupProperty() {
        return onGroup;
    }

    StringProperty pathProperty() {
        return path;
    }

    StringProperty nameProperty() {
        return name;
    }

    /** Every scope GitLab offers, in order, each with whether it is chosen. */
    Map<String, BooleanProperty> scopes() {
        return scopes;
    }

    ObjectProperty<LocalDate> expiresProperty() {
        return expires;
    }

    BooleanProperty neverProperty() {
        return never;
    }

    StringProperty usernameProperty() {
        return username;
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<CreatedDeployToken> createdProperty() {
        return created.getReadOnlyProperty();
    }

    ReadOnlyStringProperty loginResultProperty() {
        return loginResult.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty loggedInProperty() {
        return loggedIn.getReadOnlyProperty();
    }

    DeployTokenRequest request() {
        List<String> chosen = scopes.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        return new DeployTokenRequest(onGroup.get() ? Scope.GROUP : Scope.PROJECT, path.get().strip(), name.get().strip(),
                chosen.isEmpty() ? List.of("none selected") : chosen, never.get() ? null : expires.get(), username.get());
    }

    /** Checks the form (a one-line reason in {@link #errorProperty()}), then creates the token off the FX thread. */
    void create() {
        if (busy.get() || created.get() != null) {
            return;
        }
        DeployTokenRequest request = request();
        String problem = request.problem(today);
        if (problem != null) {
            error.set(problem.contains("none selected") ? "choose at least one scope" : problem);
            return;
        }
        error.set("Creating…");
        busy.set(true);
        executor.submit(p -> services.creation().create(request, today), new TaskListener<CreatedDeployToken>() {
            @Override
            public void onSuccess(CreatedDeployToken result) {
                busy.set(false);
                error.set("");
                created.set(result);
            }

            @Override
            public void onFailure(Throwable e) {
                busy.set(false);
                error.set(e instanceof GitLabException g ? g.userMessage(request.path(), "deploy tokens") : e.getMessage());
            }
        });
    }

    /** The registry "Log Docker in" writes to, or null (the button is hidden). */
    RegistryTarget registry() {
        return services.registry();
    }

    /** Stores the created token as the registry login, as docker login does. */
    void logDockerIn() {
        CreatedDeployToken t = created.get();
        RegistryTarget target = registry();
        if (t == null || target == null || loggedIn.get()) {
            return;
        }
        executor.submit(p -> RegistryLogin.login(target, t.username(), t.token()), new TaskListener<RegistryLogin.Outcome>() {
            @Override
            public void onSuccess(RegistryLogin.Outcome outcome) {
                loggedIn.set(true);
                loginResult.set("Logged in: " + outcome.describe() + "\nSame by hand: " + outcome.equivalentCommand());
            }

            @Override
            public void onFailure(Throwable e) {
                loginResult.set("Login failed: " + e.getMessage());
            }
        });
    }
}
