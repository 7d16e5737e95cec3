/**
 * Changes to a repository's git config: planned (before → after, redacted, for people to read), applied
 * atomically through JGit's lock file, and undone byte for byte from the snapshot taken before.
 */
package dev.dkm.gitconfig;
