/**
 * Use cases around GitLab instances: log in (validate and store a token), log out, list what is configured.
 * The window and the {@code dkm login|logout|instances} subcommands both call these. And the one rule that picks an
 * instance and its token for every command and the window ({@link dev.dkm.instances.InstanceSelector}), with one
 * client per instance from one factory (CA file and proxy applied: {@link dev.dkm.instances.InstanceConnections}).
 */
package dev.dkm.instances;
