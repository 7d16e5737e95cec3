package dev.dkm.ui;

import dev.dkm.remote.UrlRedactor;
import dev.dkm.workspace.RepoInfo;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A table row with a context menu: "Set up deploy key…" (when the window offers it), copy the repository's path or
 * its remote URL (redacted).
 */
final class RepoTableRow extends TableRow<RepoInfo> {
    private final MenuItem setUp = new MenuItem("Set up deploy key…", new FontIcon(Feather.KEY));
    private final SeparatorMenuItem separator = new SeparatorMenuItem();
    private final MenuItem copyPath = new MenuItem("Copy path", new FontIcon(Feather.COPY));
    private final MenuItem copyUrl = new MenuItem("Copy remote URL", new FontIcon(Feather.LINK));
    private final ContextMenu menu = new ContextMenu(setUp, separator, copyPath, copyUrl);
    private final Supplier<Consumer<RepoInfo>> setUpAction;

    RepoTableRow(Supplier<Consumer<RepoInfo>> setUpAction) {
        this.setUpAction = setUpAction;
        setUp.setId("contextSetUpDeployKey");
        setUp.setOnAction(e -> {
            Consumer<RepoInfo> action = setUpAction.get();
            if (action != null && getItem() != null) {
                action.accept(getItem());
            }
        });
        copyPath.setOnAction(e -> copy(getItem().path().toString()));
        copyUrl.setOnAction(e -> getItem().primaryRemote().ifPresent(r -> copy(UrlRedactor.display(r.effectiveUrl()))));
    }

    @Override
    protected void updateItem(RepoInfo repo, boolean empty) {
        super.updateItem(repo, empty);
        setContextMenu(empty || repo == null ? null : menu);
        boolean canSetUp = setUpAction.get() != null;
        setUp.setVisible(canSetUp);
        separator.setVisible(canSetUp);
        copyUrl.setDisable(repo == null || repo.primaryRemote().isEmpty());
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
