package dev.dkm.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GitLab's offset pagination: page/per_page, the Link header and the X-* headers. */
final class Pagination {
    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;

    private Pagination() {}

    static ApiResponse page(ApiRequest request, List<? extends JsonElement> items) {
        int perPage = clamp(request.intParam("per_page"), DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        int page = clamp(request.intParam("page"), 1, 1, Integer.MAX_VALUE);
        int total = items.size();
        int totalPages = Math.max(1, (total + perPage - 1) / perPage);
        JsonArray body = new JsonArray();
        long from = (long) (page - 1) * perPage;
        for (long i = from; i < Math.min(total, from + perPage); i++) {
            body.add(items.get((int) i));
        }
        ApiResponse response = ApiResponse.ok(body);
        Map<String, String> h = response.headers;
        String next = page < totalPages ? String.valueOf(page + 1) : "";
        String prev = page > 1 && page <= totalPages + 1 ? String.valueOf(page - 1) : "";
        List<String> links = new ArrayList<>();
        if (!prev.isEmpty()) {
            links.add(link(request, Integer.parseInt(prev), perPage, "prev"));
        }
        if (!next.isEmpty()) {
            links.add(link(request, page + 1, perPage, "next"));
        }
        links.add(link(request, 1, perPage, "first"));
        links.add(link(request, totalPages, perPage, "last"));
        h.put("Link", String.join(", ", links));
        h.put("X-Next-Page", next);
        h.put("X-Page", String.valueOf(page));
        h.put("X-Per-Page", String.valueOf(perPage));
        h.put("X-Prev-Page", prev);
        h.put("X-Total", String.valueOf(total));
        h.put("X-Total-Pages", String.valueOf(totalPages));
        return response;
    }

    private static int clamp(Integer value, int dflt, int min, int max) {
        if (value == null) {
            return dflt;
        }
        return value < min ? dflt : Math.min(value, max);
    }

    /**
     * Keyset pagination ({@code pagination=keyset&order_by=id}): {@code items} are already ordered and
     * cut at the cursor; only a rel="next" link carries {@code id_after} / {@code id_before}, no totals.
     */
    static ApiResponse keyset(ApiRequest request, List<? extends JsonElement> items, boolean ascending) {
        int perPage = clamp(request.intParam("per_page"), DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
        JsonArray body = new JsonArray();
        items.stream().limit(perPage).forEach(body::add);
        ApiResponse response = ApiResponse.ok(body);
        response.headers.put("X-Per-Page", String.valueOf(perPage));
        if (items.size() > perPage) {
            String lastId = body.get(perPage - 1).getAsJsonObject().get("id").getAsString();
            String cursor = ascending ? "id_after" : "id_before";
            response.headers.put("Link", link(request, "rel=\"next\"", Map.of(cursor, lastId, "per_page", String.valueOf(perPage)),
                    List.of("id_after", "id_before", "per_page")));
        }
        return response;
    }

    private static String link(ApiRequest request, int page, int perPage, String rel) {
        return link(request, "rel=\"" + rel + "\"",
                new java.util.LinkedHashMap<>(Map.of("page", String.valueOf(page), "per_page", String.valueOf(perPage))),
                List.of("page", "per_page"));
    }

    /** The same URL with {@code dropped} parameters removed, other query parameters kept in order, then {@code added}. */
    private static String link(ApiRequest request, String rel, Map<String, String> added, List<String> dropped) {
        StringBuilder q = new StringBuilder();
        request.query.forEach((name, values) -> {
            if (dropped.contains(name)) {
                return;
            }
            for (String v : values) {
                q.append(q.length() == 0 ? "" : "&").append(enc(name)).append('=').append(enc(v));
            }
        });
        added.keySet().stream().sorted().forEach(name ->
                q.append(q.length() == 0 ? "" : "&").append(enc(name)).append('=').append(enc(added.get(name))));
        return "<" + request.apiBase + request.path + "?" + q + ">; " + rel;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
