package dev.dkm.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks the user for a folder; tests pass one that answers without a native dialog. */
@FunctionalInterface
public interface FolderPicker {
    Optional<Path> pick(Window owner);

    static FolderPicker directoryChooser() {
        return owner -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Add a workspace folder");
            File chosen = chooser.showDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
