package dev.dkm.cli;

import dev.dkm.app.AppServices;
import dev.dkm.credentials.CredentialResolver;
import dev.dkm.credentials.TokenStore;
import dev.dkm.credentials.TokenStores;
import dev.dkm.instances.ClientFactory;
import dev.dkm.settings.AppDirs;
import dev.dkm.settings.SettingsStore;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What subcommands take from the outside world, so tests can hand in their own: stdin, the environment,
 * the directories, the token store, the GitLab client factory, the clock, and where to print (subcommands
 * print to these writers; {@link DkmCli#commandLine(CliContext)} gives picocli the same ones).
 */
public record CliContext(
        InputStream stdin,
        Function<String, String> env,
        AppDirs dirs,
        Supplier<TokenStore> tokenStore,
        ClientFactory clients,
        Clock clock,
        PrintWriter out,
        PrintWriter err) {

    public static CliContext system() {
        AppDirs dirs = AppDirs.system();
        return new CliContext(System.in, System::getenv, dirs, once(() -> TokenStores.open(dirs)), ClientFactory.DEFAULT,
                Clock.systemDefaultZone(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** The session's use cases; {@code keyDir} overrides where new keys go (null: the default). */
    AppServices services(Path keyDir) {
        return services(keyDir, null);
    }

    /** As above, for a command given {@code --host URL} (null: none). */
    AppServices services(Path keyDir, String host) {
        return AppServices.create(dirs, env, tokenStore.get(), clients, clock, keyDir, host);
    }

    /** Opening the token store probes the keyring over D-Bus: do it at most once per run. */
    static <T> Supplier<T> once(Supplier<T> open) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = open.get();
                }
                return value;
            }
        };
    }

    SettingsStore settings() {
        return SettingsStore.at(dirs);
    }

    CredentialResolver credentials() {
        return new CredentialResolver(tokenStore.get(), env);
    }
}
