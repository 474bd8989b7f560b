#!/usr/bin/env python3
"""Accuracy of `shuyu extract` against hand-judged pairs.

Sets (each skipped when absent):
  china-dream-dev  ../shared/data/china-dream-dev  English translations with Chinese originals (bracket, inline)
  d2l-dev          ../shared/data/d2l-dev          Chinese prose with English in parentheses (reverse direction)
  corpora          Corpora/ + Benchmarks/eval/corpora-gold.tsv  the project's own annotated translations

Metrics (per set and kind):
  recall      gold pairs found (same file and line, same Chinese after NFC)
  exact-en    of those, English span exactly as judged (or a listed alternative); for the reverse
              direction: exact-zh, the Chinese span exactly as judged
  precision   predicted pairs that are gold pairs, counted where the gold is exhaustive
  omegat           ../shared/data/tmx_tbx/tmx_zh_en + Benchmarks/eval/omegat-gold.tsv  glosses in the Chinese
                   of real TMX memories (reverse direction: 加泰隆语（Catalan）), judged for this project
Usage: extract_eval.py [--bin PATH] [--no-glossary] [--show-errors N] [--only SET,...]
"""
import argparse, csv, json, os, re, subprocess, sys, tempfile, unicodedata, collections
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.environ.get("SHUYU_SHARED_DATA", os.path.join(os.path.dirname(ROOT), "shared", "data"))

def nfc(s): return unicodedata.normalize("NFC", s or "").strip()
def norm_en(s):
    s = nfc(s).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = s.strip(' "\'.,;:*_')
    return " ".join(s.split()).lower()

DICTIONARIES = []

def run(bin_, files, cwd, no_glossary):
    args = [bin_, "extract", "--format", "json"] + (["--no-glossary"] if no_glossary else []) + sum((["--dictionary", d] for d in DICTIONARIES), []) + files
    out = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"shuyu extract failed: {out.stderr}")
    return json.loads(out.stdout)

def alts(note):
    result = []
    for part in (note or "").split(";"):
        part = part.strip()
        if part.startswith("alt:"):
            for a in part[4:].split(","):
                a = a.strip().split(" (")[0]
                if a: result.append(a)
    return result

def print_errors(errors, show):
    """The first `show` errors of each kind."""
    for key, items in errors.items() if show else []:
        print(f"-- {key} ({len(items)})")
        for item in items[:show]: print("   " + item)

def evaluate_forward(name, text_dir, gold_path, ranges_path, preds, show):
    gold = list(csv.DictReader(open(gold_path, encoding="utf-8"), delimiter="\t"))
    scope = collections.defaultdict(list)
    if ranges_path and os.path.exists(ranges_path):
        for r in csv.DictReader(open(ranges_path, encoding="utf-8"), delimiter="\t"):
            if r["first_line"] == "*": continue   # the bracket scope: every bracket counts (below)
            scope[r["file"]].append((int(r["first_line"]), int(r["last_line"])))
    by_line = collections.defaultdict(list)
    for p in preds:
        by_line[(os.path.basename(p["file"]), p["line"])].append(p)
    kinds = sorted({g["kind"] for g in gold if g["kind"] not in ("negative", "other")})
    results = {}
    used = set()
    errors = collections.defaultdict(list)
    for kind in kinds:
        rows = [g for g in gold if g["kind"] == kind]
        found = exact = 0
        for g in rows:
            cands = by_line.get((g["file"], int(g["line"])), [])
            gz = nfc(g["zh"])
            match = None
            for p in cands:
                pz = nfc(p["zh"])
                if pz == gz or (gz and (gz in pz or pz in gz) and abs(p["column"] - int(g["col"])) <= len(gz) + 2):
                    match = p
                    break
            if match is None:
                errors[kind + " missed"].append(f'{g["file"]}:{g["line"]} {gz} ↔ {g["en"]}')
                continue
            used.add(id(match))
            found += 1
            ok = norm_en(match["en"]) in {norm_en(g["en"])} | {norm_en(a) for a in alts(g.get("note"))}
            if ok: exact += 1
            else: errors[kind + " span"].append(f'{g["file"]}:{g["line"]} {gz}: got "{match["en"]}" want "{g["en"]}"')
        results[kind] = (len(rows), found, exact)
    # Precision: predictions in exhaustive scope.
    gold_lines = collections.defaultdict(list)
    for g in gold: gold_lines[(g["file"], int(g["line"]))].append(g)
    tp = fp = 0
    for p in preds:
        f = os.path.basename(p["file"]); line = p["line"]
        in_scope = any(a <= line <= b for a, b in scope.get(f, [])) if scope else True
        if p["kind"] == "bracket": in_scope = True
        if not in_scope: continue
        if id(p) in used: tp += 1
        else:
            fp += 1
            errors["false positive"].append(f'{f}:{line} {p["zh"]} ↔ {p["en"]} ({p["kind"]})')
    print(f"\n### {name}")
    print("| kind | gold | recall | exact English span |\n|---|---|---|---|")
    for kind, (n, found, exact) in results.items():
        print(f"| {kind} | {n} | {found/n:.3f} ({found}) | {exact/max(1,found):.3f} ({exact}) |")
    print(f"precision: {tp/max(1,tp+fp):.3f} ({tp} of {tp+fp} predicted pairs in scope)")
    print_errors(errors, show)
    return results

def evaluate_d2l(text_dir, gold_path, preds, show):
    gold = list(csv.DictReader(open(gold_path, encoding="utf-8"), delimiter="\t"))
    by_line = collections.defaultdict(list)
    for p in preds:
        if p["kind"] == "parenthetical": by_line[(os.path.basename(p["file"]), p["line"])].append(p)
    found = exact = 0; used = set(); errors = collections.defaultdict(list)
    for g in gold:
        cands = by_line.get((g["file"], int(g["line"])), [])
        match = next((p for p in cands if norm_en(p["en"]) == norm_en(g["en"]) and id(p) not in used), None)
        if match is None:
            match = next((p for p in cands if norm_en(g["en"]) in norm_en(p["en"]) and id(p) not in used), None)
        if match is None:
            errors["missed"].append(f'{g["file"]}:{g["line"]} {g["zh"]} ↔ {g["en"]}'); continue
        used.add(id(match)); found += 1
        if nfc(match["zh"]) == nfc(g["zh"]): exact += 1
        else: errors["zh span"].append(f'{g["file"]}:{g["line"]} got {match["zh"]} want {g["zh"]} ({g["en"]})')
    n = len(gold)
    print("\n### d2l-dev (reverse direction: Chinese with English in parentheses)")
    print("| gold | recall | exact Chinese span |\n|---|---|---|")
    print(f"| {n} | {found/n:.3f} ({found}) | {exact/max(1,found):.3f} ({exact}) |")
    print_errors(errors, show)

GLOSS = re.compile(r'[\u4e00-\u9fff][”」》"]?\s*[（(][A-Za-z][^（）()]{0,80}[）)]')

def tmx_glosses(folder):
    """The Chinese segments of the TMX files in `folder` (file order, no repeats, inline codes
    dropped, spaces collapsed) that hold a bracket of Latin text right after Chinese."""
    XML = "{http://www.w3.org/XML/1998/namespace}lang"
    seen, out = set(), []
    def text(e, parts):
        if e.tag not in ("bpt", "ept", "ph", "it") and e.text: parts.append(e.text)
        for c in e:
            text(c, parts)
            if c.tail: parts.append(c.tail)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".tmx"): continue
        for tu in ET.parse(os.path.join(folder, name)).getroot().iter("tu"):
            for tuv in tu.iter("tuv"):
                if not (tuv.get(XML) or tuv.get("lang") or "").lower().startswith("zh"): continue
                seg = tuv.find("seg")
                if seg is None: continue
                parts = []
                text(seg, parts)
                segment = " ".join("".join(parts).split())
                if GLOSS.search(segment) and segment not in seen:
                    seen.add(segment); out.append(segment)
    return out

def evaluate_omegat(gold_path, preds, show):
    rows = [r for r in csv.DictReader((l for l in open(gold_path, encoding="utf-8") if not l.startswith("#")), delimiter="\t")]
    gold = [r for r in rows if r["kind"] == "parenthetical"]
    by_line = collections.defaultdict(list)
    for p in preds: by_line[p["line"]].append(p)
    found = exact = 0; used = set(); errors = collections.defaultdict(list)
    for g in gold:
        cands = [p for p in by_line.get(int(g["line"]), []) if id(p) not in used]
        match = next((p for p in cands if norm_en(p["en"]) == norm_en(g["en"])), None)
        if match is None:
            errors["missed"].append(f'{g["line"]} {g["zh"]} ↔ {g["en"]}'); continue
        used.add(id(match)); found += 1
        if nfc(match["zh"]) in {nfc(g["zh"])} | {nfc(a) for a in alts(g["note"])}: exact += 1
        else: errors["zh span"].append(f'{g["line"]} got {match["zh"]} want {g["zh"]} ({g["en"]})')
    tp = len(used); fp = 0
    for p in preds:
        if id(p) not in used:
            fp += 1; errors["false positive"].append(f'{p["line"]} {p["zh"]} ↔ {p["en"]} ({p["kind"]})')
    n = len(gold)
    print("\n### OmegaT TMX glosses (reverse direction, real UI and documentation translations)")
    print("| gold | recall | exact Chinese span | precision |\n|---|---|---|---|")
    print(f"| {n} ({len(rows) - n} negatives) | {found/n:.3f} ({found}) | {exact/max(1,found):.3f} ({exact}) | {tp/max(1,tp+fp):.3f} ({tp} of {tp+fp}) |")
    print_errors(errors, show)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "shuyu"))
    ap.add_argument("--no-glossary", action="store_true")
    ap.add_argument("--show-errors", type=int, default=0)
    ap.add_argument("--only", default="")
    ap.add_argument("--dictionary", action="append", default=[], help="CC-CEDICT file(s) passed to extract as evidence")
    a = ap.parse_args()
    DICTIONARIES.extend(a.dictionary)
    if not os.path.exists(a.bin): sys.exit(f"build first: swift build -c release  (no {a.bin})")
    sets = a.only.split(",") if a.only else ["china-dream", "d2l", "omegat", "corpora"]
    cd = os.path.join(SHARED, "china-dream-dev")
    if "china-dream" in sets:
        if os.path.isdir(cd):
            files = sorted(os.path.join(cd, "text", f) for f in os.listdir(os.path.join(cd, "text")))
            preds = run(a.bin, files, ROOT, a.no_glossary)
            evaluate_forward("china-dream-dev (English with Chinese originals)", cd, os.path.join(cd, "gold.tsv"), os.path.join(cd, "ranges.tsv"), preds, a.show_errors)
        else: print("china-dream-dev: skipped (absent)")
    d2l = os.path.join(SHARED, "d2l-dev")
    if "d2l" in sets:
        if os.path.isdir(d2l):
            files = sorted(os.path.join(d2l, "text", f) for f in os.listdir(os.path.join(d2l, "text")))
            evaluate_d2l(d2l, os.path.join(d2l, "gold.tsv"), run(a.bin, files, ROOT, a.no_glossary), a.show_errors)
        else: print("d2l-dev: skipped (absent)")
    tmx = os.path.join(SHARED, "tmx_tbx", "tmx_zh_en")
    if "omegat" in sets:
        if os.path.isdir(tmx):
            with tempfile.TemporaryDirectory() as scratch:
                path = os.path.join(scratch, "omegat-glosses.txt")
                with open(path, "w", encoding="utf-8") as f: f.write("\n".join(tmx_glosses(tmx)) + "\n")
                preds = run(a.bin, [path], ROOT, a.no_glossary)
            evaluate_omegat(os.path.join(ROOT, "Benchmarks", "eval", "omegat-gold.tsv"), preds, a.show_errors)
        else: print("omegat: skipped (absent)")
    if "corpora" in sets:
        gold = os.path.join(ROOT, "Benchmarks", "eval", "corpora-gold.tsv")
        docs = sorted({r["file"] for r in csv.DictReader(open(gold, encoding="utf-8"), delimiter="\t")})
        preds = run(a.bin, [os.path.join("Corpora", d) for d in docs], ROOT, a.no_glossary)
        evaluate_forward("Corpora/ (the project's annotated translations)", None, gold, None, preds, a.show_errors)

main()
