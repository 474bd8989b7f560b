"""Print the units of a TMX file as translate-toolkit reads them, one JSON object per line.

Used by the CLI tests to check that `shuyu tm export` writes TMX other tools read:
    python3 tmx_units.py FILE.tmx
Needs translate-toolkit (../shared/bench/setup.sh installs it into ~/.cache/shuyu-peers-venv).
"""
import json
import sys

from translate.storage import tmx

with open(sys.argv[1], "rb") as handle:
    store = tmx.tmxfile(handle)
for unit in store.units:
    print(json.dumps({"source": unit.source, "target": unit.target}, ensure_ascii=False))
