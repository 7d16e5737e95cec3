package dev.dkm.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user where to save a file; tests pass one that answers without a native dialog. */
@FunctionalInterface
public interface SaveFilePicker {
    /**
     * @param extension without the dot: {@code csv}
     */
    Optional<Path> pick(Window owner, String title, String initialName, String extension);

    static SaveFilePicker fileChooser() {
        return (owner, title, initialName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                    "*." + extension));
            File chosen = chooser.showSaveDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
