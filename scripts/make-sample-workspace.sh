#!/usr/bin/env bash
# Creates a workspace of varied sample git repositories for screenshots and manual testing:
#   scripts/make-sample-workspace.sh /tmp/sample-ws
# Every token in here is fake. git runs with a throwaway HOME and without /etc/gitconfig.
set -euo pipefail
ws="${1:?usage: $0 DIR}"
if [ -e "$ws" ]; then echo "$ws exists; remove it first" >&2; exit 1; fi
mkdir -p "$ws"
ws="$(cd "$ws" && pwd)"
export HOME="$ws/.home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
mkdir -p "$HOME"

keys="$ws/.keys"
mkdir -p "$keys" && chmod 700 "$keys"

repo() { # repo PATH [remote-url] [branch]
  local dir="$ws/$1"
  git init -q -b "${3:-main}" "$dir"
  [ -n "${2:-}" ] && git -C "$dir" remote add origin "$2"
  return 0
}

wire() { # wire PATH KEYNAME [mode|missing]
  local key="$keys/$2"
  if [ "${3:-600}" != missing ]; then
    printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nsample, not a key\n-----END OPENSSH PRIVATE KEY-----\n' > "$key"
    chmod "${3:-600}" "$key"
  fi
  git -C "$ws/$1" config core.sshCommand "ssh -i $key -o IdentitiesOnly=yes"
}

host=gitlab.example.com
fake() { printf '%s' "$1" | sha256sum | tr -dc a-zA-Z0-9 | head -c 20; }  # a stable fake token body
i=0
for team in platform payments data web; do
  for app in api worker frontend infra docs; do
    i=$((i + 1)); n=$(( (i * 7 + i / 3) % 6 ))
    path="$team/$app"
    case $n in
      0|1) repo "$path" "git@$host:$team/$app.git"; wire "$path" "deploy_${team}_${app}" ;;
      2) repo "$path" "https://oauth2:glpat-$(fake "$path")@$host/$team/$app.git" ;;
      3) repo "$path" "git@$host:$team/$app.git" ;;
      4) repo "$path" "https://$host/$team/$app.git" develop ;;
      5) repo "$path" "https://gitlab+deploy-token-12:gldt-$(fake "$path")@$host/$team/$app.git" ;;
    esac
  done
done

repo tools/dotfiles "git@github.com:someone/dotfiles.git"
repo tools/scripts "ssh://git@gitlab.internal:2222/ops/scripts.git"; wire tools/scripts deploy_scripts missing
repo tools/legacy-deploy "git@$host:ops/legacy-deploy.git"; wire tools/legacy-deploy deploy_legacy 644
repo tools/mirror "file:///srv/git/mirror.git"
repo sandbox/experiment
repo sandbox/notes
repo clients/acme/portal "https://oauth2:glpat-$(fake portal)@$host/clients/acme/portal.git" release
git -C "$ws/clients/acme/portal" remote add upstream "git@$host:clients/acme/portal-upstream.git"
git -C "$ws/clients/acme/portal" remote set-url --push origin "git@$host:clients/acme/portal.git"
echo "Sample workspace: $ws ($(find "$ws" -name .git -type d | wc -l) repositories)"
