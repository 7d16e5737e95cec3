/**
 * Bulk conversion of token remotes to SSH with deploy keys: preview, run with bounded concurrency, per-repo
 * results, a journal written before every change, undo and resume from it, and revocation of unused tokens.
 */
package dev.dkm.convert;
