package dev.dkm.gitlab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads what a registry token from {@code /jwt/auth} grants: the JWT's payload (its middle part, base64url) carries
 * {@code access: [{"type":"repository","name":"group/project","actions":["pull",…]}]} (GitLab's
 * container_registry_authentication_service.rb, {@code authorized_token}). The signature is not checked: the
 * registry does that; here the token only tells what GitLab granted.
 */
final class RegistryJwt {
    private RegistryJwt() {}

    /** True when the answer's token grants {@code pull} on {@code repository:<projectPath>} (case-insensitive path). */
    static boolean grantsPull(String answerBody, String projectPath) {
        JsonObject payload = payload(answerBody);
        if (payload == null || !payload.has("access") || !payload.get("access").isJsonArray()) {
            return false;
        }
        for (JsonElement e : payload.getAsJsonArray("access")) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject entry = e.getAsJsonObject();
            if (text(entry, "type").equals("repository") && text(entry, "name").equalsIgnoreCase(projectPath)
                    && entry.has("actions") && entry.get("actions").isJsonArray()) {
                for (JsonElement action : entry.getAsJsonArray("actions")) {
                    if (action.isJsonPrimitive() && (action.getAsString().equals("pull") || action.getAsString().equals("*"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The payload of {@code {"token":"h.p.s"}} (or {@code access_token}), or null when it is not a JWT. */
    static JsonObject payload(String answerBody) {
        try {
            JsonElement answer = JsonParser.parseString(answerBody == null ? "" : answerBody);
            if (!answer.isJsonObject()) {
                return null;
            }
            JsonObject o = answer.getAsJsonObject();
            String jwt = !text(o, "token").isEmpty() ? text(o, "token") : text(o, "access_token");
            String[] parts = jwt.split("\\.", -1);
            if (parts.length < 2) {
                return null;
            }
            String json = new String(Base64.getUrlDecoder().decode(parts[1].replace('+', '-').replace('/', '_')),
                    StandardCharsets.UTF_8);
            JsonElement payload = JsonParser.parseString(json);
            return payload.isJsonObject() ? payload.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalArgumentException | IllegalStateException e) {
            return null;
        }
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }
}
