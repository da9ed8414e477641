//! Extract stage: find the article in the tree and build the [`crate::ir`].
//!
//! 1. Score: every prose block (a paragraph, a text-bearing `<div>`, a
//!    `<pre>`, a table cell) gives points to its nearest ancestors, more the
//!    longer it is and the more commas it has; containers get a prior from
//!    their tag and class words, and their score is damped by link density.
//! 2. Select: take the best container, move up when its parent holds
//!    comparable content (articles split by ads into several blocks), then
//!    add the siblings that look like more of the same.
//! 3. Build: walk the selection into the IR, leaving out what the clean
//!    stage marked and blocks that are mostly links.
//!
//! If the strict pass (class words trusted) finds too little, a lenient pass
//! ignores class words, as pages sometimes put `sidebar` on the main column.

mod build;
mod caption;
pub mod page_type;

use url::Url;

use crate::clean::{self, Cleaned, Drop, Hint};
use crate::dom::{tag, Dom, NodeId};
use crate::ir::{Article, Block};
use crate::metadata::Metadata;
use crate::Options;
pub use page_type::PageType;

pub use build::{block_text_len, block_unlinked_len};

/// What the extract stage found.
#[derive(Debug, Default)]
pub struct Found {
    pub article: Option<Article>,
    pub confidence: f32,
    /// The kind of page, and how sure the classifier is of it.
    pub page_type: PageType,
    pub page_type_confidence: f32,
}

/// Fewer visible characters than this and the page is not an article: a 404
/// page says "Page not found", a bare index lists teasers that the
/// link-density rules remove. The text is still given, with a low confidence.
const MIN_ARTICLE_CHARS: usize = 80;

/// Characters of article below which a forum thread's page is read for its
/// first post, and that the post must hold: what the builder keeps of such
/// a page is its breadcrumb and title (about 60 on mactechnews), a post
/// with a question in it runs to a few hundred; a signature or a one-line
/// reply under it is no post to stand for the thread.
const FORUM_POST_CHARS: usize = 200;

/// Characters of article below which, on a page of one text, the main
/// region is read whole if it holds four times more: about a short news
/// item. A longer result is a real text, and a region four times larger
/// around it is more often a gallery or a rail of teasers than more of it
/// (a 50-slide gallery beside a 6,000-character story, on mozilla's set).
const SHORT_ARTICLE_CHARS: usize = 2000;

/// True for the address of a forum thread: phpBB's `viewtopic.php`,
/// vBulletin's `showthread.php`, `/forum/…`, `/forums/…`, `/thread/…`,
/// Discourse's `/t/<slug>/<id>`.
fn is_forum_thread(url: &Url) -> bool {
    let path = url.path().to_ascii_lowercase();
    [
        "viewtopic",
        "showthread",
        "/forum/",
        "/forums/",
        "/thread/",
        "/threads/",
        "/t/",
    ]
    .iter()
    .any(|p| path.contains(p))
}

/// Find the article.
pub fn article(
    dom: &Dom,
    meta: &Metadata,
    declared_types: &[String],
    url: Option<&Url>,
    options: &Options,
) -> Found {
    let cleaned = clean::clean(dom);
    let features = page_type::features(dom, &cleaned, url, declared_types, meta);
    let (page_type, page_type_confidence) = page_type::classify(&features);
    let mut found = article_of(dom, &cleaned, meta, url, options, page_type);
    found.page_type = page_type;
    found.page_type_confidence = page_type_confidence;
    found
}

/// The page's kind and the measurements behind it, for tuning the classifier.
pub fn explain_page_type(
    dom: &Dom,
    url: Option<&Url>,
    declared_types: &[String],
    meta: &Metadata,
) -> (PageType, f32, page_type::Features) {
    let cleaned = clean::clean(dom);
    let f = page_type::features(dom, &cleaned, url, declared_types, meta);
    let (t, conf) = page_type::classify(&f);
    (t, conf, f)
}

fn article_of(
    dom: &Dom,
    cleaned: &Cleaned,
    meta: &Metadata,
    url: Option<&Url>,
    options: &Options,
    page_type: PageType,
) -> Found {
    let base = base_url(dom, url);
    let signals = article_signals(dom);
    let mut best: Option<(Article, usize, Selection)> = None;
    let body = dom.body().unwrap_or(Dom::ROOT);
    // Strict, then lenient; last, the whole body (tiny pages with no prose
    // block of 25 characters).
    let region = main_region(dom, cleaned);
    for pass in 0..3 {
        let sel = match pass {
            0 => select(dom, cleaned, true),
            1 => select(dom, cleaned, false),
            _ => Some(Selection {
                roots: vec![region],
                best: body,
                top_score: 0.0,
            }),
        };
        let Some(mut sel) = sel else { continue };
        if pass < 2 {
            title_article(dom, cleaned, &mut sel, meta.title.as_deref());
            recipe_ingredients(dom, cleaned, &mut sel);
        }
        // Class words are ignored by the lenient pass to *find* the article,
        // but boilerplate inside it is still left out.
        let mut b = build::Builder::new(dom, cleaned, base.as_ref(), meta, sel.best);
        b.lenient = pass > 0;
        let mut blocks = Vec::new();
        for l in lead(dom, cleaned, &sel.roots, meta.description.as_deref()) {
            b.root(l, &mut blocks);
        }
        b.start_body();
        for &r in &sel.roots {
            b.root(r, &mut blocks);
        }
        drop_trailing_calls(&mut blocks);
        b.drop_trailing_headings(&mut blocks);
        let len = prose_len(&blocks);
        let comments = if options.comments {
            b.comments(&sel.roots)
        } else {
            Vec::new()
        };
        let article = Article { blocks, comments };
        let better = best.as_ref().is_none_or(|(_, l, _)| len > *l * 2);
        if better {
            best = Some((article, len, sel));
        }
        // A pass is trusted unless it found very little.
        if best.as_ref().is_some_and(|(_, l, _)| *l >= 500) {
            break;
        }
    }
    let Some((mut article, mut len, sel)) = best else {
        return Found::default();
    };
    if len < FORUM_POST_CHARS && url.is_some_and(is_forum_thread) {
        // A forum thread whose every post, the first included, is marked as
        // a comment: the article found is the breadcrumb or nothing. The
        // first post is what the thread is about.
        let mut b = build::Builder::new(dom, cleaned, base.as_ref(), meta, sel.best);
        if let Some(blocks) = b.first_post(FORUM_POST_CHARS as u32) {
            let n = prose_len(&blocks);
            if n > len {
                article = Article {
                    blocks,
                    comments: Vec::new(),
                };
                len = n;
            }
        }
    }
    // The main region, built whole, when the article path kept a small part
    // of it. On a page of many parts (a service's bands, a shop's grid, a
    // listing's items, a product's description and specifications) the
    // article path keeps the one part that reads most like prose, so half
    // the region's text is enough to prefer the region; on a page of one
    // text, only a quarter, where the article path has clearly missed
    // (a body split into many sibling boxes, a lead taken for the whole).
    // Both ratios held on the half of WCXB not studied (eval/README.md).
    let region_factor = if page_type.is_multi_part() && page_type != PageType::Forum {
        2.0
    } else {
        4.0
    };
    // Built only where it can win: the region is not what was read already,
    // and on a page of one text, the text found is short.
    let may_win = page_type != PageType::Forum
        && sel.roots != [region]
        && (page_type.is_multi_part() || len < SHORT_ARTICLE_CHARS);
    if may_win {
        let mut b = build::Builder::new(dom, cleaned, base.as_ref(), meta, sel.best);
        b.lenient = true;
        let mut blocks = Vec::new();
        b.start_body();
        b.root(region, &mut blocks);
        drop_trailing_calls(&mut blocks);
        b.drop_trailing_headings(&mut blocks);
        let n = prose_len(&blocks);
        // On a page of one text, the region must hold more text of its own,
        // not more links: teasers around a short story are no more of it.
        let more = if page_type.is_multi_part() {
            n as f32 > len as f32 * region_factor
        } else {
            len < SHORT_ARTICLE_CHARS
                && unlinked_len(&blocks) as f32
                    > unlinked_len(&article.blocks) as f32 * region_factor
        };
        if more {
            article = Article {
                blocks,
                comments: Vec::new(),
            };
            len = n;
        }
    }
    if len == 0 {
        return Found::default();
    }
    let mut confidence = confidence(cleaned, dom, &article, len, &sel, signals);
    if len < MIN_ARTICLE_CHARS {
        // A line or two: an error page or a stub, reported with what it says.
        confidence = confidence.min(0.1);
    }
    Found {
        article: Some(article),
        confidence,
        ..Found::default()
    }
}

/// [`prose_len`] without the text of links.
fn unlinked_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Figure(_)))
        .map(block_unlinked_len)
        .sum()
}

/// The page's main region: its `<main>` (or `role=main`) element when it
/// holds a good part of the page's text, else the body. Header, navigation
/// and footer sit outside `<main>` by the element's definition.
fn main_region(dom: &Dom, c: &Cleaned) -> NodeId {
    let body = dom.body().unwrap_or(Dom::ROOT);
    let found = c.order.iter().copied().find(|&d| {
        c.drop[d] == Drop::No
            && (dom.is(d, &tag!("main"))
                || dom
                    .attr(d, "role")
                    .is_some_and(|r| r.eq_ignore_ascii_case("main")))
    });
    // A third of the body's text: a `<main>` that holds only a banner while
    // the content sits beside it is not the main region.
    match found {
        Some(m) if c.text_len[m] * 10 >= c.text_len[body] => m,
        _ => body,
    }
}

/// Visible characters of the article's text, figures left out: a pass
/// that found only pictures with their captions and credits ("amazon /
/// istock / …") found no article, and the next pass must get its chance.
fn prose_len(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .filter(|b| !matches!(b, Block::Figure(_)))
        .map(block_text_len)
        .sum()
}

/// The standfirst: prose between the headline and the selected body, when
/// both sit in one article wrapper (news sites put the lead paragraph in the
/// header, a sibling of the body container).
///
/// Only a paragraph that the page also gives as its description counts:
/// that is what a standfirst is, and it keeps captions, bylines and
/// teasers that also sit between headline and body out.
fn lead(dom: &Dom, c: &Cleaned, roots: &[NodeId], description: Option<&str>) -> Vec<NodeId> {
    let Some(&first) = roots.first() else {
        return Vec::new();
    };
    let desc = description.map(build::normalise).filter(|d| d.len() >= 30);
    // Descriptions are often the lead cut short ("…"): compare a prefix.
    let probe: String = desc.as_deref().unwrap_or("").chars().take(40).collect();
    let body = dom.body().unwrap_or(Dom::ROOT);
    let pos = &c.pos;
    // The last <h1> before the body.
    let Some(h1) = c.order[..pos[first].min(c.order.len())]
        .iter()
        .rev()
        .copied()
        .find(|&n| dom.is(n, &tag!("h1")) && c.drop[n] == Drop::No)
    else {
        return Vec::new();
    };
    // Same wrapper below <body>: otherwise the h1 is the site's logo or a
    // page header far from the article.
    let shared = dom
        .ancestors(h1)
        .find(|&a| a == first || dom.ancestors(first).any(|x| x == a));
    if shared.is_none_or(|a| a == body || a == Dom::ROOT || dom.is(a, &tag!("html"))) {
        return Vec::new();
    }
    let runs = own_text_runs(dom, c);
    let mut out = Vec::new();
    let mut chars = 0u32;
    let mut has_figure = false;
    // A hero picture above the headline, in the same wrapper: the lead
    // figure too. The nearest one, with nothing but furniture between.
    if let Some(shared) = shared {
        let hero = c.order[pos[shared] + 1..pos[h1]]
            .iter()
            .rev()
            .copied()
            .take_while(|&n| {
                !(matches!(dom.name(n), Some(&tag!("h1")) | Some(&tag!("h2")))
                    || (is_paragraph(dom, n) && c.text_len[n] >= 80))
            })
            .find(|&n| dom.is(n, &tag!("figure")) && dom.find(n, &tag!("img")).is_some());
        let kept = |n: NodeId| {
            std::iter::once(n)
                .chain(dom.ancestors(n).take_while(|&a| a != shared))
                .all(|a| {
                    c.drop[a] == Drop::No
                        && !matches!(c.hint[a], Hint::Boilerplate | Hint::Comments)
                })
        };
        if let Some(f) = hero.filter(|&f| kept(f)) {
            has_figure = true;
            out.push(f);
        }
    }
    let Some(mut cur) = dom.next_skipping_children(h1, body) else {
        return out;
    };
    while pos[cur] < pos[first] {
        let skip_subtree = c.drop[cur] != Drop::No
            || matches!(c.hint[cur], Hint::Boilerplate | Hint::Comments | Hint::Meta);
        // The lead picture between headline and body: its caption and
        // credit belong under the headline (figures stay out of the text).
        if !skip_subtree
            && !has_figure
            && dom.is(cur, &tag!("figure"))
            && dom.find(cur, &tag!("img")).is_some()
        {
            has_figure = true;
            out.push(cur);
            cur = match dom.next_skipping_children(cur, body) {
                Some(n) => n,
                None => break,
            };
            continue;
        }
        // A subtitle right under the headline that is a whole sentence
        // is the standfirst, whatever the description says.
        let subtitle = out.iter().all(|&o| dom.is(o, &tag!("figure")))
            && !skip_subtree
            && matches!(
                dom.name(cur),
                Some(&tag!("h2")) | Some(&tag!("h3")) | Some(&tag!("h4"))
            )
            && c.links[cur] == 0
            && build::reads_as_sentence(&dom.text_content(cur), build::STANDFIRST_WORDS);
        let is_lead = subtitle
            || (desc.is_some()
                && !skip_subtree
                && dom.is_element(cur)
                && (is_paragraph(dom, cur) || runs[cur])
                && c.text_len[cur] >= 40
                && c.link_density(cur) < 0.3
                && build::normalise(&dom.text_content(cur))
                    .contains(probe.trim_end_matches(['…', '.'])));
        if is_lead {
            out.push(cur);
            chars += c.text_len[cur];
            // A lead is a paragraph or two, never a column of them.
            if chars > 1500 || out.len() >= 3 {
                break;
            }
        }
        let next = if skip_subtree || is_lead {
            dom.next_skipping_children(cur, body)
        } else {
            dom.first_child(cur)
                .or_else(|| dom.next_skipping_children(cur, body))
        };
        match next {
            Some(n) => cur = n,
            None => break,
        }
    }
    out
}

/// Pages that load the next stories as you scroll hold several full
/// `<article>`s; the longest is not necessarily the page's own. When the
/// chosen container sits in an `<article>` headed by another story, and
/// another `<article>` is headed by the page's title, that one is the
/// article.
fn title_article(dom: &Dom, c: &Cleaned, sel: &mut Selection, title: Option<&str>) {
    let Some(title) = title.map(build::normalise).filter(|t| t.len() >= 10) else {
        return;
    };
    let art = tag!("article");
    let Some(own) = std::iter::once(sel.best)
        .chain(dom.ancestors(sel.best))
        .find(|&a| dom.is(a, &art))
    else {
        return;
    };
    let headline = |a: NodeId| {
        dom.descendants(a)
            .find(|&d| dom.is(d, &tag!("h1")) || dom.is(d, &tag!("h2")))
            .map(|h| build::normalise(&dom.text_content(h)))
    };
    if headline(own).is_none_or(|h| h == title) {
        return;
    }
    // The smallest article headed by the title that does not hold the
    // current choice, with a paragraph's worth of text (sidebar teasers
    // repeat the headline with a line of text).
    let found = dom
        .find_all(Dom::ROOT, &art)
        .filter(|&a| {
            c.drop[a] == Drop::No
                && c.text_len[a] >= 200
                && !dom.ancestors(sel.best).any(|x| x == a)
                && headline(a).is_some_and(|h| h == title)
        })
        .min_by_key(|&a| c.text_len[a]);
    if let Some(a) = found {
        sel.roots = vec![a];
        sel.best = a;
    }
}

/// Short paragraphs that end the body and speak to the reader about
/// something other than the story: a newsletter or donation call, a
/// letters-to-the-editor invitation, the publisher's standards or licence
/// line, the magazine's kiosk advert. Only at the end: the same words in
/// the middle of an article are usually part of it.
fn drop_trailing_calls(blocks: &mut Vec<Block>) {
    const CALLS: &[&str] = &[
        "newsletter",
        "subscribe",
        "abonnier",
        "sign up",
        "signing up",
        "donate",
        "letter to the editor",
        "leserbrief",
        "meinung des autors",
        "views of the author",
        "trust principles",
        "our standards",
        "creative commons",
        "cc-by",
        "unter der lizenz",
        "licensed under",
        "bahnhofskiosk",
        "e-paper",
        "have a correction",
        "story tip",
        "news tip",
    ];
    while let Some(Block::Paragraph(content)) = blocks.last() {
        let text = crate::ir::inlines_text(content).to_lowercase();
        // Two sentences at most: a call, not a closing paragraph of the story.
        if text.chars().count() >= 300 || !CALLS.iter().any(|c| text.contains(c)) {
            break;
        }
        blocks.pop();
    }
}

/// A recipe's ingredients, marked by the publisher with schema.org
/// microdata (`itemprop="recipeIngredient"`), are part of it even when the
/// scoring found only the method: a list of short lines earns no prose
/// points. Their smallest common container joins the selection, in page
/// order.
fn recipe_ingredients(dom: &Dom, c: &Cleaned, sel: &mut Selection) {
    // A few kilobytes hold any list of ingredients; more is a page wrapper.
    const MAX_CHARS: u32 = 4000;
    let is_item = |id: NodeId| {
        c.drop[id] == Drop::No
            && dom
                .attr(id, "itemprop")
                .is_some_and(|v| v == "recipeIngredient" || v == "ingredients")
    };
    let items: Vec<NodeId> = c.order.iter().copied().filter(|&id| is_item(id)).collect();
    if items.len() < 2 {
        return;
    }
    let Some(box_) = dom
        .ancestors(items[0])
        .take_while(|&a| c.text_len[a] <= MAX_CHARS)
        .find(|&a| items.iter().all(|&i| dom.ancestors(i).any(|x| x == a)))
    else {
        return;
    };
    let inside = |a: NodeId, b: NodeId| a == b || dom.ancestors(a).any(|x| x == b);
    if sel
        .roots
        .iter()
        .any(|&r| inside(box_, r) || inside(r, box_))
    {
        return;
    }
    sel.roots.push(box_);
    sel.roots.sort_by_key(|&r| c.pos[r]);
}

/// `<base href>` resolved against the page URL, else the page URL.
fn base_url(dom: &Dom, url: Option<&Url>) -> Option<Url> {
    let href = dom
        .head()
        .and_then(|h| dom.find(h, &tag!("base")))
        .and_then(|b| dom.attr(b, "href"));
    match (href, url) {
        (Some(h), Some(u)) => u.join(h.trim()).ok().or_else(|| Some(u.clone())),
        (Some(h), None) => Url::parse(h.trim()).ok(),
        (None, u) => u.cloned(),
    }
}

/// Whether the page says it is an article (`og:type`, schema.org types, `<article>`).
fn article_signals(dom: &Dom) -> bool {
    for id in dom.descendants(Dom::ROOT) {
        let Some(el) = dom.element(id) else { continue };
        match el.name.local {
            tag!("article") => return true,
            tag!("meta") => {
                if el.attr("property") == Some("og:type")
                    && el.attr("content").is_some_and(|c| c.contains("article"))
                {
                    return true;
                }
            }
            _ => {
                if el
                    .attr("itemtype")
                    .is_some_and(|t| t.contains("Article") || t.contains("BlogPosting"))
                    || el.attr("itemprop") == Some("articleBody")
                {
                    return true;
                }
            }
        }
    }
    false
}

/// A report of the scoring, for people tuning the heuristics: the best
/// candidates with their scores and the selected roots, per pass.
pub fn explain(dom: &Dom) -> String {
    use std::fmt::Write;
    let c = clean::clean(dom);
    let mut out = String::new();
    for strict in [true, false] {
        let _ = writeln!(out, "pass strict={strict}");
        let mut cands = Vec::new();
        if let Some(sel) = select_inner(dom, &c, strict, Some(&mut cands)) {
            for (id, score) in cands.iter().take(12) {
                let _ = writeln!(out, "  {score:8.2} {}", describe(dom, &c, *id));
            }
            for r in &sel.roots {
                let _ = writeln!(out, "  root {}", describe(dom, &c, *r));
            }
        }
    }
    out
}

fn describe(dom: &Dom, c: &Cleaned, id: NodeId) -> String {
    let mut path = Vec::new();
    let mut cur = Some(id);
    while let Some(n) = cur {
        if let Some(name) = dom.name(n) {
            let mut s = name.to_string();
            if let Some(i) = dom.attr(n, "id") {
                s.push('#');
                s.push_str(i);
            }
            if let Some(cl) = dom.attr(n, "class") {
                s.push('.');
                s.push_str(&cl.split_whitespace().take(3).collect::<Vec<_>>().join("."));
            }
            path.push(s);
        }
        cur = dom.parent(n);
        if path.len() >= 4 {
            break;
        }
    }
    path.reverse();
    format!(
        "{} [id {id} text {} ld {:.2} hint {:?} drop {:?}]",
        path.join(" > "),
        c.text_len[id],
        c.link_density(id),
        c.hint[id],
        c.drop[id]
    )
}

/// The chosen part of the page: one or more sibling subtrees in order.
#[derive(Debug)]
struct Selection {
    roots: Vec<NodeId>,
    /// The best-scoring container: boilerplate class words on it or its
    /// ancestors are not a reason to drop it.
    best: NodeId,
    top_score: f32,
}

/// A block's contribution to its ancestors: 1 for being there, 1 per comma,
/// 1 per 100 characters up to 3 (Readability's measure of prose).
fn prose_score(len: u32, commas: u32) -> f32 {
    1.0 + commas.min(20) as f32 + (len as f32 / 100.0).min(3.0)
}

/// Score prior of a container from its tag and class words.
fn prior(dom: &Dom, c: &Cleaned, id: NodeId) -> f32 {
    let tag_prior = match dom.name(id) {
        // Generic containers are where articles live.
        Some(&tag!("div")) | Some(&tag!("section")) | Some(&tag!("main")) => 5.0,
        Some(&tag!("article")) => 10.0,
        Some(&tag!("pre")) | Some(&tag!("td")) | Some(&tag!("blockquote")) => 3.0,
        // Lists and forms hold navigation and widgets more often than prose.
        Some(&tag!("ol"))
        | Some(&tag!("ul"))
        | Some(&tag!("dl"))
        | Some(&tag!("dd"))
        | Some(&tag!("dt"))
        | Some(&tag!("li"))
        | Some(&tag!("form"))
        | Some(&tag!("address")) => -3.0,
        Some(&tag!("th")) | Some(&tag!("h1")) | Some(&tag!("h2")) | Some(&tag!("h3"))
        | Some(&tag!("h4")) | Some(&tag!("h5")) | Some(&tag!("h6")) => -5.0,
        _ => 0.0,
    };
    // Class words are worth 25 points, about eight good paragraphs' worth
    // at the grandparent level: enough to break ties, not to win alone.
    let class = match c.hint[id] {
        Hint::Content => 25.0,
        Hint::Boilerplate | Hint::Comments => -25.0,
        Hint::Meta => -10.0,
        // Captions sit beside pictures inside articles: neutral.
        Hint::Caption => 0.0,
        Hint::None => 0.0,
    };
    let itemprop = if dom
        .attr(id, "itemprop")
        .is_some_and(|v| v.contains("articleBody"))
    {
        // The publisher's own statement of where the body is.
        30.0
    } else {
        0.0
    };
    tag_prior + class + itemprop
}

/// Paragraph-like elements: their text is prose and their parent is its container.
fn is_paragraph(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.name(id),
        Some(&tag!("p"))
            | Some(&tag!("pre"))
            | Some(&tag!("td"))
            | Some(&tag!("blockquote"))
            | Some(&tag!("dd"))
    )
}

/// Containers with a text run of their own (through inline elements only):
/// a `<div>` holding bare text, or `<div><span><span>text` as blog editors
/// write. Such a container behaves as a paragraph and as that paragraph's
/// container at once (Readability turns these `<div>`s into `<p>`s).
fn own_text_runs(dom: &Dom, c: &Cleaned) -> Vec<bool> {
    let mut runs = vec![false; dom.len()];
    for &id in &c.order {
        let Some(t) = dom.text(id) else { continue };
        // Shorter runs are labels and buttons.
        if t.trim().len() < 25 {
            continue;
        }
        let block = dom
            .ancestors(id)
            .find(|&a| dom.name(a).is_none_or(|n| !build::is_inline(n)));
        if let Some(b) = block {
            if dom.is_element(b) && !is_paragraph(dom, b) {
                runs[b] = true;
            }
        }
    }
    runs
}

/// The one child of `x` that holds text or a picture, when there is
/// exactly one: empty siblings (layout spacers, a grid row left blank)
/// do not count.
fn lone_filled_child(dom: &Dom, c: &Cleaned, x: NodeId) -> Option<NodeId> {
    let mut it = dom
        .element_children(x)
        .filter(|&ch| c.text_len[ch] > 0 || dom.find(ch, &tag!("img")).is_some());
    match (it.next(), it.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

fn select(dom: &Dom, c: &Cleaned, strict: bool) -> Option<Selection> {
    select_inner(dom, c, strict, None)
}

fn select_inner(
    dom: &Dom,
    c: &Cleaned,
    strict: bool,
    report: Option<&mut Vec<(NodeId, f32)>>,
) -> Option<Selection> {
    let n = dom.len();
    let body = dom.body().unwrap_or(Dom::ROOT);
    // Top-down: which nodes sit in a dropped or boilerplate subtree.
    let mut excluded = vec![false; n];
    for &id in &c.order {
        let parent_ex = dom.parent(id).is_some_and(|p| excluded[p]);
        excluded[id] = parent_ex
            || c.drop[id] != Drop::No
            || c.is_signup_box(dom, id)
            || (strict && matches!(c.hint[id], Hint::Boilerplate | Hint::Comments));
    }
    let teaser = teaser_items(dom, c);
    let runs = own_text_runs(dom, c);
    let mut score = vec![0.0f32; n];
    let mut touched: Vec<NodeId> = Vec::new();
    let mut has_score = vec![false; n];
    for &id in &c.order {
        let own_run = runs[id];
        if excluded[id] || !dom.is_element(id) || !(own_run || is_paragraph(dom, id)) {
            continue;
        }
        let len = c.text_len[id];
        // Shorter blocks are captions, labels and buttons, not prose.
        if len < 25 {
            continue;
        }
        let mut s = prose_score(len, c.commas[id]) * (1.0 - c.link_density(id));
        if teaser[id] || is_excerpt(dom, id, len) {
            // Teaser excerpts in a listing: a few of them must not outscore
            // the one article on the page.
            s *= 0.25;
        }
        // Parent gets it all, grandparent half, then a third per level, up
        // to five levels: content sits a few wrappers below its container.
        let mut level = 0u32;
        // A container with its own text run is that run's container: it
        // gets the points itself.
        let mut anc = if own_run { Some(id) } else { dom.parent(id) };
        while let Some(a) = anc {
            if level >= 5 || a == Dom::ROOT || !dom.is_element(a) {
                break;
            }
            if !has_score[a] {
                has_score[a] = true;
                score[a] = 0.0;
                touched.push(a);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / div;
            level += 1;
            anc = dom.parent(a);
        }
    }
    if touched.is_empty() {
        return None;
    }
    for &a in &touched {
        let earned = score[a];
        let p = prior(dom, c, a);
        // A good class or tag is worth its full bonus only to a container
        // that earned points of its own: a teaser card with `post entry`
        // classes and one excerpt must not outrank the article.
        let p = if p > 0.0 {
            p * earned / (earned + 5.0)
        } else {
            p
        };
        score[a] = (earned + p) * (1.0 - c.link_density(a));
    }
    touched.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    if let Some(r) = report {
        r.extend(touched.iter().take(20).map(|&t| (t, score[t])));
    }
    let mut top = touched[0];
    let best = top;
    let top_score = score[top];

    // Articles split into several blocks: when other strong candidates share
    // an ancestor with the top one, that ancestor is the article.
    let strong: Vec<NodeId> = touched
        .iter()
        .take(5)
        .skip(1)
        .copied()
        // Within a quarter of the best: Readability's bar for "as good".
        .filter(|&t| score[t] >= top_score * 0.75)
        .collect();
    if strong.len() >= 2 {
        let mut anc = dom.parent(top);
        while let Some(a) = anc {
            if a == body || a == Dom::ROOT {
                break;
            }
            let shared = strong
                .iter()
                .filter(|&&t| dom.ancestors(t).any(|x| x == a))
                .count();
            if shared >= 2 {
                top = a;
                break;
            }
            anc = dom.parent(a);
        }
    }
    // Climb while the parent scores higher than what we have: the content
    // continues there (Readability's rule).
    let mut last = score[top];
    let mut anc = dom.parent(top);
    while let Some(a) = anc {
        if a == body || a == Dom::ROOT || excluded[a] {
            break;
        }
        if !has_score[a] {
            anc = dom.parent(a);
            continue;
        }
        if score[a] < last / 3.0 {
            break;
        }
        if score[a] > last {
            top = a;
            break;
        }
        last = score[a];
        anc = dom.parent(a);
    }
    // A lone child carries nothing its parent does not.
    while let Some(p) = dom.parent(top) {
        if p == body || p == Dom::ROOT || excluded[p] {
            break;
        }
        if lone_filled_child(dom, c, p).is_none() {
            break;
        }
        top = p;
    }

    // Siblings that look like more of the article.
    let mut roots = Vec::new();
    let Some(parent) = dom.parent(top).filter(|&p| p != Dom::ROOT) else {
        return Some(Selection {
            roots: vec![top],
            best,
            top_score,
        });
    };
    // A sibling is more of the article when it scores a fifth of the best,
    // and never below ~3 good paragraphs' worth (Readability's rule, which
    // joined the split bodies of the paywall fixture and scrapinghub pages).
    //
    // A wrapper is scored through its lone filled child: a page built of
    // full-width bands (`band > container > row > column > p`) has its
    // points at the column, far below the band that is the sibling.
    let chain_score = |x: NodeId| {
        let mut best = if has_score[x] { score[x] } else { 0.0 };
        let mut cur = x;
        // Eight levels: deeper than any grid framework nests.
        for _ in 0..8 {
            let Some(ch) = lone_filled_child(dom, c, cur) else {
                break;
            };
            if has_score[ch] {
                best = best.max(score[ch]);
            }
            cur = ch;
        }
        best
    };
    let top_chain = chain_score(top);
    let threshold = (top_chain * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").filter(|c| !c.is_empty());
    // The article's opening paragraphs in a box of their own before the
    // body (`section.intro` + `section.content`): a short lead scores far
    // below a fifth of a long body, yet it is the article's start. The
    // siblings right before the body, back to the headline, that hold
    // prose with few links join it; pictures and empty boxes between are
    // passed over.
    let mut lead_boxes = Vec::new();
    let mut prev = dom.prev_sibling(top);
    while let Some(x) = prev {
        prev = dom.prev_sibling(x);
        if !dom.is_element(x) || excluded[x] {
            continue;
        }
        // The headline, or a box holding it, is where the article starts.
        let headline = |n: NodeId| matches!(dom.name(n), Some(&tag!("h1")) | Some(&tag!("h2")));
        if headline(x)
            || dom.is(x, &tag!("header"))
            || dom.descendants(x).any(headline)
            // A lead is a box or two, not a column of them.
            || lead_boxes.len() >= 2
        {
            break;
        }
        // Empty boxes, captions, and pictures with a caption's worth of
        // text (300 characters: a sentence or two) are passed over.
        if c.text_len[x] == 0
            || c.hint[x] == Hint::Caption
            || (c.text_len[x] < 300 && dom.find(x, &tag!("img")).is_some())
        {
            continue;
        }
        let prose = has_score[x]
            && c.text_len[x] >= 80
            && c.link_density(x) < 0.2
            && !matches!(c.hint[x], Hint::Meta | Hint::Boilerplate | Hint::Comments);
        if !prose {
            break;
        }
        lead_boxes.push(x);
    }
    for s in dom.children(parent) {
        if s == top {
            roots.push(s);
            continue;
        }
        if excluded[s] || !dom.is_element(s) {
            continue;
        }
        if lead_boxes.contains(&s) {
            roots.push(s);
            continue;
        }
        let mut bonus = 0.0;
        if top_class.is_some() && dom.attr(s, "class") == top_class {
            bonus += top_chain * 0.2;
        }
        // Through the chain only with a few sentences of text (250
        // characters) and 40% of the best chain: a call-to-action band
        // whose inner box says `content`, or a donation box beside a news
        // story, scored a fifth of the best and is not more of the article.
        let append = if has_score[s]
            && (score[s] + bonus >= threshold
                || (c.text_len[s] >= 250
                    && chain_score(s) + bonus >= threshold.max(top_chain * 0.4)))
        {
            true
        } else if dom.is(s, &tag!("p")) {
            let len = c.text_len[s];
            let ld = c.link_density(s);
            // A loose paragraph beside the body: a real sentence or more with
            // few links, or a short one with none that ends like a sentence.
            (len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld == 0.0 && ends_sentence(dom, s))
        } else {
            false
        };
        if append {
            roots.push(s);
        }
    }
    // Between two parts of the article, a band holding only a table or a
    // picture is part of it too: it earns no prose points, but nothing
    // else sits between two halves of a text.
    if roots.len() >= 2 {
        let (first, last) = (roots[0], roots[roots.len() - 1]);
        let mut inside = false;
        let mut with_media = Vec::with_capacity(roots.len() + 2);
        // `roots` are children of `parent` in order: one cursor finds them.
        let mut next_root = 0;
        for s in dom.children(parent) {
            if s == first {
                inside = true;
            }
            let media = inside
                && !excluded[s]
                && dom.is_element(s)
                && c.link_density(s) < 0.3
                && (dom.find(s, &tag!("table")).is_some()
                    || dom.find(s, &tag!("figure")).is_some());
            let is_root = roots.get(next_root) == Some(&s);
            if is_root {
                next_root += 1;
            }
            if media || is_root {
                with_media.push(s);
            }
            if s == last {
                break;
            }
        }
        roots = with_media;
    }
    Some(Selection {
        roots,
        best,
        top_score,
    })
}

/// Nodes inside teaser items: small elements holding a heading that is a
/// link (`<h2><a>Story</a></h2>` or `<a><h3>Story</h3></a>`) — the shape of
/// listings, "more stories" rails and related-post grids. `<h1>` is left out:
/// sites often link the article's own headline to itself.
fn teaser_items(dom: &Dom, c: &Cleaned) -> Vec<bool> {
    let n = dom.len();
    let mut item = vec![false; n];
    for &id in &c.order {
        let Some(name) = dom.name(id) else { continue };
        let linked_heading = match *name {
            tag!("h2") | tag!("h3") | tag!("h4") | tag!("h5") | tag!("h6") => {
                c.text_len[id] > 0 && c.link_len[id] * 10 >= c.text_len[id] * 6
            }
            tag!("a") => dom.descendants(id).any(|d| {
                matches!(
                    dom.name(d),
                    Some(&tag!("h2"))
                        | Some(&tag!("h3"))
                        | Some(&tag!("h4"))
                        | Some(&tag!("h5"))
                        | Some(&tag!("h6"))
                )
            }),
            _ => false,
        };
        if !linked_heading {
            continue;
        }
        // The item is the nearest ancestors (three levels) that stay small:
        // 1,500 characters is more than any teaser, less than most articles.
        for a in dom.ancestors(id).take(3) {
            if c.text_len[a] > 1500 {
                break;
            }
            item[a] = true;
        }
    }
    // Three or more sibling <article>s are a listing, not an article.
    for &id in &c.order {
        if dom.is_element(id) && c.drop[id] == Drop::No {
            let arts = dom
                .element_children(id)
                .filter(|&ch| dom.is(ch, &tag!("article")))
                .count();
            if arts >= 3 {
                for ch in dom.element_children(id) {
                    if dom.is(ch, &tag!("article")) {
                        item[ch] = true;
                    }
                }
            }
        }
    }
    // Everything below an item is in it.
    for &id in &c.order {
        if let Some(p) = dom.parent(id) {
            if item[p] {
                item[id] = true;
            }
        }
    }
    item
}

/// A truncated excerpt ("… the plan was …" / "[…]"): a teaser's text.
fn is_excerpt(dom: &Dom, id: NodeId, len: u32) -> bool {
    // Longer blocks are article paragraphs that happen to trail off.
    if len > 600 {
        return false;
    }
    let Some(last) = dom.last_child(id) else {
        return false;
    };
    let mut tail = String::new();
    dom.text_into(last, &mut tail);
    let t = tail.trim_end();
    t.ends_with('…') || t.ends_with("...") || t.ends_with("[…]") || t.ends_with("[...]")
}

fn ends_sentence(dom: &Dom, id: NodeId) -> bool {
    let t = dom.text_content(id);
    t.ends_with(['.', '!', '?', '。', '"', '”'])
}

/// How sure we are that this is an article and we have all of it.
fn confidence(
    c: &Cleaned,
    dom: &Dom,
    article: &Article,
    len: usize,
    sel: &Selection,
    signals: bool,
) -> f32 {
    let body_len = dom.body().map_or(0, |b| c.text_len[b]) as f32;
    let paras = article
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Paragraph(_)))
        .count() as f32;
    // Enough prose to be an article: saturates at ~1,500 characters (a short
    // news item) and five paragraphs.
    let mut conf = 0.35 * (len as f32 / 1500.0).min(1.0) + 0.2 * (paras / 5.0).min(1.0);
    if signals {
        conf += 0.2;
    }
    // A clear winner: the top container scored like several real paragraphs.
    conf += 0.15 * (sel.top_score / 40.0).min(1.0);
    // Covers a fair share of the page's text rather than one box of it.
    if body_len > 0.0 {
        conf += 0.1 * ((len as f32 / body_len) / 0.3).min(1.0);
    }
    conf.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Inline;

    fn para(t: &str) -> Block {
        Block::Paragraph(vec![Inline::Text(t.to_string())])
    }

    #[test]
    fn forum_thread_gives_its_first_post() {
        let post = "Since the update my phone no longer reaches the app store over mobile \
                    data, only over wifi. Everything else works over LTE, the browser and \
                    other apps included. Has anyone seen this and found a setting to change? \
                    I already restarted the phone several times and checked every setting.";
        let reply = "Same here since the last update; switching mobile data off and on \
                     again did not help, and neither did resetting the network settings.";
        let page = format!(
            r#"<html><body><main id="content"><div class="Breadcrumb"><span>Forum</span>
            <span>&gt;</span><span>Phones</span></div><h2 class="Title">No app store over mobile data</h2>
            <div class="MtnComment"><div class="MtnCommentInformation"><span>jdoe</span></div>
            <div class="MtnCommentText">{post}</div></div>
            <div class="MtnComment"><div class="MtnCommentInformation"><span>rroe</span></div>
            <div class="MtnCommentText">{reply}</div></div></main></body></html>"#
        );
        let mut opts = crate::Options {
            url: Some("https://www.example.com/forum/discussion/app-store-338679.html".into()),
            ..crate::Options::default()
        };
        let ex = crate::extract_str(&page, &opts).expect("extracts");
        let text = ex.to_text();
        assert!(text.contains("no longer reaches the app store"), "{text}");
        assert!(!text.contains("Same here"), "{text}");
        // The same page at an address that is no forum's: no fallback.
        opts.url = Some("https://www.example.com/news/app-store.html".into());
        let ex = crate::extract_str(&page, &opts).expect("extracts");
        assert!(!ex.to_text().contains("no longer reaches"));
    }

    #[test]
    fn recipe_ingredients_join_the_method() {
        let step = "Whisk the eggs with the sugar until pale, then fold in the flour, \
                    the melted butter and the lemon zest, and bake for twenty minutes.";
        let html = format!(
            "<html><body><div class=\"side\"><h2>Ingredients</h2><ul>\
             <li itemprop=\"recipeIngredient\">3 eggs</li>\
             <li itemprop=\"recipeIngredient\">120 g sugar</li></ul></div>\
             <div class=\"method\"><p>{step}</p><p>{step} Again.</p><p>{step} Once more.</p></div>\
             </body></html>"
        );
        #[allow(clippy::unwrap_used)]
        let ex = crate::extract_str(&html, &Options::default()).unwrap();
        let text = ex.to_text();
        assert!(text.contains("120 g sugar"), "{text}");
        assert!(text.find("3 eggs") < text.find("Whisk the eggs"), "{text}");
    }

    #[test]
    fn trailing_calls_to_the_reader_are_dropped() {
        let mut blocks = vec![
            para("Sign up for our newsletter in the box above, and the story ends here."),
            para("The ferry left at seven."),
            para("We want to hear what you think. Write a letter to the editor."),
            para("Never miss a story: sign up for our newsletter today!"),
        ];
        drop_trailing_calls(&mut blocks);
        // Only the calls at the end go; the same words mid-article stay.
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[1], para("The ferry left at seven."));
    }
}
