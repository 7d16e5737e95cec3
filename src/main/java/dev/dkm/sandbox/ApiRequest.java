package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.dkm.sandbox.SandboxData.AccessToken;
import dev.dkm.sandbox.SandboxData.User;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API call as the handlers see it: path parameters, query and body parameters (a JSON or
 * form body wins over the query, as in Grape), and the authenticated user and token.
 */
final class ApiRequest {
    final String method;
    /** The URL up to and including /api/v4, for Link headers. */
    final String apiBase;
    final String path;
    final Map<String, List<String>> query;
    final JsonObject body;
    final Map<String, String> pathParams = new LinkedHashMap<>();
    User user;
    AccessToken token;

    ApiRequest(String method, String apiBase, String path, Map<String, List<String>> query, JsonObject body) {
        this.method = method;
        this.apiBase = apiBase;
        this.path = path;
        this.query = query;
        this.body = body;
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    int intPathParam(String name, String notFoundWhat) {
        try {
            return Integer.parseInt(pathParams.get(name));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(notFoundWhat);
        }
    }

    boolean has(String name) {
        return (body.has(name) && !body.get(name).isJsonNull()) || query.containsKey(name)
                || query.containsKey(name + "[]");
    }

    /** The parameter as text, or null when absent or JSON null. */
    String param(String name) {
        JsonElement e = body.get(name);
        if (e != null && !e.isJsonNull()) {
            return e.isJsonPrimitive() ? e.getAsString() : e.toString();
        }
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A non-blank parameter, else 400 {"error":"NAME is missing"}. */
    String required(String name) {
        String v = param(name);
        if (v == null || v.isBlank()) {
            throw ApiException.missing(name);
        }
        return v;
    }

    Boolean boolParam(String name) {
        String v = param(name);
        return v == null ? null : Boolean.valueOf(v.equals("1") || v.equalsIgnoreCase("true"));
    }

    Integer intParam(String name) {
        String v = param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequestError(name + " is invalid");
        }
    }

    /** An ISO date or datetime parameter as epoch millis; null when absent; 400 when unreadable. */
    Long dateTimeParam(String name) {
        String v = param(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Times.parseDateTime(v.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequestError(name + " is invalid");
        }
    }

    /** A list: JSON array, repeated {@code name[]} query values, or comma-separated text. */
    List<String> listParam(String name) {
        JsonElement e = body.get(name);
        List<String> out = new ArrayList<>();
        if (e != null && e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.add(x.getAsString()));
            return out;
        }
        List<String> values = query.getOrDefault(name + "[]", query.get(name));
        if (e != null && e.isJsonPrimitive()) {
            values = List.of(e.getAsString());
        }
        if (values != null) {
            for (String v : values) {
                Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(out::add);
            }
        }
        return out;
    }

    /** A JSON array of objects such as allowed_to_push; empty when absent. */
    JsonArray objectListParam(String name) {
        JsonElement e = body.get(name);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }
}
