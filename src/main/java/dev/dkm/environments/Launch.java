package dev.dkm.environments;

import dev.dkm.workspace.ShellWords;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that enters an environment and starts the helper there. A local account: {@code runuser -u NAME --}
 * when the caller is root, else {@code sudo -n -H -u NAME --} (never a password prompt: when sudo says no, the
 * failure is one sentence with the sudoers line that would allow it). A command template: its words, with {@code {dkm}}
 * replaced by this dkm, else followed by {@code dkm} from the environment's PATH. Then {@code helper --protocol 1}.
 * No token is ever among the words (they are visible in {@code ps}).
 */
public final class Launch {
    public static final String PLACEHOLDER = "{dkm}";

    /** Turns a failed start's stderr into one sentence, or null when it has nothing to say. */
    interface Failure {
        String explain(String stderr);
    }

    private final HelperRuntime runtime;
    private final String caller;
    private final boolean callerIsRoot;
    private final String sudo;

    public Launch(HelperRuntime runtime, String caller, boolean callerIsRoot) {
        this(runtime, caller, callerIsRoot, "sudo");
    }

    /** @param sudo the sudo program (tests pass one that refuses as sudo does) */
    public Launch(HelperRuntime runtime, String caller, boolean callerIsRoot, String sudo) {
        this.runtime = runtime;
        this.caller = caller;
        this.callerIsRoot = callerIsRoot;
        this.sudo = sudo;
    }

    public static Launch forThisProcess() {
        String user = System.getProperty("user.name");
        return new Launch(HelperRuntime.ofThisProcess(), user, "root".equals(user) || isUidZero());
    }

    private static boolean isUidZero() {
        try {
            Object uid = java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (Exception e) {
            return false;
        }
    }

    public String caller() {
        return caller;
    }

    public List<String> command(EnvironmentSpec spec) {
        List<String> words = new ArrayList<>();
        if (spec.kind() == EnvironmentSpec.Kind.ACCOUNT) {
            words.addAll(callerIsRoot
                    ? List.of("runuser", "-u", spec.value(), "--")
                    : List.of(sudo, "-n", "-H", "-u", spec.value(), "--"));
            words.addAll(runtime.dkm());
        } else {
            List<String> template = ShellWords.split(spec.value());
            if (template.isEmpty()) {
                throw new IllegalArgumentException("an empty command template");
            }
            if (template.contains(PLACEHOLDER)) {
                for (String w : template) {
                    if (w.equals(PLACEHOLDER)) {
                        words.addAll(runtime.dkm());
                    } else {
                        words.add(w);
                    }
                }
            } else {
                words.addAll(template);
                words.add("dkm");
            }
        }
        words.addAll(List.of("helper", "--protocol", String.valueOf(JsonLines.PROTOCOL)));
        return words;
    }

    /** The sudoers line that lets the caller start the helper as {@code account} without a password. */
    public String sudoersLine(String account) {
        List<String> helper = new ArrayList<>(runtime.dkm());
        helper.addAll(List.of("helper", "--protocol", String.valueOf(JsonLines.PROTOCOL)));
        return caller + " ALL=(" + account + ") NOPASSWD: " + String.join(" ", helper);
    }

    Failure failureFor(EnvironmentSpec spec) {
        if (spec.kind() != EnvironmentSpec.Kind.ACCOUNT) {
            return stderr -> null;
        }
        return stderr -> {
            String s = stderr.toLowerCase(java.util.Locale.ROOT);
            if (s.contains("user " + spec.value() + " does not exist") || s.contains("unknown user")) {
                return "there is no account " + spec.value() + " on this machine";
            }
            if (!callerIsRoot && s.contains("sudo") && (s.contains("password is required") || s.contains("not allowed")
                    || s.contains("may not run") || s.contains("not in the sudoers") || s.contains("cannot start " + sudo))) {
                return "dkm cannot enter the account " + spec.value() + ": sudo -n -u " + spec.value()
                        + " is not allowed for " + caller + "; to allow it, add this line with visudo -f /etc/sudoers.d/dkm: "
                        + sudoersLine(spec.value());
            }
            return null;
        };
    }
}
