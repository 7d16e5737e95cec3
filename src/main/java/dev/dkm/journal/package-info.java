/**
 * Runs that change things (a setup, a bulk conversion) write a journal before each change: the original configs and
 * the deploy keys they add, so any run can be undone or resumed, even after a crash.
 */
package dev.dkm.journal;
