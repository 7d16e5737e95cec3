package dev.dkm.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny JSON client over java.net.http for talking to the sandbox in tests. */
final class SandboxHttp {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;

    SandboxHttp(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** An answer: status, headers and the body parsed as JSON (JsonNull when empty). */
    record Answer(int status, HttpResponse<String> raw) {
        JsonElement json() {
            String body = raw.body();
            return body == null || body.isEmpty() ? com.google.gson.JsonNull.INSTANCE : JsonParser.parseString(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null);
    }

    Answer post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    Answer put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    Answer patch(String path, String token, String json) {
        return send("PATCH", path, token, json);
    }

    Answer delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    Answer send(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("PRIVATE-TOKEN", token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
