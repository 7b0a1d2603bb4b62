#!/usr/bin/env bash
# Rebuilds bot/src/main/resources/fonts/NotoSansSC-Subset.otf, the CJK font the charts are drawn with.
# Needs Debian's python3-fonttools (apt-get install python3-fonttools) and apt-get download; nothing is installed
# system-wide apart from fontTools, so the machine's own fonts stay as they are.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && apt-get download fonts-noto-cjk=1:20220127+repack1-1 >/dev/null)
dpkg-deb -x "$work"/fonts-noto-cjk_*.deb "$work/x"
/usr/bin/python3 tools/font-subset/chars.py . > "$work/chars.txt"
# Face 2 of the collection is Noto Sans CJK SC (0 JP, 1 KR, 2 SC, 3 TC, 4 HK): Simplified glyph forms.
/usr/bin/python3 -m fontTools.subset "$work/x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc" \
    --font-number=2 --text-file="$work/chars.txt" --layout-features='' --no-hinting \
    --output-file=bot/src/main/resources/fonts/NotoSansSC-Subset.otf
echo "wrote bot/src/main/resources/fonts/NotoSansSC-Subset.otf ($(wc -c < bot/src/main/resources/fonts/NotoSansSC-Subset.otf) bytes, $(/usr/bin/python3 -c 'import sys; print(len(open(sys.argv[1], encoding="utf-8").read().strip()))' "$work/chars.txt") characters)"
