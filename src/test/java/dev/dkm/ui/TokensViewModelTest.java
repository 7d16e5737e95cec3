package dev.dkm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dkm.task.TaskExecutor;
import dev.dkm.tokens.CollectionResult;
import dev.dkm.tokens.CredentialExport;
import dev.dkm.tokens.CredentialItem;
import dev.dkm.tokens.CredentialKind;
import dev.dkm.tokens.DemoWorld;
import dev.dkm.tokens.ExpiryBand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tokens tab's state without a screen (no toolkit started), on the demo world collected for real against the
 * sandbox: refresh shows the collection, the consent collects again with URL tokens inspected, the filter narrows
 * what is visible and its counts, a failed collection is one line, export writes what is given.
 */
class TokensViewModelTest {
    @TempDir static Path tmp;
    static DemoWorld demo;
    static CollectionResult plain;
    static CollectionResult inspected;

    @BeforeAll
    static void collect() {
        demo = new DemoWorld(tmp);
        plain = demo.collectAsOwner();
        inspected = demo.collectAsOwner(true);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Clock demoClock() {
        return Clock.fixed(DemoWorld.today().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    @Test
    void refresh_filter_consent_and_counts() {
        AtomicInteger inspecting = new AtomicInteger();
        TokensServices services = new TokensServices(p -> plain, null, null, () -> null, () -> List.of(60, 30, 7, 1), p -> {
            inspecting.incrementAndGet();
            return inspected;
        });
        TokensViewModel model = new TokensViewModel(services, TaskExecutor.synchronous(), demoClock());
        AtomicInteger firstShown = new AtomicInteger();
        model.setOnFirstCollection(firstShown::incrementAndGet);

        model.refresh();

        assertThat(model.items()).hasSize(plain.items().size()).hasSizeGreaterThan(15);
        assertThat(model.visible()).hasSameSizeAs(model.items());
        assertThat(model.countsProperty().get().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(plain.items().size());
        assertThat(model.attentionCountProperty().get()).isPositive();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(firstShown.get()).isEqualTo(1);
        assertThat(inspecting.get()).isZero();

        model.kindProperty().set(CredentialKind.DEPLOY_KEY);
        assertThat(model.visible()).isNotEmpty().allMatch(i -> i.kind() == CredentialKind.DEPLOY_KEY);
        model.kindProperty().set(null);
        model.toggleBand(ExpiryBand.EXPIRED);
        assertThat(model.visible()).isNotEmpty().allMatch(i -> i.band(model.today()) == ExpiryBand.EXPIRED);
        model.toggleBand(ExpiryBand.EXPIRED);
        assertThat(model.bandProperty().get()).isNull();
        assertThat(model.visible()).hasSameSizeAs(model.items());

        model.inspectUrlTokensProperty().set(true);
        assertThat(inspecting.get()).isEqualTo(1);
        assertThat(model.items()).hasSize(inspected.items().size());
        assertThat(firstShown.get()).as("once only").isEqualTo(1);
    }

    @Test
    void a_failed_collection_is_one_line_and_export_writes_the_rows_given() throws Exception {
        TokensServices failing = new TokensServices(p -> {
            throw new IllegalStateException("GitLab is down");
        }, null, null, () -> null, () -> List.of(30), null);
        TokensViewModel model = new TokensViewModel(failing, TaskExecutor.synchronous(), demoClock());
        model.refresh();
        assertThat(model.notesProperty().get()).isEqualTo("Could not collect: GitLab is down");
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.offersInspection()).isFalse();

        List<CredentialItem> rows = plain.items().subList(0, 3);
        Path file = tmp.resolve("export.csv");
        model.exportTo(CredentialExport.Format.CSV, rows, file);
        assertThat(Files.readAllLines(file)).hasSize(4);
        assertThat(model.notesProperty().get()).isEqualTo("Exported 3 to export.csv");
    }

    /** A save that cannot be written says why on the tokens tab, as the conversion dialog does (one TextFileSave). */
    @Test
    void an_export_into_a_file_that_is_a_folder_says_why() throws Exception {
        TokensViewModel model = new TokensViewModel(new TokensServices(p -> {
            throw new IllegalStateException("not asked");
        }, null, null, () -> null, () -> List.of(30), null), TaskExecutor.synchronous(), demoClock());
        Path folder = Files.createDirectories(tmp.resolve("taken.csv"));
        model.exportTo(CredentialExport.Format.CSV, plain.items().subList(0, 1), folder);
        assertThat(model.notesProperty().get()).isEqualTo("Export failed: " + folder + " is a folder: not replacing it");
        assertThat(folder).isDirectory();
    }
}
