package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.DemoWorld;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Tokens found in remote URLs are sent to GitLab only with the user's consent: the dashboard starts without, and
 * "Look up tokens in remotes" collects again with them (the sandbox's demo world).
 */
@ExtendWith(ApplicationExtension.class)
class TokensViewConsentTest {
    @TempDir static Path tmp;
    static DemoWorld demo;
    static CollectionResult without;
    static CollectionResult with;

    private final AtomicInteger inspectingRuns = new AtomicInteger();
    private TokensView view;

    @BeforeAll
    static void collect() {
        demo = new DemoWorld(tmp);
        without = demo.collectAsOwner(false);
        with = demo.collectAsOwner(true);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        TokensServices services = new TokensServices(p -> without, null, null, null, () -> List.of(60, 30, 7, 1), p -> {
            inspectingRuns.incrementAndGet();
            return with;
        });
        view = new TokensView(services, TaskExecutor.synchronous());
        stage.setScene(new Scene(view, 1200, 760));
        stage.show();
        view.refresh();
    }

    private List<String> names() {
        return view.items().stream().map(CredentialItem::name).toList();
    }

    @Test
    void tokens_in_remotes_are_looked_up_only_once_the_user_allows_it(FxRobot robot) {
        assertThat(inspectingRuns).hasValue(0);
        assertThat(names()).doesNotContain("workspace-remotes");
        CheckBox consent = robot.lookup("#inspect-url-tokens").queryAs(CheckBox.class);
        assertThat(consent.isSelected()).isFalse();
        assertThat(consent.getTooltip().getText()).contains("/personal_access_tokens/self");

        robot.clickOn(consent);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(inspectingRuns).hasValue(1);
        assertThat(names()).contains("workspace-remotes").hasSize(with.items().size());

        robot.clickOn(consent);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(inspectingRuns).hasValue(1);
        assertThat(names()).doesNotContain("workspace-remotes");
    }
}
