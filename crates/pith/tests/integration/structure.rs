//! Hand-written assertions per fixture: what the right answer is, as opposed
//! to the snapshots, which record what the code does. Each test names the
//! fixture it reads; the fixtures are fictional pages written for these tests.

use pith::{LinkMode, Options, RenderOptions};

use crate::util::{
    assert_has, assert_in_order, assert_lacks, assert_no_repeated_block, assert_once, blocks,
    excerpt, Fixture, Run,
};

fn run(name: &str) -> Run {
    Fixture::load(name).run()
}

/// The page was recognised as an article, with some confidence.
#[track_caller]
fn assert_article(r: &Run) {
    assert!(
        r.ex.article.is_some(),
        "no article found (confidence {})",
        r.ex.confidence
    );
    assert!(
        r.ex.confidence >= 0.5,
        "confidence {} below 0.5 for an article page",
        r.ex.confidence
    );
}

/// pith's Markdown form: `# Headline`, the date as `Month D, YYYY`, and the
/// `Original url:` footer with the address in angle brackets.
#[track_caller]
fn assert_frame(r: &Run, headline: &str, date_line: Option<&str>, url_prefix: &str) {
    let b = r.md_blocks();
    assert!(b.len() >= 4, "too few blocks in:\n{}", excerpt(&r.md));
    assert_eq!(b[0], format!("# {headline}"), "first block is the headline");
    assert_once(&r.md, headline);
    if let Some(d) = date_line {
        assert_eq!(b[1], d, "second block is the date");
    }
    let n = b.len();
    assert_eq!(b[n - 2], "Original url:", "footer label");
    assert!(
        b[n - 1].starts_with(&format!("<{url_prefix}")) && b[n - 1].ends_with('>'),
        "footer address {:?} should start with <{url_prefix}",
        b[n - 1]
    );
    assert_no_repeated_block(&r.md);
}

/// Each needle is a whole block of the Markdown, and they come in this order.
#[track_caller]
fn assert_blocks_in_order(md: &str, wanted: &[&str]) {
    let b = blocks(md);
    let mut at = 0;
    for w in wanted {
        match b[at..].iter().position(|x| x == w) {
            Some(p) => at += p + 1,
            None => panic!(
                "expected a block exactly {w:?} (after block {at}) in:\n{}",
                excerpt(md)
            ),
        }
    }
}

/// The GFM tables in `md`, as rows of trimmed cells (the delimiter row is
/// checked and left out).
fn gfm_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for line in md.lines().chain(std::iter::once("")) {
        let l = line.trim();
        if l.starts_with('|') && l.ends_with('|') && l.len() > 1 {
            cur.push(l);
            continue;
        }
        if cur.len() >= 2 {
            let delim = cur[1];
            let is_delim =
                delim.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) && delim.contains('-');
            if is_delim {
                let rows = cur
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != 1)
                    .map(|(_, row)| {
                        row[1..row.len() - 1]
                            .split('|')
                            .map(|c| c.trim().to_owned())
                            .collect()
                    })
                    .collect();
                tables.push(rows);
            }
        }
        cur.clear();
    }
    tables
}

/// The JSON renderer carries the same Markdown and text; the HTML renderer
/// writes paragraphs.
#[track_caller]
fn assert_renderers_agree(fx: &Fixture, r: &Run, paragraph: &str) {
    let json = r.ex.to_json(&fx.render);
    let obj = json.as_object().expect("to_json gives an object");
    let strings: Vec<&str> = obj.values().filter_map(|v| v.as_str()).collect();
    assert!(
        strings.contains(&r.md.as_str()),
        "to_json has no field equal to to_markdown"
    );
    assert!(
        strings.contains(&r.text.as_str()),
        "to_json has no field equal to to_text"
    );
    let html = r.ex.to_html(&fx.render);
    assert_has(&html, &["<p>", paragraph]);
    assert_has(&r.text, &[paragraph]);
    assert_lacks(&r.text, &["**", "](", "# "]);
}

// ---------------------------------------------------------------- news page

const NEWS: &str = "news-figure-credit";
const NEWS_URL: &str =
    "https://www.northernledger.example/2023/05/17/council-approves-floating-solar-farm-a4417";

#[test]
fn news_frame_caption_and_body() {
    let r = run(NEWS);
    assert_article(&r);
    assert_frame(
        &r,
        "Council Approves Floating Solar Farm on Glenmore Reservoir",
        Some("May 17, 2023"),
        NEWS_URL,
    );
    assert_eq!(
        r.md_blocks().last().copied(),
        Some(format!("<{NEWS_URL}>").as_str())
    );
    assert_blocks_in_order(
        &r.md,
        &[
            "Engineers inspect a trial row of panels on the Glenmore reservoir in April. **Marta Kowalczyk / Ledger Pictures**",
            "Harbour City councillors on Tuesday night approved plans for a floating solar farm on the Glenmore reservoir, clearing the way for construction to begin before the end of the year.",
            "The 14-hectare array, made up of roughly 26,000 panels anchored to the reservoir bed, is expected to generate enough electricity to run the city's water treatment works for most of the year, according to the utility behind the scheme.",
            "The vote passed 31 to 9 after a three-hour debate in which opponents raised concerns about birdlife, the view from the popular lakeside path and the cost of maintaining equipment on open water.",
            "\"This is the single biggest step we can take this decade to cut the running costs of our water supply,\" said the council's environment lead, Ruth Adebayo, who proposed the motion. \"Every unit we generate on the reservoir is a unit we don't buy from the grid.\"",
            "**Related article:** [Glenmore Reservoir Levels Fall to Five-Year Low](https://www.northernledger.example/2023/03/02/reservoir-levels-five-year-low-a4102)",
            "Floating arrays have become more common across Europe and Asia in recent years because they use space that would otherwise sit idle and because the water keeps the panels cool, which makes them slightly more efficient than panels on land.",
            "Local ornithologists had asked the council to delay the decision until a full survey of wintering ducks had been completed. The final plan leaves the northern third of the reservoir, where most birds gather, free of panels.",
            "Construction is due to start in October and take about seven months. The utility said the lakeside path would remain open throughout, apart from two short closures while the anchors are installed.",
            "Councillor Peter Lindgren, who voted against the plan, said he still had doubts about the long-term maintenance bill. \"Nobody around this table can tell me what these panels will look like after fifteen winters on the water,\" he said.",
            "The scheme is expected to cost £11.2 million, most of it borrowed against future savings on electricity. A public exhibition of the final design will be held at the Glenmore visitor centre next month.",
            "Original url:",
        ],
    );
}

#[test]
fn news_drops_boilerplate() {
    let r = run(NEWS);
    assert_article(&r);
    assert_lacks(
        &r.md,
        &[
            "Accept cookies",
            "We use cookies",
            "Manage preferences",
            "Skip to main content",
            "Rail strike",
            "Facebook",
            "WhatsApp",
            "Copy link",
            "Advertisement",
            "The Morning Ledger",
            "Start your day",
            "Sign me up",
            "Most read",
            "Swing bridge",
            "Harbour FC",
            "More from Environment",
            "Volunteers plant",
            "lakeside_walker",
            "Will the panels be visible",
            "About time.",
            "Fifteen winters is a fair question",
            "Join the discussion",
            "community guidelines",
            "Registered in England",
            "Privacy settings",
        ],
    );
    let article = r.ex.article.as_ref().expect("article");
    assert!(article.comments.is_empty(), "comments were not asked for");
}

#[test]
fn news_link_modes() {
    let fx = Fixture::load(NEWS);
    let ex = fx.extract();
    let strip = ex.to_markdown(&RenderOptions {
        links: LinkMode::Strip,
        images: false,
    });
    assert_has(
        &strip,
        &["**Related article:** [Glenmore Reservoir Levels Fall to Five-Year Low](#)"],
    );
    let drop = ex.to_markdown(&RenderOptions {
        links: LinkMode::Drop,
        images: false,
    });
    assert_has(
        &drop,
        &["**Related article:** Glenmore Reservoir Levels Fall to Five-Year Low"],
    );
    assert_lacks(&drop, &["](", "reservoir-levels-five-year-low-a4102"]);
}

#[test]
fn news_metadata() {
    let m = run(NEWS).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Council Approves Floating Solar Farm on Glenmore Reservoir")
    );
    assert!(
        m.date
            .as_deref()
            .is_some_and(|d| d.starts_with("2023-05-17")),
        "date {:?}",
        m.date
    );
    assert_eq!(m.authors, ["Eleanor Vance"]);
    assert_eq!(m.site_name.as_deref(), Some("The Northern Ledger"));
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    assert_eq!(
        m.image.as_deref(),
        Some("https://cdn.northernledger.example/img/2023/05/glenmore-panels-1200.jpg")
    );
    assert_eq!(m.canonical_url.as_deref(), Some(NEWS_URL));
    assert!(m.tags.iter().any(|t| t == "Energy"), "tags {:?}", m.tags);
    assert!(
        m.description
            .as_deref()
            .is_some_and(|d| d.starts_with("Councillors voted 31 to 9")),
        "description {:?}",
        m.description
    );
}

#[test]
fn news_renderers_agree() {
    let fx = Fixture::load(NEWS);
    let r = fx.run();
    assert_article(&r);
    assert_renderers_agree(
        &fx,
        &r,
        "Construction is due to start in October and take about seven months.",
    );
}

// ---------------------------------------------------------------- blog post

const BLOG: &str = "blog-code-table";

#[test]
fn blog_frame_and_headings() {
    let r = run(BLOG);
    assert_article(&r);
    assert_frame(
        &r,
        "Counting words without allocating",
        Some("January 9, 2024"),
        "https://priya.example/2024/01/09/counting-words/",
    );
    assert_in_order(
        &r.md,
        &[
            "Last week a colleague asked why our log summariser",
            "## The naive version",
            "## What changes",
            "## Steps, if you want to try it",
            "[the companion repository](https://priya.example/code/wordcount/)",
        ],
    );
    assert!(
        r.md.contains("*one line*") || r.md.contains("_one line_"),
        "emphasis lost:\n{}",
        excerpt(&r.md)
    );
    assert_has(
        &r.md,
        &["`cargo build --release`", "`HashMap<String, usize>`"],
    );
    assert_has(
        &r.md,
        &["> Measure before you change anything: the profile told me the hashing mattered less than I assumed."],
    );
    assert_lacks(
        &r.md,
        &[
            "Arena allocators in practice",
            "Profiling on macOS",
            "Webmentions",
            "Tagged:",
            "CC BY 4.0",
            "Mastodon",
        ],
    );
}

#[test]
fn blog_code_blocks_keep_language_and_indentation() {
    let r = run(BLOG);
    // The plain block.
    assert_has(
        &r.md,
        &["```rust\nfn count_into(text: &str, counts: &mut HashMap<String, usize>) {\n    let mut buf = String::new();\n    for word in text.split_whitespace() {\n        buf.clear();\n        buf.extend(word.chars().flat_map(char::to_lowercase));\n        if let Some(n) = counts.get_mut(buf.as_str()) {\n            *n += 1;\n        } else {\n            counts.insert(buf.clone(), 1);\n        }\n    }\n}\n```"],
    );
    // The syntax-highlighted block: spans gone, blank line and indentation kept.
    assert_has(
        &r.md,
        &["```rust\nuse std::collections::HashMap;\n\nfn count(text: &str) -> HashMap<String, usize> {\n    let mut counts = HashMap::new();\n    for word in text.split_whitespace() {\n        *counts.entry(word.to_lowercase()).or_insert(0) += 1;\n    }\n    counts\n}\n```"],
    );
    assert_once(&r.md, "fn count_into(");
}

#[test]
fn blog_nested_lists() {
    let r = run(BLOG);
    let line = |needle: &str| -> String {
        r.md.lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in:\n{}", excerpt(&r.md)))
            .to_owned()
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let bullet = |l: &str| {
        let t = l.trim_start();
        t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ")
    };
    let outer = line("The allocation per word:");
    let inner = line("look the word up by `&str` first, and only allocate on a miss;");
    assert!(
        bullet(&outer) && indent(&outer) == 0,
        "outer item {outer:?}"
    );
    assert!(
        bullet(&inner) && indent(&inner) >= 2,
        "inner item {inner:?}"
    );
    let hashing = line("Hashing: the default SipHash");
    assert!(
        bullet(&hashing) && indent(&hashing) == 0,
        "third outer item {hashing:?}"
    );
    // Ordered list with a nested ordered list.
    let first = line("Generate a test file with");
    assert!(first.starts_with("1. "), "ordered item {first:?}");
    let third = line("Compare the ");
    assert!(third.starts_with("3. "), "ordered item {third:?}");
    let nested = line("naive first,");
    assert!(
        indent(&nested) >= 3 && nested.trim_start().starts_with("1. "),
        "nested ordered item {nested:?}"
    );
    let nested2 = line("then each fix on its own.");
    assert!(
        indent(&nested2) >= 3 && nested2.trim_start().starts_with("2. "),
        "nested ordered item {nested2:?}"
    );
}

#[test]
fn blog_data_table_is_gfm() {
    let r = run(BLOG);
    let tables = gfm_tables(&r.md);
    assert_eq!(tables.len(), 1, "one table in:\n{}", excerpt(&r.md));
    let t = &tables[0];
    assert_eq!(
        t[0],
        ["Version", "Time (s)", "Peak memory (MB)", "Allocations"]
    );
    assert_eq!(t.len(), 5, "header and four rows");
    assert_eq!(t[1], ["Naive", "41.8", "4,310", "388 million"]);
    assert_eq!(t[3], ["Lookup first + BufReader", "16.9", "12", "9,418"]);
}

#[test]
fn blog_metadata() {
    let m = run(BLOG).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Counting words without allocating")
    );
    assert_eq!(m.authors, ["Priya Raman"]);
    assert!(
        m.date
            .as_deref()
            .is_some_and(|d| d.starts_with("2024-01-09")),
        "date {:?}",
        m.date
    );
    assert_eq!(m.site_name.as_deref(), Some("Priya's notebook"));
    assert_eq!(m.language.as_deref(), Some("en"));
}

// ------------------------------------------- <article> holding share/related

const WRAPPER: &str = "article-wrapper-share";

#[test]
fn wrapper_body_without_share_and_related() {
    let r = run(WRAPPER);
    assert_article(&r);
    assert_frame(
        &r,
        "Night-flying bees steer by the brightest stars, study finds",
        Some("August 23, 2022"),
        "https://fieldnotes.example/2022/08/23/night-bees/",
    );
    assert_in_order(
        &r.md,
        &[
            "A tropical sweat bee that forages in near-total darkness finds its way home by watching a handful of bright stars, according to research published this week.",
            "Researchers had long suspected that the bees used the faint pattern",
            "## A planetarium for insects",
            "When they rotated the projected sky by ninety degrees",
            "> We expected the Milky Way to matter most, because that is what dung beetles use. The bees simply ignored it.",
            "The researchers now plan to fit a few bees with tiny light sensors",
            "Original url:",
        ],
    );
    assert!(
        r.md.contains("*Megalopta*") || r.md.contains("_Megalopta_"),
        "emphasis lost"
    );
    assert_lacks(
        &r.md,
        &[
            "Share this:",
            "Twitter",
            "Facebook",
            "Reddit",
            "Print",
            "Related stories",
            "Dung beetles roll",
            "Why moths circle",
            "Bumblebees remember",
            "Kelp forests",
            "Frogs change their calls",
            "Leave a Reply",
            "Post Comment",
            "Recent Posts",
            "4 min read",
            "Tagged",
            "reader-supported",
        ],
    );
}

#[test]
fn wrapper_metadata() {
    let m = run(WRAPPER).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Night-flying bees steer by the brightest stars, study finds")
    );
    assert_eq!(m.authors, ["Daniel Osei"]);
    assert!(m
        .date
        .as_deref()
        .is_some_and(|d| d.starts_with("2022-08-23")));
    assert!(m
        .date_modified
        .as_deref()
        .is_some_and(|d| d.starts_with("2022-08-24")));
    assert_eq!(m.site_name.as_deref(), Some("Field Notes Science"));
}

// ------------------------------------------------- body split by ads/paywall

const SPLIT: &str = "split-paywall";

#[test]
fn split_body_is_joined_without_ads() {
    let r = run(SPLIT);
    assert_article(&r);
    assert_frame(
        &r,
        "Mill Street bakery marks a century of bread",
        Some("September 4, 2021"),
        "https://valleycourier.example/business/2021/09/04/mill-street-bakery-century",
    );
    assert_blocks_in_order(
        &r.md,
        &[
            "When Agnes Brandt opened a bakery on Mill Street in 1921, she sold three kinds of bread and closed at noon so she could get home to feed her chickens.",
            "A hundred years later, her great-grandson Felix still starts the ovens at 3 a.m., still sells the same dark rye from her recipe, and still closes early on Saturdays, though these days it is to coach his daughter's football team.",
            "\"People ask me what the secret is, and the honest answer is that we never tried to be anything else,\" Felix Brandt said on a recent morning, flour up to his elbows. \"We make bread. That's it.\"",
            "The bakery has survived two fires, a flood that filled the cellar with river water in 1955, and the arrival of three supermarkets within a mile of its door.",
            "Each time, regulars turned up with buckets and brooms, or simply kept buying bread. During the 1955 flood, the family baked in a neighbour's kitchen for six weeks and delivered loaves by rowing boat to houses on the low side of the street.",
            "The centenary celebrations on Saturday will include a free slice of the original rye for anyone who comes by before noon, and a display of old photographs lent by customers.",
            "Felix's mother, Ruth, who ran the shop for thirty years, still comes in on Thursdays to make the poppy-seed rolls that she says nobody else gets quite right.",
            "Asked whether there would be a fifth generation behind the counter, she laughed and pointed at her granddaughter, who was stacking paper bags by the till. \"Ask her in twenty years,\" she said.",
            "The Mill Street Bakery is open Tuesday to Saturday from 6 a.m. The centenary open day runs from 8 a.m. to 2 p.m. on Saturday, Sept. 11.",
            "Original url:",
        ],
    );
    assert_lacks(
        &r.md,
        &[
            "Advertisement",
            "free articles left",
            "See offers",
            "Subscribe",
            "Latest in Business",
            "Hardware store doubles",
            "Local journalism needs your support",
            "Share on Facebook",
            "Have a correction",
            "Staff Writer",
            "[Business](",
        ],
    );
}

#[test]
fn split_metadata() {
    let m = run(SPLIT).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Mill Street bakery marks a century of bread")
    );
    assert_eq!(m.authors, ["Jonah Whitfield"]);
    assert!(
        m.date
            .as_deref()
            .is_some_and(|d| d.starts_with("2021-09-04")),
        "date {:?}",
        m.date
    );
    assert_eq!(m.site_name.as_deref(), Some("Valley Courier"));
}

// ------------------------------------------------------------ lazy images

const LAZY: &str = "lazy-images";

#[test]
fn lazy_images_resolve_to_real_sources_once() {
    let r = run(LAZY);
    assert_article(&r);
    assert_frame(
        &r,
        "Walking the old salt road, three days and 62 kilometres",
        Some("October 2, 2020"),
        "https://wayfarer.example/walking/2020/10/old-salt-road",
    );
    assert_once(
        &r.md,
        "![Walkers crossing a high pass under low cloud](https://wayfarer.example/photos/salt-road/pass-1200.jpg)",
    );
    assert_once(
        &r.md,
        "![Close-up of worn paving stones set on edge](https://wayfarer.example/photos/salt-road/paving-",
    );
    assert_once(
        &r.md,
        "![Stone scales in the salt museum](https://wayfarer.example/photos/salt-road/museum-",
    );
    assert_lacks(
        &r.md,
        &[
            "data:image",
            "pixel.wayfarer.example",
            "placeholder",
            "cards/lighthouse.jpg",
            "Hut to hut",
            "From the Wayfarer shop",
            "Buy now",
        ],
    );
    let caption = r
        .md_blocks()
        .into_iter()
        .find(|b| b.contains("The route crosses the Collado de la Sal"))
        .expect("caption block");
    assert!(
        caption.starts_with(
            "The route crosses the Collado de la Sal at 1,410 metres on the second day. **"
        ) && caption.ends_with("Lucía Montero**"),
        "caption with bold credit: {caption:?}"
    );
    assert_in_order(
        &r.md,
        &[
            "The first marker is easy to miss",
            "This is the start of the old salt road",
            "The first day is the gentlest",
            "The second day is the reason to come.",
            "Water is the main difficulty.",
            "The third day descends gently",
            "## Practical details",
            "Distance: 62 km over three days",
            "Best season: April to June",
            "Original url:",
        ],
    );
}

#[test]
fn lazy_images_metadata() {
    let m = run(LAZY).ex.metadata;
    assert_eq!(m.authors, ["Lucía Montero"]);
    assert!(m
        .date
        .as_deref()
        .is_some_and(|d| d.starts_with("2020-10-02")));
    assert_eq!(
        m.image.as_deref(),
        Some("https://wayfarer.example/photos/salt-road/hero-1600.jpg")
    );
}

// ---------------------------------------------- German page, windows-1252

const GERMAN: &str = "german-windows-1252";

#[test]
fn german_is_decoded_as_windows_1252() {
    let fx = Fixture::load(GERMAN);
    assert_eq!(fx.extract().encoding, "windows-1252");
}

#[test]
fn german_body_and_boilerplate() {
    let r = run(GERMAN);
    assert_article(&r);
    assert_eq!(
        r.md_blocks()[0],
        "# Stadtrat beschließt zwölf neue Fahrradstraßen"
    );
    assert_in_order(
        &r.md,
        &[
            "Rheinböschen bekommt ein zusammenhängendes Netz aus Fahrradstraßen.",
            "Die Stadt rechnet mit Kosten von rund 1,8 Millionen €",
            "„Wir bauen keine einzelnen Radwege mehr, die irgendwo im Nichts enden“, sagte Baudezernentin Sabine Größer",
            "Die Opposition kritisierte vor allem den Wegfall von 140 Parkplätzen",
            "sagte die Vorsitzende Jutta Weiß.",
            "**Lesen Sie auch:** [Radverkehr in der Innenstadt hat sich seit 2019 verdoppelt](https://www.rheinboeschener-anzeiger.example/lokales/2023/02/radverkehr-zaehlung.html)",
            "Der Allgemeine Fahrrad-Club begrüßte den Beschluss als „überfällig“.",
            "Die ersten drei Straßen sollen noch vor den Sommerferien markiert werden.",
            "Original url:",
        ],
    );
    assert_lacks(
        &r.md,
        &[
            "Wir respektieren Ihre Privatsphäre",
            "Alle akzeptieren",
            "Einstellungen",
            "Anzeige",
            "Meistgelesen",
            "Hallenbad",
            "Artikel teilen",
            "Weitere Artikel",
            "Wochenmarkt",
            "Impressum",
            "Startseite",
            "\u{FFFD}",
        ],
    );
    assert_no_repeated_block(&r.md);
}

#[test]
fn german_metadata() {
    let m = run(GERMAN).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Stadtrat beschließt zwölf neue Fahrradstraßen")
    );
    assert_eq!(m.authors, ["Katharina Müller"]);
    assert!(m
        .date
        .as_deref()
        .is_some_and(|d| d.starts_with("2023-03-17")));
    assert_eq!(m.language.as_deref(), Some("de"));
    assert_eq!(m.site_name.as_deref(), Some("Rheinböschener Anzeiger"));
}

// --------------------------------------------- Russian page, dates in words

const RUSSIAN: &str = "russian-dates";

#[test]
fn russian_date_from_words() {
    let r = run(RUSSIAN);
    let m = &r.ex.metadata;
    assert!(
        m.date.as_deref().is_some_and(|d| d.starts_with("2022-02-28")),
        "date {:?}: the byline says 28 февраля 2022, the sidebar's newer dates are not the article's",
        m.date
    );
    assert_eq!(
        m.title.as_deref(),
        Some("В Заречье открыли новую трамвайную линию")
    );
    assert_eq!(m.authors, ["Анна Соколова"]);
    assert_eq!(m.language.as_deref(), Some("ru"));
    assert_eq!(m.site_name.as_deref(), Some("Городские вести"));
}

#[test]
fn russian_body() {
    let r = run(RUSSIAN);
    assert_article(&r);
    assert_frame(
        &r,
        "В Заречье открыли новую трамвайную линию",
        Some("February 28, 2022"),
        "https://vesti-zarechye.example/transport/tramvai-sosnovyi-48213/",
    );
    assert_in_order(
        &r.md,
        &[
            "В понедельник в Заречье открылось движение по новой трамвайной линии",
            "Длина линии составляет 7,4 километра",
            "«Жители Соснового много лет просили о нормальном транспорте.",
            "**Читайте также:** [Городу передали первые низкопольные вагоны](https://vesti-zarechye.example/transport/2021/11/12/novye-vagony/)",
            "На линии работают восемь новых низкопольных вагонов",
            "Строительство линии началось весной 2020 года",
            "Жители домов вдоль новой линии жаловались на шум",
            "Проезд в новом трамвае стоит столько же",
            "Original url:",
        ],
    );
    assert_lacks(
        &r.md,
        &[
            "Последние новости",
            "На мосту через Зарю",
            "Комментарии",
            "Наконец-то!",
            "Поделиться",
            "Просмотров",
            "Реклама",
            "Теги",
            "[Транспорт](",
            "Заречье: −4°",
        ],
    );
}

// ------------------------------------------------- JSON-LD @graph, 2 authors

const JSONLD: &str = "jsonld-graph";

#[test]
fn jsonld_metadata() {
    let m = run(JSONLD).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Port cranes go electric as diesel phase-out speeds up")
    );
    assert_eq!(m.authors, ["Tomás Ferreira", "Hannah Lindqvist"]);
    assert!(
        m.date
            .as_deref()
            .is_some_and(|d| d.starts_with("2021-11-04")),
        "date {:?}: the related box's newer dates are not the article's",
        m.date
    );
    assert!(
        m.date_modified
            .as_deref()
            .is_some_and(|d| d.starts_with("2021-11-05")),
        "date_modified {:?}",
        m.date_modified
    );
    assert_eq!(m.site_name.as_deref(), Some("Coastline Business Review"));
    assert_eq!(
        m.image.as_deref(),
        Some("https://coastline-review.example/images/2021/11/electric-crane.jpg")
    );
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://coastline-review.example/ports/2021/11/port-cranes-go-electric")
    );
    assert!(
        m.language.as_deref().is_some_and(|l| l.starts_with("en")),
        "language {:?}",
        m.language
    );
    assert!(
        m.description
            .as_deref()
            .is_some_and(|d| d.starts_with("Terminal operators are replacing diesel")),
        "description {:?}",
        m.description
    );
}

#[test]
fn jsonld_body() {
    let r = run(JSONLD);
    assert_article(&r);
    assert_frame(
        &r,
        "Port cranes go electric as diesel phase-out speeds up",
        Some("November 4, 2021"),
        "https://coastline-review.example/ports/2021/11/port-cranes-go-electric",
    );
    assert_in_order(
        &r.md,
        &[
            "Container terminals from Rotterdam to Busan are ripping out diesel engines",
            "Orders for electric rubber-tyred gantry cranes overtook diesel models",
            "## Grid connections are the bottleneck",
            "Manufacturers expect the next generation of batteries to remove that limitation within five years.",
        ],
    );
    assert_lacks(
        &r.md,
        &[
            "Related articles",
            "EU agrees shore power",
            "Fully automated terminal",
            "Hydrogen trucks",
            "December 9, 2021",
            "Ports & Power Summit",
            "Trending",
            "Freight rates",
            "Subscribe",
            // The section label and the byline belong to the metadata.
            "[Ports](",
            "By [Tomás Ferreira]",
            "Hannah Lindqvist](",
        ],
    );
}

// ------------------------------------------------------ pages without article

#[track_caller]
fn assert_no_article(name: &str) {
    let r = run(name);
    assert!(
        r.ex.article.is_none() || r.ex.confidence < 0.5,
        "{name}: expected no article or confidence < 0.5, got confidence {} and:\n{}",
        r.ex.confidence,
        excerpt(&r.md)
    );
}

#[test]
fn section_index_is_not_an_article() {
    assert_no_article("section-index");
}

#[test]
fn error_404_is_not_an_article() {
    assert_no_article("error-404");
}

// ------------------------------------------------------ layout table page

const LAYOUT: &str = "layout-table";

#[test]
fn layout_table_content_cell() {
    let r = run(LAYOUT);
    assert_article(&r);
    assert_eq!(r.md_blocks()[0], "# Restoring a 1962 valve radio");
    assert_once(&r.md, "Restoring a 1962 valve radio");
    // Paragraphs separated by <br><br> are separate paragraphs.
    assert_blocks_in_order(
        &r.md,
        &[
            "This radio turned up at a car boot sale for two pounds, with a cracked back panel and a mains lead that had been repaired with insulating tape in at least three places. The seller said it \"worked last time he tried it\", which in my experience means it has not been switched on since about 1979.",
            "It is a fairly ordinary five-valve superhet with long, medium and short wave bands, built in a wooden cabinet with a cream plastic dial. Nothing rare, but it is the same model my grandparents had in their kitchen, so it was always going to be restored rather than stripped for parts.",
            "**First rule: do not plug it in.** Old paper capacitors go leaky with age, and the smoothing electrolytics dry out. Switching on a set like this straight away is the quickest way to destroy the mains transformer or the rectifier, and both are much harder to find than the radio itself.",
            "I replaced every paper capacitor in the set with modern polyester ones of the same value and a higher voltage rating. The two electrolytics in the smoothing can were left in place for appearance but disconnected, with new ones wired in underneath the chassis.",
            "These are the parts I used. All are standard values and cost less than eight pounds in total:",
            "After that, I brought the set up slowly on a variac over about an hour, watching the current drawn. It settled at a sensible figure and the dial lamps came on at about 150 volts.",
            "Medium wave came in straight away, if a bit deaf. Long wave needed the oscillator trimmer adjusted before it would pick up anything at all. Short wave is still poor and I suspect the coil pack, which will be a job for another weekend.",
            "The cabinet took longer than the electronics. Three coats of shellac and a lot of patience have it looking close to how I remember my grandparents' one, and it now lives on a shelf in the workshop, playing the cricket commentary.",
            "Original url:",
        ],
    );
    assert_in_order(&r.md, &["Replacing the capacitors", "The result"]);
    assert_lacks(
        &r.md,
        &[
            "Valve data",
            "Bush DAC90",
            "Guestbook",
            "E-mail me",
            "You are visitor number",
            "best viewed at 800x600",
            "Previous: Murphy A122",
            "All projects",
            "Please ask before using them",
            "Written by Geoff Barrowclough",
        ],
    );
}

/// The 2004 page declares no language: the article's text gives it.
#[test]
fn layout_table_language_from_text() {
    let r = run(LAYOUT);
    assert_eq!(r.ex.metadata.language.as_deref(), Some("en"));
}

/// No share image in its metadata: the article's photo, not the banner
/// logo or the visitor counter.
#[test]
fn layout_table_image_from_the_article() {
    let r = run(LAYOUT);
    assert_eq!(
        r.ex.metadata.image.as_deref(),
        Some("http://www.wireless-workshop.example/images/ferguson-chassis.jpg")
    );
}

#[test]
fn layout_table_data_table_only() {
    let r = run(LAYOUT);
    let tables = gfm_tables(&r.md);
    assert_eq!(
        tables.len(),
        1,
        "only the parts list is a data table:\n{}",
        excerpt(&r.md)
    );
    let t = &tables[0];
    assert_eq!(t[0], ["Position", "Original", "Replacement"]);
    assert_eq!(
        t[1],
        ["C12, C14", "0.01µF 350V paper", "10nF 630V polyester"]
    );
    assert_eq!(t[3], ["C24", "32+32µF 350V can", "2 x 33µF 450V radial"]);
}

#[test]
fn layout_table_metadata() {
    let m = run(LAYOUT).ex.metadata;
    assert_eq!(m.title.as_deref(), Some("Restoring a 1962 valve radio"));
    assert_eq!(m.authors, ["Geoff Barrowclough"]);
    assert!(
        m.date
            .as_deref()
            .is_some_and(|d| d.starts_with("2004-03-12")),
        "date {:?}",
        m.date
    );
}

// ------------------------------------------------------ forum-like comments

const FORUM: &str = "forum-comments";

const FORUM_COMMENTS: [&str; 5] = [
    "We did the same on our site after the 2018 drought.",
    "Two each on average, linked with a bit of pipe at the top",
    "Straw mulch is the real hero here.",
    "Slugs love it though, so keep an eye out in a wet spell.",
    "Does the ban apply to drip irrigation on a timer as well, or only hoses?",
];

#[test]
fn forum_comments_follow_the_body() {
    let r = run(FORUM);
    assert_article(&r);
    assert_frame(
        &r,
        "Why our allotment society banned hosepipes, and what happened next",
        Some("July 28, 2022"),
        "https://plotandpail.example/society-news/2022/07/hosepipe-ban/",
    );
    let article = r.ex.article.as_ref().expect("article");
    assert!(!article.comments.is_empty(), "comments were asked for");
    let mut order = vec![
        "Two summers ago our society's committee did something that nearly caused a revolt",
        "What surprised everybody was how little the crops minded.",
        "which in our society is close to a miracle.",
    ];
    order.extend(FORUM_COMMENTS);
    order.push("Original url:");
    assert_in_order(&r.md, &order);
    assert_lacks(
        &r.md,
        &[
            "Upvote",
            "Report",
            "Reply",
            "Load more comments",
            "Sort by",
            "Add to the discussion",
            "Be kind.",
            "Best netting against pigeons",
            "Recent posts",
            "Open day raises",
            "Tags:",
            "Tweet",
        ],
    );
    for c in FORUM_COMMENTS {
        assert_once(&r.md, c);
    }
}

#[test]
fn forum_comments_off_by_default() {
    let mut fx = Fixture::load(FORUM);
    fx.options.comments = false;
    let r = fx.run();
    assert_article(&r);
    assert_has(&r.md, &["which in our society is close to a miracle."]);
    assert_lacks(&r.md, &FORUM_COMMENTS);
    let article = r.ex.article.as_ref().expect("article");
    assert!(article.comments.is_empty());
}

#[test]
fn forum_metadata() {
    let m = run(FORUM).ex.metadata;
    assert_eq!(
        m.title.as_deref(),
        Some("Why our allotment society banned hosepipes, and what happened next")
    );
    assert_eq!(m.authors, ["Bernadette Quinn"]);
    assert_eq!(m.site_name.as_deref(), Some("Plot & Pail"));
}

// ------------------------------------------------------ all article fixtures

const ARTICLES: [&str; 10] = [
    NEWS, BLOG, WRAPPER, SPLIT, LAZY, GERMAN, RUSSIAN, JSONLD, LAYOUT, FORUM,
];

#[test]
fn every_article_fixture_is_found_without_repeats() {
    for name in ARTICLES {
        let r = run(name);
        assert!(
            r.ex.article.is_some() && r.ex.confidence >= 0.5,
            "{name}: article {} confidence {}",
            r.ex.article.is_some(),
            r.ex.confidence
        );
        assert_no_repeated_block(&r.md);
        assert!(
            r.md.ends_with('\n') && !r.md.ends_with("\n\n"),
            "{name}: Markdown ends with exactly one newline"
        );
        assert!(!r.text.trim().is_empty(), "{name}: empty text");
    }
}

/// Class words that mislead: the opinion wrapper says "commentary" (a
/// genre, not a comment thread) and the body sits in the ad server's
/// `banners-…` wrapper. The body is found whole; the picture tiles after
/// it and the real comments are not.
#[test]
fn opinion_body_under_misleading_classes() {
    let r = run("opinion-misleading-classes");
    assert_article(&r);
    assert_frame(
        &r,
        "The ferry timetable is a promise the city keeps breaking",
        Some("March 11, 2024"),
        "https://www.harbour-gazette.example/",
    );
    assert_in_order(
        &r.md,
        &[
            "Every morning at a quarter past seven",
            "**Read also:** [Crew shortage leaves two ferries in dock]",
            "The council's own figures show",
            "check the board twice.",
        ],
    );
    assert_lacks(
        &r.md,
        &[
            "Your browser is out of date",
            "tile-regatta.jpg",
            "missed the early boat",
        ],
    );
}

/// A page builder's full-width bands (`band > container > row > column`,
/// with an empty row in each): both text bands are the article, and the
/// table band between them too; the call-to-action band after is not.
#[test]
fn article_in_bands_is_joined() {
    let r = run("article-in-bands");
    assert_article(&r);
    assert_frame(
        &r,
        "Ground-source heat: how the loop in your garden works",
        Some("October 2, 2023"),
        "https://www.heatpump-guild.example/",
    );
    assert_in_order(
        &r.md,
        &[
            "## Warmth stored in the ground",
            "A metre below the lawn",
            "| Loop type | Horizontal trench | Vertical borehole |",
            "## From a few degrees to a warm radiator",
            "a wet site better than a dry one.",
        ],
    );
    assert_lacks(
        &r.md,
        &["Thinking about a heat pump?", "written quote", "since 1998"],
    );
}

/// An infinite-scroll page holds the next story too, longer than the
/// page's own: the article headed by the page's title is the one given.
#[test]
fn infinite_scroll_gives_the_page_story() {
    let r = run("infinite-scroll");
    assert_article(&r);
    assert_frame(
        &r,
        "Bell tower reopens after two years of repairs",
        Some("May 18, 2024"),
        "https://valley-post.example/",
    );
    assert_has(&r.md, &["forty-two blocks of sandstone", "two euros"]);
    assert_lacks(&r.md, &["cycle lanes", "parking spaces"]);
}

/// A regional-paper article with no byline near the headline and no author
/// metadata, signed in bold at its end; and a credit line at the end of
/// another. The signature is the author; a bold "more topics" label is not.
#[test]
fn article_signed_at_its_end() {
    let body = "<p>The ice hockey club lost the semi-final in Tampere with three goals \
                against, two of them on the power play, and misses the final.</p>"
        .repeat(4);
    let signed = format!(
        "<html><body><nav><a href=/>Home</a></nav><article><h1>Club misses the final</h1>\
         {body}<p><b><i>Stefan Wasmer</i></b></p></article></body></html>"
    );
    let ex = pith::extract(signed.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(ex.metadata.authors, ["Stefan Wasmer"]);

    let credited = format!(
        "<html><body><article><h1>Club misses the final</h1>{body}\
         <p>Autoren Jana Berg und Ole Lund</p></article></body></html>"
    );
    let ex = pith::extract(credited.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(ex.metadata.authors, ["Jana Berg", "Ole Lund"]);

    // The label on a line of its own, the name after a break.
    let broken = format!(
        "<html><body><article><h1>Club misses the final</h1>{body}\
         <p>(to be continued)<br><b>Von:</b><br><br>Götz Warnke</p></article></body></html>"
    );
    let ex = pith::extract(broken.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(ex.metadata.authors, ["Götz Warnke"]);

    // A bold run-in heading before a break is no signature.
    let run_in = format!(
        "<html><body><article><h1>Club misses the final</h1>{body}\
         <p><b>Energy Carrier Gas</b><br>Liquefied gas is propane and butane.</p></article></body></html>"
    );
    let ex = pith::extract(run_in.as_bytes(), &Options::default()).expect("extracts");
    assert!(ex.metadata.authors.is_empty(), "{:?}", ex.metadata.authors);

    // A guest's article posted by an account the page never shows: the
    // signature after the last line break is the author.
    let guest = format!(
        "<html><head><meta name=\"author\" content=\"Winfried Hill\"></head><body><article>\
         <h1>Club misses the final</h1>{body}\
         <p>The last words of the essay.<br><em>Claudia Dorn</em></p></article></body></html>"
    );
    let ex = pith::extract(guest.as_bytes(), &Options::default()).expect("extracts");
    assert_eq!(ex.metadata.authors, ["Claudia Dorn"]);

    let label = format!(
        "<html><body><article><h1>Club misses the final</h1>{body}\
         <p><strong>Mehr Themen</strong></p></article></body></html>"
    );
    let ex = pith::extract(label.as_bytes(), &Options::default()).expect("extracts");
    assert!(ex.metadata.authors.is_empty(), "{:?}", ex.metadata.authors);
}
