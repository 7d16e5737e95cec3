#!/usr/bin/env python3
"""Writes a synthetic workspace of N git repositories for bench/scan-benchmark.sh.

Each repository is a minimal but valid git dir (HEAD, config, objects/, refs/heads/) written directly, which
is about a hundred times faster than `git init`; `git remote -v` and `git status` accept it. Repositories sit
in nested group/subgroup folders with a small working tree each, and use a mix of remote kinds.
"""
import os
import sys

def main():
    root, n = sys.argv[1], int(sys.argv[2])
    keys = os.path.join(root, "_keys")
    os.makedirs(keys, exist_ok=True)
    key = os.path.join(keys, "deploy_key")
    with open(key, "w") as f:
        f.write("not a real key\n")
    os.chmod(key, 0o600)
    for i in range(n):
        group, sub = f"group-{i % 40:02d}", f"sub-{(i // 40) % 25:02d}"
        name = f"repo-{i:05d}"
        project = f"{group}/{sub}/{name}"
        work = os.path.join(root, group, sub, name)
        git = os.path.join(work, ".git")
        for d in ("objects/info", "objects/pack", "refs/heads", "refs/tags", "src/main"):
            os.makedirs(os.path.join(git if not d.startswith("src") else work, d), exist_ok=True)
        with open(os.path.join(git, "HEAD"), "w") as f:
            f.write("ref: refs/heads/main\n")
        kind = i % 10
        extra = ""
        if kind in (0, 1, 2):
            url = f"https://oauth2:glpat-bench{i:015d}abcd@gitlab.example.com/{project}.git"
        elif kind == 3:
            url = f"https://gitlab+deploy-token-{i}:gldt-bench{i:015d}wxyz@gitlab.example.com/{project}.git"
        elif kind in (4, 5, 6):
            url = f"git@gitlab.example.com:{project}.git"
            missing = "" if kind != 6 else ".missing"
            extra = f'\tsshCommand = ssh -i "{key}{missing}" -o IdentitiesOnly=yes\n'
        elif kind == 7:
            url = f"ssh://git@gitlab.example.com:2222/{project}.git"
        elif kind == 8:
            url = f"https://gitlab.example.com/{project}.git"
        else:
            url = f"/srv/git/{project}.git"
        with open(os.path.join(git, "config"), "w") as f:
            f.write("[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n"
                    f"\tlogallrefupdates = true\n{extra}"
                    f'[remote "origin"]\n\turl = {url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'
                    '[branch "main"]\n\tremote = origin\n\tmerge = refs/heads/main\n')
        with open(os.path.join(work, "README.md"), "w") as f:
            f.write(f"# {name}\n")
        with open(os.path.join(work, "src", "main", "App.java"), "w") as f:
            f.write("class App {}\n")

if __name__ == "__main__":
    main()
