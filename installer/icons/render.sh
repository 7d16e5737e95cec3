#!/usr/bin/env bash
# Renders the app icon from deploy-key-manager.svg into every format the installers use.
# Needs: rsvg-convert (Debian librsvg2-bin), ImageMagick's convert (imagemagick), png2icns (icnsutils).
# The outputs are committed; run this only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool is missing (apt-get install librsvg2-bin icnsutils)" >&2; exit 1; }
done
# /usr/local/bin/convert may be a stand-in that only converts to PPM: use ImageMagick's own binary.
convert=/usr/bin/convert
[ -x "$convert" ] || { echo "render.sh: ImageMagick is missing (apt-get install imagemagick)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" deploy-key-manager.svg -o "$tmp/$s.png"
done
cp "$tmp/256.png" deploy-key-manager-256.png
cp "$tmp/512.png" deploy-key-manager-512.png
"$convert" "$tmp"/{16,32,48,64,128,256}.png deploy-key-manager.ico
png2icns deploy-key-manager.icns "$tmp"/{16,32,48,128,256,512}.png >/dev/null
echo "rendered: $(ls deploy-key-manager*.{png,ico,icns} | tr '\n' ' ')"
