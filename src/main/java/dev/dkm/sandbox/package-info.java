/**
 * A local GitLab-compatible server (REST v4 + SSH git) for the demo and the tests. Shares no DTO with the client.
 *
 * <h2>Starting it</h2>
 * <pre>{@code
 * try (SandboxServer gitlab = Sandbox.builder().dataDir(tmp).start()) {   // .demo(true), .workspace(dir), faults…
 *     gitlab.apiUrl();            // http://127.0.0.1:PORT/api/v4
 *     gitlab.maintainerToken();   // PAT of "maria", Maintainer of group acme (acme/website, acme/platform/api, …)
 *     gitlab.knownHostsLine();    // [127.0.0.1]:SSHPORT ssh-ed25519 AAAA…
 *     gitlab.sshUrl("acme/website");
 * }
 * }</pre>
 * From the command line: {@code dkm sandbox [--data DIR] [--port N] [--ssh-port N] [--demo] [--workspace DIR]
 * [--latency-ms N] [--rate-limit N] [--fail-rate P] [--drop-rate P] [--fault-seed N] [--stop-on-stdin-eof]};
 * it prints one JSON line when ready ({@link SandboxServer#readyJson()}).
 *
 * <h2>The base world (always there)</h2>
 * Users {@code root} (admin), {@code olivia} (Owner of groups acme and secret), {@code maria} (Maintainer of acme),
 * {@code dave} (Developer of acme), {@code bob} (blocked); each has an {@code api} PAT named "sandbox".
 * Groups {@code acme}, {@code acme/platform}, {@code secret}; projects {@code acme/website},
 * {@code acme/handbook} (public), {@code acme/platform/api}, {@code acme/platform/infra}, {@code secret/vault}
 * (maria cannot see it). Each project has a bare repo with one commit on {@code main}.
 * {@code --demo} adds groups shop, data, ops with subgroups, 15 more projects, deploy keys (read-only,
 * read-write, shared, public, expiring, expired), protected branches ("No one" + deploy key), deploy tokens,
 * PATs and project/group access tokens at every expiry stage. Use {@link SandboxWorld} to add more.
 * {@code --workspace DIR} clones demo projects into DIR: PAT in the URL (shop/backend/orders), deploy token in
 * the URL (shop/backend/payments), token only in pushurl (acme/website), token in an insteadOf rule
 * (shop/backend/inventory), an upstream remote with a group deploy token (shop/frontend/admin-ui), an expired PAT
 * (ops/infra/terraform), plain HTTPS (data/warehouse), SSH with the default key (data/pipelines, acme/handbook),
 * and shop/frontend/storefront already wired to its own deploy key ({@code DIR/.keys}, 0700/0600, own known_hosts).
 *
 * <h2>What it serves</h2>
 * REST as in {@code reference/gitlab-api.md}: /version, /metadata, /user, /users, /projects (membership,
 * min_access_level, simple, search, visibility, offset and keyset pagination), /groups, deploy keys (all of §1,
 * with the duplicate-key rules), admin /keys?fingerprint=, users' SSH keys (/user/keys, /users/:id/keys),
 * members/all of projects and groups, deploy tokens (instance, project, group), personal access tokens
 * (self, rotate, list), project/group access tokens (list, get, revoke, rotate), protected branches.
 * Every route needs a token. Requests are counted per "METHOD /route/:template"; faults are off by default.
 * Git over SSH only (JGit behind MINA): deploy keys and users' SSH keys, with gitlab-shell's messages and
 * protected branch rules in a pre-receive hook. Git over HTTP is not served: the HTTPS remotes in a demo
 * workspace are there for dkm to find and convert.
 *
 * <h2>Layout</h2>
 * {@link SandboxState} holds {@link SandboxData} under one lock and persists it as {@code state.json} (0600)
 * via {@link StateStore}; bare repos live in {@code DATA/repos}, the host key in {@code DATA/ssh_host_ed25519_key}.
 * {@link ApiHttpHandler} (faults, auth, routing, counting) → {@link ApiRouter} → one {@code *Routes} class per
 * resource family, JSON from {@link JsonViews}. {@link SshGitServer} → {@link GitSshCommand} →
 * {@link GitAccessPolicy} / {@link ProtectedBranchHook}.
 */
package dev.dkm.sandbox;
