package dev.dkm.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dkm.gitlab.GitLabClient;
import dev.dkm.gitlab.GitLabErrorKind;
import dev.dkm.gitlab.GitLabException;
import dev.dkm.remote.Secret;
import dev.dkm.sandbox.Sandbox;
import dev.dkm.sandbox.SandboxServer;
import dev.dkm.settings.InstanceSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTokenRotationTest {
    @TempDir
    Path tmp;

    @Test
    void the_new_token_works_is_stored_and_the_old_one_is_revoked() {
        try (SandboxServer server = Sandbox.builder().dataDir(tmp).start()) {
            String old = server.world().createPersonalAccessToken("maria", "dkm", List.of("api"), LocalDate.now(ZoneOffset.UTC).plusDays(5));
            AtomicReference<Secret> stored = new AtomicReference<>();
            LocalDate expires = LocalDate.now(ZoneOffset.UTC).plusDays(90);
            try (GitLabClient client = GitLabClient.connect(server.url(), Secret.of(old))) {
                ApiTokenRotation.Result r = new ApiTokenRotation(InstanceConnection.of(InstanceSettings.of(server.url()), client))
                        .rotate(expires, stored::set);

                assertThat(r.stored()).isTrue();
                assertThat(r.expiresOn()).isEqualTo(expires);
                assertThat(stored.get()).isEqualTo(r.newToken());
                assertThatThrownBy(client::personalAccessTokenSelf).isInstanceOfSatisfying(GitLabException.class,
                        e -> assertThat(e.kind()).isEqualTo(GitLabErrorKind.TOKEN_EXPIRED_OR_REVOKED));
            }
        }
    }

    @Test
    void when_storing_fails_the_result_still_has_the_token_to_show_once() {
        try (SandboxServer server = Sandbox.builder().dataDir(tmp).start()) {
            String old = server.world().createPersonalAccessToken("maria", "dkm", List.of("api"), null);
            try (GitLabClient client = GitLabClient.connect(server.url(), Secret.of(old))) {
                ApiTokenRotation.Result r = new ApiTokenRotation(InstanceConnection.of(InstanceSettings.of(server.url()), client))
                        .rotate(LocalDate.now(ZoneOffset.UTC).plusDays(30), t -> {
                            throw new java.io.IOException("keyring locked");
                        });
                assertThat(r.stored()).isFalse();
                assertThat(r.problem()).contains("keyring locked");
                assertThat(r.newToken().reveal()).startsWith("glpat-");
            }
        }
    }
}
