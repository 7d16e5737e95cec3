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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** How each column of the repository table gets its sortable value and draws its cell. */
final class RepoTableColumns {
    private RepoTableColumns() {}

    static void repository(TableColumn<RepoInfo, String> column, Function<RepoInfo, String> displayPath) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(displayPath.apply(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            cell.text(displayPath.apply(repo));
            cell.tooltip(repo.path().toString());
        }));
    }

    /** The environment a repository lives in; this account's own show a muted "this account". */
    static void environment(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(MainWindowViewModel.environmentLabel(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            String env = MainWindowViewModel.environmentLabel(repo);
            if (env.isEmpty()) {
                cell.graphic(cell.reuse("this account", () -> muted("this account")));
                return;
            }
            cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            cell.text(env);
            cell.tooltip("Lives in " + env + "; its local steps run there, by its helper");
        }));
    }

    static void project(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                RepoTexts.project(cd.getValue()) + " " + RepoTexts.host(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            String project = RepoTexts.project(repo);
            String host = RepoTexts.host(repo);
            if (project.isEmpty() && host.isEmpty()) {
                cell.graphic(cell.reuse(RepoTexts.NONE, () -> muted(RepoTexts.NONE)));
                return;
            }
            VBox box = cell.reuse("project", () -> {
                Label projectLabel = new Label();
                projectLabel.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
                Label hostLabel = muted("");
                hostLabel.getStyleClass().add(Styles.TEXT_SMALL);
                VBox lines = new VBox(0, projectLabel, hostLabel);
                lines.setAlignment(Pos.CENTER_LEFT);
                return lines;
            });
            ((Label) box.getChildren().get(0)).setText(project.isEmpty() ? RepoTexts.NONE : project);
            ((Label) box.getChildren().get(1)).setText(host);
            cell.graphic(box);
            cell.tooltip(project + (host.isEmpty() ? "" : " on " + host));
        }));
    }

    static void remoteKind(TableColumn<RepoInfo, RemoteKind> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                cd.getValue().primaryRemote().map(RemoteInfo::kind).orElse(null)));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            Optional<RemoteInfo> remote = repo.primaryRemote();
            if (remote.isEmpty()) {
                cell.graphic(cell.reuse(RepoTexts.NONE, () -> muted(RepoTexts.NONE)));
                return;
            }
            RemoteInfo r = remote.get();
            cell.graphic(cell.reuse(r.kind(), () -> Badges.remoteKind(r.kind())));
            cell.tooltip(r.name() + ": " + UrlRedactor.display(r.effectiveUrl()));
        }));
    }

    static void tokenKind(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(RepoTexts.tokenKind(RepoTexts.tokenKind(cd.getValue()))));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            String kind = RepoTexts.tokenKind(RepoTexts.tokenKind(repo));
            cell.text(kind);
            if (!kind.isEmpty()) {
                cell.problem();
            }
        }));
    }

    static void key(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(RepoTexts.keyName(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            Optional<KeyFileInfo> key = RepoTexts.identityFile(repo);
            if (key.isEmpty()) {
                cell.graphic(cell.reuse(RepoTexts.NONE, () -> muted(RepoTexts.NONE)));
                return;
            }
            // The column is narrow: a word for the key's state, its file in the tooltip (and the details pane).
            cell.setTextOverrun(OverrunStyle.ELLIPSIS);
            cell.graphic(cell.reuse(Feather.KEY, () -> new FontIcon(Feather.KEY)));
            KeyFileInfo k = key.get();
            cell.text(!k.exists() ? "missing" : k.tooOpen() ? "too open" : "own");
            if (RepoTexts.hasProblem(k)) {
                cell.problem();
            }
            cell.tooltip((k.resolved() == null ? k.written() : k.resolved()) + " (" + RepoTexts.keyState(k) + ")");
        }));
    }

    static void status(TableColumn<RepoInfo, RepoStatus> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().status()));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            Label badge = cell.reuse(repo.status(), () -> Badges.status(repo.status(), null));
            String reason = repo.statusReason();
            Badges.tooltip(badge, reason == null || reason.isBlank() ? null : reason);
            cell.graphic(badge);
        }));
    }

    static void branch(TableColumn<RepoInfo, String> column) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(RepoTexts.branch(cd.getValue())));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> cell.text(RepoTexts.branch(repo))));
    }

    /** What GitLab says about the repository's key: two lines (headline, expiry or host), the sentence in a tooltip. */
    static void gitLab(TableColumn<RepoInfo, String> column, ServerStatusModel model) {
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                ServerStatusTexts.of(cd.getValue(), model.statusOf(cd.getValue()), model.busyProperty().get()).sentence()));
        column.setCellFactory(c -> new RepoCell<>((cell, repo) -> {
            ServerStatusTexts.Lines lines = ServerStatusTexts.of(repo, model.statusOf(repo), model.busyProperty().get());
            VBox box = cell.reuse("gitlab", () -> {
                Label headline = new Label();
                headline.setTextOverrun(OverrunStyle.ELLIPSIS);
                Label detail = muted("");
                detail.getStyleClass().add(Styles.TEXT_SMALL);
                detail.managedProperty().bind(detail.visibleProperty());
                VBox two = new VBox(0, headline, detail);
                two.setAlignment(Pos.CENTER_LEFT);
                return two;
            });
            Label headline = (Label) box.getChildren().get(0);
            headline.setText(lines.headline());
            tone(headline, lines.tone());
            Label detail = (Label) box.getChildren().get(1);
            detail.setText(lines.detail());
            detail.setVisible(!lines.detail().isEmpty());
            cell.graphic(box);
            String why = model.statusOf(repo).map(ServerKeyStatus::detail).orElse(null);
            cell.tooltip(lines.sentence() + (why == null || why.equals(lines.sentence()) ? "" : "\n" + why));
        }));
    }

    /** A label coloured by the tone of a server status. */
    static Label toned(ServerStatusTexts.Lines lines) {
        Label label = new Label(lines.headline());
        tone(label, lines.tone());
        return label;
    }

    /** Gives the label the style class of {@code tone} in place of another tone's (no change: no restyling). */
    private static void tone(Label label, ServerStatusTexts.Tone tone) {
        String wanted = toneClass(tone);
        if (label.getStyleClass().contains(wanted)) {
            return;
        }
        for (ServerStatusTexts.Tone other : ServerStatusTexts.Tone.values()) {
            label.getStyleClass().remove(toneClass(other));
        }
        label.getStyleClass().add(wanted);
    }

    private static String toneClass(ServerStatusTexts.Tone tone) {
        return switch (tone) {
            case OK -> Styles.SUCCESS;
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case PROBLEM -> StyleClasses.PROBLEM;
            case MUTED -> StyleClasses.MUTED;
        };
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.MUTED);
        return label;
    }

    /**
     * A cell drawn from the whole row's repository, reset on every update so recycled cells carry nothing over.
     * What {@code draw} asks for is applied once at the end, and the nodes it shows are the cell's own from one
     * row to the next ({@link #reuse}): a new badge, label or tooltip per update, and a graphic taken out and put
     * back, each cost a pass of CSS, and redrawing the visible rows after a filter or a sort was most of its time.
     */
    private static final class RepoCell<T> extends TableCell<RepoInfo, T> {
        private final BiConsumer<RepoCell<T>, RepoInfo> draw;
        private final Map<Object, Node> nodes = new HashMap<>();
        private String text;
        private Node graphic;
        private String tooltip;
        private boolean problem;

        RepoCell(BiConsumer<RepoCell<T>, RepoInfo> draw) {
            this.draw = draw;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            text = null;
            graphic = null;
            tooltip = null;
            problem = false;
            RepoInfo repo = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (repo != null) {
                draw.accept(this, repo);
            }
            setText(text);
            setGraphic(graphic);
            Badges.tooltip(this, tooltip);
            if (problem != getStyleClass().contains(StyleClasses.PROBLEM)) {
                if (problem) {
                    getStyleClass().add(StyleClasses.PROBLEM);
                } else {
                    getStyleClass().remove(StyleClasses.PROBLEM);
                }
            }
        }

        void text(String value) {
            text = value;
        }

        void graphic(Node value) {
            graphic = value;
        }

        void tooltip(String value) {
            tooltip = value;
        }

        /** Shows the cell's text in the problem colour. */
        void problem() {
            problem = true;
        }

        /** This cell's node for {@code key}, made the first time. */
        @SuppressWarnings("unchecked")
        <N extends Node> N reuse(Object key, Supplier<N> make) {
            return (N) nodes.computeIfAbsent(key, k -> make.get());
        }
    }

}
