package dev.dkm.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SshPublicKeyTest {
    // gitlab.com's published ed25519 host key and fingerprint (reference §8)
    private static final String GITLAB_COM = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAfuCHKVTjquxvt6CM6tdG4SLp1Btn/nOeHHE5UOzRdf";

    @Test
    void sha256_fingerprint_matches_the_published_one() {
        assertThat(SshPublicKey.parse(GITLAB_COM).fingerprintSha256())
                .isEqualTo("SHA256:eUXGGm1YGsMAS7vkcx6JOJdOGHPem5gQp4taiCfCLB8");
    }

    @Test
    void md5_fingerprint_is_colon_separated_hex() {
        assertThat(SshPublicKey.parse(GITLAB_COM).fingerprintMd5()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
    }

    @Test
    void same_key_ignores_the_comment() {
        SshPublicKey a = SshPublicKey.parse(GITLAB_COM + " first");
        SshPublicKey b = SshPublicKey.parse(GITLAB_COM + "   another comment  ");
        assertThat(a.sameKeyAs(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
        assertThat(b.comment()).isEqualTo("another comment");
    }

    @Test
    void rejects_garbage_with_a_reason() {
        assertThatThrownBy(() -> SshPublicKey.parse("")).hasMessage("empty public key");
        assertThatThrownBy(() -> SshPublicKey.parse("hello world")).hasMessage("not an OpenSSH public key line");
        assertThatThrownBy(() -> SshPublicKey.parse("ssh-ed25519 !!!notbase64")).hasMessage("public key data is not valid base64");
    }
}
