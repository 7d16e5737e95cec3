package dev.dkm.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/** Bare repositories under the data directory, born with one commit on {@code main}. */
final class BareRepos {
    private BareRepos() {}

    static Path dir(Path reposDir, String fullPath) {
        return reposDir.resolve(fullPath + ".git");
    }

    /** Creates the bare repo with a README commit on main, written straight into the object store. */
    static void create(Path reposDir, String fullPath, String readme) {
        Path dir = dir(reposDir, fullPath);
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            try (Git git = Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call();
                    Repository repo = git.getRepository();
                    ObjectInserter inserter = repo.newObjectInserter()) {
                ObjectId blob = inserter.insert(Constants.OBJ_BLOB, readme.getBytes(StandardCharsets.UTF_8));
                TreeFormatter tree = new TreeFormatter();
                tree.append("README.md", FileMode.REGULAR_FILE, blob);
                ObjectId treeId = inserter.insert(tree);
                PersonIdent who = new PersonIdent("Sandbox Seeder", "seeder@sandbox.invalid");
                CommitBuilder commit = new CommitBuilder();
                commit.setTreeId(treeId);
                commit.setAuthor(who);
                commit.setCommitter(who);
                commit.setMessage("Initial commit\n");
                ObjectId commitId = inserter.insert(commit);
                inserter.flush();
                RefUpdate ru = repo.updateRef(Constants.R_HEADS + "main");
                ru.setNewObjectId(commitId);
                ru.setExpectedOldObjectId(ObjectId.zeroId());
                RefUpdate.Result result = ru.update();
                if (result != RefUpdate.Result.NEW) {
                    throw new IOException("cannot create main in " + dir + ": " + result);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot init " + dir, e);
        }
    }
}
