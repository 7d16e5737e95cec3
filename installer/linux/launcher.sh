#!/bin/bash
# bin/deploy-key-manager and bin/dkm of the Linux app-image: start the app from lib/app/NAME.cfg (NAME: this file's
# name), as jpackage's native launcher does — same runtime, classpath, main class and java-options ($APPDIR is
# lib/app), and the same jpackage.app-path / jpackage.app-version properties — without what that launcher does first
# on Linux: it asks the package managers who owns it, twice (`rpm -qf` and `dpkg -S`: about a dozen processes, and
# dpkg reads the list of every installed file). That was a third of what `dkm --version` cost, on every command and
# every window start (bench/scan-benchmark.sh, bench/gui-startup-benchmark.sh).
#
# Installed by the installer build (pom.xml, execution installer-launchers) over the native launchers of the
# app-image before the .deb and .rpm are made of it. It follows the /usr/bin links to find where the app is.
#
# It is the one reader of the .cfg: the class-data archive is made through it too. DKM_CDS (set only by the
# build's installer/cds-archive.sh and by lib/cds-dump.sh) replaces the launcher's archive option with
#   list  run as usual, writing the classes loaded to lib/app/NAME.classlist (the build's training run);
#   dump  write lib/app/NAME.jsa from that list (-Xshare:dump: the JVM exits once it is written).
# readlink from coreutils, wherever PATH points (a desktop entry, an empty environment)
self=$(PATH=/usr/bin:/bin readlink -f -- "$0") || exit 127
name=${self##*/}
root=${self%/*/*}
app="$root/lib/app"
cfg="$app/$name.cfg"
if [ ! -r "$cfg" ]; then
    echo "$name: cannot read $cfg: reinstall deploy-key-manager" >&2
    exit 127
fi
cds=${DKM_CDS-}
unset DKM_CDS # not the business of the app's own children
classpath=
main=
options=("-Djpackage.app-path=$self")
while IFS= read -r line || [ -n "$line" ]; do
    line=${line//\$APPDIR/$app}
    case $line in
        app.classpath=*) classpath="${classpath:+$classpath:}${line#app.classpath=}" ;;
        app.mainclass=*) main=${line#app.mainclass=} ;;
        java-options=-XX:SharedArchiveFile=*) [ -n "$cds" ] || options+=("${line#java-options=}") ;;
        java-options=*) options+=("${line#java-options=}") ;;
    esac
done < "$cfg"
case $cds in
    "") ;;
    list) options+=("-XX:DumpLoadedClassList=$app/$name.classlist") ;;
    dump) options+=(-Xshare:dump "-XX:SharedClassListFile=$app/$name.classlist" "-XX:SharedArchiveFile=$app/$name.jsa") ;;
    *) echo "$name: DKM_CDS=$cds: expected list or dump" >&2; exit 2 ;;
esac
exec "$root/lib/runtime/bin/java" "${options[@]}" -cp "$classpath" "$main" "$@"
