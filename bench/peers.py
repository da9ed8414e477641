#!/usr/bin/env python3
"""Run one Python peer extractor over one evaluation set and write its outputs.

    python bench/peers.py --tool trafilatura --set scrapinghub \
        --data ../shared/data --out bench/out

All pages of the set are read and decompressed into memory first and decoded
to text (the same decoder as bench/peers.mjs: UTF-8 if valid, else the
charset declared in the page, else windows-1252). Only the tool's own call is
timed (time.perf_counter around it), one page at a time, in this one process,
one thread. One untimed warm-up call on the first page runs before the timed
loop so that lazy imports and caches are not charged to the first page.

Output: <out>/<tool>/<set>.jsonl, one JSON object per page:
    {"id", "text", "markdown", "title", "authors", "date", "site_name",
     "seconds", "error", "cpu_seconds"}
where seconds is the wall-clock time of the call and cpu_seconds the CPU time
of this process during it (the machine may be shared: the CPU time is the
steadier of the two)
written to a temporary file and renamed at the end, so an interrupted run
leaves no output behind.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

PER_PAGE_TIMEOUT_S = 120  # a page that takes longer is recorded as an error

# ---------------------------------------------------------------------------
# input


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)


def decode_html(raw: bytes) -> str:
    """UTF-8 (with or without BOM) if valid, else the declared charset, else cp1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(raw[:4096])
    if m:
        label = m.group(1).decode("ascii", "replace").lower()
        if label in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            label = "cp1252"  # as browsers do (WHATWG encoding labels)
        try:
            return raw.decode(label, errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def load_set(data_dir: Path, set_name: str):
    pages = []
    with open(data_dir / set_name / "manifest.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            entry = json.loads(line)
            raw = gzip.decompress((data_dir / set_name / entry["html_path"]).read_bytes())
            pages.append((entry["id"], entry.get("url") or None, decode_html(raw), len(raw)))
    return pages


# ---------------------------------------------------------------------------
# output normalisation (outside the timed call)

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def norm_date(value) -> str | None:
    """Return YYYY-MM-DD, or None when the value is empty or not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()[:10]
    s = str(value).strip()
    if _ISO_DAY.match(s):
        return s[:10]
    try:  # e.g. goose3 may hand back the raw meta value
        from dateutil import parser as dparser

        return dparser.parse(s).date().isoformat()
    except Exception:
        return None


def norm_str(value) -> str | None:
    if isinstance(value, (list, tuple)):  # e.g. a repeated og:site_name
        value = next((v for v in value if v and str(v).strip()), None)
    if value is None:
        return None
    s = str(value).strip()
    return s or None


def norm_authors(value) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    out = [a.strip() for a in value if a and str(a).strip()]
    return out or None


# ---------------------------------------------------------------------------
# the tools: each builder returns (extract(html, url) -> dict, version)


def _lxml_block_text(html_fragment: str) -> str:
    """Text of an HTML fragment with a line break after every block element."""
    import lxml.html

    if not html_fragment or not html_fragment.strip():
        return ""
    root = lxml.html.fromstring(html_fragment)
    for el in root.iter(_BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
    for el in root.iter("td", "th"):
        el.tail = " " + (el.tail or "")
    text = root.text_content()
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{2,}", "\n", text)
    return text.strip()


_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "section", "article", "header",
    "footer", "figure", "figcaption", "dl", "dt", "dd", "hr", "main", "aside",
)


def tool_trafilatura():
    import trafilatura
    from trafilatura.core import extract_with_metadata
    from trafilatura.utils import normalize_unicode
    from trafilatura.xml import xmltotxt

    def run(html, url):
        # One call = extract(html, url=url, include_comments=False,
        # include_tables=True, output_format="txt") plus the metadata
        # (title/author/date/sitename) that extract_metadata adds.
        doc = extract_with_metadata(
            html, url=url, include_comments=False, include_tables=True, output_format="txt"
        )
        if doc is None:
            return {}
        # doc.text carries a YAML metadata header in front; the body alone is
        # exactly what extract(..., output_format="txt") returns.
        text = normalize_unicode(xmltotxt(doc.body, False))
        return {
            "text": text,
            "title": doc.title,
            "authors": doc.author.split("; ") if doc.author else None,
            "date": doc.date,
            "site_name": doc.sitename,
        }

    return run, _pkg_version("trafilatura")


def tool_readability_lxml():
    from readability import Document
    import readability

    def run(html, url):
        doc = Document(html, url=url)
        summary = doc.summary(html_partial=True)
        return {"text": _lxml_block_text(summary), "title": doc.title()}

    return run, _pkg_version("readability-lxml")


def tool_newspaper4k():
    import newspaper
    from newspaper import Article

    def run(html, url):
        art = Article(url or "http://localhost/", fetch_images=False, follow_meta_refresh=False)
        art.download(input_html=html)
        art.parse()
        return {
            "text": art.text,
            "title": art.title,
            "authors": list(art.authors),
            "date": art.publish_date,
            "site_name": art.meta_site_name,
        }

    return run, _pkg_version("newspaper4k")


def tool_goose3():
    import goose3
    from goose3 import Goose

    g = Goose({"enable_image_fetching": False, "http_timeout": 1})

    def run(html, url):
        art = g.extract(url=url, raw_html=html)
        og = art.opengraph or {}
        return {
            "text": art.cleaned_text,
            "title": art.title,
            "authors": list(art.authors or []),
            "date": art.publish_date,
            "site_name": og.get("site_name"),
        }

    return run, _pkg_version("goose3")


def tool_justext():
    import justext

    # jusText needs a stop-word list; the sets are multilingual, so use the
    # union of all its lists (as trafilatura does for its jusText fallback).
    stoplist = frozenset().union(*(justext.get_stoplist(lang) for lang in justext.get_stoplists()))

    def run(html, url):
        paragraphs = justext.justext(html, stoplist)
        text = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return {"text": text}

    return run, _pkg_version("justext")


def tool_boilerpy3():
    from boilerpy3 import extractors

    extractor = extractors.ArticleExtractor()

    def run(html, url):
        doc = extractor.get_doc(html)
        return {"text": doc.content, "title": doc.title}

    return run, _pkg_version("boilerpy3")


def tool_resiliparse():
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(html, url):
        tree = HTMLTree.parse(html)
        text = extract_plain_text(tree, main_content=True)
        return {"text": text, "title": tree.title}

    return run, _pkg_version("resiliparse")


def tool_htmldate():
    import htmldate
    from htmldate import find_date

    def run(html, url):
        # dates only; the settings of htmldate's own "extensive" evaluation
        return {"date": find_date(html, original_date=True, extensive_search=True)}

    return run, _pkg_version("htmldate")


def _pkg_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


TOOLS = {
    "trafilatura": tool_trafilatura,
    "readability-lxml": tool_readability_lxml,
    "newspaper4k": tool_newspaper4k,
    "goose3": tool_goose3,
    "justext": tool_justext,
    "boilerpy3": tool_boilerpy3,
    "resiliparse": tool_resiliparse,
    "htmldate": tool_htmldate,
}


# ---------------------------------------------------------------------------


class PageTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise PageTimeout(f"timeout after {PER_PAGE_TIMEOUT_S}s")


def record(page_id, result, seconds, error):
    result = result or {}
    text = result.get("text")
    return {
        "id": page_id,
        "text": text if text else None,
        "markdown": result.get("markdown") or None,
        "title": norm_str(result.get("title")),
        "authors": norm_authors(result.get("authors")),
        "date": norm_date(result.get("date")),
        "site_name": norm_str(result.get("site_name")),
        "seconds": seconds,
        "error": error,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tool", required=True, choices=sorted(TOOLS))
    ap.add_argument("--set", required=True, dest="set_name")
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (testing)")
    args = ap.parse_args()

    import logging

    logging.disable(logging.CRITICAL)  # the tools log a lot at WARNING; it costs time

    pages = load_set(args.data, args.set_name)
    if args.limit:
        pages = pages[: args.limit]
    run, version = TOOLS[args.tool]()

    signal.signal(signal.SIGALRM, _on_alarm)
    try:  # untimed warm-up
        run(pages[0][2], pages[0][1])
    except Exception:
        pass

    out_dir = args.out / args.tool
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"{args.set_name}.jsonl"
    tmp = out_dir / f".{args.set_name}.jsonl.tmp"
    total = 0.0
    cpu_total = 0.0
    errors = 0
    load_before = os.getloadavg()[0]
    with open(tmp, "w", encoding="utf-8") as fh:
        for page_id, url, html, _size in pages:
            result, error = None, None
            signal.alarm(PER_PAGE_TIMEOUT_S)
            c0 = time.process_time()
            t0 = time.perf_counter()
            try:
                result = run(html, url)
            except BaseException as exc:  # noqa: BLE001 - record anything the tool raises
                if isinstance(exc, KeyboardInterrupt):
                    raise
                error = f"{type(exc).__name__}: {exc}"
                cause = exc.__cause__ or exc.__context__
                if cause is not None:
                    error += f" (from {type(cause).__name__}: {cause})"
                error = error[:500]
            seconds = time.perf_counter() - t0
            cpu_seconds = time.process_time() - c0
            signal.alarm(0)
            total += seconds
            try:
                rec = record(page_id, result, seconds, error)
            except Exception as exc:  # noqa: BLE001
                rec = record(page_id, None, seconds, f"output: {type(exc).__name__}: {exc}"[:500])
            rec["cpu_seconds"] = cpu_seconds
            cpu_total += cpu_seconds
            errors += rec["error"] is not None
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    os.replace(tmp, final)
    n = len(pages)
    print(
        f"{args.tool} {version} {args.set_name}: {n} pages, {total:.2f} s extraction, "
        f"{n / total if total else 0:.1f} pages/s ({n / cpu_total if cpu_total else 0:.1f} by CPU time), "
        f"{errors} errors, load {load_before:.1f}->{os.getloadavg()[0]:.1f} -> {final}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
