package dev.dkm.workspace;

import dev.dkm.remote.Secret;
import dev.dkm.remote.TokenKind;

/**
 * A secret found in a repository's config.
 *
 * @param location where it was found: {@code url}, {@code pushurl} or {@code insteadOf}
 * @param user     the user part of the URL it sat in ({@code oauth2}, {@code gitlab+deploy-token-7} …), may be null
 */
public record FoundToken(String location, TokenKind kind, String user, Secret secret) {}
