package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.DeployKey;
import dev.dkm.sandbox.SandboxData.DeployKeyLink;
import dev.dkm.sandbox.SandboxData.SshKey;
import java.util.Optional;

/**
 * Admin {@code GET /keys?fingerprint=…} and {@code GET /keys/:id}: who owns a key, and for a deploy key
 * where it is enabled. The answer to "fingerprint has already been taken".
 */
final class KeyLookupRoutes {
    private static final String NOT_FOUND = "Key";
    private final JsonViews views;

    KeyLookupRoutes(JsonViews views) {
        this.views = views;
    }

    void register(ApiRouter router) {
        router.add("GET", "/keys", (d, r) -> {
            RouteSupport.requireAdmin(r);
            String fingerprint = r.param("fingerprint");
            if (fingerprint == null || fingerprint.isBlank()) {
                throw ApiException.missing("fingerprint");
            }
            return ApiResponse.ok(lookup(d, k -> matches(k, fingerprint)));
        });
        router.add("GET", "/keys/:key_id", (d, r) -> {
            RouteSupport.requireAdmin(r);
            int id = r.intPathParam("key_id", NOT_FOUND);
            return ApiResponse.ok(lookup(d, k -> k.id == id));
        });
    }

    private interface KeyFilter {
        boolean test(KeyRow k);
    }

    private record KeyRow(int id, String fingerprint, String fingerprintSha256) {}

    /** GitLab accepts an MD5 fingerprint or one starting with "SHA256:". */
    private static boolean matches(KeyRow k, String fingerprint) {
        return fingerprint.startsWith("SHA256:") ? fingerprint.equals(k.fingerprintSha256) : fingerprint.equals(k.fingerprint);
    }

    private JsonObject lookup(SandboxData d, KeyFilter filter) {
        for (DeployKey k : d.deployKeys) {
            if (filter.test(new KeyRow(k.id, k.fingerprint, k.fingerprintSha256))) {
                JsonObject o = views.deployKey(k);
                o.add("user", k.userId == null ? JsonNull.INSTANCE
                        : SandboxState.user(d, k.userId).<JsonElement>map(u -> views.user(u, false))
                                .orElse(JsonNull.INSTANCE));
                JsonArray links = new JsonArray();
                for (DeployKeyLink l : d.deployKeyLinks) {
                    if (l.deployKeyId == k.id) {
                        JsonObject lo = new JsonObject();
                        lo.addProperty("id", l.id);
                        lo.addProperty("deploy_key_id", l.deployKeyId);
                        lo.addProperty("project_id", l.projectId);
                        lo.addProperty("created_at", Times.format(l.createdAt));
                        lo.addProperty("updated_at", Times.format(l.createdAt));
                        lo.addProperty("can_push", l.canPush);
                        links.add(lo);
                    }
                }
                o.add("deploy_keys_projects", links);
                return o;
            }
        }
        for (SshKey k : d.sshKeys) {
            Optional<SshPublicKeys.Parsed> parsed = SshPublicKeys.parse(k.key);
            String md5 = parsed.map(SshPublicKeys.Parsed::fingerprintMd5).orElse("");
            if (filter.test(new KeyRow(k.id, md5, k.fingerprintSha256))) {
                JsonObject o = new JsonObject();
                o.addProperty("id", k.id);
                o.addProperty("title", k.title);
                o.addProperty("key", k.key);
                o.addProperty("created_at", Times.format(k.createdAt));
                o.addProperty("expires_at", Times.format(k.expiresAt));
                o.addProperty("usage_type", "auth_and_signing");
                SandboxState.user(d, k.userId).ifPresent(u -> o.add("user", views.user(u, false)));
                return o;
            }
        }
        throw ApiException.notFound(NOT_FOUND);
    }
}
