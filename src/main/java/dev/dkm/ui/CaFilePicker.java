package dev.dkm.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for an instance's CA certificates (PEM); tests pass one that answers without a native dialog. */
@FunctionalInterface
public interface CaFilePicker {
    Optional<Path> pick(Window owner);

    static CaFilePicker fileChooser() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificates of the GitLab instance (PEM)");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("PEM certificates", "*.pem", "*.crt", "*.cer"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            File chosen = chooser.showOpenDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
