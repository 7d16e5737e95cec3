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
        if (!enabled()) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            // The frame this pulse laid out is drawn when the pulse ends: report once it has been handed over.
            Platform.runLater(() -> {
                System.err.println("first-frame-epoch-ms " + System.currentTimeMillis());
                System.err.flush();
                Runtime.getRuntime().halt(0);
            });
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }
}
