/**
 * The dkm command line (picocli): thin subcommands over the same use cases as the window.
 */
package dev.dkm.cli;
