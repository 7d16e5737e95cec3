package dev.dkm.gitlab;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.dkm.remote.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import okhttp3.Headers;

/** Turns an HTTP status + GitLab error body, or an I/O failure, into a {@link GitLabException}. */
final class GitLabErrors {
    private final Secret token;

    GitLabErrors(Secret token) {
        this.token = token;
    }

    GitLabException fromResponse(int status, Headers headers, String body) {
        JsonObject json = parseObject(body);
        String error = string(json, "error");
        String detail = scrub(readableDetail(json, body));
        GitLabErrorKind kind;
        if (status == 401) {
            kind = "invalid_token".equals(error) ? GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED : GitLabErrorKind.UNAUTHORIZED;
        } else if (status == 403) {
            kind = "insufficient_scope".equals(error) ? GitLabErrorKind.INSUFFICIENT_SCOPE : GitLabErrorKind.FORBIDDEN;
            if (kind == GitLabErrorKind.INSUFFICIENT_SCOPE && string(json, "scope") != null) {
                detail = string(json, "scope");
            }
        } else if (status == 404) {
            kind = GitLabErrorKind.NOT_FOUND;
        } else if (status == 400 || status == 409 || status == 422) {
            kind = GitLabErrorKind.VALIDATION;
        } else if (status == 429) {
            kind = GitLabErrorKind.RATE_LIMITED;
        } else if (status >= 500) {
            kind = GitLabErrorKind.SERVER_ERROR;
        } else {
            kind = GitLabErrorKind.UNEXPECTED_STATUS;
        }
        return new GitLabException(kind, status, detail, RetryAfter.seconds(headers), null);
    }

    GitLabException fromIo(IOException e) {
        String what = scrub(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        GitLabErrorKind kind;
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            kind = GitLabErrorKind.TIMEOUT;
        } else if (e instanceof SSLException) {
            kind = GitLabErrorKind.TLS;
        } else {
            kind = GitLabErrorKind.NETWORK;
        }
        return new GitLabException(kind, 0, what, null, null);
    }

    GitLabException malformed(int status, RuntimeException e) {
        return new GitLabException(GitLabErrorKind.MALFORMED_RESPONSE, status, scrub(String.valueOf(e.getMessage())), null, null);
    }

    /**
     * GitLab's {@code message} is a string or an object of field → messages
     * ({@code {"deploy_key.fingerprint_sha256":["has already been taken"]}}), and some errors use
     * {@code error}/{@code error_description} instead.
     */
    static String readableDetail(JsonObject json, String rawBody) {
        if (json == null) {
            String text = rawBody == null ? "" : rawBody.strip();
            return text.isEmpty() || text.length() > 200 || text.startsWith("<") ? null : text;
        }
        JsonElement message = json.get("message");
        if (message != null && !message.isJsonNull()) {
            return readable(message);
        }
        String description = string(json, "error_description");
        String error = string(json, "error");
        return description != null ? description : error;
    }

    static String readable(JsonElement message) {
        if (message.isJsonPrimitive()) {
            return message.getAsString();
        }
        if (message.isJsonArray()) {
            List<String> parts = new ArrayList<>();
            message.getAsJsonArray().forEach(e -> parts.add(readable(e)));
            return String.join(", ", parts);
        }
        if (message.isJsonObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : message.getAsJsonObject().entrySet()) {
                String value = readable(e.getValue());
                // {"error": "..."} nests a plain sentence; field names prefix validation messages
                parts.add("error".equals(e.getKey()) || "base".equals(e.getKey()) ? value : e.getKey() + " " + value);
            }
            return String.join("; ", parts);
        }
        return null;
    }

    private static JsonObject parseObject(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(body);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static String string(JsonObject json, String name) {
        if (json == null) {
            return null;
        }
        JsonElement e = json.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private String scrub(String text) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return text.replace(token.reveal(), token.redacted());
    }
}
