package dev.dkm.workspace;

import java.nio.file.Path;

/**
 * An identity file named by {@code core.sshCommand}.
 *
 * @param written     the path as written in the config ({@code ~/.ssh/id}, relative, quoted …)
 * @param resolved    the path ssh would open
 * @param exists      whether it exists and is a regular file
 * @param permissions POSIX permissions like {@code rw-------}, or null when unknown
 * @param tooOpen     group or others can read it (ssh refuses such a private key)
 */
public record KeyFileInfo(String written, Path resolved, boolean exists, String permissions, boolean tooOpen) {}
