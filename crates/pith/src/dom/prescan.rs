//! The pass over the raw text before html5ever sees it.
//!
//! It does two things in one linear walk over the markup:
//!
//! - cuts the bodies of `<script>` and `<style>` (half the bytes of a typical
//!   news page, read by no stage), keeping JSON-LD scripts whole for the
//!   metadata stage;
//! - bounds the distinct long names html5ever must intern (see
//!   [`MAX_DISTINCT_NAMES`]);
//! - caps the number of attributes of one tag. html5ever checks each new
//!   attribute against all earlier ones of its tag, so a tag with 200,000
//!   attributes costs 2 x 10^10 comparisons; attributes past the cap are
//!   dropped here, before the tokenizer sees them, and the cut is reported.
//!
//! To know where a tag ends the walk follows the tokenizer's states: tags
//! with quoted and unquoted attribute values, comments, bogus comments and
//! doctypes, and the elements whose content is text (`<title>`,
//! `<textarea>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`,
//! `<plaintext>`; `<script>` and `<style>`), which only mean that in HTML
//! content, not inside `<svg>` or `<math>`.

use std::borrow::Cow;

use memchr::{memchr, memmem};

/// The text html5ever is given, and what the pass changed.
#[derive(Debug)]
pub(crate) struct Prepared<'a> {
    pub text: Cow<'a, str>,
    /// Tags whose attributes past the cap were dropped.
    pub capped_tags: usize,
    /// Tag and attribute names renamed past [`MAX_DISTINCT_NAMES`].
    pub renamed_names: usize,
    /// The most attributes seen on one tag.
    pub max_attributes: usize,
}

/// ASCII whitespace as the tokenizer sees it.
#[inline]
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// What kind of content follows a start tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    Markup,
    /// Script or style: its body is cut (unless JSON-LD).
    Cut,
    /// Text up to the element's end tag (RCDATA and RAWTEXT elements).
    Text,
    /// `<plaintext>`: everything after it is text.
    Plain,
}

/// Where one tag ends and how many attributes it has.
struct TagScan {
    /// Index just past the closing `>` (or the input's end).
    end: usize,
    attrs: usize,
    /// Where the attribute after the cap starts, when there is one.
    cut_at: Option<usize>,
    self_closing: bool,
}

/// Follow the tokenizer through the attributes of a tag, from `i` (just
/// past the tag name) to the `>` that ends it; `on_name` is given the span
/// of each attribute name.
fn scan_tag(b: &[u8], mut i: usize, cap: usize, mut on_name: impl FnMut(usize, usize)) -> TagScan {
    #[derive(Clone, Copy)]
    enum S {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Unquoted,
        AfterQuoted,
        SelfClosing,
    }
    let mut s = S::BeforeName;
    let mut attrs = 0usize;
    let mut cut_at = None;
    let mut self_closing = false;
    let mut name_start = 0;
    let n = b.len();
    while i < n {
        let c = b[i];
        match s {
            S::BeforeName => {
                if is_space(c) {
                } else if c == b'/' {
                    s = S::SelfClosing;
                } else if c == b'>' {
                    return TagScan {
                        end: i + 1,
                        attrs,
                        cut_at,
                        self_closing,
                    };
                } else {
                    attrs += 1;
                    if attrs > cap && cut_at.is_none() {
                        cut_at = Some(i);
                    }
                    name_start = i;
                    s = S::Name;
                }
            }
            S::Name => {
                let next = match c {
                    b'/' => Some(S::SelfClosing),
                    b'>' => {
                        on_name(name_start, i);
                        return TagScan {
                            end: i + 1,
                            attrs,
                            cut_at,
                            self_closing,
                        };
                    }
                    b'=' => Some(S::BeforeValue),
                    c if is_space(c) => Some(S::AfterName),
                    _ => None,
                };
                if let Some(next) = next {
                    on_name(name_start, i);
                    s = next;
                }
            }
            S::AfterName => {
                if is_space(c) {
                } else if c == b'/' {
                    s = S::SelfClosing;
                } else if c == b'=' {
                    s = S::BeforeValue;
                } else if c == b'>' {
                    return TagScan {
                        end: i + 1,
                        attrs,
                        cut_at,
                        self_closing,
                    };
                } else {
                    attrs += 1;
                    if attrs > cap && cut_at.is_none() {
                        cut_at = Some(i);
                    }
                    name_start = i;
                    s = S::Name;
                }
            }
            S::BeforeValue => {
                if is_space(c) {
                } else if c == b'"' || c == b'\'' {
                    // A quoted value: jump to its closing quote.
                    match memchr(c, &b[i + 1..]) {
                        Some(q) => {
                            i += q + 1;
                            s = S::AfterQuoted;
                        }
                        None => i = n,
                    }
                } else if c == b'>' {
                    return TagScan {
                        end: i + 1,
                        attrs,
                        cut_at,
                        self_closing,
                    };
                } else {
                    s = S::Unquoted;
                }
            }
            S::Unquoted => {
                if is_space(c) {
                    s = S::BeforeName;
                } else if c == b'>' {
                    return TagScan {
                        end: i + 1,
                        attrs,
                        cut_at,
                        self_closing,
                    };
                }
            }
            S::AfterQuoted => {
                if is_space(c) {
                    s = S::BeforeName;
                } else if c == b'/' {
                    s = S::SelfClosing;
                } else if c == b'>' {
                    return TagScan {
                        end: i + 1,
                        attrs,
                        cut_at,
                        self_closing,
                    };
                } else {
                    // Reconsumed as the start of the next attribute name.
                    s = S::BeforeName;
                    continue;
                }
            }
            S::SelfClosing => {
                if c == b'>' {
                    self_closing = true;
                    return TagScan {
                        end: i + 1,
                        attrs,
                        cut_at,
                        self_closing,
                    };
                }
                s = S::BeforeName;
                continue;
            }
        }
        i += 1;
    }
    if matches!(s, S::Name) {
        on_name(name_start, n);
    }
    TagScan {
        end: n,
        attrs,
        cut_at,
        self_closing,
    }
}

/// The position of the first `</name` (ASCII case ignored) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut j = from;
    loop {
        let k = memmem::find(&b[j..], b"</")?;
        let at = j + k;
        let after = at + 2;
        if b.len() >= after + name.len() && b[after..after + name.len()].eq_ignore_ascii_case(name)
        {
            return Some(at);
        }
        j = after;
    }
}

/// The output text, copied from the input only where something changes.
struct Rewriter<'a> {
    html: &'a str,
    out: Option<String>,
    /// `html[last..]` is not yet copied to `out`.
    last: usize,
}

impl<'a> Rewriter<'a> {
    /// Replace `html[start..end]` with `with`; spans come in order.
    fn replace(&mut self, start: usize, end: usize, with: &str) {
        if start < self.last {
            return;
        }
        let html = self.html;
        let o = self
            .out
            .get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[self.last..start]);
        o.push_str(with);
        self.last = end;
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            Some(mut o) => {
                o.push_str(&self.html[self.last..]);
                Cow::Owned(o)
            }
            None => Cow::Borrowed(self.html),
        }
    }
}

/// Long names (over 7 bytes) a document may use before their distinct
/// values are counted. string_cache keeps names of 7 bytes or less inside
/// the atom and those of html5ever's static set in a table; any other name
/// goes into one process-wide table of 4,096 chained buckets, so each new
/// distinct name walks a longer chain: a page of 100,000 distinct names
/// took 1.8 s, quadratic. Pages carry a few thousand long names (`data-`
/// and `aria-` attributes), most of them static, so counting starts late.
const LONG_NAMES_BEFORE_COUNTING: usize = 4096;

/// Distinct unknown long names kept once counting has started; later ones
/// are renamed to short names that are never interned ([`RENAMED_TAG`],
/// [`RENAMED_ATTRIBUTE`]). 4,096 keeps every chain of the table short.
const MAX_DISTINCT_NAMES: usize = 4096;

/// What an element whose name is past [`MAX_DISTINCT_NAMES`] is called.
const RENAMED_TAG: &str = "pith-x";
/// What an attribute whose name is past [`MAX_DISTINCT_NAMES`] is called.
const RENAMED_ATTRIBUTE: &str = "data-x";

/// Bounds the distinct names a document makes html5ever intern.
#[derive(Default)]
struct Names {
    long: usize,
    /// Hashes of the distinct unknown long names seen since counting began
    /// (hashed with a per-process random key: the names are the page's).
    seen: std::collections::HashSet<u64>,
    hasher: std::collections::hash_map::RandomState,
    buf: String,
    renamed: usize,
}

impl Names {
    /// Is this name (a tag's or an attribute's, as written) kept as it is?
    fn keep(&mut self, name: &[u8]) -> bool {
        use std::hash::BuildHasher;
        if name.len() <= 7 {
            return true;
        }
        self.long += 1;
        if self.long <= LONG_NAMES_BEFORE_COUNTING {
            return true;
        }
        // The tokenizer lowercases ASCII letters in names.
        let Ok(text) = std::str::from_utf8(name) else {
            return true;
        };
        self.buf.clear();
        self.buf.push_str(text);
        self.buf.make_ascii_lowercase();
        if html5ever::LocalName::try_static(&self.buf).is_some() {
            return true;
        }
        let h = self.hasher.hash_one(self.buf.as_str());
        if self.seen.contains(&h) {
            return true;
        }
        if self.seen.len() < MAX_DISTINCT_NAMES {
            self.seen.insert(h);
            return true;
        }
        self.renamed += 1;
        false
    }
}

/// Prepare `html` for the tokenizer: cut script and style bodies, cap
/// attributes at `max_attributes` per tag, and bound the distinct long
/// names. Borrows the input when nothing changes.
pub(crate) fn prepare(html: &str, max_attributes: usize) -> Prepared<'_> {
    let b = html.as_bytes();
    let n = b.len();
    let mut w = Rewriter {
        html,
        out: None,
        last: 0,
    };
    let mut names = Names::default();
    let mut capped_tags = 0;
    let mut max_attrs = 0;
    // Depth inside <svg> and <math>, where no element's content is text.
    let mut foreign = 0usize;
    let mut i = 0;
    while let Some(p) = memchr(b'<', &b[i..]) {
        let pos = i + p;
        let next = b.get(pos + 1).copied().unwrap_or(0);
        if next == b'!' {
            if b[pos..].starts_with(b"<!--") {
                // `<!-->` and `<!--->` close at once; else the first `-->`
                // (or `--!>`) does.
                let body = pos + 4;
                if b[body..].starts_with(b">") {
                    i = body + 1;
                    continue;
                }
                if b[body..].starts_with(b"->") {
                    i = body + 2;
                    continue;
                }
                let mut j = body;
                let end = loop {
                    match memmem::find(&b[j..], b"--") {
                        Some(k) => {
                            let at = j + k + 2;
                            if b[at..].starts_with(b">") {
                                break Some(at + 1);
                            }
                            if b[at..].starts_with(b"!>") {
                                break Some(at + 2);
                            }
                            j = j + k + 1;
                        }
                        None => break None,
                    }
                };
                match end {
                    Some(e) => {
                        i = e;
                        continue;
                    }
                    None => break,
                }
            }
            // CDATA sections exist only in foreign content.
            if foreign > 0 && b[pos..].starts_with(b"<![CDATA[") {
                match memmem::find(&b[pos + 9..], b"]]>") {
                    Some(e) => {
                        i = pos + 9 + e + 3;
                        continue;
                    }
                    None => break,
                }
            }
            // Doctype or bogus comment: up to the first `>`.
            match memchr(b'>', &b[pos + 2..]) {
                Some(e) => {
                    i = pos + 2 + e + 1;
                    continue;
                }
                None => break,
            }
        }
        if next == b'?' {
            match memchr(b'>', &b[pos + 2..]) {
                Some(e) => {
                    i = pos + 2 + e + 1;
                    continue;
                }
                None => break,
            }
        }
        let end_tag = next == b'/';
        let name_start = if end_tag { pos + 2 } else { pos + 1 };
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if end_tag {
                // `</>` is dropped; `</ x>` and `</1>` are bogus comments.
                match memchr(b'>', &b[pos + 2..]) {
                    Some(e) => {
                        i = pos + 2 + e + 1;
                        continue;
                    }
                    None => break,
                }
            }
            // A `<` that starts no tag is text.
            i = pos + 1;
            continue;
        }
        let mut name_end = name_start;
        while name_end < n && !is_space(b[name_end]) && b[name_end] != b'/' && b[name_end] != b'>' {
            name_end += 1;
        }
        let name = &b[name_start..name_end];
        if !names.keep(name) {
            w.replace(name_start, name_end, RENAMED_TAG);
        }
        let tag = scan_tag(b, name_end, max_attributes, |s, e| {
            if !names.keep(&b[s..e]) {
                w.replace(s, e, RENAMED_ATTRIBUTE);
            }
        });
        max_attrs = max_attrs.max(tag.attrs);
        if let Some(cut) = tag.cut_at {
            // Keep the tag up to the first attribute over the cap.
            w.replace(cut, tag.end, ">");
            capped_tags += 1;
        }
        i = tag.end;
        let is = |s: &[u8]| name.eq_ignore_ascii_case(s);
        if is(b"svg") || is(b"math") {
            if end_tag {
                foreign = foreign.saturating_sub(1);
            } else if !tag.self_closing {
                foreign += 1;
            }
            continue;
        }
        if end_tag || foreign > 0 {
            continue;
        }
        let content = if is(b"script") || is(b"style") {
            Content::Cut
        } else if is(b"title")
            || is(b"textarea")
            || is(b"xmp")
            || is(b"iframe")
            || is(b"noembed")
            || is(b"noframes")
        {
            Content::Text
        } else if is(b"plaintext") {
            Content::Plain
        } else {
            Content::Markup
        };
        match content {
            Content::Markup => {}
            Content::Plain => break,
            Content::Text | Content::Cut => {
                // The first `</name` ends the element, as in the tokenizer.
                let Some(close) = find_end_tag(b, tag.end, name) else {
                    break;
                };
                let keep = content == Content::Text
                    || memmem::find(&b[pos..tag.end].to_ascii_lowercase(), b"ld+json").is_some();
                if !keep && close > tag.end {
                    w.replace(tag.end, close, "");
                }
                i = close;
            }
        }
    }
    Prepared {
        text: w.finish(),
        capped_tags,
        renamed_names: names.renamed,
        max_attributes: max_attrs,
    }
}

/// Cut script and style bodies only (the attribute cap left at its default).
pub(crate) fn strip_script_bodies(html: &str) -> Cow<'_, str> {
    prepare(html, usize::MAX).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_style_bodies_are_cut_but_json_ld_kept() {
        let html = r#"<head><script>var a = "<p>no</p>";</script><STYLE>p{}</STYLE>
            <script type="application/ld+json">{"a":1}</script></head>
            <body><!-- <script> --><p>kept</p><script src=x></script><scripts>y</scripts></body>"#;
        let cut = strip_script_bodies(html);
        assert!(!cut.contains("var a"));
        assert!(!cut.contains("p{}"));
        assert!(cut.contains(r#"{"a":1}"#));
        assert!(cut.contains("<p>kept</p>"));
        assert!(cut.contains("<scripts>y</scripts>"));
    }

    #[test]
    fn unterminated_script_is_left_alone() {
        let html = "<p>a</p><script>never closed <p>b</p>";
        assert_eq!(strip_script_bodies(html), html);
    }

    #[test]
    fn a_script_tag_inside_an_attribute_value_is_no_script() {
        // The quoted value holds `<script>`: the tokenizer sees an
        // attribute, so nothing after it may be cut.
        let html = r#"<a title="<script>">kept</a><p>also kept</p></script>"#;
        assert_eq!(strip_script_bodies(html), html);
    }

    #[test]
    fn a_script_tag_inside_a_title_or_textarea_is_text() {
        let html = "<title>How <script> tags work</title><p>kept</p><textarea><style>x</textarea><p>too</p></style>";
        assert_eq!(strip_script_bodies(html), html);
    }

    #[test]
    fn svg_style_and_script_are_markup() {
        let html = "<svg><style><a href=x>in svg</a></style></svg><script>cut</script>";
        let cut = strip_script_bodies(html);
        assert!(cut.contains("in svg"));
        assert!(!cut.contains("cut"));
    }

    #[test]
    fn attributes_past_the_cap_are_dropped() {
        let attrs: String = (0..10).map(|i| format!(" a{i}=\"v>{i}\"")).collect();
        let html = format!("<p{attrs}>text</p>");
        let p = prepare(&html, 4);
        assert_eq!(p.capped_tags, 1);
        assert_eq!(p.max_attributes, 10);
        assert_eq!(
            p.text,
            r#"<p a0="v>0" a1="v>1" a2="v>2" a3="v>3" >text</p>"#
        );
        // At the cap: untouched.
        let q = prepare(&html, 10);
        assert_eq!(q.capped_tags, 0);
        assert_eq!(q.text, html);
    }

    #[test]
    fn tag_ends_follow_the_tokenizer() {
        fn scan(s: &str) -> (&str, usize) {
            let t = scan_tag(s.as_bytes(), 2, usize::MAX, |_, _| {});
            (&s[..t.end], t.attrs)
        }
        assert_eq!(scan(r#"<a href="x>y" b>rest"#), (r#"<a href="x>y" b>"#, 2));
        // A quote not after `=` is part of a name; the `>` ends the tag.
        assert_eq!(scan(r#"<a x"y>rest"#), (r#"<a x"y>"#, 1));
        // An unquoted value runs to whitespace or `>`.
        assert_eq!(scan("<a x=a\"b>rest"), ("<a x=a\"b>", 1));
        assert_eq!(scan("<a x='1'y>rest"), ("<a x='1'y>", 2));
        assert_eq!(scan("<a / x / >rest"), ("<a / x / >", 1));
    }

    #[test]
    fn distinct_long_names_past_the_bound_are_renamed() {
        // Under the bound: a page with many long names, few distinct.
        let same = "<x-widget data-long-name=1>w</x-widget>".repeat(10_000);
        let p = prepare(&same, 256);
        assert_eq!(p.renamed_names, 0);
        assert!(matches!(p.text, Cow::Borrowed(_)));
        // Over it: every name different. Static names never count.
        let distinct: String = (0..12_000)
            .map(|i| format!("<x-el{i} data-at{i}=1 data-src=2>w</x-el{i}>"))
            .collect();
        let p = prepare(&distinct, 256);
        assert!(p.renamed_names > 0);
        assert!(p.text.contains("<pith-x data-x=1 data-src=2>w</pith-x>"));
        assert!(p.text.starts_with("<x-el0 data-at0=1"));
    }

    #[test]
    fn comments_hide_tags() {
        let html = "<!-- <script> --><p>a</p><!--> <script>x</script><!--->";
        let cut = strip_script_bodies(html);
        assert!(cut.contains("<p>a</p>"));
        assert!(!cut.contains(">x<"));
    }
}
