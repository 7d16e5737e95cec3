package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.app.AppServices;
import dev.dkm.convert.RepoOutcome;
import dev.dkm.environments.ThrowawayAccounts;
import dev.dkm.gitlab.DeployKey;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.Theme;
import dev.dkm.task.TaskExecutor;
import dev.dkm.testsupport.IsolatedGit;
import dev.dkm.workspace.RepoInfo;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15's "the same from the window": three real accounts (useradd, prefix dkmt15w) each hold a repository whose
 * HTTPS remote carries a token for the in-process sandbox GitLab. From the window: add the accounts, scan, "Convert to
 * SSH…" through the dialog the window opens (real git and OpenSSH, the host key confirmed), while the third account is
 * removed meanwhile (its helper ended, the account deleted). Each other account's row says converted and where; its key
 * is a 0600 file of its own in its ~/.ssh/dkm and it pushes over SSH as itself; root's side gains no key; the removed
 * account is one line with its reason and the rest went on. Undo from the dialog puts every config back byte for byte
 * (each by its own helper) and removes the deploy keys. A fourth account's repository is set up alone with "Set up
 * deploy key" from the details pane, and undone in that dialog.
 *
 * GitLab's side, read for this test in gitlabhq/gitlabhq lib/api/deploy_keys.rb (commit bc7f4d7d) and
 * lib/api/entities/deploy_key.rb (28bc811a): GET /projects/:id/deploy_keys presents the project's deploy_keys_projects
 * (Entities::DeployKeysProject: the key's id, title, key, fingerprint_sha256 … and the link's can_push), which is
 * what the titles are checked against; POST /projects/:id/deploy_keys (key, title, optional can_push, expires_at)
 * answers with the project's existing link for the same key, or links a key the user can reach in another project,
 * or creates one; DELETE /projects/:id/deploy_keys/:key_id destroys the project's link (404 "Deploy key" when there
 * is none; the key itself goes when no other project uses it) — so after undo no title of the run is listed.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowEnvironmentsConvertTest {
    @TempDir static Path tmp;
    static SandboxServer server;
    static AppServices services;
    static Path workspace;
    static final ThrowawayAccounts accounts = new ThrowawayAccounts();
    static String a;
    static String b;
    static String gone;
    static String d;
    static String e;
    static String f;
    static final Map<String, String> REPO_OF = new LinkedHashMap<>();

    private TaskExecutor executor;
    private MainWindowViewModel viewModel;
    private Stage stage;
    private final AtomicReference<ConvertDialogViewModel> dialogModel = new AtomicReference<>();

    @BeforeAll
    static void sandboxAndAccounts() throws Exception {
        System.setProperty("dkm.helper.classpath", dev.dkm.testsupport.LocalAccounts.readableClasspath());
        server = Sandbox.builder().dataDir(tmp.resolve("gitlab")).start();
        services = DialogTests.sandboxServices(server, new IsolatedGit(tmp), tmp);
        workspace = Files.createDirectories(tmp.resolve("ws")); // this account's own folder: nothing in it
        try {
            a = accounts.create("wa");
            b = accounts.create("wb");
            gone = accounts.create("wc");
            d = accounts.create("wd");
            e = accounts.create("we");
            f = accounts.create("wf");
            // each account's remote carries a token of its own (the developer's), never the caller's API token
            tokenRepo(a, "src/site", "acme/website");
            tokenRepo(b, "work/infra", "acme/platform/infra");
            tokenRepo(gone, "src/api", "acme/platform/api");
            tokenRepo(d, "srv/handbook", "acme/handbook");
            tokenRepo(e, "src/website", "acme/website");
            tokenRepo(f, "src/infra", "acme/platform/infra");
        } catch (Exception | AssertionError e) {
            accounts.close();
            throw e;
        }
    }

    private static void tokenRepo(String account, String dir, String project) throws Exception {
        ThrowawayAccounts.tokenRepo(account, dir, server, server.developerToken(), project);
        REPO_OF.put(account, dir);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            services.close(); // ends the helpers first: an account with a running process cannot be removed cleanly
            server.close();
        } finally {
            accounts.close();
            System.clearProperty("dkm.helper.classpath");
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TaskExecutor.background(Platform::runLater);
        viewModel = new MainWindowViewModel(executor, RepoScan.withDefaults(), WorkspaceRootsStore.inMemory(List.of(workspace)),
                EnvironmentRepoScan.over(services::environments));
        MainWindowView view = new MainWindowView(viewModel, owner -> Optional.empty(), Theme.LIGHT);
        SaveFilePicker intoTmp = (owner, title, name, extension) -> Optional.of(tmp.resolve(name));
        view.onSetUpDeployKey(repo -> new SetupDialog(SetupDialogViewModel.forWindow(repo, () -> services, executor, Platform::runLater))
                .onFinished(viewModel::scan).show(stage, Theme.LIGHT));
        view.onConvertToSsh(() -> {
            ConvertDialogViewModel model = ConvertDialogViewModel.overWindow(viewModel, () -> services, executor, Platform::runLater);
            dialogModel.set(model);
            new ConvertDialog(model, intoTmp).onChanged(viewModel::scan).show(stage);
        });
        stage.setScene(view.createScene());
        stage.show();
    }

    @AfterEach
    void closeExecutor() {
        executor.close();
    }

    @Test
    void add_accounts_scan_convert_with_one_removed_meanwhile_then_undo_from_the_window(FxRobot robot) throws Exception {
        for (String account : List.of(a, b, gone)) {
            addEnvironment(robot, account);
        }
        // an account that does not exist: the window's scan says so, the rest is shown
        String missing = "dkmt15wnosuch";
        robot.interact(() -> assertThat(viewModel.addEnvironment(missing, false)).isEmpty());
        waitUntil(() -> viewModel.scanStateProperty().get() == ScanState.DONE && viewModel.environmentFailures().size() == 1);
        waitUntil(() -> viewModel.repos().size() == 3);
        for (String account : List.of(a, b, gone)) {
            assertThat(viewModel.repos()).anySatisfy(r -> {
                assertThat(r.environment()).isEqualTo(account);
                assertThat(dev.dkm.app.BulkConversion.hasToken(r)).isTrue();
            });
        }
        Map<String, byte[]> before = configs(List.of(a, b));

        // the third account is removed meanwhile: its helper ends, the account and its home go
        removeMeanwhile(gone);

        // 1. select: the three repositories with tokens, each with its environment
        robot.clickOn("#convertToSsh");
        waitUntil(() -> dialog().isPresent());
        Stage dialog = dialog().orElseThrow();
        ConvertDialogViewModel model = dialogModel.get();
        assertThat(model.selectedRepos()).extracting(RepoInfo::environment).containsExactlyInAnyOrder(a, b, gone);
        // the table draws its cells after the dialog shows: wait for every environment's
        waitUntil(() -> texts(dialog).containsAll(List.of(a, b, gone)));
        assertThat(texts(dialog)).contains("3 of 3 selected · 3 with tokens in URLs", a, b, gone, "One shared key per environment");
        // the account the window could not scan is said, not silently left out
        assertThat(texts(dialog)).anySatisfy(t -> assertThat(t).startsWith("Not listed (could not be scanned): " + missing + ": "));
        TestScreenshots.write(robot, dialog.getScene(), "environments-convert-select.png");

        // 2. preview: the host key asked once; the removed account is one problem row with its reason
        robot.clickOn("#previewConversion");
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.PREVIEW && !model.hostKeys().isEmpty()
                && count(texts(dialog), "convert") == 2 && count(texts(dialog), "problem") == 1);
        assertThat(texts(dialog)).contains("2 to convert · 0 skipped · 1 with problems");
        assertThat(model.environmentProblems()).singleElement().asString()
                .startsWith(gone + ": its environment could not be reached: the helper ");
        assertThat(texts(dialog)).contains(model.environmentProblems().get(0));
        robot.clickOn(robot.lookup("I trust this host key").queryAs(CheckBox.class));
        TestScreenshots.write(robot, dialog.getScene(), "environments-convert-preview.png");

        // 3. run, 4. results per environment
        robot.clickOn("#runConversion");
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.DONE && count(texts(dialog), "converted") == 2
                && count(texts(dialog), "failed") == 1);
        List<String> results = texts(dialog);
        // no token shown anywhere (checked without printing one)
        assertThat(results.stream().anyMatch(t -> t.contains(server.developerToken()) || t.contains(server.maintainerToken())))
                .as("a token in the dialog").isFalse();
        // one line per environment: what happened there; the removed account is one line with its reason, the rest went on
        List<String> lines = model.environmentLines().stream().map(ConvertDialogViewModel.EnvironmentLine::text).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines).startsWith(a + ": 1 converted", b + ": 1 converted");
        String unreachable = gone + ": 1 failed: its environment could not be reached: the helper ";
        assertThat(lines.get(2)).startsWith(unreachable);
        assertThat(lines.get(3)).startsWith(missing + ": not scanned, nothing converted: ");
        assertThat(model.environmentLines()).extracting(ConvertDialogViewModel.EnvironmentLine::ok).containsExactly(true, true, false, false);
        assertThat(results).containsAll(lines);
        // dkm runs tells this run by its environments, as dkm convert would have named them
        List<dev.dkm.journal.JournalEntry> journal = dev.dkm.journal.RunJournal.read(
                dev.dkm.journal.RunJournal.fileOf(services.runsDir(), model.runId()));
        assertThat(journal).filteredOn(e -> e instanceof dev.dkm.journal.JournalEntry.RunStarted).singleElement()
                .satisfies(e -> assertThat(((dev.dkm.journal.JournalEntry.RunStarted) e).description())
                        .startsWith("convert " + workspace + " --user ").contains("--user " + a, "--user " + b, "--user " + gone));
        // the results as docs/screenshots/environments-convert.png shows them (before an export changes the message)
        TestScreenshots.write(robot, dialog.getScene(), "environments-convert.png");
        // the exports say where each repository lives
        robot.clickOn("Export CSV…");
        Path csv = tmp.resolve(model.exportFileName(ConvertDialogViewModel.ExportFormat.CSV));
        waitUntil(() -> Files.isRegularFile(csv) && !model.exportMessageProperty().get().isEmpty());
        // said beside the buttons; the run's message (what failed) stays
        assertThat(model.exportMessageProperty().get()).isEqualTo("Saved to " + csv);
        assertThat(model.messageProperty().get()).startsWith("1 repository not converted");
        TestScreenshots.write(robot, dialog.getScene(), "environments-convert-exported.png");
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("run,repository,project,outcome,reason,deploy_key_id,environment");
        assertThat(Files.readString(csv)).containsPattern("src/site,acme/website,converted,,\\d+," + a)
                .containsPattern("src/api,acme/platform/api,failed,its environment could not be reached: [^\\n]*," + gone);
        assertThat(model.exportText(ConvertDialogViewModel.ExportFormat.JSON)).contains("\"environment\": \"" + b + "\"");
        // the accounts' own tokens stay theirs to revoke: the dialog says why none is offered (it said nothing before)
        assertThat(results).anySatisfy(t -> assertThat(t).startsWith("Tokens taken out of other environments' configs are not offered"));
        // each row says what became of it and in which environment
        TableView<RepoOutcome> rows = robot.lookup("#convertResults").queryTableView();
        assertThat(rows.getColumns()).filteredOn(c -> "Environment".equals(c.getText())).singleElement()
                .satisfies(c -> assertThat(c.isVisible()).isTrue());
        assertThat(rows.getItems()).extracting(o -> model.environmentOf(o) + " " + o.outcome().id())
                .containsExactlyInAnyOrder(a + " converted", b + " converted", gone + " failed");
        assertThat(rows.getItems()).filteredOn(o -> gone.equals(model.environmentOf(o))).singleElement()
                .satisfies(o -> assertThat(o.reason()).startsWith("its environment could not be reached: the helper "));

        // each key born in its own account: 0600 in its 0700 ~/.ssh/dkm, owned by it; root's side gained none
        for (String account : List.of(a, b)) {
            ThrowawayAccounts.assertOneOwnKey(account);
            ThrowawayAccounts.assertNotInHome(account, server.maintainerToken()); // the caller's API token stayed with it
        }
        assertThat(tmp.resolve("ssh/dkm")).doesNotExist();
        Path testHomeKeys = Path.of(System.getProperty("user.home"), ".ssh", "dkm");
        if (Files.isDirectory(testHomeKeys)) { // the JVM's own home (target/test-home under surefire): none of this run's keys
            try (var keys = Files.list(testHomeKeys)) {
                assertThat(keys.map(k -> k.getFileName().toString())).noneMatch(n -> n.contains("acme_website") || n.contains("acme_platform_infra"));
            }
        }

        // each account pushes over SSH as itself, with the key wired in its repository
        for (String account : List.of(a, b)) {
            ThrowawayAccounts.as(account, "cd " + REPO_OF.get(account) + " && git fetch -q origin && git checkout -q --detach"
                    + " origin/main && echo x > x.txt && git add x.txt && git commit -qm x && git push -q origin HEAD:main").assertOk();
        }
        try (GitLabClient api = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            assertThat(api.projectDeployKeys("acme/website")).extracting(DeployKey::title).anyMatch(t -> t.startsWith("dkm " + a + "@"));
            assertThat(api.projectDeployKeys("acme/platform/infra")).extracting(DeployKey::title)
                    .anyMatch(t -> t.startsWith("dkm " + b + "@"));

            // Undo from the dialog: each config back byte for byte (by its own account's helper), the deploy keys gone
            robot.clickOn("#undoRun");
            waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.UNDONE);
            assertThat(model.messageProperty().get()).contains("undone");
            TestScreenshots.write(robot, dialog.getScene(), "environments-convert-undone.png");
            // each config restored there, by its own account's helper, and each deploy key removed
            assertThat(model.undoLines()).anySatisfy(l -> assertThat(l).startsWith(a + ": ").endsWith("config restored byte for byte"))
                    .anySatisfy(l -> assertThat(l).startsWith(b + ": ").endsWith("config restored byte for byte"))
                    .filteredOn(l -> l.contains("deploy key #")).hasSize(2);
            for (String account : List.of(a, b)) {
                assertThat(Files.readAllBytes(config(account))).as(account + ": restored byte for byte").isEqualTo(before.get(account));
                assertThat(Files.getOwner(config(account), LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo(account);
            }
            assertThat(api.projectDeployKeys("acme/website")).extracting(DeployKey::title).noneMatch(t -> t.startsWith("dkm " + a + "@"));
            assertThat(api.projectDeployKeys("acme/platform/infra")).extracting(DeployKey::title)
                    .noneMatch(t -> t.startsWith("dkm " + b + "@"));
        }
        robot.clickOn("Close");
        waitUntil(() -> dialog().isEmpty());
    }

    /**
     * "Set up deploy key" on another account's repository, from the details pane: the plan names that account's key
     * file, the steps run there (the key born in its ~/.ssh/dkm), it then pushes over SSH as itself; Undo in the same
     * dialog restores its config byte for byte and removes the deploy key.
     */
    @Test
    void set_up_a_deploy_key_for_another_accounts_repository_and_undo_it_from_the_window(FxRobot robot) throws Exception {
        robot.interact(() -> assertThat(viewModel.addEnvironment(d, false)).isEmpty());
        waitUntil(() -> viewModel.scanStateProperty().get() == ScanState.DONE && viewModel.repos().size() == 1);
        RepoInfo theirs = viewModel.repos().get(0);
        assertThat(theirs.environment()).isEqualTo(d);
        byte[] before = Files.readAllBytes(config(d));

        robot.interact(() -> viewModel.selectedRepoProperty().set(theirs));
        assertThat(SceneText.all(robot.lookup(".dkm-details").query())).containsSubsequence("Environment", d);
        robot.clickOn("#setUpDeployKey");
        // the host key question and the plan's lines are drawn one after the other: wait for both
        waitUntil(() -> dialog().isPresent() && texts(dialog().get()).contains("I trust this host key")
                && texts(dialog().get()).stream().anyMatch(t -> t.contains("/home/" + d + "/.ssh/dkm/")));
        Stage dialog = dialog().orElseThrow();
        List<String> plan = texts(dialog);
        assertThat(plan).anySatisfy(t -> assertThat(t).contains("/home/" + d + "/.ssh/dkm/"));
        assertThat(plan).anySatisfy(t -> assertThat(t).contains("dkm " + d + "@"));
        assertThat(plan.stream().anyMatch(t -> t.contains(server.developerToken()) || t.contains(server.maintainerToken())))
                .as("a token in the dialog").isFalse();

        robot.clickOn("I trust this host key");
        robot.clickOn("Set up");
        waitUntil(() -> texts(dialog).stream().anyMatch(t -> t.startsWith("Done:")));
        ThrowawayAccounts.assertOneOwnKey(d);
        assertThat(tmp.resolve("ssh/dkm")).doesNotExist();
        ThrowawayAccounts.as(d, "cd " + REPO_OF.get(d) + " && git fetch -q origin && git checkout -q --detach origin/main"
                + " && echo d > d.txt && git add d.txt && git commit -qm d && git push -q origin HEAD:main").assertOk();
        try (GitLabClient api = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            assertThat(api.projectDeployKeys("acme/handbook")).extracting(DeployKey::title).anyMatch(t -> t.startsWith("dkm " + d + "@"));

            // first with the account's .git read-only (as the account): partly undone, said why, Undo offered again
            Path gitDir = config(d).getParent();
            ThrowawayAccounts.as(d, "chmod a-w " + gitDir).assertOk();
            robot.clickOn("Undo");
            waitUntil(() -> texts(dialog).stream().anyMatch(t -> t.startsWith("Partly undone:")));
            assertThat(texts(dialog)).anySatisfy(t -> assertThat(t).startsWith("Partly undone:").contains("permission denied")
                    .endsWith("Undo again once fixed."));
            assertThat(robot.lookup("Undo").queryButton().isVisible()).as("Undo offered again (it was hidden)").isTrue();
            TestScreenshots.write(robot, dialog.getScene(), "environments-setup-partly-undone.png");
            assertThat(Files.readAllBytes(config(d))).isNotEqualTo(before);
            ThrowawayAccounts.as(d, "chmod u+w " + gitDir).assertOk();
            robot.clickOn("Undo");
            waitUntil(() -> texts(dialog).stream().anyMatch(t -> t.startsWith("Undone:")));
            assertThat(Files.readAllBytes(config(d))).as("restored byte for byte").isEqualTo(before);
            assertThat(Files.getOwner(config(d), LinkOption.NOFOLLOW_LINKS).getName()).isEqualTo(d);
            assertThat(api.projectDeployKeys("acme/handbook")).extracting(DeployKey::title).noneMatch(t -> t.startsWith("dkm " + d + "@"));
        }
        robot.clickOn("Close");
        waitUntil(() -> dialog().isEmpty());
    }

    /**
     * Undo from the window when one account's config cannot be written now (its .git folder made read-only meanwhile):
     * the other account's config is restored and its key removed, the dialog says what is left and keeps Undo run
     * enabled; once the folder is writable again, Undo run finishes the job. Regression: after a partial undo the
     * dialog said "Undo again once fixed" with its Undo button disabled.
     */
    @Test
    void a_partial_undo_across_environments_can_be_finished_from_the_dialog_once_fixed(FxRobot robot) throws Exception {
        for (String account : List.of(e, f)) {
            robot.interact(() -> assertThat(viewModel.addEnvironment(account, false)).isEmpty());
            waitUntil(() -> viewModel.scanStateProperty().get() == ScanState.DONE
                    && viewModel.repos().stream().anyMatch(r -> account.equals(r.environment())));
        }
        Map<String, byte[]> before = configs(List.of(e, f));
        robot.clickOn("#convertToSsh");
        waitUntil(() -> dialog().isPresent());
        Stage dialog = dialog().orElseThrow();
        ConvertDialogViewModel model = dialogModel.get();
        robot.clickOn("#previewConversion");
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.PREVIEW && !model.hostKeys().isEmpty());
        robot.clickOn(robot.lookup("I trust this host key").queryAs(CheckBox.class));
        robot.clickOn("#runConversion");
        waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.DONE);
        assertThat(model.countsTextProperty().get()).startsWith("2 converted · 0 failed");

        Path gitDir = config(f).getParent();
        ThrowawayAccounts.as(f, "chmod a-w " + gitDir).assertOk(); // f itself cannot write there now (git takes config.lock)
        try (GitLabClient api = GitLabClient.connect(server.url(), Secret.of(server.maintainerToken()))) {
            robot.clickOn("#undoRun");
            waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.UNDONE);
            assertThat(model.messageProperty().get()).contains("partly undone");
            assertThat(Files.readAllBytes(config(e))).as(e + ": restored byte for byte").isEqualTo(before.get(e));
            assertThat(Files.readAllBytes(config(f))).as(f + ": left as the run made it").isNotEqualTo(before.get(f));
            // what is left, where and why, in words (it was a bare path)
            assertThat(model.undoLines()).anySatisfy(l -> assertThat(l).startsWith(f + ": ").contains("not restored: ")
                    .endsWith(".git/config.lock: permission denied"));
            assertThat(api.projectDeployKeys("acme/website")).extracting(DeployKey::title).noneMatch(t -> t.startsWith("dkm " + e + "@"));
            assertThat(robot.lookup("#undoRun").queryButton().isDisabled()).as("Undo run offered again").isFalse();
            TestScreenshots.write(robot, dialog.getScene(), "environments-convert-partly-undone.png");

            ThrowawayAccounts.as(f, "chmod u+w " + gitDir).assertOk();
            robot.clickOn("#undoRun");
            waitUntil(() -> model.phaseProperty().get() == ConvertDialogViewModel.Phase.UNDONE && !model.undoIncompleteProperty().get());
            assertThat(model.messageProperty().get()).contains("undone: every config is back");
            assertThat(Files.readAllBytes(config(f))).as(f + ": restored byte for byte").isEqualTo(before.get(f));
            assertThat(api.projectDeployKeys("acme/platform/infra")).extracting(DeployKey::title)
                    .noneMatch(t -> t.startsWith("dkm " + f + "@"));
            assertThat(robot.lookup("#undoRun").queryButton().isDisabled()).as("nothing left to undo").isTrue();
        }
        robot.clickOn("Close");
        waitUntil(() -> dialog().isEmpty());
    }

    /** "Add environment…", the account's name, OK; the window scans it. */
    private void addEnvironment(FxRobot robot, String account) throws Exception {
        robot.clickOn("#addEnvironmentButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .text-field").queryAs(TextField.class)).write(account);
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.scanStateProperty().get() == ScanState.DONE);
        waitUntil(() -> viewModel.repos().stream().anyMatch(r -> account.equals(r.environment())));
    }

    /** The account's helper (started by this test's session) ended by its id, then the account and its home removed. */
    private static void removeMeanwhile(String account) throws Exception {
        for (ProcessHandle p : ThrowawayAccounts.processesOf(account)) {
            p.destroyForcibly();
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        new ProcessBuilder("userdel", "-r", "-f", account).redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        assertThat(ThrowawayAccounts.home(account)).doesNotExist();
    }

    private static Path config(String account) {
        return ThrowawayAccounts.home(account).resolve(REPO_OF.get(account)).resolve(".git/config");
    }

    private static Map<String, byte[]> configs(List<String> of) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String account : of) {
            m.put(account, Files.readAllBytes(config(account)));
        }
        return m;
    }

    private static long count(List<String> texts, String text) {
        return texts.stream().filter(text::equals).count();
    }

    private static List<String> texts(Stage dialog) {
        return SceneText.all(dialog.getScene().getRoot());
    }

    private Optional<Stage> dialog() {
        return DialogTests.dialog(stage);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        DialogTests.waitUntil(condition);
    }
}
