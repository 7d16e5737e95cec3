package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialExport;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.shape.Circle;
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

/** The dashboard with the sandbox's demo data: counts, marks and rows agree; a click on a mark selects its row. */
@ExtendWith(ApplicationExtension.class)
class TokensViewTest {
    @TempDir
    static Path tmp;
    static DemoWorld demo;
    static CollectionResult demoResult;
    TokensView view;

    @BeforeAll
    static void collectOnce() {
        demo = new DemoWorld(tmp);
        demoResult = demo.collectAsOwner();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        TokensServices services = new TokensServices(p -> demoResult, null, null, null, List.of(60, 30, 7, 1));
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new TokensView(services, TaskExecutor.synchronous());
        stage.setScene(new Scene(view, 1200, 760)); // within Monocle's headless screen
        stage.show();
        view.refresh();
    }

    @Test
    void shows_every_demo_credential_as_a_row_and_a_mark_with_counts_on_top(FxRobot robot) {
        assertThat(view.table().getItems()).hasSize(demoResult.items().size()).hasSizeGreaterThan(15);
        List<Circle> marks = robot.lookup("." + ExpiryTimeline.MARK_STYLE_CLASS).queryAllAs(Circle.class).stream().toList();
        assertThat(marks).hasSize(demoResult.items().size());
        Label expired = robot.lookup("#count-expired").queryAs(Label.class);
        assertThat(expired.getText()).isEqualTo("4 expired");
        assertThat(robot.lookup("#count-7d").queryAs(Label.class).getText()).isEqualTo("4 ≤ 7 days");
        // the expired, ≤ 7 days and ≤ 30 days ones are past a threshold (60/30/7/1); the 90-day one is not yet
        assertThat(view.attentionCountProperty().get()).isEqualTo(view.alerts().size()).isGreaterThanOrEqualTo(13);
    }

    /** Issue 12/13: a Developer's collection shows grouped role sentences, with their places in the tooltip. */
    @Test
    void a_developers_refusals_are_grouped_with_the_places_in_the_tooltip(FxRobot robot) {
        CollectionResult developer;
        dev.dkm.tokens.InstanceConnection c = demo.connect(demo.server.developerToken());
        try {
            developer = new dev.dkm.tokens.CredentialCollector(false).collect(demo.repos, List.of(c), dev.dkm.task.Progress.NONE);
        } finally {
            c.client().close();
        }
        robot.interact(() -> view.show(developer));
        Label notes = robot.lookup(".tokens-notes").queryAs(Label.class);
        String tooltip = notes.getTooltip().getText();
        assertThat(tooltip).contains("does not allow listing their deploy tokens", "  - project shop/backend/orders", "  - group shop")
                .doesNotContain("log in again");
        assertThat(notes.getText()).isEqualTo(developer.notes().size() + " note(s)");
        assertThat(developer.notes().size()).as("grouped, not one per project").isLessThan(12);
    }

    @Test
    void clicking_a_mark_selects_its_row(FxRobot robot) {
        Circle mark = robot.lookup("." + ExpiryTimeline.MARK_STYLE_CLASS).queryAllAs(Circle.class).stream()
                .filter(c -> ((CredentialItem) c.getUserData()).name().equals("k8s-pull")).findFirst().orElseThrow();
        robot.clickOn(mark);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.table().getSelectionModel().getSelectedItem().name()).isEqualTo("k8s-pull");
        assertThat(view.timeline().selectedProperty().get().name()).isEqualTo("k8s-pull");
    }

    @Test
    void the_kind_filter_narrows_table_timeline_and_counts(FxRobot robot) {
        robot.clickOn(".text-field").write("shop/backend");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.table().getItems()).isNotEmpty().allSatisfy(i ->
                assertThat(i.where() + i.dependents()).contains("shop/backend"));
        assertThat(robot.lookup("." + ExpiryTimeline.MARK_STYLE_CLASS).queryAll()).hasSize(view.table().getItems().size());
    }

    @Test
    void export_writes_what_the_table_shows(FxRobot robot) throws Exception {
        Path csv = tmp.resolve("out.csv");
        robot.interact(() -> view.exportTo(CredentialExport.Format.CSV, csv));
        assertThat(Files.readAllLines(csv)).hasSize(demoResult.items().size() + 1);
    }
}
