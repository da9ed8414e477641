#!/usr/bin/env python3
"""Cross-check of the peer outputs in bench/out with small Python scorers.

This duplicates, on purpose and independently, the standard metrics that the
Rust tool pith-eval (crates/pith-eval) implements; it exists to check that the
runners' outputs are sane (e.g. trafilatura on scrapinghub should land near
its published F1 of 0.953-0.958) and to give bench/charts.py something to draw
when pith-eval's JSON is not available. pith-eval's numbers are the reference.

    bench/.venv/bin/python bench/crosscheck.py [--out bench/out] [--data ../shared/data]
        [--json bench/out/crosscheck.json] [--tools a,b] [--sets x,y]

Metrics, as each set's SOURCE.md describes them:
- scrapinghub, mozilla-readability: 4-word-shingle precision/recall/F1 on the
  `\\w+` tokens, per-document normalised, averaged over documents (F1 from the
  mean P and R), plus exact token-sequence accuracy (scrapinghub evaluate.py).
- trafilatura-eval: `with`/`without` snippet precision/recall/F1 summed over
  the corpus, after whitespace normalisation.
- htmldate-eval: exact-day date precision/recall/F1 (htmldate's evaluation).
- defuddle: the same shingle F1, of the Markdown (or text when a tool gives no
  Markdown) against the expected Markdown body: a rough similarity only.
- every set: speed from the per-page `seconds` (pages/s, MB/s of decompressed
  HTML, median and p95 ms per page) and, as `cpu_*`, from `cpu_seconds` (the
  steadier measure on a shared machine), and the number of pages with an error.
Titles and dates are also compared exactly where the set has gold values.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    toks = TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def shingle_scores(pairs):
    """pairs: [(truth, prediction)] -> dict(precision, recall, f1, accuracy)."""
    precs, recs, acc = [], [], []
    for truth, pred in pairs:
        acc.append(TOKEN.findall(truth or "") == TOKEN.findall(pred or ""))
        t, p = shingles(truth), shingles(pred)
        tp = fp = fn = 0
        for key in t.keys() | p.keys():
            tc, pc = t.get(key, 0), p.get(key, 0)
            tp += min(tc, pc)
            fp += max(0, pc - tc)
            fn += max(0, tc - pc)
        total = tp + fp + fn
        if total == 0:
            continue
        tp, fp, fn = tp / total, fp / total, fn / total
        if fp == 0 and fn == 0:
            prec = rec = 1.0
        else:
            prec = 0.0 if tp == 0 and fp == 0 else tp / (tp + fp)
            rec = 0.0 if tp == 0 and fn == 0 else tp / (tp + fn)
        if tp + fp > 0:
            precs.append(prec)
        if tp + fn > 0:
            recs.append(rec)
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": sum(acc) / len(acc) if acc else 0.0}


def _ws(s: str) -> str:
    return " ".join(s.split())


def snippet_scores(rows):
    """rows: [(with, without, prediction)] -> corpus (micro) P/R/F1/accuracy."""
    tp = fp = fn = tn = 0
    for with_, without, pred in rows:
        out = _ws(pred or "")
        found_with = sum(1 for s in with_ if _ws(s) in out) if pred else 0
        found_without = sum(1 for s in without if _ws(s) in out) if pred else 0
        tp += found_with
        fn += len(with_) - found_with
        fp += found_without
        tn += len(without) - found_without
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0
    acc = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": acc}


def date_scores(rows):
    """rows: [(gold or None, predicted or None)] -> htmldate's P/R/F1/accuracy."""
    tp = fp = fn = tn = 0
    for gold, pred in rows:
        if pred is None:
            if gold is None:
                tn += 1
            fn += 1
        elif pred == gold:
            tp += 1
        else:
            fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0
    acc = (tp + tn) / (tp + tn + fp + fn) if tp + tn + fp + fn else 0.0
    return {"date_precision": p, "date_recall": r, "date_f1": f1, "date_accuracy": acc}


def exact_share(pairs):
    pairs = [(g, p) for g, p in pairs if g]
    if not pairs:
        return None
    return sum(1 for g, p in pairs if p is not None and _ws(p) == _ws(g)) / len(pairs)


def score(set_name, manifest, outputs, data_dir: Path):
    rows = [(m, outputs.get(m["id"], {})) for m in manifest]
    has_text = any(o.get("text") or o.get("markdown") for _, o in rows)
    metrics = {}
    text = lambda o: o.get("text") or o.get("markdown")  # noqa: E731
    if has_text:
        if set_name in ("scrapinghub", "mozilla-readability"):
            metrics.update(shingle_scores([(m.get("body", ""), text(o)) for m, o in rows]))
        elif set_name == "trafilatura-eval":
            metrics.update(snippet_scores([(m.get("with", []), m.get("without", []), text(o)) for m, o in rows]))
        elif set_name == "defuddle":
            pairs = []
            for m, o in rows:
                exp = (data_dir / set_name / m["expected_markdown_path"]).read_text(encoding="utf-8")
                pairs.append((exp, o.get("markdown") or o.get("text")))
            s = shingle_scores(pairs)
            metrics["markdown_shingle_f1"] = s["f1"]
    if any(o.get("date") for _, o in rows):  # tools that give no dates get no date score
        if set_name == "htmldate-eval":
            metrics.update(date_scores([(m.get("date"), o.get("date")) for m, o in rows]))
        else:
            share = exact_share([(m.get("date", "")[:10] if m.get("date") else None, o.get("date")) for m, o in rows])
            if share is not None:
                metrics["date_exact"] = share
    if any(o.get("title") for _, o in rows):
        share = exact_share([(m.get("title"), o.get("title")) for m, o in rows])
        if share is not None:
            metrics["title_exact"] = share
    return metrics


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=here / "out")
    ap.add_argument("--data", type=Path, default=here.parent.parent / "shared" / "data")
    ap.add_argument("--json", type=Path, default=None, help="write the scores here (pith-eval's JSON shape)")
    ap.add_argument("--tools", default="")
    ap.add_argument("--sets", default="")
    args = ap.parse_args()

    tools = [t for t in args.tools.split(",") if t] or sorted(
        p.name for p in args.out.iterdir() if p.is_dir() and not p.name.startswith(".")
    )
    systems = []
    manifests, sizes = {}, {}
    for tool in tools:
        for path in sorted((args.out / tool).glob("*.jsonl")):
            set_name = path.stem
            if args.sets and set_name not in args.sets.split(","):
                continue
            if set_name not in manifests:
                man = [json.loads(l) for l in open(args.data / set_name / "manifest.jsonl", encoding="utf-8") if l.strip()]
                manifests[set_name] = man
                sizes[set_name] = {
                    m["id"]: len(gzip.decompress((args.data / set_name / m["html_path"]).read_bytes())) for m in man
                }
            outputs = {}
            for line in open(path, encoding="utf-8"):
                if line.strip():
                    rec = json.loads(line)
                    outputs[rec["id"]] = rec
            man = manifests[set_name]
            secs = [outputs[m["id"]]["seconds"] for m in man if m["id"] in outputs]
            cpu = [outputs[m["id"]].get("cpu_seconds") for m in man if m["id"] in outputs]
            cpu = cpu if cpu and all(c is not None for c in cpu) else []
            total = sum(secs)
            cpu_total = sum(cpu)
            mb = sum(sizes[set_name][m["id"]] for m in man if m["id"] in outputs) / 1e6
            errors = sum(1 for o in outputs.values() if o.get("error"))
            metrics = score(set_name, man, outputs, args.data)
            systems.append(
                {
                    "system": tool,
                    "set": set_name,
                    "pages": len(secs),
                    "metrics": metrics,
                    "seconds": total,
                    "pages_per_s": len(secs) / total if total else None,
                    "mb_per_s": mb / total if total else None,
                    "p50_ms": statistics.median(secs) * 1000 if secs else None,
                    "p95_ms": sorted(secs)[int(0.95 * (len(secs) - 1))] * 1000 if secs else None,
                    "errors": errors,
                    "cpu_seconds": cpu_total if cpu else None,
                    "cpu_pages_per_s": len(cpu) / cpu_total if cpu and cpu_total else None,
                    "cpu_mb_per_s": mb / cpu_total if cpu and cpu_total else None,
                    "cpu_p50_ms": statistics.median(cpu) * 1000 if cpu else None,
                }
            )
            shown = " ".join(f"{k}={v:.3f}" for k, v in metrics.items())
            print(
                f"{tool:16s} {set_name:20s} {len(secs):4d} pages {len(secs) / total if total else 0:8.1f} p/s "
                f"{(len(cpu) / cpu_total if cpu and cpu_total else 0):8.1f} p/s-cpu "
                f"err={errors:3d} {shown}"
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        doc = {"generator": "bench/crosscheck.py (Python cross-check, not pith-eval)", "systems": systems}
        args.json.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
