package dev.dkm.sandbox;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A successful answer: status, JSON body (null for 204) and extra headers such as pagination. */
final class ApiResponse {
    final int status;
    final JsonElement body;
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiResponse(int status, JsonElement body) {
        this.status = status;
        this.body = body;
    }

    static ApiResponse ok(JsonElement body) {
        return new ApiResponse(200, body);
    }

    static ApiResponse created(JsonElement body) {
        return new ApiResponse(201, body);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }
}
