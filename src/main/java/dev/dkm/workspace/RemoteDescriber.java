package dev.dkm.workspace;

import dev.dkm.remote.InsteadOfRule;
import dev.dkm.remote.RemoteKind;
import dev.dkm.remote.RemoteUrl;
import dev.dkm.remote.RemoteUrlParser;
import dev.dkm.remote.TokenKind;
import dev.dkm.remote.UrlRedactor;
import dev.dkm.remote.UrlRewriter;
import dev.dkm.remote.UrlRewriter.Rewrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.lib.Config;

/**
 * Describes each {@code [remote "…"]} of a config: the URLs as written and as git will use them after
 * {@code insteadOf}, how they authenticate, and every token sitting in them or in the rules that rewrote them.
 */
final class RemoteDescriber {
    private RemoteDescriber() {}

    static List<RemoteInfo> describe(Config config, UrlRewriter rewriter) {
        List<RemoteInfo> remotes = new ArrayList<>();
        for (String name : config.getSubsections("remote")) {
            String[] urls = config.getStringList("remote", name, "url");
            if (urls.length == 0) {
                continue; // a remote section with only refspecs: nothing to authenticate
            }
            remotes.add(describe(name, urls[0], List.of(config.getStringList("remote", name, "pushurl")), rewriter));
        }
        return remotes;
    }

    static RemoteInfo describe(String name, String url, List<String> pushUrls, UrlRewriter rewriter) {
        Rewrite fetch = rewriter.forFetch(url);
        List<Rewrite> push = rewriter.forPush(url, pushUrls);
        // Without rules, the written and the effective URLs are the same strings: parse each once.
        Map<String, RemoteUrl> parsed = new HashMap<>();
        Function<String, RemoteUrl> parse = u -> parsed.computeIfAbsent(u, RemoteUrlParser::parse);
        RemoteUrl effective = parse.apply(fetch.url());

        // Tokens as they sit in the config: in the written URLs (even when a rule rewrites them away, they
        // are still in plain text in the file) and in the bases of the rules that apply.
        Map<String, FoundToken> tokens = new LinkedHashMap<>();
        addToken(tokens, "url", parse.apply(url));
        for (String p : pushUrls) {
            addToken(tokens, "pushurl", parse.apply(p));
        }
        addRuleToken(tokens, fetch);
        push.forEach(r -> addRuleToken(tokens, r));

        boolean anyEffectiveSecret = effective.hasSecret();
        TokenKind tokenKind = effective.tokenKind();
        List<String> effectivePush = new ArrayList<>();
        for (Rewrite r : push) {
            RemoteUrl pushUrl = parse.apply(r.url());
            effectivePush.add(pushUrl.redacted());
            if (pushUrl.hasSecret()) {
                anyEffectiveSecret = true;
                tokenKind = tokenKind == TokenKind.NONE ? pushUrl.tokenKind() : tokenKind;
            }
        }
        if (tokenKind == TokenKind.NONE && !tokens.isEmpty()) {
            tokenKind = tokens.values().iterator().next().kind();
        }
        RemoteKind kind = anyEffectiveSecret ? RemoteKind.HTTPS_TOKEN : effective.kind();
        return new RemoteInfo(name, parse.apply(url).redacted(), pushUrls.stream().map(UrlRedactor::redact).toList(),
                effective.redacted(), effectivePush, effective.scheme(), kind, tokenKind, effective.host(),
                effective.port(), effective.projectPath(), List.copyOf(tokens.values()));
    }

    private static void addRuleToken(Map<String, FoundToken> tokens, Rewrite rewrite) {
        InsteadOfRule rule = rewrite.rule();
        if (rule != null) {
            addToken(tokens, "insteadOf", RemoteUrlParser.parse(rule.base()));
        }
    }

    private static void addToken(Map<String, FoundToken> tokens, String location, RemoteUrl url) {
        if (url.hasSecret()) {
            tokens.putIfAbsent(location + '\n' + url.secret().reveal(),
                    new FoundToken(location, url.tokenKind(), url.user(), url.secret()));
        }
    }
}
