//! Build the IR from the selected subtrees.

use std::collections::{HashMap, HashSet};

use html5ever::LocalName;
use url::Url;

use super::caption;
use crate::clean::{contains_ignore_ascii_case, Cleaned, Drop, Hint};
use crate::dom::{collapse_whitespace, tag, Dom, NodeData, NodeId};
use crate::ir::{inlines_text, Block, Edge, Figure, Image, Inline, List, Row, Table};
use crate::metadata::Metadata;

/// Visible characters of a block (for thresholds and confidence).
pub fn block_text_len(b: &Block) -> usize {
    text_len_of(b, true)
}

/// Visible characters of a block outside links: its own text, not its
/// pointers to other pages.
pub fn block_unlinked_len(b: &Block) -> usize {
    text_len_of(b, false)
}

fn text_len_of(b: &Block, links: bool) -> usize {
    fn inl(v: &[Inline], links: bool) -> usize {
        v.iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Code(t) | Inline::Math { tex: t, .. } => {
                    t.chars().filter(|c| !c.is_whitespace()).count()
                }
                Inline::Strong(c) | Inline::Emphasis(c) => inl(c, links),
                Inline::Link { content: c, .. } if links => inl(c, links),
                _ => 0,
            })
            .sum()
    }
    match b {
        Block::Heading { content, .. } | Block::Paragraph(content) => inl(content, links),
        Block::List(l) => l
            .items
            .iter()
            .flatten()
            .map(|b| text_len_of(b, links))
            .sum(),
        Block::Quote(v) => v.iter().map(|b| text_len_of(b, links)).sum(),
        Block::Code { text, .. } => text.chars().filter(|c| !c.is_whitespace()).count(),
        Block::Table(t) => t
            .rows
            .iter()
            .flat_map(|r| r.cells.iter())
            .map(|c| inl(c, links))
            .sum(),
        Block::Figure(f) => inl(&f.caption, links) + inl(&f.credit, links),
        Block::Rule => 0,
    }
}

/// Unicode canonical composition, compiled in.
const NFC: icu_normalizer::ComposingNormalizerBorrowed<'static> =
    icu_normalizer::ComposingNormalizerBorrowed::new_nfc();

/// Elements that browsers lay out as blocks (lines of their own).
fn is_block_level(name: &LocalName) -> bool {
    matches!(
        *name,
        tag!("address")
            | tag!("article")
            | tag!("aside")
            | tag!("blockquote")
            | tag!("dd")
            | tag!("details")
            | tag!("div")
            | tag!("dl")
            | tag!("dt")
            | tag!("figcaption")
            | tag!("figure")
            | tag!("footer")
            | tag!("form")
            | tag!("h1")
            | tag!("h2")
            | tag!("h3")
            | tag!("h4")
            | tag!("h5")
            | tag!("h6")
            | tag!("header")
            | tag!("hr")
            | tag!("li")
            | tag!("main")
            | tag!("nav")
            | tag!("ol")
            | tag!("p")
            | tag!("pre")
            | tag!("section")
            | tag!("summary")
            | tag!("table")
            | tag!("td")
            | tag!("th")
            | tag!("tr")
            | tag!("ul")
    )
}

/// Elements laid out inline: their content flows into the current paragraph.
pub(crate) fn is_inline(name: &LocalName) -> bool {
    matches!(
        *name,
        tag!("a")
            | tag!("abbr")
            | tag!("b")
            | tag!("bdi")
            | tag!("bdo")
            | tag!("cite")
            | tag!("code")
            | tag!("data")
            | tag!("del")
            | tag!("dfn")
            | tag!("em")
            | tag!("font")
            | tag!("i")
            | tag!("img")
            | tag!("ins")
            | tag!("kbd")
            | tag!("label")
            | tag!("mark")
            | tag!("q")
            | tag!("s")
            | tag!("samp")
            | tag!("small")
            | tag!("span")
            | tag!("strike")
            | tag!("strong")
            | tag!("sub")
            | tag!("sup")
            | tag!("time")
            | tag!("tt")
            | tag!("u")
            | tag!("var")
            | tag!("br")
            | tag!("wbr")
            | tag!("picture")
            | tag!("source")
            | tag!("nobr")
            | tag!("big")
            | tag!("acronym")
            | tag!("ruby")
            | tag!("rb")
            | tag!("rtc")
            | tag!("rt")
            | tag!("rp")
    )
}

/// Paragraph texts that are page furniture whatever their markup.
fn is_furniture_text(t: &str) -> bool {
    const EXACT: &[&str] = &[
        "advertisement",
        "anzeige",
        "werbung",
        "publicidad",
        "publicité",
        "pubblicità",
        "reklama",
        "sponsored",
        "share",
        "share this",
        "like this",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "you may also like",
        "more from this author",
        "comments",
        "leave a comment",
        "leave a reply",
        "print",
        "email",
        "tweet",
        "share this article",
        "share this story",
        "continue reading",
        "continue reading below",
        "story continues below advertisement",
        "article continues below",
        "read more",
        "skip to content",
        "skip to main content",
        "loading...",
        "loading",
    ];
    // Picture credits written as a line of their own, outside any <figure>.
    const CREDIT_PREFIXES: &[&str] = &[
        "bild:",
        "bild via",
        "titelbild:",
        "foto:",
        "fotos:",
        "photo:",
        "photos:",
        "image:",
        "credit:",
        "credits:",
        "crédits photos",
        "crédit photo",
        "photo credit",
        "image credit",
        "beitragsbild",
        "quelle: picture",
        "wird geladen",
        "rezept drucken",
        // WordPress's like button in German ("Gefällt mir: Gefällt mir Wird geladen…").
        "gefällt mir",
    ];
    let t = t.trim().trim_end_matches([':', '.']).to_lowercase();
    // Labels are often framed by dashes: "- Anzeige -".
    if EXACT.contains(&t.as_str())
        || EXACT.contains(&t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace()))
    {
        return true;
    }
    let n = t.chars().count();
    // A link back to the listing the page sits in ("Zurück zur Übersicht",
    // "Zurück zum Lexikon", "Back to overview", "Zu allen Beiträgen") and
    // the share prompt written as a line ("Seite teilen"): a label of a few
    // words, under 40 characters as the arrow buttons below; a line that
    // goes on ("Zurück zu den Wurzeln: wie ein Dorf …") is prose.
    const BACK: &[&str] = &[
        "zurück zu",
        "back to overview",
        "back to list",
        "back to all",
        "back to top",
        "retour à la liste",
        "zu allen beiträgen",
        "alle beiträge",
        "seite teilen",
        "artikel teilen",
        "share this page",
    ];
    if n < 40 && BACK.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    // A button written as a link with an arrow ("Weiter »", "Sign up now
    // ›"): a few words, no sentence, and not a closing «quote».
    if n < 40 && t.ends_with(['»', '›', '→']) && !t.contains(['«', '‹']) {
        return true;
    }
    // The blog engine's filing line under a post ("Posted in News |
    // Tagged …", "Der Beitrag wurde am … veröffentlicht und unter …
    // abgelegt"), rating and sharing prompts, affiliate-link disclosures
    // ("Für Links auf dieser Seite erhält GIGA ggf. eine Provision"), and a
    // legal footer line of links ("Impressum | Datenschutz | ©").
    // The filing line can list many categories and tags: up to 500.
    if n < 500 {
        const FILING: &[&str] = &[
            "this entry was posted",
            "posted in ",
            "filed under",
            "publié dans",
            "der beitrag wurde am",
            "dieser beitrag wurde am",
            "was this article helpful",
            "did you find this article",
            "war der artikel nützlich",
            "war dieser artikel hilfreich",
            "möchten sie den artikel teilen",
            // Comment-form prompts left when the form itself is gone.
            "sie sind aktuell nicht eingeloggt",
            "you must be logged in to post a comment",
            // Affiliate-link disclosures, before or after the text.
            "für links auf dieser seite",
            "this post may contain affiliate links",
            "this post contains affiliate links",
            "this article contains affiliate links",
        ];
        if FILING.iter().any(|p| t.starts_with(p)) || t.contains("abgelegt unter") {
            return true;
        }
        // The metered paywall's nag, wherever it sits in the text.
        const METER: &[&str] = &[
            "free articles left",
            "free article left",
            "free articles remaining",
            "subscribe for unlimited access",
            "already a subscriber",
            "kostenlose artikel übrig",
        ];
        if n < 200 && METER.iter().any(|w| t.contains(w)) {
            return true;
        }
        const LEGAL: &[&str] = &[
            "impressum",
            "datenschutz",
            "imprint",
            "privacy",
            "copyright",
        ];
        let pipes = t.matches('|').count();
        let legal = LEGAL.iter().filter(|w| t.contains(*w)).count();
        if (pipes >= 2 && legal >= 1) || (pipes >= 1 && legal >= 2 && n < 150) {
            return true;
        }
    }
    // Credits are short; a paragraph that merely starts with "Image:" and
    // goes on is prose.
    if n < 80 && CREDIT_PREFIXES.iter().any(|p| t.starts_with(p)) {
        return true;
    }
    // A caption left outside its figure names the picture, then its
    // source: "Roman Prymula, photo: Government archive", "(Quelle: Foto
    // Jane Roe)". One line, with the credit word inside.
    const CREDIT_INSIDE: &[&str] = &[
        ", photo:",
        ", foto:",
        "quelle: foto",
        ", bild:",
        ", image:",
        "photo credit",
    ];
    n < 100 && CREDIT_INSIDE.iter().any(|w| t.contains(w))
}

/// Labels that open what comes after an article, in the languages of the
/// web's largest news sites. Matched at the start of a short heading.
fn is_epilogue_label(t: &str) -> bool {
    const LABELS: &[&str] = &[
        // English
        "related articles",
        "related stories",
        "related posts",
        "related content",
        "audios and videos on the topic",
        "related news",
        "related coverage",
        "read also",
        "also read",
        "more from",
        "more on this",
        "more stories",
        "more news",
        "you may also like",
        "you might also like",
        "you may be interested",
        "explore further",
        "keep reading",
        "editor's picks",
        "editors' picks",
        "next article",
        "previous article",
        "redaktionstipp",
        "empfehlung der redaktion",
        "nächster artikel",
        "vorheriger artikel",
        "vorschau auf den nächsten artikel",
        // Tag lists under the article.
        "tags",
        "tagged",
        "schlagworte",
        "schlagwörter",
        "stichworte",
        "étiquettes",
        "etiquetas",
        "don't miss",
        "don’t miss",
        "recommended for you",
        "most popular",
        "most read",
        "trending now",
        "leave a reply",
        "leave a comment",
        "comments",
        "join the conversation",
        "about the author",
        // German
        "mehr zum thema",
        "audios und videos zum thema",
        "auch interessant",
        "ähnliche beiträge",
        "ähnliche artikel",
        "das könnte sie auch interessieren",
        "das könnte dich auch interessieren",
        "das thema könnte dich auch interessieren",
        "lesen sie auch",
        "lesen sie hier",
        "weitere artikel",
        "weiterführende links",
        "weiterführender link",
        "verwandte artikel",
        "verwandte beiträge",
        "kommentare",
        "kommentar schreiben",
        "kommentieren",
        "meistgelesen",
        "entdecken sie",
        "über den autor",
        "zum autor",
        // French
        "à lire aussi",
        "a lire aussi",
        "lire aussi",
        "sur le même sujet",
        // Deutsche Welle's media box after each story, in its languages.
        "audios et vidéos sur le sujet",
        "articles similaires",
        "à voir aussi",
        "commentaires",
        "les plus lus",
        // Spanish, Italian, Portuguese, Dutch, Polish
        "te puede interesar",
        "lee también",
        "noticias relacionadas",
        "artículos relacionados",
        "comentarios",
        "leggi anche",
        "articoli correlati",
        "commenti",
        "leia também",
        "veja também",
        "você pode gostar",
        "você também pode gostar",
        "você também pode se interessar",
        "mais lidas",
        "también te puede interesar",
        "te recomendamos",
        "más noticias",
        "lo más leído",
        "potrebbe interessarti",
        "ti potrebbe interessare",
        "vous aimerez aussi",
        "vous aimerez peut-être",
        "notícias relacionadas",
        "lees ook",
        "gerelateerde artikelen",
        "czytaj także",
        "czytaj też",
        "zobacz także",
        "komentarze",
    ];
    let t = t
        .trim()
        .trim_end_matches([':', '.', '…', '!'])
        .trim()
        .to_lowercase();
    LABELS.iter().any(|l| {
        t.starts_with(l)
            && t[l.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A byline written as a paragraph: "By Jane Doe and John Roe", "Von …",
/// "Par …". Short, a capital after the word, and not a sentence ("By Monday,
/// the council will decide." ends like one).
fn is_byline(t: &str) -> bool {
    let t = t.trim();
    if t.chars().count() > 80 || t.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    [
        "By ",
        "BY ",
        "Von ",
        "VON ",
        "Par ",
        "Por ",
        "Door ",
        "Av ",
        "Written by ",
        "Posted by ",
        "Geschrieben von ",
    ]
    .iter()
    .any(|p| {
        t.strip_prefix(p)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_uppercase())
    })
}

/// A row of three or more links with only separators between them
/// ("<< Previous | All projects | Next >>"): navigation, not text.
fn is_link_row(inl: &[Inline]) -> bool {
    let mut links = 0;
    for i in inl {
        match i {
            Inline::Link { .. } => links += 1,
            Inline::Text(t) if t.chars().any(char::is_alphanumeric) => return false,
            Inline::Text(_) | Inline::LineBreak => {}
            _ => return false,
        }
    }
    links >= 3
}

/// A paragraph that is one link of a few words and nothing else.
fn is_lone_short_link(inl: &[Inline]) -> bool {
    let mut links = inl
        .iter()
        .filter(|i| !matches!(i, Inline::Text(t) if t.trim().is_empty()));
    match (links.next(), links.next()) {
        (Some(Inline::Link { content, .. }), None) => inlines_text(content).chars().count() < 30,
        _ => false,
    }
}

/// Make a leading "Label:" text bold (`Related article:` -> `**Related article:**`).
fn embolden_label(inl: &mut Vec<Inline>) {
    let Some(Inline::Text(t)) = inl.first() else {
        return;
    };
    let Some(colon) = t.find(':') else { return };
    // Labels are a few words; a colon further on is prose.
    if colon > 40 || !t[colon + 1..].trim().is_empty() {
        return;
    }
    let label = t[..=colon].trim().to_string();
    let rest = t[colon + 1..].to_string();
    inl[0] = Inline::Strong(vec![Inline::Text(label)]);
    if !rest.is_empty() {
        inl.insert(1, Inline::Text(rest));
    }
}

/// An inline buffer with HTML whitespace collapsing.
#[derive(Default)]
struct Para {
    items: Vec<Inline>,
    /// The buffer ends with whitespace (or is empty): a following space is dropped.
    space: bool,
}

impl Para {
    fn new() -> Self {
        Para {
            items: Vec::new(),
            space: true,
        }
    }

    fn push_text(&mut self, t: &str) {
        // Invisible format characters: soft hyphens, zero-width spaces and
        // stray byte-order marks would split words in search and scoring.
        let cleaned;
        let t = if t.contains(['\u{ad}', '\u{200b}', '\u{feff}']) {
            cleaned = t.replace(['\u{ad}', '\u{200b}', '\u{feff}'], "");
            cleaned.as_str()
        } else {
            t
        };
        let mut s = String::with_capacity(t.len());
        for (i, part) in t
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .enumerate()
        {
            if i > 0 && !self.space {
                s.push(' ');
                self.space = true;
            }
            if !part.is_empty() {
                s.push_str(part);
                self.space = false;
            }
        }
        if s.is_empty() {
            return;
        }
        // One spelling per character: pages mix precomposed and combining
        // forms (Bengali, Vietnamese, macOS-typed accents), and search,
        // deduplication and comparison need NFC, as the web's text mostly is.
        if !s.is_ascii() {
            if let std::borrow::Cow::Owned(n) = NFC.normalize(&s) {
                s = n;
            }
        }
        if let Some(Inline::Text(last)) = self.items.last_mut() {
            last.push_str(&s);
        } else {
            self.items.push(Inline::Text(s));
        }
    }

    fn push(&mut self, i: Inline) {
        self.space = matches!(i, Inline::LineBreak);
        self.items.push(i);
    }

    /// Is there already a picture in this paragraph linked to `src`? A
    /// lightbox writes the full-size picture beside its linked thumbnail
    /// (shown when the thumbnail is clicked): the same picture twice.
    fn links_image_to(&self, src: &str) -> bool {
        self.items.iter().any(|i| match i {
            Inline::Link { href, content } => {
                href == src && content.iter().any(|c| matches!(c, Inline::Image(_)))
            }
            _ => false,
        })
    }

    fn has_content(&self) -> bool {
        fn any(v: &[Inline]) -> bool {
            v.iter().any(|i| match i {
                Inline::Text(t) => !t.trim().is_empty(),
                Inline::Code(_) | Inline::Image(_) | Inline::Math { .. } => true,
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => any(c),
                Inline::LineBreak => false,
            })
        }
        any(&self.items)
    }

    /// Ends with two line breaks: `<br><br>` separates paragraphs.
    fn ends_with_double_break(&self) -> bool {
        let mut it = self
            .items
            .iter()
            .rev()
            .filter(|i| !matches!(i, Inline::Text(t) if t.trim().is_empty()));
        matches!(it.next(), Some(Inline::LineBreak)) && matches!(it.next(), Some(Inline::LineBreak))
    }

    fn take(&mut self) -> Vec<Inline> {
        self.space = true;
        std::mem::take(&mut self.items)
    }
}

/// Trim whitespace and line breaks at both ends of an inline run.
fn trim_inlines(mut v: Vec<Inline>) -> Vec<Inline> {
    while matches!(v.last(), Some(Inline::LineBreak)) {
        v.pop();
    }
    while matches!(v.first(), Some(Inline::LineBreak)) {
        v.remove(0);
    }
    if let Some(Inline::Text(t)) = v.first_mut() {
        let trimmed = t.trim_start();
        if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
    if let Some(Inline::Text(t)) = v.last_mut() {
        let trimmed = t.trim_end();
        if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
    v.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    v
}

pub struct Builder<'a> {
    dom: &'a Dom,
    c: &'a Cleaned,
    base: Option<&'a Url>,
    strict: bool,
    /// Ancestors of the best container (and itself): never dropped for
    /// their class words.
    protected: HashSet<NodeId>,
    /// Visible characters of the best container.
    best_len: u32,
    /// The selection was made with class words ignored: the strict pass
    /// found too little because the body sits under a boilerplate class.
    pub lenient: bool,
    title: Option<String>,
    /// Normalised texts of the paragraphs written so far: text is never repeated.
    /// with the container each was found in.
    seen: HashMap<String, NodeId>,
    /// The element whose children are being laid out.
    container: NodeId,
    /// Building the comment section: comment classes are not a reason to drop.
    in_comments: bool,
    /// A paragraph of prose (80+ characters) was written.
    seen_prose: bool,
    /// The title heading was met (and left out) already.
    title_done: bool,
    depth: u32,
    /// Fragment ids that in-page links point to (`href="#id"`): footnote
    /// and reference targets.
    targets: HashSet<String>,
    /// Inside a footnote list: back-links ("↩", "^") are left out.
    in_footnotes: bool,
    /// Elements left out by a decision taken at an earlier element (the
    /// link list under a "See also" heading).
    skip_nodes: HashSet<NodeId>,
    /// The elements of the headings written, in order.
    headings: Vec<NodeId>,
    /// The element of the last code block written.
    last_code: Option<NodeId>,
    /// Facts about the children of a parent, computed once for all of
    /// them: looking at every sibling for each one is quadratic in the
    /// number of children. Kept per parent, since nested containers are
    /// laid out in between.
    siblings: std::cell::RefCell<HashMap<NodeId, SiblingFacts>>,
}

/// What the builder knows of the children of [`SiblingFacts::parent`].
#[derive(Clone, Copy, Default)]
struct SiblingFacts {
    /// A child `<img>` shows a picture (a `<noscript>` copy of it is not needed).
    shows_image: bool,
    /// Children that lay out as blocks beside a `<code>` (blocks, and the
    /// `<code>` elements themselves).
    code_blocks: usize,
    /// A child is text or an inline element other than `<code>`: the
    /// children form a line, not a column of blocks.
    flows: bool,
    /// Document position of the second-to-last child paragraph of prose
    /// (see [`Builder::prose_follows`]).
    second_last_prose: Option<usize>,
}

/// Nesting deeper than this inside the article is flattened (the parser
/// already bounds the tree; this bounds the builder's recursion further).
const MAX_BUILD_DEPTH: u32 = 200;

impl<'a> Builder<'a> {
    pub fn new(
        dom: &'a Dom,
        c: &'a Cleaned,
        base: Option<&'a Url>,
        meta: &Metadata,
        best: NodeId,
    ) -> Self {
        let title = meta
            .title
            .as_deref()
            .map(normalise)
            .filter(|t| !t.is_empty())
            .or_else(|| {
                dom.head()
                    .and_then(|h| dom.find(h, &tag!("title")))
                    .map(|t| normalise(&dom.text_content(t)))
            });
        let mut protected: HashSet<NodeId> = dom.ancestors(best).collect();
        protected.insert(best);
        let targets = link_targets(dom, base);
        Builder {
            dom,
            c,
            base,
            strict: true,
            protected,
            best_len: c.text_len[best],
            lenient: false,
            title,
            seen: HashMap::new(),
            container: Dom::ROOT,
            title_done: false,
            in_comments: false,
            seen_prose: false,
            depth: 0,
            targets,
            in_footnotes: false,
            skip_nodes: HashSet::new(),
            headings: Vec::new(),
            last_code: None,
            siblings: std::cell::RefCell::new(HashMap::new()),
        }
    }

    /// The facts about the children of `parent`, computed on first use.
    fn sibling_facts(&self, parent: NodeId) -> SiblingFacts {
        if let Some(f) = self.siblings.borrow().get(&parent) {
            return *f;
        }
        let dom = self.dom;
        let mut f = SiblingFacts::default();
        let mut prose = [None, None];
        for c in dom.children(parent) {
            match dom.data(c) {
                NodeData::Text(t) => f.flows |= !t.trim().is_empty(),
                NodeData::Element(el) => {
                    let name = &el.name.local;
                    if !is_inline(name) || *name == tag!("code") {
                        f.code_blocks += 1;
                    } else {
                        f.flows = true;
                    }
                    if *name == tag!("img") && !f.shows_image && self.image(c).is_some() {
                        f.shows_image = true;
                    }
                    if *name == tag!("p") && self.is_prose_paragraph(c) {
                        prose = [prose[1], Some(self.c.pos[c])];
                    }
                }
                _ => {}
            }
        }
        f.second_last_prose = prose[0];
        self.siblings.borrow_mut().insert(parent, f);
        f
    }

    /// Does the element flow in a line of text: inside a paragraph-like
    /// element, or right beside words?
    fn in_running_text(&self, id: NodeId) -> bool {
        let dom = self.dom;
        dom.parent(id).is_some_and(|p| {
            dom.name(p).is_some_and(|n| {
                matches!(
                    *n,
                    tag!("p")
                        | tag!("h1")
                        | tag!("h2")
                        | tag!("h3")
                        | tag!("h4")
                        | tag!("h5")
                        | tag!("h6")
                        | tag!("dt")
                        | tag!("dd")
                        | tag!("blockquote")
                ) || is_inline(n)
            })
        }) || self.beside_words(id)
    }

    /// Is a word of text right before or after the element: the element
    /// is part of a sentence ("expertise with <a>the board</a>, after"),
    /// not one of the boxes a paragraph is built of (a caption span and a
    /// credit span side by side).
    fn beside_words(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let words = |n: Option<NodeId>| {
            n.and_then(|n| dom.text(n))
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        };
        words(dom.prev_sibling(id)) || words(dom.next_sibling(id))
    }

    /// A custom element (`<private-company>`) laid out as browsers do by
    /// default, inline, where it flows in a line of text and holds no block.
    fn is_custom_inline(&self, id: NodeId) -> bool {
        self.dom.name(id).is_some_and(|n| n.contains('-'))
            && !self.has_block_child(id)
            && self.in_running_text(id)
    }

    /// The lead (standfirst, lead figure) is written; what comes next is
    /// the body, whose first lines are read as its top (kicker, subtitle).
    pub fn start_body(&mut self) {
        self.seen_prose = false;
    }

    /// Build one selected subtree into `out`.
    pub fn root(&mut self, id: NodeId, out: &mut Vec<Block>) {
        // An inline element wrapping blocks (`<span class="body"><p>…`)
        // is laid out as the blocks it holds.
        if self.dom.name(id).is_some_and(|n| !is_inline(n)) || self.has_block_child(id) {
            self.block(id, out);
        } else if self.dom.is(id, &tag!("code")) && self.is_code_block(id) {
            // A code block selected on its own, between paragraphs.
            let mut p = Para::new();
            self.node(id, &mut p, out, false);
            self.flush(&mut p, out);
        } else {
            let mut p = Para::new();
            self.inline(id, &mut p, out);
            self.flush(&mut p, out);
        }
    }

    /// Words of a heading ending with a full stop to read as a sentence
    /// (a pull quote) rather than as a label with an abbreviation.
    const PULL_QUOTE_WORDS: usize = 5;

    /// Drop the headings (and rules) that end the body. A heading labels
    /// what follows it; with nothing after it, what it labelled was left
    /// out (a newsletter form, a link list, cards of next pages), and the
    /// label goes with it. A heading over a section hidden in the page
    /// (collapsed, opened by a script) stays: the reader sees it.
    pub fn drop_trailing_headings(&self, blocks: &mut Vec<Block>) {
        let mut nodes = self.headings.iter().rev();
        loop {
            match blocks.last() {
                Some(Block::Rule) => {}
                Some(Block::Heading { content, .. }) => {
                    if nodes.next().is_some_and(|&h| self.heads_hidden(h)) {
                        return;
                    }
                    // A sentence set as a heading is a pull quote ("Relotius
                    // legt ein Fake-Profil an. Es stützt seine Version."),
                    // not a label: labels do not end with a full stop. (An
                    // ellipsis is a prompt: "Tell us what YOU think...".)
                    let text = crate::ir::inlines_text(content);
                    if reads_as_sentence(&text, Self::PULL_QUOTE_WORDS) {
                        return;
                    }
                }
                _ => return,
            }
            blocks.pop();
        }
    }

    /// Is the element after heading `id` hidden (`hidden`, `display: none`,
    /// `visibility: hidden`)?
    fn heads_hidden(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(n) = dom.next_sibling(id).and_then(|n| {
            std::iter::successors(Some(n), |&x| dom.next_sibling(x)).find(|&x| dom.is_element(x))
        }) else {
            return false;
        };
        let style = dom.attr(n, "style").map(|s| {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase()
        });
        dom.attr(n, "hidden").is_some()
            || style.is_some_and(|s| s.contains("display:none") || s.contains("visibility:hidden"))
    }

    /// Comment sections anywhere in the page (outside the article).
    pub fn comments(&mut self, roots: &[NodeId]) -> Vec<Block> {
        let dom = self.dom;
        let mut out = Vec::new();
        let mut it = dom.descendants(Dom::ROOT);
        while let Some(id) = it.next() {
            if !dom.is_element(id) || self.c.drop[id] != Drop::No {
                continue;
            }
            if roots.contains(&id) {
                it.skip_children();
                continue;
            }
            let is_comments = self.c.hint[id] == Hint::Comments
                || dom.attr(id, "id").is_some_and(|v| v == "disqus_thread");
            if is_comments && self.c.text_len[id] > 0 {
                self.comment_blocks(id, &mut out);
                it.skip_children();
            }
        }
        out
    }

    /// The thread's first post on a forum page whose posts are all marked
    /// as comments (`div.MtnComment`, `li.comment`): the first
    /// comment-classed element with `min_len` characters of text, and
    /// within it, while it holds several such elements (the thread's list),
    /// the first of them.
    pub fn first_post(&mut self, min_len: u32) -> Option<Vec<Block>> {
        let dom = self.dom;
        let c = self.c;
        let is_post = |id: NodeId| {
            dom.is_element(id)
                && c.drop[id] == Drop::No
                && c.hint[id] == Hint::Comments
                && c.text_len[id] >= min_len
        };
        let mut post = dom.descendants(Dom::ROOT).find(|&id| is_post(id))?;
        // Bounded: a thread nests its posts a few levels deep.
        for _ in 0..8 {
            let inner: Vec<NodeId> = dom
                .descendants(post)
                .filter(|&d| is_post(d) && dom.parent(d).is_some_and(|p| !is_post(p) || p == post))
                .take(2)
                .collect();
            match inner.as_slice() {
                [first, _second] => post = *first,
                _ => break,
            }
        }
        let mut out = Vec::new();
        self.comment_blocks(post, &mut out);
        Some(out)
    }

    /// The blocks of a comment or comment section: inside it, comment words
    /// are not a reason to drop.
    fn comment_blocks(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let strict = self.strict;
        self.strict = false;
        self.in_comments = true;
        self.blocks_of(id, out, true);
        self.in_comments = false;
        self.strict = strict;
    }

    /// Does the first link under `id` point at an image file?
    fn links_to_images(&self, id: NodeId) -> bool {
        let dom = self.dom;
        dom.find(id, &tag!("a"))
            .and_then(|a| dom.attr(a, "href"))
            .is_some_and(|h| {
                let path = h
                    .split(['?', '#'])
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
                    .iter()
                    .any(|e| path.ends_with(e))
            })
    }

    /// Should this element be left out of the article?
    fn skip(&self, id: NodeId, in_comments: bool) -> bool {
        let in_comments = in_comments || self.in_comments;
        let c = self.c;
        if c.drop[id] != Drop::No || self.skip_nodes.contains(&id) {
            return true;
        }
        let dom = self.dom;
        let len = c.text_len[id];
        if self.protected.contains(&id) {
            return false;
        }
        if c.is_signup_box(dom, id) && !dom.name(id).is_some_and(is_inline) {
            return true;
        }
        let inline = dom.name(id).is_some_and(is_inline) || self.is_custom_inline(id);
        if inline && c.hint[id] != Hint::None && self.beside_words(id) {
            return false;
        }
        match c.hint[id] {
            // Headed prose without a single link is the article's text
            // under an unlucky class or id (a restaurant's `#menu`).
            Hint::Boilerplate if c.links[id] == 0 && self.headed_prose(id) => {}
            Hint::Comments if !in_comments => return true,
            // A one-link box inside the body ("Related article: ...")
            // stays where it stands; lists of links go.
            // A box holding most of the chosen container's text, as prose,
            // is the body under a misleading class (`banners-content`
            // where ads get inserted, `js-truncate-related`): class words
            // lie more often than half an article of unlinked prose does.
            // Only when the strict pass, which trusts class words, found too
            // little: otherwise such a box beside the body is a gallery or
            // a rail of teasers. Not a list, for the same reason.
            Hint::Boilerplate
                if self.lenient
                    && len >= 500
                    && len * 2 > self.best_len
                    && c.link_density(id) < 0.2
                    && !dom.name(id).is_some_and(|n| {
                        matches!(*n, tag!("ul") | tag!("ol") | tag!("dl") | tag!("table"))
                    }) => {}
            Hint::Boilerplate if self.strict && !(c.links[id] <= 1 && len < 200 && len > 0) => {
                return true;
            }
            _ if len < 300
                && dom
                    .attr(id, "class")
                    .is_some_and(|v| contains_ignore_ascii_case(v, "paywall")) =>
            {
                // A short box under a paywall class is the nag ("2 free
                // articles left", "See offers"); a long one is the walled
                // text itself, which publishers mark the same way.
                return true;
            }
            // Bylines, datelines and tag lists: short by nature; a long
            // element with such a class is a misnamed container.
            Hint::Meta if len < 200 => return true,
            _ => {}
        }
        let div = tag!("div");
        let name = dom.name(id).unwrap_or(&div);
        match *name {
            tag!("p")
            | tag!("pre")
            | tag!("h1")
            | tag!("h2")
            | tag!("h3")
            | tag!("h4")
            | tag!("h5")
            | tag!("h6")
            | tag!("blockquote")
            | tag!("figure")
            | tag!("img")
            | tag!("picture")
            | tag!("table")
            | tag!("tr")
            | tag!("td")
            | tag!("th")
            | tag!("tbody") => false,
            tag!("form") => len < 200 || c.link_density(id) > 0.5,
            tag!("ul") | tag!("ol") => {
                // Link lists: menus, "more stories", tag clouds (three links
                // and mostly link text; a list of sources in prose survives).
                (c.links[id] >= 3
                    && c.link_density(id) > 0.5
                    && !self.holds_footnotes(id)
                    && !self.annotated_links(id))
                    // Tiles of linked pictures with no words at all: a
                    // teaser grid. A gallery links its pictures to their
                    // image files and stays.
                    || (c.links[id] >= 3 && len == 0 && !self.links_to_images(id))
            }
            tag!("li") => false,
            _ if is_inline(name) => false,
            _ => {
                // Containers made mostly of links are navigation or teasers:
                // two-thirds link text at any size, or many links making up
                // almost half of a block too short to be an article section
                // (a "more stories" rail with one-line summaries).
                ((c.links[id] >= 2 && c.link_density(id) > 0.65)
                    || (c.links[id] >= 6 && c.link_density(id) > 0.45 && len < 1500))
                    && !self.holds_footnotes(id)
            }
        }
    }

    fn flush(&mut self, p: &mut Para, out: &mut Vec<Block>) {
        if !p.has_content() {
            p.take();
            return;
        }
        let mut inl = trim_inlines(p.take());
        // The headline printed again on top of the body's first lines
        // ("Headline<br>Written by …"): that line is the title's.
        if !self.seen_prose {
            if let (Some(title), Some(br)) = (
                self.title.as_deref(),
                inl.iter().position(|i| matches!(i, Inline::LineBreak)),
            ) {
                if normalise(&inlines_text(&inl[..br])) == title {
                    inl.drain(..=br);
                    inl = trim_inlines(inl);
                }
            }
        }
        if inl.is_empty() {
            return;
        }
        let text = inlines_text(&inl);
        if is_furniture_text(&text) || is_byline(&text) || is_link_row(&inl) {
            return;
        }
        // Above the first real paragraph, a lone short link is the section
        // label (kicker) of the article, not its text.
        // (In a list, a one-link item is an item like the others.)
        if !self.seen_prose && is_lone_short_link(&inl) && !self.dom.is(self.container, &tag!("li"))
        {
            return;
        }
        if text.chars().count() >= 80 {
            self.seen_prose = true;
        }
        let key = normalise(&text);
        // Repeated paragraphs (a pull quote, a duplicated teaser) are written once.
        // Repeated paragraphs (a pull quote, a copy for mobile) are written
        // once; the same paragraph twice in one container is the author's.
        if key.len() >= 20 {
            match self.seen.get(&key) {
                Some(&c) if c != self.container => return,
                Some(_) => {}
                None => {
                    self.seen.insert(key, self.container);
                }
            }
        }
        out.push(Block::Paragraph(inl));
    }

    /// The children of `id` as blocks.
    fn blocks_of(&mut self, id: NodeId, out: &mut Vec<Block>, in_comments: bool) {
        let outer = std::mem::replace(&mut self.container, id);
        self.blocks_of_inner(id, out, in_comments);
        self.container = outer;
    }

    fn blocks_of_inner(&mut self, id: NodeId, out: &mut Vec<Block>, in_comments: bool) {
        let in_comments = in_comments || self.in_comments;
        let mut p = Para::new();
        for ch in self.dom.children(id) {
            if !in_comments && self.starts_epilogue(ch) {
                // "Related articles", "Mehr zum Thema", "Comments": what
                // follows in this container is not the article. Unless the
                // article goes on after the box: a "Read also" label in the
                // middle of the text heads one link, not the rest.
                if self.prose_follows(ch) {
                    continue;
                }
                break;
            }
            self.node(ch, &mut p, out, in_comments);
            if p.ends_with_double_break() {
                self.flush(&mut p, out);
            }
        }
        self.flush(&mut p, out);
    }

    /// Is `id` a heading (or a short label) that opens the part after the
    /// article: related links, "read more" boxes, the comment form?
    fn starts_epilogue(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(name) = dom.name(id) else {
            return false;
        };
        let len = self.c.text_len[id];
        // Labels are short; 60 characters also spares real subheadings
        // that merely start with "More".
        if len == 0 || len > 60 || self.c.drop[id] != Drop::No {
            return false;
        }
        let heading_like = matches!(
            *name,
            tag!("h2")
                | tag!("h3")
                | tag!("h4")
                | tag!("h5")
                | tag!("h6")
                | tag!("p")
                | tag!("div")
                | tag!("strong")
                | tag!("b")
                | tag!("span")
        );
        // A label followed by its link ("Lesen Sie auch: <a>…</a>") is an
        // inline box that stays where it stands, not the start of a list.
        let inline_box = !matches!(
            *name,
            tag!("h2") | tag!("h3") | tag!("h4") | tag!("h5") | tag!("h6")
        ) && (self.c.links[id] > 0
            || (is_inline(name) && self.followed_inline(id)));
        heading_like && !inline_box && is_epilogue_label(&dom.text_content(id))
    }

    /// Do two paragraphs of prose (120+ characters, few links) follow the
    /// label among its later siblings, past the box it heads? Comment and
    /// author labels never count: comments and biographies are prose too.
    /// 120 characters is two sentences, longer than any teaser line; two
    /// such paragraphs are more text than a related box carries (found on
    /// an Italian news page whose "Leggi anche" sits mid-article).
    fn prose_follows(&self, label: NodeId) -> bool {
        let dom = self.dom;
        let t = dom.text_content(label).to_lowercase();
        if [
            "comment",
            "komment",
            "reply",
            "conversation",
            "autor",
            "author",
            "auteur",
            "autore",
        ]
        .iter()
        .any(|w| t.contains(w))
        {
            return false;
        }
        // Two such paragraphs follow when the second-to-last of the
        // container's comes after the label.
        let Some(parent) = dom.parent(label) else {
            return false;
        };
        self.sibling_facts(parent)
            .second_last_prose
            .is_some_and(|p| p > self.c.pos[label])
    }

    /// A paragraph of prose for [`Builder::prose_follows`]: 120 characters
    /// or more, few links.
    fn is_prose_paragraph(&self, p: NodeId) -> bool {
        self.c.drop[p] == Drop::No && self.c.text_len[p] >= 120 && self.c.link_density(p) < 0.2
    }

    /// Is the next non-blank sibling inline content (the label's link)?
    fn followed_inline(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let mut n = dom.next_sibling(id);
        while let Some(x) = n {
            match dom.data(x) {
                NodeData::Text(t) if t.trim().is_empty() => {}
                NodeData::Text(_) => return true,
                NodeData::Element(e) => return is_inline(&e.name.local),
                _ => {}
            }
            n = dom.next_sibling(x);
        }
        false
    }

    /// One node in a flow context: inline content joins `p`, blocks flush it.
    fn node(&mut self, id: NodeId, p: &mut Para, out: &mut Vec<Block>, in_comments: bool) {
        let dom = self.dom;
        match dom.data(id) {
            NodeData::Text(t) => p.push_text(t),
            NodeData::Element(el) => {
                if self.formula(id, p, out) {
                    return;
                }
                if el.name.local == tag!("iframe") {
                    // Embedded videos and posts: a link to the original,
                    // written as an image the way Markdown clippers do.
                    if let Some(src) = dom.attr(id, "src").and_then(embed_url) {
                        self.flush(p, out);
                        out.push(Block::Figure(Figure {
                            image: Some(Image {
                                src,
                                ..Default::default()
                            }),
                            ..Default::default()
                        }));
                    }
                    return;
                }
                if self.skip(id, in_comments) {
                    return;
                }
                if el.name.local == tag!("code") && self.is_code_block(id) {
                    // `<code style="white-space: pre">` on lines of its own,
                    // or a `<code>` standing between blocks. Its indentation
                    // is the HTML source's, not the code's.
                    self.flush(p, out);
                    let text = dedent(&trim_code(&raw_text(dom, id)));
                    self.push_code(id, code_lang(dom, id), text, out);
                } else if (is_inline(&el.name.local) && !self.has_block_child(id))
                    || self.is_custom_inline(id)
                {
                    self.inline(id, p, out);
                } else if self.c.hint[id] == Hint::Caption
                    && !self.protected.contains(&id)
                    && !matches!(el.name.local, tag!("figure") | tag!("figcaption"))
                    && self.c.text_len[id] < 400
                {
                    // A caption outside <figure> markup: a caption-only
                    // figure, so it stays in Markdown and out of the text.
                    self.flush(p, out);
                    let mut cap = Para::new();
                    let mut scratch = Vec::new();
                    self.inline_children(id, &mut cap, &mut scratch);
                    let (caption, credit) = finish_caption(trim_inlines(cap.take()), Vec::new());
                    if !caption.is_empty() || !credit.is_empty() {
                        out.push(Block::Figure(Figure {
                            caption,
                            credit,
                            ..Default::default()
                        }));
                    }
                } else if self.c.hint[id] == Hint::Boilerplate && !self.protected.contains(&id) {
                    // A one-link box kept in the body ("Related article:
                    // <link>"): its label is shown in bold, as the example
                    // form writes it.
                    self.flush(p, out);
                    let start = out.len();
                    self.block(id, out);
                    if let Some(Block::Paragraph(inl)) = out.get_mut(start) {
                        embolden_label(inl);
                    }
                } else {
                    self.flush(p, out);
                    self.block(id, out);
                }
            }
            _ => {}
        }
    }

    /// A `<code>` outside `<pre>` that keeps its line breaks
    /// (`white-space: pre`) and holds several lines: a code block.
    fn is_code_block(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let pre_style = dom.attr(id, "style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("white-space:pre")
        });
        (pre_style && raw_text(dom, id).trim().contains('\n') || self.stands_between_blocks(id))
            && !dom.ancestors(id).any(|a| dom.is(a, &tag!("pre")))
            && !self.has_block_child(id)
    }

    /// Does this (inline) element stand on its own among block siblings,
    /// as a block does: no text or inline element beside it, at least one
    /// block sibling (`<p>…</p><code>…</code><p>…</p>`), and a parent that
    /// lays out blocks rather than a line of text (not `<p>`, `<li>`, a
    /// heading or a table cell)?
    fn stands_between_blocks(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let Some(parent) = dom.parent(id) else {
            return false;
        };
        if !dom.name(parent).is_some_and(|n| {
            matches!(
                *n,
                tag!("div")
                    | tag!("article")
                    | tag!("section")
                    | tag!("main")
                    | tag!("body")
                    | tag!("blockquote")
                    | tag!("figure")
                    | tag!("details")
            )
        }) {
            return false;
        }
        // Its likes beside it are blocks of the same kind (one code block
        // after another); text, or any other inline element, makes a line.
        let f = self.sibling_facts(parent);
        let blocks = f.code_blocks.saturating_sub(1);
        if f.flows {
            return false;
        }
        blocks > 0 && !raw_text(dom, id).trim().is_empty()
    }

    /// Does an inline element wrap block content (`<a><div>…</div></a>`)?
    fn has_block_child(&self, id: NodeId) -> bool {
        self.dom.children(id).any(|c| {
            self.dom
                .name(c)
                .is_some_and(|n| !is_inline(n) && *n != tag!("noscript"))
        })
    }

    fn block(&mut self, id: NodeId, out: &mut Vec<Block>) {
        if self.depth >= MAX_BUILD_DEPTH {
            // Too deep: keep the text, drop the structure.
            let t = self.dom.text_content(id);
            if !t.is_empty() {
                out.push(Block::Paragraph(vec![Inline::Text(t)]));
            }
            return;
        }
        self.depth += 1;
        self.block_inner(id, out);
        self.depth -= 1;
    }

    fn block_inner(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let dom = self.dom;
        let Some(name) = dom.name(id) else { return };
        match *name {
            tag!("p") => {
                let mut p = Para::new();
                for ch in dom.children(id) {
                    self.node(ch, &mut p, out, false);
                    if p.ends_with_double_break() {
                        self.flush(&mut p, out);
                    }
                }
                self.flush(&mut p, out);
            }
            tag!("h1") | tag!("h2") | tag!("h3") | tag!("h4") | tag!("h5") | tag!("h6") => {
                let level = name.as_bytes()[1] - b'0';
                let mut p = Para::new();
                self.inline_children(id, &mut p, out);
                let content = trim_inlines(p.take());
                if content.is_empty() {
                    return;
                }
                let text = normalise(&inlines_text(&content));
                if is_furniture_text(&text) {
                    return;
                }
                if !self.title_done && self.is_title(&text) {
                    self.title_done = true;
                    return;
                }
                if self.heads_footnotes(id, &text) || self.see_also(id, &text) {
                    // "Notes", "References": the notes follow as numbered
                    // paragraphs; the label adds nothing.
                    return;
                }
                if self
                    .seen
                    .insert(format!("h:{text}"), self.container)
                    .is_some()
                {
                    return;
                }
                // Above the first paragraph and the first heading, a
                // heading that is a whole sentence is the standfirst set
                // as a subtitle: a paragraph, not a section's title.
                if !self.seen_prose
                    && self.headings.is_empty()
                    && reads_as_sentence(&text, STANDFIRST_WORDS)
                {
                    self.seen_prose = true;
                    out.push(Block::Paragraph(content));
                    return;
                }
                self.headings.push(id);
                // The page's title is the only level-1 heading of the output.
                out.push(Block::Heading {
                    level: level.max(2),
                    content,
                });
            }
            tag!("ul") | tag!("ol") => {
                let ordered = *name == tag!("ol");
                let start = if ordered {
                    dom.attr(id, "start")
                        .and_then(|s| s.trim().parse::<u32>().ok())
                        .filter(|&s| s != 1)
                } else {
                    None
                };
                if self.is_footnote_list(id) {
                    self.footnote_list(id, out);
                    return;
                }
                if self.is_breadcrumb(id) {
                    return;
                }
                let mut items = Vec::new();
                let mut stray = Para::new();
                for ch in dom.children(id) {
                    if dom.is(ch, &tag!("li")) {
                        if self.skip(ch, false) {
                            continue;
                        }
                        let mut item = Vec::new();
                        self.blocks_of(ch, &mut item, false);
                        if !item.is_empty() {
                            items.push(item);
                        }
                    } else if dom.is_element(ch) {
                        // Lists nested directly in lists (invalid but common).
                        let mut item = Vec::new();
                        self.node(ch, &mut stray, &mut item, false);
                        self.flush(&mut stray, &mut item);
                        if !item.is_empty() {
                            items.push(item);
                        }
                    }
                }
                if !items.is_empty() {
                    out.push(Block::List(List {
                        ordered,
                        start,
                        items,
                    }));
                }
            }
            tag!("dl") => {
                for ch in dom.children(id) {
                    if dom.is(ch, &tag!("dt")) {
                        let mut p = Para::new();
                        self.inline_children(ch, &mut p, out);
                        let content = trim_inlines(p.take());
                        if !content.is_empty() {
                            out.push(Block::Paragraph(vec![Inline::Strong(content)]));
                        }
                    } else if dom.is_element(ch) && !self.skip(ch, false) {
                        self.blocks_of(ch, out, false);
                    }
                }
            }
            tag!("blockquote") => {
                let mut inner = Vec::new();
                self.blocks_of(id, &mut inner, false);
                if !inner.is_empty() {
                    out.push(Block::Quote(inner));
                }
            }
            tag!("pre") => self.listing(id, out),
            tag!("div") if self.is_div_listing(id) => self.listing(id, out),
            tag!("hr") => {
                if matches!(out.last(), Some(b) if !matches!(b, Block::Rule)) {
                    out.push(Block::Rule);
                }
            }
            tag!("table") => self.table(id, out),
            tag!("figure") => self.figure(id, out),
            tag!("noscript") => self.noscript(id, out),
            tag!("br") => {}
            _ => self.blocks_of(id, out, false),
        }
    }

    /// A preformatted listing as a code block.
    fn listing(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let mut text = String::new();
        self.pre_text(id, &mut text);
        let text = trim_code(&text);
        // The line-number column of a highlighter's table
        // (`<td class=gutter><pre>1\n2\n3</pre>`) is not code.
        if !text.trim().is_empty() && !is_line_numbers(&text) {
            self.push_code(id, code_lang(self.dom, id), text, out);
        }
    }

    /// A listing written as a `<div>` by documentation generators: a
    /// `code-block` class or a `data-lang`, text on several lines and no
    /// block inside.
    fn is_div_listing(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let named = dom.attr(id, "class").is_some_and(|c| {
            c.split_whitespace().any(|w| {
                w.eq_ignore_ascii_case("code-block") || w.eq_ignore_ascii_case("codeblock")
            })
        }) || dom
            .attr(id, "data-lang")
            .is_some_and(|l| !l.trim().is_empty());
        named && !self.has_block_child(id) && raw_text(dom, id).trim().contains('\n')
    }

    /// A breadcrumb trail above the article with no class to say so
    /// (`Home › Posts › This post`): before any prose, a list whose items
    /// but the last are each one short link, the first to the site's home
    /// page, and whose last item, the page itself, is plain text.
    fn is_breadcrumb(&self, id: NodeId) -> bool {
        // Crumbs are a word or two; 40 characters allows a section name.
        const CRUMB_CHARS: usize = 40;
        // The last item is the page's title: a line, not a paragraph.
        const LAST_CHARS: usize = 150;
        if self.seen_prose {
            return false;
        }
        let dom = self.dom;
        let items: Vec<NodeId> = dom.element_children(id).collect();
        let Some((last, crumbs)) = items.split_last() else {
            return false;
        };
        if crumbs.is_empty() || items.iter().any(|&li| !dom.is(li, &tag!("li"))) {
            return false;
        }
        let links = |li: NodeId| -> Vec<NodeId> {
            dom.descendants(li)
                .filter(|&d| dom.is(d, &tag!("a")))
                .collect()
        };
        let last_text = dom.text_content(*last);
        if !links(*last).is_empty() || last_text.trim().is_empty() || last_text.len() > LAST_CHARS {
            return false;
        }
        let mut home = false;
        for (i, &li) in crumbs.iter().enumerate() {
            let a = links(li);
            let [a] = a.as_slice() else { return false };
            let link_text = dom.text_content(*a);
            let all = dom.text_content(li);
            // Beside the link only separators ("›", "/").
            if link_text.trim().is_empty()
                || link_text.trim().chars().count() > CRUMB_CHARS
                || all.chars().filter(|c| c.is_alphanumeric()).count()
                    != link_text.chars().filter(|c| c.is_alphanumeric()).count()
            {
                return false;
            }
            if i == 0 {
                home = dom
                    .attr(*a, "href")
                    .and_then(|h| self.resolve(h).or(Some(h.to_string())))
                    .is_some_and(|h| match Url::parse(&h) {
                        Ok(u) => u.path() == "/" && u.query().is_none(),
                        Err(_) => h.trim() == "/",
                    });
            }
        }
        home
    }

    /// Does `id` hold sections of prose: two headings or more, and as many
    /// paragraphs, and no form? Page furniture (menus, share bars, related
    /// lists, newsletter boxes, cookie banners) is made of links, buttons
    /// and forms, with one heading at most.
    fn headed_prose(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let (mut headings, mut paragraphs) = (0, 0);
        for d in dom.descendants(id) {
            match dom.name(d) {
                Some(&tag!("h2")) | Some(&tag!("h3")) | Some(&tag!("h4")) | Some(&tag!("h5"))
                | Some(&tag!("h6")) => headings += 1,
                Some(&tag!("p")) if self.c.text_len[d] > 0 => paragraphs += 1,
                Some(&tag!("form")) | Some(&tag!("input")) | Some(&tag!("button")) => return false,
                _ => {}
            }
        }
        headings >= 2 && paragraphs >= 2
    }

    /// Is most of this list's items a link with words of its own beside it
    /// (`<a>Project One</a> - a cool project`)? Such a list describes what
    /// it links to, as an article's list does; menus and teaser rails are
    /// bare links.
    fn annotated_links(&self, id: NodeId) -> bool {
        // Three words say something about the link; a date or a
        // separator does not.
        const OWN_WORDS: usize = 3;
        let dom = self.dom;
        let (mut items, mut annotated) = (0, 0);
        for li in dom.element_children(id) {
            items += 1;
            let all = dom.text_content(li);
            let linked: usize = dom
                .descendants(li)
                .filter(|&d| dom.is(d, &tag!("a")))
                .map(|a| dom.text_content(a).split_whitespace().count())
                .sum();
            let own = all.split_whitespace().count().saturating_sub(linked);
            if own >= OWN_WORDS {
                annotated += 1;
            }
        }
        annotated * 2 > items
    }

    /// Write the code block of element `id`. Code elements that follow
    /// each other with nothing between them (whitespace, empty elements)
    /// are one listing cut into fragments (a command and its output, lines
    /// highlighted apart): they are written as one block.
    fn push_code(&mut self, id: NodeId, lang: Option<String>, text: String, out: &mut Vec<Block>) {
        let dom = self.dom;
        let mut prev = dom.prev_sibling(id);
        while let Some(n) = prev {
            let empty = match dom.data(n) {
                NodeData::Text(t) => t.trim().is_empty(),
                // An empty fragment (a blank line of the listing).
                NodeData::Element(_) => {
                    Some(n) != self.last_code
                        && dom.text_content(n).trim().is_empty()
                        && !dom.descendants(n).any(|d| {
                            dom.name(d).is_some_and(|x| {
                                matches!(
                                    *x,
                                    tag!("img")
                                        | tag!("svg")
                                        | tag!("iframe")
                                        | tag!("video")
                                        | tag!("picture")
                                )
                            })
                        })
                }
                _ => true,
            };
            if !empty {
                break;
            }
            prev = dom.prev_sibling(n);
        }
        if prev.is_some() && prev == self.last_code {
            if let Some(Block::Code { lang: l, text: t }) = out.last_mut() {
                if l.is_none() || lang.is_none() || *l == lang {
                    if l.is_none() {
                        *l = lang;
                    }
                    t.push('\n');
                    t.push_str(&text);
                    self.last_code = Some(id);
                    return;
                }
            }
        }
        out.push(Block::Code { lang, text });
        self.last_code = Some(id);
    }

    /// A list of footnotes or references: its items are the targets of
    /// in-page links (`<a href="#fn1">`), or its class says so.
    fn is_footnote_list(&self, id: NodeId) -> bool {
        let dom = self.dom;
        let items: Vec<NodeId> = dom
            .element_children(id)
            .filter(|&c| dom.is(c, &tag!("li")))
            .collect();
        if items.is_empty() {
            return false;
        }
        let named = |n: NodeId| has_class_word(dom, n, FOOTNOTE_CLASSES);
        if named(id) || dom.parent(id).is_some_and(named) {
            return true;
        }
        if self.targets.is_empty() {
            return false;
        }
        let referenced = items
            .iter()
            .filter(|&&li| {
                std::iter::once(li)
                    .chain(dom.descendants(li).take(12))
                    .any(|d| {
                        dom.attr(d, "id")
                            .or_else(|| dom.attr(d, "name"))
                            .is_some_and(|v| self.targets.contains(v))
                    })
            })
            .count();
        referenced * 3 >= items.len() * 2
    }

    /// Is `id` a footnote list, or a wrapper whose class says it holds the
    /// notes? Notes are often nothing but links to sources, yet they are
    /// the article's, not a link list.
    fn holds_footnotes(&self, id: NodeId) -> bool {
        let dom = self.dom;
        match dom.name(id) {
            Some(&tag!("ol")) | Some(&tag!("ul")) => self.is_footnote_list(id),
            _ => has_class_word(dom, id, FOOTNOTE_CLASSES),
        }
    }

    /// Footnotes as paragraphs (notes are not list items), without their
    /// back-links.
    fn footnote_list(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let dom = self.dom;
        let outer = std::mem::replace(&mut self.in_footnotes, true);
        for li in dom.element_children(id) {
            if !dom.is(li, &tag!("li")) || self.skip(li, false) {
                continue;
            }
            let mut item = Vec::new();
            self.blocks_of(li, &mut item, false);
            if item.is_empty() {
                continue;
            }
            out.extend(item);
        }
        self.in_footnotes = outer;
    }

    /// A link back from a note to where it is cited: "↩", "^", an empty
    /// anchor, or a class that says so.
    fn is_backlink(&self, id: NodeId) -> bool {
        let dom = self.dom;
        if has_class_word(dom, id, BACKLINK_CLASSES) {
            return true;
        }
        let t = dom.text_content(id);
        t.trim().chars().all(|c| {
            matches!(c, '↩' | '↑' | '^' | '⤴' | '↵' | '\u{fe0e}' | '\u{fe0f}') || c.is_whitespace()
        })
    }

    /// A "Notes"/"References" heading over footnotes: the next element is
    /// a footnote list, or starts with a note number (`<sup>1</sup>`, `[1]`,
    /// `1.`) or a link target.
    fn heads_footnotes(&self, id: NodeId, text: &str) -> bool {
        const LABELS: &[&str] = &[
            "notes",
            "footnotes",
            "endnotes",
            "references",
            "references and notes",
            "notes and references",
            "citations",
        ];
        if !LABELS.contains(&text.trim_end_matches(':')) {
            return false;
        }
        let dom = self.dom;
        let Some(n) = self.next_block(id) else {
            return false;
        };
        // Descend through wrappers to the first list or paragraph.
        let mut first = n;
        for _ in 0..4 {
            match dom.name(first) {
                // Footnote lists keep their heading, but for MediaWiki's
                // reference lists (`ol.references`, notes put together).
                Some(&tag!("ol")) | Some(&tag!("ul")) => {
                    return has_class_word(dom, first, &["references"])
                }
                Some(&tag!("div")) | Some(&tag!("section")) => {
                    match dom.element_children(first).next() {
                        Some(c) => first = c,
                        None => return false,
                    }
                }
                _ => break,
            }
        }
        let targeted = std::iter::once(first)
            .chain(dom.descendants(first).take(6))
            .any(|d| dom.attr(d, "id").is_some_and(|v| self.targets.contains(v)));
        if targeted {
            return true;
        }
        let lead = dom
            .children(first)
            .find(|&c| !dom.text(c).is_some_and(|t| t.trim().is_empty()));
        if lead.is_some_and(|c| dom.is(c, &tag!("sup"))) {
            return true;
        }
        let t = dom.text_content(first);
        let t = t.trim_start().trim_start_matches('[');
        let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
        (1..=3).contains(&digits) && t[digits..].starts_with([']', '.', ' ', '\u{a0}'])
    }

    /// The element after `id` (a heading), looking past whitespace and out
    /// of a wrapper that holds only the heading (`<div class=heading><h2>`).
    fn next_block(&self, id: NodeId) -> Option<NodeId> {
        let dom = self.dom;
        let blank = |n: NodeId| dom.text(n).is_some_and(|t| t.trim().is_empty());
        let mut cur = id;
        for _ in 0..3 {
            let mut next = dom.next_sibling(cur);
            while let Some(n) = next {
                if dom.is_element(n) {
                    return Some(n);
                }
                if !blank(n) {
                    return None;
                }
                next = dom.next_sibling(n);
            }
            // Nothing after the heading in its parent: go up one wrapper,
            // provided the wrapper holds nothing else.
            let p = dom.parent(cur)?;
            if dom.children(p).any(|c| c != cur && !blank(c)) || self.protected.contains(&p) {
                return None;
            }
            cur = p;
        }
        None
    }

    /// A "See also" heading over a list of links: both go (the list is
    /// marked to be skipped).
    fn see_also(&mut self, id: NodeId, text: &str) -> bool {
        if text.trim_end_matches(':') != "see also" {
            return false;
        }
        let Some(n) = self.next_block(id) else {
            return true;
        };
        let dom = self.dom;
        if matches!(
            dom.name(n),
            Some(&tag!("ul")) | Some(&tag!("ol")) | Some(&tag!("div"))
        ) && self.c.link_density(n) > 0.5
        {
            self.skip_nodes.insert(n);
            return true;
        }
        // The list was left out already (link density, class words).
        self.skip(n, false) || matches!(dom.name(n), Some(&tag!("h2")) | Some(&tag!("h3")))
    }

    /// Is this heading the page's title (left out: the title is written apart)?
    fn is_title(&self, text: &str) -> bool {
        let Some(title) = &self.title else {
            return false;
        };
        // The metadata title leaves out a heading's permalink sign ("Title¶").
        let text = text.trim_end_matches(['¶', '🔗', '⚓', '§']).trim_end();
        if text.is_empty() {
            return false;
        }
        if title == text {
            return true;
        }
        // The heading inside a longer title ("Kicker: Heading", "Heading |
        // Site") only where punctuation separates the rest: "Image
        // Deduplication" is not the title "Image Deduplication Test".
        let sep = |c: char| !c.is_alphanumeric();
        text.len() >= 15
            && title.match_indices(text).any(|(i, _)| {
                let before = title[..i].trim_end();
                let after = title[i + text.len()..].trim_start();
                (before.is_empty() || before.ends_with(sep))
                    && (after.is_empty() || after.starts_with(sep))
            })
    }

    fn inline_children(&mut self, id: NodeId, p: &mut Para, out: &mut Vec<Block>) {
        for ch in self.dom.children(id) {
            match self.dom.data(ch) {
                NodeData::Text(t) => p.push_text(t),
                NodeData::Element(_) if self.formula(ch, p, out) => {}
                NodeData::Element(_) if !self.skip(ch, false) => self.inline(ch, p, out),
                _ => {}
            }
        }
    }

    /// Write a formula as TeX (`$…$`, or `$$…$$` in a paragraph of its
    /// own when displayed) when `id` is one; the rendered glyphs beside
    /// the TeX (KaTeX's HTML, MathJax's spans) are hidden from readers or
    /// dropped as scripts, so this is the only copy. Is `id` a formula?
    fn formula(&mut self, id: NodeId, p: &mut Para, out: &mut Vec<Block>) -> bool {
        let Some((tex, display)) = formula_tex(self.dom, id) else {
            return false;
        };
        if display {
            self.flush(p, out);
            out.push(Block::Paragraph(vec![Inline::Math { tex, display }]));
        } else {
            p.push(Inline::Math { tex, display });
        }
        true
    }

    /// An element in inline context.
    fn inline(&mut self, id: NodeId, p: &mut Para, out: &mut Vec<Block>) {
        let dom = self.dom;
        let Some(name) = dom.name(id) else {
            if let Some(t) = dom.text(id) {
                p.push_text(t);
            }
            return;
        };
        if self.depth >= MAX_BUILD_DEPTH {
            p.push_text(&dom.text_content(id));
            return;
        }
        self.depth += 1;
        match *name {
            tag!("br") => p.push(Inline::LineBreak),
            tag!("img") => {
                if let Some(tex) = math_image_tex(dom, id) {
                    // A formula drawn as a picture: its TeX is the content.
                    p.push(Inline::Math {
                        tex,
                        display: false,
                    });
                } else if let Some(img) = self.image(id) {
                    if !p.links_image_to(&img.src) {
                        p.push(Inline::Image(img));
                    }
                }
            }
            tag!("picture") => {
                if let Some(img) = self.picture(id) {
                    p.push(Inline::Image(img));
                }
            }
            tag!("strong") | tag!("b") => self.wrapped(id, p, out, Inline::Strong),
            tag!("em") | tag!("i") | tag!("cite") => self.wrapped(id, p, out, Inline::Emphasis),
            tag!("code") | tag!("kbd") | tag!("samp") | tag!("tt") => {
                // A `<br>` inside breaks the line as it does anywhere
                // (`<code>rehash<br>which openssl</code>` is two lines,
                // not "rehashwhich"): one code span per line.
                let mut first = true;
                for line in code_lines(dom, id) {
                    let t = collapse_whitespace(&line);
                    if t.is_empty() {
                        continue;
                    }
                    if !first {
                        p.push(Inline::LineBreak);
                    } else if !p.space && starts_after_space(dom, id) {
                        p.push_text(" ");
                    }
                    first = false;
                    p.push(Inline::Code(t));
                    p.space = false;
                }
            }
            tag!("a") if self.in_footnotes && self.is_backlink(id) => {}
            tag!("span") | tag!("sup")
                if self.in_footnotes && has_class_word(dom, id, BACKLINK_CLASSES) => {}
            tag!("a") => {
                let href = dom.attr(id, "href").and_then(|h| self.resolve(h));
                let mut inner = Para {
                    items: Vec::new(),
                    space: p.space,
                };
                self.inline_children(id, &mut inner, out);
                let content = inner.items;
                let ends_space = inner.space;
                match href {
                    Some(href) if has_text(&content) => {
                        let (lead, content, trail) = split_edge_spaces(content);
                        p.push_edge(lead);
                        p.push(Inline::Link { href, content });
                        p.space = false;
                        p.push_edge(trail);
                    }
                    _ => {
                        for i in content {
                            match i {
                                Inline::Text(t) => p.push_text(&t),
                                other => p.push(other),
                            }
                        }
                        p.space = ends_space;
                    }
                }
            }
            tag!("sup") | tag!("sub") => {
                // Footnote markers that only link elsewhere ("[1]") are noise in text.
                self.inline_children(id, p, out);
            }
            _ if is_block_level(name) => {
                // A block laid out inside inline content (a caption's
                // heading and paragraph, a card's lines inside one link)
                // is still a line of its own to a reader: its words never
                // run into the text around it.
                p.push_text(" ");
                self.inline_children(id, p, out);
                p.push_text(" ");
            }
            _ => self.inline_children(id, p, out),
        }
        self.depth -= 1;
    }

    /// `<strong>`/`<em>` and friends: formatting around inline content.
    fn wrapped(
        &mut self,
        id: NodeId,
        p: &mut Para,
        out: &mut Vec<Block>,
        f: fn(Vec<Inline>) -> Inline,
    ) {
        let mut inner = Para {
            items: Vec::new(),
            space: p.space,
        };
        self.inline_children(id, &mut inner, out);
        let ends_space = inner.space;
        if !has_text(&inner.items) {
            for i in inner.items {
                p.push(i);
            }
            p.space = ends_space;
            return;
        }
        let (lead, content, trail) = split_edge_spaces(inner.items);
        p.push_edge(lead);
        p.push(f(content));
        p.space = false;
        p.push_edge(trail);
    }

    fn resolve(&self, href: &str) -> Option<String> {
        let h = href.trim();
        if h.is_empty() || h.starts_with("javascript:") || h == "#" {
            return None;
        }
        match self.base {
            Some(b) => b.join(h).ok().map(String::from),
            None => Some(h.to_string()),
        }
    }

    /// The best real source of an `<img>` (lazy-loading attributes first).
    fn image(&self, id: NodeId) -> Option<Image> {
        let dom = self.dom;
        let usable = |s: &str| {
            let s = s.trim();
            !s.is_empty()
                && !s.starts_with("data:")
                && !s.contains("blank.gif")
                && !s.contains("spacer.gif")
                && !s.contains("pixel.gif")
        };
        let mut src = None;
        for a in [
            "data-src",
            "data-lazy-src",
            "data-original",
            "data-url",
            "data-hi-res-src",
        ] {
            if let Some(v) = dom.attr(id, a).filter(|v| usable(v)) {
                src = Some(v.trim().to_string());
                break;
            }
        }
        if src.is_none() {
            for a in ["data-srcset", "srcset"] {
                if let Some(v) = dom
                    .attr(id, a)
                    .and_then(largest_in_srcset)
                    .filter(|v| usable(v))
                {
                    src = Some(v);
                    break;
                }
            }
        }
        if src.is_none() {
            src = dom
                .attr(id, "src")
                .filter(|v| usable(v))
                .map(|v| v.trim().to_string());
        }
        if src.is_none() {
            // Lazy loaders under other names (`data-image-loader`,
            // `data-full-src`): any attribute holding an image address.
            src = dom.element(id).and_then(|e| {
                e.attrs
                    .iter()
                    .map(|a| a.value.trim())
                    .find(|v| usable(v) && looks_like_image_url(v))
                    .map(str::to_string)
            });
        }
        let src = src?;
        // Tracking pixels and spacers.
        let tiny = |a: &str| {
            dom.attr(id, a)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .is_some_and(|v| v <= 2)
        };
        if tiny("width") || tiny("height") {
            return None;
        }
        let src = self.resolve(&src)?;
        Some(Image {
            src,
            alt: collapse_whitespace(dom.attr(id, "alt").unwrap_or("")),
            title: dom
                .attr(id, "title")
                .map(collapse_whitespace)
                .filter(|t| !t.is_empty()),
        })
    }

    /// The image of a `<picture>`: its `<img>`, or when that holds only a
    /// placeholder, the largest candidate of its first `<source>`.
    fn picture(&self, id: NodeId) -> Option<Image> {
        let dom = self.dom;
        let img = dom.find(id, &tag!("img"));
        if let Some(i) = img.and_then(|i| self.image(i)) {
            return Some(i);
        }
        let src = dom
            .element_children(id)
            .filter(|&c| dom.is(c, &tag!("source")))
            .find_map(|c| {
                ["srcset", "data-srcset"]
                    .iter()
                    .find_map(|a| dom.attr(c, a).and_then(largest_in_srcset))
                    .filter(|v| !v.starts_with("data:"))
            })?;
        Some(Image {
            src: self.resolve(&src)?,
            alt: img
                .and_then(|i| dom.attr(i, "alt"))
                .map(collapse_whitespace)
                .unwrap_or_default(),
            title: None,
        })
    }

    /// `<noscript>` in the body: only the images lazy-loading pages put there.
    fn noscript(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let dom = self.dom;
        // The image is already shown by a sibling `<img>`.
        if dom
            .parent(id)
            .is_some_and(|parent| self.sibling_facts(parent).shows_image)
        {
            return;
        }
        if let Some(img) = dom.find(id, &tag!("img")).and_then(|i| self.image(i)) {
            out.push(Block::Figure(Figure {
                image: Some(img),
                ..Default::default()
            }));
        }
    }

    fn figure(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let dom = self.dom;
        let mut fig = Figure::default();
        let mut caption_node = None;
        let mut other_blocks = Vec::new();
        let mut it = dom.descendants(id);
        while let Some(d) = it.next() {
            if !dom.is_element(d) {
                continue;
            }
            if self.c.drop[d] != Drop::No && !dom.is(d, &tag!("noscript")) {
                it.skip_children();
                continue;
            }
            match dom.name(d) {
                Some(&tag!("picture")) if fig.image.is_none() => {
                    fig.image = self.picture(d);
                    it.skip_children();
                }
                Some(&tag!("img")) if fig.image.is_none() => fig.image = self.image(d),
                Some(&tag!("figcaption")) => {
                    caption_node = Some(d);
                    it.skip_children();
                }
                Some(&tag!("pre")) | Some(&tag!("table")) | Some(&tag!("blockquote")) => {
                    // Code listings and tables wrapped in <figure>.
                    self.block(d, &mut other_blocks);
                    it.skip_children();
                }
                _ => {}
            }
        }
        if let Some(cap) = caption_node {
            let (caption, credit) = self.caption(cap);
            fig.caption = caption;
            fig.credit = credit;
        }
        if let Some(cap_text) =
            (!fig.caption.is_empty()).then(|| normalise(&inlines_text(&fig.caption)))
        {
            if cap_text.len() >= 20 && self.seen.insert(cap_text, id).is_some() {
                fig.caption.clear();
            }
        }
        let has_fig = fig.image.is_some() || !fig.caption.is_empty() || !fig.credit.is_empty();
        if other_blocks.is_empty() {
            if has_fig {
                out.push(Block::Figure(fig));
            }
        } else {
            out.extend(other_blocks);
            if !fig.caption.is_empty() {
                out.push(Block::Paragraph(fig.caption));
            }
        }
    }

    /// Split a `<figcaption>` into caption and credit. The credit is an
    /// element whose class names it (credit, copyright, source, author,
    /// photographer), or a `<small>`/`<cite>` at the end.
    fn caption(&mut self, cap: NodeId) -> (Vec<Inline>, Vec<Inline>) {
        let dom = self.dom;
        let mut credit_node = None;
        for d in dom.descendants(cap) {
            if !dom.is_element(d) {
                continue;
            }
            let class = format!(
                "{} {}",
                dom.attr(d, "class").unwrap_or(""),
                dom.attr(d, "itemprop").unwrap_or("")
            )
            .to_ascii_lowercase();
            if [
                "credit",
                "copyright",
                "source",
                "author",
                "photographer",
                "byline",
                "courtesy",
            ]
            .iter()
            .any(|w| class.contains(w))
            {
                credit_node = Some(d);
                break;
            }
        }
        if credit_node.is_none() {
            if let Some(last) = dom.element_children(cap).last() {
                if (dom.is(last, &tag!("small")) || dom.is(last, &tag!("cite")))
                    && dom
                        .next_sibling(last)
                        .is_none_or(|n| dom.text(n).is_some_and(|t| t.trim().is_empty()))
                {
                    credit_node = Some(last);
                }
            }
        }
        let mut p = Para::new();
        let mut scratch = Vec::new();
        let mut credit = Vec::new();
        for ch in dom.children(cap) {
            if Some(ch) == credit_node {
                continue;
            }
            match dom.data(ch) {
                NodeData::Text(t) => p.push_text(t),
                NodeData::Element(_) => {
                    // Caption and credit spans side by side are laid out
                    // apart (as blocks, by the page's style): "…KPMG." and
                    // "Photo : Radio-Canada" are not one word.
                    if !p.space && ends_sentence_inlines(&p.items) {
                        p.push_text(" ");
                    }
                    if credit_node.is_some_and(|cn| dom.ancestors(cn).any(|a| a == ch)) {
                        // The credit is nested: take the rest of this child's text.
                        for g in dom.children(ch) {
                            if Some(g) != credit_node {
                                self.inline(g, &mut p, &mut scratch);
                            }
                        }
                    } else if !self.skip(ch, false) {
                        self.inline(ch, &mut p, &mut scratch);
                    }
                }
                _ => {}
            }
        }
        if let Some(cn) = credit_node {
            // "Credit…" and the name are often two spans.
            let t = dom.spaced_text(cn);
            if !t.is_empty() {
                credit.push(Inline::Text(t));
            }
        }
        finish_caption(trim_inlines(p.take()), credit)
    }

    fn table(&mut self, id: NodeId, out: &mut Vec<Block>) {
        let dom = self.dom;
        if !self.is_data_table(id) {
            // Layout table: its cells are containers.
            let mut it = dom.descendants(id);
            while let Some(d) = it.next() {
                match dom.name(d) {
                    Some(&tag!("td")) | Some(&tag!("th")) => {
                        if !self.skip(d, false) {
                            self.blocks_of(d, out, false);
                        }
                        it.skip_children();
                    }
                    Some(&tag!("table")) => {
                        self.table(d, out);
                        it.skip_children();
                    }
                    Some(&tag!("caption")) => {
                        self.blocks_of(d, out, false);
                        it.skip_children();
                    }
                    _ => {}
                }
            }
            return;
        }
        let mut table = Table::default();
        let mut it = dom.descendants(id);
        while let Some(d) = it.next() {
            match dom.name(d) {
                Some(&tag!("tr")) => {
                    let in_head = dom.parent(d).is_some_and(|p| dom.is(p, &tag!("thead")));
                    let mut row = Row::default();
                    let mut all_th = true;
                    for cell in dom.element_children(d) {
                        let is_th = dom.is(cell, &tag!("th"));
                        if !is_th && !dom.is(cell, &tag!("td")) {
                            continue;
                        }
                        all_th &= is_th;
                        let mut p = Para::new();
                        let mut scratch = Vec::new();
                        self.inline_children(cell, &mut p, &mut scratch);
                        let mut content = trim_inlines(p.take());
                        // Block content in a cell flattens to its text.
                        for b in scratch {
                            if !content.is_empty() {
                                content.push(Inline::LineBreak);
                            }
                            content.push(Inline::Text(block_plain(&b)));
                        }
                        let span = dom
                            .attr(cell, "colspan")
                            .and_then(|s| s.trim().parse::<usize>().ok())
                            .unwrap_or(1)
                            .clamp(1, 50);
                        row.cells.push(content);
                        for _ in 1..span {
                            row.cells.push(Vec::new());
                        }
                    }
                    row.header = in_head || (all_th && !row.cells.is_empty());
                    if !row.cells.is_empty() {
                        table.rows.push(row);
                    }
                    it.skip_children();
                }
                Some(&tag!("table")) => it.skip_children(),
                Some(&tag!("caption")) => {
                    let t = dom.text_content(d);
                    if !t.is_empty() {
                        out.push(Block::Paragraph(vec![Inline::Emphasis(vec![
                            Inline::Text(t),
                        ])]));
                    }
                    it.skip_children();
                }
                _ => {}
            }
        }
        if !table.rows.is_empty() {
            out.push(Block::Table(table));
        }
    }

    /// Data tables have headers, or a grid of short inline cells; layout
    /// tables hold blocks, nested tables, or a single column.
    fn is_data_table(&self, id: NodeId) -> bool {
        let dom = self.dom;
        if dom
            .attr(id, "role")
            .is_some_and(|r| r == "presentation" || r == "none")
        {
            return false;
        }
        let mut rows = 0usize;
        let mut max_cols = 0usize;
        let mut has_th = false;
        for d in dom.descendants(id) {
            match dom.name(d) {
                Some(&tag!("table")) => return false,
                Some(&tag!("caption")) | Some(&tag!("thead")) => has_th = true,
                Some(&tag!("tr")) => {
                    rows += 1;
                    let cols = dom
                        .element_children(d)
                        .filter(|&c| dom.is(c, &tag!("td")) || dom.is(c, &tag!("th")))
                        .count();
                    max_cols = max_cols.max(cols);
                }
                Some(&tag!("th")) => has_th = true,
                Some(&tag!("div"))
                | Some(&tag!("p"))
                | Some(&tag!("ul"))
                | Some(&tag!("ol"))
                | Some(&tag!("h1"))
                | Some(&tag!("h2"))
                | Some(&tag!("h3"))
                | Some(&tag!("article"))
                | Some(&tag!("section"))
                | Some(&tag!("form"))
                | Some(&tag!("iframe"))
                    // Block content: a layout table, unless the table is
                    // clearly tabular (header cells over several columns).
                    if !(has_th && max_cols >= 2) && self.c.text_len[d] > 100 =>
                {
                    return false;
                }
                _ => {}
            }
        }
        if max_cols < 2 || rows < 1 {
            return false;
        }
        has_th || (rows >= 2 && self.c.text_len[id] as usize / (rows * max_cols).max(1) < 200)
    }

    /// Raw text of a `<pre>`, with `<br>` as newlines.
    fn pre_text(&self, id: NodeId, out: &mut String) {
        let dom = self.dom;
        let mut it = dom.descendants(id);
        while let Some(d) = it.next() {
            match dom.data(d) {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element(e) => {
                    if e.name.local == tag!("br") {
                        out.push('\n');
                    } else if self.c.drop[d] != Drop::No {
                        it.skip_children();
                    } else if matches!(e.name.local, tag!("div") | tag!("p"))
                        && !out.is_empty()
                        && !out.ends_with('\n')
                    {
                        // Line-per-div code viewers.
                        out.push('\n');
                    }
                }
                _ => {}
            }
        }
    }
}

/// Words of a heading that is a standfirst: section titles are shorter
/// ("How the pier was built"); a subtitle summing up the story is a
/// sentence of ten or fifteen words.
pub(crate) const STANDFIRST_WORDS: usize = 8;

/// Is `text` a sentence: at least `min_words` words, ending with a full
/// stop (not an ellipsis: "Tell us what you think..." is a prompt)?
pub(crate) fn reads_as_sentence(text: &str, min_words: usize) -> bool {
    let t = text.trim();
    t.ends_with('.') && !t.ends_with("..") && t.split_whitespace().count() >= min_words
}

/// Does the inline run end with sentence punctuation?
fn ends_sentence_inlines(v: &[Inline]) -> bool {
    match v.last() {
        Some(Inline::Text(t)) => t.trim_end().ends_with(['.', '!', '?', ':', ')', '”', '"']),
        Some(Inline::Strong(c))
        | Some(Inline::Emphasis(c))
        | Some(Inline::Link { content: c, .. }) => ends_sentence_inlines(c),
        _ => false,
    }
}

/// A figure's caption and credit as the example form wants them: a credit
/// without its label ("Credit…", "Photo:"), a credit written into the
/// caption's text split off, a file name given as caption left out.
fn finish_caption(mut caption: Vec<Inline>, mut credit: Vec<Inline>) -> (Vec<Inline>, Vec<Inline>) {
    if caption::is_file_name(&inlines_text(&caption)) {
        caption.clear();
    }
    if let [Inline::Text(t)] = credit.as_mut_slice() {
        // A credit element reads "Photo: Name" or "Credit... Name".
        if let Some(c) = caption::split_credit(t).filter(|c| t[..c.caption_end].trim().is_empty()) {
            *t = c.credit;
        }
    }
    if credit.is_empty() {
        // The credit inside the last text of the caption.
        if let Some(Inline::Text(last)) = caption.last() {
            let whole = inlines_text(&caption);
            if let Some(c) = caption::split_credit(&whole) {
                // The last inline's text ends the whole text.
                let offset = whole.len() - last.len();
                if c.caption_end >= offset {
                    let keep = c.caption_end - offset;
                    if let Some(Inline::Text(last)) = caption.last_mut() {
                        last.truncate(keep);
                    }
                    credit.push(Inline::Text(c.credit));
                    caption = trim_inlines(caption);
                }
            }
        }
    }
    (caption, credit)
}

/// Class words of footnote and reference lists.
const FOOTNOTE_CLASSES: &[&str] = &[
    "footnotes",
    "footnote",
    "footnotes-list",
    "endnotes",
    "references",
    "wp-block-footnotes",
    "easy-footnotes-wrapper",
    "ltx_biblist",
];

/// Class words of the links from a note back to its citation.
const BACKLINK_CLASSES: &[&str] = &[
    "footnote-backref",
    "footnote-back",
    "footnote-return",
    "reversefootnote",
    "mw-cite-backlink",
    "easy-footnote-to-top",
    "backref",
    "backlink",
];

/// Does the element's class list hold one of `words`?
fn has_class_word(dom: &Dom, id: NodeId, words: &[&str]) -> bool {
    dom.attr(id, "class").is_some_and(|c| {
        c.split_whitespace()
            .any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
    })
}

/// The fragment ids that links in the page point to (`href="#id"`, or the
/// page's own URL with a fragment).
fn link_targets(dom: &Dom, base: Option<&Url>) -> HashSet<String> {
    let mut out = HashSet::new();
    for d in dom.descendants(Dom::ROOT) {
        if !dom.is(d, &tag!("a")) {
            continue;
        }
        let Some(h) = dom.attr(d, "href") else {
            continue;
        };
        let Some((before, frag)) = h.trim().split_once('#') else {
            continue;
        };
        if frag.is_empty() {
            continue;
        }
        let same_page = before.is_empty()
            || base.is_some_and(|b| {
                b.join(before)
                    .is_ok_and(|u| u.host_str() == b.host_str() && u.path() == b.path())
            });
        if same_page {
            out.insert(frag.to_string());
        }
    }
    out
}

fn raw_text(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    dom.text_into(id, &mut s);
    s
}

/// The text of an inline code element, split at its `<br>`s.
fn code_lines(dom: &Dom, id: NodeId) -> Vec<String> {
    let mut lines = vec![String::new()];
    for d in dom.descendants(id) {
        if let Some(t) = dom.text(d) {
            if let Some(last) = lines.last_mut() {
                last.push_str(t);
            }
        } else if dom.is(d, &tag!("br")) {
            lines.push(String::new());
        }
    }
    lines
}

/// Whether the text before `id` ends with whitespace in the source.
fn starts_after_space(dom: &Dom, id: NodeId) -> bool {
    dom.prev_sibling(id)
        .and_then(|p| dom.text(p))
        .is_some_and(|t| t.ends_with(char::is_whitespace))
}

fn has_text(v: &[Inline]) -> bool {
    v.iter().any(|i| match i {
        Inline::Text(t) => !t.trim().is_empty(),
        Inline::Code(_) | Inline::Image(_) | Inline::Math { .. } => true,
        Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => has_text(c),
        Inline::LineBreak => false,
    })
}

/// Move spaces at the edges of formatted content outside it, so that
/// `<b> bold </b>` renders as ` **bold** `.
fn split_edge_spaces(v: Vec<Inline>) -> (Edge, Vec<Inline>, Edge) {
    // Any space a browser shows, the no-break space included
    // (`<em>enjoying&nbsp;</em>the`): it separates words as much as a
    // space does, and is kept outside the element as one. A line break at
    // an edge (`<em>last line<br></em><em>next</em>`) is kept outside too.
    let lead = edge_of(v.iter(), false);
    let trail = edge_of(v.iter().rev(), true);
    (lead, trim_inlines(v), trail)
}

/// The edge met walking `it` inward from one end of an element's inside.
fn edge_of<'a>(it: impl Iterator<Item = &'a Inline>, at_end: bool) -> Edge {
    let mut e = Edge::None;
    for i in it {
        match i {
            Inline::LineBreak => e = Edge::Break,
            Inline::Text(t) if t.trim().is_empty() => e = e.max(Edge::Space),
            Inline::Text(t) => {
                let spaced = if at_end {
                    t.ends_with(char::is_whitespace)
                } else {
                    t.starts_with(char::is_whitespace)
                };
                if spaced {
                    e = e.max(Edge::Space);
                }
                break;
            }
            _ => break,
        }
    }
    e
}

impl Para {
    /// Write an edge taken from inside an element.
    fn push_edge(&mut self, e: Edge) {
        match e {
            Edge::None => {}
            Edge::Space => self.push_text(" "),
            Edge::Break => self.push(Inline::LineBreak),
        }
    }
}

/// Plain text of a block, for table cells.
fn block_plain(b: &Block) -> String {
    match b {
        Block::Paragraph(c) | Block::Heading { content: c, .. } => inlines_text(c),
        Block::Code { text, .. } => text.clone(),
        Block::List(l) => l
            .items
            .iter()
            .map(|i| i.iter().map(block_plain).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("; "),
        Block::Quote(v) => v.iter().map(block_plain).collect::<Vec<_>>().join(" "),
        Block::Table(_) | Block::Rule => String::new(),
        Block::Figure(f) => inlines_text(&f.caption),
    }
}

/// The largest candidate of a `srcset` (by `w` or `x` descriptor).
fn largest_in_srcset(v: &str) -> Option<String> {
    let mut best: Option<(f32, &str)> = None;
    for cand in v.split(',') {
        let mut parts = cand.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let size = parts
            .next()
            .and_then(|d| d.trim_end_matches(['w', 'x']).parse::<f32>().ok())
            .unwrap_or(1.0);
        if best.is_none_or(|(s, _)| size > s) {
            best = Some((size, url));
        }
    }
    best.map(|(_, u)| u.to_string())
}

/// The language of a code block, from `language-x`/`lang-x` classes on the
/// `<pre>` or its `<code>`, or a `data-lang` attribute.
fn code_lang(dom: &Dom, pre: NodeId) -> Option<String> {
    let code = dom
        .element_children(pre)
        .find(|&c| dom.is(c, &tag!("code")));
    // Highlighters put the language on a wrapper: `<div class="language-cpp
    // highlighter-rouge">`, `<figure class="highlight cpp">`.
    let wrappers = dom.ancestors(pre).take(5);
    for id in [Some(pre), code].into_iter().flatten().chain(wrappers) {
        if let Some(l) = dom
            .attr(id, "data-lang")
            .or_else(|| dom.attr(id, "data-language"))
        {
            let l = l.trim();
            if !l.is_empty() && l.len() < 30 {
                return Some(l.to_ascii_lowercase());
            }
        }
        if let Some(class) = dom.attr(id, "class") {
            let words: Vec<&str> = class.split_whitespace().collect();
            if dom.is(id, &tag!("figure")) && words.len() == 2 && words[0] == "highlight" {
                let l = words[1];
                if l.len() < 20
                    && l.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+#-_".contains(c))
                    && l != "plaintext"
                {
                    return Some(l.to_ascii_lowercase());
                }
            }
            for w in words {
                for prefix in ["language-", "lang-", "highlight-source-", "brush:"] {
                    if let Some(l) = w.strip_prefix(prefix) {
                        if !l.is_empty()
                            && l.len() < 30
                            && l.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "+#-_.".contains(c))
                        {
                            return Some(l.to_ascii_lowercase());
                        }
                    }
                }
            }
        }
    }
    None
}

/// The page an embedding `<iframe>` shows, for YouTube videos and X/Twitter
/// posts: `https://www.youtube.com/watch?v=ID`, `https://x.com/i/status/ID`.
fn embed_url(src: &str) -> Option<String> {
    let u = Url::parse(src.trim()).ok()?;
    let host = u.host_str()?.trim_start_matches("www.");
    let segs: Vec<&str> = u.path_segments()?.filter(|s| !s.is_empty()).collect();
    let ok_id = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    match host {
        "youtube.com" | "youtube-nocookie.com" | "m.youtube.com" => match segs.as_slice() {
            ["embed", id] if ok_id(id) => Some(format!("https://www.youtube.com/watch?v={id}")),
            _ => None,
        },
        "platform.twitter.com" => u
            .query_pairs()
            .find(|(k, _)| k == "id")
            .map(|(_, v)| v.into_owned())
            .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_digit()))
            .map(|id| format!("https://x.com/i/status/{id}")),
        "x.com" | "twitter.com" => match segs.as_slice() {
            [user, "status", id] if ok_id(user) && id.chars().all(|c| c.is_ascii_digit()) => {
                Some(format!("https://x.com/{user}/status/{id}"))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The TeX of a formula drawn as an image: the `alt` of a math image
/// (MediaWiki's fallback images, `latex` classes, or an alt written in
/// TeX), or the formula in a TeX-rendering service's address.
fn math_image_tex(dom: &Dom, id: NodeId) -> Option<String> {
    let alt = dom.attr(id, "alt").map(str::trim).unwrap_or("");
    let class = dom.attr(id, "class").unwrap_or("").to_ascii_lowercase();
    let classed = class.split_whitespace().any(|w| {
        w.starts_with("mwe-math")
            || w == "latex"
            || w == "tex"
            || w == "math"
            || w.starts_with("wp-latex")
    });
    if !alt.is_empty() && (classed || looks_like_tex(alt)) {
        return Some(collapse_whitespace(alt));
    }
    let src = dom.attr(id, "src")?.trim();
    let u = Url::parse(src).ok()?;
    // codecogs `?<tex>`, Google charts `chl=<tex>`, or a last path segment.
    let candidates = [
        u.query_pairs()
            .find(|(k, _)| k == "chl")
            .map(|(_, v)| v.into_owned()),
        u.query().map(percent_decode),
        u.path_segments()
            .and_then(|mut s| s.next_back())
            .map(percent_decode),
    ];
    candidates.into_iter().flatten().find(|t| looks_like_tex(t))
}

/// The TeX of a formula element, and whether it is displayed on a line of
/// its own: an element carrying its source in `data-math` (KaTeX as some
/// editors write it), MathML with a TeX annotation or `alttext` (KaTeX,
/// Wikipedia, temml). MathML without TeX is left out, as before: its text
/// is not readable as such. (MathJax's `<script type="math/tex">` bodies
/// are cut at parse time.)
fn formula_tex(dom: &Dom, id: NodeId) -> Option<(String, bool)> {
    let name = dom.name(id)?;
    let class_says_display = |n: NodeId| {
        dom.attr(n, "class").is_some_and(|c| {
            c.split_whitespace()
                .any(|w| w.contains("display") || w.contains("block"))
        })
    };
    if let Some(t) = dom.attr(id, "data-math").map(str::trim) {
        if !t.is_empty() {
            return Some((collapse_whitespace(t), class_says_display(id)));
        }
    }
    let tex = match *name {
        tag!("math") => dom
            .descendants(id)
            .find(|&d| {
                dom.name(d).is_some_and(|n| &**n == "annotation")
                    && dom
                        .attr(d, "encoding")
                        .is_some_and(|e| e.eq_ignore_ascii_case("application/x-tex"))
            })
            .map(|a| dom.text_content(a))
            .or_else(|| dom.attr(id, "alttext").map(str::to_string)),
        _ => None,
    }?;
    let tex = collapse_whitespace(tex.trim());
    if tex.is_empty() {
        return None;
    }
    let display = dom.attr(id, "display").is_some_and(|d| d.eq_ignore_ascii_case("block"))
        // KaTeX's `<span class="katex-display">` two levels up.
        || dom.ancestors(id).take(3).any(class_says_display);
    Some((tex, display))
}

/// TeX: a backslash command (`\frac`) or a braced script (`^{2}`, `_{i}`).
fn looks_like_tex(t: &str) -> bool {
    let b = t.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'\\' && w[1].is_ascii_alphabetic())
        || t.contains("^{")
        || t.contains("_{")
}

/// `%XX` escapes decoded (invalid UTF-8 replaced).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An absolute or root-relative address whose path ends in an image type.
fn looks_like_image_url(v: &str) -> bool {
    if v.contains(char::is_whitespace) || !(v.starts_with("http") || v.starts_with('/')) {
        return false;
    }
    let path = v
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
        .iter()
        .any(|e| path.ends_with(e))
}

/// Text made only of the numbers 1, 2, 3… one a line: a line-number gutter.
fn is_line_numbers(t: &str) -> bool {
    let mut n = 0u32;
    for line in t.lines() {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        match l.parse::<u32>() {
            Ok(v) if v == n + 1 => n = v,
            _ => return false,
        }
    }
    n >= 1
}

/// Drop leading and trailing blank lines of code, keep indentation.
fn trim_code(t: &str) -> String {
    let t = t.trim_end();
    let start = t
        .char_indices()
        .take_while(|(_, c)| c.is_whitespace())
        .filter(|(_, c)| *c == '\n')
        .last()
        .map_or(0, |(i, _)| i + 1);
    t[start..].to_string()
}

/// Remove the indentation common to all non-blank lines.
fn dedent(t: &str) -> String {
    let indent = t
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    if indent == 0 {
        return t.to_string();
    }
    t.lines()
        .map(|l| l.get(indent..).unwrap_or_else(|| l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whitespace-collapsed, case-folded text for comparisons.
pub fn normalise(t: &str) -> String {
    collapse_whitespace(t).to_lowercase()
}

#[cfg(test)]
mod tests {
    use crate::{Options, RenderOptions};

    const PROSE: &str = "The harbour town kept its old customs long after the railway came, \
        and the fishermen still mended their nets on the quay every morning before dawn, \
        talking about the weather, the prices at the market and the boats that had not come back.";

    /// The body Markdown (images on) of an article holding `inner`.
    fn body(inner: &str) -> String {
        markdown_of(&format!(
            "<html><head><title>Harbour notes</title></head><body><article>\
             <h1>Harbour notes</h1><p>{PROSE}</p>{inner}<p>{PROSE} Again.</p>\
             </article></body></html>"
        ))
    }

    #[test]
    fn closing_pull_quote_stays_but_a_closing_label_goes() {
        let md = body_ending(
            "<h4>The harbour master kept a second logbook. It told another story.</h4>",
        );
        assert!(md.contains("It told another story."), "{md}");
        let md = body_ending("<h3>Tell us what you think...</h3>");
        assert!(!md.contains("Tell us what"), "{md}");
        let md = body_ending("<h3>More from the coast</h3>");
        assert!(!md.contains("More from the coast"), "{md}");
    }

    #[test]
    fn back_links_share_prompts_and_disclosures_are_furniture() {
        for t in [
            "Zurück zur Übersicht",
            "Zurück zum Lexikon",
            "Zu allen Beiträgen",
            "Seite teilen",
            "Back to overview",
            "Für Links auf dieser Seite erhält GIGA ggf. eine Provision vom Händler.",
        ] {
            assert!(super::is_furniture_text(t), "{t}");
        }
        for t in [
            "Zurück zu den Wurzeln: wie ein Dorf seine Mühle wieder aufbaute und betreibt",
            "Back to school season starts in the first week of September this year.",
        ] {
            assert!(!super::is_furniture_text(t), "{t}");
        }
        let md = body_ending("<p><a href=\"/lexikon\">Zurück zum Lexikon</a></p>");
        assert!(!md.contains("Zurück zum Lexikon"), "{md}");
    }

    /// The body Markdown of an article that ends with `tail` (no prose after it).
    fn body_ending(tail: &str) -> String {
        markdown_of(&format!(
            "<html><head><title>Harbour notes</title></head><body><article>\
             <h1>Harbour notes</h1><p>{PROSE}</p><p>{PROSE} Again.</p>{tail}\
             </article></body></html>"
        ))
    }

    /// The body Markdown (images on) of a whole page.
    fn markdown_of(html: &str) -> String {
        let o = Options {
            url: Some("https://example.org/harbour".into()),
            ..Options::default()
        };
        #[allow(clippy::unwrap_used)]
        let ex = crate::extract_str(html, &o).unwrap();
        let ro = RenderOptions {
            images: true,
            ..RenderOptions::default()
        };
        crate::render::body_markdown(&ex, &ro)
    }

    #[test]
    fn headings_with_nothing_after_them_are_dropped() {
        let md = body_ending(
            "<hr><h3>Subscribe</h3><form><input type=email><button>Sign up</button></form>",
        );
        assert!(md.ends_with("Again."), "{md}");
        // Over a section the page hides (to be opened by a script), the
        // heading is what the reader sees: it stays.
        let md = body_ending("<h2>Tide tables</h2><div hidden><p>{PROSE}</p></div>");
        assert!(md.ends_with("## Tide tables"), "{md}");
    }

    #[test]
    fn notes_made_of_links_are_not_a_link_list() {
        let md = body(
            "<p>Three boats came back.<sup><a href=\"#fn-1\" id=\"r1\">1</a></sup></p>\
             <section class=\"footnotes\"><ol><li id=\"fn-1\"><p><a href=\"/a\">Gull</a>, \
             <a href=\"/b\">Tern</a> and <a href=\"/c\">Petrel</a>. \
             <a href=\"#r1\">↩</a></p></li></ol></section>",
        );
        assert!(md.contains("[Gull](https://example.org/a)"), "{md}");
    }

    #[test]
    fn footnote_lists_become_paragraphs_without_backlinks() {
        let md = body(
            "<p>A claim.<sup><a href=\"#fn:1\">1</a></sup> Another.<sup><a href=\"#fn:2\">2</a></sup></p>\
             <div class=\"notes\"><ol><li id=\"fn:1\"><p>First note. <a href=\"#fnref:1\">↩</a></p></li>\
             <li id=\"fn:2\"><p>Second note. <a href=\"#fnref:2\">↩</a></p></li></ol></div>",
        );
        assert!(md.contains("\n\nFirst note.\n\nSecond note.\n\n"), "{md}");
        assert!(!md.contains('↩'), "{md}");
        assert!(!md.contains("- First") && !md.contains("1. First"), "{md}");
    }

    #[test]
    fn ruby_keeps_the_base_text_without_its_reading() {
        let md = body("<p><ruby>漢字<rt>かんじ</rt></ruby>を<ruby>読<rp>(</rp><rt>よ</rt><rp>)</rp></ruby>む練習。</p>");
        assert!(md.contains("\n\n漢字を読む練習。\n\n"), "{md}");
    }

    #[test]
    fn text_is_composed_to_nfc() {
        // "Café" typed with a combining accent; Bengali য় as the single
        // U+09DF, which NFC writes as য + nukta (a composition exclusion).
        let md = body("<p>Cafe\u{301} and \u{9df} in one line.</p>");
        assert!(
            md.contains("Caf\u{e9} and \u{9af}\u{9bc} in one line."),
            "{md}"
        );
    }

    #[test]
    fn filing_lines_buttons_and_legal_footers_are_furniture() {
        let md = body(
            "<p><a href=\"/next\">Weiter »</a></p>\
             <p>Dieser Beitrag wurde am 3. Mai 2021 veröffentlicht und unter Garten abgelegt.</p>\
             <p>Was this article helpful? Yes / No</p>\
             <p>Impressum | Datenschutz | © 2021 Hafenblatt</p>\
             <p>(CC-BY 4.0) Impressum | Datenschutz</p>\
             <p>Gefällt mir Wird geladen …</p>\
             <p>Kapitän Jens Roe, Foto: Hafenarchiv</p>\
             <p>- Anzeige -</p>\
             <p>Sie sind aktuell nicht eingeloggt. Um einen Kommentar zu hinterlassen, loggen Sie sich ein.</p>\
             <h2>Eine Einschränkung ist «verschmerzbar»</h2>",
        );
        for gone in [
            "Weiter",
            "abgelegt",
            "helpful",
            "Impressum",
            "Gefällt",
            "eingeloggt",
        ] {
            assert!(!md.contains(gone), "{gone} in {md}");
        }
        // A heading that ends with a «quotation» is not a button.
        assert!(
            md.contains("## Eine Einschränkung ist «verschmerzbar»"),
            "{md}"
        );
    }

    #[test]
    fn a_span_holding_the_body_keeps_its_lists() {
        let html = format!(
            "<html><body><div><span class=\"gated\"><p>{PROSE}</p>\
             <ul><li>Mend the nets.</li><li>Sell the catch.</li></ul><p>{PROSE} Again.</p>\
             </span></div></body></html>"
        );
        let md = markdown_of(&html);
        assert!(md.contains("- Mend the nets.\n- Sell the catch."), "{md}");
    }

    #[test]
    fn a_div_listing_is_a_code_block() {
        let md = body(
            "<div class=\"code-block\" data-lang=\"http\">GET /items\nHost: example.org</div>",
        );
        assert!(
            md.contains("```http\nGET /items\nHost: example.org\n```"),
            "{md}"
        );
    }

    #[test]
    fn a_read_also_label_mid_article_does_not_end_it() {
        let md = body(&format!(
            "<h3>Read also</h3><ul><li><a href=\"/x\">Another story</a></li></ul>\
             <p>{PROSE} Later.</p><p>{PROSE} Later still.</p><h3>Comments</h3><p>{PROSE} A comment.</p>"
        ));
        assert!(md.contains("Later still."), "{md}");
        // A tag list under the article ends it.
        let md = body_ending("<h4>Schlagworte</h4><p><a href=\"/t/hafen\">Hafen</a></p>");
        assert!(
            !md.contains("Schlagworte") && !md.contains("Hafen]"),
            "{md}"
        );
        // A comment label still ends the article.
        assert!(!md.contains("A comment."), "{md}");
    }

    #[test]
    fn a_heading_is_the_title_only_up_to_punctuation() {
        let page = |title: &str| {
            markdown_of(&format!(
                "<html><head><title>{title}</title></head><body><article>\
                 <h1>Tide tables of the harbour</h1><p>{PROSE}</p><p>{PROSE} Again.</p>\
                 </article></body></html>"
            ))
        };
        // The site's name after a bar: the heading is the title, written once on top.
        assert!(!page("Tide tables of the harbour | Gazette").contains("## Tide"));
        // A longer title that merely starts with the heading's words.
        assert!(page("Tide tables of the harbour explained").contains("Tide tables of the harbour"));
    }

    #[test]
    fn plain_numbered_lists_stay_lists() {
        let md = body("<ol><li>Mend the nets.</li><li>Sell the catch.</li></ol>");
        assert!(md.contains("1. Mend the nets.\n2. Sell the catch."), "{md}");
    }

    #[test]
    fn notes_heading_over_loose_notes_is_dropped() {
        let md =
            body("<p>A claim.<sup>1</sup></p><h2>Notes</h2><p><sup>1</sup> The note itself.</p>");
        assert!(!md.contains("## Notes"), "{md}");
        assert!(md.contains("The note itself."), "{md}");
        // A "Notes" section of prose keeps its heading.
        let md = body("<h2>Notes</h2><p>The boats leave at six.</p>");
        assert!(md.contains("## Notes"), "{md}");
    }

    #[test]
    fn see_also_link_list_is_dropped() {
        let md = body(
            "<h2>See also</h2><ul><li><a href=\"/a\">Fishing</a></li>\
             <li><a href=\"/b\">Harbours</a></li><li><a href=\"/c\">Nets</a></li></ul>",
        );
        assert!(!md.contains("See also") && !md.contains("Fishing"), "{md}");
    }

    #[test]
    fn line_number_gutters_are_not_code() {
        let md = body(
            "<figure class=\"highlight cpp\"><table><tr><td class=\"gutter\"><pre>1<br>2<br></pre></td>\
             <td class=\"code\"><pre>int x = 1;<br>int y = 2;<br></pre></td></tr></table></figure>",
        );
        assert_eq!(md.matches("```").count(), 2, "{md}");
        assert!(md.contains("```cpp\nint x = 1;\nint y = 2;\n```"), "{md}");
        // Code that merely starts with a number stays.
        let md = body("<pre>1\n2\nfizz</pre>");
        assert!(md.contains("```\n1\n2\nfizz\n```"), "{md}");
    }

    #[test]
    fn preformatted_code_outside_pre_is_a_block() {
        let md = body("<div><code style=\"white-space: pre\">\nadd a\nadd b\n</code></div>");
        assert!(md.contains("```\nadd a\nadd b\n```"), "{md}");
        let md = body("<p>Run <code>make</code> first.</p>");
        assert!(md.contains("Run `make` first."), "{md}");
        // A `<code>` standing between paragraphs is a block, whatever its
        // style; its source indentation goes.
        let md = body("<code class=\"hl\">\n    let tide = high;\n  </code><p>After.</p>");
        assert!(md.contains("```\nlet tide = high;\n```"), "{md}");
        // Beside text or inside a list item it stays inline.
        let md = body("<div><code>make</code> builds it.</div><ul><li><code>make</code></li></ul>");
        assert!(
            md.contains("`make` builds it.") && md.contains("- `make`"),
            "{md}"
        );
    }

    #[test]
    fn adjacent_code_fragments_are_one_listing() {
        let md = body(
            "<div class=\"example\"><code class=\"hl\">tide.check()</code>\n\
             <pre class=\"hl output\">high</pre>\n<code class=\"hl\"><span>\n</span></code>\n\
             <code class=\"hl\">tide.next()</code><pre class=\"hl output\">low</pre></div>",
        );
        assert_eq!(md.matches("```").count(), 2, "{md}");
        assert!(md.contains("tide.check()\nhigh\ntide.next()\nlow"), "{md}");
        // Listings with prose between them stay apart.
        let md = body("<pre>one()</pre><p>Then:</p><pre>two()</pre>");
        assert_eq!(md.matches("```").count(), 4, "{md}");
    }

    #[test]
    fn placeholder_images_use_picture_sources_and_lazy_attributes() {
        let md = body(
            "<figure><picture><source srcset=\"/i/hero-small.webp 1x, /i/hero.webp 2x\">\
             <img src=\"data:image/gif;base64,R0lGOD\" alt=\"Hero\"></picture></figure>",
        );
        assert!(
            md.contains("![Hero](https://example.org/i/hero.webp)"),
            "{md}"
        );
        let md = body(
            "<p><img src=\"data:image/svg+xml,%3Csvg%3E\" data-image-loader=\"https://cdn.example.org/a.png\" alt=\"Map\"></p>",
        );
        assert!(md.contains("![Map](https://cdn.example.org/a.png)"), "{md}");
    }

    #[test]
    fn lightbox_copies_of_linked_pictures_are_dropped() {
        let md = body(
            "<div><a href=\"/i/boat.jpg\"><img src=\"/i/boat-small.jpg\"></a>\
             <img src=\"/i/boat.jpg\"></div>",
        );
        assert_eq!(md.matches("![").count(), 1, "{md}");
        assert!(
            md.contains(
                "[![](https://example.org/i/boat-small.jpg)](https://example.org/i/boat.jpg)"
            ),
            "{md}"
        );
    }

    #[test]
    fn breadcrumb_trails_are_dropped() {
        let md = |list: &str| {
            let html = format!(
                "<html><head><title>Harbour notes</title></head><body><main>{list}\
                 <p>{PROSE}</p><p>{PROSE} Again.</p></main></body></html>"
            );
            let o = Options {
                url: Some("https://example.org/notes/quay".into()),
                ..Options::default()
            };
            #[allow(clippy::unwrap_used)]
            let ex = crate::extract_str(&html, &o).unwrap();
            crate::render::body_markdown(&ex, &RenderOptions::default())
        };
        let m = md(
            "<ul><li><a href=\"/\">Home</a> ›</li><li><a href=\"/notes\">Notes</a> ›</li>\
                    <li>The quay at dawn</li></ul>",
        );
        assert!(!m.contains("quay at dawn"), "{m}");
        // A list that does not start at the home page stays.
        let m = md("<ul><li><a href=\"/nets\">Nets</a></li><li>Boats and their crews</li></ul>");
        assert!(m.contains("Boats and their crews"), "{m}");
    }

    #[test]
    fn lists_of_described_links_stay() {
        let md = body(
            "<ul><li><a href=\"/a\">Gull</a> - a bird of the harbour</li>\
             <li><a href=\"/b\">Tern</a> - a smaller bird that dives</li>\
             <li><a href=\"/c\">Petrel</a></li></ul>",
        );
        assert!(
            md.contains("- [Gull](https://example.org/a) - a bird"),
            "{md}"
        );
        // Bare links are a menu.
        let md = body(
            "<ul><li><a href=\"/a\">Gull</a></li><li><a href=\"/b\">Tern</a></li>\
             <li><a href=\"/c\">Petrel</a></li></ul>",
        );
        assert!(!md.contains("Gull"), "{md}");
    }

    #[test]
    fn one_link_list_items_above_the_prose_stay() {
        let html = format!(
            "<html><head><title>Harbour notes</title></head><body><main>\
             <p>Welcome.</p><h2>Boats</h2><ul><li><a href=\"/a\">Gull</a> - a bird of the harbour</li>\
             <li><a href=\"/b\">Tern</a> - a smaller bird that dives</li><li><a href=\"/c\">Petrel</a></li>\
             </ul><p>{PROSE}</p></main></body></html>"
        );
        #[allow(clippy::unwrap_used)]
        let ex = crate::extract_str(&html, &Options::default()).unwrap();
        let md = crate::render::body_markdown(&ex, &RenderOptions::default());
        assert!(md.contains("\n- [Petrel](/c)"), "{md}");
    }

    #[test]
    fn headed_prose_under_a_furniture_word_stays() {
        let md = body(
            "<div id=\"menu\"><h2>Starters</h2><p>Smoked mackerel on rye.</p>\
             <h2>Mains</h2><p>Cod with samphire and brown butter.</p></div>",
        );
        assert!(
            md.contains("## Starters") && md.contains("Cod with samphire"),
            "{md}"
        );
        // A box of one heading and links stays out.
        let md = body(
            "<div class=\"menu\"><h2>Sections</h2><p><a href=\"/a\">Boats</a></p>\
             <p><a href=\"/b\">Nets</a></p></div>",
        );
        assert!(!md.contains("Sections"), "{md}");
    }

    #[test]
    fn formulas_become_tex() {
        // KaTeX: the MathML copy carries the TeX, the HTML copy is hidden.
        let md = body(
            "<p>The tide rises as <span class=\"katex\"><span class=\"katex-mathml\"><math><semantics>\
             <mi>h</mi><annotation encoding=\"application/x-tex\">h_t = a\\sin t</annotation>\
             </semantics></math></span><span class=\"katex-html\" aria-hidden=\"true\">h t</span></span> \
             each day.</p>\
             <p><span class=\"math-block\" data-math=\"\\frac{a}{b}\"><span aria-hidden=\"true\">a b</span></span></p>",
        );
        assert!(md.contains("rises as $h_t = a\\sin t$ each day."), "{md}");
        assert!(md.contains("\n\n$$\\frac{a}{b}$$\n\n"), "{md}");
        // MathML with only `alttext`, displayed.
        let md = body("<div><math display=\"block\" alttext=\"x^2\"><msup><mi>x</mi><mn>2</mn></msup></math></div>");
        assert!(md.contains("$$x^2$$"), "{md}");
    }

    #[test]
    fn formula_images_become_tex() {
        let md = body(
            "<p>Solve <img class=\"mwe-math-fallback-image-inline\" src=\"/m/q.svg\" alt=\"ax^{2}+c=0\"> now, \
             or <img src=\"https://latex.codecogs.com/svg.image?%5Cfrac%7Ba%7D%7Bb%7D\">.</p>",
        );
        assert!(!md.contains("!["), "{md}");
        assert!(md.contains("$ax^{2}+c=0$"), "{md}");
        assert!(md.contains("$\\frac{a}{b}$"), "{md}");
        // An ordinary picture stays a picture.
        let md = body("<p><img src=\"/i/boat.jpg\" alt=\"A boat\"></p>");
        assert!(
            md.contains("![A boat](https://example.org/i/boat.jpg)"),
            "{md}"
        );
    }

    #[test]
    fn video_and_post_embeds_become_links_to_the_original() {
        let md = body(
            "<iframe src=\"https://www.youtube-nocookie.com/embed/abc_123\"></iframe>\
             <iframe src=\"https://platform.twitter.com/embed/Tweet.html?id=42\"></iframe>\
             <iframe src=\"https://ads.example.net/frame\"></iframe>",
        );
        assert!(
            md.contains("![](https://www.youtube.com/watch?v=abc_123)"),
            "{md}"
        );
        assert!(md.contains("![](https://x.com/i/status/42)"), "{md}");
        assert!(!md.contains("ads.example"), "{md}");
    }
}
