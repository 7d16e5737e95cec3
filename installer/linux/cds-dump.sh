#!/bin/sh
# Writes the class-data-sharing archive of each launcher of this app-image: lib/app/LAUNCHER.jsa from the class
# list the build's training run wrote (lib/app/LAUNCHER.classlist, installer/cds-archive.sh), by the launcher itself
# (DKM_CDS=dump: its own runtime, classpath and java-options, read from its .cfg by installer/linux/launcher.sh
# alone). The launchers name that archive (-XX:SharedArchiveFile=$APPDIR/…); the JVM then maps the classes already
# parsed and verified instead of loading them from the jars (dkm scan: bench/scan-benchmark.sh; the window:
# bench/gui-startup-benchmark.sh).
#
# An archive records the paths of the jars it was made from, so it is made where the app lives: by the build for
# target/installer/… and by the packages' postinst / %post for /opt/…. A missing or stale archive is ignored
# (the JVM's -Xshare:auto); this script never fails an installation: it says what went wrong and exits 1.
#
#   lib/cds-dump.sh [APP_IMAGE_DIR]     (default: the app-image this script is in)
PATH="/usr/sbin:/usr/bin:/sbin:/bin${PATH:+:$PATH}" # basename, tail, wherever it is started from
image=${1:-$(cd "$(dirname "$0")/.." && pwd)}
app="$image/lib/app"
status=0
for list in "$app"/*.classlist; do
    [ -f "$list" ] || continue
    launcher=$(basename "$list" .classlist)
    archive="$app/$launcher.jsa"
    rm -f "$archive"
    if DKM_CDS=dump "$image/bin/$launcher" > "$archive.log" 2>&1 && [ -s "$archive" ]; then
        rm -f "$archive.log"
        echo "cds-dump: $archive"
    else
        echo "cds-dump: no class-data archive for $launcher (it starts without one): $(tail -n 3 "$archive.log" 2>/dev/null)" >&2
        rm -f "$archive" "$archive.log"
        status=1
    fi
done
exit $status
