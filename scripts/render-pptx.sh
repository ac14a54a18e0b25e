#!/usr/bin/env bash
# Renders a deck (or workbook) to PDF and PNG pages so a person can look at it:
#   scripts/render-pptx.sh out/2026-10/seminar-2026-10.pptx [outdir]
# Needs libreoffice (libreoffice-impress-nogui) and pdftoppm (poppler-utils):
#   apt-get install -y libreoffice-impress-nogui libreoffice-calc-nogui poppler-utils
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 FILE.pptx [OUTDIR]" >&2
  exit 2
fi
file=$1
outdir=${2:-$(dirname "$file")/render}
mkdir -p "$outdir"
# A private LibreOffice profile, so that this runs beside another soffice (or another render).
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
libreoffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$outdir" "$file" >/dev/null
pdf="$outdir/$(basename "${file%.*}").pdf"
pdftoppm -png -r "${RESOLUTION:-50}" "$pdf" "$outdir/$(basename "${file%.*}")"
ls "$outdir"/*.png
