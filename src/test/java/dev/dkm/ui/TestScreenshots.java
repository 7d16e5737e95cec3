package dev.dkm.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;

/** PNGs of test scenes in {@code target/screenshots/}, for people to look at after a change to the view. */
final class TestScreenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private TestScreenshots() {}

    static Path write(FxRobot robot, Scene scene, String name) throws IOException {
        Path file = Files.createDirectories(DIR).resolve(name);
        robot.interact(() -> {
            try {
                SceneSnapshot.writePng(scene, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return file;
    }
}
