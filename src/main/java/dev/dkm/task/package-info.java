/**
 * The one small abstraction for long work: progress, cancellation, callbacks on the caller's thread.
 */
package dev.dkm.task;
