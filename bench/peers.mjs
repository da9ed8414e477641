// Run one Node.js peer extractor over one evaluation set and write its outputs.
//
//   node bench/peers.mjs --tool readability-js --set scrapinghub \
//        --data ../shared/data --out bench/out
//
// Same protocol as bench/peers.py: all pages of the set are decompressed into
// memory and decoded to text first (UTF-8 if valid, else the declared charset,
// else windows-1252), one untimed warm-up call, then only the extraction is
// timed (DOM parsing included: JSDOM for Readability.js, linkedom for defuddle),
// one page at a time, in this one process. Output rows: {"id", "text",
// "markdown", "title", "authors", "date", "site_name", "seconds", "error",
// "cpu_seconds"}: wall-clock time of the call, and the process's CPU time
// during it (V8's helper threads included).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { parseHTML } from 'linkedom';

function parseArgs(argv) {
  const args = { limit: 0 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--tool') { args.tool = v; i++; }
    else if (k === '--set') { args.set = v; i++; }
    else if (k === '--data') { args.data = v; i++; }
    else if (k === '--out') { args.out = v; i++; }
    else if (k === '--limit') { args.limit = Number(v); i++; }
    else throw new Error(`unknown argument ${k}`);
  }
  for (const k of ['tool', 'set', 'data', 'out']) {
    if (!args[k]) throw new Error(`missing --${k}`);
  }
  return args;
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i;

function decodeHtml(buf) {
  let bytes = buf;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch { /* not UTF-8 */ }
  const head = bytes.subarray(0, 4096).toString('latin1');
  const m = META_CHARSET.exec(head);
  if (m) {
    try {
      return new TextDecoder(m[1].toLowerCase()).decode(bytes);
    } catch { /* unknown label */ }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

function loadSet(dataDir, setName) {
  const dir = path.join(dataDir, setName);
  const lines = fs.readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8').split('\n');
  const pages = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const e = JSON.parse(line);
    const raw = zlib.gunzipSync(fs.readFileSync(path.join(dir, e.html_path)));
    pages.push({ id: e.id, url: e.url || null, html: decodeHtml(raw) });
  }
  return pages;
}

// JSDOM needs an absolute URL; the manifests give one for every page.
function safeUrl(url) {
  try {
    return new URL(url).href;
  } catch {
    return 'http://localhost/';
  }
}

const quietConsole = new VirtualConsole(); // drop CSS/script warnings

const TOOLS = {
  'readability-js': {
    pkg: '@mozilla/readability',
    async run(html, url) {
      const dom = new JSDOM(html, { url: safeUrl(url), virtualConsole: quietConsole });
      try {
        const art = new Readability(dom.window.document).parse();
        if (!art) return {};
        return {
          text: art.textContent,
          title: art.title,
          authors: art.byline ? [art.byline] : null,
          date: art.publishedTime,
          site_name: art.siteName,
        };
      } finally {
        dom.window.close();
      }
    },
  },
  defuddle: {
    pkg: 'defuddle',
    async run(html, url) {
      const u = safeUrl(url);
      // linkedom, as in defuddle's README and its own fixture tests (with
      // JSDOM it ran at under 2 pages/s here, most of it in style lookups).
      const { document } = parseHTML(html);
      // separateMarkdown: content stays HTML (for the text) and
      // contentMarkdown is the Markdown; useAsync off: no network fetches.
      const res = await Defuddle(document, u, { separateMarkdown: true, useAsync: false });
      return {
        html: res.content,
        markdown: res.contentMarkdown ?? null,
        title: res.title,
        authors: res.author ? [res.author] : null,
        date: res.published,
        site_name: res.site,
      };
    },
  },
};

const BLOCK = new Set([
  'P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE',
  'PRE', 'TABLE', 'TR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION',
  'DL', 'DT', 'DD', 'HR', 'MAIN', 'ASIDE',
]);

// Plain text of an HTML fragment, a line break after each block element
// (used outside the timed call, to give defuddle's HTML content as text).
function blockText(html) {
  if (!html) return null;
  const frag = JSDOM.fragment(html);
  const parts = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) parts.push(child.data);
      else if (child.nodeType === 1) {
        const tag = child.tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        walk(child);
        if (tag === 'TD' || tag === 'TH') parts.push(' ');
        else if (BLOCK.has(tag)) parts.push('\n');
      }
    }
  };
  walk(frag);
  return parts.join('')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function normDate(v) {
  if (v === null || v === undefined || v === '') return null;
  const s = String(v).trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  const d = new Date(s);
  if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
  return null;
}

function normStr(v) {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s || null;
}

function normAuthors(v) {
  if (!v) return null;
  const out = v.map((a) => String(a).trim()).filter(Boolean);
  return out.length ? out : null;
}

function pkgVersion(name) {
  const p = path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', name, 'package.json');
  return JSON.parse(fs.readFileSync(p, 'utf8')).version;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const tool = TOOLS[args.tool];
  if (!tool) throw new Error(`unknown tool ${args.tool}; known: ${Object.keys(TOOLS).join(', ')}`);
  let pages = loadSet(args.data, args.set);
  if (args.limit) pages = pages.slice(0, args.limit);

  try { await tool.run(pages[0].html, pages[0].url); } catch { /* warm-up */ }

  const outDir = path.join(args.out, args.tool);
  fs.mkdirSync(outDir, { recursive: true });
  const finalPath = path.join(outDir, `${args.set}.jsonl`);
  const tmpPath = path.join(outDir, `.${args.set}.jsonl.tmp`);
  const fd = fs.openSync(tmpPath, 'w');
  let total = 0;
  let cpuTotal = 0;
  let errors = 0;
  const loadBefore = os.loadavg()[0];
  for (const page of pages) {
    let result = null;
    let error = null;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    try {
      result = await tool.run(page.html, page.url);
    } catch (e) {
      error = `${e && e.name ? e.name : 'Error'}: ${e && e.message ? e.message : e}`.slice(0, 500);
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cu = process.cpuUsage(c0);
    const cpuSeconds = (cu.user + cu.system) / 1e6;
    total += seconds;
    cpuTotal += cpuSeconds;
    result = result || {};
    let text = result.text ?? null;
    if (text === null && result.html) {
      try { text = blockText(result.html); } catch { text = null; }
    }
    const rec = {
      id: page.id,
      text: text || null,
      markdown: result.markdown || null,
      title: normStr(result.title),
      authors: normAuthors(result.authors),
      date: normDate(result.date),
      site_name: normStr(result.site_name),
      seconds,
      error,
      cpu_seconds: cpuSeconds,
    };
    if (error) errors++;
    fs.writeSync(fd, JSON.stringify(rec) + '\n');
  }
  fs.closeSync(fd);
  fs.renameSync(tmpPath, finalPath);
  const n = pages.length;
  console.log(`${args.tool} ${pkgVersion(tool.pkg)} ${args.set}: ${n} pages, ${total.toFixed(2)} s extraction, `
    + `${(total ? n / total : 0).toFixed(1)} pages/s (${(cpuTotal ? n / cpuTotal : 0).toFixed(1)} by CPU time), `
    + `${errors} errors, load ${loadBefore.toFixed(1)}->${os.loadavg()[0].toFixed(1)} -> ${finalPath}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
