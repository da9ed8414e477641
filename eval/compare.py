#!/usr/bin/env python3
"""Compare two --per-page files of pith-eval: per set and half, the mean
page score before and after, and the pages that moved.

    python3 eval/compare.py before.tsv after.tsv [--show N]

Only the study half's pages are listed (--show); the holdout half is
summarised, never shown page by page: it is for scoring, not for study.
"""
import sys
from collections import defaultdict

# Sets whose per-page score counts errors (snippets wrong, structure
# features mismatched): lower is better. Elsewhere higher is better.
LOWER_IS_BETTER = {"trafilatura-eval", "defuddle"}


def half_of(pid):
    """pith-eval's split (FNV-1a of the id, top bit), for older files."""
    h = 0xCBF29CE484222325
    for b in pid.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "study" if h >> 63 == 0 else "holdout"


def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3:
            continue
        s, pid, score = parts[:3]
        half = parts[3] if len(parts) > 3 else half_of(pid)
        rows[(s, pid)] = (float(score), half)
    return rows


def main():
    args = sys.argv[1:]
    show = 0
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i : i + 2]
    before, after = load(args[0]), load(args[1])
    groups = defaultdict(list)
    for key, (a, half) in after.items():
        b = before.get(key, (a, half))[0]
        gain = (b - a) if key[0] in LOWER_IS_BETTER else (a - b)
        groups[(key[0], half)].append((gain, key[1], b, a))
    print("(up: pages that got better; trafilatura-eval and defuddle count errors per page)")
    print(f"{'set':22} {'half':8} {'pages':>5} {'before':>7} {'after':>7} {'up':>4} {'down':>4}")
    for (s, half) in sorted(groups):
        g = groups[(s, half)]
        n = len(g)
        mb = sum(x[2] for x in g) / n
        ma = sum(x[3] for x in g) / n
        up = sum(1 for x in g if x[0] > 1e-4)
        down = sum(1 for x in g if x[0] < -1e-4)
        print(f"{s:22} {half:8} {n:5} {mb:7.4f} {ma:7.4f} {up:4} {down:4}")
    if show:
        moved = [
            (d, s, pid, b, a)
            for (s, half), g in groups.items()
            if half == "study"
            for (d, pid, b, a) in g
            if abs(d) > 1e-4
        ]
        moved.sort()
        for d, s, pid, b, a in moved[:show] + moved[-show:]:
            print(f"{d:+.3f} {s} {pid} {b:.3f} -> {a:.3f}")


if __name__ == "__main__":
    main()
