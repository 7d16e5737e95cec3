package dev.dkm.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where dkm keeps its files. Config: {@code $DKM_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/dkm}, else
 * {@code <user.home>/.config/dkm}. Data: {@code $DKM_DATA_DIR}, else {@code $XDG_DATA_HOME/dkm}, else
 * {@code <user.home>/.local/share/dkm}. Empty variables count as unset. The environment is injectable
 * because {@code HOME} alone does not isolate a test (Java takes user.home from the password database).
 */
public final class AppDirs {
    private final Function<String, String> env;
    private final String userHome;

    public AppDirs(Function<String, String> env, String userHome) {
        this.env = env;
        this.userHome = userHome;
    }

    public static AppDirs system() {
        return new AppDirs(System::getenv, System.getProperty("user.home"));
    }

    public static AppDirs of(Map<String, String> env, String userHome) {
        return new AppDirs(env::get, userHome);
    }

    /** The home folder these directories derive from (from the password database in production, a temp dir in tests). */
    public Path home() {
        return Path.of(userHome);
    }

    public Path configDir() {
        return dir("DKM_CONFIG_DIR", "XDG_CONFIG_HOME", ".config");
    }

    public Path dataDir() {
        return dir("DKM_DATA_DIR", "XDG_DATA_HOME", ".local/share");
    }

    public Path settingsFile() {
        return configDir().resolve("settings.json");
    }

    public Path credentialsFile() {
        return configDir().resolve("credentials.json");
    }

    private Path dir(String own, String xdg, String underHome) {
        String direct = value(own);
        if (direct != null) {
            return Path.of(direct);
        }
        String base = value(xdg);
        if (base != null) {
            return Path.of(base, "dkm");
        }
        return Path.of(userHome, underHome, "dkm");
    }

    private String value(String name) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? null : v;
    }

    @Override
    public String toString() {
        return "AppDirs[config=" + configDir() + ", data=" + dataDir() + "]";
    }
}
