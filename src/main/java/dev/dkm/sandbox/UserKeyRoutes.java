package dev.dkm.sandbox;

import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.SshKey;
import dev.dkm.sandbox.SandboxData.User;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Users' personal SSH keys ({@code /user/keys}, {@code /users/:id/keys}). They share the keys table with
 * deploy keys, so one fingerprint can be either a personal key or a deploy key, never both.
 */
final class UserKeyRoutes {
    private static final String NOT_FOUND = "Key";

    void register(ApiRouter router) {
        router.add("GET", "/user/keys", (d, r) -> Pagination.page(r, keysOf(d, r.user)));
        router.add("GET", "/user/keys/:key_id", (d, r) -> ApiResponse.ok(JsonViews.sshKey(find(d, r))));
        router.add("POST", "/user/keys", this::create);
        router.add("DELETE", "/user/keys/:key_id", (d, r) -> {
            d.sshKeys.remove(find(d, r));
            return ApiResponse.noContent();
        });
        router.add("GET", "/users/:id/keys", (d, r) -> {
            User u = SandboxState.userByIdOrName(d, r.pathParam("id")).orElseThrow(() -> ApiException.notFound("User"));
            return Pagination.page(r, keysOf(d, u));
        });
    }

    private ApiResponse create(SandboxData d, ApiRequest r) {
        String title = r.param("title");
        String key = r.param("key");
        if (key == null || key.isBlank()) {
            throw ApiException.missing("key");
        }
        if (title == null || title.isBlank()) {
            throw ApiException.missing("title");
        }
        SshPublicKeys.Parsed parsed = SshPublicKeys.parse(key)
                .orElseThrow(() -> ApiException.invalid("key", "is invalid"));
        if (DeployKeyRoutes.fingerprintTaken(d, parsed.fingerprintSha256())) {
            throw ApiException.invalid("fingerprint_sha256", "has already been taken");
        }
        SshKey k = new SshKey();
        k.id = d.nextId("keys");
        k.userId = r.user.id;
        k.title = title;
        k.key = key.strip();
        k.fingerprintSha256 = parsed.fingerprintSha256();
        k.expiresAt = r.dateTimeParam("expires_at");
        k.createdAt = System.currentTimeMillis();
        d.sshKeys.add(k);
        return ApiResponse.created(JsonViews.sshKey(k));
    }

    private static SshKey find(SandboxData d, ApiRequest r) {
        int id = r.intPathParam("key_id", NOT_FOUND);
        return d.sshKeys.stream().filter(k -> k.id == id && k.userId == r.user.id).findFirst()
                .orElseThrow(() -> ApiException.notFound(NOT_FOUND));
    }

    private static List<JsonObject> keysOf(SandboxData d, User u) {
        return d.sshKeys.stream().filter(k -> k.userId == u.id).map(JsonViews::sshKey).collect(Collectors.toList());
    }
}
