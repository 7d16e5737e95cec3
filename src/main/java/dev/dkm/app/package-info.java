/**
 * Composition: builds the use cases from the directories, the environment and the credential store, once, so the
 * window's buttons and the CLI's subcommands reach the very same objects.
 */
package dev.dkm.app;
