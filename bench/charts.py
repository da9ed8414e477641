#!/usr/bin/env python3
"""Charts (and, optionally, docs/benchmarks.md) from pith-eval's JSON.

    bench/.venv/bin/python bench/charts.py docs/benchmarks.json docs/img/ \
        [--fallback-json bench/out/crosscheck.json] [--tables bench/out/pith-eval.md] \
        [--doc docs/benchmarks.md] [--metric SET=NAME ...]

Input: {"systems": [{"system", "set", "pages", "metrics": {name: value},
"seconds", "pages_per_s", "mb_per_s", "p50_ms", ...}]} as written by
`pith-eval --json`. When that file is missing, --fallback-json (the Python
cross-check of bench/crosscheck.py, same shape) is used instead and the doc
says so.

Writes into the image folder:
- accuracy_by_set.png: the headline accuracy metric of every system on every
  set, grouped bars;
- scrapinghub_f1_vs_speed.png: scrapinghub F1 against pages/s, log x.
With --doc, writes the Markdown page: a header (what, how, machine, versions,
how to regenerate), the tables (pith-eval's Markdown from --tables when that
file exists, else tables built here from the JSON), and the two images.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

SET_ORDER = ["scrapinghub", "trafilatura-eval", "mozilla-readability", "defuddle", "htmldate-eval"]

# Which metric is the headline "accuracy" of a set, by preference. pith-eval's
# names are tried first in the usual spellings; override with --metric.
HEADLINE = {
    "scrapinghub": ["f1", "body_f1", "text_f1", "shingle_f1", "content_f1"],
    "trafilatura-eval": ["f1", "snippet_f1", "text_f1", "body_f1"],
    "mozilla-readability": ["f1", "body_f1", "text_f1", "shingle_f1"],
    "defuddle": ["text_f1", "markdown_shingle_f1", "markdown_f1", "f1"],
    "htmldate-eval": ["date_f1", "f1"],
}
HEADLINE_LABEL = {
    "scrapinghub": "body F1 (4-word shingles)",
    "trafilatura-eval": "snippet F1",
    "mozilla-readability": "body F1 (4-word shingles)",
    "defuddle": "text F1 of the Markdown (4-word shingles)",
    "htmldate-eval": "date F1 (exact day)",
}
# labels for metric names that are not the set's usual one
METRIC_LABEL = {"markdown_shingle_f1": "Markdown 4-word-shingle F1"}
SPEED_KEYS = ("pages", "seconds", "pages_per_s", "mb_per_s", "p50_ms", "p95_ms", "p99_ms", "errors")

PEER_INFO = [
    # (system dir name, what is called, language)
    ("trafilatura", "`extract(html, url=url, include_comments=False, include_tables=True, output_format='txt')` and its metadata, in one call (`extract_with_metadata`)", "Python"),
    ("readability-lxml", "`Document(html, url=url).summary()`, text of that HTML via lxml with a line break per block; `title()`", "Python"),
    ("newspaper4k", "`Article(url, fetch_images=False, follow_meta_refresh=False)`, `download(input_html=html)`, `parse()`", "Python"),
    ("goose3", "`Goose({'enable_image_fetching': False}).extract(url=url, raw_html=html)`: `cleaned_text`", "Python"),
    ("justext", "`justext(html, stoplist)`, paragraphs not boilerplate, stoplist = union of all its languages (as trafilatura's fallback does)", "Python"),
    ("boilerpy3", "`ArticleExtractor().get_doc(html)`: `content`, `title`", "Python"),
    ("resiliparse", "`extract_plain_text(HTMLTree.parse(html), main_content=True)`, `tree.title`", "Python"),
    ("htmldate", "`find_date(html, original_date=True, extensive_search=True)`: dates only", "Python"),
    ("readability-js", "`new Readability(new JSDOM(html, {url}).window.document).parse()`: `textContent`, `title`, `byline`, `siteName`, `publishedTime`", "Node.js"),
    ("defuddle", "`Defuddle(parseHTML(html).document, url, {separateMarkdown: true, useAsync: false})` from `defuddle/node` with linkedom: `contentMarkdown`, text of `content`", "Node.js"),
]
PY_PACKAGES = {
    "trafilatura": "trafilatura", "readability-lxml": "readability-lxml", "newspaper4k": "newspaper4k",
    "goose3": "goose3", "justext": "justext", "boilerpy3": "boilerpy3", "resiliparse": "resiliparse",
    "htmldate": "htmldate",
}
NODE_PACKAGES = {"readability-js": "@mozilla/readability", "defuddle": "defuddle"}


def metric_label(set_name: str, keys) -> str:
    keys = list(keys)
    if len(keys) == 1 and keys[0] in METRIC_LABEL:
        return METRIC_LABEL[keys[0]]
    return HEADLINE_LABEL.get(set_name, ", ".join(keys))


def headline_key(set_name: str, metrics: dict, overrides: dict) -> str | None:
    if set_name in overrides:
        return overrides[set_name] if overrides[set_name] in metrics else None
    for key in HEADLINE.get(set_name, ["f1"]):
        if key in metrics and isinstance(metrics[key], (int, float)):
            return key
    want_date = set_name == "htmldate-eval"
    for key, value in metrics.items():
        if not isinstance(value, (int, float)):
            continue
        if "f1" in key and (("date" in key) == want_date) and "title" not in key and "author" not in key:
            return key
    return None


def load(path: Path, fallback: Path | None):
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8")), str(path)
    if fallback and fallback.is_file():
        return json.loads(fallback.read_text(encoding="utf-8")), str(fallback)
    raise SystemExit(f"neither {path} nor {fallback} exists: run bench/run.sh first")


def ordered_sets(rows):
    seen = {r["set"] for r in rows} - {"all"}
    return [s for s in SET_ORDER if s in seen] + sorted(seen - set(SET_ORDER))


def ordered_systems(rows):
    seen = []
    for r in rows:
        if r["system"] not in seen:
            seen.append(r["system"])
    # pith first, then by name
    return sorted(seen, key=lambda s: (not s.lower().startswith("pith"), s.lower()))


def headline_table(rows, overrides):
    """{(system, set): (value, key)} for the rows that have a headline metric.

    A value of exactly 0 is left out: it is a system that does not produce
    what the set scores (no text, or no dates), not a measured failure.
    """
    out = {}
    for r in rows:
        if r["set"] == "all":
            continue
        key = headline_key(r["set"], r.get("metrics") or {}, overrides)
        if key is not None and float(r["metrics"][key]) != 0.0:
            out[(r["system"], r["set"])] = (float(r["metrics"][key]), key)
    return out


def colour_map(systems):
    cmap = plt.get_cmap("tab20")
    colours = {}
    i = 0
    for s in systems:
        if s.lower().startswith("pith"):
            colours[s] = "#d62728"
        else:
            c = cmap(i % 20)
            if c[:3] == cmap(6)[:3]:  # tab20's red pair: keep red for pith
                i += 2
                c = cmap(i % 20)
            colours[s] = c
            i += 1
    return colours


def chart_accuracy(rows, overrides, out_png: Path, colours):
    sets = ordered_sets(rows)
    systems = ordered_systems(rows)
    head = headline_table(rows, overrides)
    systems = [s for s in systems if any((s, st) in head for st in sets)]
    if not systems:
        return False
    fig, ax = plt.subplots(figsize=(max(11, 2.8 * len(sets)), 6), dpi=110)
    # each set's group holds only the systems scored on it, centred on the tick
    slot = 0.84 / max(sum(1 for s in systems if (s, st) in head) for st in sets)
    drawn = set()
    for j, st in enumerate(sets):
        present = [s for s in systems if (s, st) in head]
        left = j - slot * len(present) / 2
        for i, system in enumerate(present):
            x = left + slot * (i + 0.5)
            y = head[(system, st)][0]
            is_pith = system.lower().startswith("pith")
            ax.bar([x], [y], width=slot * 0.92, color=colours[system],
                   label=system if system not in drawn else None,
                   edgecolor="black" if is_pith else "none", linewidth=0.8)
            drawn.add(system)
            ax.text(x, y + 0.01, f"{y:.2f}", rotation=90, ha="center", va="bottom", fontsize=6.5)
    ax.set_xticks(range(len(sets)))
    labels = []
    for st in sets:
        keys = sorted({head[(s, st)][1] for s in systems if (s, st) in head})
        labels.append(f"{st}\n{metric_label(st, keys)}")
    ax.set_xticklabels(labels, fontsize=8)
    ax.set_ylim(0, 1.08)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_ylabel("score (higher is better)")
    ax.set_title("Accuracy per evaluation set (each set's standard metric; "
                 "a system that gives no text or no date for a set has no bar there)", fontsize=10)
    ax.grid(axis="y", alpha=0.3)
    handles, labels_ = ax.get_legend_handles_labels()
    order = [labels_.index(s) for s in systems if s in labels_]
    ax.legend([handles[i] for i in order], [labels_[i] for i in order], ncol=min(6, len(systems)), fontsize=8,
              loc="upper center", bbox_to_anchor=(0.5, -0.14), frameon=False)
    fig.tight_layout()
    fig.savefig(out_png)
    plt.close(fig)
    return True


def speed_key(rows, wanted: str) -> str:
    """pages/s field for the speed chart: CPU-time based when every row has it."""
    if wanted != "auto":
        return wanted
    sh = [r for r in rows if r["set"] == "scrapinghub"]
    if sh and all(r.get("cpu_pages_per_s") for r in sh):
        return "cpu_pages_per_s"
    return "pages_per_s"


def chart_speed(rows, overrides, out_png: Path, skey: str, colours):
    pts = []
    for r in rows:
        if r["set"] != "scrapinghub" or not r.get(skey):
            continue
        key = headline_key("scrapinghub", r.get("metrics") or {}, overrides)
        if key is None or float(r["metrics"][key]) == 0.0:  # no text (e.g. htmldate)
            continue
        pts.append((r["system"], float(r[skey]), float(r["metrics"][key])))
    if not pts:
        return False
    fig, ax = plt.subplots(figsize=(9, 5.5), dpi=110)
    placed = []
    for name, speed, f1 in sorted(pts, key=lambda p: p[1]):
        is_pith = name.lower().startswith("pith")
        ax.scatter([speed], [f1], s=90 if is_pith else 55, color=colours[name],
                   edgecolor="black", linewidth=0.8 if is_pith else 0.3, zorder=3)
        # a label close to an earlier one goes below its point
        crowded = any(abs(f1 - y) < 0.012 and 0.6 < speed / x < 1.7 for x, y in placed)
        ax.annotate(name, (speed, f1), textcoords="offset points", xytext=(6, -12 if crowded else 4),
                    fontsize=8, fontweight="bold" if is_pith else "normal")
        placed.append((speed, f1))
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    lo = min(p[2] for p in pts)
    ax.set_ylim(max(0.0, min(0.8, lo - 0.03)), 1.0)
    ax.set_xlabel("pages per second, one thread, log scale"
                  + (" (by CPU time of the call)" if skey.startswith("cpu") else " (by wall-clock time of the call)"))
    ax.set_ylabel("scrapinghub F1")
    ax.set_title("Accuracy against speed on scrapinghub (181 pages)")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_png)
    plt.close(fig)
    return True


# ---------------------------------------------------------------------------
# tables


def fmt_speed(value):
    if value is None:
        return ""
    if isinstance(value, int):
        return f"{value:,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:.1f}"
    return f"{value:.2f}"


def fmt(value, digits=3):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.{digits}f}"
    return str(value)


def tables_from_json(rows, overrides) -> str:
    sets = ordered_sets(rows)
    systems = ordered_systems(rows)
    head = headline_table(rows, overrides)
    by = {(r["system"], r["set"]): r for r in rows}
    lines = ["## Summary", ""]
    lines.append("Headline metric of each set (see the per-set tables), and speed over all the pages a system ran.")
    lines.append("")
    has_cpu = any(r.get("cpu_seconds") for r in rows)
    cols = ["system"] + [
        f"{st}<br>{metric_label(st, sorted({head[(s, st)][1] for s in systems if (s, st) in head}))}" for st in sets
    ] + ["pages", "pages/s", "MB/s"]
    if has_cpu:
        cols.append("pages/s by CPU time")
    lines.append("| " + " | ".join(cols) + " |")
    lines.append("| " + " | ".join(["---"] + ["---:"] * (len(cols) - 1)) + " |")
    for system in systems:
        cells = [system]
        for st in sets:
            cells.append(fmt(head[(system, st)][0]) if (system, st) in head else "")
        runs = [by[(system, st)] for st in sets if (system, st) in by]
        pages = sum(r.get("pages") or 0 for r in runs)
        secs = sum(r.get("seconds") or 0 for r in runs)
        mbs = [(r.get("mb_per_s") or 0) * (r.get("seconds") or 0) for r in runs]
        cells += [fmt(pages), fmt_speed(pages / secs) if secs else "", fmt_speed(sum(mbs) / secs) if secs else ""]
        if has_cpu:
            cpu = sum(r.get("cpu_seconds") or 0 for r in runs)
            cells.append(fmt_speed(pages / cpu) if cpu and all(r.get("cpu_seconds") for r in runs) else "")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for st in sets:
        srows = [by[(s, st)] for s in systems if (s, st) in by]
        keys = []
        for r in srows:
            for k, v in (r.get("metrics") or {}).items():
                if k not in keys and isinstance(v, (int, float)):
                    keys.append(k)
        speed = [k for k in ("pages_per_s", "mb_per_s", "p50_ms", "p95_ms", "cpu_pages_per_s", "cpu_p50_ms", "errors")
                 if any(r.get(k) is not None for r in srows)]
        lines += [f"## {st}", ""]
        cols = ["system", "pages"] + keys + [k.replace("_per_s", "/s").replace("_", " ") for k in speed]
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("| " + " | ".join(["---"] + ["---:"] * (len(cols) - 1)) + " |")
        for r in srows:
            m = r.get("metrics") or {}
            cells = [r["system"], fmt(r.get("pages"))] + [fmt(m.get(k)) for k in keys] + [
                fmt(r.get(k)) if k == "errors" else fmt_speed(r.get(k)) for k in speed]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# header


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Linux {platform.release()}"


def py_version(pkg: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(pkg)
    except PackageNotFoundError:
        return "not installed"


def node_version(bench_dir: Path, pkg: str) -> str:
    p = bench_dir / "node_modules" / pkg / "package.json"
    try:
        return json.loads(p.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "not installed"


def tool_cmd_version(cmd) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"


def pith_revision(root: Path) -> str:
    """Commit pith-eval ran at (run.sh notes it), else the repository's now."""
    noted = root / "bench" / "out" / "pith-revision.txt"
    if noted.is_file() and noted.read_text(encoding="utf-8").strip():
        return noted.read_text(encoding="utf-8").strip()
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                             text=True, timeout=20).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "crates", "Cargo.lock"], cwd=root,
                               capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "an unknown commit"
    if not rev:
        return "an unknown commit"
    return f"commit {rev}" + (" with uncommitted changes in crates/" if dirty else "")


def header(source: str, used_fallback: bool, rows, bench_dir: Path, notes_path: Path | None) -> str:
    systems = ordered_systems(rows)
    ran = {r["system"] for r in rows}
    peer_rows = []
    for name, call, lang in PEER_INFO:
        ver = py_version(PY_PACKAGES[name]) if name in PY_PACKAGES else node_version(bench_dir, NODE_PACKAGES[name])
        status = "" if name in ran else " (no output)"
        peer_rows.append(f"| {name}{status} | {ver} | {lang} | {call} |")
    jsdom = node_version(bench_dir, "jsdom")
    linkedom = node_version(bench_dir, "linkedom")
    today = dt.date.today().isoformat()
    parts = [
        "# Benchmarks: pith and its peers on the same pages",
        "",
        "pith and other main-content extractors run over the same public evaluation sets "
        "(scrapinghub, trafilatura-eval, mozilla-readability, defuddle, htmldate-eval; ~1,660 pages), "
        "and every output is scored by the same metric code, "
        + ("`pith-eval` (crates/pith-eval)." if not used_fallback else
           "here the Python cross-check `bench/crosscheck.py`, because `pith-eval`'s JSON was not available "
           "when this page was generated (pith itself is then missing from the tables)."),
        "",
        "## How",
        "",
        "- Each peer runs in its own process, one process per tool and set, one thread, one run at a time. "
        "All pages of a set are decompressed and decoded to text in memory first (UTF-8 if valid, else the declared "
        "charset, else windows-1252), one untimed warm-up call is made, then only the extraction call of each page is "
        "timed (DOM parsing included; interpreter start-up, file reading and output writing not).",
        "- Each tool runs with its ordinary article-extraction settings, no network:",
        "",
        "| system | version | runtime | call |",
        "| --- | --- | --- | --- |",
        *peer_rows,
        "",
        f"- DOM for the Node.js tools: jsdom {jsdom} (Readability.js), linkedom {linkedom} (defuddle, as in its "
        "README and its own tests; with jsdom it ran at under 2 pages/s here).",
        "- A page whose call raises is scored as an empty output, and counted under `errors`.",
        "- Scores: each set's standard metric (see `shared/data/<set>/SOURCE.md`): scrapinghub and "
        "mozilla-readability body F1 on 4-word shingles averaged per page; trafilatura-eval `with`/`without` "
        "snippet F1 summed over the corpus; htmldate-eval exact-day date F1; defuddle: 4-word-shingle F1 of the "
        "Markdown's text against the expected Markdown (pith-eval also reports Markdown structure matches there).",
        f"- Machine: {machine_line()}; Python {platform.python_version()}, "
        f"Node.js {tool_cmd_version(['node', '--version']).lstrip('v')}. Measured {today}. The machine is shared, "
        "so wall-clock speeds move with the load of the moment (noted per run in `bench/out/runs.log`); speeds by CPU time, where shown, much less.",
        f"- Scores from: `{source}`; pith at {pith_revision(bench_dir.parent)}.",
        "",
        "Regenerate everything (installs the peers into `bench/.venv` and `bench/node_modules`, runs the missing "
        "outputs, scores, draws and rewrites this page): `bench/run.sh` (add `--force` to rerun every peer, "
        "`--tools a,b` / `--sets x,y` for a part).",
        "",
    ]
    if notes_path and notes_path.is_file():
        parts += ["## Notes", "", notes_path.read_text(encoding="utf-8").strip(), ""]
    parts += [
        "![accuracy per set](img/accuracy_by_set.png)",
        "",
        "![scrapinghub F1 against pages/s](img/scrapinghub_f1_vs_speed.png)",
        "",
    ]
    _ = systems
    return "\n".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("json", type=Path)
    ap.add_argument("img_dir", type=Path)
    ap.add_argument("--fallback-json", type=Path)
    ap.add_argument("--tables", type=Path, help="pith-eval's Markdown tables, used in the doc when present")
    ap.add_argument("--doc", type=Path, help="write the benchmark page here")
    ap.add_argument("--notes", type=Path, default=Path(__file__).resolve().parent / "NOTES.md",
                    help="extra notes for the doc (install failures, caveats)")
    ap.add_argument("--metric", action="append", default=[], help="SET=METRIC: headline metric of a set")
    ap.add_argument("--speed-key", default="auto",
                    help="pages/s field of the speed chart (default: cpu_pages_per_s when present, else pages_per_s)")
    args = ap.parse_args()

    overrides = dict(m.split("=", 1) for m in args.metric)
    data, source = load(args.json, args.fallback_json)
    rows = data.get("systems") or []
    used_fallback = Path(source).resolve() != args.json.resolve()
    args.img_dir.mkdir(parents=True, exist_ok=True)
    colours = colour_map(ordered_systems(rows))
    ok1 = chart_accuracy(rows, overrides, args.img_dir / "accuracy_by_set.png", colours)
    ok2 = chart_speed(rows, overrides, args.img_dir / "scrapinghub_f1_vs_speed.png", speed_key(rows, args.speed_key), colours)
    print(f"charts from {source}: accuracy_by_set={'ok' if ok1 else 'no data'}, "
          f"scrapinghub_f1_vs_speed={'ok' if ok2 else 'no data'}")

    if args.doc:
        bench_dir = Path(__file__).resolve().parent
        root = bench_dir.parent
        rel_source = os.path.relpath(source, root)
        if args.tables and args.tables.is_file() and not used_fallback:
            tables = args.tables.read_text(encoding="utf-8").strip()
            # one level down, so the page keeps its one H1
            tables = re.sub(r"^(#+) ", r"#\1 ", tables, flags=re.M)
        else:
            tables = tables_from_json(rows, overrides)
        doc = header(rel_source, used_fallback, rows, bench_dir, args.notes) + "\n" + tables.rstrip() + "\n"
        # The hostile-pages table is measured by its own binary, the
        # Markdown fidelity table by pith-eval before and after a change (see
        # each file); both are kept on the page across runs of this script.
        for extra in ("hostile.md", "fidelity.md", "page-types.md"):
            part = root / "docs" / extra
            if part.is_file():
                doc += "\n" + part.read_text(encoding="utf-8").strip() + "\n"
        args.doc.parent.mkdir(parents=True, exist_ok=True)
        args.doc.write_text(doc, encoding="utf-8")
        print(f"wrote {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
