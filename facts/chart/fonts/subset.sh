#!/bin/sh
# Rebuilds the bundled font subsets from Debian's fonts-noto-cjk package.
#
#   apt-get install fonts-noto-cjk python3-fonttools
#   sh facts/chart/fonts/subset.sh
#
# Face 1 of the collection is Noto Sans CJK KR. The subset keeps Latin,
# Cyrillic, general punctuation, a few symbols (≈ № ₩ € ₽ arrows, shapes) and
# every modern Hangul syllable and compatibility jamo; it drops Han, kana,
# hinting and OpenType layout tables, which the chart renderer does not use.
set -eu
dir=$(dirname "$0")
src=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
unicodes="U+0020-007E,U+00A0-017F,U+0400-045F,U+2000-206F,U+20A9,U+20AC,U+20BD,U+2116,U+2190-2193,U+2212,U+2248,U+2264-2265,U+25A0-25CF,U+3000-3003,U+3008-3011,U+3131-318E,U+AC00-D7A3"
for w in Regular Bold; do
	python3 -m fontTools.subset "$src/NotoSansCJK-$w.ttc" --font-number=1 \
		--unicodes="$unicodes" --layout-features='' --no-hinting \
		--name-IDs='*' --name-languages='*' \
		--output-file="$dir/NotoSansCJKkr-$w-subset.otf"
done
