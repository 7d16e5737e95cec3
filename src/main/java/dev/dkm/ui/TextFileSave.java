package dev.dkm.ui;

import dev.dkm.files.AtomicFiles;
import dev.dkm.files.FileMode;
import dev.dkm.files.IoProblems;
import dev.dkm.task.TaskExecutor;
import dev.dkm.task.TaskListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Saving a text the user exports (the tokens list, a conversion's results), off the FX thread: written atomically, an
 * existing file keeping its mode and a new one readable like any saved document. {@code saved} gets the file,
 * {@code failed} one sentence saying why, both on the executor's callback thread.
 */
final class TextFileSave {
    private TextFileSave() {}

    static void save(TaskExecutor executor, Path file, String text, Consumer<Path> saved, Consumer<String> failed) {
        executor.submit(p -> {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), FileMode.KEEP_OR_PUBLIC);
            return file;
        }, new TaskListener<Path>() {
            @Override
            public void onSuccess(Path written) {
                saved.accept(written);
            }

            @Override
            public void onFailure(Throwable error) {
                failed.accept(IoProblems.describe(error));
            }
        });
    }
}
