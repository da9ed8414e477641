//! One pass over the document collecting everything the metadata stage reads:
//! `<meta>` and `<link>` tags, `<title>`, JSON-LD scripts, `<h1>`s, `<time>`
//! elements, microdata `itemprop`s, and elements whose class, id or rel hint
//! at a byline or a date.

use std::sync::LazyLock;

use regex::Regex;

use crate::dom::{tag, Dom, NodeData, NodeId};

/// Candidate lists are capped so that a page with thousands of teasers costs
/// no more than one with a few: the article's own byline and date come early.
const MAX_CANDIDATES: usize = 400;

/// What the collection pass found.
#[derive(Debug, Default)]
pub struct Page<'a> {
    /// `(key, content)` of every `<meta>` with content, key lower-cased from
    /// `property`, `name`, `itemprop` or `http-equiv`.
    pub metas: Vec<(String, &'a str)>,
    pub html_lang: Option<&'a str>,
    /// Text of the document's `<title>`.
    pub title: Option<String>,
    pub canonical: Option<&'a str>,
    /// `<link rel=image_src>`.
    pub image_src: Option<&'a str>,
    /// Raw text of each `script[type=application/ld+json]`.
    pub ld_json: Vec<String>,
    pub h1s: Vec<NodeId>,
    /// `<time>` elements.
    pub times: Vec<NodeId>,
    /// Elements (not `<meta>`) with an `itemprop`, with its lower-cased value.
    pub itemprops: Vec<(NodeId, String)>,
    /// Elements whose class or id mentions a date.
    pub date_hints: Vec<NodeId>,
    /// Elements whose class, id or rel mentions an author or byline.
    pub author_hints: Vec<NodeId>,
}

static DATE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)date|time|publi|posted|dateline|meta|byline|info|datum|fecha|data|entry-meta|post-meta|submitted|stamp").expect("valid regex")
});
static AUTHOR_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)author|byline|writer|username|autor|auteur|creator|reporter|contributor|journalist|redakteur")
        .expect("valid regex")
});

/// Author archive links: `/author/jane-doe/`, `/autoren/…`.
static AUTHOR_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/(?:author|autor|autoren|authors|auteur|profile/authors?)/[^/]")
        .expect("valid regex")
});

impl<'a> Page<'a> {
    /// The first non-empty content of a meta tag whose key is one of `keys`,
    /// trying the keys in order.
    pub fn get(&self, keys: &[&str]) -> Option<&'a str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(key, v)| key == k && !v.trim().is_empty())
                .map(|(_, v)| *v)
        })
    }

    /// Every non-empty content of meta tags with one of `keys`, in document order.
    pub fn all(&self, keys: &[&str]) -> Vec<&'a str> {
        self.metas
            .iter()
            .filter(|(key, v)| keys.contains(&key.as_str()) && !v.trim().is_empty())
            .map(|(_, v)| *v)
            .collect()
    }
}

fn is_in_svg(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| dom.is(a, &tag!("svg")))
}

/// Run the collection pass.
pub fn collect(dom: &Dom) -> Page<'_> {
    let mut page = Page {
        html_lang: dom
            .html()
            .and_then(|h| dom.attr(h, "lang").or_else(|| dom.attr(h, "xml:lang"))),
        ..Page::default()
    };
    let mut it = dom.descendants(Dom::ROOT);
    while let Some(id) = it.next() {
        let NodeData::Element(el) = dom.data(id) else {
            continue;
        };
        let name = &el.name.local;
        match *name {
            tag!("meta") => {
                let Some(content) = el.attr("content").or_else(|| el.attr("value")) else {
                    continue;
                };
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = el.attr(key) {
                        // RDFa allows several space-separated properties.
                        for k in k.split_whitespace() {
                            page.metas.push((k.to_ascii_lowercase(), content));
                        }
                    }
                }
                continue;
            }
            tag!("link") => {
                let rel = el.attr("rel").unwrap_or("");
                let href = el.attr("href").filter(|h| !h.trim().is_empty());
                if rel.eq_ignore_ascii_case("canonical") && page.canonical.is_none() {
                    page.canonical = href;
                } else if rel.eq_ignore_ascii_case("image_src") && page.image_src.is_none() {
                    page.image_src = href;
                }
                continue;
            }
            tag!("title") => {
                if page.title.is_none() && !is_in_svg(dom, id) {
                    let t = dom.text_content(id);
                    if !t.is_empty() {
                        page.title = Some(t);
                    }
                }
                it.skip_children();
                continue;
            }
            tag!("script") => {
                let ty = el.attr("type").unwrap_or("");
                if ty.trim().eq_ignore_ascii_case("application/ld+json") {
                    let mut s = String::new();
                    for c in dom.children(id) {
                        if let Some(t) = dom.text(c) {
                            s.push_str(t);
                        }
                    }
                    page.ld_json.push(s);
                }
                it.skip_children();
                continue;
            }
            tag!("style") | tag!("template") | tag!("svg") => {
                it.skip_children();
                continue;
            }
            tag!("h1") => page.h1s.push(id),
            tag!("time") => {
                if page.times.len() < MAX_CANDIDATES {
                    page.times.push(id)
                }
            }
            _ => {}
        }
        // Microdata, and RDFa `property="schema:datePublished"` read the same way.
        if let Some(p) = el.attr("itemprop").or_else(|| el.attr("property")) {
            if page.itemprops.len() < MAX_CANDIDATES {
                let p = p.to_ascii_lowercase();
                let p = p.strip_prefix("schema:").map(str::to_string).unwrap_or(p);
                page.itemprops.push((id, p));
            }
        }
        let class = el.attr("class").unwrap_or("");
        let idattr = el.attr("id").unwrap_or("");
        let rel = el.attr("rel").unwrap_or("");
        if (!class.is_empty() || !idattr.is_empty() || !rel.is_empty() || *name == tag!("a"))
            && page.author_hints.len() < MAX_CANDIDATES
            && (AUTHOR_HINT.is_match(class)
                || AUTHOR_HINT.is_match(idattr)
                || rel.eq_ignore_ascii_case("author")
                || (*name == tag!("a") && el.attr("href").is_some_and(|h| AUTHOR_LINK.is_match(h))))
        {
            page.author_hints.push(id);
        }
        if (!class.is_empty() || !idattr.is_empty())
            && page.date_hints.len() < MAX_CANDIDATES
            && (DATE_HINT.is_match(class) || DATE_HINT.is_match(idattr))
        {
            page.date_hints.push(id);
        }
    }
    page
}
