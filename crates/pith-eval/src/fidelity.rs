//! Markdown fidelity: does pith's Markdown show a reader what its text
//! says, and do both keep apart the words the page keeps apart?
//!
//! - **Stray markup**: the Markdown is parsed by a CommonMark parser (GFM
//!   tables, strikethrough and `$` math on) and its visible text taken:
//!   a word of it that holds a markup character (`*`, `_`, `\`, `` ` ``,
//!   `[`, `]`, `<`, `>`, `#`, `|`, `~`) and is not a word of pith's own text
//!   (or of a caption) is markup a reader sees: `**Keynote`, `current.**Make`,
//!   `](`, a backslash.
//! - **Glued words**: a word of pith's output (text or rendered Markdown)
//!   that is not a word of the page, but is two neighbouring words of the
//!   page written together ("loveto" where the page has "love to"). The
//!   page's words are read as a browser lays them out: text nodes joined
//!   as they are inside inline elements, separated at block boundaries and
//!   line breaks.

use std::collections::HashSet;

use pith::dom::{Dom, NodeData, NodeId};
use pith::ir::{Block, Inline};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What one page's outputs show that they should not.
#[derive(Debug, Clone, Default)]
pub struct Fidelity {
    /// Words of the rendered Markdown showing markup.
    pub stray: Vec<String>,
    /// Words run together that the page separates.
    pub glued: Vec<String>,
}

const MARKUP: &[char] = &['*', '_', '\\', '`', '[', ']', '<', '>', '#', '|', '~'];

/// Check one page: its HTML (decoded as pith decodes it), pith's body
/// Markdown and text, and the blocks they were rendered from.
pub fn check(html: &[u8], markdown: &str, text: &str, blocks: &[Block]) -> Fidelity {
    // pith writes formulas as `$…$`; a reader's renderer that reads them
    // is assumed only where pith wrote one (elsewhere a dollar is a dollar).
    let visible = markdown_visible_text(markdown, has_math(blocks));
    let mut reference: HashSet<&str> = text.split_whitespace().collect();
    let mut captions = String::new();
    figure_text(blocks, &mut captions);
    reference.extend(captions.split_whitespace());
    let mut seen = HashSet::new();
    let stray: Vec<String> = visible
        .split_whitespace()
        .filter(|w| w.contains(MARKUP) && !reference.contains(w) && seen.insert(*w))
        .map(str::to_string)
        .collect();

    let page = page_words(html);
    let words: HashSet<&str> = page.split_whitespace().collect();
    let mut pairs: HashSet<String> = HashSet::new();
    let mut prev: Option<&str> = None;
    for w in page.split_whitespace() {
        if let Some(p) = prev {
            pairs.insert(format!("{p}{w}"));
        }
        prev = Some(w);
    }
    let mut seen = HashSet::new();
    let glued: Vec<String> = text
        .split_whitespace()
        .chain(visible.split_whitespace())
        .filter(|w| !words.contains(w) && pairs.contains(*w) && seen.insert(*w))
        .map(str::to_string)
        .collect();
    Fidelity { stray, glued }
}

/// The text of figure captions and credits (the Markdown shows them, the
/// text output leaves them out).
fn figure_text(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::Figure(f) => {
                for part in [&f.caption, &f.credit] {
                    out.push(' ');
                    pith::ir::inlines_text_into(part, out);
                }
            }
            Block::Quote(v) => figure_text(v, out),
            Block::List(l) => l.items.iter().for_each(|i| figure_text(i, out)),
            Block::Paragraph(c) | Block::Heading { content: c, .. } => alts(c, out),
            _ => {}
        }
    }
}

/// Whether pith wrote a formula anywhere in `blocks`.
fn has_math(blocks: &[Block]) -> bool {
    fn inl(v: &[Inline]) -> bool {
        v.iter().any(|i| match i {
            Inline::Math { .. } => true,
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => inl(c),
            _ => false,
        })
    }
    blocks.iter().any(|b| match b {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inl(c),
        Block::Quote(v) => has_math(v),
        Block::List(l) => l.items.iter().any(|i| has_math(i)),
        Block::Table(t) => t.rows.iter().any(|r| r.cells.iter().any(|c| inl(c))),
        Block::Figure(f) => inl(&f.caption) || inl(&f.credit),
        _ => false,
    })
}

/// Image alternative texts, which the text output leaves out too.
fn alts(v: &[Inline], out: &mut String) {
    for i in v {
        match i {
            Inline::Image(img) => {
                out.push(' ');
                out.push_str(&img.alt);
            }
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                alts(c, out)
            }
            _ => {}
        }
    }
}

/// What a reader of the rendered Markdown sees, as text: words of blocks
/// and table cells kept apart, images' alternative text left out.
pub fn markdown_visible_text(md: &str, math: bool) -> String {
    let mut opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    if math {
        opts |= Options::ENABLE_MATH;
    }
    let mut out = String::with_capacity(md.len());
    let mut in_image = 0usize;
    for ev in Parser::new_ext(md, opts) {
        match ev {
            // A picture between two words keeps them apart.
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                out.push(' ');
            }
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            _ if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push_str(&t)
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                // A `<br>` is a line break to a reader; other raw HTML shows.
                if h.trim().eq_ignore_ascii_case("<br>") {
                    out.push('\n');
                } else {
                    out.push_str(&h);
                }
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            // A tight list item's text has no paragraph around it: a list
            // nested in it starts a line of its own.
            Event::Start(Tag::List(_) | Tag::Item) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_),
            ) => out.push('\n'),
            Event::Rule => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// The page's text as a browser lays it out, as far as words go: text
/// nodes run together inside inline elements (`<b>W</b>ord` is one word),
/// apart across blocks and line breaks. Unknown elements are inline, as in
/// browsers. Scripts, styles and templates show nothing.
pub fn page_words(html: &[u8]) -> String {
    let Ok(decoded) = pith::input::decode(html, None) else {
        return String::new();
    };
    let dom = Dom::parse(&decoded.text, Default::default());
    let mut out = String::with_capacity(decoded.text.len() / 2);
    // Iterative walk with exit events: (node, entering).
    let mut stack: Vec<(NodeId, bool)> = vec![(Dom::ROOT, true)];
    while let Some((id, entering)) = stack.pop() {
        match dom.data(id) {
            NodeData::Text(t) if entering => out.push_str(t),
            NodeData::Element(e) => {
                let name = &*e.name.local;
                if matches!(
                    name,
                    "script" | "style" | "template" | "noscript" | "head" | "title"
                ) {
                    continue;
                }
                if !is_inline(name) {
                    out.push('\n');
                }
                if entering {
                    stack.push((id, false));
                    let kids: Vec<NodeId> = dom.children(id).collect();
                    stack.extend(kids.into_iter().rev().map(|k| (k, true)));
                }
            }
            NodeData::Document if entering => {
                let kids: Vec<NodeId> = dom.children(id).collect();
                stack.extend(kids.into_iter().rev().map(|k| (k, true)));
            }
            _ => {}
        }
    }
    out
}

/// Elements laid out inline by browsers: all but the known blocks
/// (unknown elements are inline, as in browsers). The list is written
/// here rather than taken from pith, so that the measure does not share
/// the definitions of what it measures.
fn is_inline(name: &str) -> bool {
    !is_known_block(name)
}

fn is_known_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "option"
            | "p"
            | "picture"
            | "pre"
            | "section"
            | "select"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
            | "video"
            | "audio"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_a_reader_sees_are_stray() {
        // A closing `**` after punctuation and before a letter cannot close.
        let f = check(
            b"<p>x</p>",
            "**Be current.**Make sure",
            "Be current. Make sure",
            &[],
        );
        assert_eq!(f.stray, ["**Be", "current.**Make"]);
        let f = check(b"<p>x</p>", "**bold** text", "bold text", &[]);
        assert!(f.stray.is_empty());
    }

    #[test]
    fn escaped_characters_are_not_stray() {
        let f = check(
            b"<p>x</p>",
            "a \\*b\\* snake\\_case",
            "a *b* snake_case",
            &[],
        );
        assert!(f.stray.is_empty(), "{:?}", f.stray);
    }

    #[test]
    fn captions_count_as_text() {
        let blocks = vec![Block::Figure(pith::ir::Figure {
            image: None,
            caption: vec![Inline::Text("A *star".into())],
            credit: vec![],
        })];
        let f = check(b"<p>x</p>", "A \\*star", "", &blocks);
        assert!(f.stray.is_empty(), "{:?}", f.stray);
    }

    #[test]
    fn words_the_page_separates_must_stay_apart() {
        let html = b"<p>I <em>love </em>to read, <b>W</b>ord.</p>";
        let f = check(
            html,
            "I *love* to read, **W**ord.",
            "I loveto read, Word.",
            &[],
        );
        assert_eq!(f.glued, ["loveto"]);
        let f = check(
            html,
            "I *love* to read, **W**ord.",
            "I love to read, Word.",
            &[],
        );
        assert!(f.glued.is_empty(), "{:?}", f.glued);
    }

    #[test]
    fn blocks_and_breaks_separate_page_words() {
        let w = page_words(b"<div>one</div><div>two<br>three</div><x-tag>four</x-tag>five");
        let words: Vec<_> = w.split_whitespace().collect();
        assert_eq!(words, ["one", "two", "three", "fourfive"]);
    }
}
