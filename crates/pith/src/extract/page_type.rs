//! What kind of page this is: an article, a forum thread, a product, a
//! collection of products, a listing of articles, documentation, a service
//! (a company's or an office's page about what it offers), or other.
//!
//! The main content depends on the kind: all posts of a thread, every item
//! of a listing, every section of a service page. The classifier reads three
//! kinds of evidence, strongest first:
//!
//! 1. what the page declares (JSON-LD `@type`, `og:type`, microdata);
//! 2. the shape of its address (`/questions/123/…`, `/products/…`, `/docs/…`,
//!    a site's home page);
//! 3. the structure of its tree: prose in paragraphs, code blocks, linked
//!    headings repeated as teasers, prices, repeated cards, comment threads.
//!
//! Each rule is structural or a convention of the web at large (schema.org
//! types, URL conventions of forum and shop software); none names a site.

use serde::Serialize;
use url::Url;

use crate::clean::{Cleaned, Drop, Hint};
use crate::dom::{tag, Dom, NodeData, NodeId};

/// The kind of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PageType {
    /// A news story, blog post, essay, review, recipe: one text.
    #[default]
    Article,
    /// A discussion thread or a question with its answers.
    Forum,
    /// One product, with its description and specifications.
    Product,
    /// A shop's category: many products.
    Collection,
    /// A list of articles, links or entries (a front page, a section, a
    /// ranking, search results).
    Listing,
    /// Reference or guide text about software, often with code.
    Documentation,
    /// What a company, project or office offers: a landing page in bands
    /// (hero, features, pricing, questions).
    Service,
    /// None of the above, or too little to tell.
    Other,
}

impl PageType {
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Forum => "forum",
            PageType::Product => "product",
            PageType::Collection => "collection",
            PageType::Listing => "listing",
            PageType::Documentation => "documentation",
            PageType::Service => "service",
            PageType::Other => "other",
        }
    }

    /// Kinds whose content is many items or sections rather than one text.
    pub fn is_multi_part(self) -> bool {
        !matches!(
            self,
            PageType::Article | PageType::Documentation | PageType::Other
        )
    }
}

/// The measurements the classifier decides on.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Features {
    /// The kind the address suggests, if any.
    pub url_kind: Option<PageType>,
    /// The address is a site's (or a language version's) home page.
    pub home: bool,
    /// The kind the page declares (schema.org, Open Graph), if any.
    pub declared: Option<PageType>,
    /// Visible characters in the body, and in links.
    pub text: u32,
    pub link_text: u32,
    /// Characters in paragraphs of prose (80+ characters, few links).
    pub prose: u32,
    /// Paragraphs of prose.
    pub prose_paras: u32,
    /// `<pre>` blocks and the characters in them.
    pub code_blocks: u32,
    pub code_chars: u32,
    /// Headings (h2–h6) that are mostly a link: teasers of other pages.
    pub linked_headings: u32,
    /// Headings h2–h3 that are not links: sections of one text or page.
    pub section_headings: u32,
    /// Short text nodes that read as a price (`$19.99`, `24,90 €`).
    pub prices: u32,
    /// Elements marked as comments by their class words, outermost only.
    pub comment_boxes: u32,
    /// `<time>` elements in the kept content.
    pub times: u32,
    /// The largest group of sibling elements sharing tag and class, each
    /// holding text and a link: cards of a grid or rows of a list.
    pub repeated: u32,
    /// Of that group, the members holding a picture.
    pub repeated_with_image: u32,
    /// Form fields (inputs, selects, text areas).
    pub fields: u32,
    /// The metadata found a publication date, and an author.
    pub dated: bool,
    pub authored: bool,
}

/// Sort the page into one of the kinds, with a confidence from 0 to 1.
pub fn classify(f: &Features) -> (PageType, f32) {
    let link_share = f.link_text as f32 / f.text.max(1) as f32;
    let prose_share = f.prose as f32 / f.text.max(1) as f32;
    // Structure that overrides what the page declares, because templates
    // declare one type for every page of a site:
    // - code blocks in numbers on a page no one signs: documentation
    //   (signed articles with code are tutorials, and stay articles);
    if f.code_blocks >= 5 && !f.authored && !matches!(f.declared, Some(PageType::Forum)) {
        return (PageType::Documentation, 0.7);
    }
    // - a grid of priced cards, each carrying its own product markup:
    //   a shop's category, not one product;
    if f.prices >= 8 && f.repeated >= 12 && f.repeated_with_image * 2 >= f.repeated {
        return (PageType::Collection, 0.7);
    }
    // - a run of linked headings with a date each, or one that outweighs
    //   the prose: teasers of other pages, a listing;
    if f.linked_headings >= 12
        && (f.times * 2 >= f.linked_headings || prose_share < 0.6)
        && !matches!(f.declared, Some(PageType::Forum | PageType::Product))
    {
        return (PageType::Listing, 0.7);
    }
    // - text that is nearly all links, with no prose: a list of links. A
    //   page that declares an article needs to lack even a few paragraphs
    //   (a short story amid a page of teasers is still the story).
    if f.text >= 200
        && link_share >= 0.6
        && prose_share < 0.2
        && (f.declared.is_none() || (f.declared == Some(PageType::Article) && f.prose_paras < 3))
    {
        return (PageType::Listing, 0.6);
    }
    // What the page declares is the page author's own statement, right far
    // more often than not; a shop's product JSON-LD is the clearest case.
    // Where the declaration and the address agree, that is near certain.
    if let Some(d) = f.declared {
        if f.url_kind == Some(d) {
            return (d, 0.95);
        }
        // Site-wide declarations are common on home pages (an `Article`
        // on a front page), so a declared article on a home page yields to
        // the structure below.
        if !(f.home && d == PageType::Article) {
            return (d, 0.8);
        }
    }
    if let Some(u) = f.url_kind {
        return (u, 0.7);
    }
    structural(f, link_share, prose_share)
}

/// The kind from the tree alone.
fn structural(f: &Features, link_share: f32, prose_share: f32) -> (PageType, f32) {
    if f.text < 200 {
        return (PageType::Other, 0.3);
    }
    // Several code blocks among prose: documentation.
    if f.code_blocks >= 3 && f.prose_paras >= 3 {
        return (PageType::Documentation, 0.6);
    }
    // Many prices in repeated cards: a shop's grid.
    if f.prices >= 8 && f.repeated >= 6 {
        return (PageType::Collection, 0.6);
    }
    // A run of teasers, or text that is mostly links with little prose:
    // a listing.
    if f.linked_headings >= 6 && prose_share < 0.5 {
        return (PageType::Listing, 0.6);
    }
    if link_share > 0.5 && prose_share < 0.2 {
        return (PageType::Listing, 0.5);
    }
    if f.home {
        // A home page is a publication's front page when it is mostly
        // links or its items carry dates; otherwise a service's front door.
        if link_share >= 0.45 || f.times >= 10 || f.linked_headings >= 6 {
            return (PageType::Listing, 0.6);
        }
        return (PageType::Service, 0.5);
    }
    // Neither dated nor signed, in sections: what an organisation says
    // about itself and what it offers.
    if !f.dated && !f.authored && f.section_headings >= 4 && f.section_headings * 3 >= f.prose_paras
    {
        return (PageType::Service, 0.5);
    }
    if prose_share >= 0.3 || f.prose_paras >= 5 {
        return (PageType::Article, 0.6);
    }
    if f.section_headings >= 4 {
        return (PageType::Service, 0.4);
    }
    (PageType::Article, 0.4)
}

/// The kind a schema.org or Open Graph type names.
fn declared_kind(types: &[String]) -> Option<PageType> {
    // Strongest first: a page about a product may also carry an
    // `Organization` and a `BreadcrumbList`, a thread a `WebPage`.
    let has = |set: &[&str]| types.iter().any(|t| set.contains(&t.as_str()));
    if has(&["qapage", "discussionforumposting"]) {
        return Some(PageType::Forum);
    }
    if has(&[
        "product",
        "productgroup",
        "individualproduct",
        "car",
        "vehicle",
    ]) {
        return Some(PageType::Product);
    }
    if has(&["techarticle", "apireference"]) {
        return Some(PageType::Documentation);
    }
    if has(&[
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "liveblogposting",
        "scholarlyarticle",
        "recipe",
        "article",
    ]) {
        return Some(PageType::Article);
    }
    if has(&[
        "collectionpage",
        "itemlist",
        "searchresultspage",
        "offercatalog",
    ]) {
        return Some(PageType::Listing);
    }
    None
}

/// The kind a URL's path suggests, by conventions of forum, shop and
/// documentation software shared across the web.
fn url_kind(url: &Url) -> (Option<PageType>, bool) {
    let path = url.path().to_ascii_lowercase();
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // A home page: no path, or only a language or region code
    // (`/en-us/`, `/de/`, `/global/`).
    let home = segs.is_empty()
        || (segs.len() == 1
            && (segs[0].len() <= 5
                && segs[0].chars().all(|c| c.is_ascii_alphabetic() || c == '-')
                || segs[0] == "global"
                || segs[0].starts_with("index.")));
    let has = |names: &[&str]| segs.iter().any(|s| names.contains(s));
    let numeric_after = |name: &str| {
        segs.windows(2)
            .any(|w| w[0] == name && w[1].chars().all(|c| c.is_ascii_digit()))
    };
    let kind = if path.contains("viewtopic")
        || path.contains("showthread")
        || has(&[
            "forum",
            "forums",
            "thread",
            "threads",
            "discussion",
            "discussions",
        ])
        || numeric_after("questions")
        || has(&["comments"]) && segs.len() >= 4
        || segs.first() == Some(&"t") && segs.len() >= 2
    {
        Some(PageType::Forum)
    } else if has(&[
        "docs",
        "doc",
        "documentation",
        "reference",
        "manual",
        "api",
        "apidocs",
    ]) || segs
        .first()
        .is_some_and(|s| *s == "wiki" || *s == "book" || *s == "library")
    {
        Some(PageType::Documentation)
    } else if has(&["dp", "itm", "product", "products", "item", "p"]) && segs.len() >= 2 {
        Some(PageType::Product)
    } else if has(&[
        "c",
        "category",
        "categories",
        "collections",
        "browse",
        "shop",
        "cp",
    ]) || segs.iter().any(|s| s.starts_with("product-category"))
    {
        Some(PageType::Collection)
    } else if has(&[
        "tag", "tags", "topic", "topics", "section", "sections", "list", "lists",
    ]) {
        Some(PageType::Listing)
    } else {
        None
    };
    (kind, home)
}

/// A short text that reads as a price: a currency sign or code next to a
/// number (`$19.99`, `£5`, `24,90 €`, `USD 12`).
fn is_price(t: &str) -> bool {
    let t = t.trim();
    if t.is_empty() || t.len() > 24 {
        return false;
    }
    let signs = ['$', '€', '£', '¥', '₹', '₩', '₽'];
    let Some(pos) = t.find(|c: char| signs.contains(&c)).or_else(|| {
        ["usd", "eur", "gbp", "chf"]
            .iter()
            .find_map(|c| t.to_ascii_lowercase().find(c))
    }) else {
        return false;
    };
    let before = &t[..pos];
    let after = &t[pos..];
    let digit_near = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .take(4)
            .any(|c| c.is_ascii_digit())
    };
    digit_near(after.trim_start_matches(|c: char| !c.is_ascii_digit() && !c.is_whitespace()))
        || digit_near(&before.chars().rev().collect::<String>())
}

/// Measure the page.
pub fn features(
    dom: &Dom,
    c: &Cleaned,
    url: Option<&Url>,
    declared: &[String],
    meta: &crate::Metadata,
) -> Features {
    let mut f = Features {
        declared: declared_kind(declared),
        dated: meta.date.is_some(),
        authored: !meta.authors.is_empty(),
        ..Features::default()
    };
    if let Some(u) = url {
        let (k, home) = url_kind(u);
        f.url_kind = k;
        f.home = home;
    }
    let body = dom.body().unwrap_or(Dom::ROOT);
    f.text = c.text_len[body];
    f.link_text = c.link_len[body];
    // Nodes below a dropped one are not in `order`; below a node marked as
    // boilerplate or comments they are, and `inside` tracks that.
    let n = dom.len();
    // Which nodes hold a picture, bottom-up, so that cards are checked in
    // constant time each.
    let mut has_img = vec![false; n];
    for &id in c.order.iter().rev() {
        if dom.is(id, &tag!("img")) || dom.is(id, &tag!("picture")) {
            has_img[id] = true;
        }
        if has_img[id] {
            if let Some(p) = dom.parent(id) {
                has_img[p] = true;
            }
        }
    }
    let mut in_comment = vec![false; n];
    for &id in &c.order {
        let parent_comment = dom.parent(id).is_some_and(|p| in_comment[p]);
        in_comment[id] = parent_comment || c.hint[id] == Hint::Comments;
        if c.drop[id] != Drop::No {
            if matches!(
                dom.name(id),
                Some(&tag!("input")) | Some(&tag!("select")) | Some(&tag!("textarea"))
            ) {
                f.fields += 1;
            }
            continue;
        }
        if c.hint[id] == Hint::Comments && !parent_comment {
            f.comment_boxes += 1;
        }
        let Some(name) = dom.name(id) else {
            if let NodeData::Text(t) = dom.data(id) {
                if f.prices < 1000 && is_price(t) {
                    f.prices += 1;
                }
            }
            continue;
        };
        match *name {
            tag!("p") => {
                let len = c.text_len[id];
                if len >= 80 && c.link_density(id) < 0.3 {
                    f.prose += len;
                    f.prose_paras += 1;
                }
            }
            tag!("pre") => {
                if c.text_len[id] >= 20 {
                    f.code_blocks += 1;
                    f.code_chars += c.text_len[id];
                }
            }
            tag!("h2") | tag!("h3") | tag!("h4") | tag!("h5") | tag!("h6") => {
                let len = c.text_len[id];
                if len > 0 && c.link_len[id] * 10 >= len * 6 {
                    f.linked_headings += 1;
                } else if len > 0 && matches!(*name, tag!("h2") | tag!("h3")) {
                    f.section_headings += 1;
                }
            }
            tag!("time") => f.times += 1,
            _ => {}
        }
        if dom.first_child(id).is_some() {
            let (count, with_image) = repeated_children(dom, c, &has_img, id);
            if count > f.repeated {
                f.repeated = count;
                f.repeated_with_image = with_image;
            }
        }
    }
    f
}

/// The largest group of `id`'s element children that share tag and class
/// and each hold text and a link, with how many of them hold a picture.
fn repeated_children(dom: &Dom, c: &Cleaned, has_img: &[bool], id: NodeId) -> (u32, u32) {
    let mut kids = dom
        .element_children(id)
        .filter(|&k| c.drop[k] == Drop::No && c.text_len[k] >= 10 && c.links[k] > 0);
    let Some(first) = kids.next() else {
        return (0, 0);
    };
    // Items of one list share the first item's shape; comparing with the
    // first keeps this linear.
    let key = |k: NodeId| (dom.name(k).cloned(), dom.attr(k, "class").unwrap_or(""));
    let want = key(first);
    let mut count = 1;
    let mut with_image = u32::from(has_img[first]);
    for k in kids {
        if key(k) == want {
            count += 1;
            with_image += u32::from(has_img[k]);
        }
    }
    (count, with_image)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(u: &str) -> (Option<PageType>, bool) {
        url_kind(&Url::parse(u).expect("valid URL"))
    }

    #[test]
    fn addresses_follow_forum_shop_and_docs_conventions() {
        assert_eq!(
            kind("https://x.example/questions/4291/how-to").0,
            Some(PageType::Forum)
        );
        assert_eq!(
            kind("https://x.example/t/some-topic/223334").0,
            Some(PageType::Forum)
        );
        assert_eq!(
            kind("https://x.example/dp/B0D1XD1ZV3").0,
            Some(PageType::Product)
        );
        assert_eq!(
            kind("https://x.example/en/docs/intro").0,
            Some(PageType::Documentation)
        );
        assert_eq!(
            kind("https://x.example/c/camping-tents").0,
            Some(PageType::Collection)
        );
        assert_eq!(kind("https://x.example/2024/05/a-story.html").0, None);
        // Home pages, with or without a language segment.
        assert!(kind("https://x.example/").1);
        assert!(kind("https://x.example/en-us/").1);
        assert!(!kind("https://x.example/blog/post").1);
    }

    #[test]
    fn prices_need_a_currency_beside_a_number() {
        for p in ["$19.99", "£5", "24,90 €", "USD 12", "From $1,299"] {
            assert!(is_price(p), "{p}");
        }
        for t in [
            "$",
            "Save money",
            "2024",
            "Price list for the whole range of products",
        ] {
            assert!(!is_price(t), "{t}");
        }
    }

    #[test]
    fn structure_overrides_a_site_wide_article_declaration() {
        // A front page declaring `Article` site-wide, its text mostly teasers.
        let f = Features {
            declared: Some(PageType::Article),
            text: 12_000,
            link_text: 5_000,
            prose: 3_000,
            prose_paras: 20,
            linked_headings: 40,
            times: 38,
            ..Features::default()
        };
        assert_eq!(classify(&f).0, PageType::Listing);
        // A long article with a few linked headings stays an article.
        let f = Features {
            declared: Some(PageType::Article),
            text: 26_000,
            link_text: 1_000,
            prose: 22_000,
            prose_paras: 76,
            linked_headings: 14,
            dated: true,
            ..Features::default()
        };
        assert_eq!(classify(&f).0, PageType::Article);
        // Code blocks on an unsigned page: documentation.
        let f = Features {
            declared: Some(PageType::Article),
            text: 20_000,
            prose: 12_000,
            prose_paras: 50,
            code_blocks: 17,
            ..Features::default()
        };
        assert_eq!(classify(&f).0, PageType::Documentation);
    }

    #[test]
    fn a_home_page_is_a_listing_when_its_items_are_dated_else_a_service() {
        let base = Features {
            home: true,
            text: 5_000,
            link_text: 800,
            prose: 1_500,
            prose_paras: 8,
            section_headings: 8,
            ..Features::default()
        };
        assert_eq!(classify(&base).0, PageType::Service);
        let news = Features { times: 30, ..base };
        assert_eq!(classify(&news).0, PageType::Listing);
    }
}
