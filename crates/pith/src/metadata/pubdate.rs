//! Choosing the publication and modification dates among the page's sources.
//!
//! Order (first plausible date wins):
//! 1. JSON-LD `datePublished` of the article object;
//! 2. publication-date `<meta>`s (`article:published_time`, `parsely-pub-date`,
//!    `sailthru.date`, Dublin Core, `citation_*`, `pubdate`, `date`, …);
//! 3. microdata `itemprop=datePublished` in the body;
//!    When these disagree and the first plain date printed under the
//!    headline is one of them, that one wins: it is the day readers see;
//! 4. a full date in the URL (`/2022/02/28/`, `/20220228/`): when the
//!    metadata disagrees with it, the URL wins, since metadata dates are
//!    often refreshed by the CMS or given in UTC while the URL is fixed at
//!    publication in the site's time zone; unless the page prints the
//!    metadata's day under its headline (the slug was made with the draft);
//!    When the first unlabelled date printed right under the headline is the
//!    metadata's modification day (not its publication day), that day wins: the page shows the revision as the
//!    article's date, and readers (and citations) go by the date shown. A
//!    date labelled "updated" in the text before is skipped; one labelled so
//!    in its own text ("Updated Mar 12, 2020") is the date when no plain date
//!    is shown there. When only a generic `date` meta (not JSON-LD, a
//!    publication meta or microdata) and no URL dates the page, the first
//!    plain date under the headline wins;
//! 5. a short dateline right under the headline ("10.11.2021", "Datum:
//!    18.10.2021"), then `<time>` and date-classed elements in the page,
//!    outside comments, related stories, sidebars and footers, preferring
//!    ones marked as published;
//! 6. a date in the text around the headline;
//! 7. relative dates ("3 hours ago") when a reference time is given;
//! 8. a date beside a link to the page itself (the page listed among the
//!    site's news), a date after a publication label, the modification date,
//!    a full day in the copyright line, when nothing else is found.
//!
//! Dates after the reference time (or after tomorrow without one) are dropped,
//! and so are dates before 1995 that come from the page text rather than
//! structured metadata (copyright lines, historical dates in the story).

use std::sync::LazyLock;

use regex::Regex;
use url::Url;

use super::date::{self, DateTime, Order};
use super::hint::Needles;
use super::jsonld::LdData;
use super::meta::Page;
use super::{Context, TextWindow};
use crate::dom::{tag, Dom, NodeId};

/// Meta keys naming the publication date explicitly, most specific first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "published_time",
    "article.published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "prism.publicationdate",
];

/// Generic date metas: often the CMS record's creation date, so they come
/// after the page's own microdata.
const WEAK_PUBLISHED_KEYS: &[&str] = &[
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "dc.created",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "publication-date",
    "pub_date",
    "pubdate",
    "original-publish-date",
    "article_date_original",
    "bt:pubdate",
    "date_published",
    "datecreated",
    "created",
    "date",
    "dc:date",
    "sailthru.date.published",
    "og:pubdate",
    "displaydate",
];

/// Meta keys carrying the modification date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "parsely-updated",
    "revised",
];

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_\-.])((?:19|20)\d{2})[/_\-.]?(0[1-9]|1[0-2])[/_\-.]?(0[1-9]|[12]\d|3[01])(?:$|[/_\-.?#])")
        .expect("valid regex")
});
/// `/2022/02/28/`: the day ends its path segment; `/2023/10/3-fragen-an` is
/// a numbered slug ("3 questions") in a monthly archive, not a day.
static URL_DATE_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$|\.html?|[?#])")
        .expect("valid regex")
});
/// `/29-10-2021/` or `~02-01-2022-`: day first, as European CMSs write it.
static URL_DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[/_~\-.]((?:0[1-9]|[12]\d|3[01]))[-_.]((?:0[1-9]|1[0-2]))[-_.]((?:19|20)\d{2})(?:$|[/_\-.?#])")
        .expect("valid regex")
});
/// Class, id and itemprop words of a publication date element.
static PUBLISHED_HINT: Needles = Needles::new(&[
    "publi",
    "pubdate",
    "posted",
    "created",
    "erschienen",
    "veröffentlicht",
    "datepub",
    "date-pub",
    "entry-date",
    "post-date",
    "article-date",
    "dateline",
    "byline",
    // Drupal's "Submitted by NAME on DATE" line.
    "submitted",
]);
/// Class, id and itemprop words of a modification date element.
static MODIFIED_HINT: Needles = Needles::new(&[
    "updat",
    "modif",
    "changed",
    "edited",
    "aktualisiert",
    "revis",
    "lastmod",
    "last-mod",
]);
/// Text before a date that says it is not the publication date.
static NOT_PUBLISHED_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)updated|modified|aktualisiert|geändert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt|zaktualizowano|güncelleme|обновлено|received|accepted|revised|eingegangen|©|copyright|\(c\)")
        .expect("valid regex")
});

/// Text before a date that makes it a person's, not the page's: a forum
/// profile's "Registriert: 18.09.2008", "Joined: Mar 2009", "Member since".
static ACCOUNT_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)registriert|registered|joined|member since|mitglied seit|dabei seit|inscrit le|inscrit depuis")
        .expect("valid regex")
});

/// How far into a long text (in bytes) its opening date may start: after
/// an opening parenthesis or bracket and a space, no further.
const LEADING_DATE_START: usize = 2;
/// Bytes of a long text read for its opening date: the longest written-out
/// date with weekday and time ("(Mittwoch, 21. September 2022, 14:05 Uhr)").
const LEADING_DATE_SPAN: usize = 64;

/// The date of `t` when `t` is at most `max_len` bytes; in a longer text
/// only a dateline opening it, set off by punctuation ("(21. November 2022)
/// Energieverbraucher erhalten …", "12.03.2021 – Die Stadt …"): the lede
/// starts with its date, where a sentence's date ("Seit dem 1. Oktober gilt")
/// sits inside the sentence.
fn date_in(t: &str, order: Order, max_len: usize) -> Option<date::Found> {
    if t.len() <= max_len {
        return date::find(t, order);
    }
    // Only the opening is read: "(21. November 2022)" and a little more.
    let mut head = LEADING_DATE_SPAN.min(t.len());
    while !t.is_char_boundary(head) {
        head -= 1;
    }
    let f = date::find(&t[..head], order)?;
    let after = t[f.end..].trim_start();
    let set_off = after.starts_with([')', ']', '–', '—', '-', ':', '|', '/', '•', '·']);
    (f.start <= LEADING_DATE_START && set_off).then_some(f)
}

/// Meta keys of site-specific publication dates, matched anywhere in the key.
static OTHER_PUBLISHED_KEY: Needles =
    Needles::new(&["publish", "created", "upload", "release", "issued"]);

/// Labels that name the publication date in running text, lower-case.
const PUBLISHED_LABELS: &[&str] = &[
    "erschienen am",
    "veröffentlicht am",
    "publiziert am",
    "published on",
    "published:",
    "posted on",
    "publié le",
    "publicado el",
    "pubblicato il",
];

/// [`PUBLISHED_LABELS`] and [`COPYRIGHT_MARKS`] as a quick test: most texts
/// hold neither and are never lower-cased. (ASCII case only: an all-caps
/// label with a non-ASCII letter, "VERÖFFENTLICHT AM" or "PUBLIÉ LE", is
/// missed, as rare as it is loud.)
static LABEL_OR_MARK: [Needles; 2] = [
    Needles::new(PUBLISHED_LABELS),
    Needles::new(COPYRIGHT_MARKS),
];

/// Texts scanned for a publication label: a page of many thousand text
/// nodes is a listing or a forum, not one dated article.
const MAX_LABEL_TEXTS: usize = 5_000;

/// Copyright notices, lower-case.
const COPYRIGHT_MARKS: &[&str] = &["©", "copyright", "(c)"];

/// A date printed right after a publication label ("Erschienen am: 01.11.2023")
/// anywhere in the page, footers included: the label says what the date is;
/// and a full day in a copyright line ("Copyright © 19.12.2019 - 12:14 h by
/// …"), which some CMSs stamp with the page's last edit: a year alone is the
/// site's, a day is the page's.
fn labelled(dom: &Dom, order: Order, ctx: &Context<'_>) -> (Option<DateTime>, Option<DateTime>) {
    let mut copyright = None;
    let Some(body) = dom.body() else {
        return (None, None);
    };
    let mut seen = 0;
    for id in dom.descendants(body) {
        let Some(t) = dom.text(id) else { continue };
        seen += 1;
        if seen > MAX_LABEL_TEXTS {
            break;
        }
        // A label and its date are a short line; longer texts are prose.
        if t.len() > 300 || !LABEL_OR_MARK.iter().any(|n| n.is_match(t)) {
            continue;
        }
        let lower = t.to_lowercase();
        for label in PUBLISHED_LABELS {
            if let Some(i) = lower.find(label) {
                let rest = lower[i + label.len()..].trim_start_matches([':', ' ']);
                // The date follows the label at once.
                if let Some(f) = date::find(rest, order).filter(|f| f.start <= 2) {
                    if plausible(&f.date, false, ctx) {
                        return (Some(f.date), copyright);
                    }
                }
            }
        }
        if copyright.is_none() {
            for mark in COPYRIGHT_MARKS {
                if let Some(i) = lower.find(mark) {
                    let rest = lower[i + mark.len()..].trim_start_matches([' ', '©']);
                    // The day follows the mark at once.
                    if let Some(f) = date::find(rest, order).filter(|f| f.start == 0) {
                        if plausible(&f.date, false, ctx) {
                            copyright = Some(f.date);
                        }
                    }
                    break;
                }
            }
        }
    }
    (None, copyright)
}

/// A link to the page itself with a date beside it: the page lists itself
/// among the site's news ("Aktuell": date, headline, teaser) and that list
/// gives the date the site filed it under, when the article shows none.
fn self_teaser(dom: &Dom, order: Order, ctx: &Context<'_>) -> Option<DateTime> {
    let url = ctx.url?;
    let path = url.path().trim_end_matches('/');
    // The last path segment: a link's href must end with it (cheap test
    // before resolving the link).
    let last = path.rsplit('/').next().filter(|l| l.len() > 3)?;
    let body = dom.body()?;
    let mut tried = 0;
    for id in dom.descendants(body) {
        if !dom.is(id, &tag!("a")) {
            continue;
        }
        let Some(href) = dom.attr(id, "href") else {
            continue;
        };
        // A link to a place in the page (`#comment-13373`, `?replytocom=`)
        // is a comment's permalink or a reply button, not a teaser.
        let href = href.trim();
        if href.contains(['?', '#']) {
            continue;
        }
        if !href.trim_end_matches('/').ends_with(last) {
            continue;
        }
        let Ok(target) = url.join(href) else {
            continue;
        };
        if target.host_str() != url.host_str() || target.path().trim_end_matches('/') != path {
            continue;
        }
        tried += 1;
        if tried > MAX_SELF_LINKS {
            break;
        }
        // The date is in the link (a teaser wrapped in it) or in its small
        // container beside the linked headline. A link of a word or two is
        // a section or category label ("Business" in a teaser's footer on
        // the section's own page), not the page's headline.
        for (i, c) in std::iter::once(id)
            .chain(dom.ancestors(id))
            .take(3)
            .enumerate()
        {
            let mut text = String::new();
            for d in std::iter::once(c)
                .chain(dom.descendants(c))
                .take(TEASER_NODES)
            {
                if let Some(t) = dom.text(d) {
                    text.push_str(t);
                    text.push(' ');
                }
            }
            if i == 0 && text.split_whitespace().count() < MIN_TEASER_WORDS {
                break;
            }
            if text.len() > TEASER_LEN {
                break;
            }
            if let Some(f) = date::find(&text, order) {
                if !NOT_PUBLISHED_TEXT.is_match(&text[..f.start]) && plausible(&f.date, false, ctx)
                {
                    return Some(f.date);
                }
            }
        }
    }
    None
}

/// Words of a teaser's linked headline, at least.
const MIN_TEASER_WORDS: usize = 3;
/// Nodes read in a teaser and its small container: headline, date, a line
/// of summary; a container past this is a whole listing.
const TEASER_NODES: usize = 60;
/// A teaser's text: headline, date and a sentence or two. Longer, the
/// container is the listing or the page, whose first date is another item's.
const TEASER_LEN: usize = 400;

/// Links to the page itself looked at: a breadcrumb, the headline, a
/// language switch, the teaser.
const MAX_SELF_LINKS: usize = 12;

/// Excluded date elements read as a last resort: the first few are the
/// ones nearest the top of the page.
const MAX_SET_ASIDE: usize = 30;

/// What else the page says that helps date it.
#[derive(Debug, Clone, Copy)]
pub struct Hints<'a> {
    /// `<title>` and description, read when nothing else gives a date.
    pub fallback_texts: &'a [&'a str],
    /// The site's usual UTC offset in minutes, to show UTC stamps in.
    pub site_offset: Option<i32>,
}

/// The chosen dates.
#[derive(Debug, Default)]
pub struct Dates {
    pub published: Option<DateTime>,
    pub modified: Option<DateTime>,
    /// `published` was read, as a last resort, in a part of the page set
    /// aside as a sidebar, related box or comments.
    pub from_aside: bool,
}

/// Publication and modification stamps this close were written by one save.
const RESAVE_SECS: i64 = 600;

/// Dates beyond this margin after the reference time are typos or placeholders.
const FUTURE_MARGIN_SECS: i64 = 86_400;
/// The web before this year had few dated articles; text dates before it are
/// historical references, not publication dates.
const MIN_TEXT_YEAR: i32 = 1995;
/// Structured metadata before this year is a placeholder (`0001-01-01`, `1970-01-01`).
const MIN_META_YEAR: i32 = 1971;

fn upper_bound(ctx: &Context<'_>) -> i64 {
    ctx.now.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(i64::MAX / 2, |d| d.as_secs() as i64)
            + FUTURE_MARGIN_SECS
    })
}

fn plausible(d: &DateTime, structured: bool, ctx: &Context<'_>) -> bool {
    let min = if structured {
        MIN_META_YEAR
    } else {
        MIN_TEXT_YEAR
    };
    // Compare days, not seconds: a date-only value means "some time that day".
    d.y >= min && d.day_number() * 86_400 <= upper_bound(ctx)
}

/// A UTC value of exactly 22:00 or 23:00 is midnight in a UTC+1/+2 time
/// zone (CMSs that store dates without time convert them so): the day meant
/// is the next one.
/// Whether a URL's day `u` may be the publication day when the page's
/// metadata say `p`. A URL is written once, when the story is first saved
/// (its slug and folder), so it may be days before a republished or
/// refreshed stamp; it is never after the story went out. A later URL day
/// is possible only when a time zone explains it: the stamp's instant falls
/// on the URL's day in a zone where news is published, up to UTC+12 (New
/// Zealand; the islands at +13 and +14 publish little, and allowing them
/// would excuse a URL a day late for every stamp after 10:00 UTC). A
/// day-only stamp has no instant, and any offset of its day can be meant.
fn url_day_possible(u: DateTime, p: DateTime) -> bool {
    let (ud, pd) = (u.day_number(), p.day_number());
    if ud <= pd {
        return true;
    }
    if p.time.is_none() || p.offset.is_none() {
        return ud - pd <= 1;
    }
    let latest = DateTime::from_epoch(p.epoch() + 12 * 3600);
    ud <= latest.day_number()
}

fn local_midnight(d: DateTime) -> DateTime {
    match (d.time, d.offset) {
        (Some((h @ (22 | 23), 0, 0)), Some(0)) => {
            let next = DateTime::from_epoch(d.epoch() + i64::from(24 - h) * 3600);
            DateTime {
                offset: Some(i32::try_from(24 - h).unwrap_or(0) * 60),
                ..next
            }
        }
        _ => d,
    }
}

/// A UTC value shown in the site's own time zone (`offset` minutes east),
/// which is the day its readers saw.
fn to_site_zone(d: DateTime, offset: i32) -> DateTime {
    match (d.time, d.offset) {
        (Some(_), Some(0)) => {
            let local = DateTime::from_epoch(d.epoch() + i64::from(offset) * 60);
            DateTime {
                offset: Some(offset),
                ..local
            }
        }
        _ => d,
    }
}

/// The full date in a URL's path, if any.
pub fn from_url(url: &Url) -> Option<DateTime> {
    let path = url.path();
    for re in [&*URL_DATE_SEP, &*URL_DATE] {
        if let Some(c) = re.captures(path) {
            let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            if let Some(dt) = DateTime::ymd(y, m, d) {
                return Some(dt);
            }
        }
    }
    if let Some(c) = URL_DATE_DMY.captures(path) {
        let (d, m, y) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        return DateTime::ymd(y, m, d);
    }
    None
}

/// The date-carrying attributes of an element, most explicit first.
const DATE_ATTRS: &[&str] = &[
    "datetime",
    "content",
    "data-datetime",
    "data-date",
    "data-published",
    "data-timestamp",
    "data-time",
    "title",
];

/// One date found in the page body.
struct Candidate {
    date: DateTime,
    published: bool,
    modified: bool,
}

fn hint_text(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    for a in ["class", "id", "itemprop", "name", "property"] {
        if let Some(v) = dom.attr(id, a) {
            s.push_str(v);
            s.push(' ');
        }
    }
    if dom.attr(id, "pubdate").is_some() {
        s.push_str("pubdate ");
    }
    s
}

fn read_element(dom: &Dom, id: NodeId, order: Order, ctx: &Context<'_>) -> Option<Candidate> {
    let mut hints = hint_text(dom, id);
    if let Some(p) = dom.parent(id) {
        hints.push_str(&hint_text(dom, p));
    }
    let mut date = None;
    let mut structured = false;
    for a in DATE_ATTRS {
        // Free-text attributes count only when they hold just a date, not a
        // sentence mentioning one ("Press release of 8 November 2021").
        let free = !matches!(*a, "datetime" | "content");
        if let Some(v) = dom.attr(id, a).filter(|v| !free || v.len() <= 40) {
            if let Some(d) = date::parse_value(v) {
                date = Some(d);
                structured = *a == "datetime" || *a == "content";
                break;
            }
        }
    }
    let mut text = String::new();
    // Bounded: date elements hold a few words; a long text is a container.
    for d in std::iter::once(id).chain(dom.descendants(id)).take(40) {
        if let Some(t) = dom.text(d) {
            text.push_str(t);
            text.push(' ');
        }
    }
    if text.len() > 300 {
        text.clear();
    }
    if date.is_none() {
        if let Some(f) = date::find(&text, order) {
            if ACCOUNT_TEXT.is_match(&text[..f.start]) {
                return None;
            }
            if NOT_PUBLISHED_TEXT.is_match(&text[..f.start]) {
                hints.push_str(" updated");
            }
            date = Some(f.date);
        }
        if date.is_none() {
            if let Some(now) = ctx.now {
                date = date::find_relative(&text, now);
            }
        }
    }
    let date = date?;
    if !plausible(&date, structured, ctx) {
        return None;
    }
    let modified = MODIFIED_HINT.is_match(&hints)
        || text
            .split_whitespace()
            .next()
            .is_some_and(|w| NOT_PUBLISHED_TEXT.is_match(w));
    Some(Candidate {
        date,
        published: PUBLISHED_HINT.is_match(&hints) || dom.is(id, &tag!("time")),
        modified,
    })
}

/// Choose the dates.
pub fn find(
    dom: &Dom,
    page: &Page<'_>,
    ld: &LdData,
    ctx: &Context<'_>,
    order: Order,
    window: &TextWindow,
    hints: &Hints<'_>,
) -> Dates {
    let Hints {
        fallback_texts,
        site_offset,
    } = *hints;
    let structured = |v: &str| date::parse_value(v).filter(|d| plausible(d, true, ctx));
    let mut modified = ld
        .date_modified
        .as_deref()
        .and_then(structured)
        .or_else(|| {
            MODIFIED_KEYS
                .iter()
                .find_map(|k| page.get(&[k]).and_then(structured))
        });

    // Every structured publication date, in precedence order.
    let mut structured_dates: Vec<DateTime> = Vec::new();
    structured_dates.extend(ld.date_published.as_deref().and_then(structured));
    for k in PUBLISHED_KEYS {
        structured_dates.extend(page.all(&[k]).into_iter().filter_map(structured));
    }
    for (id, prop) in &page.itemprops {
        if (prop == "datepublished" || prop == "datecreated") && !window.excluded(dom, *id) {
            if let Some(c) = read_element(dom, *id, order, ctx) {
                structured_dates.push(c.date);
            }
        }
    }
    // Dates from JSON-LD, publication metas and microdata: the page's own
    // statement of its publication; the rest are generic record dates.
    let strong = structured_dates.len();
    for k in WEAK_PUBLISHED_KEYS {
        structured_dates.extend(page.all(&[k]).into_iter().filter_map(structured));
    }
    // Site-specific metas (`five_hundred_pixels:uploaded`, `x:release_date`):
    // any key naming a publication, creation or upload and not a change.
    structured_dates.extend(
        page.metas
            .iter()
            .filter(|(k, _)| OTHER_PUBLISHED_KEY.is_match(k) && !MODIFIED_HINT.is_match(k))
            .filter_map(|(_, v)| structured(v)),
    );
    let mut published = structured_dates.first().copied().map(local_midnight);
    if let Some(off) = site_offset {
        published = published.map(|p| to_site_zone(p, off));
    }
    if let Some(p) = published {
        // A UTC value may fall on the next day; the same instant given in the
        // site's own offset elsewhere on the page is the date readers saw.
        if p.offset == Some(0) {
            if let Some(local) = structured_dates
                .iter()
                .find(|d| d.offset.is_some_and(|o| o != 0) && (d.epoch() - p.epoch()).abs() < 60)
            {
                published = Some(*local);
            }
        }
    }
    if modified.is_none() {
        for (id, prop) in &page.itemprops {
            if prop == "datemodified" && !window.excluded(dom, *id) {
                if let Some(c) = read_element(dom, *id, order, ctx) {
                    modified = Some(c.date);
                    break;
                }
            }
        }
    }
    let mut set_aside = Vec::new();
    let url_date = ctx
        .url
        .and_then(from_url)
        .filter(|d| plausible(d, true, ctx));
    let (shown, updated) = shown_date(&window.texts[..window.near], order, ctx);
    if let (Some(d), Some(p)) = (shown, published) {
        // The metadata disagree among themselves (JSON-LD against a
        // publication meta, one of them refreshed or given in another zone):
        // the one the page prints under its headline is the date readers see.
        if d.day_number() != p.day_number() {
            if let Some(same) = structured_dates[1..]
                .iter()
                .find(|s| s.day_number() == d.day_number())
            {
                published = Some(*same);
            }
        }
    }
    if let (Some(u), Some(p)) = (url_date, published) {
        // The URL is fixed at publication and in the site's own time zone;
        // unless the page prints the metadata's day under its headline: then
        // the URL is the draft's, its slug made before the story went out.
        if u.day_number() != p.day_number()
            && shown.is_none_or(|d| d.day_number() != p.day_number())
            && url_day_possible(u, p)
        {
            published = Some(u);
        }
    }
    if published.is_none() {
        published = url_date;
    }
    if let Some(p) = published {
        match (shown, updated) {
            (Some(d), _) if strong == 0 && url_date.is_none() => {
                // Only a generic `date`/`DC.date` meta dates the page: it is
                // often the CMS record's last save, a day or more after the
                // story went out (`<meta name="date" content="2020-04-30">`
                // over a story headed "29.04.2020, 12:01 Uhr"). The date under
                // the headline is the one the site chose to print; on the
                // same day the meta stays, with its time and offset. A short
                // dateline is that date, under the headline or right above
                // it (TYPO3's news template prints "05.02.2020 - Redaktion: …"
                // over the title); a date in a longer text after the headline
                // ("a workshop on 6 - 7 March 2020") only when there is none.
                let d = dateline(window, order, ctx).unwrap_or(d);
                if d.day_number() != p.day_number() {
                    published = Some(d);
                }
            }
            (Some(d), _) => {
                // The page prints its modification date as the article's
                // date, under the headline and without an "updated" label:
                // readers see that day, whatever the URL says (that is the
                // first publication's day, which the page no longer shows).
                if modified.is_some_and(|m| m.day_number() == d.day_number()) {
                    published = Some(d);
                }
                // A publication stamp a little later than the modification
                // stamp (`published_time 10:33:13`, `modified_time 10:32:18`)
                // is no publication: both were written by one later save or
                // export. An earlier date printed under the headline is the
                // one the story went out on. (Hours apart, the story was
                // scheduled: last edited, then published later.)
                let resaved = modified.is_some_and(|m| {
                    m.time.is_some()
                        && p.time.is_some()
                        && (1..=RESAVE_SECS).contains(&(p.epoch() - m.epoch()))
                });
                if resaved && d.day_number() < p.day_number() {
                    published = Some(d);
                }
            }
            (None, Some(u)) => {
                // No plain date under the headline, and a dateline that reads
                // "Updated Mar 12, 2020": that is how the page dates itself,
                // and the day readers (and htmldate's annotators) take as the
                // article's, be it the metadata's modification day or not.
                // A label set apart in an element of its own before a date
                // field (`<span>Updated</span> <time>`) is a template's
                // revision field, whose sites keep the publication date in
                // their metadata: `updated` leaves it out.
                if u.day_number() != p.day_number() {
                    published = Some(u);
                }
            }
            (None, None) => {}
        }
    }
    if published.is_none() {
        let (flagged, plain) =
            from_elements(dom, page, order, ctx, &mut modified, window, &mut set_aside);
        // A dateline right under the headline (a short text: "10.11.2021",
        // "Datum: 18.10.2021"), which a link elsewhere classed `Publication`
        // or a date element further down cannot outrank; else a date marked
        // as the publication date; else a date in the longer texts right
        // under the headline (a standfirst naming a historical date does not
        // outrank a marked element); else the first date-like element.
        let near = &window.texts[..window.near];
        published = from_window(near, order, ctx, DATELINE_LEN)
            .or(flagged)
            .or_else(|| from_window(near, order, ctx, WINDOW_TEXT_LEN))
            .or(plain);
    }
    if published.is_none() {
        published = from_window(&window.texts, order, ctx, WINDOW_TEXT_LEN);
    }
    if published.is_none() {
        // Last resorts: the title and description ("Notizia del 14 Gennaio 2020").
        published = fallback_texts
            .iter()
            .filter_map(|t| date::find(t, order))
            .map(|f| f.date)
            .find(|d| plausible(d, false, ctx));
    }
    if published.is_none() {
        published = self_teaser(dom, order, ctx);
    }
    if published.is_none() {
        // A labelled date, else the modification date, else a day in the
        // copyright line.
        let (label, copyright) = labelled(dom, order, ctx);
        published = label.or(modified).or(copyright);
    }
    let mut from_aside = false;
    if published.is_none() {
        // Nothing in the article's own parts: the first date in a part that
        // looked like a sidebar (some layouts call the article column one).
        // `<time>` elements first: they are dates by definition.
        set_aside.sort_by_key(|&id| !dom.is(id, &tag!("time")));
        published = set_aside
            .iter()
            .take(MAX_SET_ASIDE)
            .filter_map(|&id| read_element(dom, id, order, ctx))
            .find(|c| !c.modified)
            .map(|c| c.date);
        from_aside = published.is_some();
    }
    if published.is_none() {
        // The share image is uploaded with the article: `/2016/05/04/x.png`.
        published = page
            .all(&["og:image", "twitter:image", "og:image:url"])
            .into_iter()
            .filter_map(|u| Url::parse(u.trim()).ok())
            .find_map(|u| from_url(&u))
            .filter(|d| plausible(d, true, ctx));
    }
    // The same instant, perhaps shown in the site's zone, is no modification.
    let same_instant = |m: &DateTime, p: &DateTime| {
        m.time.is_some()
            && p.time.is_some()
            && m.offset.is_some()
            && p.offset.is_some()
            && m.epoch() == p.epoch()
    };
    if modified == published
        || modified
            .zip(published)
            .is_some_and(|(m, p)| same_instant(&m, &p))
    {
        modified = None;
    }
    Dates {
        published,
        modified,
        from_aside,
    }
}

fn from_elements(
    dom: &Dom,
    page: &Page<'_>,
    order: Order,
    ctx: &Context<'_>,
    modified: &mut Option<DateTime>,
    window: &TextWindow,
    set_aside: &mut Vec<NodeId>,
) -> (Option<DateTime>, Option<DateTime>) {
    let mut ids: Vec<NodeId> = page.times.iter().chain(&page.date_hints).copied().collect();
    ids.sort_unstable();
    ids.dedup();
    let mut first_plain = None;
    for id in ids {
        if window.excluded(dom, id) {
            set_aside.push(id);
            continue;
        }
        let Some(c) = read_element(dom, id, order, ctx) else {
            continue;
        };
        if c.modified {
            if modified.is_none() {
                *modified = Some(c.date);
            }
            continue;
        }
        if c.published {
            return (Some(c.date), first_plain);
        }
        if first_plain.is_none() {
            first_plain = Some(c.date);
        }
    }
    (None, first_plain)
}

/// The first date printed in `texts` (the few right under the headline)
/// that no "updated" label precedes, in its own text or the one before it
/// ("Last updated:" is often a separate element); and the first date printed
/// in one phrase with such a label ("Updated Mar 12, 2020 @ 10:42 am",
/// "Aktualisiert am 06. Mär. 2023", "Last updated 04 Jun 2020, originally
/// created 17 Jun 2019"), where the site writes its revision as the line
/// that dates the article.
fn shown_date(
    texts: &[String],
    order: Order,
    ctx: &Context<'_>,
) -> (Option<DateTime>, Option<DateTime>) {
    let mut updated = None;
    for (i, t) in texts.iter().enumerate() {
        let Some(f) = date_in(t, order, WINDOW_TEXT_LEN) else {
            continue;
        };
        if labelled_by(&ACCOUNT_TEXT, texts, i, f.start) {
            continue;
        }
        let in_phrase = NOT_PUBLISHED_TEXT.is_match(&t[..f.start]);
        let labelled = in_phrase || labelled_by(&NOT_PUBLISHED_TEXT, texts, i, f.start);
        if !plausible(&f.date, false, ctx) {
            continue;
        }
        if labelled {
            if in_phrase {
                updated = updated.or(Some(f.date));
            }
            continue;
        }
        return (Some(f.date), updated);
    }
    (None, updated)
}

/// A label element is a few words ("Last updated:", "Aktualisiert am");
/// a longer text before a date is a sentence, not its label.
const LABEL_LEN: usize = 40;

/// True when the date at byte `start` of `texts[i]` carries a `label`: in
/// its own text before it ("Last updated 04 Jun 2020", "Registriert:
/// 18.09.2008"), or, opening its text, in a short label element of its own
/// just before it (`<span>Last updated:</span><time>`,
/// `<strong>Registriert:</strong> 18.09.2008`).
fn labelled_by(label: &Regex, texts: &[String], i: usize, start: usize) -> bool {
    label.is_match(&texts[i][..start])
        || (start == 0 && i > 0 && texts[i - 1].len() < LABEL_LEN && label.is_match(&texts[i - 1]))
}

/// Texts right above the headline read for its dateline: the kicker, the
/// author and the date some templates print over the title.
const DATELINE_BEFORE: usize = 3;

/// A short dateline under the headline, else one right above it.
fn dateline(window: &TextWindow, order: Order, ctx: &Context<'_>) -> Option<DateTime> {
    if window.near == 0 {
        return None;
    }
    let near = &window.texts[..window.near];
    // The texts before the headline, nearest first; the last text of all is
    // the headline's own.
    let before_end = window.texts.len().saturating_sub(1).max(window.after);
    let before = &window.texts[window.after..before_end];
    from_window(near, order, ctx, DATELINE_LEN).or_else(|| {
        from_window(
            &before[..before.len().min(DATELINE_BEFORE)],
            order,
            ctx,
            DATELINE_LEN,
        )
    })
}

/// Texts around the headline read for a date: a paragraph of prose at most.
const WINDOW_TEXT_LEN: usize = 500;
/// A dateline: the date with a short label or place ("Datum: 18.10.2021",
/// "Pressemitteilung vom 25. Januar 2022 | Berlin"), no sentence of prose.
const DATELINE_LEN: usize = 60;

/// The first date in `texts` of at most `max_len` bytes, not labelled as an
/// update, or a relative one.
fn from_window(
    texts: &[String],
    order: Order,
    ctx: &Context<'_>,
    max_len: usize,
) -> Option<DateTime> {
    for (i, t) in texts.iter().enumerate() {
        if let Some(f) = date_in(t, order, max_len) {
            // Labelled as an update in its own text or in a short label
            // element just before it ("Last updated:" <time>), or a
            // profile's date.
            let labelled = labelled_by(&NOT_PUBLISHED_TEXT, texts, i, f.start)
                || labelled_by(&ACCOUNT_TEXT, texts, i, f.start);
            if labelled || !plausible(&f.date, false, ctx) {
                continue;
            }
            return Some(f.date);
        }
        if t.len() > max_len {
            continue;
        }
        if let Some(now) = ctx.now {
            if let Some(d) = date::find_relative(t, now) {
                return Some(d);
            }
        }
    }
    None
}
