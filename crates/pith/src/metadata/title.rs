//! The headline and the site name.
//!
//! Candidates are `og:title`, the JSON-LD headline, `twitter:title`, other
//! title metas, the `<h1>`s and `<title>`. Site-name suffixes and prefixes
//! (" | Site", " - Site", " › Site", "Site: ") are cut when the cut part matches a known
//! site name (og:site_name, JSON-LD publisher, the domain). An `<h1>` whose
//! text equals a cleaned candidate or is contained in `<title>`/`og:title` is
//! preferred, since it is the headline as the reader sees it. Contained means
//! with punctuation or nothing on each side ("Headline | Site", "Headline,
//! Place"): an h1 that is the title less a word ("Pattern Matching" in
//! "Pattern Matching Guide") is a shortened headline, and the title is kept.

use std::sync::LazyLock;

use regex::Regex;

pub(crate) use crate::dom::is_cjk;

/// Separators between a headline and a site name.
/// CJK titles separate without spaces: full-width bars `｜` and colons `：`
/// always; `_`, `-` and `－` too, but only between CJK characters (see
/// [`split`]: elsewhere they join words).
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|\-–—·•»«›‹/\\~:]{1,2}\s+|\s*[|｜│]\s*|\s+::\s+|:\s+|\s*：\s*|[_\-－]")
        .expect("valid regex")
});

/// Separators that end a headline in `<title>` (no colon: "Brexit: what now" is one headline).
static SUFFIX_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|\-–—·•»«›‹/\\~:]{1,2}\s+|\s*[|｜│]\s*|[_\-－]").expect("valid regex")
});

/// Lower-case letters and digits only: the comparison key for titles and site names.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The pieces of a title between separators, with their byte spans.
fn parts(t: &str) -> Vec<(usize, usize)> {
    split(t, &SEPARATOR)
}

fn split(t: &str, re: &Regex) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in re.find_iter(t) {
        // A dash between numbers is a range or a score ("14. - 20. Januar",
        // "Bayern 2 - 1 Dortmund"), not a separator; a bar is one, and a
        // name starting with digits is a word ("Series 9 - 9to5Mac").
        let dash = matches!(m.as_str().trim(), "-" | "–" | "—");
        let before = t[..m.start()].trim_end_matches('.').chars().next_back();
        let after = &t[m.end()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let number_after = digits > 0
            && after[digits..]
                .trim_start_matches('.')
                .chars()
                .next()
                .is_none_or(char::is_whitespace);
        if dash && before.is_some_and(|c| c.is_ascii_digit()) && number_after {
            continue;
        }
        // An unspaced `_`, `-` or `－` separates only between CJK characters
        // ("港の桟橋が再建へ_みなと日記"), never in "e-mail" or "snake_case".
        if matches!(m.as_str(), "_" | "-" | "－")
            && !(t[..m.start()].chars().next_back().is_some_and(is_cjk)
                && after.chars().next().is_some_and(is_cjk))
        {
            continue;
        }
        out.push((start, m.start()));
        start = m.end();
    }
    out.push((start, t.len()));
    out
}

/// True when `part` names the site: equal to or contained in a known site
/// name, or containing one, compared on letters and digits.
pub fn is_site(part: &str, sites: &[String]) -> bool {
    let k = key(part);
    // Two letters match too much by chance ("AP" in "Apple").
    if k.chars().count() < 3 {
        return false;
    }
    sites.iter().any(|s| {
        let sk = key(s);
        sk.chars().count() >= 3
            && (sk == k || sk.contains(&k) || k.contains(&sk) || abbreviates(&sk, &k))
    })
}

/// True when the domain-like `short` is spelt out by `long` in order
/// ("parcoabruzzo" in "Parco Nazionale d'Abruzzo"), starting alike.
fn abbreviates(short: &str, long: &str) -> bool {
    // Short labels match too many texts by chance.
    if short.chars().count() < 6 || short.chars().next() != long.chars().next() {
        return false;
    }
    let mut it = long.chars();
    short.chars().all(|c| it.any(|l| l == c))
}

/// Remove leading and trailing pieces that name the site.
pub fn strip_site(t: &str, sites: &[String]) -> String {
    let ps = parts(t);
    if ps.len() < 2 {
        return t.trim().to_string();
    }
    let mut lo = 0;
    let mut hi = ps.len();
    // "Headline - Site - Site's slogan": everything from the site on goes.
    if let Some(i) = (1..ps.len()).find(|&i| is_site(&t[ps[i].0..ps[i].1], sites)) {
        hi = i;
    }
    while hi - lo > 1 && is_site(&t[ps[hi - 1].0..ps[hi - 1].1], sites) {
        hi -= 1;
    }
    while hi - lo > 1 && is_site(&t[ps[lo].0..ps[lo].1], sites) {
        lo += 1;
    }
    t[ps[lo].0..ps[hi - 1].1].trim().to_string()
}

/// The site name taken from a title's suffix or prefix when the other part
/// is the headline (`headline_key`).
pub fn site_from_title(t: &str, headline_key: &str) -> Option<String> {
    let ps = parts(t);
    if ps.len() < 2 || headline_key.is_empty() {
        return None;
    }
    let first = &t[ps[0].0..ps[0].1];
    let last = &t[ps[ps.len() - 1].0..ps[ps.len() - 1].1];
    let head_end = ps[ps.len() - 2].1;
    if key(&t[..head_end]) == headline_key && !last.trim().is_empty() {
        return Some(last.trim().to_string());
    }
    let tail_start = ps[1].0;
    if key(&t[tail_start..]) == headline_key && !first.trim().is_empty() {
        return Some(first.trim().to_string());
    }
    None
}

/// True when `k` (a [`key`]) occurs in `t` with punctuation or nothing on
/// each side: "Headline | Site", "Headline, Place", "Headline_Section", but
/// not "Headline Test", where the h1 is a shortened title rather than the
/// title's headline part.
fn within_punctuation(k: &str, t: &str) -> bool {
    if k.is_empty() {
        return false;
    }
    // The byte span in `t` of each character of `t`'s key.
    let mut spans = Vec::new();
    let mut tk = String::new();
    for (i, c) in t.char_indices() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                tk.push(l);
                spans.push((i, i + c.len_utf8()));
            }
        }
    }
    // Key characters are counted, not bytes: lower-casing may change lengths.
    let kc: Vec<char> = k.chars().collect();
    let tc: Vec<char> = tk.chars().collect();
    if kc.len() > tc.len() {
        return false;
    }
    let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    (0..=tc.len() - kc.len()).any(|s| {
        tc[s..s + kc.len()] == kc[..]
            && edge(t[..spans[s].0].trim_end().chars().next_back())
            && edge(t[spans[s + kc.len() - 1].1..].trim_start().chars().next())
    })
}

/// Words of a title. CJK text has no spaces: two characters count as a
/// word there (most Chinese and Japanese words are one to three).
fn words(s: &str) -> usize {
    let cjk = s.chars().filter(|&c| is_cjk(c)).count();
    s.split_whitespace().count().max(cjk.div_ceil(2))
}

/// Inputs for choosing the title.
pub struct Candidates<'a> {
    pub og: Option<&'a str>,
    pub ld: Option<&'a str>,
    pub twitter: Option<&'a str>,
    pub other_meta: Option<&'a str>,
    pub title_tag: Option<&'a str>,
    pub h1s: &'a [String],
    pub sites: &'a [String],
}

/// Choose the headline.
pub fn choose(c: &Candidates<'_>) -> Option<String> {
    let sites = c.sites;
    let cleaned: Vec<String> = [c.og, c.ld, c.twitter, c.other_meta]
        .into_iter()
        .flatten()
        .map(|t| strip_site(t, sites))
        .filter(|t| !t.is_empty())
        .collect();
    let title_tag = c.title_tag.filter(|t| !t.trim().is_empty());
    let title_key = title_tag.map(key).unwrap_or_default();
    let og_key = c.og.map(key).unwrap_or_default();

    // An h1 that equals a metadata title, or is contained in <title>/og:title.
    for h in c.h1s {
        let hk = key(h);
        // Very short h1s are logos and section names.
        if hk.chars().count() < 4 {
            continue;
        }
        if cleaned.iter().any(|t| key(t) == hk) {
            return Some(h.clone());
        }
        // The h1 is the first piece of the title, however long the rest
        // ("Homo Brandenburgensis | Brandenburgische Landeszentrale für
        // politische Bildung"): unless it is the site's name over "Site »
        // Headline", or a one-word section name.
        let first_piece = |t: &str| {
            let ps = split(t, &SUFFIX_SEPARATOR);
            ps.len() >= 2 && key(&t[ps[0].0..ps[0].1]) == hk
        };
        if words(h) >= 2 && !is_site(h, sites) && title_tag.is_some_and(first_piece) {
            return Some(h.clone());
        }
        for (tk, full) in [(&title_key, title_tag), (&og_key, c.og)] {
            // The h1 must be a large part of the title, not a word of it,
            // and whole pieces of it ("Headline | Site", not "Headline
            // Test": there the h1 is a shortened title, not the title cut).
            // <title> and og:title are each tried: one may carry a longer
            // site suffix or kicker than the other.
            if !tk.contains(&hk) {
                continue;
            }
            let (hn, tn) = (hk.chars().count(), tk.chars().count());
            if hn * 2 >= tn && full.is_some_and(|f| within_punctuation(&hk, f)) {
                return Some(h.clone());
            }
        }
    }
    if let Some(t) = cleaned.first() {
        // A metadata title that is a piece of <title>: cut <title> to it.
        return Some(t.clone());
    }
    // A <title> that is only a domain says nothing of the page: a headline
    // in an h1 says more. (One that is only the site's name is kept: on a
    // web app's page, "ChatGPT", it is what the page calls itself.)
    if let Some(t) = title_tag.filter(|t| !is_domain(t.trim())) {
        let stripped = strip_site(t, sites);
        let ps = split(&stripped, &SUFFIX_SEPARATOR);
        if ps.len() >= 2 {
            // "Headline | Section | Site", "Blog » Headline": the longest
            // piece (the first on ties) is the headline when the others are
            // short enough to be site or section names (one to four words).
            let mut best = ps[0];
            for &p in &ps[1..] {
                if words(&stripped[p.0..p.1]) > words(&stripped[best.0..best.1]) {
                    best = p;
                }
            }
            let others_short = ps
                .iter()
                .filter(|&&p| p != best)
                .all(|p| words(&stripped[p.0..p.1]) <= 4);
            let longest = &stripped[best.0..best.1];
            // A later piece of two words is as often the site's name ("SCP-9935
            // - SCP Foundation", "Blog - Acme Corp") as the headline: with no
            // known site name to tell, the whole title is kept rather than
            // risk giving the site's name as the headline.
            let min_words = if best == ps[0] { 2 } else { 3 };
            if others_short && words(longest) >= min_words {
                return Some(longest.trim().to_string());
            }
        }
        return Some(stripped);
    }
    c.h1s
        .iter()
        .find(|h| words(h) >= 2)
        .cloned()
        .or_else(|| title_tag.map(|t| t.trim().to_string()))
}

/// True for a bare host name ("www.example.com"): lower-case letters,
/// digits, dots and hyphens, ending in a top-level domain of letters. A
/// capital marks a product's name written with a dot ("Node.js").
fn is_domain(t: &str) -> bool {
    let labels: Vec<&str> = t.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels.last().is_some_and(|l| {
            (2..=12).contains(&l.len()) && l.chars().all(|c| c.is_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    /// The title chosen from `<title>` and at most one h1, no metas.
    fn title_only(title: &str, h1: Option<&str>, s: &[String]) -> Option<String> {
        let h1s: Vec<String> = h1.into_iter().map(String::from).collect();
        choose(&Candidates {
            og: None,
            ld: None,
            twitter: None,
            other_meta: None,
            title_tag: Some(title),
            h1s: &h1s,
            sites: s,
        })
    }

    #[test]
    fn suffix_and_prefix() {
        let s = sites(&["Daily Planet", "dailyplanet"]);
        assert_eq!(
            strip_site("Big news today | Daily Planet", &s),
            "Big news today"
        );
        assert_eq!(
            strip_site("Daily Planet - Big news today", &s),
            "Big news today"
        );
        assert_eq!(
            strip_site("Daily Planet: Big news today", &s),
            "Big news today"
        );
        assert_eq!(
            strip_site("Big news: the sequel", &s),
            "Big news: the sequel"
        );
    }

    #[test]
    fn og_with_suffix_vs_h1() {
        let h1s = vec!["Big news today".to_string()];
        let s = sites(&["example"]);
        let c = Candidates {
            og: Some("Big news today | The Example Times"),
            ld: None,
            twitter: None,
            other_meta: None,
            title_tag: Some("Big news today | The Example Times"),
            h1s: &h1s,
            sites: &s,
        };
        assert_eq!(choose(&c).as_deref(), Some("Big news today"));
    }

    #[test]
    fn h1_must_be_the_titles_headline_part() {
        let s = sites(&["example"]);
        let run = |title: &str, h1: &str| title_only(title, Some(h1), &s);
        // The h1 is the title cut at punctuation: the h1.
        assert_eq!(
            run("River levels fall, Northtown", "River levels fall").as_deref(),
            Some("River levels fall")
        );
        assert_eq!(
            run("River levels fall_News_Portal", "River levels fall").as_deref(),
            Some("River levels fall")
        );
        // The h1 is a shortened title: the title.
        assert_eq!(
            run("Pattern Matching Guide", "Pattern Matching").as_deref(),
            Some("Pattern Matching Guide")
        );
        assert!(within_punctuation(&key("Die Größe"), "Die Größe | Site"));
        assert!(!within_punctuation(&key("Größe"), "Die Größeren"));
    }

    #[test]
    fn h1_found_in_og_title_when_title_tag_is_longer() {
        let s = sites(&["example"]);
        let h1s = vec!["Ferry service resumes".to_string()];
        let c = Candidates {
            og: Some("Transport - Ferry service resumes"),
            ld: None,
            twitter: None,
            other_meta: None,
            // Too long beside the h1 here; og:title is not.
            title_tag: Some("Blog: Transport | Ferry service resumes — The Weekly Harbour Gazette"),
            h1s: &h1s,
            sites: &s,
        };
        assert_eq!(choose(&c).as_deref(), Some("Ferry service resumes"));
    }

    #[test]
    fn site_first_title() {
        let s = sites(&["newsy"]);
        assert_eq!(
            title_only("Newsy - A headline of some length", None, &s).as_deref(),
            Some("A headline of some length")
        );
        assert_eq!(
            site_from_title(
                "Newsy - A headline of some length",
                &key("A headline of some length")
            )
            .as_deref(),
            Some("Newsy")
        );
    }

    #[test]
    fn unknown_two_word_tail_is_not_taken_for_the_headline() {
        let s = sites(&["example"]);
        // The tail may be the site: the whole title stays.
        assert_eq!(
            title_only("SCP-9935 - SCP Foundation", None, &s).as_deref(),
            Some("SCP-9935 - SCP Foundation")
        );
        // A longer tail after a short site name is the headline.
        assert_eq!(
            title_only("Feldnotizen » Podcasts in Plex einbinden", None, &s).as_deref(),
            Some("Podcasts in Plex einbinden")
        );
    }

    #[test]
    fn dash_between_numbers_is_no_separator() {
        let s = sites(&["slf"]);
        assert_eq!(
            title_only("Wochenbericht 14. - 20. Januar 2022 - SLF", None, &s).as_deref(),
            Some("Wochenbericht 14. - 20. Januar 2022")
        );
        // A bar, or a site name that starts with digits, still separates.
        let s = sites(&["9to5Mac", "20 Minuten"]);
        assert_eq!(
            strip_site("Apple Watch Series 9 - 9to5Mac", &s),
            "Apple Watch Series 9"
        );
        assert_eq!(
            strip_site("Die besten Filme 2024 | 20 Minuten", &s),
            "Die besten Filme 2024"
        );
    }

    #[test]
    fn h1_that_is_the_first_piece_of_the_title() {
        let s = sites(&["weinhandel"]);
        assert_eq!(
            title_only(
                "D.O.Ca. Rioja, Spanien - Iberische Weine in Berlin - Vinos und Tapas",
                Some("D.O.Ca. Rioja, Spanien"),
                &s
            )
            .as_deref(),
            Some("D.O.Ca. Rioja, Spanien")
        );
        // Unless the h1 is the site's name, printed over "Site » Headline".
        let s = sites(&["time4talks"]);
        assert_eq!(
            title_only(
                "Time 4 talks » Blog Archiv » Weitere Digitalisierung der Kinos",
                Some("Time 4 talks"),
                &s
            )
            .as_deref(),
            Some("Weitere Digitalisierung der Kinos")
        );
    }

    #[test]
    fn a_domain_is_no_title() {
        assert!(is_domain("www.example.co.uk"));
        assert!(!is_domain("Node.js"));
        assert!(!is_domain("v1.2"));
        assert!(!is_domain("Example Corp. Home"));
        assert_eq!(
            title_only("example.com", Some("Harbour pier to be rebuilt"), &[]).as_deref(),
            Some("Harbour pier to be rebuilt")
        );
        assert_eq!(
            title_only("example.com", None, &[]).as_deref(),
            Some("example.com")
        );
    }
}
