package dev.dkm.ui;

import dev.dkm.remote.UrlRedactor;
import atlantafx.base.theme.Styles;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.SshCommandInfo;
import dev.dkm.deploykeys.ServerKeyStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right-hand pane: everything the scan knows about the selected repository, and the actions on it.
 * Every URL goes through {@link UrlRedactor#display} on its way to the screen.
 */
public final class RepoDetailsView extends ScrollPane {
    private final VBox content = new VBox(18);
    private final Button setUpDeployKey = new Button("Set up deploy key", new FontIcon(Feather.KEY));
    private Consumer<RepoInfo> setUpAction;
    private ServerStatusModel serverStatus;
    private Consumer<String> addInstance;
    private RepoInfo shown;
    private final java.util.List<ExtraSection> extraSections = new java.util.ArrayList<>();

    /** A section plugged in from outside (e.g. the project's deploy keys), told about every repository shown. */
    private record ExtraSection(String title, Node body, Consumer<RepoInfo> onShow) {}

    public RepoDetailsView() {
        getStyleClass().add(StyleClasses.DETAILS);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(16, 18, 18, 18));
        setContent(content);
        setUpDeployKey.setId("setUpDeployKey");
        setUpDeployKey.getStyleClass().add(Styles.ACCENT);
        setUpDeployKey.setDisable(true);
        setUpDeployKey.setOnAction(e -> {
            if (setUpAction != null && shown != null) {
                setUpAction.accept(shown);
            }
        });
        show(null);
    }

    /**
     * What "Set up deploy key" does with the shown repository. Until one is set the button stays disabled and
     * says "coming soon".
     */
    public void setSetUpDeployKeyAction(Consumer<RepoInfo> action) {
        this.setUpAction = action;
        show(shown);
    }

    /** Shows what GitLab says about the repository's key, with "Add instance…" for a host without an instance. */
    public void setServerStatus(ServerStatusModel model, Consumer<String> addInstanceAction) {
        this.serverStatus = model;
        this.addInstance = addInstanceAction;
        model.statusesProperty().addListener((obs, old, now) -> show(shown));
        model.busyProperty().addListener((obs, old, now) -> show(shown));
        show(shown);
    }

    /**
     * Adds a section after the GitLab one (what GitLab knows belongs together, above the local details);
     * {@code onShow} hears of every repository shown (null for none).
     */
    public void addSection(String title, Node body, Consumer<RepoInfo> onShow) {
        extraSections.add(new ExtraSection(title, body, onShow));
        show(shown);
    }

    public void show(RepoInfo repo) {
        shown = repo;
        extraSections.forEach(x -> x.onShow().accept(repo));
        setUpDeployKey.setDisable(setUpAction == null);
        content.getChildren().clear();
        if (repo == null) {
            Label hint = new Label("Select a repository to see its remotes and keys.");
            hint.getStyleClass().add(StyleClasses.MUTED);
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        // The primary action sits under the title, where it is seen without scrolling.
        content.getChildren().addAll(header(repo), actions(), repository(repo), remotes(repo), ssh(repo.sshCommand()));
        int next = 2;
        if (serverStatus != null) {
            content.getChildren().add(next++, gitLab(repo));
        }
        for (ExtraSection x : extraSections) {
            content.getChildren().add(next++, section(x.title(), x.body()));
        }
    }

    private Node header(RepoInfo repo) {
        Label name = new Label(repo.path().getFileName() == null ? repo.path().toString() : repo.path().getFileName().toString());
        name.getStyleClass().add(Styles.TITLE_3);
        name.setWrapText(true);
        Label path = wrapping(repo.path().toString());
        path.getStyleClass().addAll(StyleClasses.MUTED, StyleClasses.MONOSPACE);
        HBox status = new HBox(8, Badges.status(repo.status(), null));
        status.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, name, path, status);
        if (repo.statusReason() != null && !repo.statusReason().isBlank()) {
            box.getChildren().add(wrapping(repo.statusReason()));
        }
        return box;
    }

    private Node repository(RepoInfo repo) {
        GridPane grid = grid();
        int row = 0;
        row = addRow(grid, row, "Environment", environment(repo.environment()));
        row = addRow(grid, row, "Layout", wrapping(RepoTexts.layout(repo.layout())));
        row = addRow(grid, row, "Branch", wrapping(RepoTexts.branch(repo)));
        addRow(grid, row, "Git dir", monospace(repo.gitDir().toString()));
        return section("Repository", grid);
    }

    /** Where the repository lives: another environment by its id (its local steps run there), or this account. */
    private static Node environment(String environment) {
        if (environment == null) {
            return muted("this account");
        }
        Label id = wrapping(environment);
        id.getStyleClass().add(Styles.TEXT_BOLD);
        Label how = wrapping("its keys and config are handled there, by dkm's helper running as that account");
        how.getStyleClass().addAll(StyleClasses.MUTED, Styles.TEXT_SMALL);
        return new VBox(2, id, how);
    }

    private Node remotes(RepoInfo repo) {
        VBox list = new VBox(10);
        if (repo.remotes().isEmpty()) {
            list.getChildren().add(muted("No remote configured."));
        }
        for (RemoteInfo remote : repo.remotes()) {
            list.getChildren().add(remote(remote));
        }
        return section(repo.remotes().size() == 1 ? "Remote" : "Remotes", list);
    }

    private Node remote(RemoteInfo remote) {
        Label name = new Label(remote.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Label.USE_PREF_SIZE);
        FlowPane title = new FlowPane(8, 4, name, Badges.remoteKind(remote.kind()));
        title.setAlignment(Pos.CENTER_LEFT);
        String token = RepoTexts.tokenKind(remote.tokenKind());
        if (!token.isEmpty()) {
            title.getChildren().add(Badges.badge(token + " token", StyleClasses.BADGE_DANGER));
        }
        GridPane grid = grid();
        int row = 0;
        row = addRow(grid, row, "URL", monospace(UrlRedactor.display(remote.effectiveUrl())));
        if (remote.url() != null && !remote.url().equals(remote.effectiveUrl())) {
            row = addRow(grid, row, "Written", monospace(UrlRedactor.display(remote.url())));
        }
        for (String push : remote.effectivePushUrls()) {
            if (push.equals(remote.effectiveUrl())) {
                continue;
            }
            row = addRow(grid, row, "Push", monospace(UrlRedactor.display(push)));
        }
        if (remote.projectPath() != null) {
            row = addRow(grid, row, "Project", wrapping(remote.projectPath()));
        }
        if (remote.host() != null) {
            row = addRow(grid, row, "Host", wrapping(RepoTexts.host(remote)));
        }
        // Every token git sends for this remote, redacted, and the file it lives in (URL, header, credential store).
        for (dev.dkm.workspace.FoundToken t : remote.tokens()) {
            row = addRow(grid, row, "Token", wrapping(t.secret().redacted() + " — " + t.where()));
        }
        if (!remote.otherHelpers().isEmpty()) {
            addRow(grid, row, "Helpers", wrapping("credentials from " + String.join(", ", remote.otherHelpers()) + " (not asked)"));
        }
        VBox card = new VBox(8, title, grid);
        card.getStyleClass().add(StyleClasses.REMOTE_CARD);
        return card;
    }

    private Node ssh(SshCommandInfo ssh) {
        GridPane grid = grid();
        if (ssh == null || !ssh.isSet()) {
            addRow(grid, 0, "sshCommand", muted("not set: ssh picks its default keys"));
            return section("SSH", grid);
        }
        int row = 0;
        row = addRow(grid, row, "sshCommand", monospace(ssh.command()));
        for (KeyFileInfo key : ssh.identityFiles()) {
            Label path = monospace(key.resolved() == null ? key.written() : key.resolved().toString());
            Label state = wrapping(RepoTexts.keyState(key));
            if (RepoTexts.hasProblem(key)) {
                state.getStyleClass().add(StyleClasses.PROBLEM);
            }
            row = addRow(grid, row, "Identity", new VBox(2, path, state));
        }
        if (ssh.identityFiles().isEmpty()) {
            row = addRow(grid, row, "Identity", muted("none named"));
        }
        addRow(grid, row, "IdentitiesOnly", wrapping(RepoTexts.identitiesOnly(ssh.identitiesOnly())));
        return section("SSH", grid);
    }

    private Node gitLab(RepoInfo repo) {
        Optional<ServerKeyStatus> status = serverStatus.statusOf(repo);
        ServerStatusTexts.Lines lines = ServerStatusTexts.of(repo, status, serverStatus.busyProperty().get());
        Label sentence = RepoTableColumns.toned(lines);
        sentence.setText(lines.sentence());
        sentence.setWrapText(true);
        sentence.setMinHeight(Label.USE_PREF_SIZE);
        sentence.setId("gitLabStatus");
        VBox body = new VBox(6, sentence);
        status.map(ServerKeyStatus::detail).filter(d -> !d.equals(lines.sentence())).ifPresent(d -> body.getChildren().add(muted(d)));
        if (status.isPresent() && status.get().state() == ServerKeyStatus.State.NO_INSTANCE && addInstance != null) {
            String url = ServerStatusTexts.webUrl(repo);
            Button add = new Button("Add instance…", new FontIcon(Feather.PLUS));
            add.setId("addInstanceForHost");
            add.setOnAction(e -> addInstance.accept(url));
            body.getChildren().add(add);
        }
        return section("GitLab", body);
    }

    private Node actions() {
        // A disabled button gets no mouse events, so its tooltip sits on a wrapper.
        StackPane wrapper = new StackPane(setUpDeployKey);
        wrapper.setAlignment(Pos.CENTER_LEFT);
        if (setUpDeployKey.isDisable()) {
            Label caption = muted("Coming soon: generate a key, register it on the GitLab project and wire this repository.");
            Tooltip.install(wrapper, Badges.tooltip("Coming soon"));
            return new VBox(8, wrapper, caption);
        }
        return wrapper;
    }

    private static Node section(String title, Node body) {
        Label label = new Label(title.toUpperCase(Locale.ROOT));
        label.getStyleClass().add(StyleClasses.SECTION_LABEL);
        VBox box = new VBox(8, label, body);
        box.getStyleClass().add(StyleClasses.DETAILS_SECTION);
        return box;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(keys, values);
        return grid;
    }

    private static int addRow(GridPane grid, int row, String key, Node value) {
        Label keyLabel = new Label(key);
        keyLabel.getStyleClass().add(StyleClasses.DETAILS_KEY);
        GridPane.setValignment(keyLabel, VPos.TOP);
        grid.add(keyLabel, 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    private static Label monospace(String text) {
        Label label = wrapping(text);
        label.getStyleClass().add(StyleClasses.MONOSPACE);
        return label;
    }

    private static Label muted(String text) {
        Label label = wrapping(text);
        label.getStyleClass().add(StyleClasses.MUTED);
        return label;
    }
}
