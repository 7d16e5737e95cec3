package dev.dkm.sandbox;

/** Placeholder replaced below. */
final class DemoSeeder {
    private DemoSeeder() {}

    static void seed(SandboxWorld w) {
    }
}
