/**
 * Use cases around GitLab instances: log in (validate and store a token), log out, list what is configured.
 * The window and the {@code dkm login|logout|instances} subcommands both call these.
 */
package dev.dkm.instances;
