package dev.dkm.tokens;

import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.registry.RegistryCredential;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Rotates a deploy token, which GitLab cannot do itself: create a new one with the same name, scopes and custom
 * user name → update the registry login that used the old one → check the registry accepts the new one → revoke
 * the old one. If any step fails, what was done is undone in reverse (login restored, new token deleted), so the
 * old token keeps working.
 */
public final class DeployTokenRotation {
    private static final String DEPLOY_TOKENS = "deploy tokens";

    private static final Pattern DEFAULT_USERNAME = Pattern.compile("gitlab\\+deploy-token-\\d+");

    /**
     * @param registry   the login to update, or null for none
     * @param forceLogin write the login even when the file does not show the old token's user (e.g. a helper keeps it)
     * @param verifyProject the project to test pulling from; null = the token's own project (for a group token: no scope)
     */
    public record Options(LocalDate expiresOn, RegistryTarget registry, boolean forceLogin, String verifyProject) {}

    private final GitLabClient client;
    private final Consumer<StepReport> listener;

    /** @param listener told of every step as it finishes, for a live display */
    public DeployTokenRotation(GitLabClient client, Consumer<StepReport> listener) {
        this.client = client;
        this.listener = listener;
    }

    public RotationResult rotate(Scope scope, String path, long oldId, Options options, LocalDate today) {
        List<StepReport> steps = new ArrayList<>();
        DeployToken old = client.deployToken(scope, path, oldId);
        CreatedDeployToken created = null;
        RegistryLogin.Outcome login = null;
        try {
            created = create(scope, path, old, options, today);
            report(steps, RotationStep.CREATE, StepReport.Status.DONE, created.username() + ", id " + created.id()
                    + ", expires " + (created.expiresOn() == null ? "never" : created.expiresOn()));
            login = logIn(steps, old, created, options);
            verify(steps, scope, path, created, options);
            client.deleteDeployToken(scope, path, oldId);
            report(steps, RotationStep.REVOKE_OLD, StepReport.Status.DONE, old.username() + ", id " + oldId);
            return new RotationResult(true, steps, created, login);
        } catch (IOException | RuntimeException e) {
            report(steps, nextStep(steps), StepReport.Status.FAILED, message(e, path));
            rollBack(steps, scope, path, created, login);
            return new RotationResult(false, steps, null, null);
        }
    }

    private CreatedDeployToken create(Scope scope, String path, DeployToken old, Options options, LocalDate today) {
        String username = old.username() != null && !DEFAULT_USERNAME.matcher(old.username()).matches() ? old.username() : null;
        DeployTokenRequest request = new DeployTokenRequest(scope, path, old.name(), old.scopes(), options.expiresOn(), username);
        return new DeployTokenCreation(client).create(request, today);
    }

    /** Updates the login when asked to, or when the file holds the old token's user for that registry. */
    private RegistryLogin.Outcome logIn(List<StepReport> steps, DeployToken old, CreatedDeployToken created, Options options)
            throws IOException {
        RegistryTarget target = options.registry();
        if (target == null) {
            report(steps, RotationStep.LOG_IN, StepReport.Status.SKIPPED, "no registry login to update");
            return null;
        }
        Optional<RegistryCredential> stored = target.authFile().storedInFile(target.registry());
        boolean usedOld = stored.isPresent() && stored.get().username().equals(old.username());
        if (!options.forceLogin() && !usedOld) {
            report(steps, RotationStep.LOG_IN, StepReport.Status.SKIPPED, target.file() + " has no login with " + old.username());
            return null;
        }
        RegistryLogin.Outcome outcome = RegistryLogin.login(target, created.username(), created.token());
        report(steps, RotationStep.LOG_IN, StepReport.Status.DONE, target.registry() + ": " + outcome.describe());
        return outcome;
    }

    private void verify(List<StepReport> steps, Scope scope, String path, CreatedDeployToken created, Options options) {
        if (!DeployTokenRequest.canPullImages(created.scopes())) {
            report(steps, RotationStep.VERIFY, StepReport.Status.SKIPPED, "the token has no registry scope to test");
            return;
        }
        String project = options.verifyProject() != null ? options.verifyProject() : scope == Scope.PROJECT ? path : null;
        if (!client.registryAccepts(project, created.username(), created.token())) {
            throw new IllegalStateException("the registry refused the new token");
        }
        report(steps, RotationStep.VERIFY, StepReport.Status.DONE, "registry login accepted" + (project == null ? "" : " for " + project));
    }

    private void rollBack(List<StepReport> steps, Scope scope, String path, CreatedDeployToken created, RegistryLogin.Outcome login) {
        if (login != null) {
            try {
                RegistryLogin.undo(login);
                report(steps, RotationStep.LOG_IN, StepReport.Status.UNDONE, "previous login restored in " + login.target().file());
            } catch (IOException | RuntimeException e) {
                report(steps, RotationStep.LOG_IN, StepReport.Status.UNDO_FAILED, e.getMessage());
            }
        }
        if (created != null) {
            try {
                client.deleteDeployToken(scope, path, created.id());
                report(steps, RotationStep.CREATE, StepReport.Status.UNDONE, "new token " + created.id() + " deleted");
            } catch (GitLabException e) {
                report(steps, RotationStep.CREATE, StepReport.Status.UNDO_FAILED,
                        "delete deploy token " + created.id() + " of " + path + " by hand: " + e.userMessage(path, DEPLOY_TOKENS));
            }
        }
    }

    /** The step that was running when something failed: the one after the last finished one. */
    private static RotationStep nextStep(List<StepReport> steps) {
        if (steps.isEmpty()) {
            return RotationStep.CREATE;
        }
        int last = steps.get(steps.size() - 1).step().ordinal();
        return RotationStep.values()[Math.min(last + 1, RotationStep.values().length - 1)];
    }

    private static String message(Exception e, String path) {
        return e instanceof GitLabException g ? g.userMessage(path, DEPLOY_TOKENS) : e.getMessage();
    }

    private void report(List<StepReport> steps, RotationStep step, StepReport.Status status, String detail) {
        StepReport r = new StepReport(step, status, detail);
        steps.add(r);
        listener.accept(r);
    }
}
