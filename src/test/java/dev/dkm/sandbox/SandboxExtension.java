package dev.dkm.sandbox;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One sandbox per test class, for any test package:
 * {@code @RegisterExtension static SandboxExtension gitlab = new SandboxExtension(b -> b.demo(true));}
 * then {@code gitlab.server().apiUrl()} etc. Without a dataDir option its data lives in a temp dir
 * removed on close.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<Sandbox.Builder> options;
    private SandboxServer server;

    public SandboxExtension() {
        this(UnaryOperator.identity());
    }

    public SandboxExtension(UnaryOperator<Sandbox.Builder> options) {
        this.options = options;
    }

    public SandboxServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = options.apply(Sandbox.builder()).start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }
}
