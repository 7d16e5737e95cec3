package dev.dkm.tokens;

import dev.dkm.gitlab.AccessToken;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.DeployToken;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.gitlab.GitLabUser;
import dev.dkm.keys.PublicKeyReader;
import dev.dkm.remote.Secret;
import dev.dkm.task.Progress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** One instance's share of a collection: the calls, in parallel, then the matching of URL tokens to what was found. */
final class InstanceCollection {
    static final String APP_TOKEN_DEPENDENT = "dkm (API token)";

    private final InstanceConnection instance;
    private final GitLabClient client;
    private final WorkspaceIndex index;
    private final boolean inspectUrlTokens;
    private final ExecutorService pool;
    private final Progress progress;
    private final CredentialBook book;
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong done = new AtomicLong();
    private final RefusedPlaces refused;

    InstanceCollection(InstanceConnection instance, WorkspaceIndex index, boolean inspectUrlTokens, ExecutorService pool,
            Progress progress) {
        this.instance = instance;
        this.client = instance.client();
        this.index = index;
        this.inspectUrlTokens = inspectUrlTokens;
        this.pool = pool;
        this.progress = progress;
        this.book = new CredentialBook(instance.baseUrl(), instance.settings().id());
        this.notes.addAll(index.notes);
        this.refused = new RefusedPlaces(instance.baseUrl());
    }

    void run() {
        GitLabUser me = attempt(instance.baseUrl(), client::currentUser);
        if (me == null) {
            return; // the note says why: without a working API token nothing else will answer either
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        tasks.add(() -> appToken(me));
        tasks.add(() -> ownPersonalTokens(me));
        index.projects.keySet().forEach(p -> tasks.add(() -> tokensOf(Scope.PROJECT, p)));
        index.groups.forEach(g -> tasks.add(() -> tokensOf(Scope.GROUP, g)));
        wiredKeysByProject().forEach((project, keys) -> tasks.add(() -> deployKeys(project, keys)));
        if (inspectUrlTokens) {
            index.accessTokens.forEach((secret, dependents) -> tasks.add(() -> urlToken(secret, dependents)));
        } else if (!index.accessTokens.isEmpty()) {
            notes.add(instance.baseUrl() + ": " + index.accessTokens.size() + " access token(s) found in remotes were not inspected"
                    + " (allow it with --inspect-url-tokens to see their names and expiry)");
        }
        runAll(tasks);
        if (Boolean.TRUE.equals(me.isAdmin()) && !progress.isCancelled()) {
            // After the scoped lists, so a token keeps its project or group as its place.
            List<DeployToken> all = attempt("instance-wide deploy tokens", () -> client.instanceDeployTokens(null));
            if (all != null) {
                all.forEach(t -> book.deployToken(t, "instance", CredentialItem.Place.INSTANCE));
            }
        }
        linkDeployTokenUsers();
    }

    List<CredentialItem> items() {
        return book.items();
    }

    /** The single notes, then one sentence per group of places GitLab refused for one reason. */
    List<String> notes() {
        List<String> all = new ArrayList<>(notes);
        refused.notes().forEach(n -> all.add(n.note()));
        return all;
    }

    List<CollectionResult.GroupedNote> groupedNotes() {
        return refused.notes();
    }

    private Void appToken(GitLabUser me) {
        AccessToken self = attempt("the dkm API token", client::personalAccessTokenSelf);
        if (self != null) {
            book.addDependents(book.accessToken(self, CredentialKind.PERSONAL_ACCESS_TOKEN, userPlace(me.username()), CredentialItem.Place.USER),
                    List.of(APP_TOKEN_DEPENDENT));
        }
        return null;
    }

    private Void ownPersonalTokens(GitLabUser me) {
        List<AccessToken> mine = attempt("personal access tokens of " + me.username(), () -> client.personalAccessTokens(me.id(), null));
        if (mine != null) {
            mine.forEach(t -> book.accessToken(t, CredentialKind.PERSONAL_ACCESS_TOKEN, userPlace(me.username()), CredentialItem.Place.USER));
        }
        return null;
    }

    /** Deploy tokens and access tokens of one project or group: one call each, whatever number of repos sit under it. */
    private Void tokensOf(Scope scope, String path) {
        CredentialItem.Place place = scope == Scope.GROUP ? CredentialItem.Place.GROUP : CredentialItem.Place.PROJECT;
        List<DeployToken> tokens = attemptOn(scope, path, "deploy tokens", () -> client.deployTokens(scope, path, null));
        if (tokens != null) {
            tokens.forEach(t -> book.deployToken(t, path, place));
        }
        CredentialKind kind = scope == Scope.GROUP ? CredentialKind.GROUP_ACCESS_TOKEN : CredentialKind.PROJECT_ACCESS_TOKEN;
        String what = scope == Scope.GROUP ? "group access tokens" : "project access tokens";
        List<AccessToken> access = attemptOn(scope, path, what, () -> client.accessTokens(scope, path, null));
        if (access != null) {
            access.forEach(t -> book.accessToken(t, kind, path, place));
        }
        return null;
    }

    private Map<String, Map<WorkspaceIndex.WiredKey, Set<String>>> wiredKeysByProject() {
        Map<String, Map<WorkspaceIndex.WiredKey, Set<String>>> out = new LinkedHashMap<>();
        index.wiredKeys.forEach((key, deps) -> out.computeIfAbsent(key.project(), p -> new LinkedHashMap<>()).put(key, deps));
        return out;
    }

    /** The project's deploy keys once, matched to every key file wired for it by public key. */
    private Void deployKeys(String project, Map<WorkspaceIndex.WiredKey, Set<String>> wired) {
        List<DeployKey> keys = attemptOn(Scope.PROJECT, project, "deploy keys", () -> client.projectDeployKeys(project));
        if (keys == null) {
            return null;
        }
        PublicKeyReader reader = new PublicKeyReader();
        wired.forEach((key, dependents) -> {
            String publicKey;
            try {
                publicKey = reader.read(key.keyFile()).toString();
            } catch (IOException | RuntimeException e) {
                notes.add(String.join(", ", dependents) + ": cannot read the public half of " + key.keyFile() + " (" + e.getMessage() + ")");
                return;
            }
            Optional<DeployKey> match = keys.stream().filter(k -> k.sameKeyAs(publicKey)).findFirst();
            if (match.isPresent()) {
                book.deployKey(match.get(), project, dependents);
            } else {
                notes.add(String.join(", ", dependents) + ": the wired key " + key.keyFile().getFileName()
                        + " is not a deploy key of " + project);
            }
        });
        return null;
    }

    /** Asks GitLab about a token from a remote with that token itself (the user consented). */
    private Void urlToken(Secret secret, Set<String> dependents) {
        try (GitLabClient tokenClient = instance.clientForToken().apply(secret)) {
            AccessToken self = tokenClient.personalAccessTokenSelf();
            String owner = usernameOrNull(tokenClient);
            CredentialBook.Entry e = book.accessToken(self, CredentialKind.PERSONAL_ACCESS_TOKEN,
                    owner == null ? "user #" + self.userId() : userPlace(owner), CredentialItem.Place.USER);
            book.addDependents(e, dependents);
            book.redacted(e, secret.redacted());
        } catch (GitLabException e) {
            if (e.kind() == GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED) {
                boolean revoked = e.detail() != null && e.detail().toLowerCase(java.util.Locale.ROOT).contains("revoked");
                book.addDependents(book.rejectedToken(secret.redacted(), revoked), dependents);
            } else {
                notes.add(String.join(", ", dependents) + ": " + e.userMessage("the token " + secret.redacted() + " in the remote"));
            }
        } finally {
            step("token in a remote");
        }
        return null;
    }

    /** The token's owner when its scopes allow {@code GET /user}; a token with only repository scopes does not. */
    private static String usernameOrNull(GitLabClient tokenClient) {
        try {
            return tokenClient.currentUser().username();
        } catch (GitLabException e) {
            return null;
        }
    }

    /** Deploy tokens in URLs, matched by user name to the tokens of the repo's project or its parent groups. */
    private void linkDeployTokenUsers() {
        index.deployTokenUsers.forEach((username, byProject) -> byProject.forEach((project, dependents) -> {
            Optional<CredentialBook.Entry> entry = book.deployTokenByUsername(username, WorkspaceIndex.scopesCovering(project));
            if (entry.isPresent()) {
                book.addDependents(entry.get(), dependents);
                index.deployTokenRedacted(username).ifPresent(r -> book.redacted(entry.get(), r));
            } else {
                notes.add(String.join(", ", dependents) + ": deploy token user " + username
                        + " is not among the deploy tokens you can list for " + project + " or its groups");
            }
        }));
    }

    private void runAll(List<Callable<Void>> tasks) {
        List<Future<Void>> futures = new ArrayList<>();
        for (Callable<Void> task : tasks) {
            futures.add(pool.submit(() -> progress.isCancelled() ? null : task.call()));
        }
        for (Future<Void> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                notes.add(instance.baseUrl() + ": unexpected " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
            }
        }
    }

    /** Runs one GitLab call; a failure becomes a note about {@code subject} and null. */
    private <T> T attempt(String subject, Supplier<T> call) {
        try {
            return call.get();
        } catch (GitLabException e) {
            notes.add(e.userMessage(subject));
            return null;
        } finally {
            step(subject);
        }
    }

    /**
     * Runs one call about a project's or group's {@code what}; a refusal for a role too low, an invisible place or a
     * refused token is grouped with the others of its kind (one sentence for many places), any other failure is a note.
     */
    private <T> T attemptOn(Scope scope, String path, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (GitLabException e) {
            if (!refused.add(scope, path, what, e)) {
                notes.add(e.userMessage((scope == Scope.GROUP ? "group " : "") + path + " (" + what + ")", what));
            }
            return null;
        } finally {
            step(path + " (" + what + ")");
        }
    }

    private void step(String message) {
        progress.update(done.incrementAndGet(), -1, message);
    }

    private static String userPlace(String username) {
        return "user " + username;
    }
}
