package dev.dkm.sandbox;

import java.nio.file.Path;

/** Placeholder replaced below. */
final class DemoWorkspace {
    DemoWorkspace(SandboxServer server) {
    }

    void create(Path dir) {
    }
}
