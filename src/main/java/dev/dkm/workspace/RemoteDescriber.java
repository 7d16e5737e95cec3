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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.Config;

/**
 * Describes each {@code [remote "…"]} git sees for a repository: the URLs as written and as git will use them after
 * {@code insteadOf}, how they authenticate, and every token git would send — sitting in them, in the rules that
 * rewrote them, in an {@code http.extraHeader}, or in a credential store — with the file each one lives in.
 */
final class RemoteDescriber {
    private RemoteDescriber() {}

    /** A value with the file it was read from. */
    private record Sourced(String value, ConfigLayer layer) {}

    /** For one config alone (no includes, no global files, no credential helpers). */
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
        return describe(name, new Sourced(url, null), pushUrls.stream().map(p -> new Sourced(p, null)).toList(),
                rewriter, Map.of(), List.of(), null);
    }

    /**
     * Every remote of the repository as git reads it from all {@code layers} (global rules apply before the
     * repository's, a remote defined in an included file counts), with the header and credential-store tokens.
     */
    static List<RemoteInfo> describe(List<ConfigLayer> layers, ConfigStack stack) {
        Map<InsteadOfRule, ConfigLayer> ruleFiles = new LinkedHashMap<>();
        Map<String, List<Sourced>> urls = new LinkedHashMap<>();
        Map<String, List<Sourced>> pushUrls = new LinkedHashMap<>();
        for (ConfigLayer layer : layers) {
            Config c = layer.config();
            for (InsteadOfRule rule : GitConfigs.insteadOfRules(c)) {
                ruleFiles.putIfAbsent(rule, layer);
            }
            for (String name : c.getSubsections("remote")) {
                for (String u : c.getStringList("remote", name, "url")) {
                    urls.computeIfAbsent(name, n -> new ArrayList<>()).add(new Sourced(u, layer));
                }
                for (String u : c.getStringList("remote", name, "pushurl")) {
                    pushUrls.computeIfAbsent(name, n -> new ArrayList<>()).add(new Sourced(u, layer));
                }
            }
        }
        UrlRewriter rewriter = ruleFiles.isEmpty() ? UrlRewriter.NONE : new UrlRewriter(List.copyOf(ruleFiles.keySet()));
        List<RemoteInfo> remotes = new ArrayList<>();
        for (Map.Entry<String, List<Sourced>> e : urls.entrySet()) {
            remotes.add(describe(e.getKey(), e.getValue().get(0), pushUrls.getOrDefault(e.getKey(), List.of()), rewriter,
                    ruleFiles, layers, stack));
        }
        return remotes;
    }

    private static RemoteInfo describe(String name, Sourced url, List<Sourced> pushUrls, UrlRewriter rewriter,
            Map<InsteadOfRule, ConfigLayer> ruleFiles, List<ConfigLayer> layers, ConfigStack stack) {
        List<String> pushValues = pushUrls.stream().map(Sourced::value).toList();
        Rewrite fetch = rewriter.forFetch(url.value());
        List<Rewrite> push = rewriter.forPush(url.value(), pushValues);
        // Without rules, the written and the effective URLs are the same strings: parse each once.
        Map<String, RemoteUrl> parsed = new HashMap<>();
        Function<String, RemoteUrl> parse = u -> parsed.computeIfAbsent(u, RemoteUrlParser::parse);
        RemoteUrl effective = parse.apply(fetch.url());

        // Tokens as they sit in the config: in the written URLs (even when a rule rewrites them away, they
        // are still in plain text in the file) and in the bases of the rules that apply.
        Map<String, FoundToken> tokens = new LinkedHashMap<>();
        addToken(tokens, "url", parse.apply(url.value()), url.layer(), "remote." + name + ".url");
        for (Sourced p : pushUrls) {
            addToken(tokens, "pushurl", parse.apply(p.value()), p.layer(), "remote." + name + ".pushurl");
        }
        addRuleToken(tokens, fetch, ruleFiles);
        push.forEach(r -> addRuleToken(tokens, r, ruleFiles));

        boolean anyEffectiveSecret = effective.hasSecret();
        TokenKind tokenKind = effective.tokenKind();
        List<String> effectivePush = new ArrayList<>();
        List<RemoteUrl> sentTo = new ArrayList<>(List.of(effective));
        for (Rewrite r : push) {
            RemoteUrl pushUrl = parse.apply(r.url());
            effectivePush.add(pushUrl.redacted());
            sentTo.add(pushUrl);
            if (pushUrl.hasSecret()) {
                anyEffectiveSecret = true;
                tokenKind = tokenKind == TokenKind.NONE ? pushUrl.tokenKind() : tokenKind;
            }
        }
        // What git adds when it talks to those URLs: extra headers and credential helpers.
        Set<String> helpers = new LinkedHashSet<>();
        if (stack != null) {
            Set<RemoteUrl> seen = new LinkedHashSet<>();
            for (RemoteUrl target : sentTo) {
                if (!seen.add(target)) {
                    continue;
                }
                HttpCredentials.Result sent = HttpCredentials.of(target, layers, stack);
                helpers.addAll(sent.otherHelpers());
                for (FoundToken t : sent.tokens()) {
                    tokens.putIfAbsent(t.location() + '\n' + t.file() + '\n' + t.secret().reveal(), t);
                    anyEffectiveSecret = true;
                }
            }
        }
        if (tokenKind == TokenKind.NONE && !tokens.isEmpty()) {
            tokenKind = tokens.values().iterator().next().kind();
        }
        RemoteKind kind = anyEffectiveSecret ? RemoteKind.HTTPS_TOKEN : effective.kind();
        return new RemoteInfo(name, parse.apply(url.value()).redacted(), pushValues.stream().map(UrlRedactor::redact).toList(),
                effective.redacted(), effectivePush, effective.scheme(), kind, tokenKind, effective.host(),
                effective.port(), effective.projectPath(), List.copyOf(tokens.values()), List.copyOf(helpers));
    }

    private static void addRuleToken(Map<String, FoundToken> tokens, Rewrite rewrite, Map<InsteadOfRule, ConfigLayer> ruleFiles) {
        InsteadOfRule rule = rewrite.rule();
        if (rule != null) {
            addToken(tokens, "insteadOf", RemoteUrlParser.parse(rule.base()), ruleFiles.get(rule),
                    "url." + UrlRedactor.redact(rule.base()) + (rule.push() ? ".pushinsteadof" : ".insteadof"));
        }
    }

    private static void addToken(Map<String, FoundToken> tokens, String location, RemoteUrl url, ConfigLayer layer, String key) {
        if (url.hasSecret()) {
            FoundToken t = layer == null ? new FoundToken(location, url.tokenKind(), url.user(), url.secret())
                    : new FoundToken(location, url.tokenKind(), url.user(), url.secret(), layer.file(),
                            HttpCredentials.origin(layer), key, !layer.repositoryOwn());
            tokens.putIfAbsent(location + '\n' + url.secret().reveal(), t);
        }
    }
}
