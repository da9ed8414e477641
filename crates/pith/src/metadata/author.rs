//! Author names: cleaning a raw byline into person names, and finding a
//! byline in the page when the metadata has none.

use std::sync::LazyLock;

use regex::Regex;

use super::hint::Needles;
use super::meta::Page;
use super::TextWindow;
use crate::dom::{tag, Dom, NodeId};

/// "Author" in the languages bylines are labelled in (German, English,
/// French, Spanish, Portuguese, Italian, Polish, Russian, Turkish, the
/// Nordic languages): one list for the label rules below, so a language
/// added for one is read by all.
const AUTHOR_NOUNS: &str = r"autor(?:in|innen|en|es|e|zy)?|authors?|auteurs?|verfasser(?:in)?|автор(?:ы)?|yazar|forfatter|författare";

/// Leading words that introduce a byline, in the languages of the date module.
static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:written|posted|published|reported|story|words|text|interview|compiled|edited)\s+by|(?:veröffentlicht|publiziert|gepostet|erstellt|verfasst|geschrieben|eingestellt|gespeichert)\s+von|(?:ein\s+)?(?:beitrag|artikel)\s+von|publié\s+par|écrit\s+par|publicado\s+por|escrito\s+por|pubblicato\s+da|scritto\s+da|geplaatst\s+door|by|von|vom|par|por|door|av|af|od|от|(?-i:di))\b\s*[:\-–—]?\s*")
        .expect("valid regex")
});
/// Nouns that label a byline ("Author: Jane Doe", "Text Hans Meier"). Unlike
/// "By", they are also words of names and titles ("Author Name", "Jane
/// Reporter"), so they are cut only before a colon or a full name.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:interview|texte?|redakteur(?:in)?|reporter|{AUTHOR_NOUNS})\b\s*([:\-–—]?)\s*"
    ))
    .expect("valid regex")
});
/// Noise inside a byline: e-mail addresses, URLs, handles, "View all posts by",
/// what follows "posted" or "published" after the name, and the photo or
/// illustration credit after the author's ("Text von A, Fotos von B").
static NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\w.+-]+@[\w-]+\.[\w.-]+|https?://\S+|www\.\S+|@\w+|view all (?:posts|articles|stories) by|(?:e-?mail|follow|contact|more from|more by|more stories by|all posts by|articles by|see all)(?: the)? (?:author|on twitter|me)?|\(.*?\)|\b(?:last\s+)?updated\b.*$|\s(?:published|posted)\b.*$|\b(?:illustrations?|illustrationen|fotos?|photos?|photography|bilder?|grafik(?:en)?)\s*(?:von|by|:).*$")
        .expect("valid regex")
});
/// Job titles and roles that follow or precede names.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:senior|chief|staff|special|contributing|guest|freelance|political|foreign|national|business|sports?|tech(?:nology)?|science|health|investigative|deputy|managing|executive|associate|assistant|news|games|gaming|music|film|culture|opinion|travel|food|arts|entertainment|digital|video)\s+)*(?:staff writer|writer|reporter|correspondent|rechtsanw(?:alt|ältin)|(?:[\w-]+-)?expert(?:e|in)?|editor(?:[- ]at[- ]large|[- ]in[- ]chief)?|contributor|columnist|journalist|photographer|producer|analyst|(?:chef)?redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journaliste|rédact(?:eur|rice)|redactor(?:a)?|periodista|giornalista|dziennikarz|muhabir)s?\b")
        .expect("valid regex")
});
/// Prepositions, weekdays and month names left before a cut-off date ("am",
/// "on", "le", "Jane Doe March 25, 2015", "Ana Ruiz hace 3 horas").
static TRAILING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\s,|•·\-–—]*(?:\b(?:am|um|on|at|le|el|il|op|den|vom|(?:last\s+)?updated|published|(?:zuletzt\s+)?aktualisiert|veröffentlicht|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|hace|vor|il\s+y\s+a)\b\.?[\s,:]*)*[\s,|•·\-–—(]*$")
        .expect("valid regex")
});
/// Labels before a byline in Chinese and Japanese ("文・", "著者：",
/// "取材・文／", "记者 "): written with no space before the name, so the
/// word-bounded [`PREFIX`] cannot see them.
static CJK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:取材[・/／]?文|文[・/／](?:写真|撮影)|文|著者|筆者|執筆者?|記者|作者|撰文|记者|文字)\s*[:：・/／|｜\s]\s*")
        .expect("valid regex")
});
/// The category a "Posted by Jane Doe in News" line ends with, or the
/// place of "By Jane Doe in Washington": " in " and a capital. ("in der",
/// "in 't", lower-case, are particles of names.)
static IN_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+in\s+\p{Lu}.*$").expect("valid regex"));
/// Follow links printed after a byline's name ("Jane Doe Twitter Email"):
/// cut from the end of a name while two words are left.
const FOLLOW_LINKS: &[&str] = &[
    "twitter",
    "facebook",
    "linkedin",
    "instagram",
    "mastodon",
    "bluesky",
    "threads",
    "tiktok",
    "youtube",
    "email",
    "e-mail",
    "mail",
    "rss",
    "website",
    "homepage",
];
/// Separators between several names.
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:,|，|、|;|&|\||•|·|/|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b|\bve\b|\bog\b|\boch\b|\boraz\b|\bи\b|\bmit\b|\bwith\b)\s*")
        .expect("valid regex")
});
/// Bylines that name no person. "Redaktion" is not among them: German sites
/// credit desk pieces to it as the author, as organisations are credited.
const NOT_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "anonymous",
    "unknown",
    "null",
    "undefined",
    "guest",
    "staff",
    "editor",
    "editors",
    "team",
    "facebook",
    "twitter",
    "instagram",
    "linkedin",
    "share",
    "comments",
    "comment",
    "home",
    "more",
    "follow",
    "unknown author",
    "kommentar",
    "kommentare",
    "comments",
    "reply",
    "antworten",
    "im gespräch",
    "sign in",
    "sign up",
    "log in",
    "login",
    "register",
    "subscribe",
    "anmelden",
    "registrieren",
    "super user",
    "user",
    "username",
    "benutzer",
    "benutzername",
    "publisher",
    "anonym",
    "anónimo",
    "anonyme",
    "unbekannt",
    "inconnu",
    "desconocido",
    // Countries end the owner's address in author metas ("Firm, Town, Germany").
    "germany",
    "deutschland",
    "austria",
    "österreich",
    "switzerland",
    "schweiz",
    "suisse",
    "france",
    "italy",
    "italia",
    "spain",
    "españa",
    "usa",
    "united states",
    "united kingdom",
    "uk",
];

/// Words that never occur in a person's name but do in byline chrome
/// ("Our Foreign Staff", "Staff reports" name no one).
static NOT_NAME_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:veröffentlicht|publiziert|published|posted|updated|aktualisiert|kommentar\w*|comments?|verschieben|share|teilen|minuten?|minutes?|lesezeit|read|im gespräch|designed|powered|theme|staff|our|(?:artikel)?übersicht|overview|autorenseite|schließen|close)\b")
        .expect("valid regex")
});

/// Split and clean a raw byline into names.
pub fn clean(raw: &str) -> Vec<String> {
    let s = super::clean_text(raw);
    // Keep the part of a long text up to the first line-like break.
    // A date after the name ("Jane Doe am 21. April 2020") ends the byline.
    let s = match s.find(|c: char| c.is_ascii_digit()) {
        Some(i) => TRAILING_WORD.replace(&s[..i], "").to_string(),
        None => s,
    };
    let s = CJK_LABEL.replace(&s, "");
    let s = NOISE.replace_all(&s, " ");
    let mut out = Vec::new();
    for piece in SPLIT.split(&s) {
        let mut p = piece
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim()
            .to_string();
        // Strip prefixes repeatedly: "By: Author: Jane".
        for _ in 0..3 {
            let stripped = PREFIX.replace(&p, "").to_string();
            if stripped == p {
                break;
            }
            p = stripped;
        }
        // "Author: Jane Doe" and "Autor Hans Meier" lose the label; "Author
        // Name" and "Reporter Jane" are left whole.
        if let Some(c) = LABEL.captures(&p) {
            let rest = &p[c.get(0).map_or(0, |m| m.end())..];
            let colon = c.get(1).is_some_and(|m| !m.as_str().is_empty());
            // A label alone ("Text | Jane Doe") is no name.
            if rest.trim().is_empty() {
                continue;
            }
            if colon || rest.split_whitespace().count() >= 2 {
                // "Text von Jane Doe": the preposition after the label goes too.
                p = PREFIX.replace(rest, "").to_string();
            }
        }
        // A role goes when a name is left ("Jane Doe Staff Writer", "Senior
        // Editor Jane Doe"), not when it was a word of the name ("Jane
        // Reporter") or of an organisation ("Contributors to Wikimedia projects").
        let unroled = super::clean_text(&ROLE.replace_all(&p, " "));
        let keeps_name = unroled.is_empty()
            || (unroled.split_whitespace().count() >= 2
                && !unroled.starts_with(|c: char| c.is_lowercase()));
        let mut p = if keeps_name {
            unroled
        } else {
            super::clean_text(&p)
        };
        // "Posted by Jane Doe in Valve": the category goes, when a person's
        // name of two words or more is left before it.
        if let Some(m) = IN_PLACE.find(&p) {
            let before = &p[..m.start()];
            if before.split_whitespace().count() >= 2 && person_shaped(before) {
                p.truncate(m.start());
            }
        }
        let p = without_follow_links(&p);
        let p = p.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'' && c != ')');
        // "Jr." and initials keep their period; a sentence's full stop goes.
        let last_len = p.rsplit(' ').next().map_or(0, |w| w.chars().count());
        let p = if last_len > 3 {
            p.trim_end_matches(['.', ' '])
        } else {
            p.trim_end()
        };
        if is_name(p) {
            out.push(p.to_string());
        }
    }
    dedupe(out)
}

/// `name` without the follow links after it ([`FOLLOW_LINKS`]), while two
/// words are left.
fn without_follow_links(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 2
        && words
            .last()
            .is_some_and(|w| FOLLOW_LINKS.iter().any(|f| w.eq_ignore_ascii_case(f)))
    {
        words.pop();
    }
    words.join(" ")
}

/// A plausible person (or organisation) name.
fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    let w = s.split_whitespace().count();
    // Names are 2 to 60 characters and at most six words ("Maria de la Cruz Pérez").
    if !(2..=60).contains(&n) || w > 6 {
        return false;
    }
    if s.chars().any(|c| c.is_ascii_digit()) || !s.chars().any(char::is_alphabetic) {
        return false;
    }
    // An initial alone is a piece cut off a name or of "e.V.", never a name.
    if n == 2 && s.ends_with('.') {
        return false;
    }
    let lower = s.to_lowercase();
    !NOT_NAMES.contains(&lower.as_str()) && !NOT_NAME_WORD.is_match(s)
}

/// Remove case-insensitive duplicates, keeping the first spelling.
pub fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let k = super::title::key(&n);
        if !out.iter().any(|o| super::title::key(o) == k) {
            out.push(n);
        }
    }
    out
}

/// Names in a byline-looking element of the page.
///
/// Looks at microdata `itemprop=author`, `rel=author` links and elements whose
/// class or id mentions the author, outside comments and teaser lists; then at
/// text starting with "By " near the headline.
pub fn from_page(dom: &Dom, page: &Page<'_>, window: &TextWindow) -> Vec<String> {
    let names = from_markup(dom, page, window);
    if names.is_empty() {
        from_text(window)
    } else {
        names
    }
}

/// Bylines in markup: microdata `itemprop=author`, then author- and
/// byline-classed elements and author links.
pub fn from_markup(dom: &Dom, page: &Page<'_>, window: &TextWindow) -> Vec<String> {
    // Microdata first: the most explicit markup.
    for (id, prop) in &page.itemprops {
        if prop
            .split_whitespace()
            .any(|p| p == "author" || p == "creator")
            && !window.excluded(dom, *id)
        {
            let names = element_names(dom, *id);
            if !names.is_empty() {
                return names;
            }
        }
    }
    for &id in &page.author_hints {
        if window.excluded(dom, id) {
            continue;
        }
        let names = element_names(dom, id);
        if !names.is_empty() {
            return names;
        }
    }
    // A post's meta line ("postmetadata", "entry-meta": a date hint by its
    // "meta" word) also holds the date and the categories: only a "By …" at
    // its start names anyone. WordPress themes print it below the post, past
    // the text window under the headline.
    for &id in &page.date_hints {
        if !is_meta_line(dom, id) || window.excluded(dom, id) {
            continue;
        }
        let text = dom.text_content(id);
        // Byline, date and category links; longer, it is the post's text.
        if text.len() < META_LINE_LEN && BY_LINE.is_match(&text) {
            let names = clean(&text);
            if !names.is_empty() && names.iter().all(|n| looks_like_person(n)) {
                return names;
            }
        }
    }
    Vec::new()
}

/// Bylines as plain text near the headline.
fn from_text(window: &TextWindow) -> Vec<String> {
    // "By Jane Doe" as plain text near the headline.
    for (i, t) in window.texts.iter().enumerate() {
        let t = t.trim();
        if t.len() >= 120 {
            continue;
        }
        if BY_LINE.is_match(t) {
            let names = clean(t);
            let verb = VERB_BY.is_match(t);
            if !names.is_empty()
                && names
                    .iter()
                    .all(|n| looks_like_person(n) || (verb && capitalised(n)))
            {
                return names;
            }
        }
        // "25.10.2022 - Jane Doe", "06.11.2023 13:30 von Olga": the date
        // line under the headline, the name after it.
        if let Some(c) = DATE_THEN_NAME.captures(t) {
            let by = c
                .get(1)
                .is_some_and(|m| m.as_str().chars().any(char::is_alphabetic));
            let rest = c.get(2).map_or("", |m| m.as_str());
            // A second dash makes it a listing ("14.11. - Band - Hall"); a
            // colon, a label the labelled-line rule reads ("Redaktion: …").
            let listing = rest.contains(':')
                || [" - ", " – ", " — ", " | "]
                    .iter()
                    .any(|d| rest.contains(d));
            let names = clean(rest);
            if !listing
                && !names.is_empty()
                && names
                    .iter()
                    .all(|n| looks_like_person(n) || (by && capitalised(n)))
            {
                return names;
            }
        }
        if let Some(m) = DATED_BY.find(t) {
            let names = clean(&t[m.end()..]);
            if !names.is_empty() && names.iter().all(|n| capitalised(n)) {
                return names;
            }
        }
        // "Autor: Jane Doe/dpa", "12.03.2020 - Redaktion: Jane Doe": a label
        // says what follows is the byline; the label may be a text of its own
        // ("Autor:" in a heading, "By" in its own paragraph) before the names.
        let rest = match LABELLED.find(t) {
            Some(m) if m.end() < t.len() => Some(&t[m.end()..]),
            Some(_) if i + 1 < window.after => Some(window.texts[i + 1].trim()),
            _ if BARE_LABEL.is_match(t) && i + 1 < window.after => Some(window.texts[i + 1].trim()),
            _ => None,
        };
        if let Some(rest) = rest.filter(|r| r.len() < 120) {
            // Agency and desk codes beside the names ("/dpa") are dropped.
            let names: Vec<String> = clean(rest)
                .into_iter()
                .filter(|n| looks_like_person(n))
                .collect();
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

/// The author's signature at the end of an article, for pages whose
/// metadata and headline area name no one: a paragraph that is only a
/// person's name set in bold or italics ("**Jane Doe**", as regional papers
/// and magazines sign), or a labelled credit line ("Text: Jane Doe",
/// "Autoren Jane Doe und John Roe", "Von: Jane Doe"). Only the last three
/// blocks are read: a name in bold further up is a subheading or an
/// interviewee.
pub fn from_signature(article: &crate::ir::Article) -> Vec<String> {
    use crate::ir::{Block, Inline};
    fn emphasised(inl: &[Inline]) -> bool {
        let mut any = false;
        for i in inl {
            match i {
                Inline::Strong(_) | Inline::Emphasis(_) => any = true,
                Inline::Text(t) if t.trim().is_empty() => {}
                Inline::LineBreak => {}
                _ => return false,
            }
        }
        any
    }
    // The lines of the last three paragraphs, last first: a credit often
    // closes a paragraph after a line break ("(to be continued)<br>Text: …").
    // Each line says whether it may be a signature when set in bold: a bold
    // line before a break is a run-in heading ("**Background:**<br>…").
    let mut lines: Vec<(&[Inline], bool)> = Vec::new();
    for b in article.blocks.iter().rev().take(SIGNATURE_BLOCKS) {
        let Block::Paragraph(inl) = b else { continue };
        let parts: Vec<&[Inline]> = inl
            .split(|i| matches!(i, Inline::LineBreak))
            .filter(|l| !l.is_empty())
            .collect();
        // The last line of a paragraph may be a signature after a break;
        // earlier lines only if they are the whole paragraph.
        let n = parts.len();
        lines.extend(
            parts
                .into_iter()
                .enumerate()
                .rev()
                .take(SIGNATURE_LINES)
                .map(|(i, l)| (l, n == 1 || i + 1 == n)),
        );
    }
    let mut after_label: Option<String> = None;
    for (inl, whole) in lines {
        let mut t = String::new();
        for i in inl {
            i.text_into(&mut t);
        }
        let t = t.trim();
        if t.is_empty() || t.chars().count() > SIGNATURE_LEN {
            after_label = None;
            continue;
        }
        // A label on a line of its own ("Von:") before the name's line.
        // The line under this one (lines are read last first).
        let below = after_label.replace(t.to_string());
        let names = match SIGNATURE_LABEL.find(t) {
            Some(m) if t[m.end()..].trim().is_empty() => match below {
                Some(next) => clean(&next),
                None => continue,
            },
            Some(m) => clean(&t[m.end()..]),
            None if whole && emphasised(inl) => clean(t),
            None => continue,
        };
        // A cased script is required: in Chinese or Japanese a short bold
        // line cannot be told from a name by its shape. Link-list labels
        // ("Mehr Themen") are capitalised like names.
        if !names.is_empty()
            && names.len() <= 3
            && names.iter().all(|n| {
                person_shaped(n) && n.chars().any(char::is_uppercase) && !SIGNATURE_STOP.is_match(n)
            })
        {
            return names;
        }
    }
    Vec::new()
}

/// Blocks read from the article's end: the signature and a photo credit or
/// source line after it; a name in bold further up is a subheading or an
/// interviewee.
const SIGNATURE_BLOCKS: usize = 3;
/// Lines read per paragraph, last first: a closing paragraph's credit,
/// photo credit, source and date lines.
const SIGNATURE_LINES: usize = 4;
/// A signature line: a name, or a credit line ("Text: Jane Doe und John
/// Roe"); a longer line is a sentence.
const SIGNATURE_LEN: usize = 80;

/// Words of the labels and link lists that end articles, never of a signature.
static SIGNATURE_STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:mehr|more|weitere|themen|topics|lesen|read|artikel|articles?|news|related|video|fotos?|photos?|galerie|gallery|quelle|source|kontakt|contact|impressum|links?)\b")
        .expect("valid regex")
});

/// The label of a credit line that ends an article.
static SIGNATURE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:text|texte|{AUTHOR_NOUNS}|von|by|par|por)(?:\s*:\s*|\s+|\s*:?$)"
    ))
    .expect("valid regex")
});

/// A one-word metadata name (a blog's display name, "Todd") completed from
/// the page: a short text that is that name and a surname ("Todd Bates"), or
/// ends a byline with them ("Eine Kolumne von Nils Pickert"), or opens an
/// author box with them ("Stefanus Stahl - Maschinenbauer, …").
pub fn complete_first_name(dom: &Dom, name: &str) -> Option<String> {
    if name.split_whitespace().count() != 1 || !capitalised(name) {
        return None;
    }
    let root = dom.body()?;
    for n in dom.descendants(root) {
        let Some(t) = dom.text(n) else { continue };
        // A byline or an author box's opening line; in longer prose a first
        // name before a capitalised word is anyone's.
        if t.len() > COMPLETION_TEXT_LEN {
            continue;
        }
        let t = crate::dom::collapse_whitespace(t);
        for (i, _) in t.match_indices(name) {
            // Before the name: nothing, or a byline word ("von", "by").
            let before = t[..i].trim_end();
            let by_word = before
                .rsplit(' ')
                .next()
                .is_some_and(|w| BY_WORDS.contains(&w.to_lowercase().as_str()));
            if !before.is_empty() && !by_word {
                continue;
            }
            // After it: one or two capitalised words, then the text ends or
            // punctuation or a lower-case word follows.
            let rest = &t[i + name.len()..];
            if !rest.starts_with(' ') {
                continue;
            }
            let mut surname = Vec::new();
            for w in rest.split_whitespace() {
                let word = w.trim_end_matches([',', '.', ';', ':']);
                // The surname is a word, not an initial, an acronym or a
                // version letter ("Mac OS X").
                let is_word = word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && word.chars().any(char::is_lowercase)
                    && word.chars().all(|c| c.is_alphabetic() || c == '-');
                if !is_word || surname.len() == 2 {
                    break;
                }
                surname.push(word);
                if word.len() != w.len() {
                    break;
                }
            }
            if surname.is_empty() {
                continue;
            }
            let full = format!("{name} {}", surname.join(" "));
            if person_shaped(&full) {
                return Some(full);
            }
        }
    }
    None
}

/// Longest text read for a first name's completion.
const COMPLETION_TEXT_LEN: usize = 200;

/// Words that end a byline's label right before the name.
const BY_WORDS: &[&str] = &["by", "von", "par", "por", "di", "door", "av", "af", "od"];

/// True for a post's meta line that no author word names ("entry-meta",
/// "postmetadata", not "entry-meta author").
fn is_meta_line(dom: &Dom, id: NodeId) -> bool {
    let attr = |a: &str| dom.attr(id, a).unwrap_or("");
    let (class, idattr) = (attr("class"), attr("id"));
    (META_LINE.is_match(class) || META_LINE.is_match(idattr))
        && !AUTHOR_WORD.is_match(class)
        && !AUTHOR_WORD.is_match(idattr)
        && dom.attr(id, "rel").is_none()
}

/// Class words of a post's meta line, and of author elements (these are
/// read as bylines before, by [`element_names`]).
static META_LINE: Needles = Needles::new(&["postmeta", "entry-meta"]);
static AUTHOR_WORD: Needles = Needles::new(&["author", "byline"]);
/// A meta line: byline, date and category links.
const META_LINE_LEN: usize = 160;

/// A byline label ending in a colon: "Autor:", "Redaktion:", "Written by:".
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[\s\-–—|•·,(])(?:{AUTHOR_NOUNS}|redaktion|text|texte|reporter|written\s+by|von|текст)\s*:\s*"
    ))
        .expect("valid regex")
});

/// A text that is only a byline preposition or label: "By", "Von", "Autor".
static BARE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\-–—_*·•|\s]*(?i:(?:(?:ein\s+)?(?:blog\s*)?(?:beitrag|artikel|text|post|story|written|posted|published|veröffentlicht|publiziert|geschrieben)\s+)?(?:by|von|par|por|door)|autor(?:in)?|author)\s*:?$")
        .expect("valid regex")
});

/// A byline introduced by a verb or a noun ("Posted by", "Ein Artikel von"):
/// unlike a bare "By" or "Von", which start sentences too, it is trusted
/// with a one-word name.
static VERB_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\-–—_*·•|\s]*(?i:(?:ein\s+)?(?:blog\s*)?(?:beitrag|artikel|text|post|story|written|posted|published|veröffentlicht|publiziert|geschrieben)\s*(?:by|von|par|por|door|di|av))\s")
        .expect("valid regex")
});

/// "Posted on 21 September 2020 by Jane Doe": the date between the verb and
/// the name.
static DATED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:posted|published|veröffentlicht|erschienen)\s+(?:on|am)\s+.{4,40}?\s(?:by|von)\s+")
        .expect("valid regex")
});

/// A numeric date (and time), then a dash, bar or "von"/"by", then the rest.
static DATE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:,?\s+\d{1,2}:\d{2}(?:\s*uhr)?)?\s*(?:[-–—|·•]\s*|(von|by|por|par)\s+)(\p{Lu}.{1,60})$")
        .expect("valid regex")
});

/// Classes that name the author element itself rather than a byline box.
static STRONG_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)author-?name|author__name|byline__name|byline__author|user-?name|nickname|\bfn\b|\bauthor\b|vcard|autor-?name")
        .expect("valid regex")
});

static BY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\-–—_*·•|\s]*(?i:(?:ein\s+)?(?:blog\s*)?(?:beitrag|artikel|text|post|story|written|posted|published|veröffentlicht|publiziert|geschrieben)?\s*(?:by|von|par|por|door|di|av))\s+\p{Lu}")
        .expect("valid regex")
});

/// One or more words, each capitalised.
fn capitalised(n: &str) -> bool {
    let ws: Vec<&str> = n.split_whitespace().collect();
    (1..=5).contains(&ws.len())
        && ws
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Capitalised words, as person names are written in Latin and Cyrillic scripts.
fn looks_like_person(n: &str) -> bool {
    let ws: Vec<&str> = n.split_whitespace().collect();
    // One-word bylines are usually handles or site names. A lower-case word
    // is a name particle ("van der", elided or joined: "d'Ormesson",
    // "el-Sayed"); any other makes a phrase ("Von Atemschutzmaske über
    // Exit-Strategie" is a heading).
    (2..=5).contains(&ws.len()) && ws.iter().all(|w| name_word(w))
}

/// A word of a person's name: capitalised, or a name particle, alone or
/// elided or joined to the name ("van", "d'Ormesson", "el-Sayed").
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        || w.split(['\'', '’', '-'])
            .next()
            .is_some_and(|head| PARTICLES.contains(&head) || ELIDED.contains(&head))
}

/// Particles written only elided before a name ("d'Ormesson", "l'Aquila").
const ELIDED: &[&str] = &["d", "l"];

/// Words of company, desk and organisation names, never of a person's.
static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s\-])(?:gmbh|ag|kg|e\.\s?v\.?|inc\.?|ltd\.?|llc|corp\.?|verlag|redaktion|rédaction|redacción|redazione|redação|team|editorial|media|news|presse?|online|magazine?|zeitung|sekretariat|partei|verband|stiftung|foundation|association|kitchens?|group|gruppe)(?:$|[\s\-.,])")
        .expect("valid regex")
});

/// Lower-case words inside person names ("Ludwig van Beethoven", "Maria da Silva").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "des", "la", "le", "bin",
    "ibn", "al", "el", "dos", "das", "do", "y", "ten", "ter", "zu", "af", "av",
];

/// Whether a name is shaped like a person's: two to five name words
/// ([`looks_like_person`]), with no digits, handles,
/// domain dots or company words. CMS logins ("vpohl", "sv_team"), web agencies
/// ("wegewerk GmbH"), desks ("TVT-Redaktion") and domains ("symple.ch") are
/// not. Names in scripts without letter case (Chinese, Arabic) pass: their
/// shape tells nothing.
pub fn person_shaped(n: &str) -> bool {
    if !n.chars().any(|c| c.is_lowercase() || c.is_uppercase()) {
        return !n.trim().is_empty();
    }
    let dotted = n
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic());
    !dotted
        && !n
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '_' | ':'))
        && !ORG_WORD.is_match(n)
        && looks_like_person(n)
}

/// Names from one element: its `itemprop=name` child or `<a>` links when it
/// has them, else its own short text.
fn element_names(dom: &Dom, id: NodeId) -> Vec<String> {
    if let Some(c) = dom.attr(id, "content") {
        return clean(c);
    }
    for d in dom.descendants(id).take(50) {
        if dom
            .attr(d, "itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("name"))
        {
            let v = dom
                .attr(d, "content")
                .map(str::to_string)
                .unwrap_or_else(|| dom.text_content(d));
            let names = clean(&v);
            if !names.is_empty() {
                return names;
            }
        }
    }
    let text = dom.spaced_text(id);
    // A byline is short; a long text is a bio box or a whole article.
    if text.is_empty() || text.chars().count() > 120 {
        return Vec::new();
    }
    let names = clean(&text);
    // Explicit author markup is trusted with one-word names and user names.
    let explicit = dom.is(id, &tag!("a"))
        || dom
            .attr(id, "rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || dom
            .attr(id, "class")
            .is_some_and(|c| STRONG_CLASS.is_match(c));
    if names.iter().all(|n| explicit || looks_like_person(n)) {
        names
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_cleans() {
        assert_eq!(clean("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            clean("Anna A, Bert B & Carl C"),
            ["Anna A", "Bert B", "Carl C"]
        );
        assert_eq!(
            clean("Von Hans Meier und Eva Schulz"),
            ["Hans Meier", "Eva Schulz"]
        );
        assert_eq!(clean("Jane Doe, Staff Writer"), ["Jane Doe"]);
        assert_eq!(clean("Jane Doe jane@example.com @janedoe"), ["Jane Doe"]);
        assert_eq!(clean("View all posts by Jane Doe"), ["Jane Doe"]);
        assert_eq!(clean("Jane Doe | Reporter"), ["Jane Doe"]);
        assert_eq!(clean("admin"), Vec::<String>::new());
        assert_eq!(clean("Jane Doe; jane doe"), ["Jane Doe"]);
    }

    #[test]
    fn byline_debris_after_the_name_goes() {
        // Follow links printed after the name, and the category a
        // "Posted by … in …" line ends with.
        assert_eq!(clean("By Jane Smith Twitter"), ["Jane Smith"]);
        assert_eq!(clean("Jane Smith LinkedIn Email"), ["Jane Smith"]);
        assert_eq!(clean("Posted by Jane Smith in Valve"), ["Jane Smith"]);
        assert_eq!(clean("By Jane Smith in Washington"), ["Jane Smith"]);
        // Not when what is left is no person's name.
        assert!(clean("Ein Bericht über das Projekt in Kooperation").is_empty());
        // A name that ends in such a word when nothing else is left stays.
        assert_eq!(clean("Malcolm X"), ["Malcolm X"]);
    }

    #[test]
    fn cjk_byline_labels_go() {
        assert_eq!(clean("文・山田太郎"), ["山田太郎"]);
        assert_eq!(clean("著者：山田太郎"), ["山田太郎"]);
        assert_eq!(clean("取材・文／山田太郎"), ["山田太郎"]);
        assert_eq!(clean("记者 张三"), ["张三"]);
        assert_eq!(clean("文／山田太郎、佐藤花子"), ["山田太郎", "佐藤花子"]);
    }

    #[test]
    fn month_after_name_is_cut() {
        assert_eq!(clean("By Jane Doe March 25, 2015"), ["Jane Doe"]);
        assert_eq!(clean("Jane Doe - January 9, 2020"), ["Jane Doe"]);
        assert_eq!(clean("Hans Meier, 3. Oktober 2021"), ["Hans Meier"]);
        assert_eq!(clean("Ana Ruiz hace 3 horas"), ["Ana Ruiz"]);
        assert_eq!(clean("Last Updated: January 7, 2025"), Vec::<String>::new());
    }

    #[test]
    fn label_and_role_words_inside_names_stay() {
        // A role or label that is a word of the name is kept.
        assert_eq!(clean("Jane Reporter"), ["Jane Reporter"]);
        assert_eq!(clean("Author Name"), ["Author Name"]);
        assert_eq!(
            clean("Contributors to Example projects"),
            ["Contributors to Example projects"]
        );
        // As a label or a role beside a name it goes.
        assert_eq!(clean("Author: Jane"), ["Jane"]);
        assert_eq!(clean("Autor Hans Meier"), ["Hans Meier"]);
        assert_eq!(clean("Text | Hans Meier"), ["Hans Meier"]);
        assert_eq!(clean("Jane Doe Games Editor"), ["Jane Doe"]);
        assert_eq!(clean("Hans Meier Chefredakteur"), ["Hans Meier"]);
    }

    #[test]
    fn chrome_is_no_name() {
        assert_eq!(clean("Sign In | Sign Up"), Vec::<String>::new());
        assert_eq!(clean("Our Foreign Staff"), Vec::<String>::new());
        assert_eq!(clean("Von Redaktion"), ["Redaktion"]);
        assert_eq!(clean("Eingestellt von Unknown"), Vec::<String>::new());
        assert_eq!(clean("Super User"), Vec::<String>::new());
        assert_eq!(
            clean("Example GmbH, Bonn, Germany"),
            ["Example GmbH", "Bonn"]
        );
        assert_eq!(clean("Redacci&oacute;n Central"), ["Redacción Central"]);
    }
}
