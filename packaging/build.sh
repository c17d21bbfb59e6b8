#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller and smoke-test the built program.
#
#   python -m pip install pyinstaller        # into the same environment as Unspin
#   bash packaging/build.sh [DIST_DIR]       # default: dist/ (git-ignored)
#
# The smoke test runs the bundle offscreen with NO system fonts (an empty fontconfig),
# so it proves the bundled font is used: it opens the demo pair, compares it, paints
# the highlights and must exit 0. Then `unspin compare` runs headless from the bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
DIST="${1:-dist}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

start=$(date +%s%N)
"$PYTHON" -m pip install --quiet --disable-pip-version-check --no-deps --no-compile \
    --target "$WORK/site" .
UNSPIN_SITE="$WORK/site" "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/build" packaging/unspin.spec
end=$(date +%s%N)
APP="$DIST/unspin/unspin"
ms=$(( (end - start) / 1000000 ))
printf 'built %s in %d.%01d s, %s\n' "$APP" $((ms / 1000)) $((ms % 1000 / 100)) "$(du -sh "$DIST/unspin" | cut -f1)"

# A system without fonts: fontconfig reads an empty configuration.
printf '<?xml version="1.0"?>\n<fontconfig><cachedir>%s/fc-cache</cachedir></fontconfig>\n' "$WORK" \
    > "$WORK/fonts.conf"
echo "smoke test (offscreen, no system fonts):"
env QT_QPA_PLATFORM=offscreen FONTCONFIG_FILE="$WORK/fonts.conf" HOME="$WORK" \
    "$APP" --smoke-test
echo "headless compare from the bundle:"
"$APP" compare "$DIST/unspin/_internal/unspin/seeds/001_e5ea69382f8cbf52.txt" \
    "$DIST/unspin/_internal/unspin/seeds/000_dad3e476f5be5b2e.txt" --top 1 | sed -n '5,6p'
echo "a saved web page and a PDF report from the bundle:"
cat > "$WORK/page.html" <<'HTML'
<html><head><title>Missiles</title></head><body><nav>Home | World | Sport</nav>
<article><h1>Biden allows missiles</h1><p>US President Joe Biden has made unrelenting support
for Ukraine during Russia's invasion a hallmark of his one-term presidency, using his office to
send arms and aid to Kyiv while squabbling with Congress.</p><p>But one issue has remained a
major concern: Biden has refused to allow Ukraine to use US-supplied, long-range Army Tactical
Missile Systems inside Russian territory amid warnings from Moscow.</p></article>
<footer>We use cookies. Accept all?</footer></body></html>
HTML
env FONTCONFIG_FILE="$WORK/fonts.conf" HOME="$WORK" \
    "$APP" compare "$WORK/page.html" "$DIST/unspin/_internal/unspin/seeds/000_dad3e476f5be5b2e.txt" \
    --report "$WORK/report.pdf" --top 1 | sed -n '1,2p'
# the PDF must hold text (without a font it would be blank pages)
"$PYTHON" -c 'import sys, pypdf; text = pypdf.PdfReader(sys.argv[1]).pages[0].extract_text()
sys.exit(0 if "evidence" in text else "the PDF report has no text")' "$WORK/report.pdf"
echo "bundle OK"
