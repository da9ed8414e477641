//! Criterion benchmarks of pith's stages (parse, whole extraction, Markdown
//! rendering) on synthetic pages generated here: real-sized news and blog
//! pages built from repeated structures (navigation, article paragraphs,
//! sidebars, comments, scripts). No evaluation page is stored in the repo.
//!
//! `cargo bench -p pith --bench stages`

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Monday",
    "that",
    "new",
    "rules",
    "would",
    "apply",
    "to",
    "all",
    "residents",
    "of",
    "the",
    "city",
    "after",
    "a",
    "long",
    "debate",
    "about",
    "housing",
    "prices",
    "and",
    "transport",
    "officials",
    "expect",
    "costs",
    "to",
    "rise",
    "while",
    "critics",
    "argue",
    "plan",
    "ignores",
    "workers",
    "in",
    "northern",
    "districts",
    "étude",
    "naïve",
    "Zürich",
    "report",
    "budget",
    "2024",
    "percent",
    "minister",
    "river",
];

/// A small deterministic generator, so every run benchmarks the same bytes.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s = String::new();
        for i in 0..words {
            let w = WORDS[self.next() % WORDS.len()];
            if i == 0 {
                let mut c = w.chars();
                if let Some(f) = c.next() {
                    s.extend(f.to_uppercase());
                    s.push_str(c.as_str());
                }
            } else {
                s.push(' ');
                s.push_str(w);
            }
        }
        s.push('.');
        s
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        (0..sentences)
            .map(|_| {
                let n = 8 + self.next() % 14;
                self.sentence(n)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn head(out: &mut String, title: &str, scripts: usize) {
    let _ = write!(
        out,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2024-03-18T09:30:00+01:00">
<meta name="description" content="A synthetic article for benchmarking.">
<link rel="canonical" href="https://news.example/2024/03/18/story">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"2024-03-18T09:30:00+01:00","author":{{"@type":"Person","name":"Jane Reporter"}}}}</script>
<style>body{{font-family:sans-serif}} .nav a{{padding:4px}} .sidebar{{width:300px}}</style>
"#
    );
    for i in 0..scripts {
        let _ = writeln!(
            out,
            "<script>window.__data{i} = {{\"slot\": {i}, \"sizes\": [[300,250],[728,90]], \"targeting\": \"news,politics,city\"}}; (function(){{var x = document.createElement('div'); x.id = 'ad-{i}';}})();</script>"
        );
    }
    out.push_str("</head>\n");
}

fn nav(out: &mut String, rng: &mut Lcg, links: usize) {
    out.push_str("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">The Daily Example</a></div><nav class=\"nav main-menu\"><ul>");
    for i in 0..links {
        let _ = write!(
            out,
            "<li class=\"menu-item\"><a href=\"/section/{i}\">{}</a></li>",
            WORDS[rng.next() % WORDS.len()]
        );
    }
    out.push_str("</ul></nav><form class=\"search\"><input type=\"search\" name=\"q\"><button>Search</button></form></header>\n");
}

fn sidebar(out: &mut String, rng: &mut Lcg, items: usize) {
    out.push_str("<aside class=\"sidebar\"><h3>Most read</h3><ol>");
    for i in 0..items {
        let s = rng.sentence(7);
        let _ = write!(
            out,
            "<li><a href=\"/story/{i}\"><img src=\"/thumbs/{i}.jpg\" alt=\"\">{s}</a></li>"
        );
    }
    out.push_str("</ol><div class=\"newsletter\"><p>Sign up for our newsletter</p><input type=\"email\"></div></aside>\n");
}

fn footer(out: &mut String, rng: &mut Lcg) {
    out.push_str("<footer class=\"site-footer\"><div class=\"cols\">");
    for c in 0..4 {
        let _ = write!(out, "<div class=\"col\"><h4>Section {c}</h4><ul>");
        for i in 0..12 {
            let _ = write!(
                out,
                "<li><a href=\"/f/{c}/{i}\">{}</a></li>",
                WORDS[rng.next() % WORDS.len()]
            );
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</div><p class=\"copyright\">© 2024 The Daily Example. All rights reserved.</p></footer>\n");
}

/// A news article page: header and navigation, article with figure, list,
/// table and related links, sidebar, comments, footer, ad scripts.
fn news_page(seed: u64, paragraphs: usize, scripts: usize) -> String {
    let mut rng = Lcg(seed);
    let title = rng.sentence(9);
    let mut out = String::with_capacity(128 * 1024);
    head(&mut out, &title, scripts);
    out.push_str("<body class=\"article-page\">\n");
    nav(&mut out, &mut rng, 60);
    out.push_str("<div class=\"breadcrumbs\"><a href=\"/\">Home</a> › <a href=\"/city\">City</a></div>\n<main><div class=\"layout\">\n");
    let _ = write!(
        out,
        "<article class=\"story\"><h1 class=\"headline\">{title}</h1>\
         <div class=\"byline\">By <a rel=\"author\" href=\"/authors/jane\">Jane Reporter</a> · \
         <time datetime=\"2024-03-18T09:30:00+01:00\">March 18, 2024</time></div>\
         <figure class=\"lead\"><img src=\"https://img.example/lead.jpg\" alt=\"The river at dawn\" width=\"1200\" height=\"800\">\
         <figcaption>The river at dawn. <span class=\"credit\">Photo: A. Photographer</span></figcaption></figure>\n\
         <div class=\"article-body\">\n"
    );
    for i in 0..paragraphs {
        let n = 3 + rng.next() % 4;
        let p = rng.paragraph(n);
        if i % 7 == 3 {
            let _ = writeln!(
                out,
                "<p>{p} <a href=\"https://news.example/related/{i}\">Read more about this</a>, <em>officials said</em>.</p>"
            );
        } else {
            let _ = writeln!(out, "<p>{p}</p>");
        }
        if i == paragraphs / 3 {
            out.push_str("<h2>What changes</h2><ul>");
            for _ in 0..5 {
                let _ = write!(out, "<li>{}</li>", rng.sentence(10));
            }
            out.push_str("</ul>\n");
            out.push_str("<div class=\"ad-slot\" id=\"inline-ad\"><script>loadAd('inline')</script><p>Advertisement</p></div>\n");
        }
        if i == paragraphs / 2 {
            out.push_str("<h2>The numbers</h2><table><thead><tr><th>District</th><th>2023</th><th>2024</th></tr></thead><tbody>");
            for r in 0..8 {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    WORDS[rng.next() % WORDS.len()],
                    100 + r * 7,
                    120 + r * 5
                );
            }
            out.push_str("</tbody></table>\n<blockquote><p>");
            out.push_str(&rng.sentence(18));
            out.push_str("</p></blockquote>\n");
        }
    }
    out.push_str("</div><div class=\"share\"><a href=\"#\">Share on X</a> <a href=\"#\">Facebook</a> <a href=\"#\">Email</a></div>");
    out.push_str("<div class=\"tags\"><a href=\"/tag/city\">city</a> <a href=\"/tag/housing\">housing</a></div>");
    out.push_str("<section class=\"related\"><h3>Related</h3><ul>");
    for i in 0..8 {
        let _ = write!(out, "<li><a href=\"/r/{i}\">{}</a></li>", rng.sentence(8));
    }
    out.push_str("</ul></section></article>\n");
    sidebar(&mut out, &mut rng, 10);
    out.push_str("</div><section id=\"comments\" class=\"comments\"><h3>Comments</h3>");
    for i in 0..12 {
        let _ = write!(
            out,
            "<div class=\"comment\"><span class=\"comment-author\">reader{i}</span><p>{}</p><a href=\"#reply\">Reply</a></div>",
            rng.paragraph(2)
        );
    }
    out.push_str("</section></main>\n");
    footer(&mut out, &mut rng);
    out.push_str("<div class=\"cookie-banner\"><p>We use cookies.</p><button>Accept</button></div></body></html>\n");
    out
}

/// A technical blog post: headings, code blocks, nested lists, inline code.
fn blog_page(seed: u64, sections: usize) -> String {
    let mut rng = Lcg(seed);
    let title = rng.sentence(7);
    let mut out = String::with_capacity(96 * 1024);
    head(&mut out, &title, 4);
    out.push_str("<body>\n");
    nav(&mut out, &mut rng, 25);
    let _ = write!(
        out,
        "<div class=\"container\"><div class=\"post\"><h1>{title}</h1><p class=\"meta\">Posted on <time datetime=\"2023-11-02\">2 November 2023</time> by Sam Dev</p>\n<div class=\"entry-content\">\n"
    );
    for s in 0..sections {
        let _ = writeln!(out, "<h2>Step {s}: {}</h2>", rng.sentence(4));
        for _ in 0..3 {
            let _ = writeln!(
                out,
                "<p>{} Use <code>cargo build --release</code> and then {}</p>",
                rng.paragraph(2),
                rng.sentence(9)
            );
        }
        out.push_str("<pre><code class=\"language-rust\">");
        for l in 0..12 {
            let _ = writeln!(
                out,
                "fn step_{s}_{l}(x: &amp;[u8]) -&gt; usize {{ x.iter().filter(|b| **b &gt; {l}).count() }}"
            );
        }
        out.push_str("</code></pre>\n<ol>");
        for _ in 0..4 {
            let _ = write!(
                out,
                "<li>{}<ul><li>{}</li><li>{}</li></ul></li>",
                rng.sentence(8),
                rng.sentence(5),
                rng.sentence(6)
            );
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</div></div>");
    sidebar(&mut out, &mut rng, 15);
    out.push_str("</div>");
    footer(&mut out, &mut rng);
    out.push_str("</body></html>\n");
    out
}

/// The pages, named by kind and size (`news-101k`).
fn pages() -> Vec<(String, String)> {
    [
        ("news", news_page(1, 180, 40)),
        ("blog", blog_page(2, 24)),
        ("news-heavy", news_page(3, 190, 800)),
    ]
    .into_iter()
    .map(|(kind, html)| (format!("{kind}-{}k", html.len() / 1000), html))
    .collect()
}

fn options() -> pith::Options {
    pith::Options {
        url: Some("https://news.example/2024/03/18/story".into()),
        ..Default::default()
    }
}

fn bench_parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for (name, html) in pages() {
        g.throughput(Throughput::Bytes(html.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &html, |b, html| {
            b.iter(|| pith::dom::Dom::parse(black_box(html), Default::default()).len())
        });
    }
    g.finish();
}

fn bench_extract(c: &mut Criterion) {
    let opts = options();
    let mut g = c.benchmark_group("extract");
    for (name, html) in pages() {
        g.throughput(Throughput::Bytes(html.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &html, |b, html| {
            b.iter(|| pith::extract(black_box(html.as_bytes()), &opts).map(|e| e.confidence))
        });
    }
    g.finish();
}

fn bench_render(c: &mut Criterion) {
    let opts = options();
    let ro = pith::RenderOptions::default();
    let mut g = c.benchmark_group("render_markdown");
    for (name, html) in pages() {
        let Ok(ex) = pith::extract(html.as_bytes(), &opts) else {
            continue;
        };
        g.bench_with_input(BenchmarkId::from_parameter(name), &ex, |b, ex| {
            b.iter(|| black_box(ex).to_markdown(&ro).len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench_parse, bench_extract, bench_render);
criterion_main!(benches);
