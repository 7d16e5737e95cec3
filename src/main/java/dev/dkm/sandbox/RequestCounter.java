package dev.dkm.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts API requests, in total and per "METHOD /route/template", for tests that assert API economy. */
final class RequestCounter {
    private final AtomicLong total = new AtomicLong();
    private final Map<String, AtomicLong> byRoute = new ConcurrentHashMap<>();

    void count(String route) {
        total.incrementAndGet();
        byRoute.computeIfAbsent(route, r -> new AtomicLong()).incrementAndGet();
    }

    long total() {
        return total.get();
    }

    long count(String method, String template) {
        AtomicLong n = byRoute.get(method + " " + template);
        return n == null ? 0 : n.get();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byRoute.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    void reset() {
        total.set(0);
        byRoute.clear();
    }
}
