#!/usr/bin/env python3
"""The comparison for bench/convert-benchmark.sh: what a straightforward script does to register one deploy key
per project with python-gitlab, sequentially (look the project up, add the key with write access).
Usage: GITLAB_URL=… GITLAB_TOKEN=… python_gitlab_register.py PROJECTS_FILE KEYS_FILE"""
import os
import sys

import gitlab


def main():
    projects = open(sys.argv[1]).read().split()
    keys = [line for line in open(sys.argv[2]).read().splitlines() if line]
    gl = gitlab.Gitlab(os.environ["GITLAB_URL"], private_token=os.environ["GITLAB_TOKEN"])
    for path, key in zip(projects, keys):
        project = gl.projects.get(path)
        project.keys.create({"title": "python-gitlab " + path, "key": key, "can_push": True})


if __name__ == "__main__":
    main()
