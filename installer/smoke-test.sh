#!/usr/bin/env bash
# Smoke test of the Linux installers (.ci/run calls it after ./mvnw verify).
#
#   installer/smoke-test.sh              build with -Pinstaller (tests skipped: verify ran them), then check
#   installer/smoke-test.sh --no-build   check what target/installer/ already holds
#
# Builds the app-image, the .deb and the .rpm; checks the packages' metadata and contents; unpacks the .deb
# and runs its launchers with the bundled runtime only (empty environment, no JAVA_HOME, no java on PATH):
# the class-data archives (lib/cds-dump.sh, as postinst runs it; the launchers must start with -Xshare:on),
# `dkm --version`, `dkm` (usage), installer/smoke/RuntimeCheck.java (SSH, TLS, HTTP server, keyring in the
# trimmed runtime), `dkm scan` over a small workspace of git repositories, and the window under Xvfb writing
# a snapshot PNG that must not be blank. Checks the runtime has every module jdeps finds. Prints the build
# times and package sizes.
#
# DKM_SMOKE_SKIP="scan gui" skips those steps, loudly (for a branch that lacks the subcommand or the
# --snapshot flag; CI never sets it). DKM_SMOKE_MAX_DEB_MB (default 80) is the .deb size limit.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
case "${1:-}" in
  --no-build) build=0 ;;
  "") ;;
  *) echo "usage: installer/smoke-test.sh [--no-build]" >&2; exit 2 ;;
esac
skip=" ${DKM_SMOKE_SKIP:-} "
max_deb_mb="${DKM_SMOKE_MAX_DEB_MB:-80}"
out=target/installer
name=deploy-key-manager

step() { printf '\n== %s\n' "$*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
skipped() { echo "SKIPPED: $* (DKM_SMOKE_SKIP)"; }

version=$(python3 -c 'import xml.etree.ElementTree as E; n={"m":"http://maven.apache.org/POM/4.0.0"}; print(E.parse("pom.xml").getroot().find("m:version", n).text)')

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dkm-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- build --------------------------------------------------------------------------------------------
if [ "$build" = 1 ]; then
  for tool in fakeroot dpkg-deb rpmbuild objcopy; do
    command -v "$tool" >/dev/null || fail "$tool is missing (Debian: fakeroot, dpkg, rpm, binutils; .ci/run installs them)"
  done
  step "build: ./mvnw -Pinstaller -DskipTests package"
  log="$tmp/build.log"
  start=$(date +%s)
  # Time stamps on every line, to tell how long jlink and each jpackage call took.
  if ! ./mvnw -B -ntp -Pinstaller -DskipTests \
      -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss \
      package >"$log" 2>&1; then
    tail -60 "$log" >&2
    fail "the installer build failed (log above)"
  fi
  echo "build took $(( $(date +%s) - start )) s in all (with compiling and the fat jar); by step:"
  # "HH:mm:ss [INFO] --- exec:3.5.0:exec (installer-jlink) @ …" starts a step; the next "---" line or the
  # end of the build ends it.
  awk '
    function secs(t) { split(t, a, ":"); return a[1] * 3600 + a[2] * 60 + a[3] }
    /\[INFO\] --- / || /\[INFO\] BUILD /{
      if (cur != "") printf "  %-18s %4d s\n", cur, secs($1) - began
      cur = ""
      if (match($0, /\(installer-[a-z-]+\)/)) { cur = substr($0, RSTART + 11, RLENGTH - 12); began = secs($1) }
    }
    /skipping execute/ { cur = "" }' "$log"
fi

# --- what was built -----------------------------------------------------------------------------------
step "artifacts in $out"
image="$out/$name"
deb="$out/${name}_${version}-1_amd64.deb"
rpm="$out/${name}-${version}-1.x86_64.rpm"
[ -x "$image/bin/$name" ] && [ -x "$image/bin/dkm" ] || fail "app-image $image lacks bin/$name or bin/dkm"
[ -f "$deb" ] || fail "no $deb"
size_mb() { du -sm --apparent-size "$1" | cut -f1; }
printf '  %-44s %4s MB\n' "$image/" "$(size_mb "$image")" "$(basename "$deb")" "$(size_mb "$deb")"
[ -f "$rpm" ] && printf '  %-44s %4s MB\n' "$(basename "$rpm")" "$(size_mb "$rpm")"
[ "$(size_mb "$deb")" -lt "$max_deb_mb" ] || fail ".deb is $(size_mb "$deb") MB, the limit is $max_deb_mb MB"
ok ".deb is under $max_deb_mb MB"

# --- .deb metadata and contents ----------------------------------------------------------------------
step "dpkg-deb -I / -c $deb"
info=$(dpkg-deb -I "$deb")
field() { printf '%s\n' "$info" | sed -n "s/^ $1: //p"; }
[ "$(field Package)" = "$name" ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version-1" ] || fail "Version is '$(field Version)', the pom says $version"
depends=$(field Depends)
for dep in libgtk-3-0 libgl1 xdg-utils; do
  printf '%s\n' "$depends" | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx "$dep" || fail "Depends lacks $dep: $depends"
done
[ -n "$(field Maintainer)" ] && [ -n "$(field Description)" ] || fail "Maintainer or Description is empty"
ok "Package $name, Version $version-1, Depends has libgtk-3-0, libgl1, xdg-utils; Maintainer: $(field Maintainer)"

listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for f in "bin/$name" bin/dkm "lib/$name-$name.desktop" "lib/$name.png" "lib/app/$name-$version.jar" lib/runtime/lib/modules; do
  printf '%s\n' "$listing" | grep -qx "./opt/$name/$f" || fail "the .deb does not contain /opt/$name/$f"
done
ok "the .deb holds both launchers, the .desktop entry, the icon, the app jar and the runtime"

dpkg-deb -e "$deb" "$tmp/control"
for cmd in "$name" dkm; do
  grep -q "link_command $cmd" "$tmp/control/postinst" || fail "postinst does not link /usr/bin/$cmd"
  grep -q "unlink_command $cmd" "$tmp/control/prerm" || fail "prerm does not remove /usr/bin/$cmd"
done
grep -q "xdg-desktop-menu install /opt/$name/lib/$name-$name.desktop" "$tmp/control/postinst" \
  || fail "postinst does not install the .desktop entry"
grep -q '^ *install_menu_entries ||' "$tmp/control/postinst" && grep -q '^ *uninstall_menu_entries || true' "$tmp/control/prerm" \
  || fail "the menu entry is not best-effort: where there is no menu directory the package would not install or remove"
ok "postinst links /usr/bin/$name and /usr/bin/dkm and installs the menu entry (best effort); prerm undoes both"

dpkg-deb -x "$deb" "$tmp/root"
desktop="$tmp/root/opt/$name/lib/$name-$name.desktop"
grep -qx "Name=Deploy Key Manager" "$desktop" && grep -qx "Icon=/opt/$name/lib/$name.png" "$desktop" \
  && grep -qx "Exec=/opt/$name/bin/$name" "$desktop" || fail "unexpected $desktop: $(cat "$desktop")"
ok ".desktop: Name=Deploy Key Manager, Exec and Icon point into /opt/$name"

# --- .rpm metadata and contents ----------------------------------------------------------------------
if [ -f "$rpm" ] && command -v rpm >/dev/null; then
  step "rpm -qp $rpm"
  [ "$(rpm -qp --qf '%{NAME} %{VERSION} %{LICENSE}' "$rpm")" = "$name $version Apache-2.0" ] \
    || fail "rpm name/version/license: $(rpm -qp --qf '%{NAME} %{VERSION} %{LICENSE}' "$rpm")"
  requires=$(rpm -qpR "$rpm")
  for dep in 'libgtk-3.so.0()(64bit)' 'libGL.so.1()(64bit)' xdg-utils; do
    printf '%s\n' "$requires" | grep -qxF "$dep" || fail "the rpm does not require $dep"
  done
  files=$(rpm -qpl "$rpm")
  for f in "/opt/$name/bin/$name" "/opt/$name/bin/dkm" "/opt/$name/lib/$name-$name.desktop" "/opt/$name/lib/$name.png"; do
    printf '%s\n' "$files" | grep -qxF "$f" || fail "the rpm does not contain $f"
  done
  for d in /opt /usr /usr/share; do
    printf '%s\n' "$files" | grep -qxF "$d" && fail "the rpm claims the system directory $d"
  done
  rpm -qp --scripts "$rpm" | grep -q 'ln -s "$target" "/usr/bin/$cmd"' || fail "the rpm's %post does not link /usr/bin"
  ok "rpm $name $version Apache-2.0, requires GTK 3 + libGL, holds both launchers and the .desktop entry, links /usr/bin"
fi

# --- run the unpacked .deb with nothing but its own runtime ------------------------------------------
step "run the unpacked launchers: empty environment, no JAVA_HOME, no java on PATH"
bin="$tmp/root/opt/$name/bin"
home="$tmp/home"
mkdir -p "$home" "$tmp/no-java-bin"
ln -s "$(command -v git)" "$tmp/no-java-bin/git"   # dkm may run git; java must not be found
clean_env=(env -i "PATH=$tmp/no-java-bin" "HOME=$home" "LANG=C.UTF-8"
  "XDG_CONFIG_HOME=$home/.config" "XDG_DATA_HOME=$home/.local/share" "XDG_CACHE_HOME=$home/.cache"
  "DKM_CONFIG_DIR=$home/.config/dkm" "DKM_DATA_DIR=$home/.local/share/dkm" "GIT_CONFIG_NOSYSTEM=1"
  "JAVA_TOOL_OPTIONS=-Duser.home=$home")
"${clean_env[@]}" /bin/sh -c 'command -v java' >/dev/null && fail "java is on the test PATH"
[ -e "$tmp/root/opt/$name/lib/runtime/lib/modules" ] || fail "no bundled runtime"

# The class-data-sharing archives: the packages ship the training runs' class lists, and postinst / %post
# write the archives where the app is installed (lib/cds-dump.sh); dpkg-deb -x runs no postinst, so run it.
grep -q "lib/cds-dump.sh" "$tmp/control/postinst" || fail "postinst does not write the class-data archives"
rpm_post=""
[ -f "$rpm" ] && command -v rpm >/dev/null && rpm_post=$(rpm -qp --scripts "$rpm")
[ -z "$rpm_post" ] || printf '%s\n' "$rpm_post" | grep -q "lib/cds-dump.sh" || fail "the rpm's %post does not write the class-data archives"
for launcher in dkm "$name"; do
  [ -s "$tmp/root/opt/$name/lib/app/$launcher.classlist" ] || fail "the .deb has no class list for $launcher (installer/cds-archive.sh)"
done
# postinst runs it as root with the system's PATH (it needs sed, tr, basename), not the launchers' empty one.
env -i "PATH=/usr/sbin:/usr/bin:/sbin:/bin" "HOME=$home" "LANG=C.UTF-8" /bin/sh "$tmp/root/opt/$name/lib/cds-dump.sh" \
  >"$tmp/cds.out" 2>&1 || fail "lib/cds-dump.sh failed: $(cat "$tmp/cds.out")"
for launcher in dkm "$name"; do
  [ -s "$tmp/root/opt/$name/lib/app/$launcher.jsa" ] || fail "lib/cds-dump.sh wrote no $launcher.jsa: $(cat "$tmp/cds.out")"
done
# -Xshare:on: the JVM refuses to start unless it maps the archive the launcher names.
"${clean_env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$home -Xshare:on" "$bin/dkm" --version >"$tmp/cds.out" 2>&1 \
  || fail "dkm does not start with its class-data archive (-Xshare:on): $(cat "$tmp/cds.out")"
ok "class-data archives written as postinst does ($(du -sh "$tmp/root/opt/$name/lib/app/"*.jsa | awk '{printf "%s %s  ", $2, $1}' | sed "s|$tmp/root||g")); dkm starts with -Xshare:on"

# The launchers are installer/linux/launcher.sh: no package manager runs when they start (jpackage's native
# launcher ran rpm -qf and dpkg -S twice at every start), and /usr/bin/dkm (a link, as postinst makes it) works.
for launcher in dkm "$name"; do
  cmp -s installer/linux/launcher.sh "$bin/$launcher" || fail "bin/$launcher is not installer/linux/launcher.sh"
done
if command -v strace >/dev/null; then
  ln -s "$bin/dkm" "$tmp/dkm-link"
  "${clean_env[@]}" "$(command -v strace)" -f -qq -e trace=execve -o "$tmp/execs" "$tmp/dkm-link" --version >/dev/null 2>&1 \
    || fail "dkm --version through a link failed: $(tail -3 "$tmp/execs")"
  ! grep -Eq 'execve\("[^"]*/(rpm|dpkg|dpkg-query|sh)"' "$tmp/execs" || fail "dkm --version ran: $(grep -Eo 'execve\("[^"]*"' "$tmp/execs" | sort -u | tr '\n' ' ')"
  ok "the launchers start java directly: $(grep -c 'execve(' "$tmp/execs") execs for dkm --version through a link (readlink, java)"
fi

got=$("${clean_env[@]}" "$bin/dkm" --version 2>"$tmp/err") || fail "dkm --version failed: $(cat "$tmp/err")"
[ "$got" = "dkm $version" ] || fail "dkm --version printed '$got', expected 'dkm $version'"
ok "dkm --version: $got"

"${clean_env[@]}" "$bin/dkm" >"$tmp/usage" 2>"$tmp/err" || fail "dkm with no arguments failed: $(cat "$tmp/err")"
grep -q '^Usage: dkm' "$tmp/usage" || fail "dkm with no arguments did not print the usage: $(head -5 "$tmp/usage")"
ok "dkm with no arguments prints the usage (the CLI launcher never opens the window)"

# The runtime carries every JDK module jdeps finds in the app's jars, and what is loaded by name works.
if command -v jdeps >/dev/null && [ -d target/installer-work/javafx-modules ]; then
  needed=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path target/installer-work/javafx-modules --class-path "$image/lib/app/*" "$image"/lib/app/*.jar 2>/dev/null | tail -n 1)
  have=$(sed -n 's/^MODULES="\(.*\)"/\1/p' "$tmp/root/opt/$name/lib/runtime/release" | tr ' ' '\n')
  for m in $(printf '%s\n' "$needed" | tr ',' ' '); do
    printf '%s\n' "$have" | grep -qx "$m" || fail "jdeps says the app needs $m, the runtime lacks it (pom: installer.jdk.modules)"
  done
  ok "the runtime has all $(printf '%s\n' "$needed" | tr ',' '\n' | wc -l) modules jdeps finds ($(printf '%s\n' "$have" | wc -l) in all)"
else
  echo "SKIPPED: the jdeps cross-check (no jdeps on PATH, or no target/installer-work/javafx-modules)"
fi
javac -d "$tmp/runtime-check" -cp "$image/lib/app/*" installer/smoke/RuntimeCheck.java
keytool -genkeypair -alias localhost -keyalg EC -groupname secp256r1 -dname CN=localhost -ext san=dns:localhost \
  -validity 2 -storetype PKCS12 -keystore "$tmp/runtime-check/localhost.p12" -storepass changeit >/dev/null 2>&1
"${clean_env[@]}" DBUS_SESSION_BUS_ADDRESS=disabled: "$tmp/root/opt/$name/lib/runtime/bin/java" \
  -cp "$tmp/runtime-check:$tmp/root/opt/$name/lib/app/*" RuntimeCheck "$tmp/runtime-check/localhost.p12" \
  >"$tmp/runtime-check.out" 2>&1 || fail "the bundled runtime lacks something: $(cat "$tmp/runtime-check.out")"
sed 's/^/  /' "$tmp/runtime-check.out" | grep -v 'Picked up JAVA_TOOL_OPTIONS\|prefs\.FileSystemPreferences\|INFO: Created user preferences'
ok "the bundled runtime does Ed25519 keys, SSH key exchange, TLS (EC) via jdk.httpserver, java.net.http and OkHttp"

# A workspace of two repositories: a token pasted into an HTTPS remote, and an SSH remote.
ws="$tmp/workspace"
token="glpat-SmokeTestToken1234x7Qa"
for repo in alpha beta; do
  git -c init.defaultBranch=main init -q "$ws/$repo"
done
git -C "$ws/alpha" remote add origin "https://oauth2:$token@gitlab.example.com/team/alpha.git"
git -C "$ws/beta" remote add origin "git@gitlab.example.com:team/beta.git"

if [[ "$skip" == *" scan "* ]]; then
  skipped "dkm scan"
else
  "${clean_env[@]}" "$bin/dkm" scan "$ws" >"$tmp/scan" 2>"$tmp/err" \
    || fail "dkm scan failed: $(cat "$tmp/scan" "$tmp/err")"
  for repo in alpha beta; do
    grep -q "$repo" "$tmp/scan" || fail "dkm scan did not report $repo: $(cat "$tmp/scan")"
  done
  if grep -qF "${token:6:10}" "$tmp/scan" "$tmp/err"; then fail "dkm scan printed the token unredacted"; fi
  ok "dkm scan found both repositories and printed no token ($(wc -l <"$tmp/scan") lines)"
fi

# --- the window, under Xvfb --------------------------------------------------------------------------
if [[ "$skip" == *" gui "* ]]; then
  skipped "deploy-key-manager --snapshot under Xvfb"
else
  step "the window under Xvfb: deploy-key-manager --snapshot OUT.png --workspace DIR"
  command -v xvfb-run >/dev/null || fail "xvfb-run is missing (Debian xvfb, xauth)"
  shot="$tmp/window.png"
  # xvfb-run sets DISPLAY and XAUTHORITY; the launcher gets those and the clean environment only.
  if ! timeout 180 xvfb-run -a -s "-screen 0 1280x800x24" \
      bash -c 'launcher=$1 shot=$2 ws=$3; shift 3
               exec "$@" DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY:-}" "$launcher" --snapshot "$shot" --workspace "$ws"' \
      _ "$bin/$name" "$shot" "$ws" "${clean_env[@]}" JAVA_TOOL_OPTIONS="-Duser.home=$home -Xshare:on" >"$tmp/gui.out" 2>&1; then
    cat "$tmp/gui.out" >&2
    fail "deploy-key-manager --snapshot did not exit 0"
  fi
  [ -s "$shot" ] || fail "no snapshot written: $(cat "$tmp/gui.out")"
  bytes=$(stat -c %s "$shot")
  [ "$bytes" -gt 10240 ] || fail "the snapshot is $bytes bytes: a blank window?"
  colours=$(python3 installer/smoke/png_colours.py "$shot")
  [ "$colours" -gt 50 ] || fail "the snapshot has only $colours colours: a blank window?"
  ok "snapshot of the window: $bytes bytes, $colours colours"
fi

step "smoke test passed: $name $version"
