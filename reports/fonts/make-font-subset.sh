#!/usr/bin/env bash
# Cuts the Simplified-Chinese font the charts use out of Debian's Noto Sans CJK (SIL OFL 1.1, see OFL.txt):
# GB2312 (the 6,763 common hanzi) + ASCII + Chinese punctuation + every character of the shipped sample,
# divisions, metric catalog and report definitions, converted to TrueType outlines (AWT and Batik read them)
# and renamed "Xingcun Sans SC" so a machine's own fonts can never stand in for it unnoticed.
# Needs: apt-get install fonts-noto-cjk python3-fonttools. Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
target=reports/src/main/resources/xingcun/reports/fonts/XingcunSansSC-Regular.ttf
mkdir -p "$(dirname "$target")"
/usr/bin/python3 reports/fonts/font_subset.py "$source_font" "$target" \
  ../shared/domain/xishan_divisions.csv warehouse/src/main/resources samples reports/definitions
ls -l "$target"
