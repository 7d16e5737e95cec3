package dev.dkm.workspace;

import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.TokenKind;
import java.util.List;

/**
 * One remote of a repository. Every URL here is already redacted; the raw secrets are only in
 * {@link #tokens()}, as {@link dev.dkm.remote.Secret}s.
 *
 * @param url            the fetch URL as written in the config (redacted)
 * @param pushUrls       {@code pushurl} entries as written (redacted)
 * @param effectiveUrl   the fetch URL after {@code url.<base>.insteadOf} (redacted)
 * @param effectivePushUrls the URLs git pushes to after {@code pushInsteadOf}/{@code insteadOf} (redacted)
 * @param kind           how the effective URLs authenticate (https-token if any of them carries a secret)
 * @param host           host of the effective fetch URL, or null for file/other
 * @param port           explicit port, or null for the scheme's default
 * @param projectPath    GitLab project path ({@code group/sub/repo}, no {@code .git}), or null
 * @param tokens         every secret git would send for these URLs, with where it lives
 * @param otherHelpers   credential helpers git asks that keep secrets elsewhere and that dkm does not query
 *                       ({@code git-credential-libsecret}, {@code git-credential-osxkeychain} …)
 */
public record RemoteInfo(
        String name,
        String url,
        List<String> pushUrls,
        String effectiveUrl,
        List<String> effectivePushUrls,
        String scheme,
        RemoteKind kind,
        TokenKind tokenKind,
        String host,
        Integer port,
        String projectPath,
        List<FoundToken> tokens,
        List<String> otherHelpers) {

    public RemoteInfo {
        pushUrls = List.copyOf(pushUrls);
        effectivePushUrls = List.copyOf(effectivePushUrls);
        tokens = List.copyOf(tokens);
        otherHelpers = List.copyOf(otherHelpers);
    }

    public RemoteInfo(String name, String url, List<String> pushUrls, String effectiveUrl, List<String> effectivePushUrls,
            String scheme, RemoteKind kind, TokenKind tokenKind, String host, Integer port, String projectPath,
            List<FoundToken> tokens) {
        this(name, url, pushUrls, effectiveUrl, effectivePushUrls, scheme, kind, tokenKind, host, port, projectPath,
                tokens, List.of());
    }

    public boolean hasToken() {
        return !tokens.isEmpty();
    }
}
