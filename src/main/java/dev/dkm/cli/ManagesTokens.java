package dev.dkm.cli;

/**
 * Marks a command that manages tokens rather than deploy keys, so that GitLab's "404: you need the Maintainer
 * role to manage its …" sentence names what the command was about.
 */
interface ManagesTokens {
    /** "deploy tokens", "access tokens" … as the 404 sentence should say it. */
    String managedTokens();
}
