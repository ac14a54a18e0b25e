#!/usr/bin/env bash
# Look at a workbook as a reader would: convert it to PDF with LibreOffice (headless) and every
# page to PNG. Usage: scripts/render-xlsx.sh FILE.xlsx [OUT_DIR] [DPI]
# Output: OUT_DIR (default: FILE without .xlsx, plus -pages/) holding FILE.pdf and page-N.png.
# Needs libreoffice-calc (or libreoffice) and poppler-utils:
#   apt-get update && apt-get install -y libreoffice-calc-nogui poppler-utils
set -euo pipefail
file=${1:?usage: scripts/render-xlsx.sh FILE.xlsx [OUT_DIR] [DPI]}
out=${2:-${file%.xlsx}-pages}
dpi=${3:-60}
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/page-*.png
# A private LibreOffice profile, so that this runs beside an open LibreOffice or another render.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null 2>&1
pdf="$out/$(basename "${file%.xlsx}").pdf"
[ -s "$pdf" ] || { echo "LibreOffice wrote no PDF for $file" >&2; exit 1; }
pdftoppm -png -r "$dpi" "$pdf" "$out/page"
echo "$(ls "$out"/page-*.png | wc -l) page(s) of $file in $out"
