/**
 * One-click deploy key setup for a repository: plan, generate, register, trust the host key, wire, verify;
 * rollback on failure, undo afterwards. Plain headless Java: the window's button and {@code dkm setup} both call it.
 */
package dev.dkm.setup;
