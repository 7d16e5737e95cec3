package dev.dkm.ui;

import dev.dkm.remote.UrlRedactor;
import static dev.dkm.ui.ConvertCells.column;
import static dev.dkm.ui.ConvertCells.line;
import static dev.dkm.ui.ConvertCells.muted;
import static dev.dkm.ui.ConvertCells.sentence;
import static dev.dkm.ui.ConvertCells.text;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.dkm.convert.ConversionItem;
import dev.dkm.gitconfig.ConfigChange;
import dev.dkm.keys.HostKeyStatus;
import dev.dkm.setup.SetupPlan;
import dev.dkm.workspace.RemoteInfo;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The preview of a conversion: per repository what will happen, with which key, and each config line before → after. */
final class ConvertPreviewTable {
    private ConvertPreviewTable() {}

    /** @param environments whether the repositories live in several environments (an Environment column then) */
    static TableView<ConversionItem> create(ObservableList<ConversionItem> items, boolean environments) {
        TableView<ConversionItem> table = new TableView<>(items);
        table.setId("convertPreview");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, StyleClasses.CONVERT_TABLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ConversionItem, ConversionItem> state = column("Plan", 96, i -> Badges.badge(stateText(i.state()), stateStyle(i.state())));
        state.setMinWidth(96);
        TableColumn<ConversionItem, ConversionItem> repo = column("Repository", 150, i -> text(i.repo().relativePath(), i.repo().path().toString()));
        TableColumn<ConversionItem, ConversionItem> environment = column("Environment", 150,
                i -> ConvertDialog.environmentCell(i.repo().environment()));
        environment.setMinWidth(122);
        environment.setVisible(environments);
        TableColumn<ConversionItem, ConversionItem> project = column("Project", 170, i -> text(projectOf(i), null));
        TableColumn<ConversionItem, ConversionItem> key = column("Key", 210, ConvertPreviewTable::keyCell);
        TableColumn<ConversionItem, ConversionItem> config = column("Config before → after (tokens redacted) · why not", 520,
                ConvertPreviewTable::configCell);
        table.getColumns().setAll(List.of(state, repo, environment, project, key, config));
        return table;
    }

    private static String stateText(ConversionItem.State state) {
        return switch (state) {
            case READY -> "convert";
            case SKIP -> "skip";
            case PROBLEM -> "problem";
        };
    }

    private static String stateStyle(ConversionItem.State state) {
        return switch (state) {
            case READY -> StyleClasses.BADGE_ACCENT;
            case SKIP -> StyleClasses.BADGE_NEUTRAL;
            case PROBLEM -> StyleClasses.BADGE_DANGER;
        };
    }

    private static String projectOf(ConversionItem item) {
        if (item.plan() != null) {
            return item.plan().projectPath();
        }
        return item.repo().primaryRemote().map(RemoteInfo::projectPath).orElse("—");
    }

    private static Node keyCell(ConversionItem item) {
        SetupPlan plan = item.plan();
        if (plan == null) {
            return muted("—");
        }
        Label name = new Label(plan.keyFile().getFileName().toString());
        name.getStyleClass().add(StyleClasses.MONOSPACE);
        name.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        Label how = muted((plan.generateKey() ? "new Ed25519 key" : "existing key") + " · " + plan.access());
        how.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(0, name, how);
        Tooltip.install(box, Badges.tooltip(plan.keyFile().toString()));
        return box;
    }

    /**
     * Each config line the run changes: its key, then − before and + after (values already redacted; UrlRedactor.display once
     * more), then the plan's notes; for a repository left alone, why.
     */
    private static Node configCell(ConversionItem item) {
        if (item.plan() == null) {
            return sentence(item.reason() == null ? "—" : item.reason(),
                    item.state() == ConversionItem.State.PROBLEM ? StyleClasses.PROBLEM : StyleClasses.MUTED);
        }
        VBox box = new VBox(0);
        for (ConfigChange c : item.plan().configChanges()) {
            if (!c.changesSomething()) {
                continue;
            }
            Label key = muted(c.key());
            key.getStyleClass().add(Styles.TEXT_SMALL);
            Label before = line("− " + show(c.before()), StyleClasses.MUTED);
            Label after = line("+ " + show(c.after()), StyleClasses.PLAN_CHANGE);
            box.getChildren().addAll(key, before, after);
        }
        // A new host key is asked about once, above the table, rather than in every row.
        HostKeyStatus hostKey = item.plan().hostKey();
        String asked = hostKey != null && hostKey.state() == HostKeyStatus.State.UNKNOWN ? hostKey.fingerprint() : null;
        item.plan().notes().stream().filter(n -> asked == null || !n.contains(asked))
                .forEach(n -> box.getChildren().add(sentence("Note: " + n, StyleClasses.MUTED)));
        return box;
    }

    private static String show(List<String> values) {
        if (values.isEmpty()) {
            return "(unset)";
        }
        List<String> safe = values.stream().map(UrlRedactor::display).toList();
        return safe.size() == 1 ? safe.get(0) : safe.toString();
    }
}
