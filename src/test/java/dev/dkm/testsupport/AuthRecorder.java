package dev.dkm.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A tiny smart-HTTP endpoint on 127.0.0.1 that records the credential git sends: an {@code Authorization} header
 * (Basic decoded to its password, Bearer as is) or a {@code PRIVATE-TOKEN} / {@code JOB-TOKEN} header. A request
 * without {@code Authorization} gets 401 with a Basic challenge, so git asks its credential helpers; one with it
 * gets 403, so git stops. Nothing recorded is ever printed.
 */
public final class AuthRecorder implements AutoCloseable {
    /** One credential git sent: the header it came in, the Basic user (or null), the secret. */
    public record Sent(String header, String user, String secret, String path) {}

    private final HttpServer server;
    private final List<Sent> sent = new ArrayList<>();

    public AuthRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            synchronized (sent) {
                for (String h : List.of("PRIVATE-TOKEN", "JOB-TOKEN")) {
                    for (String v : exchange.getRequestHeaders().getOrDefault(h, List.of())) {
                        sent.add(new Sent(h, null, v, path));
                    }
                }
                for (String a : exchange.getRequestHeaders().getOrDefault("Authorization", List.of())) {
                    int sp = a.indexOf(' ');
                    String scheme = a.substring(0, sp).toLowerCase(Locale.ROOT);
                    String value = a.substring(sp + 1).strip();
                    if (scheme.equals("basic")) {
                        String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                        int c = decoded.indexOf(':');
                        sent.add(new Sent("Authorization", decoded.substring(0, c), decoded.substring(c + 1), path));
                    } else {
                        sent.add(new Sent("Authorization", null, value, path));
                    }
                }
            }
            if (auth == null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.sendResponseHeaders(403, -1);
            }
            exchange.close();
        });
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code 127.0.0.1:PORT}: git's credential host. */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** The secrets git sent, in order, without repeats. */
    public List<String> secrets() {
        return sent().stream().map(Sent::secret).distinct().toList();
    }

    public void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
