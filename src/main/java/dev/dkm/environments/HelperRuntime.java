package dev.dkm.environments;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start this very dkm as another account: the installed launcher when there is one (jpackage's
 * {@code /opt/deploy-key-manager/bin/dkm}), else the running JVM's {@code java} with its class path. The system property
 * {@code dkm.helper.classpath} gives another class path (one the other account can read: a class path under
 * {@code /root} is not); a command template without {@code {dkm}} runs {@code dkm} from the environment's PATH.
 */
public record HelperRuntime(List<String> dkm) {
    /**
     * The JVM options of every short-lived dkm command: C1 alone and the serial GC start faster than C2 warms up, and a
     * 24 MB young generation halves a 10,000-repository scan's peak memory (bench/scan-benchmark.sh). The installed
     * {@code dkm} launcher's java-options (installer/OS/dkm.properties) start with these; CliJvmOptionsTest checks.
     */
    public static final List<String> CLI_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn24m");

    public HelperRuntime {
        dkm = List.copyOf(dkm);
    }

    public static HelperRuntime ofThisProcess() {
        String classpath = System.getProperty("dkm.helper.classpath");
        if (classpath == null || classpath.isBlank()) {
            String app = System.getProperty("jpackage.app-path");
            if (app != null && !app.isBlank()) {
                return new HelperRuntime(List.of(app));
            }
            classpath = System.getProperty("java.class.path");
        }
        return withClasspath(classpath);
    }

    /** The running JVM's java, tuned to start fast (a helper lives for one operation), on {@code classpath}. */
    public static HelperRuntime withClasspath(String classpath) {
        List<String> words = new ArrayList<>();
        words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.addAll(CLI_JVM_OPTIONS);
        // -XX:-UsePerfData: no /tmp/hsperfdata_<account> left behind in the environment
        words.addAll(List.of("-XX:-UsePerfData", "-Xss1m", "-Djava.awt.headless=true", "-Ddkm.mode=cli", "-cp", classpath,
                "dev.dkm.Launcher"));
        return new HelperRuntime(words);
    }
}
