package dev.dkm.ui;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.DemoWorld;
import dev.dkm.gitlab.GitLabClient;
import dev.dkm.tokens.DeployTokenCreation;
import dev.dkm.tokens.DeployTokenRotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Shows the dashboard with the sandbox's demo data and writes a PNG, for the README:
 * {@code xvfb-run -a -s "-screen 0 1400x900x24" java -cp … dev.dkm.ui.TokensDashboardScreenshot OUT.png [dark]}.
 */
public final class TokensDashboardScreenshot {
    private static CollectionResult result;
    private static DemoWorld demo;
    private static Path output;
    private static boolean dark;

    public static void main(String[] args) throws Exception {
        output = Path.of(args.length > 0 ? args[0] : "docs/screenshots/tokens-dashboard.png").toAbsolutePath();
        dark = args.length > 1 && args[1].equals("dark");
        Path tmp = Files.createTempDirectory("dkm-shot-");
        demo = new DemoWorld(tmp);
        result = demo.collectAsOwner();
        // A main in a class that extends Application trips the launcher's JavaFX module check on the class path.
        try {
            Application.launch(Shot.class, args);
        } finally {
            demo.close();
        }
    }

    private static GitLabClient owner() {
        return demo.connect(demo.server.ownerToken()).client();
    }

    /** The window itself. */
    public static final class Shot extends Application {
    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        TokensView view = new TokensView(new TokensServices(p -> result,
                new DeployTokenCreation(owner()), (instance, listener) -> new DeployTokenRotation(owner(), listener), null, () -> List.of(60, 30, 7, 1),
                p -> result), TaskExecutor.synchronous());
        Scene scene = new Scene(view, 1360, 860);
        stage.setScene(scene);
        stage.setTitle("Deploy Key Manager — Tokens");
        stage.show();
        // the demo's full picture: the user allowed looking up the tokens found in remotes
        ((javafx.scene.control.CheckBox) scene.lookup("#inspect-url-tokens")).setSelected(true);
        view.table().getSelectionModel().select(view.items().stream().filter(i -> i.name().equals("k8s-pull")).findFirst().orElse(null));
        PauseTransition settle = new PauseTransition(Duration.millis(800));
        settle.setOnFinished(e -> {
            try {
                Files.createDirectories(output.getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", output.toFile());
                System.out.println("wrote " + output);
            } catch (Exception ex) {
                ex.printStackTrace();
            }
            Platform.exit();
        });
        settle.play();
    }
    }
}
