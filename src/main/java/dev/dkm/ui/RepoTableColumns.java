package dev.dkm.ui;

import dev.dkm.deploykeys.ServerKeyStatus;
import dev.dkm.remote.UrlRedactor;
import atlantafx.base.theme.Styles;
import dev.dkm.remote.RemoteKind;
import dev.dkm.workspace.KeyFileInfo;
import dev.dkm.workspace.RemoteInfo;
import dev.dkm.workspace.RepoInfo;
import dev.dkm.workspace.RepoStatus;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.VBox;

/** How each column of the repository table gets its sortable value and draws its cell. */
final class RepoTableColumns {
    private RepoTableColumns() {}

    static void repository(TableColumn<RepoInfo, String> column, Function<RepoInfo, String> displayPath) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(displayPath.apply(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            cell.setText(displayPath.apply(repo));
            cell.setTooltip(Badges.tooltip(repo.path().toString()));
        }));
    }

    /** The environment a repository lives in; this account's own show a muted "this account". */
    static void environment(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(MainWindowViewModel.environmentLabel(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            String env = MainWindowViewModel.environmentLabel(repo);
            if (env.isEmpty()) {
                cell.setGraphic(muted("this account"));
                return;
            }
            cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            cell.setText(env);
            cell.setTooltip(Badges.tooltip("Lives in " + env + "; its local steps run there, by its helper"));
        }));
    }

    static void project(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                RepoTexts.project(cd.getValue()) + " " + RepoTexts.host(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            String project = RepoTexts.project(repo);
            String host = RepoTexts.host(repo);
            if (project.isEmpty() && host.isEmpty()) {
                cell.setGraphic(muted(RepoTexts.NONE));
                return;
            }
            Label projectLabel = new Label(project.isEmpty() ? RepoTexts.NONE : project);
            projectLabel.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            Label hostLabel = muted(host);
            hostLabel.getStyleClass().add(Styles.TEXT_SMALL);
            VBox box = new VBox(0, projectLabel, hostLabel);
            box.setAlignment(Pos.CENTER_LEFT);
            cell.setGraphic(box);
            cell.setTooltip(Badges.tooltip(project + (host.isEmpty() ? "" : " on " + host)));
        }));
    }

    static void remoteKind(TableColumn<RepoInfo, RemoteKind> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                cd.getValue().primaryRemote().map(RemoteInfo::kind).orElse(null)));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            Optional<RemoteInfo> remote = repo.primaryRemote();
            cell.setGraphic(remote.<Node>map(r -> Badges.remoteKind(r.kind())).orElse(muted(RepoTexts.NONE)));
            remote.ifPresent(r -> cell.setTooltip(Badges.tooltip(r.name() + ": " + UrlRedactor.display(r.effectiveUrl()))));
        }));
    }

    static void tokenKind(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(RepoTexts.tokenKind(RepoTexts.tokenKind(cd.getValue()))));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            String kind = RepoTexts.tokenKind(RepoTexts.tokenKind(repo));
            cell.setText(kind);
            if (!kind.isEmpty()) {
                cell.getStyleClass().add(StyleClasses.PROBLEM);
            }
        }));
    }

    static void key(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(RepoTexts.keyName(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            Optional<KeyFileInfo> key = RepoTexts.identityFile(repo);
            if (key.isEmpty()) {
                cell.setGraphic(muted(RepoTexts.NONE));
                return;
            }
            // The column is narrow: a word for the key's state, its file in the tooltip (and the details pane).
            cell.setTextOverrun(OverrunStyle.ELLIPSIS);
            cell.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.KEY));
            KeyFileInfo k = key.get();
            cell.setText(!k.exists() ? "missing" : k.tooOpen() ? "too open" : "own");
            if (RepoTexts.hasProblem(k)) {
                cell.getStyleClass().add(StyleClasses.PROBLEM);
            }
            cell.setTooltip(Badges.tooltip((k.resolved() == null ? k.written() : k.resolved()) + " (" + RepoTexts.keyState(k) + ")"));
        }));
    }

    static void status(TableColumn<RepoInfo, RepoStatus> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().status()));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) ->
                cell.setGraphic(Badges.status(repo.status(), repo.statusReason()))));
    }

    static void branch(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(RepoTexts.branch(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> cell.setText(RepoTexts.branch(repo))));
    }

    /** What GitLab says about the repository's key: two lines (headline, expiry or host), the sentence in a tooltip. */
    static void gitLab(TableColumn<RepoInfo, String> column, ServerStatusModel model) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                ServerStatusTexts.of(cd.getValue(), model.statusOf(cd.getValue()), model.busyProperty().get()).sentence()));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            ServerStatusTexts.Lines lines = ServerStatusTexts.of(repo, model.statusOf(repo), model.busyProperty().get());
            Label headline = toned(lines);
            headline.setTextOverrun(OverrunStyle.ELLIPSIS);
            VBox box = new VBox(0, headline);
            if (!lines.detail().isEmpty()) {
                Label detail = muted(lines.detail());
                detail.getStyleClass().add(Styles.TEXT_SMALL);
                box.getChildren().add(detail);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            cell.setGraphic(box);
            String why = model.statusOf(repo).map(ServerKeyStatus::detail).orElse(null);
            cell.setTooltip(Badges.tooltip(lines.sentence() + (why == null || why.equals(lines.sentence()) ? "" : "\n" + why)));
        }));
    }

    /** A label coloured by the tone of a server status. */
    static Label toned(ServerStatusTexts.Lines lines) {
        Label label = new Label(lines.headline());
        label.getStyleClass().add(switch (lines.tone()) {
            case OK -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case PROBLEM -> StyleClasses.PROBLEM;
            case MUTED -> StyleClasses.MUTED;
        });
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.MUTED);
        return label;
    }

    /** A cell drawn from the whole row's repository, reset on every update so recycled cells carry nothing over. */
    private static final class RepoCell<T> extends TableCell<RepoInfo, T> {
        private final BiConsumer<RepoCell<T>, RepoInfo> draw;

        RepoCell(BiConsumer<RepoCell<T>, RepoInfo> draw) {
            this.draw = draw;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(null);
            setTooltip(null);
            getStyleClass().remove(StyleClasses.PROBLEM);
            RepoInfo repo = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (repo != null) {
                draw.accept(this, repo);
            }
        }
    }

}
