#!/usr/bin/env bash
# Word-segmentation F1 on the SIGHAN 2005 bakeoff (MSR and PKU) with the official scorer.
# Plain ICU (`shuyu segment --no-glossary`) and glossary-aware segmentation with the bakeoff's
# training word list as the glossary (`--no-glossary --glossary WORDS`).
# Skips (exit 0) when ../shared/data/sighan2005_icwb2 is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${SIGHAN_DATA:-$root/../shared/data/sighan2005_icwb2}
if [ ! -d "$data/gold" ]; then
  echo "sighan: skipped: $data not found (set SIGHAN_DATA)"
  exit 0
fi
cd "$root"
swift build -c release --product shuyu >/dev/null
bin=$(swift build -c release --show-bin-path)/shuyu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '| corpus | segmentation | word F1 | OOV recall | seconds |\n|---|---|---|---|---|\n'
for corpus in msr pku; do
  words=$data/gold/${corpus}_training_words.utf8
  for mode in plain glossary; do
    start=$(date +%s.%N)
    if [ $mode = plain ]; then
      "$bin" segment --no-glossary "$data/testing/${corpus}_test.utf8" > "$out/$corpus.$mode"
    else
      "$bin" segment --no-glossary --glossary "$words" "$data/testing/${corpus}_test.utf8" > "$out/$corpus.$mode"
    fi
    end=$(date +%s.%N)
    scores=$(perl "$data/scripts/score.linux" "$words" "$data/gold/${corpus}_test_gold.utf8" "$out/$corpus.$mode" 2>/dev/null | tail -8)
    f=$(echo "$scores" | awk -F'\t' '/F MEASURE/ {print $2}')
    oov=$(echo "$scores" | awk -F'\t' '/OOV Recall/ {print $2}')
    printf '| %s | %s | %s | %s | %.2f |\n' "$corpus" "$mode" "$f" "$oov" "$(echo "$end - $start" | bc)"
  done
done
