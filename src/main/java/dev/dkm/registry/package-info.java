/**
 * Container registry logins the way {@code docker login} and {@code podman login} store them: an {@code auths}
 * entry in {@code config.json}/{@code auth.json}, or a {@code docker-credential-*} helper when the file names one.
 */
package dev.dkm.registry;
