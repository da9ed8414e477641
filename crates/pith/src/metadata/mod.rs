//! Metadata stage: title, dates, authors, site, language, image, tags.
//!
//! Reads the same parsed tree as extraction; never mutates it.
//!
//! # Sources and precedence
//!
//! One pass over the tree (`meta::collect`) gathers `<meta>`/`<link>` tags,
//! `<title>`, JSON-LD scripts, `<h1>`s, `<time>`s, microdata and elements
//! whose class or id hints at a byline or a date. Per field, the first source
//! that gives a usable value wins:
//!
//! - **title**: an `<h1>` that equals a metadata title or is most of
//!   `<title>` or of `og:title` (each tried, as one may carry a longer
//!   suffix or kicker) with punctuation or nothing on each side (so a
//!   shortened h1, "Guide" missing, does not replace the full title); else `og:title`, the JSON-LD headline,
//!   `twitter:title`, other title metas (each with site-name pieces cut);
//!   else `<title>` with its site-name suffix or prefix cut; else the first `<h1>`.
//!   Permalink signs after an h1's text ("¶", "🔗"), soft hyphens, and the
//!   colon or dash left after its kicker are not part of it.
//!   See `title`.
//! - **date** / **date_modified**: JSON-LD, then publication `<meta>`s,
//!   microdata, the URL, `<time>`/date-classed elements, the text around the
//!   headline. See `pubdate` for the full order and plausibility rules.
//! - **authors**: JSON-LD Person authors; author `<meta>`s (`author`,
//!   `article:author`, `parsely-author`, `sailthru.author`, Dublin Core (`dc.` and RDFa `dc:`)
//!   creator, `citation_author`); microdata `itemprop=author`; `rel=author`
//!   and author/byline-classed elements; a "By …" line near the headline
//!   (after a rule of dashes too); a labelled line near the headline
//!   ("Autor: …", "… - Redaktion: …"), or a text that is only a label ("By",
//!   "Autor:", "| By", "Ein Artikel von") followed by the names, where the
//!   label says what the text is and only names that look like persons are
//!   kept (agency codes go); "Posted on `<date>` by …". A verb or noun before
//!   "by" ("Posted by", "Text von") is trusted with a one-word name, a bare
//!   "By"/"Von" is not (it starts sentences too); photo and illustration
//!   credits after the author's are cut;
//!   "`<date>` - Jane Doe" / "`<date>` von Olga" under the headline; a post's
//!   meta line ("postmetadata", "entry-meta") starting with "By";
//!   JSON-LD organisation authors last. A name that is the site's (equal to
//!   it or holding it, "Die FURCHE" on furche.at) goes when person names
//!   stand beside it (the publisher credited along); alone, it is the answer
//!   when the page names no one else (a blogger named like the blog, an
//!   organisation's own page), as all three evaluation sets' annotators read
//!   such bylines.
//!   A metadata name not shaped like a person's (`author::person_shaped`:
//!   a CMS login, a web agency, a desk, a domain) is credited only when the
//!   page shows it. A first name alone in metadata is completed from a byline
//!   or author box that prints the full name; a one-name meta gives way to
//!   a byline naming that writer and others; metadata names none of which
//!   the page shows (a publisher's name in `<meta name=author>`) give way to
//!   a byline of persons. After extraction, a signature
//!   closing the article (a bold name, "Text: …", "Von:" then the name)
//!   replaces a site-named author, or metadata names the page never shows
//!   (`author::from_signature`).
//!   Cleaning (`author::clean`): a date ends a byline, and the weekday or
//!   month name before it goes with it ("Jane Doe March 25, 2015"); label
//!   nouns ("Author", "Reporter", "Text") and job titles are cut only when a
//!   name of two words or more is left, since they are also words of names
//!   ("Jane Reporter", "Author Name"); sign-in links, "Our … Staff", CMS
//!   placeholders ("Super User", "publisher", "Unknown") and the country that
//!   ends an owner's address ("Firm, Town, Germany") are no names; twice-escaped Latin-1 letters (`&oacute;`) are decoded.
//! - **site_name**: `og:site_name`, JSON-LD publisher, JSON-LD WebSite name,
//!   `application-name`, else the piece of `<title>` beside the headline.
//! - **description**: `og:description`, `description`, `twitter:description`, JSON-LD.
//! - **language**: `<html lang>`, `Content-Language`, `og:locale`, JSON-LD `inLanguage`, `dc.language`;
//!   else detected from the article's text ([`language`], after extraction).
//! - **canonical_url**: `<link rel=canonical>` resolved against the page URL, else `og:url`.
//! - **image**: `og:image`, `twitter:image`, JSON-LD image, `<link rel=image_src>`;
//!   logos, icons and tracking pixels are skipped.
//! - **tags**: `keywords`, `article:tag`, `news_keywords`, `parsely-tags`, JSON-LD keywords.
//! - **categories**: `article:section`, `parsely-section`, JSON-LD `articleSection`.

pub(crate) mod author;
pub mod date;
mod hint;
mod jsonld;
pub mod language;
mod meta;
mod pubdate;
mod title;

use std::cell::RefCell;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use url::Url;

use crate::dom::{tag, Dom, NodeData, NodeId};
use hint::Needles;

/// Everything known about the page besides its body. Field names are part of
/// the JSON output and stable.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metadata {
    /// The article's headline, without a site-name suffix.
    pub title: Option<String>,
    /// Original publication date, ISO 8601 (`2022-02-28` or `2022-02-28T09:30:00+03:00`).
    pub date: Option<String>,
    /// Last modification date, ISO 8601, when the page gives one apart from `date`.
    pub date_modified: Option<String>,
    /// Person names, in byline order.
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    /// BCP 47 language tag (`en`, `de`, `pt-BR`).
    pub language: Option<String>,
    /// The lead image's absolute URL.
    pub image: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub canonical_url: Option<String>,
}

/// What the metadata stage knows besides the tree.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The page's address.
    pub url: Option<&'a Url>,
    /// Reference time in seconds since the Unix epoch (see [`crate::Options::now`]).
    pub now: Option<i64>,
}

/// Decode the HTML entities left in JSON-LD and attribute text, and collapse whitespace.
pub(crate) fn clean_text(s: &str) -> String {
    let decoded;
    let s = if s.contains('&') {
        decoded = decode_entities(s);
        decoded.as_str()
    } else {
        s
    };
    crate::dom::collapse_whitespace(s)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let ch = if let Some(num) = ent.strip_prefix('#') {
                let n = match num.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => num.parse().ok(),
                };
                n.and_then(char::from_u32)
            } else {
                Some(match ent {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    "nbsp" => ' ',
                    "rsquo" => '’',
                    "lsquo" => '‘',
                    "rdquo" => '”',
                    "ldquo" => '“',
                    "ndash" => '–',
                    "mdash" => '—',
                    "hellip" => '…',
                    "laquo" => '«',
                    "raquo" => '»',
                    _ => latin1_letter(ent)?,
                })
            };
            ch.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The Latin-1 letters by entity name (`oacute` → 'ó'): CMSs that escape
/// twice leave them in metadata as text ("Redacci&oacute;n").
fn latin1_letter(name: &str) -> Option<char> {
    const NAMES: [&str; 64] = [
        "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave",
        "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
        "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring",
        "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc",
        "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash",
        "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ];
    let i = NAMES.iter().position(|n| *n == name)?;
    // The names follow the code points U+00C0 to U+00FF in order.
    char::from_u32(0xC0 + u32::try_from(i).ok()?)
}

/// Class and id words of page parts that are not the article: comments,
/// related stories, sidebars, footers, navigation. Matched at the start of a
/// class segment (`related-posts`, `l-sidebar`, `commentList`).
static EXCLUDED: Needles = Needles::at_segment_start(&[
    "comment",
    "related",
    "recommend",
    "sidebar",
    "footer",
    "teaser",
    "promo",
    "popular",
    "trending",
    "readnext",
    "read-next",
    "morestories",
    "more-stories",
    "morearticles",
    "more-articles",
    "morenews",
    "more-news",
    "morefrom",
    "more-from",
    "also",
    "newsletter",
    "nav",
    "menu",
    "breadcrumb",
    "archive",
    "calendar",
    "pagination",
    "reply",
    "replies",
    "respond",
    "disqus",
    "outbrain",
    "taboola",
    "cookie",
    "mostread",
    "most-read",
    "latest",
    "carousel",
    "slider",
    "rail",
    "aside",
    "ticker",
    "tagcloud",
    "tag-cloud",
    "similar",
    "weitere",
    "otherposts",
    "other-posts",
    "otherarticles",
    "other-articles",
    "othernews",
    "other-news",
]);

/// What one node says about whether its subtree is page chrome.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The node is comments, a sidebar, navigation and the like.
    Excluded,
    /// The node is known article space (the body, the headline's ancestors).
    Clear,
    /// The node says nothing; its parent decides.
    Inherit,
}

/// The verdict of node `a` alone, `keep` being containers never excluded.
fn own_verdict(dom: &Dom, a: NodeId, keep: &[NodeId]) -> Verdict {
    if keep.contains(&a) {
        return Verdict::Clear;
    }
    let Some(el) = dom.element(a) else {
        return Verdict::Inherit;
    };
    match el.name.local {
        // An aside inside the article is its info box (date, author).
        tag!("aside") => {
            return if dom.ancestors(a).any(|x| dom.is(x, &tag!("article"))) {
                Verdict::Inherit
            } else {
                Verdict::Excluded
            };
        }
        tag!("footer") if !in_article(dom, a) => return Verdict::Excluded,
        tag!("nav") => return Verdict::Excluded,
        tag!("body") | tag!("html") => return Verdict::Clear,
        _ => {}
    }
    let class = el.attr("class").unwrap_or("");
    // Drupal marks every node shown on the front page "node-promoted": the
    // article itself, not a promo box.
    let unpromoted;
    let class = if class.contains("promoted") {
        unpromoted = class.replace("promoted", "");
        unpromoted.as_str()
    } else {
        class
    };
    let idattr = el.attr("id").unwrap_or("");
    if (EXCLUDED.is_match(class) || EXCLUDED.is_match(idattr))
        && !is_wrapper(dom, a)
        && !follows_headline(dom, a, keep)
        // An article's own footer carries its date and author.
        && !(class.contains("footer") && in_article(dom, a))
    {
        Verdict::Excluded
    } else {
        Verdict::Inherit
    }
}

/// True when `a` is the element right after the headline (`keep[0]`), text
/// and comments aside: the article's lead or dateline, whatever its class
/// says. German CMSs call the lead printed under the headline a teaser
/// (`l-detail-page__teaser-text`: "Pressemitteilung vom 25. Januar 2022 | …"),
/// the word that elsewhere marks boxes of other stories.
fn follows_headline(dom: &Dom, a: NodeId, keep: &[NodeId]) -> bool {
    let Some(&head) = keep.first() else {
        return false;
    };
    let mut prev = dom.prev_sibling(a);
    while let Some(p) = prev {
        if dom.is_element(p) {
            return p == head;
        }
        prev = dom.prev_sibling(p);
    }
    false
}

/// True when `id` sits inside comments, related stories, sidebars, footers or
/// navigation. Containers that hold the headline (`keep`, the anchor's
/// ancestors) are never such parts, whatever their class says: a page-wide
/// wrapper may well be called `has-sidebar`.
pub(crate) fn excluded_in(dom: &Dom, id: NodeId, keep: &[NodeId]) -> bool {
    for a in std::iter::once(id).chain(dom.ancestors(id)) {
        match own_verdict(dom, a, keep) {
            Verdict::Excluded => return true,
            Verdict::Clear => return false,
            Verdict::Inherit => {}
        }
    }
    false
}

/// [`excluded_in`] with the answers remembered per node: the byline and date
/// searches ask about many nodes under the same few containers.
#[derive(Debug, Default)]
pub(crate) struct Exclusion {
    keep: Vec<NodeId>,
    /// Per node: 0 unknown, 1 not excluded, 2 excluded.
    memo: RefCell<Vec<u8>>,
}

impl Exclusion {
    fn new(dom: &Dom, keep: Vec<NodeId>) -> Exclusion {
        Exclusion {
            keep,
            memo: RefCell::new(vec![0; dom.len()]),
        }
    }

    /// True when `id` is in comments, related stories and the like.
    pub fn get(&self, dom: &Dom, id: NodeId) -> bool {
        let mut memo = self.memo.borrow_mut();
        if memo.len() < dom.len() {
            memo.resize(dom.len(), 0);
        }
        // First walk: up to a node whose answer is known or decided.
        let mut stop = None;
        let mut answer = false;
        let mut cur = Some(id);
        while let Some(a) = cur {
            match memo[a] {
                1 => {
                    answer = false;
                    stop = Some(a);
                    break;
                }
                2 => {
                    answer = true;
                    stop = Some(a);
                    break;
                }
                _ => {}
            }
            match own_verdict(dom, a, &self.keep) {
                Verdict::Excluded => {
                    answer = true;
                    stop = Some(a);
                    break;
                }
                Verdict::Clear => {
                    stop = Some(a);
                    break;
                }
                Verdict::Inherit => cur = dom.parent(a),
            }
        }
        // Second walk: every node passed shares the answer.
        let mark = if answer { 2 } else { 1 };
        let mut cur = Some(id);
        while let Some(a) = cur {
            memo[a] = mark;
            if Some(a) == stop {
                break;
            }
            cur = dom.parent(a);
        }
        answer
    }
}

/// True when `id` is inside an `<article>`, a schema.org Article item, or an
/// element of class `article` (TYPO3's news template and others of its age
/// write `<div class="article"><div class="header">…<div class="footer">`,
/// the footer holding the story's date).
fn in_article(dom: &Dom, id: NodeId) -> bool {
    dom.ancestors(id).any(|a| {
        dom.is(a, &tag!("article"))
            || dom
                .attr(a, "itemtype")
                .is_some_and(|t| t.contains("Article") || t.contains("Posting"))
            || dom
                .attr(a, "class")
                // "hentry" is the hAtom class of a blog post (Blogger, WordPress).
                .is_some_and(|c| {
                    c.split_ascii_whitespace()
                        .any(|w| w == "article" || w == "hentry")
                })
    })
}

/// True when `id` spans a large share of the document: a layout wrapper
/// (`<div class="has-sidebar">`), not a box beside the article. Node ids
/// follow document order, so the last descendant's id bounds the subtree.
fn is_wrapper(dom: &Dom, id: NodeId) -> bool {
    let mut last = id;
    while let Some(c) = dom.last_child(last) {
        last = c;
    }
    // A sidebar or related box is well under a quarter of a page.
    last.saturating_sub(id) * 4 > dom.len()
}

/// Text nodes around the headline: where bylines and dates are printed.
#[derive(Debug, Default)]
pub(crate) struct TextWindow {
    /// Trimmed, whitespace-collapsed texts in document order, the ones after
    /// the anchor first, then the ones before it (nearest first).
    pub texts: Vec<String>,
    /// Exclusion answers; the headline and its ancestors are never excluded.
    pub exclusion: Exclusion,
    /// How many of `texts` come right after the headline.
    pub near: usize,
    /// How many of `texts` come after the headline, in document order.
    pub after: usize,
}

/// Texts after the headline read for a byline or date: a header holds a
/// dozen or two short texts; more than this is the article body.
const WINDOW_AFTER: usize = 40;
/// Texts right after the headline where its dateline is looked for.
const NEAR_TEXTS: usize = 8;
/// Texts before the headline (kicker, date above the title).
const WINDOW_BEFORE: usize = 12;

impl TextWindow {
    /// True when `id` is in comments, related stories and the like (see [`excluded_in`]).
    pub fn excluded(&self, dom: &Dom, id: NodeId) -> bool {
        self.exclusion.get(dom, id)
    }

    fn around(dom: &Dom, anchor: Option<NodeId>) -> TextWindow {
        let anchor_path: Vec<NodeId> = anchor
            .map(|a| std::iter::once(a).chain(dom.ancestors(a)).collect())
            .unwrap_or_default();
        let exclusion = Exclusion::new(dom, anchor_path);
        let excluded = |dom: &Dom, id: NodeId| exclusion.get(dom, id);
        let Some(root) = dom.body() else {
            return TextWindow {
                texts: Vec::new(),
                exclusion,
                near: 0,
                after: 0,
            };
        };
        let mut before: Vec<NodeId> = Vec::new();
        let mut after = Vec::new();
        let mut passed = anchor.is_none();
        let mut it = dom.descendants(root);
        while let Some(id) = it.next() {
            match dom.data(id) {
                NodeData::Element(e) => {
                    if matches!(
                        e.name.local,
                        tag!("script")
                            | tag!("style")
                            | tag!("noscript")
                            | tag!("template")
                            | tag!("svg")
                    ) || is_hidden(e)
                    {
                        it.skip_children();
                    } else if Some(id) == anchor {
                        passed = true;
                        it.skip_children();
                    }
                }
                NodeData::Text(t) => {
                    if t.trim().is_empty() {
                        continue;
                    }
                    if passed {
                        if let Some(p) = dom.parent(id) {
                            if excluded(dom, p) {
                                continue;
                            }
                        }
                        after.push(crate::dom::collapse_whitespace(t));
                        if after.len() >= WINDOW_AFTER {
                            break;
                        }
                    } else {
                        // Ids only: most texts before the headline are never read.
                        before.push(id);
                        if before.len() > WINDOW_BEFORE * 4 {
                            before.drain(..before.len() - WINDOW_BEFORE);
                        }
                    }
                }
                _ => {}
            }
        }
        let start = before.len().saturating_sub(WINDOW_BEFORE);
        // The dateline sits within a few texts of the headline: standfirst,
        // photo caption, a follow link, the author's name, handle and e-mail,
        // then the date: news sites' headers run to eight.
        let near = if anchor.is_some() {
            after.len().min(NEAR_TEXTS)
        } else {
            0
        };
        let after_len = after.len();
        let mut texts = after;
        if anchor.is_some() {
            texts.extend(
                before[start..]
                    .iter()
                    .rev()
                    .filter(|&&id| dom.parent(id).is_none_or(|p| !excluded(dom, p)))
                    .filter_map(|&id| dom.text(id).map(crate::dom::collapse_whitespace)),
            );
        }
        if let Some(a) = anchor {
            // Some sites print the date inside the headline element; least trusted.
            texts.push(dom.text_content(a));
        }
        TextWindow {
            texts,
            exclusion,
            near,
            after: after_len,
        }
    }
}

/// True when readers do not see the element: the `hidden` attribute, an
/// inline `display: none`, or the `hidden` utility class that CSS frameworks
/// (Bootstrap 3, many CMS themes) define as `display: none`. Such copies hold
/// machine-readable dates and names (`<time class="hidden">2018-08-29
/// 14:15:57</time>`, often the modification time) that the page does not show
/// under its headline. Bootstrap 4 calls the class `d-none`; WordPress's
/// Avada theme puts its `<span class="updated rich-snippet-hidden">` copy of
/// the modification time right before the date it prints.
fn is_hidden(e: &crate::dom::Element) -> bool {
    // One pass over the attributes, names compared as interned atoms: this
    // runs on every element before and around the headline.
    e.attrs.iter().any(|a| match a.name.local {
        tag!("hidden") => true,
        tag!("style") => crate::clean::is_hidden_style(Some(&a.value)),
        tag!("class") => {
            let c: &str = &a.value;
            (c.contains("hidden") || c.contains("d-none"))
                && c.split_ascii_whitespace()
                    .any(|w| matches!(w, "hidden" | "d-none" | "rich-snippet-hidden"))
        }
        _ => false,
    })
}

/// The original host of a page replayed from a web archive
/// (`web.archive.org/web/20140226054445/http://www.time4talks.com/…`): the
/// site the page names is that one, not the archive.
fn archived_host(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    if host != "web.archive.org" && host != "wayback.archive.org" {
        return None;
    }
    // /web/<timestamp, perhaps with a flag such as `id_`>/<original URL>
    let rest = url.path().strip_prefix("/web/")?;
    let (stamp, original) = rest.split_once('/')?;
    if !stamp.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let original = original
        .strip_prefix("http://")
        .or_else(|| original.strip_prefix("https://"))
        // The path may have had its `//` folded to one slash.
        .or_else(|| original.strip_prefix("http:/"))
        .or_else(|| original.strip_prefix("https:/"))
        .unwrap_or(original);
    let host = original.split(['/', '?', '#', ':']).next()?;
    host.contains('.').then(|| host.to_ascii_lowercase())
}

/// The registrable label of a host: `theguardian` for `www.theguardian.com`,
/// `bbc` for `www.bbc.co.uk`.
fn domain_label(host: &str) -> Option<String> {
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return labels.first().map(|s| s.to_string());
    }
    let n = labels.len();
    // Second-level public suffixes such as co.uk, com.au, org.br.
    let sld = matches!(
        labels[n - 2],
        "co" | "com" | "org" | "net" | "gov" | "ac" | "edu" | "ne" | "or" | "gv"
    );
    let i = if sld && n >= 3 { n - 3 } else { n - 2 };
    Some(labels[i].to_string())
}

/// Kickers and overlines printed inside the headline element.
static KICKER: Needles = Needles::new(&[
    "kicker",
    "overline",
    "topline",
    "dachzeile",
    "eyebrow",
    "supertitle",
    "roofline",
    "spitzmarke",
    "label",
    "category",
    "rubric",
    "flag",
]);

/// The text of heading `h` when the heading is one link to the site's
/// home page (`/`, or the page's host with no path): the site's name.
fn home_link_text(dom: &Dom, h: NodeId, url: Option<&url::Url>) -> Option<String> {
    let a_tag = crate::dom::tag!("a");
    let mut links = dom.find_all(h, &a_tag);
    let (a, None) = (links.next()?, links.next()) else {
        return None;
    };
    let href = dom.attr(a, "href")?.trim();
    let home = href == "/"
        || resolve(href, url)
            .and_then(|u| url::Url::parse(&u).ok())
            .is_some_and(|u| {
                u.path() == "/"
                    && u.query().is_none()
                    && url.is_some_and(|page| page.host_str() == u.host_str())
            });
    let text = dom.text_content(a);
    (home && !text.is_empty() && text == dom.text_content(h)).then_some(text)
}

/// The text of a headline element without its kicker ("Climate: " in a
/// separate span), with the pieces of a split headline joined by a space.
fn headline_text(dom: &Dom, id: NodeId) -> String {
    let mut t = headline_parts(dom, id);
    // Soft hyphens and zero-width spaces are line-break hints, not text.
    if t.contains(['\u{ad}', '\u{200b}']) {
        t = t.replace(['\u{ad}', '\u{200b}'], "");
    }
    // Permalink anchors printed after the heading text ("Title¶", "Title 🔗").
    match t.trim_end_matches(['¶', '🔗', '⚓', '§']).trim_end() {
        cut if cut.len() < t.len() && !cut.is_empty() => cut.to_string(),
        _ => t,
    }
}

fn headline_parts(dom: &Dom, id: NodeId) -> String {
    let kids: Vec<NodeId> = dom
        .children(id)
        .filter(|&c| dom.text(c).is_none_or(|t| !t.trim().is_empty()))
        .collect();
    if kids.len() >= 2 && kids.iter().all(|&c| dom.is_element(c)) {
        let kept: Vec<String> = kids
            .iter()
            .filter(|&&c| !dom.attr(c, "class").is_some_and(|k| KICKER.is_match(k)))
            .map(|&c| dom.text_content(c))
            .filter(|t| !t.is_empty())
            // The colon or dash that followed the kicker goes with it.
            .skip_while(|t| !t.chars().any(char::is_alphanumeric))
            .collect();
        if !kept.is_empty() {
            let mut joined = String::new();
            for k in &kept {
                crate::dom::push_word(&mut joined, k);
            }
            return joined;
        }
    }
    dom.text_content(id)
}

/// The usual UTC offset in minutes of a site's readers, from its language
/// region or country domain, where one zone covers most of them: used to turn
/// UTC timestamps into the day the page showed.
fn site_utc_offset(region: &str, tld: &str) -> Option<i32> {
    let zone = |c: &str| match c {
        // The Americas: UTC-3 (Brazil, Argentina) to UTC-8; -4 is the middle.
        "US" | "CA" | "BR" | "MX" | "AR" | "CL" | "CO" | "PE" | "UY" | "VE" | "BO" | "EC"
        | "PY" => Some(-4 * 60),
        "AU" => Some(10 * 60),
        "NZ" => Some(12 * 60),
        "JP" | "KR" => Some(9 * 60),
        "CN" | "HK" | "TW" | "SG" | "MY" | "PH" => Some(8 * 60),
        "ID" | "TH" | "VN" => Some(7 * 60),
        "IN" => Some(5 * 60 + 30),
        _ => None,
    };
    zone(region).or_else(|| zone(&tld.to_ascii_uppercase()))
}

fn resolve(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with("data:") {
        return None;
    }
    match base {
        Some(b) => b.join(href).ok().map(String::from),
        None => Url::parse(href).ok().map(String::from),
    }
}

static BAD_IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)logo|favicon|icon|sprite|1x1|pixel|spacer|blank\.gif|placeholder|default-?(?:image|og|share)").expect("valid regex")
});

/// Labels of the writer in the Twitter card's label/data pairs, as Yoast
/// SEO writes them on WordPress sites (`twitter:label1` "Written by",
/// `twitter:data1` "Jane Doe"), in the languages it is translated into.
const WRITTEN_BY_LABELS: &[&str] = &[
    "written by",
    "verfasst von",
    "geschrieben von",
    "écrit par",
    "escrito por",
    "scritto da",
    "geschreven door",
    "napisane przez",
    "skrevet af",
    "skriven av",
    "skrevet av",
];

/// The writer named by a Twitter card label ("Written by") and its data.
fn twitter_written_by<'a>(page: &meta::Page<'a>) -> Option<&'a str> {
    page.metas.iter().find_map(|(k, label)| {
        let n = k.strip_prefix("twitter:label")?;
        let label = label.trim().to_lowercase();
        WRITTEN_BY_LABELS
            .contains(&label.as_str())
            .then(|| page.get(&[&format!("twitter:data{n}")]))
            .flatten()
    })
}

/// The article's first picture, for a page whose metadata names none: a
/// figure, or an image opening its paragraph (alone, or over its caption
/// after a line break), with a web address and no logo, icon or pixel in
/// it. (Extraction has already resolved the address and dropped tracking
/// pixels.) An image inside a sentence is an emoji or an icon.
pub fn first_picture(article: &crate::ir::Article) -> Option<String> {
    use crate::ir::{Block, Inline};
    article.blocks.iter().find_map(|b| {
        let img = match b {
            Block::Figure(f) => f.image.as_ref(),
            Block::Paragraph(c) => match c.as_slice() {
                [Inline::Image(i)] | [Inline::Image(i), Inline::LineBreak, ..] => Some(i),
                _ => None,
            },
            _ => None,
        }?;
        let src = img.src.trim();
        // An embedded video's or post's figure holds its page, not a picture.
        let video = [
            "youtube.com/",
            "youtu.be/",
            "vimeo.com/",
            "dailymotion.com/",
            "twitter.com/",
            "://x.com/",
            "instagram.com/",
            "tiktok.com/",
        ]
        .iter()
        .any(|h| src.contains(h));
        // In the body, share and print buttons are images too.
        let button = src.to_ascii_lowercase().contains("button");
        (src.starts_with("http") && !video && !button && !BAD_IMAGE.is_match(src))
            .then(|| src.to_string())
    })
}

/// Normalise a language tag: `en_US` → `en-US`, `EN` → `en`.
fn language_tag(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    // ISO 639 codes are two or three letters.
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary;
    for p in parts {
        if !p.bytes().all(|b| b.is_ascii_alphanumeric()) || p.is_empty() {
            break;
        }
        out.push('-');
        if p.len() == 2 {
            out.push_str(&p.to_ascii_uppercase());
        } else {
            out.push_str(p);
        }
    }
    Some(out)
}

fn split_list(values: &[&str], out: &mut Vec<String>) {
    for v in values {
        for t in v.split([',', ';']) {
            let t = clean_text(t);
            if !t.is_empty() {
                out.push(t);
            }
        }
    }
}

/// Tag and category lists are capped: keyword-stuffed pages list hundreds.
const MAX_TAGS: usize = 50;

fn dedupe_list(v: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in v {
        if out.len() >= MAX_TAGS {
            break;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
            out.push(t);
        }
    }
    out
}

/// What the metadata stage leaves for the whole extraction to decide.
#[derive(Debug, Clone, Default)]
pub(crate) struct Notes {
    /// The date stands only if the page is an article: it was read in a part
    /// set aside as a sidebar, related box or comments (the last resort), and
    /// the page does not call itself an article (`og:type`, JSON-LD type).
    pub date_needs_article: bool,
    /// The authors are empty or only the site's name or a JSON-LD
    /// organisation: a person found later (a signature) replaces them.
    pub authors_fallback: bool,
    /// The authors come from metadata: if the page never shows them (the
    /// account that posted a guest's article), a signature beats them. The
    /// check is left to [`complete`], and made only when there is a
    /// signature, as it reads the whole page's text.
    pub authors_unshown: bool,
    /// What the page declares itself to be: JSON-LD `@type`s, `og:type`
    /// and microdata `itemtype`s, lower-cased, without their schema prefix
    /// (`product`, `article`, `qapage`). The page-type classifier reads them.
    pub declared_types: Vec<String>,
}

/// Extraction confidence from which a page reads as an article (see
/// [`Notes::date_needs_article`]).
const ARTICLE_CONFIDENCE: f32 = 0.9;

/// Complete the metadata with what only the extracted article tells, once
/// extraction has run: a signature at its end, its first picture, the
/// language of its text; and a date read from a side box goes when the page
/// does not read as an article.
pub(crate) fn complete(
    meta: &mut Metadata,
    notes: &Notes,
    dom: &Dom,
    article: Option<&crate::ir::Article>,
    confidence: f32,
) {
    if let (true, Some(article)) = (notes.authors_fallback || notes.authors_unshown, article) {
        // Some articles are signed at their end only; the signature beats
        // the site's name credited in metadata, and metadata names the page
        // never shows (read only when there is a signature: it costs a walk).
        let signed = author::from_signature(article);
        if !signed.is_empty() && (notes.authors_fallback || unshown(dom, &meta.authors)) {
            meta.authors = signed;
        }
    }
    if meta.image.is_none() {
        // No share image in the metadata: the article's first picture.
        meta.image = article.and_then(first_picture);
    }
    if meta.language.is_none() {
        // No declaration: the article's own text tells.
        meta.language = article.and_then(|a| language::detect_article(meta.title.as_deref(), a));
    }
    if notes.date_needs_article && confidence < ARTICLE_CONFIDENCE {
        // A date from a side box of a page that neither calls itself an
        // article nor reads as one belongs to some other item on the page.
        meta.date = None;
    }
}

/// True when none of `names` appears, as whole words, in the page's visible text.
fn unshown(dom: &Dom, names: &[String]) -> bool {
    let shown = Shown::new(dom);
    names.iter().all(|n| !shown.contains(n))
}

/// Extract the page's metadata.
pub fn extract(dom: &Dom, ctx: &Context<'_>) -> Metadata {
    extract_noted(dom, ctx).0
}

/// [`extract`], with the [`Notes`] the article extraction settles.
pub(crate) fn extract_noted(dom: &Dom, ctx: &Context<'_>) -> (Metadata, Notes) {
    let page = meta::collect(dom);
    let ld = jsonld::extract(&page.ld_json);
    let host_label = ctx
        .url
        .and_then(|u| archived_host(u).or_else(|| u.host_str().map(str::to_string)))
        .and_then(|h| domain_label(&h));

    // Site name.
    let meta_site = page
        .get(&[
            "og:site_name",
            "application-name",
            "apple-mobile-web-app-title",
            "al:android:app_name",
            "al:ios:app_name",
        ])
        .map(clean_text);
    let og_site = page.get(&["og:site_name"]).map(clean_text);
    // An og:site_name that is a section ("U.S." on reuters.com) gives way
    // to a JSON-LD publisher or website that is the domain's name.
    let on_domain = |n: &String| {
        host_label
            .as_ref()
            .is_some_and(|h| title::is_site(n, std::slice::from_ref(h)))
    };
    let og_site = match og_site {
        Some(o) if !on_domain(&o) => [&ld.publisher, &ld.website]
            .into_iter()
            .flatten()
            .find(|n| on_domain(n))
            .cloned()
            .or(Some(o)),
        o => o,
    };
    let mut site_name = og_site
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.website.clone())
        .or_else(|| meta_site.clone());
    let mut sites: Vec<String> = [
        meta_site,
        ld.publisher.clone(),
        ld.website.clone(),
        host_label.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(t) = page.get(&["twitter:site"]) {
        sites.push(t.trim_start_matches('@').to_string());
    }
    // A blog theme's logo: an `<h1>` whose text is a link to the home page.
    let home_name = page
        .h1s
        .iter()
        .take(8)
        .find_map(|&h| home_link_text(dom, h, ctx.url));
    sites.extend(home_name);

    // Title.
    let h1s: Vec<(NodeId, String)> = page
        .h1s
        .iter()
        .take(8)
        .map(|&id| (id, headline_text(dom, id)))
        .filter(|(_, t)| !t.is_empty() && t.len() < 400)
        // An h1 naming the site is the logo of a blog theme, not the headline.
        .filter(|(_, t)| !sites.iter().any(|s| title::key(s) == title::key(t)))
        .collect();
    let h1_texts: Vec<String> = h1s.iter().map(|(_, t)| t.clone()).collect();
    let og = page.get(&["og:title"]).map(clean_text);
    let tw = page.get(&["twitter:title"]).map(clean_text);
    let other = page
        .get(&[
            "dc.title",
            "dc:title",
            "dcterms.title",
            "dcterms:title",
            "parsely-title",
            "sailthru.title",
            "headline",
            "citation_title",
        ])
        .map(clean_text);
    let ld_title = ld
        .headline
        .clone()
        .or_else(|| if ld.is_article { ld.name.clone() } else { None });
    let title = title::choose(&title::Candidates {
        og: og.as_deref(),
        ld: ld_title.as_deref(),
        twitter: tw.as_deref(),
        other_meta: other.as_deref(),
        title_tag: page.title.as_deref(),
        h1s: &h1_texts,
        sites: &sites,
    });
    if site_name.is_none() {
        if let (Some(tt), Some(t)) = (page.title.as_deref(), title.as_deref()) {
            site_name = title::site_from_title(tt, &title::key(t));
        }
    }
    if let Some(s) = &site_name {
        sites.push(s.clone());
    }

    // Language and the reading order of numeric dates.
    let language = page
        .html_lang
        .and_then(language_tag)
        .or_else(|| {
            page.get(&[
                "content-language",
                "language",
                "dc.language",
                "dcterms.language",
            ])
            .and_then(language_tag)
        })
        .or_else(|| page.get(&["og:locale"]).and_then(language_tag))
        .or_else(|| ld.language.as_deref().and_then(language_tag));
    let tld = ctx
        .url
        .and_then(|u| u.host_str())
        .and_then(|h| h.rsplit('.').next())
        .unwrap_or("");
    let order = match language.as_deref() {
        Some("en-US") => date::Order::MonthFirst,
        // Plain "en" on a generic domain is most often American.
        Some("en") if matches!(tld, "com" | "org" | "net" | "us" | "edu" | "gov") => {
            date::Order::MonthFirst
        }
        _ => date::Order::DayFirst,
    };

    // The headline node anchors the byline and date window.
    let anchor = title
        .as_deref()
        .and_then(|t| {
            let k = title::key(t);
            h1s.iter()
                .find(|(_, h)| title::key(h) == k)
                .map(|(id, _)| *id)
        })
        .or_else(|| {
            h1s.iter()
                .find(|(id, _)| !excluded_in(dom, *id, &[]))
                .map(|(id, _)| *id)
        });
    let window = TextWindow::around(dom, anchor);

    let fallback_texts: Vec<&str> = [
        page.title.as_deref(),
        page.get(&["description", "og:description"]),
    ]
    .into_iter()
    .flatten()
    .collect();
    let region = language
        .as_deref()
        .and_then(|l| l.split('-').nth(1))
        .unwrap_or("");
    let site_offset = site_utc_offset(region, tld).or_else(|| {
        // No region in the language and a generic TLD (`.com`, not a
        // country's): `og:locale` names the audience's country (`en_US`),
        // when it agrees with the page's language (CMSs leave a default
        // `en_US` on sites in other languages).
        if tld.len() == 2 {
            return None;
        }
        let locale = page.get(&["og:locale"])?;
        let mut parts = locale.trim().split(['_', '-']);
        let lang = parts.next()?;
        let country = parts.next()?;
        let page_lang = language.as_deref()?.split('-').next()?;
        if !lang.eq_ignore_ascii_case(page_lang) {
            return None;
        }
        site_utc_offset(country, "")
    });
    let dates = pubdate::find(
        dom,
        &page,
        &ld,
        ctx,
        order,
        &window,
        &pubdate::Hints {
            fallback_texts: &fallback_texts,
            site_offset,
        },
    );

    // Authors. A metadata name that is not shaped like a person's (a CMS
    // login, the web agency, a desk) is credited only when the page shows
    // it: the annotators of all three evaluation sets read bylines, and such
    // names in `<meta name=author>` or a Yoast person node are seldom one.
    let shown = Shown::new(dom);
    let credited = |names: Vec<String>| -> Vec<String> {
        names
            .into_iter()
            .filter(|n| author::person_shaped(n) || shown.contains(n))
            .collect()
    };
    // A value naming the site is one name, not several: "Jobs & Hire" is
    // not "Jobs" and "Hire".
    let names = |raw: &str| -> Vec<String> {
        let v = author::clean(raw);
        if v.len() > 1 && v.iter().all(|n| title::is_site(n, &sites)) {
            // The raw text from the first cleaned piece to the end of the
            // last: "By Jobs & Hire" gives "Jobs & Hire".
            let raw = clean_text(raw);
            let (first, last) = (&v[0], &v[v.len() - 1]);
            if let (Some(a), Some(b)) = (raw.find(first.as_str()), raw.rfind(last.as_str())) {
                if a < b + last.len() {
                    return vec![raw[a..b + last.len()].to_string()];
                }
            }
        }
        v
    };
    let mut authors = credited(author::dedupe(
        ld.authors.iter().flat_map(|a| names(a)).collect(),
    ));
    if authors.is_empty() {
        let metas = page.all(&[
            "author",
            "article:author",
            "og:article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "dc:creator",
            "dcterms.creator",
            "dcterms:creator",
            "citation_author",
            "byl",
            "twitter:creator:name",
        ]);
        authors = credited(author::dedupe(
            metas
                .iter()
                .filter(|m| !m.trim_start().starts_with("http"))
                .flat_map(|m| names(m))
                .collect(),
        ));
    }
    if authors.is_empty() {
        authors = credited(author::dedupe(
            twitter_written_by(&page)
                .into_iter()
                .flat_map(names)
                .collect(),
        ));
    }
    let from_metadata = !authors.is_empty();
    // A name that is the site's (as `title::is_site` tells site pieces of a
    // title: "Die FURCHE" on furche.at, "PETA-Team" on peta.de) beside
    // person names is the publisher credited along ("Jane Doe, CNN"): it
    // goes. Alone it is held back while the page is searched for a person's
    // byline, and is the answer if none is found: a blogger named like the
    // blog, an organisation writing its own pages.
    let mut site_named = Vec::new();
    let mut set_apart = |v: Vec<String>| -> Vec<String> {
        let (own, others): (Vec<String>, Vec<String>) =
            v.into_iter().partition(|a| title::is_site(a, &sites));
        if site_named.is_empty() {
            site_named = own;
        }
        others
    };
    authors = set_apart(authors);
    // A first name alone in metadata is completed when the page prints the
    // full name by itself (an author box, a byline).
    if let [one] = authors.as_mut_slice() {
        if let Some(full) = author::complete_first_name(dom, one) {
            *one = full;
        }
    }
    if authors.is_empty() {
        authors = set_apart(author::from_page(dom, &page, &window));
    } else if authors.len() == 1 {
        // Metadata often names only the first of several writers; the
        // byline on the page that names them all, the first among them, wins.
        let shown = author::from_markup(dom, &page, &window);
        let first = title::key(&authors[0]);
        // All of them persons: a desk or the site beside the name
        // ("Jane Doe, CNN") is the publisher credited along.
        if shown.len() > 1
            && shown.iter().any(|n| title::key(n) == first)
            && shown.iter().all(|n| author::person_shaped(n))
        {
            authors = shown;
        }
    }
    if from_metadata && !authors.is_empty() {
        // Metadata names no one the page shows (the publisher's or a CMS
        // account's name in `<meta name=author>`, "Condé Nast" over a story
        // signed "By Jane Smith"): a byline on the page naming persons is
        // what readers see, and wins. The byline is looked for first: the
        // page's whole text is read only when there is one to prefer.
        let byline = author::from_markup(dom, &page, &window);
        if !byline.is_empty()
            && byline != authors
            && byline.iter().all(|n| author::person_shaped(n))
            && !authors.iter().any(|n| shown.contains(n))
        {
            authors = byline;
        }
    }
    // Whether the authors are only the fallbacks (the site's own name, a
    // JSON-LD organisation) or metadata names the page never shows (the
    // account that posted a guest's article): a signature at the article's
    // end beats them.
    let authors_fallback = authors.is_empty();
    let authors_unshown = from_metadata && !authors_fallback;
    if authors.is_empty() {
        authors = site_named;
    }
    if authors.is_empty() {
        authors = author::dedupe(
            ld.org_authors
                .iter()
                .flat_map(|a| author::clean(a))
                .collect(),
        );
    }

    // Description, image, canonical URL, tags, categories.
    let description = page
        .get(&[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ])
        .map(clean_text)
        .or_else(|| ld.description.clone())
        .filter(|d| !d.is_empty());
    let image_size_ok = !matches!(page.get(&["og:image:width"]), Some("1" | "0"));
    let image = page
        .all(&[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
        ])
        .into_iter()
        .map(str::to_string)
        .chain(ld.image.clone())
        .chain(page.image_src.map(str::to_string))
        .filter(|u| !BAD_IMAGE.is_match(u))
        .find_map(|u| resolve(&u, ctx.url))
        .filter(|_| image_size_ok);
    let canonical_url = page
        .canonical
        .and_then(|c| resolve(c, ctx.url))
        .or_else(|| page.get(&["og:url"]).and_then(|u| resolve(u, ctx.url)));
    let mut tags = Vec::new();
    split_list(
        &page.all(&["keywords", "news_keywords", "parsely-tags"]),
        &mut tags,
    );
    tags.extend(
        page.all(&["article:tag", "og:article:tag"])
            .iter()
            .map(|t| clean_text(t)),
    );
    tags.extend(ld.keywords.iter().cloned());
    let mut categories: Vec<String> = page
        .all(&["article:section", "og:article:section", "parsely-section"])
        .iter()
        .map(|t| clean_text(t))
        .collect();
    categories.extend(ld.sections.iter().cloned());

    // Some layouts call the article column a sidebar, so a date found only
    // there is still the article's date, when the page is an article. On a
    // shop, petition or product page the dates in side boxes belong to other
    // items: related posts, reviews, comments.
    let claims_article = ld.is_article
        || page
            .get(&["og:type"])
            .is_some_and(|t| t.to_ascii_lowercase().contains("article"));
    let mut declared_types = ld.types.clone();
    if let Some(t) = page.get(&["og:type"]) {
        // `og:type` values are `article`, `product`, `website`,
        // `product.item`, `og:product`: the last word names the kind.
        let t = t.trim().to_ascii_lowercase();
        let t = t.rsplit([':', '.', '/']).next().unwrap_or(&t).to_string();
        if !t.is_empty() && !declared_types.contains(&t) {
            declared_types.push(t);
        }
    }
    for t in &page.itemtypes {
        if declared_types.len() < 48 && !declared_types.contains(t) {
            declared_types.push(t.clone());
        }
    }
    let notes = Notes {
        date_needs_article: dates.from_aside && !claims_article,
        authors_fallback,
        authors_unshown,
        declared_types,
    };
    let metadata = Metadata {
        title,
        date: dates.published.map(|d| d.iso()),
        date_modified: dates.modified.map(|d| d.iso()),
        authors,
        site_name,
        description,
        language,
        image,
        tags: dedupe_list(tags.into_iter().filter(|t| !t.is_empty()).collect()),
        categories: dedupe_list(categories.into_iter().filter(|t| !t.is_empty()).collect()),
        canonical_url,
    };
    (metadata, notes)
}

#[cfg(test)]
mod tests;

/// The text a reader sees (the body without scripts and styles), lower-cased,
/// built on first use: most pages never ask.
struct Shown<'a> {
    dom: &'a Dom,
    text: std::cell::OnceCell<String>,
}

impl<'a> Shown<'a> {
    fn new(dom: &'a Dom) -> Self {
        Shown {
            dom,
            text: std::cell::OnceCell::new(),
        }
    }

    /// Whether `name` occurs as whole words in the visible text.
    fn contains(&self, name: &str) -> bool {
        let text = self.text.get_or_init(|| {
            let Some(root) = self.dom.body().or_else(|| self.dom.html()) else {
                return String::new();
            };
            // Text nodes joined with spaces: a byline in its own element must
            // not run into the headline before it ("Henssv_team").
            self.dom.spaced_text(root).to_lowercase()
        });
        let needle = crate::dom::collapse_whitespace(name).to_lowercase();
        if needle.is_empty() {
            return false;
        }
        text.match_indices(&needle).any(|(i, m)| {
            let before = text[..i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }
}
