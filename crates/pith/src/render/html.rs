//! Minimal, safe HTML: only the IR's vocabulary, every text escaped.

use super::{human_date, link_target, RenderOptions};
use crate::ir::{Block, Image, Inline};
use crate::Extraction;

pub fn document(ex: &Extraction, o: &RenderOptions) -> String {
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<article>\n");
    if let Some(t) = &ex.metadata.title {
        out.push_str("<h1>");
        esc(t, &mut out);
        out.push_str("</h1>\n");
    }
    if let Some(d) = &ex.metadata.date {
        out.push_str("<p><time datetime=\"");
        esc(d, &mut out);
        out.push_str("\">");
        esc(&human_date(d).unwrap_or_else(|| d.clone()), &mut out);
        out.push_str("</time></p>\n");
    }
    if let Some(a) = &ex.article {
        blocks(&a.blocks, o, &mut out);
        if !a.comments.is_empty() {
            out.push_str("<section class=\"comments\">\n<h2>Comments</h2>\n");
            blocks(&a.comments, o, &mut out);
            out.push_str("</section>\n");
        }
    }
    if let Some(u) = &ex.url {
        out.push_str("<footer>Original url: <a href=\"");
        esc(u, &mut out);
        out.push_str("\">");
        esc(u, &mut out);
        out.push_str("</a></footer>\n");
    }
    out.push_str("</article>\n");
    out
}

fn esc(t: &str, out: &mut String) {
    for c in t.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn blocks(bs: &[Block], o: &RenderOptions, out: &mut String) {
    for b in bs {
        block(b, o, out);
    }
}

fn block(b: &Block, o: &RenderOptions, out: &mut String) {
    match b {
        Block::Heading { level, content } => {
            out.push_str(&format!("<h{level}>"));
            inlines(content, o, out);
            out.push_str(&format!("</h{level}>\n"));
        }
        Block::Paragraph(c) => {
            out.push_str("<p>");
            inlines(c, o, out);
            out.push_str("</p>\n");
        }
        Block::List(l) => {
            let tag = if l.ordered { "ol" } else { "ul" };
            out.push('<');
            out.push_str(tag);
            if let Some(s) = l.start {
                out.push_str(&format!(" start=\"{s}\""));
            }
            out.push_str(">\n");
            for item in &l.items {
                out.push_str("<li>");
                blocks(item, o, out);
                out.push_str("</li>\n");
            }
            out.push_str(&format!("</{tag}>\n"));
        }
        Block::Quote(v) => {
            out.push_str("<blockquote>\n");
            blocks(v, o, out);
            out.push_str("</blockquote>\n");
        }
        Block::Code { lang, text } => {
            out.push_str("<pre><code");
            if let Some(l) = lang {
                out.push_str(" class=\"language-");
                esc(l, out);
                out.push('"');
            }
            out.push('>');
            esc(text, out);
            out.push_str("</code></pre>\n");
        }
        Block::Table(t) => {
            out.push_str("<table>\n");
            for r in &t.rows {
                out.push_str("<tr>");
                let cell = if r.header { "th" } else { "td" };
                for c in &r.cells {
                    out.push_str(&format!("<{cell}>"));
                    inlines(c, o, out);
                    out.push_str(&format!("</{cell}>"));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</table>\n");
        }
        Block::Figure(f) => {
            out.push_str("<figure>");
            if let Some(img) = f.image.as_ref().filter(|_| o.images) {
                image(img, out);
            }
            if !f.caption.is_empty() || !f.credit.is_empty() {
                out.push_str("<figcaption>");
                inlines(&f.caption, o, out);
                if !f.credit.is_empty() {
                    out.push_str(" <strong>");
                    inlines(&f.credit, o, out);
                    out.push_str("</strong>");
                }
                out.push_str("</figcaption>");
            }
            out.push_str("</figure>\n");
        }
        Block::Rule => out.push_str("<hr>\n"),
    }
}

fn image(img: &Image, out: &mut String) {
    out.push_str("<img src=\"");
    esc(&img.src, out);
    out.push_str("\" alt=\"");
    esc(&img.alt, out);
    out.push_str("\">");
}

fn inlines(v: &[Inline], o: &RenderOptions, out: &mut String) {
    for i in v {
        match i {
            Inline::Text(t) => esc(t, out),
            Inline::Strong(c) => {
                out.push_str("<strong>");
                inlines(c, o, out);
                out.push_str("</strong>");
            }
            Inline::Emphasis(c) => {
                out.push_str("<em>");
                inlines(c, o, out);
                out.push_str("</em>");
            }
            Inline::Code(t) => {
                out.push_str("<code>");
                esc(t, out);
                out.push_str("</code>");
            }
            Inline::Link { href, content } => match link_target(href, o.links) {
                Some(t) => {
                    out.push_str("<a href=\"");
                    esc(t, out);
                    out.push_str("\">");
                    inlines(content, o, out);
                    out.push_str("</a>");
                }
                None => inlines(content, o, out),
            },
            Inline::Image(img) => {
                if o.images {
                    image(img, out);
                }
            }
            Inline::LineBreak => out.push_str("<br>"),
            // TeX between the delimiters MathJax and KaTeX's auto-render
            // look for.
            Inline::Math { tex, display } => {
                let (open, close) = if *display {
                    ("\\[", "\\]")
                } else {
                    ("\\(", "\\)")
                };
                out.push_str("<span class=\"math\">");
                out.push_str(open);
                esc(tex, out);
                out.push_str(close);
                out.push_str("</span>");
            }
        }
    }
}
