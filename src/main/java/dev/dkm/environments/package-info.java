/**
 * Many environments from one console: other local accounts (entered with {@code runuser -u} as root, else
 * {@code sudo -n -u}) and anything a command template reaches ({@code podman exec -i -u app web}). In each one dkm runs
 * itself as that account in helper mode ({@code dkm helper --protocol 1}) and speaks a small, versioned JSON-lines
 * protocol on stdin/stdout: scan, generate a key (only the public half comes back), trust a host key, plan/apply/undo
 * config changes, verify with git. The caller keeps the GitLab token and makes every API call; it never opens another
 * account's files itself. See docs/environments.md.
 */
package dev.dkm.environments;
