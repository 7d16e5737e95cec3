package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.DeployKey;
import dev.dkm.sandbox.SandboxData.DeployKeyLink;
import dev.dkm.sandbox.SandboxData.Project;
import dev.dkm.sandbox.SandboxData.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Deploy keys: instance (admin), project and per-user routes with GitLab's duplicate-key rules. */
final class DeployKeyRoutes {
    private static final String KEY_NOT_FOUND = "Deploy key";
    private final JsonViews views;
    private final SandboxRelease release;

    DeployKeyRoutes(JsonViews views, SandboxRelease release) {
        this.views = views;
        this.release = release;
    }

    void register(ApiRouter router) {
        router.add("GET", "/deploy_keys", this::listAll);
        router.add("POST", "/deploy_keys", this::createInstanceKey);
        router.add("GET", "/projects/:id/deploy_keys", this::listProjectKeys);
        router.add("POST", "/projects/:id/deploy_keys", this::createProjectKey);
        router.add("GET", "/projects/:id/deploy_keys/:key_id", this::getProjectKey);
        router.add("PUT", "/projects/:id/deploy_keys/:key_id", this::updateProjectKey);
        router.add("DELETE", "/projects/:id/deploy_keys/:key_id", this::deleteProjectKey);
        router.add("POST", "/projects/:id/deploy_keys/:key_id/enable", this::enableKey);
        router.add("GET", "/users/:id/project_deploy_keys", this::userProjectKeys);
    }

    private ApiResponse listAll(SandboxData d, ApiRequest r) {
        RouteSupport.requireAdmin(r);
        boolean onlyPublic = Boolean.TRUE.equals(r.boolParam("public"));
        List<JsonObject> out = new ArrayList<>();
        for (DeployKey k : d.deployKeys) {
            if (onlyPublic && !k.isPublic) {
                continue;
            }
            JsonObject o = views.deployKey(k);
            JsonArray write = new JsonArray();
            JsonArray read = new JsonArray();
            for (DeployKeyLink l : d.deployKeyLinks) {
                if (l.deployKeyId == k.id) {
                    SandboxState.project(d, l.projectId)
                            .ifPresent(p -> (l.canPush ? write : read).add(views.projectLink(d, p)));
                }
            }
            o.add("projects_with_write_access", write);
            o.add("projects_with_readonly_access", read);
            out.add(o);
        }
        return Pagination.page(r, out);
    }

    private ApiResponse createInstanceKey(SandboxData d, ApiRequest r) {
        if (!release.atLeast(17, 5)) {
            throw ApiException.noRoute(); // POST /deploy_keys came with 17.5
        }
        RouteSupport.requireAdmin(r);
        NewKey nk = validate(r, "");
        rejectExpired(r, "");
        if (fingerprintTaken(d, nk.fingerprintSha256)) {
            throw ApiException.invalid("fingerprint_sha256", "has already been taken");
        }
        DeployKey k = newKey(d, r, nk, true);
        return ApiResponse.created(views.deployKey(k));
    }

    private ApiResponse listProjectKeys(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        List<JsonObject> out = new ArrayList<>();
        for (DeployKeyLink l : d.deployKeyLinks) {
            if (l.projectId == p.id) {
                SandboxState.deployKey(d, l.deployKeyId).ifPresent(k -> out.add(views.deployKeyOnProject(k, l.canPush)));
            }
        }
        return Pagination.page(r, out);
    }

    /** GitLab's three cases: already on this project, accessible elsewhere (attach), or new (unique fingerprint). */
    private ApiResponse createProjectKey(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        NewKey nk = validate(r, "deploy_key.");
        boolean canPush = Boolean.TRUE.equals(r.boolParam("can_push"));
        for (DeployKeyLink l : d.deployKeyLinks) {
            if (l.projectId == p.id) {
                DeployKey k = SandboxState.deployKey(d, l.deployKeyId).orElseThrow();
                if (k.key.equals(nk.text)) {
                    return ApiResponse.created(views.deployKeyOnProject(k, l.canPush));
                }
            }
        }
        Optional<DeployKey> accessible = accessibleKeys(d, r.user).stream()
                .filter(k -> k.key.equals(nk.text)).findFirst();
        if (accessible.isPresent()) {
            d.addDeployKeyLink(accessible.get().id, p.id, canPush);
            return ApiResponse.created(views.deployKeyOnProject(accessible.get(), canPush));
        }
        rejectExpired(r, "deploy_key."); // only a new key is validated; the two attach cases above answer 201
        if (fingerprintTaken(d, nk.fingerprintSha256)) {
            throw ApiException.invalid("deploy_key.fingerprint_sha256", "has already been taken");
        }
        DeployKey k = newKey(d, r, nk, false);
        d.addDeployKeyLink(k.id, p.id, canPush);
        return ApiResponse.created(views.deployKeyOnProject(k, canPush));
    }

    private ApiResponse getProjectKey(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        DeployKeyLink l = linkOrRecordNotFound(d, r, p);
        return ApiResponse.ok(views.deployKeyOnProject(SandboxState.deployKey(d, l.deployKeyId).orElseThrow(), l.canPush));
    }

    private ApiResponse updateProjectKey(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        DeployKeyLink l = linkOrRecordNotFound(d, r, p);
        DeployKey k = SandboxState.deployKey(d, l.deployKeyId).orElseThrow();
        if (!r.has("title") && !r.has("can_push")) {
            throw ApiException.badRequestError("title, can_push are missing, at least one parameter must be provided");
        }
        String title = r.param("title");
        if (title != null) {
            if (title.isBlank()) {
                throw ApiException.invalid("title", "can't be blank");
            }
            long users = d.deployKeyLinks.stream().filter(x -> x.deployKeyId == k.id).count();
            // A non-admin's title change on a public or shared key is silently ignored, as in GitLab.
            if (r.user.admin || (!k.isPublic && users <= 1)) {
                k.title = title;
            }
        }
        Boolean canPush = r.boolParam("can_push");
        if (canPush != null) {
            l.canPush = canPush;
        }
        return ApiResponse.ok(views.deployKeyOnProject(k, l.canPush));
    }

    /** Detaches the key; deletes it only when it is private and was used by this project alone. */
    private ApiResponse deleteProjectKey(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        DeployKeyLink l = linkOf(d, r, p);
        d.deployKeyLinks.remove(l);
        DeployKey k = SandboxState.deployKey(d, l.deployKeyId).orElseThrow();
        boolean stillUsed = d.deployKeyLinks.stream().anyMatch(x -> x.deployKeyId == k.id);
        if (!k.isPublic && !stillUsed) {
            d.deployKeys.remove(k);
            d.protectedBranches.forEach(b -> b.pushAccessLevels.removeIf(a -> a.deployKeyId != null && a.deployKeyId == k.id));
        }
        return ApiResponse.noContent();
    }

    private ApiResponse enableKey(SandboxData d, ApiRequest r) {
        Project p = RouteSupport.projectWithRole(d, r, SandboxState.MAINTAINER);
        int keyId = r.intPathParam("key_id", KEY_NOT_FOUND);
        DeployKey k = SandboxState.deployKey(d, keyId).orElseThrow(() -> ApiException.notFound(KEY_NOT_FOUND));
        if (!r.user.admin && accessibleKeys(d, r.user).stream().noneMatch(x -> x.id == k.id)) {
            throw ApiException.notFound(KEY_NOT_FOUND);
        }
        if (SandboxState.link(d, p.id, k.id).isEmpty()) {
            d.addDeployKeyLink(k.id, p.id, false);
        }
        return ApiResponse.created(views.deployKey(k));
    }

    /**
     * Keys of projects both users maintain (lib/api/users.rb: {@code visible_to_user_and_access_level(…, MAINTAINER)}
     * for the caller and, unless it is the caller, for the user); none in common → 403
     * {@code "403 Forbidden - No common authorized project found"}.
     */
    private ApiResponse userProjectKeys(SandboxData d, ApiRequest r) {
        User other = SandboxState.userByIdOrName(d, r.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("User"));
        List<Integer> shared = d.projects.stream()
                .filter(p -> SandboxState.memberProjectAccess(d, r.user, p) >= SandboxState.MAINTAINER
                        && (other.id == r.user.id || SandboxState.memberProjectAccess(d, other, p) >= SandboxState.MAINTAINER))
                .map(p -> p.id).collect(Collectors.toList());
        if (shared.isEmpty()) {
            throw new ApiException(403, ApiException.message("403 Forbidden - No common authorized project found"));
        }
        List<JsonObject> out = d.deployKeys.stream()
                .filter(k -> d.deployKeyLinks.stream().anyMatch(l -> l.deployKeyId == k.id && shared.contains(l.projectId)))
                .map(views::deployKey)
                .collect(Collectors.toList());
        return Pagination.page(r, out);
    }

    // ---- helpers ----

    private record NewKey(String text, String title, String fingerprint, String fingerprintSha256) {}

    /** Grape's presence checks, then the model's validations (field names prefixed as GitLab nests them). */
    private static NewKey validate(ApiRequest r, String fieldPrefix) {
        String key = r.param("key");
        String title = r.param("title");
        List<String> missing = new ArrayList<>();
        if (key == null || key.isBlank()) {
            missing.add("key");
        }
        if (title == null || title.isBlank()) {
            missing.add("title");
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequestError(missing.stream().map(m -> m + " is missing").collect(Collectors.joining(", ")));
        }
        String text = key.strip();
        if (title.length() > 255) {
            throw ApiException.invalid(fieldPrefix + "title", "is too long (maximum is 255 characters)");
        }
        if (text.length() > 5000) {
            throw ApiException.invalid(fieldPrefix + "key", "is too long (maximum is 5000 characters)");
        }
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(text)
                .orElseThrow(() -> ApiException.invalid(fieldPrefix + "key", "is invalid"));
        return new NewKey(text, title, parsed.fingerprintMd5(), parsed.fingerprintSha256());
    }

    /** Key model: {@code validate :expiration, on: :create} → {@code errors.add(:key, message: 'has expired')} (app/models/key.rb). */
    private static void rejectExpired(ApiRequest r, String fieldPrefix) {
        Long expires = r.dateTimeParam("expires_at");
        if (expires != null && expires <= System.currentTimeMillis()) {
            throw ApiException.invalid(fieldPrefix + "key", "has expired");
        }
    }

    private static DeployKey newKey(SandboxData d, ApiRequest r, NewKey nk, boolean isPublic) {
        DeployKey k = new DeployKey();
        k.id = d.nextId("keys");
        k.title = nk.title;
        k.key = nk.text;
        k.fingerprint = nk.fingerprint;
        k.fingerprintSha256 = nk.fingerprintSha256;
        k.isPublic = isPublic;
        k.userId = r.user.id;
        k.createdAt = System.currentTimeMillis();
        k.expiresAt = r.dateTimeParam("expires_at");
        d.deployKeys.add(k);
        return k;
    }


    /** {@code find_by_deploy_key}: {@code deploy_keys_projects.find_by!} → ActiveRecord's {@code 404 Not found}. */
    private static DeployKeyLink linkOrRecordNotFound(SandboxData d, ApiRequest r, Project p) {
        String raw = r.pathParam("key_id");
        if (raw == null || !raw.matches("\\d{1,9}")) {
            throw ApiException.badRequestError("key_id is invalid");
        }
        return SandboxState.link(d, p.id, Integer.parseInt(raw)).orElseThrow(ApiException::recordNotFound);
    }

    /** DELETE: {@code not_found!('Deploy key')} → {@code 404 Deploy key Not Found}. */
    private static DeployKeyLink linkOf(SandboxData d, ApiRequest r, Project p) {
        int keyId = r.intPathParam("key_id", KEY_NOT_FOUND);
        return SandboxState.link(d, p.id, keyId).orElseThrow(() -> ApiException.notFound(KEY_NOT_FOUND));
    }

    /** Keys of projects the user is a member of, plus public keys (GitLab's accessible_deploy_keys). */
    static List<DeployKey> accessibleKeys(SandboxData d, User u) {
        return d.deployKeys.stream()
                .filter(k -> k.isPublic || d.deployKeyLinks.stream().anyMatch(l -> l.deployKeyId == k.id
                        && SandboxState.project(d, l.projectId)
                                .map(p -> SandboxState.memberProjectAccess(d, u, p) >= SandboxState.GUEST)
                                .orElse(false)))
                .collect(Collectors.toList());
    }

    /** The keys table is shared with users' SSH keys: one fingerprint, one row. */
    static boolean fingerprintTaken(SandboxData d, String fingerprintSha256) {
        return d.deployKeys.stream().anyMatch(k -> k.fingerprintSha256.equals(fingerprintSha256))
                || d.sshKeys.stream().anyMatch(k -> k.fingerprintSha256.equals(fingerprintSha256));
    }
}
