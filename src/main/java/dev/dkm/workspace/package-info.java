/**
 * Find repositories under workspace roots and describe each one: remotes, core.sshCommand, key files, status.
 */
package dev.dkm.workspace;
