package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/** An error answer in GitLab's shapes; thrown by handlers and written by {@link ApiHttpHandler}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient JsonElement body;
    final transient Map<String, String> headers;

    ApiException(int status, JsonElement body) {
        this(status, body, Map.of());
    }

    ApiException(int status, JsonElement body, Map<String, String> headers) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** {@code {"message":"404 Project Not Found"}}; {@code not_found!} without a resource is {@code "404 Not Found"}. */
    static ApiException notFound(String what) {
        return new ApiException(404, message(what == null ? "404 Not Found" : "404 " + what + " Not Found"));
    }

    /**
     * ActiveRecord's {@code RecordNotFound} (a {@code find}/{@code find_by!} of an unknown id), rescued in lib/api/api.rb
     * as {@code {"message":"404 Not found"}} (lower-case f).
     */
    static ApiException recordNotFound() {
        return new ApiException(404, message("404 Not found"));
    }

    /** {@code bad_request!(reason)} (lib/api/helpers.rb): {@code {"message":"400 Bad request - reason"}}. */
    static ApiException badRequest(String reason) {
        return new ApiException(400, message("400 Bad request" + (reason == null ? "" : " - " + reason)));
    }

    /** Unknown route: {@code {"error":"404 Not Found"}}. */
    static ApiException noRoute() {
        return new ApiException(404, error("404 Not Found"));
    }

    static ApiException unauthorized() {
        return new ApiException(401, message("401 Unauthorized"));
    }

    static ApiException forbidden() {
        return new ApiException(403, message("403 Forbidden"));
    }

    /** 403 for a token without the needed scope; {@code scope} lists the scopes that would do. */
    static ApiException insufficientScope(String scope) {
        JsonObject body = new JsonObject();
        body.addProperty("error", "insufficient_scope");
        body.addProperty("error_description", "The request requires higher privileges than provided by the access token.");
        body.addProperty("scope", scope);
        return new ApiException(403, body);
    }

    /** {@code {"error":"title is missing"}}. */
    static ApiException missing(String param) {
        return new ApiException(400, error(param + " is missing"));
    }

    static ApiException badRequestError(String error) {
        return new ApiException(400, error(error));
    }

    /** {@code {"message":{"field":["msg"]}}}: ActiveRecord validation errors. */
    static ApiException invalid(String field, String msg) {
        JsonObject fields = new JsonObject();
        JsonArray list = new JsonArray();
        list.add(msg);
        fields.add(field, list);
        JsonObject body = new JsonObject();
        body.add("message", fields);
        return new ApiException(400, body);
    }

    static JsonObject message(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("message", text);
        return o;
    }

    static JsonObject error(String text) {
        JsonObject o = new JsonObject();
        o.addProperty("error", text);
        return o;
    }
}
