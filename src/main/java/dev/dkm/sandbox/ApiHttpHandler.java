package dev.dkm.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The HTTP edge: faults, parsing, auth, routing, counting, and writing JSON answers. */
final class ApiHttpHandler implements HttpHandler {
    static final String API_PREFIX = "/api/v4";
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private final SandboxState state;
    private final ApiRouter router;
    private final RequestCounter counter;
    private final FaultInjector faults;
    private final GraphQlRoutes graphql;
    private volatile String baseUrl;

    ApiHttpHandler(SandboxState state, ApiRouter router, RequestCounter counter, FaultInjector faults, GraphQlRoutes graphql) {
        this.state = state;
        this.router = router;
        this.counter = counter;
        this.faults = faults;
        this.graphql = graphql;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestLine = exchange.getRequestMethod().toUpperCase() + " " + exchange.getRequestURI().getRawPath();
            FaultInjector.Fault fault = faults.next(requestLine);
            if (fault == FaultInjector.Fault.DROP) {
                // Throwing makes HttpServer close the connection without an answer.
                throw new IOException("sandbox fault injection: dropped connection");
            }
            if (fault == FaultInjector.Fault.SERVER_ERROR) {
                send(exchange, 500, ApiException.message("500 Internal Server Error"), Map.of());
                return;
            }
            if (fault == FaultInjector.Fault.RATE_LIMITED) {
                JsonObject inner = new JsonObject();
                inner.addProperty("error", "This endpoint has been requested too many times. Try again later.");
                JsonObject body = new JsonObject();
                body.add("message", inner);
                send(exchange, 429, body, faults.rateLimitHeaders());
                return;
            }
            answer(exchange);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (rawPath.equals(RegistryAuth.PATH) && "GET".equalsIgnoreCase(exchange.getRequestMethod())) {
            answerRegistryAuth(exchange);
            return;
        }
        String verb = exchange.getRequestMethod().toUpperCase();
        if (rawPath.equals(GraphQlRoutes.PATH) && (verb.equals("POST") || verb.equals("GET"))) {
            if (!graphql.available()) { // a GitLab from before GraphQL: counted, so tests see it was asked
                counter.count(verb + " " + GraphQlRoutes.PATH);
                send(exchange, 404, ApiException.error("404 Not Found"), Map.of());
                return;
            }
            answerGraphql(exchange, verb);
            return;
        }
        if (!rawPath.startsWith(API_PREFIX + "/")) {
            send(exchange, 404, ApiException.error("404 Not Found"), Map.of());
            return;
        }
        String path = rawPath.substring(API_PREFIX.length());
        List<String> segments = new ArrayList<>();
        for (String s : path.substring(1).split("/", -1)) {
            segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        String method = exchange.getRequestMethod().toUpperCase();
        ApiRequest request;
        try {
            request = new ApiRequest(method, baseUrl + API_PREFIX, path,
                    parseQuery(exchange.getRequestURI().getRawQuery()), parseBody(exchange));
        } catch (JsonSyntaxException | IllegalStateException e) {
            send(exchange, 400, ApiException.error("400 Bad request - body is not valid JSON"), Map.of());
            return;
        }
        Optional<ApiRouter.Match> match = router.match(method, segments, request);
        if (match.isEmpty()) {
            counter.count(method + " (no route)");
            send(exchange, 404, ApiException.error("404 Not Found"), Map.of());
            return;
        }
        counter.count(match.get().template());
        ApiResponse response;
        try {
            Function<SandboxData, ApiResponse> call = d -> {
                TokenAuthenticator.authenticate(d, request, exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN"),
                        exchange.getRequestHeaders().getFirst("Authorization"));
                TokenAuthenticator.checkScope(request, match.get().template());
                return match.get().handler().handle(d, request);
            };
            // Only changes are persisted; a GET's last_used_at is saved with the next change.
            response = "GET".equals(method) ? state.read(call) : state.write(call);
        } catch (ApiException e) {
            send(exchange, e.status, e.body, e.headers);
            return;
        } catch (RuntimeException e) {
            // A sandbox bug: answer 500 instead of letting HttpServer drop the connection silently.
            System.err.println("sandbox: " + match.get().template() + " failed: " + e);
            send(exchange, 500, ApiException.message("500 Internal Server Error"), Map.of());
            return;
        }
        send(exchange, response.status, response.body, response.headers);
    }

    /**
     * GitLab's GraphQL endpoint, with the API's tokens (app/controllers/graphql_controller.rb): none is an anonymous
     * request; an unknown, revoked or expired one, or one without {@code api}/{@code read_api}, is 401
     * {@code {"errors":[{"message":"Invalid token"}]}} (authorize_access_api!); everything else is answered by
     * {@link GraphQlRoutes}, errors included, with 200.
     */
    private void answerGraphql(HttpExchange exchange, String verb) throws IOException {
        counter.count(verb + " " + GraphQlRoutes.PATH);
        Map<String, List<String>> params = parseQuery(exchange.getRequestURI().getRawQuery());
        String body = verb.equals("POST") ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) : null;
        String privateToken = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean tokenGiven = privateToken != null && !privateToken.isBlank()
                || authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        ApiResponse response;
        try {
            response = state.read(d -> {
                SandboxData.User user = null;
                if (tokenGiven) {
                    ApiRequest request = new ApiRequest(verb, baseUrl + API_PREFIX, GraphQlRoutes.PATH, params, new JsonObject());
                    try {
                        TokenAuthenticator.authenticate(d, request, privateToken, authorization);
                    } catch (ApiException e) {
                        throw graphqlError(e.status == 403 ? 403 : 401, e.status == 403 ? "API not accessible for user" : "Invalid token");
                    }
                    if (!request.token.scopes.contains("api") && !request.token.scopes.contains("read_api")) {
                        throw graphqlError(401, "Invalid token");
                    }
                    user = request.user;
                }
                return graphql.answer(d, user, params, body);
            });
        } catch (ApiException e) {
            send(exchange, e.status, e.body, e.headers);
            return;
        } catch (RuntimeException e) {
            System.err.println("sandbox: " + GraphQlRoutes.PATH + " failed: " + e);
            send(exchange, 500, GraphQlExecutor.errors(List.of(GraphQlExecutor.error("Internal server error", null, null))), Map.of());
            return;
        }
        send(exchange, response.status, response.body, response.headers);
    }

    /** GraphqlController#render_error: {@code {"errors":[{"message":…}]}} with that status. */
    private static ApiException graphqlError(int status, String message) {
        return new ApiException(status, GraphQlExecutor.errors(List.of(GraphQlExecutor.error(message, null, null))));
    }

    /** The registry's token endpoint lives outside /api/v4 and takes basic auth, not an API token. */
    private void answerRegistryAuth(HttpExchange exchange) throws IOException {
        counter.count(RegistryAuth.ROUTE);
        List<String> scope = parseQuery(exchange.getRequestURI().getRawQuery()).get("scope");
        ApiResponse response = state.read(d -> RegistryAuth.answer(d, exchange.getRequestHeaders().getFirst("Authorization"),
                scope == null ? null : scope.get(0)));
        send(exchange, response.status, response.body, response.headers);
    }

    private static void send(HttpExchange exchange, int status, JsonElement body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** JSON object bodies, or form-encoded ones turned into a JSON object (name[] collects arrays). */
    private static JsonObject parseBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return new JsonObject();
        }
        String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (type.startsWith("application/x-www-form-urlencoded") || !text.startsWith("{")) {
            JsonObject o = new JsonObject();
            parseQuery(text).forEach((name, values) -> {
                if (name.endsWith("[]")) {
                    com.google.gson.JsonArray arr = new com.google.gson.JsonArray();
                    values.forEach(arr::add);
                    o.add(name.substring(0, name.length() - 2), arr);
                } else {
                    o.addProperty(name, values.get(0));
                }
            });
            return o;
        }
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
