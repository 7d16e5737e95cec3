#!/usr/bin/python3
"""python-gitlab (Debian python3-gitlab) against the dkm sandbox: a third reading of the GitLab contract.

Usage: /usr/bin/python3 interop_test.py API_BASE_URL MAINTAINER_TOKEN OWNER_TOKEN ADMIN_TOKEN PUBKEY1 PUBKEY2
(API_BASE_URL without /api/v4). Exits non-zero on the first mismatch; never prints tokens.
"""
import sys

import gitlab
import gitlab.exceptions as gle

url, maintainer_token, owner_token, admin_token, key1, key2 = sys.argv[1:7]
checks = 0


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        print(f"FAIL: {what}", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {what}")


def expect_error(exc_type, status, fn, what):
    try:
        fn()
    except exc_type as e:
        check(e.response_code == status, f"{what}: {exc_type.__name__} {e.response_code}")
        return
    except Exception as e:  # noqa: BLE001 - report the wrong type
        check(False, f"{what}: expected {exc_type.__name__}, got {type(e).__name__}: {e}")
    check(False, f"{what}: expected {exc_type.__name__}, got success")


gl = gitlab.Gitlab(url, private_token=maintainer_token, per_page=2)
owner = gitlab.Gitlab(url, private_token=owner_token)
admin = gitlab.Gitlab(url, private_token=admin_token)
gl.auth()
check(gl.user.username == "maria", "auth() finds the maintainer")
check(gl.version()[0] not in (None, "unknown"), "version() parses")

# --- projects and pagination ---
first_page = gl.projects.list(membership=True, per_page=2, page=1)
check(len(first_page) == 2, "per_page=2 gives two projects")
all_mine = list(gl.projects.list(membership=True, per_page=2, iterator=True))
check(len(all_mine) >= 4, f"iterator=True walks the Link pages ({len(all_mine)} projects)")
got_all = gl.projects.list(membership=True, per_page=2, get_all=True)
check(sorted(p.id for p in got_all) == sorted(p.id for p in all_mine), "get_all=True gives the same set")
lst = gl.projects.list(membership=True, per_page=2, iterator=True)
check(lst.total == len(all_mine) and lst.total_pages == (len(all_mine) + 1) // 2, "X-Total and X-Total-Pages")
maint = gl.projects.list(min_access_level=40, simple=True, get_all=True)
check(all(p.path_with_namespace.startswith("acme/") for p in maint), "min_access_level=40")
project = gl.projects.get("acme/website")
check(project.path_with_namespace == "acme/website", "projects.get by path (encoded)")
check(project.ssh_url_to_repo.startswith("ssh://git@127.0.0.1:"), "ssh_url_to_repo in ssh:// form")
expect_error(gle.GitlabGetError, 404, lambda: gl.projects.get("secret/vault"), "unseen project")
expect_error(gle.GitlabGetError, 404, lambda: gl.projects.get(999999), "unknown project id")
bad = gitlab.Gitlab(url, private_token="glpat-wrongwrongwrongwrong")
expect_error(gle.GitlabAuthenticationError, 401, bad.auth, "bad token")
group = gl.groups.get("acme/platform")
check(group.full_path == "acme/platform", "groups.get by path")

# --- deploy keys ---
key = project.keys.create({"title": "interop", "key": key1, "can_push": True})
check(key.can_push is True and key.fingerprint_sha256.startswith("SHA256:"), "keys.create")
again = project.keys.create({"title": "interop again", "key": key1})
check(again.id == key.id, "same key on same project returns the existing key")
check(any(k.id == key.id for k in project.keys.list(get_all=True)), "keys.list")
k = project.keys.get(key.id)
k.can_push = False
k.title = "interop ro"
k.save()
check(project.keys.get(key.id).can_push is False, "keys update via save()")
other = gl.projects.get("acme/platform/api")
enabled = other.keys.enable(key.id)
check(enabled["id"] == key.id, "keys.enable")
check(other.keys.get(key.id).can_push is False, "enabled key starts read-only")
expect_error(gle.GitlabCreateError, 400, lambda: project.keys.create({"title": "x", "key": "ssh-rsa nope"}), "invalid key")
expect_error(gle.GitlabCreateError, 400, lambda: project.keys.create({"title": "x", "key": ""}), "missing key")
vault = owner.projects.get("secret/vault")
vault.keys.create({"title": "vault", "key": key2})
expect_error(gle.GitlabCreateError, 400, lambda: project.keys.create({"title": "dup", "key": key2}),
             "key taken where the caller cannot see it")
expect_error(gle.GitlabGetError, 404, lambda: project.keys.get(987654), "unknown deploy key")
project.keys.delete(key.id)
expect_error(gle.GitlabGetError, 404, lambda: project.keys.get(key.id), "deleted deploy key")
check(len(admin.deploykeys.list(get_all=True)) >= 2, "admin deploykeys.list")

# --- deploy tokens ---
token = project.deploytokens.create({"name": "interop", "scopes": ["read_repository"], "expires_at": "2099-12-31"})
check(token.token.startswith("gldt-") and token.username.startswith("gitlab+deploy-token-"), "project deploy token create")
check(any(t.id == token.id for t in project.deploytokens.list(get_all=True)), "project deploy tokens list")
check(project.deploytokens.get(token.id).name == "interop", "project deploy token get")
project.deploytokens.delete(token.id)
expect_error(gle.GitlabCreateError, 400, lambda: project.deploytokens.create({"name": "x", "scopes": ["api"]}),
             "invalid deploy token scope")
owner_group = owner.groups.get("acme")
gtoken = owner_group.deploytokens.create({"name": "group-interop", "scopes": ["read_registry"]})
check(gtoken.token.startswith("gldt-"), "group deploy token create (Owner)")
maint_group = gl.groups.get("acme")
check(any(t.id == gtoken.id for t in maint_group.deploytokens.list(get_all=True)), "group deploy tokens list (Maintainer)")
expect_error(gle.GitlabCreateError, 403, lambda: maint_group.deploytokens.create({"name": "x", "scopes": ["read_registry"]}),
             "group deploy token create needs Owner")
owner_group.deploytokens.delete(gtoken.id)
check(len(admin.deploytokens.list(get_all=True)) >= 0, "admin deploytokens.list")

# --- personal access tokens ---
me = gl.http_get("/personal_access_tokens/self")
check(me["name"] == "sandbox" and me["active"] is True and len(me["expires_at"]) == 10, "PAT self (date expires_at)")
check(any(t.id == me["id"] for t in gl.personal_access_tokens.list(get_all=True)), "personal_access_tokens.list")

# --- protected branches ---
pb = project.protectedbranches.create({"name": "interop/*", "push_access_level": 0})
check(pb.push_access_levels[0]["access_level_description"] == "No one", "protected branch create")
check(project.protectedbranches.get("interop/*").name == "interop/*", "protected branch get (encoded name)")
patched = gl.http_request("patch", f"/projects/{project.id}/protected_branches/interop%2F%2A",
                          post_data={"allow_force_push": True}).json()
check(patched["allow_force_push"] is True, "protected branch PATCH")
project.protectedbranches.delete("interop/*")
expect_error(gle.GitlabGetError, 404, lambda: project.protectedbranches.get("interop/*"), "deleted protected branch")

print(f"all {checks} checks passed")
