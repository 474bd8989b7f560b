#!/usr/bin/env bash
# Fuzz Shuyu's parsers with libFuzzer (AddressSanitizer on).
#   Fuzz/run.sh [SECONDS] [TARGET...]      default: 600 seconds each, every target
# Targets: document tmx tbx tsv pairs csv cedict config (ParserFuzzing.Target).
# Each run starts from the seeds in Tests/ParserFuzzingTests/Regressions/TARGET and
# grows a corpus in .build-fuzz/corpus/TARGET. A crashing input is written to
# Fuzz/findings/TARGET-crash-*; copy it into the Regressions folder with the fix.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(document tmx tbx tsv pairs csv cedict config); fi
SHUYU_FUZZ=1 swift build --scratch-path .build-fuzz --product shuyu-fuzz -Xswiftc -sanitize=fuzzer,address 2>&1 \
  | grep -v "Cannot export local symbol" | tail -2
mkdir -p Fuzz/findings
for target in "${targets[@]}"; do
  corpus=".build-fuzz/corpus/$target"
  mkdir -p "$corpus"
  cp Tests/ParserFuzzingTests/Regressions/"$target"/* "$corpus"/ 2>/dev/null || true
  echo "== $target: $seconds s"
  # The Swift backtracer would hang on a trap under the sanitizer; libFuzzer reports it.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 SHUYU_FUZZ_TARGET="$target" \
    timeout -s KILL $((seconds + 120)) .build-fuzz/debug/shuyu-fuzz -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="Fuzz/findings/$target-" "$corpus" > "Fuzz/findings/$target.log" 2>&1 \
    && echo "   no crash: $(grep -E '^Done' "Fuzz/findings/$target.log")" \
    || echo "   STOPPED: see Fuzz/findings/$target.log"
done
