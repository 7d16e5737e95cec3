package dev.dkm.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Start-up measuring for bench/gui-startup-benchmark.sh: with the system property {@value #PROPERTY} set to
 * {@code exit}, the first pulse that lays out a shown window prints {@code first-frame-epoch-ms N} (wall-clock
 * milliseconds, to compare with the time the benchmark started the process) on standard error and quits.
 * The bare JavaFX window the benchmark compares with is measured by this same probe. Without the property it
 * does nothing.
 */
public final class FirstFrameProbe {
    public static final String PROPERTY = "dkm.bench.firstFrame";

    private FirstFrameProbe() {}

    public static boolean enabled() {
        return "exit".equals(System.getProperty(PROPERTY));
    }

    /** Call right after {@code stage.show()}. */
    public static void install(Scene scene) {
        if (enabled()) {
            afterFirstFrame(scene, () -> {
                System.err.println("first-frame-epoch-ms " + System.currentTimeMillis());
                System.err.flush();
                Runtime.getRuntime().halt(0);
            });
        }
    }

    /**
     * Runs {@code action} on the FX thread once the first pulse that lays out the shown window has ended (the
     * frame it laid out is handed to the renderer when the pulse ends): for work that should not compete with
     * the window's first appearance.
     */
    static void afterFirstFrame(Scene scene, Runnable action) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
