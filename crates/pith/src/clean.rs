//! Clean stage: decide, per node, what can never be article content, and
//! gather the per-node statistics that extraction scores with.
//!
//! Nothing is removed from the tree: results live in vectors indexed by
//! [`NodeId`], filled in one pre-order pass and one reverse (bottom-up) pass.

use html5ever::{local_name, LocalName};

use crate::dom::{Dom, NodeData, NodeId};

/// Why a node is left out of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drop {
    /// Kept.
    No,
    /// Never content: scripts, styles, forms' controls, hidden nodes.
    Junk,
    /// Page furniture by tag or ARIA role: nav, aside, footer, banner.
    Structural,
    /// Boilerplate by class or id: share bars, cookie banners, related lists.
    Class,
}

/// How a class or id word bears on the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    None,
    /// Looks like the article container (`article-body`, `entry-content`).
    Content,
    /// Looks like page furniture (`sidebar`, `share`, `cookie-banner`).
    Boilerplate,
    /// Looks like a comment section.
    Comments,
    /// Byline, dateline, tag list: metadata shown in the page, not body text.
    Meta,
    /// A picture's caption or credit outside `<figure>` markup.
    Caption,
}

/// Per-node results of the clean stage.
#[derive(Debug)]
pub struct Cleaned {
    /// Document order of every node reachable from the root.
    pub order: Vec<NodeId>,
    /// Each node's index in `order` (`usize::MAX` below a dropped node):
    /// node ids are creation order, which the parser's fix-ups reorder.
    pub pos: Vec<usize>,
    pub drop: Vec<Drop>,
    pub hint: Vec<Hint>,
    /// Visible text characters below the node (whitespace not counted), dropped
    /// subtrees excluded.
    pub text_len: Vec<u32>,
    /// The part of `text_len` inside links.
    pub link_len: Vec<u32>,
    /// Commas below the node (a cheap sign of prose).
    pub commas: Vec<u32>,
    /// Number of `<a>` elements below the node.
    pub links: Vec<u32>,
    /// An email field is below the node (a signup or contact form).
    pub email_field: Vec<bool>,
    /// The node is the smallest box around an email field that carries
    /// some text (the pitch of a newsletter box, a form's notes).
    pub email_box: Vec<bool>,
}

impl Cleaned {
    /// Share of the node's text that sits inside links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let t = self.text_len[id];
        if t == 0 {
            0.0
        } else {
            self.link_len[id] as f32 / t as f32
        }
    }
}

/// Run the clean stage over the whole tree.
pub fn clean(dom: &Dom) -> Cleaned {
    let n = dom.len();
    let mut c = Cleaned {
        order: Vec::with_capacity(n),
        pos: vec![usize::MAX; n],
        drop: vec![Drop::No; n],
        hint: vec![Hint::None; n],
        text_len: vec![0; n],
        link_len: vec![0; n],
        commas: vec![0; n],
        links: vec![0; n],
        email_field: vec![false; n],
        email_box: vec![false; n],
    };
    // Below a node: a box around an email field was marked already.
    let mut box_below = vec![false; n];
    let mut memo = TokenHints::default();
    let holds_main = main_ancestors(dom);
    // Top-down: classify elements; a dropped subtree is not descended into.
    let mut it = dom.descendants(Dom::ROOT);
    while let Some(id) = it.next() {
        c.pos[id] = c.order.len();
        c.order.push(id);
        let Some(el) = dom.element(id) else { continue };
        let mut d = classify_tag(dom, id, &el.name.local);
        if d == Drop::Structural && holds_main[id] {
            // Page furniture does not hold the page's main region: an
            // `<aside>` or `<nav>` around `<main>` is one left unclosed
            // (an announcement banner whose end tag is missing wraps the
            // whole page) or a layout wrapper misnamed.
            d = Drop::No;
        }
        if d != Drop::No {
            c.drop[id] = d;
            it.skip_children();
            continue;
        }
        c.hint[id] = element_hint(el, &mut memo);
    }
    // Bottom-up: text statistics.
    for &id in c.order.iter().rev() {
        if c.email_field[id] || is_email_field(dom, id) {
            if let Some(p) = dom.parent(id) {
                c.email_field[p] = true;
            }
        }
        if c.drop[id] != Drop::No {
            continue;
        }
        if let NodeData::Text(t) = dom.data(id) {
            let (len, commas) = text_stats(t);
            c.text_len[id] = len;
            c.commas[id] = commas;
        } else if dom.is(id, &local_name!("a")) {
            c.link_len[id] = c.text_len[id];
            c.links[id] += 1;
        }
        // Descendants are done: this node's counts are final.
        if c.email_field[id] && !box_below[id] && c.text_len[id] >= SIGNUP_PITCH {
            c.email_box[id] = true;
        }
        if let Some(p) = dom.parent(id) {
            box_below[p] |= box_below[id] || c.email_box[id];
            c.text_len[p] += c.text_len[id];
            c.link_len[p] += c.link_len[id];
            c.commas[p] += c.commas[id];
            c.links[p] += c.links[id];
        }
    }
    c
}

/// Which nodes are ancestors of a `<main>` element (or `role=main`). Read
/// for the first few such elements only: a page has one main region, and a
/// hostile page with thousands must not cost a walk up from each.
fn main_ancestors(dom: &Dom) -> Vec<bool> {
    let mut holds = vec![false; dom.len()];
    let mut seen = 0;
    for id in 0..dom.len() {
        let Some(el) = dom.element(id) else { continue };
        let is_main = el.name.local == local_name!("main")
            || el
                .attr("role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("main"));
        if !is_main {
            continue;
        }
        for a in dom.ancestors(id) {
            if holds[a] {
                break;
            }
            holds[a] = true;
        }
        seen += 1;
        if seen >= 4 {
            break;
        }
    }
    holds
}

/// An `<input>` for an email address: `type=email`, or a text field
/// named or labelled for one.
fn is_email_field(dom: &Dom, id: NodeId) -> bool {
    if !dom.is(id, &local_name!("input")) {
        return false;
    }
    let ty = dom.attr(id, "type").unwrap_or("text");
    ty.eq_ignore_ascii_case("email")
        || (ty.eq_ignore_ascii_case("text")
            && ["name", "placeholder", "id"].iter().any(|a| {
                dom.attr(id, a)
                    .is_some_and(|v| contains_ignore_ascii_case(v, "mail"))
            }))
}

/// Does `hay` contain `needle`, ASCII case ignored?
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Characters of text around an email field that make its box: a line of
/// pitch ("Get the Harbour Post every morning").
const SIGNUP_PITCH: u32 = 30;

/// Characters of text below which a box holding an email field is a
/// signup (or contact) box: a newsletter pitch is two or three sentences;
/// an article with a signup form inside it is longer.
pub const SIGNUP_CHARS: u32 = 600;

/// Text its container holds beyond a signup box, for the box to be a part
/// of the container rather than the whole of it: a few sentences.
pub const SIGNUP_BESIDE: u32 = 300;

impl Cleaned {
    /// A newsletter or contact box: an email field and a few sentences,
    /// in a container that holds more than the box (a page whose main
    /// text is the form is a contact page, and the form's words are its
    /// content).
    pub fn is_signup_box(&self, dom: &Dom, id: NodeId) -> bool {
        self.email_box[id]
            && self.text_len[id] < SIGNUP_CHARS
            && dom
                .parent(id)
                .is_some_and(|p| self.text_len[p] >= self.text_len[id] + SIGNUP_BESIDE)
    }
}

/// Visible characters (not whitespace) and commas in a text node.
fn text_stats(t: &str) -> (u32, u32) {
    let mut len = 0u32;
    let mut commas = 0u32;
    for &b in t.as_bytes() {
        // Count characters, not bytes: skip UTF-8 continuation bytes.
        if (b & 0xC0) != 0x80 && !b.is_ascii_whitespace() {
            len += 1;
        }
        if b == b',' {
            commas += 1;
        }
    }
    // Full-width and ideographic commas (CJK prose).
    if t.len() != len as usize {
        commas += t.matches(['，', '、', '،']).count() as u32;
    }
    (len, commas)
}

/// Drops decided by the tag name, attributes and ARIA role alone.
fn classify_tag(dom: &Dom, id: NodeId, name: &LocalName) -> Drop {
    match *name {
        local_name!("script")
        | local_name!("style")
        | local_name!("template")
        | local_name!("head")
        | local_name!("iframe")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("canvas")
        | local_name!("svg")
        | local_name!("math")
        | local_name!("button")
        | local_name!("input")
        | local_name!("select")
        | local_name!("textarea")
        | local_name!("option")
        | local_name!("dialog")
        | local_name!("map")
        | local_name!("link")
        | local_name!("meta")
        // Ruby annotations: the reading aid printed above the characters
        // (furigana) would split every word of the base text in two.
        | local_name!("rt")
        | local_name!("rp") => return Drop::Junk,
        local_name!("nav") | local_name!("menu") | local_name!("footer") => return Drop::Structural,
        // Some CMSs wrap the whole story column in an <aside>
        // (`aside.nfy-pa-direct-content` around the article section): one
        // that holds the article body is no side box.
        local_name!("aside") if !holds_attr_word(dom, id, ASIDE_SEARCH, "itemprop", "articleBody") => {
            return Drop::Structural
        }
        _ => {}
    }
    if dom.attr(id, "hidden").is_some() || is_hidden_style(dom.attr(id, "style")) {
        return Drop::Junk;
    }
    if dom
        .attr(id, "aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        // Icons and decorative wrappers are aria-hidden; some sites also hide
        // a printed copy of the headline. Text-bearing paragraphs are never
        // hidden this way on real pages, so only drop non-paragraphs.
        && !dom.is(id, &local_name!("p"))
        // A caption shown on the page but hidden from screen readers
        // (which read a copy of it elsewhere) is still the caption.
        && !dom
            .ancestors(id)
            .take(4)
            .any(|a| dom.is(a, &local_name!("figcaption")))
    {
        return Drop::Junk;
    }
    if let Some(role) = dom.attr(id, "role") {
        let role = role.trim();
        if [
            "navigation",
            "banner",
            "contentinfo",
            "complementary",
            "dialog",
            "alertdialog",
            "menu",
            "menubar",
            "search",
            "toolbar",
        ]
        .iter()
        .any(|r| role.eq_ignore_ascii_case(r))
        {
            return Drop::Structural;
        }
        // A tab bar holds the tabs' labels, its panels stand beside it; but
        // Bootstrap's accordion marks its whole group `tablist`, the panels
        // (`tabpanel`) inside, and those hold the text.
        if role.eq_ignore_ascii_case("tablist")
            && !holds_attr_word(dom, id, TABLIST_SEARCH, "role", "tabpanel")
        {
            return Drop::Structural;
        }
    }
    Drop::No
}

/// Nodes of an `<aside>` searched for the article body: a side box is
/// small, and a story column reaches its body early.
const ASIDE_SEARCH: usize = 3_000;

/// Nodes of a `tablist` searched for a panel: a tab bar is small.
const TABLIST_SEARCH: usize = 2_000;

/// True when one of the first `limit` nodes below `id` has attribute `attr`
/// holding the word `word` (ASCII case ignored): an aside holding the
/// `itemprop=articleBody` element (not an `<h1>`: related-story boxes mark
/// their teasers' titles h1), a `tablist` holding a `role=tabpanel`.
fn holds_attr_word(dom: &Dom, id: NodeId, limit: usize, attr: &str, word: &str) -> bool {
    dom.descendants(id).take(limit).any(|d| {
        dom.attr(d, attr).is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case(word))
        })
    })
}

pub(crate) fn is_hidden_style(style: Option<&str>) -> bool {
    let Some(s) = style else { return false };
    if !s.contains("none") && !s.contains("hidden") {
        return false;
    }
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

/// The hint given by an element's class and id words (and itemprop).
pub fn class_hint(dom: &Dom, id: NodeId) -> Hint {
    match dom.element(id) {
        Some(el) => element_hint(el, &mut TokenHints::default()),
        None => Hint::None,
    }
}

/// Hints of class and id tokens already worked out in this document: a
/// page repeats a few hundred class names over thousands of elements, and
/// splitting a token into words and matching them against the vocabulary
/// costs far more than a lookup. Bounded by the number of distinct tokens,
/// so linear in the input; keys come from the page, hence the default
/// (collision-resistant) hasher.
#[derive(Default)]
struct TokenHints<'a>(std::collections::HashMap<&'a str, Hint>);

impl<'a> TokenHints<'a> {
    fn get(&mut self, token: &'a str) -> Hint {
        *self.0.entry(token).or_insert_with(|| token_hint(token))
    }
}

fn element_hint<'a>(el: &'a crate::dom::Element, memo: &mut TokenHints<'a>) -> Hint {
    let mut itemprop = None;
    let mut class = None;
    let mut idv = None;
    for a in &el.attrs {
        match &*a.name.local {
            "itemprop" => itemprop = itemprop.or(Some(&*a.value)),
            "class" => class = class.or(Some(&*a.value)),
            "id" => idv = idv.or(Some(&*a.value)),
            _ => {}
        }
    }
    if let Some(ip) = itemprop {
        if ip.contains("articleBody") || ip.contains("reviewBody") || ip == "text" {
            return Hint::Content;
        }
    }
    let mut hint = Hint::None;
    for v in [class, idv].into_iter().flatten() {
        for token in v.split_ascii_whitespace() {
            let h = memo.get(token);
            // Across class names: comments > boilerplate > content > meta,
            // so `post category-news` is content but `post share-bar` is not.
            if rank(h) > rank(hint) {
                hint = h;
            }
        }
    }
    hint
}

fn rank(h: Hint) -> u8 {
    match h {
        Hint::None => 0,
        Hint::Meta | Hint::Caption => 1,
        Hint::Content => 2,
        Hint::Boilerplate => 3,
        Hint::Comments => 4,
    }
}

/// The hint of one class name (`article-body`, `entry-meta`). Comment and
/// boilerplate words count anywhere in it; otherwise the last hinted word
/// is the head of the compound: `entry-meta` is meta, `category-news` is
/// a label on its element (meta, outranked by a content class beside it).
fn token_hint(token: &str) -> Hint {
    // Utility-CSS variants (`md:hidden`, `[&_.newsletter-image]:hidden`)
    // style the element under a condition; their words name other things.
    if token.contains(':') || token.starts_with('[') {
        return Hint::None;
    }
    let mut strong = Hint::None;
    let mut last = Hint::None;
    let mut state = false;
    let mut after_heading = false;
    for_each_word(token, |w| {
        // `h2-related`: the element relates to a heading level (a
        // documentation generator's section class), not to other stories.
        let heading_word = matches!(w, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        let skip = after_heading && w == "related";
        after_heading = heading_word;
        if skip {
            return;
        }
        // Layout-state classes (`has-sidebar`, `has-section-nav`,
        // `no-comments`) describe the page, not the element: the rest of
        // the class name after a state word is ignored.
        state = state
            || matches!(
                w,
                "has" | "with" | "no" | "without" | "show" | "hide" | "is" | "enable" | "disable"
            );
        if state {
            return;
        }
        match word_hint(w) {
            Hint::None => {}
            h @ (Hint::Comments | Hint::Boilerplate) => {
                if rank(h) > rank(strong) {
                    strong = h;
                }
            }
            h => last = h,
        }
    });
    // Screen-reader text and author boxes, compared with the token's
    // letters and digits only, lower-cased (`sr-only`, `authorBio`).
    if squashed_contains_any(token, &[SCREEN_READER_ONLY, AUTHOR_BOX]) {
        return Hint::Boilerplate;
    }
    if strong != Hint::None {
        strong
    } else {
        last
    }
}

/// Text kept for screen readers only ("Share on Facebook", "Opens in a
/// new window") is never article text.
const SCREEN_READER_ONLY: &[&str] = &[
    "screenreader",
    "visuallyhidden",
    "sronly",
    "srtext",
    "assistivetext",
    "offscreen",
];

/// Author boxes: a biography and a photo after the article.
const AUTHOR_BOX: &[&str] = &[
    "authorbio",
    "authorbox",
    "aboutauthor",
    "abouttheauthor",
    "authorinfo",
    "authordetails",
    "authordescription",
    "authordesc",
    "authorprofile",
    "biography",
    // The "Simple Author Box" plugin of WordPress.
    "saboxplugin",
];

/// Whether the token's ASCII letters and digits, lower-cased, contain one
/// of the `needles` (all lower-case ASCII). No allocation: tokens longer
/// than the buffer are compared on their first 128 such characters.
fn squashed_contains_any(token: &str, needles: &[&[&str]]) -> bool {
    let mut buf = [0u8; 128];
    let mut n = 0;
    for b in token.bytes() {
        if b.is_ascii_alphanumeric() && n < buf.len() {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    let hay = &buf[..n];
    needles
        .iter()
        .flat_map(|list| list.iter())
        .any(|w| hay.windows(w.len()).any(|win| win == w.as_bytes()))
}

/// Split a class or id value into lower-case words at non-alphanumerics and
/// camelCase humps (`shareBar` -> `share`, `bar`).
fn for_each_word(v: &str, mut f: impl FnMut(&str)) {
    // Words longer than the buffer are cut to it: no class word in the
    // vocabulary comes near, and a class name is not text.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut prev_lower = false;
    let mut emit = |buf: &[u8], n: &mut usize| {
        if *n > 0 {
            // Only ASCII letters and digits are stored.
            if let Ok(w) = std::str::from_utf8(&buf[..*n]) {
                f(w);
            }
            *n = 0;
        }
    };
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_uppercase() && prev_lower && n > 0 {
                emit(&buf, &mut n);
            }
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            if n < buf.len() {
                buf[n] = b.to_ascii_lowercase();
                n += 1;
            }
        } else {
            emit(&buf, &mut n);
            prev_lower = false;
        }
    }
    emit(&buf, &mut n);
}

/// What one class/id word suggests. Words are matched whole or by prefix, so
/// that `ad` does not hit `head` or `read`.
fn word_hint(w: &str) -> Hint {
    const CONTENT_EXACT: &[&str] = &[
        "article",
        "articlebody",
        "content",
        "entry",
        "hentry",
        "post",
        "story",
        "text",
        "body",
        "main",
        "prose",
        "blog",
        "markdown",
        "richtext",
        "rte",
        "storycontent",
        "postcontent",
        "entrycontent",
        "articlecontent",
        "maincontent",
    ];
    const COMMENT_PREFIX: &[&str] = &["comment", "disqus", "respond", "reply", "replies"];
    // Not `paywall`: publishers put it on the walled body itself (search
    // engines ask for paywalled text to be marked by a class), so it says
    // nothing about the element being boilerplate; the nag box beside it
    // has `banner`, `overlay`, `modal` or `subscribe` too.
    const BOILER_EXACT: &[&str] = &[
        "ad",
        "ads",
        "adv",
        "advert",
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menus",
        "footer",
        "sidebar",
        "share",
        "sharing",
        "social",
        "related",
        "recommended",
        "promo",
        "sponsored",
        "banner",
        "breadcrumb",
        "breadcrumbs",
        "pagination",
        "pager",
        "popup",
        "modal",
        "overlay",
        "widget",
        "widgets",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "login",
        "masthead",
        "toolbar",
        "print",
        "outbrain",
        "taboola",
        "trending",
        "popular",
        "mostread",
        "skip",
        "sr",
        "offscreen",
        "donate",
        "donation",
        "jump",
        "teaser",
        "teasers",
        "rail",
        "readmore",
        "follow",
        "tools",
        "utility",
        "sitemap",
        "copyright",
        "disclaimer",
        "legal",
        "upsell",
        "marketing",
        "partner",
        "partners",
        "ticker",
        "carousel",
        "slider",
        "shop",
        "nocontent",
        "noprint",
    ];
    const BOILER_PREFIX: &[&str] = &[
        "advert",
        "sponsor",
        "sharedaddy",
        "addtoany",
        "a2a",
        "sharebar",
        "sharing",
        "socialmedia",
        "newsletter",
        "subscri",
        "recommend",
        "cookie",
        "breadcrumb",
        "sidebar",
        "footer",
        "widget",
        "outbrain",
        "taboola",
        "promo",
        "popup",
        "related",
        "banner",
        "navig",
        "mostpopular",
    ];
    const META_EXACT: &[&str] = &[
        "byline",
        "dateline",
        "author",
        "authors",
        "timestamp",
        "date",
        "time",
        "meta",
        "metadata",
        "tags",
        "tag",
        "keywords",
        "bio",
        "category",
        "categories",
        "pubdate",
        "published",
        "updated",
        "posted",
        "credits",
        "avatar",
        // View counters ("Просмотров: 4 812", "Views: 1,203").
        "views",
        "viewcount",
        "pageviews",
    ];
    if w.len() < 2 {
        return Hint::None;
    }
    // "commentary" is a genre of article (an opinion piece), not a thread.
    if COMMENT_PREFIX.iter().any(|p| w.starts_with(p)) && !w.starts_with("commentar") {
        return Hint::Comments;
    }
    if BOILER_EXACT.contains(&w) || BOILER_PREFIX.iter().any(|p| w.starts_with(p)) {
        return Hint::Boilerplate;
    }
    if META_EXACT.contains(&w) {
        return Hint::Meta;
    }
    // Captions and credits written as classes (`wp-caption-text`,
    // `image-credit`, German `bildunterschrift`, French `legende`).
    if [
        "caption",
        "figcaption",
        "credit",
        "photocredit",
        "bildunterschrift",
        "bildnachweis",
        "legende",
        "legend",
    ]
    .contains(&w)
    {
        return Hint::Caption;
    }
    if CONTENT_EXACT.contains(&w) {
        return Hint::Content;
    }
    Hint::None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{tag, ParseLimits};

    fn words(v: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_word(v, |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn aside_around_the_article_body_stays() {
        let d = Dom::parse(
            r#"<aside class="related"><h1>Other story</h1></aside>
            <aside class="direct-content"><section itemscope itemtype="http://schema.org/Article">
            <h1 itemprop="headline">Prize for a novel</h1>
            <div itemprop="articleBody"><p>The novel won.</p></div></section></aside>"#,
            ParseLimits::default(),
        );
        let asides: Vec<_> = d.find_all(Dom::ROOT, &tag!("aside")).collect();
        assert_eq!(
            classify_tag(&d, asides[0], &tag!("aside")),
            Drop::Structural
        );
        assert_eq!(classify_tag(&d, asides[1], &tag!("aside")), Drop::No);
    }

    #[test]
    fn tab_bar_goes_but_an_accordion_marked_tablist_stays() {
        let d = Dom::parse(
            r#"<ul role="tablist"><li role="tab">One</li><li role="tab">Two</li></ul>
            <div class="panel-group" role="tablist"><div class="panel">
            <div role="tabpanel" class="collapse"><p>January figures.</p></div></div></div>"#,
            ParseLimits::default(),
        );
        let ul = d.find_all(Dom::ROOT, &tag!("ul")).next().expect("ul");
        let group = d.find_all(Dom::ROOT, &tag!("div")).next().expect("div");
        assert_eq!(classify_tag(&d, ul, &tag!("ul")), Drop::Structural);
        assert_eq!(classify_tag(&d, group, &tag!("div")), Drop::No);
    }

    #[test]
    fn splits_class_words() {
        assert_eq!(
            words("shareBar  article-body"),
            ["share", "bar", "article", "body"]
        );
        assert_eq!(words("c-story__text"), ["c", "story", "text"]);
        // Non-ASCII letters separate words; a word past the buffer is cut
        // to its start, which is what the prefix vocabulary reads.
        assert_eq!(words("navé-bar"), ["nav", "bar"]);
        let long = format!("sidebar{}", "x".repeat(100));
        assert_eq!(words(&long), [&long[..64]]);
        assert_eq!(token_hint(&long), Hint::Boilerplate);
    }

    #[test]
    fn screen_reader_and_author_box_classes_read_through_separators() {
        for class in [
            "sr-only",
            "visually_hidden",
            "ScreenReaderText",
            "c-authorBio",
            "about-the-author",
        ] {
            assert_eq!(token_hint(class), Hint::Boilerplate, "{class}");
        }
        assert_eq!(token_hint("author"), Hint::Meta);
    }

    #[test]
    fn a_repeated_class_gets_the_same_hint_on_every_element() {
        // The per-document memo of token hints must not change any answer.
        let d = Dom::parse(
            r#"<div class="entry-content share-bar"></div><div class="share-bar entry-content"></div><div class="entry-content"></div><div id="entry-content" class="x"></div>"#,
            ParseLimits::default(),
        );
        let c = clean(&d);
        let divs: Vec<_> = d.find_all(Dom::ROOT, &tag!("div")).collect();
        let hints: Vec<_> = divs.iter().map(|&id| c.hint[id]).collect();
        assert_eq!(
            hints,
            [
                Hint::Boilerplate,
                Hint::Boilerplate,
                Hint::Content,
                Hint::Content
            ]
        );
        for &id in &divs {
            assert_eq!(c.hint[id], class_hint(&d, id));
        }
    }

    #[test]
    fn boilerplate_beats_content_on_one_element() {
        let d = Dom::parse(
            r#"<div class="article-comments"></div><div class="post-share"></div><div class="entry-content"></div><div class="header"></div>"#,
            ParseLimits::default(),
        );
        let divs: Vec<_> = d.find_all(Dom::ROOT, &tag!("div")).collect();
        assert_eq!(class_hint(&d, divs[0]), Hint::Comments);
        assert_eq!(class_hint(&d, divs[1]), Hint::Boilerplate);
        assert_eq!(class_hint(&d, divs[2]), Hint::Content);
        // `ad` matches whole words only.
        assert_eq!(class_hint(&d, divs[3]), Hint::None);
    }

    #[test]
    fn words_that_do_not_mean_boilerplate() {
        let d = Dom::parse(
            r#"<div class="sect commentary"></div><div class="article-body paywall"></div><div class="paywall-banner"></div>"#,
            ParseLimits::default(),
        );
        let divs: Vec<_> = d.find_all(Dom::ROOT, &tag!("div")).collect();
        let bio = Dom::parse(
            r#"<div class="m-author__description"></div>"#,
            ParseLimits::default(),
        );
        let bio_div = bio.find(Dom::ROOT, &tag!("div")).expect("div");
        // An author's biography after the post.
        assert_eq!(class_hint(&bio, bio_div), Hint::Boilerplate);
        let tw = Dom::parse(
            r#"<div class="[&_.newsletter-image]:hidden md:sidebar"></div><dl class="definition-list h2-related"></dl>"#,
            ParseLimits::default(),
        );
        let tw_div = tw.find(Dom::ROOT, &tag!("div")).expect("div");
        let tw_dl = tw.find(Dom::ROOT, &tag!("dl")).expect("dl");
        // Utility-CSS variants name other elements and conditions.
        assert_eq!(class_hint(&tw, tw_div), Hint::None);
        // Related to a heading level, not to other stories.
        assert_eq!(class_hint(&tw, tw_dl), Hint::None);
        let md = Dom::parse(r#"<ul class="blog-metadata"></ul>"#, ParseLimits::default());
        let md_ul = md.find(Dom::ROOT, &tag!("ul")).expect("ul");
        assert_eq!(class_hint(&md, md_ul), Hint::Meta);
        // An opinion piece, not a comment thread.
        assert_eq!(class_hint(&d, divs[0]), Hint::None);
        // The walled body is the body.
        assert_eq!(class_hint(&d, divs[1]), Hint::Content);
        // The nag box says so with another word.
        assert_eq!(class_hint(&d, divs[2]), Hint::Boilerplate);
    }

    #[test]
    fn drops_junk_and_counts_text() {
        let d = Dom::parse(
            r#"<body><nav><a>Home</a></nav><div id=x><p>Hello, <a href=/>world</a></p><script>x</script><p style="display: none">hidden</p></div></body>"#,
            ParseLimits::default(),
        );
        let c = clean(&d);
        let nav = d.find(Dom::ROOT, &tag!("nav")).expect("nav");
        assert_eq!(c.drop[nav], Drop::Structural);
        let div = d.find(Dom::ROOT, &tag!("div")).expect("div");
        assert_eq!(c.text_len[div], "Hello,world".len() as u32);
        assert_eq!(c.link_len[div], 5);
        assert_eq!(c.commas[div], 1);
        assert!((c.link_density(div) - 5.0 / 11.0).abs() < 1e-6);
    }
}
