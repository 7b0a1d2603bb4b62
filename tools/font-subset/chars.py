#!/usr/bin/env python3
"""Prints the characters the bundled chart font must cover, one line, sorted.

GB 2312 (its symbols and its 3,755 level-1 hanzi: the common characters), ASCII and Latin-1, general and CJK
punctuation, full-width forms, and every character of the UI bundles, the rubric and the scenarios, so chart
titles, dimension names and scenario titles all render.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
chars = set()

for code in list(range(0x20, 0x7F)) + list(range(0xA0, 0x100)):
    chars.add(chr(code))
for lo, hi in [(0x2010, 0x2027), (0x2030, 0x205E), (0x2190, 0x2193), (0x2460, 0x2473), (0x25A0, 0x25CF),
               (0x2605, 0x2606), (0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6)]:
    chars.update(chr(c) for c in range(lo, hi + 1))

# GB 2312 rows 1-9 are symbols, rows 16-55 the level-1 hanzi (row 55 ends at 0xF9).
for row in list(range(1, 10)) + list(range(16, 56)):
    for cell in range(1, 95):
        try:
            chars.add(bytes([0xA0 + row, 0xA0 + cell]).decode("gb2312"))
        except UnicodeDecodeError:
            pass

files = sorted(root.glob("bot/src/main/resources/i18n/*.properties"))
files += [root / "knowledge/rubric.yaml"] + sorted(root.glob("knowledge/scenarios/*.yaml"))
for f in files:
    text = f.read_text(encoding="utf-8")
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    chars.update(text)

chars = {c for c in chars if c.isprintable() and not 0xD800 <= ord(c) <= 0xDFFF and ord(c) <= 0xFFFF}
sys.stdout.write("".join(sorted(chars)) + "\n")
