package dev.dkm.gitconfig;

import java.io.IOException;
import java.nio.file.Path;

/** The file is no longer what the plan was made from: nothing was written, plan again. */
public final class ConfigChangedMeanwhileException extends IOException {
    public ConfigChangedMeanwhileException(Path file) {
        super(file + " changed since the plan was made; nothing was written — plan again");
    }
}
