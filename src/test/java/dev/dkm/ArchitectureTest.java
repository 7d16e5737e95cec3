package dev.dkm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The room rules of DESIGN.md, checked on every build instead of hoped for. */
@AnalyzeClasses(packages = "dev.dkm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_the_ui_uses_javafx = noClasses()
            .that().resideOutsideOfPackage("dev.dkm.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "atlantafx..", "org.controlsfx..", "org.kordamp.ikonli..")
            .because("the core, the CLI and the sandbox must run where there is no display");

    @ArchTest
    static final ArchRule only_the_cli_uses_picocli = noClasses()
            .that().resideOutsideOfPackage("dev.dkm.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..");

    @ArchTest
    static final ArchRule the_ui_goes_through_use_cases = noClasses()
            .that().resideInAPackage("dev.dkm.ui..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.eclipse.jgit..", "retrofit2..", "okhttp3..", "org.apache.sshd..", "com.google.gson..")
            .because("a button calls the same use case as a subcommand; git, HTTP and SSH live in the core");

    @ArchTest
    static final ArchRule the_cli_goes_through_use_cases = noClasses()
            .that().resideInAPackage("dev.dkm.cli..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.eclipse.jgit..", "retrofit2..", "okhttp3..", "org.apache.sshd..");

    @ArchTest
    static final ArchRule the_ui_and_the_cli_do_not_know_each_other = noClasses()
            .that().resideInAPackage("dev.dkm.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.dkm.cli..");

    @ArchTest
    static final ArchRule the_cli_does_not_know_the_ui = noClasses()
            .that().resideInAPackage("dev.dkm.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.dkm.ui..");

    @ArchTest
    static final ArchRule the_core_knows_no_edge = noClasses()
            .that().resideInAPackage("dev.dkm.*..")
            .and().resideOutsideOfPackages("dev.dkm.ui..", "dev.dkm.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.dkm.ui..", "dev.dkm.cli..");

    @ArchTest
    static final ArchRule remote_parsing_stands_alone = classes()
            .that().resideInAPackage("dev.dkm.remote..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.dkm.remote..", "java..")
            .because("URL parsing and redaction are pure functions everything else builds on");

    @ArchTest
    static final ArchRule the_sandbox_shares_no_dto_with_the_client = noClasses()
            .that().resideInAPackage("dev.dkm.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("dev.dkm.gitlab..")
            .because("two independent readings of the GitLab contract catch each other's mistakes");

    @ArchTest
    static final ArchRule the_client_does_not_lean_on_the_sandbox = noClasses()
            .that().resideInAPackage("dev.dkm.gitlab..")
            .should().dependOnClassesThat().resideInAPackage("dev.dkm.sandbox..");

    @ArchTest
    static final ArchRule config_writes_go_through_the_editor = noClasses()
            .that().resideOutsideOfPackages("dev.dkm.gitconfig..", "dev.dkm.sandbox..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.eclipse.jgit.internal.storage.file.LockFile")
            .because("every .git/config write is atomic and undoable, in one place");

    @ArchTest
    static final ArchRule only_the_gitlab_room_speaks_http = noClasses()
            .that().resideOutsideOfPackages("dev.dkm.gitlab..", "dev.dkm.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "okhttp3..");

    /**
     * DESIGN.md's table: {@code remote} < {@code gitconfig/keys/gitlab/credentials/settings} (and {@code registry}, the
     * container tools' login files) < {@code workspace} < use cases < {@code app} < {@code ui}/{@code cli}.
     * {@code task} (progress and cancellation) is used at every level and uses nothing. {@code journal} is a use-case
     * level room: run undo (RunUndo) lives there next to the journal it reads. The sandbox is a tool of its own that the
     * demo (app) and {@code dkm sandbox} start.
     */
    @ArchTest
    static final ArchRule the_rooms_are_layered = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("remote").definedBy("dev.dkm.remote..")
            .layer("task").definedBy("dev.dkm.task..")
            .layer("io").definedBy("dev.dkm.files..", "dev.dkm.process..")
            .layer("core").definedBy("dev.dkm.gitconfig..", "dev.dkm.keys..", "dev.dkm.gitlab..", "dev.dkm.credentials..",
                    "dev.dkm.settings..", "dev.dkm.registry..")
            .layer("workspace").definedBy("dev.dkm.workspace..")
            .layer("use cases").definedBy("dev.dkm.setup..", "dev.dkm.convert..", "dev.dkm.tokens..", "dev.dkm.instances..",
                    "dev.dkm.deploykeys..", "dev.dkm.journal..", "dev.dkm.environments..")
            .layer("sandbox").definedBy("dev.dkm.sandbox..")
            .layer("app").definedBy("dev.dkm.app..")
            .layer("edges").definedBy("dev.dkm.ui..", "dev.dkm.cli..")
            .whereLayer("edges").mayNotBeAccessedByAnyLayer()
            .whereLayer("app").mayOnlyBeAccessedByLayers("edges")
            .whereLayer("sandbox").mayOnlyBeAccessedByLayers("app", "edges")
            .whereLayer("use cases").mayOnlyBeAccessedByLayers("app", "edges")
            .whereLayer("workspace").mayOnlyBeAccessedByLayers("use cases", "app", "edges", "sandbox")
            .whereLayer("core").mayOnlyBeAccessedByLayers("workspace", "use cases", "app", "edges", "sandbox")
            .whereLayer("remote").mayOnlyBeAccessedByLayers("io", "core", "workspace", "use cases", "app", "edges", "sandbox")
            .whereLayer("io").mayOnlyBeAccessedByLayers("core", "workspace", "use cases", "app", "edges", "sandbox")
            .whereLayer("task").mayOnlyBeAccessedByLayers("remote", "io", "core", "workspace", "use cases", "app", "edges", "sandbox");

    @ArchTest
    static final ArchRule every_room_has_a_layer = classes()
            .that().resideInAPackage("dev.dkm..")
            .should().resideInAnyPackage("dev.dkm", "dev.dkm.remote..", "dev.dkm.task..", "dev.dkm.files..", "dev.dkm.process..", "dev.dkm.gitconfig..", "dev.dkm.keys..",
                    "dev.dkm.gitlab..", "dev.dkm.credentials..", "dev.dkm.settings..", "dev.dkm.registry..", "dev.dkm.workspace..",
                    "dev.dkm.setup..", "dev.dkm.convert..", "dev.dkm.tokens..", "dev.dkm.instances..", "dev.dkm.deploykeys..",
                    "dev.dkm.journal..", "dev.dkm.environments..", "dev.dkm.sandbox..", "dev.dkm.app..", "dev.dkm.ui..", "dev.dkm.cli..")
            .because("a new room gets its place in the_rooms_are_layered, or the layers check nothing about it");

    @ArchTest
    static final ArchRule the_edges_never_call_the_gitlab_client = noClasses()
            .that().resideInAnyPackage("dev.dkm.ui..", "dev.dkm.cli..")
            .should().accessClassesThat().haveFullyQualifiedName("dev.dkm.gitlab.GitLabClient")
            .because("a button and a subcommand call a use case; only use cases speak to GitLab");

    @ArchTest
    static final ArchRule one_process_runner = noClasses()
            .that().resideOutsideOfPackages("dev.dkm.process..", "dev.dkm.sandbox..")
            .should().callConstructor(ProcessBuilder.class, String[].class)
            .orShould().callConstructor(ProcessBuilder.class, java.util.List.class)
            .orShould().callMethod(Runtime.class, "exec", String.class)
            .orShould().callMethod(Runtime.class, "exec", String[].class)
            .because("every program dkm starts needs working timeouts, drained streams and a killed tree: ProcessRunner");

    @ArchTest
    static final ArchRule one_atomic_writer = noClasses()
            .that().resideOutsideOfPackages("dev.dkm.files..", "dev.dkm.sandbox..")
            .should().callMethod(java.nio.file.Files.class, "move", java.nio.file.Path.class, java.nio.file.Path.class,
                    java.nio.file.CopyOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "createTempFile", java.nio.file.Path.class, String.class, String.class,
                    java.nio.file.attribute.FileAttribute[].class)
            .orShould().callMethod(java.nio.file.Files.class, "writeString", java.nio.file.Path.class, CharSequence.class,
                    java.nio.file.OpenOption[].class)
            .orShould().callMethod(java.nio.file.Files.class, "write", java.nio.file.Path.class, byte[].class,
                    java.nio.file.OpenOption[].class)
            .because("files keep their mode and links and are replaced whole: dev.dkm.files.AtomicFiles is the one writer");
}
