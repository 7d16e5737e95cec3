/**
 * The JavaFX window: views, view models, CSS. Calls use cases; never JGit, Retrofit or MINA directly.
 *
 * <p>Shape (JabRef style, one name per screen): {@code MainWindowView} (builds nothing but nodes, in code: its FXML
 * cost a tenth of the window's start-up) over {@code MainWindowViewModel} (all state and
 * commands, no nodes, tested without the toolkit). Long work goes through {@link dev.dkm.task.TaskExecutor}.
 * Helpers with one job each: {@code RepoTableColumns} (cells), {@code RepoDetailsView} (right pane and its
 * actions), {@code Badges} + {@code StyleClasses} (colours, no style-class literals elsewhere), {@code RepoTexts}
 * (the words), {@code UrlRedactor.display} (no secret reaches the screen), {@code LaunchOptions} + {@code SnapshotMode}
 * ({@code gui --snapshot}).
 */
package dev.dkm.ui;
