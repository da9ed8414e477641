//! CommonMark/GFM rendering. Text is escaped so that the output parses
//! back to the same structure.

use super::{human_date, link_target, only_images, RenderOptions};
use crate::ir::{Block, Edge, Figure, Image, Inline, List, Table};
use crate::Extraction;

/// The whole document in pith's form: `# Title`, the date, the body, the
/// comments, and the `Original url:` footer when the URL is known.
pub fn document(ex: &Extraction, o: &RenderOptions) -> String {
    let mut out = String::with_capacity(8 * 1024);
    if let Some(t) = ex
        .metadata
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        out.push_str("# ");
        escape_inline(t.trim(), &mut out, true);
        out.push_str("\n\n");
    }
    if let Some(d) = ex.metadata.date.as_deref().and_then(human_date) {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    if let Some(a) = &ex.article {
        blocks(&a.blocks, o, &mut out);
        if !a.comments.is_empty() {
            out.push_str("## Comments\n\n");
            blocks(&a.comments, o, &mut out);
        }
    }
    if let Some(url) = &ex.url {
        out.push_str("Original url:\n\n<");
        out.push_str(&url.replace(['<', '>', ' '], ""));
        out.push_str(">\n");
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// The body alone (no title, date or footer).
pub fn body_markdown(ex: &Extraction, o: &RenderOptions) -> String {
    let mut out = String::new();
    if let Some(a) = &ex.article {
        blocks(&a.blocks, o, &mut out);
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out
}

fn blocks(bs: &[Block], o: &RenderOptions, out: &mut String) {
    for b in bs {
        let start = out.len();
        block(b, o, out);
        if out.len() > start {
            let end = out.trim_end().len();
            out.truncate(end);
            out.push_str("\n\n");
        }
    }
}

fn block(b: &Block, o: &RenderOptions, out: &mut String) {
    match b {
        Block::Heading { level, content } => {
            for _ in 0..*level {
                out.push('#');
            }
            out.push(' ');
            // A heading is one line.
            let mut s = String::new();
            inlines_with(content, o, &mut s, true, Breaks::Space);
            out.push_str(&s.replace('\n', " "));
        }
        Block::Paragraph(content) => {
            if !o.images && only_images(content) {
                return;
            }
            inlines(content, o, out, true);
        }
        Block::List(l) => list(l, o, out),
        Block::Quote(v) => {
            let mut inner = String::new();
            blocks(v, o, &mut inner);
            prefix_lines(inner.trim_end(), "> ", ">", out);
        }
        Block::Code { lang, text } => code(lang.as_deref(), text, out),
        Block::Table(t) => table(t, o, out),
        Block::Figure(f) => figure(f, o, out),
        Block::Rule => out.push_str("* * *"),
    }
}

fn prefix_lines(s: &str, prefix: &str, blank_prefix: &str, out: &mut String) {
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.is_empty() {
            out.push_str(blank_prefix);
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
}

fn list(l: &List, o: &RenderOptions, out: &mut String) {
    let start = l.start.unwrap_or(1);
    // Tight lists unless an item holds several blocks.
    let loose = l
        .items
        .iter()
        .any(|i| i.len() > 1 && !matches!(i.get(1), Some(Block::List(_))));
    for (n, item) in l.items.iter().enumerate() {
        if n > 0 {
            out.push_str(if loose { "\n\n" } else { "\n" });
        }
        let marker = if l.ordered {
            format!("{}. ", start as usize + n)
        } else {
            "- ".to_string()
        };
        let mut inner = String::new();
        for (i, b) in item.iter().enumerate() {
            if i > 0 {
                let sep = if matches!(b, Block::List(_)) && !loose {
                    "\n"
                } else {
                    "\n\n"
                };
                let end = inner.trim_end().len();
                inner.truncate(end);
                inner.push_str(sep);
            }
            block(b, o, &mut inner);
        }
        let inner = inner.trim_end();
        let indent = " ".repeat(marker.len());
        for (i, line) in inner.split('\n').enumerate() {
            if i == 0 {
                out.push_str(&marker);
                out.push_str(line);
            } else {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(&indent);
                    out.push_str(line);
                }
            }
        }
        if inner.is_empty() {
            let end = out.trim_end().len();
            out.truncate(end);
        }
    }
}

fn code(lang: Option<&str>, text: &str, out: &mut String) {
    // A fence longer than any run of backticks inside the code.
    let fence = "`".repeat((longest_backtick_run(text) + 1).max(3));
    out.push_str(&fence);
    if let Some(l) = lang {
        out.push_str(l);
    }
    out.push('\n');
    out.push_str(text);
    out.push('\n');
    out.push_str(&fence);
}

/// A table whose rows are far from one width is no grid: padding every row
/// to the widest would make the output grow with rows x columns (one row
/// of 3,000 cells over 3,000 rows of one gave 16 MB from 43 KB). Such a
/// table is written row by row instead. Twice the cells plus two rows of
/// padding allows short header and footer rows and colspans.
fn is_grid(t: &Table, cols: usize) -> bool {
    let cells: usize = t.rows.iter().map(|r| r.cells.len()).sum();
    t.rows.len().saturating_mul(cols) <= 2 * cells + 2 * cols
}

fn table(t: &Table, o: &RenderOptions, out: &mut String) {
    let cols = t.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if cols == 0 {
        return;
    }
    let cell_text = |cell: &[Inline]| {
        let mut s = String::new();
        inlines_with(cell, o, &mut s, false, Breaks::Html);
        // GFM splits a row at every unescaped pipe, code spans included.
        s.replace('\n', " ").replace('|', "\\|")
    };
    if !is_grid(t, cols) {
        // One paragraph per row, its cells as the text output joins them.
        for (i, r) in t.rows.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            let mut first = true;
            for c in r.cells.iter().filter(|c| !c.is_empty()) {
                if !first {
                    out.push_str(" | ");
                }
                let mut s = String::new();
                inlines(c, o, &mut s, first);
                out.push_str(s.trim());
                first = false;
            }
        }
        return;
    }
    // GFM needs a header row: the first row serves when none is marked.
    let header_idx = t
        .rows
        .iter()
        .position(|r| r.header)
        .filter(|&i| i == 0)
        .unwrap_or(0);
    let write_row = |cells: &[Vec<Inline>], out: &mut String| {
        out.push('|');
        for i in 0..cols {
            out.push(' ');
            if let Some(c) = cells.get(i) {
                out.push_str(cell_text(c).trim());
            }
            out.push_str(" |");
        }
    };
    write_row(&t.rows[header_idx].cells, out);
    out.push_str("\n|");
    for _ in 0..cols {
        out.push_str(" --- |");
    }
    for (i, r) in t.rows.iter().enumerate() {
        if i == header_idx {
            continue;
        }
        out.push('\n');
        write_row(&r.cells, out);
    }
}

fn figure(f: &Figure, o: &RenderOptions, out: &mut String) {
    if o.images {
        if let Some(img) = &f.image {
            image(img, out);
            if !f.caption.is_empty() || !f.credit.is_empty() {
                out.push_str("\n\n");
            }
        }
    }
    // The caption, then the credit in bold, on one line.
    let mut line = f.caption.clone();
    if !f.credit.is_empty() {
        if !line.is_empty() {
            line.push(Inline::Text(" ".into()));
        }
        line.push(Inline::Strong(f.credit.clone()));
    }
    inlines(&line, o, out, true);
}

fn image(img: &Image, out: &mut String) {
    out.push_str("![");
    escape_inline(&img.alt, out, false);
    out.push_str("](");
    push_destination(&img.src, out);
    if let Some(t) = &img.title {
        out.push_str(" \"");
        out.push_str(&t.replace('"', "\\\""));
        out.push('"');
    }
    out.push(')');
}

/// A link destination; wrapped in `<…>` when it holds spaces or parentheses.
fn push_destination(url: &str, out: &mut String) {
    if url.contains([' ', '(', ')']) {
        out.push('<');
        out.push_str(&url.replace(['<', '>'], ""));
        out.push('>');
    } else {
        out.push_str(url);
    }
}

/// How a line break inside a paragraph is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Breaks {
    /// Backslash and newline: CommonMark's hard break.
    Hard,
    /// `<br>`: a table cell is one line, and GFM reads HTML there.
    Html,
    /// A space: a heading is one line.
    Space,
}

// Emphasis delimiters are first written as these placeholders, and turned
// into `*` / `**` once the whole run of inlines is written, when the
// characters on both sides of each are known: CommonMark opens and closes
// emphasis only where its flanking rules allow (`**Berlin.**Weihnachten`
// shows its stars to a reader), so a pair that could not open or close is
// left out rather than shown. Unicode noncharacters: reserved for a
// program's internal use, and removed from any text on the way in.
const OPEN_STRONG: char = '\u{FDD0}';
const CLOSE_STRONG: char = '\u{FDD1}';
const OPEN_EM: char = '\u{FDD2}';
const CLOSE_EM: char = '\u{FDD3}';

fn is_placeholder(c: char) -> bool {
    ('\u{FDD0}'..='\u{FDD3}').contains(&c)
}

/// Render inline content. `line_start`: the text begins a line, where block
/// syntax (`#`, `>`, `-`, `1.`) must be escaped.
fn inlines(v: &[Inline], o: &RenderOptions, out: &mut String, line_start: bool) {
    inlines_with(v, o, out, line_start, Breaks::Hard)
}

fn inlines_with(
    v: &[Inline],
    o: &RenderOptions,
    out: &mut String,
    line_start: bool,
    breaks: Breaks,
) {
    let mut raw = String::new();
    let ctx = Ctx {
        o,
        breaks,
        in_link: false,
        nested: false,
    };
    inlines_raw(v, &ctx, &mut raw, line_start);
    resolve_delimiters(&raw, out);
}

/// What the inline writer needs to know about where it writes.
struct Ctx<'a> {
    o: &'a RenderOptions,
    breaks: Breaks,
    /// Inside a link's text: a link there (the builder never makes one,
    /// but the IR is public) is written as its text.
    in_link: bool,
    /// Writing the inside of an element: line breaks at its edges are
    /// written too, for [`edges`] to move them outside its delimiters.
    nested: bool,
}

fn inlines_raw(v: &[Inline], ctx: &Ctx<'_>, out: &mut String, line_start: bool) {
    let o = ctx.o;
    let base = out.len();
    let at_line_start = |out: &String| {
        if out.len() == base {
            line_start
        } else {
            out.ends_with('\n')
        }
    };
    // The output ends with a `<br>` written here (not text reading "<br>").
    let mut html_break = false;
    for (k, i) in v.iter().enumerate() {
        let was_break = std::mem::take(&mut html_break);
        let at_start = at_line_start(out);
        match i {
            // Code right after code: one span. Two would put their fences
            // side by side (`` `a``b` ``), a run of two that closes neither.
            Inline::Code(_) if matches!(k.checked_sub(1).map(|j| &v[j]), Some(Inline::Code(_))) => {
            }
            Inline::Code(t) if matches!(v.get(k + 1), Some(Inline::Code(_))) => {
                let mut joined = t.clone();
                for next in &v[k + 1..] {
                    match next {
                        Inline::Code(n) => joined.push_str(n),
                        _ => break,
                    }
                }
                code_span(&joined, out);
            }
            Inline::Text(t) => escape_inline(t, out, at_start),
            Inline::Strong(c) => wrap(c, OPEN_STRONG, CLOSE_STRONG, ctx, out),
            Inline::Emphasis(c) => wrap(c, OPEN_EM, CLOSE_EM, ctx, out),
            Inline::Code(t) => code_span(t, out),
            Inline::Link { href, content } => match link_target(href, o.links) {
                Some(target) if !ctx.in_link => {
                    let inner_ctx = Ctx {
                        in_link: true,
                        nested: true,
                        ..*ctx
                    };
                    let mut inner = String::new();
                    inlines_raw(content, &inner_ctx, &mut inner, false);
                    let (lead, body, trail) = edges(&inner, ctx.breaks);
                    if body.is_empty() {
                        push_edge(lead.max(trail), ctx.breaks, out);
                        continue;
                    }
                    push_edge(lead, ctx.breaks, out);
                    out.push('[');
                    out.push_str(body);
                    out.push_str("](");
                    push_destination(target, out);
                    out.push(')');
                    push_edge(trail, ctx.breaks, out);
                }
                _ => inlines_raw(content, ctx, out, at_start),
            },
            Inline::Image(img) => {
                // A linked picture (`[![alt](src)](href)`) is CommonMark.
                if o.images {
                    image(img, out);
                }
            }
            Inline::Math { tex, display } => {
                // `$…$` and `$$…$$`, the dialect of Obsidian, pandoc and
                // GitHub; the TeX is written as is (escaping would change it).
                let d = if *display { "$$" } else { "$" };
                out.push_str(d);
                out.push_str(tex);
                out.push_str(d);
            }
            Inline::LineBreak => match ctx.breaks {
                Breaks::Html => {
                    if (ctx.nested || out.len() > base) && !was_break {
                        out.push_str("<br>");
                    }
                    html_break = ctx.nested || out.len() > base;
                }
                Breaks::Space => push_space(out),
                Breaks::Hard => {
                    // A hard break: backslash-newline (trailing spaces get lost).
                    if (ctx.nested || out.len() > base) && !out.ends_with('\n') {
                        out.push_str("\\\n");
                    }
                }
            },
        }
    }
    if ctx.nested {
        return;
    }
    // A hard break at the very end means nothing.
    if out.ends_with("\\\n") {
        out.truncate(out.len() - 2);
    }
    if html_break && out.ends_with("<br>") {
        out.truncate(out.len() - 4);
    }
}

fn code_span(t: &str, out: &mut String) {
    // A fence of backticks longer than any run inside (CommonMark closes a
    // span at the first run of the same length), and a space of padding
    // when the code begins or ends with a backtick.
    let ticks = "`".repeat(longest_backtick_run(t) + 1);
    let pad = t.starts_with('`') || t.ends_with('`');
    out.push_str(&ticks);
    if pad {
        out.push(' ');
    }
    out.push_str(t);
    if pad {
        out.push(' ');
    }
    out.push_str(&ticks);
}

fn longest_backtick_run(t: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in t.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest
}

/// A space, unless the output already ends with one.
fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

/// The edges of an element's rendered inside, and what lies between.
fn edges(s: &str, breaks: Breaks) -> (Edge, &str, Edge) {
    // How this context writes a line break (in a heading it is a space,
    // which the whitespace rule below already reads).
    let br = match breaks {
        Breaks::Hard => Some("\\\n"),
        Breaks::Html => Some("<br>"),
        Breaks::Space => None,
    };
    let mut body = s;
    let mut trail = Edge::None;
    loop {
        // `\<br>` is the text "<br>", escaped.
        if let Some(rest) = br
            .and_then(|b| body.strip_suffix(b))
            .filter(|rest| breaks != Breaks::Html || !rest.ends_with('\\'))
        {
            body = rest;
            trail = Edge::Break;
        } else if let Some(c) = body.chars().next_back().filter(|c| c.is_whitespace()) {
            body = &body[..body.len() - c.len_utf8()];
            trail = trail.max(Edge::Space);
        } else {
            break;
        }
    }
    let mut lead = Edge::None;
    loop {
        if let Some(rest) = br.and_then(|b| body.strip_prefix(b)) {
            body = rest;
            lead = Edge::Break;
        } else if let Some(c) = body.chars().next().filter(|c| c.is_whitespace()) {
            body = &body[c.len_utf8()..];
            lead = lead.max(Edge::Space);
        } else {
            break;
        }
    }
    (lead, body, trail)
}

/// Write what an edge held, outside the element.
fn push_edge(e: Edge, breaks: Breaks, out: &mut String) {
    match (e, breaks) {
        (Edge::None, _) => {}
        (Edge::Space, _) | (Edge::Break, Breaks::Space) => push_space(out),
        (Edge::Break, Breaks::Hard) => {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push_str("\\\n");
            }
        }
        (Edge::Break, Breaks::Html) => {
            if !out.is_empty() && !out.ends_with("<br>") {
                out.push_str("<br>");
            }
        }
    }
}

fn wrap(c: &[Inline], open: char, close: char, ctx: &Ctx<'_>, out: &mut String) {
    let inner_ctx = Ctx {
        nested: true,
        ..*ctx
    };
    let mut inner = String::new();
    inlines_raw(c, &inner_ctx, &mut inner, false);
    let (lead, body, trail) = edges(&inner, ctx.breaks);
    if body.is_empty() {
        push_edge(lead.max(trail), ctx.breaks, out);
        return;
    }
    push_edge(lead, ctx.breaks, out);
    out.push(open);
    out.push_str(body);
    out.push(close);
    push_edge(trail, ctx.breaks, out);
}

/// CommonMark's Unicode whitespace, as far as flanking goes.
fn md_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// CommonMark's punctuation: ASCII punctuation and Unicode punctuation
/// and symbols (anything neither letter, digit, mark nor space).
fn md_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| {
        c.is_ascii_punctuation()
            || !(c.is_alphanumeric() || c.is_whitespace() || c.is_ascii() || is_mark(c))
    })
}

/// Combining marks continue the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Turn the emphasis placeholders of `raw` into delimiters where
/// CommonMark lets them open and close, and drop the pairs it would show
/// as stars. Linear: one pass to pair them, one to write.
fn resolve_delimiters(raw: &str, out: &mut String) {
    if !raw.contains(is_placeholder) {
        out.push_str(raw);
        return;
    }
    // Two spans of the same kind side by side are one (`<b>D</b><b>ay</b>`
    // is `**Day**`; `**D****ay**` shows its stars). Pairs stay nested: what
    // lies between the merged ends is balanced on both sides.
    let mut chars: Vec<char> = Vec::with_capacity(raw.len());
    for c in raw.chars() {
        match (chars.last(), c) {
            (Some(&CLOSE_STRONG), OPEN_STRONG) | (Some(&CLOSE_EM), OPEN_EM) => {
                chars.pop();
            }
            _ => chars.push(c),
        }
    }
    let n = chars.len();
    // The nearest character that is not a placeholder, on each side.
    let mut prev_real = vec![None; n];
    let mut last = None;
    for (k, &c) in chars.iter().enumerate() {
        prev_real[k] = last;
        if !is_placeholder(c) {
            last = Some(c);
        }
    }
    let mut next_real = vec![None; n];
    let mut next = None;
    for k in (0..n).rev() {
        next_real[k] = next;
        if !is_placeholder(chars[k]) {
            next = Some(chars[k]);
        }
    }
    let can_open = |k: usize| {
        let (before, after) = (prev_real[k], next_real[k]);
        !md_space(after) && (!md_punct(after) || md_space(before) || md_punct(before))
    };
    let can_close = |k: usize| {
        let (before, after) = (prev_real[k], next_real[k]);
        !md_space(before) && (!md_punct(before) || md_space(after) || md_punct(after))
    };
    let mut keep = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    for k in 0..n {
        match chars[k] {
            OPEN_STRONG | OPEN_EM => stack.push(k),
            CLOSE_STRONG | CLOSE_EM => {
                if let Some(o) = stack.pop() {
                    let ok = can_open(o) && can_close(k);
                    keep[o] = ok;
                    keep[k] = ok;
                }
            }
            _ => {}
        }
    }
    for (k, &c) in chars.iter().enumerate() {
        match c {
            OPEN_STRONG | CLOSE_STRONG if keep[k] => out.push_str("**"),
            OPEN_EM | CLOSE_EM if keep[k] => out.push('*'),
            c if is_placeholder(c) => {}
            c => out.push(c),
        }
    }
}

/// Whether the byte at `i` has an ASCII space or tab on both sides.
fn spaced(bytes: &[u8], i: usize) -> bool {
    let space = |b: Option<&u8>| matches!(b, Some(b' ' | b'\t'));
    i > 0 && space(bytes.get(i - 1)) && space(bytes.get(i + 1))
}

/// Escape text so that no Markdown syntax appears in it. `line_start`: the
/// text begins a line, where `#`, `>`, list markers and `=`/`-` rules count.
pub fn escape_inline(t: &str, out: &mut String, line_start: bool) {
    let bytes = t.as_bytes();
    if line_start {
        let trimmed = t.trim_start();
        let first = trimmed.chars().next();
        let needs = match first {
            Some('#') | Some('>') | Some('=') => true,
            Some('-') | Some('+') | Some('*') => {
                trimmed.len() == 1 || trimmed[1..].starts_with([' ', '-', '*'])
            }
            Some(c) if c.is_ascii_digit() => {
                let digits = trimmed.bytes().take_while(|b| b.is_ascii_digit()).count();
                digits <= 9
                    && trimmed[digits..].starts_with(['.', ')'])
                    && trimmed[digits + 1..]
                        .chars()
                        .next()
                        .is_none_or(|c| c == ' ')
            }
            _ => false,
        };
        if needs {
            let lead = t.len() - trimmed.len();
            out.push_str(&t[..lead]);
            let rest = &t[lead..];
            if first.is_some_and(|c| c.is_ascii_digit()) {
                let digits = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
                out.push_str(&rest[..digits]);
                out.push('\\');
                escape_inline(&rest[digits..], out, false);
            } else {
                // `*` is escaped by the inline rules below; once is enough
                // (`\\*` would show the backslash).
                if first != Some('*') {
                    out.push('\\');
                }
                escape_inline(rest, out, false);
            }
            return;
        }
    }
    for (i, ch) in t.char_indices() {
        match ch {
            // A star or underscore with a space on both sides can neither
            // open nor close emphasis ("5 * 3", "a _ b"): left as written.
            '*' | '_' if spaced(bytes, i) => out.push(ch),
            '\\' | '`' | '*' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            '_' => {
                // Intraword underscores (snake_case) cannot start emphasis.
                let prev = i.checked_sub(1).map(|j| bytes[j]);
                let next = bytes.get(i + 1).copied();
                let word =
                    |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
                if word(prev) && word(next) {
                    out.push('_');
                } else {
                    out.push_str("\\_");
                }
            }
            '<' => {
                // `<x` could open an autolink or raw HTML.
                let next = bytes.get(i + 1).copied();
                if next
                    .is_some_and(|b| b.is_ascii_alphabetic() || b == b'/' || b == b'!' || b == b'?')
                {
                    out.push_str("\\<");
                } else {
                    out.push('<');
                }
            }
            '&' => {
                // `&amp;` would be read back as an entity.
                let rest = &t[i + 1..];
                let ent = rest.find(';').is_some_and(|e| {
                    e > 0
                        && e < 32
                        && rest[..e]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                });
                if ent {
                    out.push_str("\\&");
                } else {
                    out.push('&');
                }
            }
            '\n' => out.push(' '),
            c if is_placeholder(c) => {}
            _ => out.push(ch),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(t: &str, start: bool) -> String {
        let mut s = String::new();
        escape_inline(t, &mut s, start);
        s
    }

    #[test]
    fn escapes_inline_syntax() {
        assert_eq!(esc("a *b* [c] `d`", false), "a \\*b\\* \\[c\\] \\`d\\`");
        assert_eq!(esc("snake_case _x_", false), "snake_case \\_x\\_");
        assert_eq!(esc("1 < 2 <b>", false), "1 < 2 \\<b>");
        assert_eq!(esc("AT&T &amp;", false), "AT&T \\&amp;");
        // Only where they could open or close emphasis.
        assert_eq!(esc("5 * 3 and a _ b", false), "5 * 3 and a _ b");
        assert_eq!(esc("* at the start", true), "\\* at the start");
    }

    #[test]
    fn escapes_block_syntax_at_line_start() {
        assert_eq!(esc("# not a heading", true), "\\# not a heading");
        assert_eq!(esc("1. not a list", true), "1\\. not a list");
        assert_eq!(esc("- dash", true), "\\- dash");
        assert_eq!(esc("-5 degrees", true), "-5 degrees");
        assert_eq!(esc("2022. A year", true), "2022\\. A year");
        assert_eq!(esc("# inside", false), "# inside");
    }

    #[test]
    fn nested_lists_indent_by_marker_width() {
        let item = |t: &str| vec![Block::Paragraph(vec![Inline::Text(t.into())])];
        let inner = List {
            ordered: false,
            start: None,
            items: vec![item("b1"), item("b2")],
        };
        let mut second = item("b");
        second.push(Block::List(inner));
        let l = List {
            ordered: true,
            start: None,
            items: vec![item("a"), second],
        };
        let mut out = String::new();
        list(&l, &RenderOptions::default(), &mut out);
        assert_eq!(out, "1. a\n2. b\n   - b1\n   - b2");
    }

    #[test]
    fn adjacent_code_spans_are_one() {
        let v = vec![
            Inline::Code("U+00DF".into()),
            Inline::Code("0x".into()),
            Inline::Text(" and".into()),
        ];
        let mut out = String::new();
        inlines(&v, &RenderOptions::default(), &mut out, false);
        assert_eq!(out, "`U+00DF0x` and");
    }

    #[test]
    fn code_span_outgrows_backticks_inside() {
        let mut out = String::new();
        code_span("a `` b", &mut out);
        assert_eq!(out, "```a `` b```");
        let mut out = String::new();
        code_span("`x`", &mut out);
        assert_eq!(out, "`` `x` ``");
    }

    #[test]
    fn code_fence_outgrows_backticks_inside() {
        let mut out = String::new();
        code(Some("md"), "```\nx\n```", &mut out);
        assert_eq!(out, "````md\n```\nx\n```\n````");
    }
}
