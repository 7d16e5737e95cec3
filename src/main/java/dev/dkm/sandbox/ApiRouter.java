package dev.dkm.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps "METHOD /path/:param" templates to handlers. Paths are matched segment by segment on the
 * already-decoded segments, so {@code group%2Fsub%2Frepo} arrives as one parameter {@code group/sub/repo}.
 */
final class ApiRouter {
    /** A handler for one route. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(SandboxData data, ApiRequest request);
    }

    /** A route that matched, with its template for request counting. Every route needs a token. */
    record Match(String template, Handler handler) {}

    private record Route(String method, String template, String[] parts, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    void add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, split(template), handler));
    }

    /** Finds the route and fills {@code request.pathParams}; the segments are decoded already. */
    Optional<Match> match(String method, List<String> segments, ApiRequest request) {
        for (Route r : routes) {
            if (!r.method.equals(method) || r.parts.length != segments.size()) {
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < r.parts.length && ok; i++) {
                ok = r.parts[i].startsWith(":") || r.parts[i].equals(segments.get(i));
            }
            if (ok) {
                for (int i = 0; i < r.parts.length; i++) {
                    if (r.parts[i].startsWith(":")) {
                        request.pathParams.put(r.parts[i].substring(1), segments.get(i));
                    }
                }
                return Optional.of(new Match(method + " " + r.template, r.handler));
            }
        }
        return Optional.empty();
    }

    private static String[] split(String template) {
        return template.substring(1).split("/");
    }
}
