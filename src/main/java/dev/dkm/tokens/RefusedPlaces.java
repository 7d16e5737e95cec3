package dev.dkm.tokens;

import dev.dkm.gitlab.GitLabClient.Scope;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The projects and groups GitLab refused during one instance's collection, grouped by reason and by what was being
 * listed, so that twelve projects below Maintainer read as one sentence and not as twelve. Thread-safe.
 *
 * <p>GitLab's answers (lib/api/helpers.rb, lib/api/deploy_tokens.rb, lib/api/deploy_keys.rb,
 * lib/api/resource_access_tokens.rb): 403 on a visible project or group whose role is too low, 401 on the access-token
 * routes for the same (turned into a role answer by {@link dev.dkm.gitlab.GitLabClient#accessTokens}), 404 only for
 * one the token cannot see.
 */
final class RefusedPlaces {
    /** Why GitLab refused. */
    enum Reason { ROLE, NOT_VISIBLE, TOKEN }

    private record Key(Reason reason, String what) {}

    private final String instance;
    private final Map<Key, TreeSet<String>> projects = new LinkedHashMap<>();
    private final Map<Key, TreeSet<String>> groups = new LinkedHashMap<>();
    private final Map<Key, String> tokenSentences = new LinkedHashMap<>();

    RefusedPlaces(String instance) {
        this.instance = instance;
    }

    /** Records the refusal if it is one of the grouped reasons; false when the caller should report it alone. */
    synchronized boolean add(Scope scope, String path, String what, GitLabException e) {
        Reason reason = reasonOf(e);
        if (reason == null) {
            return false;
        }
        Key key = new Key(reason, reason == Reason.ROLE ? what : ""); // unseen is unseen whatever was asked
        if (reason == Reason.TOKEN) {
            tokenSentences.putIfAbsent(key, e.userMessage(instance));
        }
        (scope == Scope.GROUP ? groups : projects).computeIfAbsent(key, k -> new TreeSet<>()).add(path);
        return true;
    }

    static Reason reasonOf(GitLabException e) {
        if (e.kind() == GitLabErrorKind.FORBIDDEN) {
            return Reason.ROLE;
        }
        if (e.kind() == GitLabErrorKind.NOT_FOUND) {
            return Reason.NOT_VISIBLE;
        }
        if (e.kind() == GitLabErrorKind.UNAUTHORIZED || e.kind() == GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED) {
            return Reason.TOKEN;
        }
        return null;
    }

    /** One sentence per reason and kind of thing, each with its places. */
    synchronized List<CollectionResult.GroupedNote> notes() {
        List<Key> keys = new ArrayList<>(projects.keySet());
        groups.keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        List<CollectionResult.GroupedNote> out = new ArrayList<>();
        for (Key key : keys) {
            TreeSet<String> p = projects.getOrDefault(key, new TreeSet<>());
            TreeSet<String> g = groups.getOrDefault(key, new TreeSet<>());
            List<String> places = new ArrayList<>();
            p.forEach(x -> places.add("project " + x));
            g.forEach(x -> places.add("group " + x));
            out.add(new CollectionResult.GroupedNote(sentence(key, p, g), places));
        }
        return out;
    }

    private String sentence(Key key, TreeSet<String> p, TreeSet<String> g) {
        String where = count(p.size(), "project", p) + (p.isEmpty() || g.isEmpty() ? "" : " and ") + count(g.size(), "group", g);
        return switch (key.reason) {
            case ROLE -> instance + ": your role on " + where + " does not allow listing " + (p.size() + g.size() == 1 ? "its " : "their ")
                    + key.what + " (" + rolesNeeded(key.what, !p.isEmpty(), !g.isEmpty()) + "); they are left out";
            case NOT_VISIBLE -> instance + ": " + where + (p.size() + g.size() == 1 ? " does" : " do")
                    + " not exist or cannot be seen with this token, so " + (p.size() + g.size() == 1 ? "its" : "their")
                    + " tokens and keys are left out";
            case TOKEN -> tokenSentences.get(key) + " (" + where + " left out)";
        };
    }

    /** Who may list them, from GitLab's policies (project_policy.rb / group_policy.rb, resource_access_tokens.rb). */
    private static String rolesNeeded(String what, boolean projects, boolean groups) {
        List<String> parts = new ArrayList<>();
        if (projects) {
            parts.add("Maintainer on a project");
        }
        if (groups) {
            parts.add(what.contains("access") ? "Owner on a group" : "Maintainer on a group");
        }
        return "that needs " + String.join(", ", parts);
    }

    private static String count(int n, String noun, TreeSet<String> names) {
        if (n == 0) {
            return "";
        }
        return n == 1 ? noun + " " + names.first() : n + " " + noun + "s";
    }
}
