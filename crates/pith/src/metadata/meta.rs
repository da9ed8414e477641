//! One pass over the document collecting everything the metadata stage reads:
//! `<meta>` and `<link>` tags, `<title>`, JSON-LD scripts, `<h1>`s, `<time>`
//! elements, microdata `itemprop`s, and elements whose class, id or rel hint
//! at a byline or a date.

use super::hint::Needles;
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
    /// Microdata `itemtype`s, lower-cased, without the schema prefix, each
    /// once (`product`, `answer`).
    pub itemtypes: Vec<String>,
    /// Elements whose class or id mentions a date.
    pub date_hints: Vec<NodeId>,
    /// Elements whose class, id or rel mentions an author or byline.
    pub author_hints: Vec<NodeId>,
}

/// Class and id words of date elements (`entry-date`, `post-meta`,
/// `timestamp`), then of byline elements: one list, so that each class is
/// scanned once.
static CLASS_HINT: Needles = Needles::new(&[
    // Date words: bits 0..12.
    "date",
    "time",
    "publi",
    "posted",
    "meta",
    "byline",
    "info",
    "datum",
    "fecha",
    "data",
    "submitted",
    "stamp",
    // Author words: bits 12..23.
    "author",
    "byline",
    "writer",
    "username",
    "autor",
    "auteur",
    "creator",
    "reporter",
    "contributor",
    "journalist",
    "redakteur",
]);
const DATE_BITS: u64 = (1 << 12) - 1;
const AUTHOR_BITS: u64 = ((1 << 23) - 1) & !DATE_BITS;

/// True for author archive links: `/author/jane-doe/`, `/autoren/…`.
fn is_author_link(href: &str) -> bool {
    const DIRS: &[&str] = &[
        "author/",
        "autor/",
        "autoren/",
        "authors/",
        "auteur/",
        "profile/author/",
        "profile/authors/",
        // News sites file their staff's pages as reporters. (Not
        // `journalist/`: some file their reporters' stories there.)
        "reporter/",
        "reporters/",
    ];
    memchr::memchr_iter(b'/', href.as_bytes()).any(|i| {
        let rest = &href[i + 1..];
        DIRS.iter().any(|d| {
            rest.starts_with(d) && rest.as_bytes().get(d.len()).is_some_and(|&b| b != b'/')
        })
    })
}

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

/// True when the microdata property at `id` belongs to an item that is
/// itself a property of another: a reference's `<meta itemprop="author">`
/// inside `<li itemprop="citation" itemscope>`, a review's or a comment's
/// date. The page's own article is the top item, or its `mainEntity`.
fn in_sub_item(dom: &Dom, id: NodeId) -> bool {
    let Some(item) = dom
        .ancestors(id)
        .find(|&a| dom.attr(a, "itemscope").is_some())
    else {
        return false;
    };
    // The page's own post may itself be a property: `mainEntity` of the
    // WebPage, or Blogger's `blogPost` of the Blog.
    dom.attr(item, "itemprop").is_some_and(|p| {
        !p.split_whitespace().any(|p| {
            ["mainEntity", "mainEntityOfPage", "blogPost", "blogPosts"]
                .iter()
                .any(|own| p.eq_ignore_ascii_case(own))
        })
    })
}

/// True for a value the CMS never filled in: a template literal
/// (`{{site.name}}`, `${title}`, `{% date %}`, `%title%`) or punctuation
/// alone (`. .`). The next source is read instead.
fn is_placeholder(v: &str) -> bool {
    let v = v.trim();
    !v.is_empty()
        && (!v.chars().any(char::is_alphanumeric)
            || v.contains("{{")
            || v.contains("${")
            || v.contains("{%")
            || (v.len() > 2
                && v.starts_with('%')
                && v.ends_with('%')
                && v[1..v.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')))
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
                if is_placeholder(content) {
                    continue;
                }
                for key in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = el.attr(key) {
                        if key == "itemprop" && in_sub_item(dom, id) {
                            continue;
                        }
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
        if let Some(t) = el.attr("itemtype") {
            // An `itemtype` may list several URLs; the last path word names each.
            for t in t.split_whitespace() {
                let t = t.trim_end_matches('/');
                let t = t
                    .rsplit(['/', ':', '#'])
                    .next()
                    .unwrap_or(t)
                    .to_ascii_lowercase();
                if !t.is_empty() && page.itemtypes.len() < 16 && !page.itemtypes.contains(&t) {
                    page.itemtypes.push(t);
                }
            }
        }
        // Microdata, and RDFa `property="schema:datePublished"` read the same way.
        if let Some(p) = el.attr("itemprop").or_else(|| el.attr("property")) {
            if page.itemprops.len() < MAX_CANDIDATES
                && !(el.attr("itemprop").is_some() && in_sub_item(dom, id))
            {
                let p = p.to_ascii_lowercase();
                let p = p.strip_prefix("schema:").map(str::to_string).unwrap_or(p);
                page.itemprops.push((id, p));
            }
        }
        let class = el.attr("class").unwrap_or("");
        let idattr = el.attr("id").unwrap_or("");
        let mut bits = 0;
        if !class.is_empty() {
            bits |= CLASS_HINT.found(class, u64::MAX);
        }
        if !idattr.is_empty() {
            bits |= CLASS_HINT.found(idattr, u64::MAX);
        }
        if page.author_hints.len() < MAX_CANDIDATES
            && (bits & AUTHOR_BITS != 0
                || el
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("author"))
                || (*name == tag!("a") && el.attr("href").is_some_and(is_author_link)))
        {
            page.author_hints.push(id);
        }
        if bits & DATE_BITS != 0 && page.date_hints.len() < MAX_CANDIDATES {
            page.date_hints.push(id);
        }
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in [
            "{{site.name}}",
            "${title}",
            "{% date %}",
            "%title%",
            ". .",
            "-",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for v in ["Example Blog", "100% Natur", "C++", "4 Minuten", ""] {
            assert!(!is_placeholder(v), "{v}");
        }
    }

    #[test]
    fn author_links() {
        assert!(is_author_link("https://example.com/author/jane-doe/"));
        assert!(is_author_link("/autoren/max"));
        assert!(is_author_link("/profile/authors/x"));
        assert!(is_author_link("/reporters/jose-de-la-cruz"));
        assert!(!is_author_link("/author/"));
        assert!(!is_author_link("/authority/x"));
    }

    #[test]
    fn class_hints_by_kind() {
        let html = r#"<html><body><span class="entry-date">1</span>
            <span class="post-author">2</span><span class="byline">3</span>
            <span class="x">4</span></body></html>"#;
        let dom = Dom::parse(html, Default::default());
        let page = collect(&dom);
        let classes = |ids: &[NodeId]| -> Vec<String> {
            ids.iter()
                .filter_map(|&i| dom.attr(i, "class").map(str::to_string))
                .collect()
        };
        assert_eq!(classes(&page.date_hints), ["entry-date", "byline"]);
        assert_eq!(classes(&page.author_hints), ["post-author", "byline"]);
    }
}
