package dev.dkm.sandbox;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base for REST test classes: one fresh sandbox (base world only) per class, in a temp data dir. */
abstract class InProcessSandbox {
    @TempDir
    static Path dataDir;
    static SandboxServer server;
    static SandboxHttp http;

    @BeforeAll
    static void startSandbox() {
        server = Sandbox.builder().dataDir(dataDir.resolve("data")).start();
        http = new SandboxHttp(server.apiUrl());
    }

    @AfterAll
    static void stopSandbox() {
        server.close();
    }
}
