//! Regression tests for defects found on real pages, each on a small page
//! written here that reproduces the structure (never the site), named
//! after what it guards.

use pith::{Extraction, Options, RenderOptions};

const URL: &str = "https://news.example/2024/03/05/harbour-pier";

/// Three paragraphs of prose, so that a page is recognised as an article.
const BODY: &str = "<p>The harbour commission voted on Tuesday to rebuild the north pier, \
    which has been closed since the storm in March, at a cost of four million pounds.</p>\
    <p>Work will begin in the spring and should take eighteen months, the chair said, \
    adding that fishing boats would use the south quay in the meantime.</p>\
    <p>Residents who had campaigned for the pier to reopen welcomed the decision, though \
    several asked why the repairs had taken so long to approve.</p>";

fn extract(html: &str) -> Extraction {
    let options = Options {
        url: Some(URL.into()),
        ..Options::default()
    };
    pith::extract(html.as_bytes(), &options).expect("extracts")
}

fn markdown(html: &str) -> String {
    extract(html).to_markdown(&RenderOptions::default())
}

fn text(html: &str) -> String {
    extract(html).to_text()
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour pier to be rebuilt</title></head>\
         <body>{body}</body></html>"
    )
}

#[test]
fn links_whose_id_holds_a_hint_word_keep_their_text_mid_sentence() {
    // Auto-linkers give links ids such as `auto-tag_…`; `tag` is a meta
    // word, which may drop a tag list, never words of a sentence.
    let html = page(&format!(
        "<article><h1>Harbour pier to be rebuilt</h1>{BODY}<p>The plan was drawn up when \
         the mayor shared her branding expertise with <a id=\"auto-tag_harbour-board\" \
         href=\"/tag/harbour-board\">the harbour board</a>, after <span class=\"share\">two</span> \
         years of talks with <a class=\"comment-link\" href=\"/x\">the county</a>.</p></article>"
    ));
    let t = text(&html);
    assert!(
        t.contains("expertise with the harbour board, after two years of talks with the county."),
        "{t}"
    );
}

#[test]
fn a_custom_inline_element_stays_inside_its_sentence() {
    let html = page(&format!(
        "<article><h1>Harbour pier to be rebuilt</h1>{BODY}<p>The contract went to \
         <private-company data-id=\"7\">Quayside Works Ltd</private-company>, which built \
         the south quay, and to <x-ticker>QWL</x-ticker> shareholders' relief.</p></article>"
    ));
    let md = markdown(&html);
    assert!(
        md.contains(
            "The contract went to Quayside Works Ltd, which built the south quay, and to QWL shareholders' relief."
        ),
        "{md}"
    );
}

/// The Markdown's blocks (split at blank lines).
fn md_blocks(md: &str) -> Vec<String> {
    md.split("\n\n")
        .map(|b| b.trim().to_string())
        .filter(|b| !b.is_empty())
        .collect()
}

/// A news page whose lead figure is `figure`, placed as `layout` says.
fn news_with_lead_figure(figure: &str, before_headline: bool) -> String {
    let (top, under) = if before_headline {
        (figure, "")
    } else {
        ("", figure)
    };
    page(&format!(
        "<main><article>{top}<header><h1>Harbour pier to be rebuilt</h1>\
         <p class=\"byline\">By Ann Lee</p></header>{under}<div class=\"article-body\">{BODY}</div>\
         </article></main>"
    ))
}

/// The block after the headline and the date: the example's lead line.
fn lead_line(html: &str) -> String {
    let md = markdown(html);
    let b = md_blocks(&md);
    assert_eq!(b[0], "# Harbour pier to be rebuilt", "{md}");
    assert_eq!(b[1], "March 5, 2024", "the date, from the URL");
    b[2].clone()
}

#[test]
fn lead_figures_give_the_caption_then_the_credit_in_bold() {
    let cases = [
        // A credit element, its label left out.
        "<figure><img src=\"/a.jpg\"><figcaption>The north pier after the storm in March. \
         <span class=\"credit\">Photo: Jo Hale / Island Post</span></figcaption></figure>",
        // A credit in the caption's text, glued to it by the page's markup.
        "<figure><img src=\"/a.jpg\"><figcaption><span>The north pier after the storm in \
         March.</span><span>Photo : Jo Hale / Island Post</span></figcaption></figure>",
        // Agency style: names joined by slashes after the last sentence.
        "<figure><img src=\"/a.jpg\"><figcaption>The north pier after the storm in March. \
         Jo Hale / Island Post</figcaption></figure>",
        // The caption hidden from screen readers (they read a copy), and
        // a "Credit…" label beside the name.
        "<figure><img src=\"/a.jpg\"><figcaption><span aria-hidden=\"true\">The north pier \
         after the storm in March.</span><span itemprop=\"copyrightHolder\"><span>Credit...</span>\
         <span>Jo Hale / Island Post</span></span></figcaption></figure>",
    ];
    for (i, fig) in cases.iter().enumerate() {
        for before in [false, true] {
            let line = lead_line(&news_with_lead_figure(fig, before));
            assert_eq!(
                line, "The north pier after the storm in March. **Jo Hale / Island Post**",
                "case {i}, figure before the headline: {before}"
            );
        }
    }
}

#[test]
fn a_caption_credit_in_parentheses_or_a_wordpress_caption_is_split_too() {
    let html = page(&format!(
        "<article><h1>Harbour pier to be rebuilt</h1><div class=\"entry-content\">{BODY}\
         <div class=\"wp-caption\"><img src=\"/e.jpg\"><p class=\"wp-caption-text\">The \
         commission's chair, Ruth Ade (Photo: Harbour Board)</p></div></div></article>"
    ));
    let md = markdown(&html);
    assert!(
        md.contains("The commission's chair, Ruth Ade **Harbour Board**"),
        "{md}"
    );
}

#[test]
fn a_file_name_is_not_a_caption() {
    let html = page(&format!(
        "<article><h1>Harbour pier to be rebuilt</h1>{BODY}<figure><img src=\"/c.jpg\">\
         <figcaption>IMG_20230512_101512.JPG</figcaption></figure></article>"
    ));
    let md = markdown(&html);
    assert!(!md.contains("IMG_2023"), "{md}");
}

#[test]
fn a_standfirst_set_as_a_subtitle_is_a_paragraph() {
    let standfirst = "Councillors voted 31 to 9 for a floating array of panels on the water.";
    // Under the headline, in the header.
    let html = page(&format!(
        "<article><header><h1>Harbour pier to be rebuilt</h1><h2 class=\"subtitle\">{standfirst}\
         </h2></header><div class=\"article-body\">{BODY}</div></article>"
    ));
    let b = md_blocks(&markdown(&html));
    assert_eq!(b[2], standfirst, "{b:?}");
    // At the top of the body.
    let html = page(&format!(
        "<article><h1>Harbour pier to be rebuilt</h1><div class=\"article-body\">\
         <h2>{standfirst}</h2>{BODY}<h2>What happens next</h2><p>The county will vote on its \
         share of the cost in June, after the budget has been set.</p></div></article>"
    ));
    let md = markdown(&html);
    assert!(md.contains(&format!("\n\n{standfirst}\n\n")), "{md}");
    // A section title further down stays a heading.
    assert!(md.contains("## What happens next"), "{md}");
}

#[test]
fn a_lead_section_before_a_long_body_section_is_kept() {
    let part = |i: usize| {
        format!(
            "<p>Part {i} of the review goes through the handling, the brakes and the seats, \
             and compares each with the model it replaces, which sold well for a decade.</p>"
        )
    };
    let body: String = (0..30).map(part).collect();
    let html = page(&format!(
        "<main><article><div class=\"headline-box\"><h1>Road test: the new estate</h1></div>\
         <div class=\"pic\"><img src=\"/car.jpg\"><p>The estate on a test track.</p></div>\
         <section class=\"intro\"><p>The first thing you notice is the quiet: at motorway speed \
         the cabin is calmer than in cars costing twice as much.</p><p>That sets the tone for a \
         car that does almost everything well, and costs less than its main rivals.</p></section>\
         <section class=\"content\">{body}</section></article></main>"
    ));
    let t = text(&html);
    assert!(
        t.starts_with("The first thing you notice is the quiet"),
        "{t}"
    );
    assert!(t.contains("Part 29 of the review"));
    // The picture's caption box before it is no part of the text.
    assert!(!t.contains("test track"), "{t}");
}

#[test]
fn a_page_is_not_its_picture_credits() {
    // A credited gallery, and the review under a class word the strict
    // pass distrusts: the credits alone are no article.
    let figs: String = (0..8)
        .map(|i| {
            format!(
                "<figure><img src=\"/k{i}.jpg\"><figcaption><span class=\"credit\">amazon / \
                 istock / Studio Number {i}</span></figcaption></figure>"
            )
        })
        .collect();
    let html = page(&format!(
        "<main><div class=\"gallery-wrap\"><div class=\"gallery\">{figs}</div></div>\
         <div class=\"has-sidebar\"><div class=\"sidebar-main review\"><p>The new kettle boils \
         a litre in under three minutes and switches itself off when it runs dry.</p><p>It keeps \
         water hot for an hour, which matters in a busy kitchen, and it is quiet.</p></div></div></main>"
    ));
    let t = text(&html);
    assert!(t.starts_with("The new kettle boils a litre"), "{t}");
}

#[test]
fn a_newsletter_box_is_not_the_article() {
    let more = "<p>The county has agreed to pay a third of the cost, the rest coming from the \
        harbour reserve and a loan.</p><p>A public meeting on the design will be held at the \
        harbour office next month, the chair added.</p>";
    let html = page(&format!(
        "<main><div class=\"post-content js-share-tracking\"><h1>Harbour pier to be rebuilt</h1>\
         {BODY}{more}</div><div class=\"box\"><h3>Get the Harbour Post every morning</h3><p>Our \
         editors pick the day's most important stories, from the council chamber to the quayside, \
         and send them to you before breakfast.</p><p>It is free, and you can unsubscribe at any \
         time.</p><form><input type=\"email\" placeholder=\"Email address\"><button>Sign me up\
         </button></form></div></main>"
    ));
    let t = text(&html);
    assert!(t.starts_with("The harbour commission voted"), "{t}");
    assert!(!t.contains("Our editors pick"), "{t}");
    // The same box inside the article goes too; the article stays.
    let html = page(&format!(
        "<article><h1>Harbour pier to be rebuilt</h1>{BODY}<div class=\"promo-box\"><p>Get the \
         Harbour Post every morning, free, before breakfast.</p><input type=\"email\"></div>\
         {more}</article>"
    ));
    let t = text(&html);
    assert!(!t.contains("before breakfast"), "{t}");
    assert!(t.contains("public meeting on the design"), "{t}");
}

fn japanese_post(title: &str, h1: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><header><h1><a href=\"/\">みなと日記</a></h1></header><article><h2>{h1}</h2>\
         <p>港の北桟橋は三月の嵐で壊れてから閉鎖されていたが、火曜日の委員会で再建が決まった。\
         工事は春に始まり、十八か月かかる見込みだという。</p>\
         <p>漁船はその間、南岸壁を使う。桟橋の再開を求めてきた住民は決定を歓迎したが、\
         なぜ承認にこれほど時間がかかったのかと問う声もあった。</p>\
         <p>委員長は、費用は四百万ポンドで、国の補助金と港の積立金でまかなうと説明した。\
         残りの工事計画は来月の会合で示される。</p></article></body></html>"
    )
}

#[test]
fn site_names_after_cjk_separators_leave_the_title() {
    // Chinese and Japanese titles separate the site name without spaces:
    // `_`, a full-width bar or colon. Those are separators only between CJK
    // characters; "e-mail" and "snake_case" stay whole.
    for title in [
        "港の桟橋が再建へ_みなと日記",
        "港の桟橋が再建へ｜みなと日記",
        "港の桟橋が再建へ - みなと日記",
    ] {
        let e = extract(&japanese_post(title, "港の桟橋が再建へ"));
        assert_eq!(
            e.metadata.title.as_deref(),
            Some("港の桟橋が再建へ"),
            "{title}"
        );
    }
    let e = extract(
        &page(&format!(
            "<article><h1>Why e-mail still wins</h1>{BODY}</article>"
        ))
        .replace("Harbour pier to be rebuilt", "Why e-mail still wins"),
    );
    assert_eq!(e.metadata.title.as_deref(), Some("Why e-mail still wins"));
}

#[test]
fn japanese_headlines_split_across_elements_get_no_spaces() {
    // A headline in several spans ("港の" + "桟橋が再建へ") is one phrase in a
    // script that writes no spaces.
    let html = japanese_post(
        "港の桟橋が再建へ",
        "<span>港の</span><span>桟橋が再建へ</span>",
    )
    .replace(
        "<h1><a href=\"/\">みなと日記</a></h1>",
        "<p><a href=\"/\">みなと日記</a></p>",
    )
    .replace("h2>", "h1>");
    let e = extract(&html);
    assert_eq!(e.metadata.title.as_deref(), Some("港の桟橋が再建へ"));
}

#[test]
fn a_title_that_is_only_a_domain_gives_way_to_the_headline() {
    // Blog themes set the blog's name as an `<h1>` linking to `/`: that h1 is
    // no headline, and a `<title>` that is only a domain is no title.
    let e = extract(&japanese_post("minato-nikki.jp", "港の桟橋が再建へ").replace("h2>", "h1>"));
    assert_eq!(e.metadata.title.as_deref(), Some("港の桟橋が再建へ"));
}

fn dated_page(url: &str, published: &str) -> Option<String> {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour pier to be rebuilt</title>\
         <meta property=\"article:published_time\" content=\"{published}\"></head>\
         <body><article><h1>Harbour pier to be rebuilt</h1>{BODY}</article></body></html>"
    );
    let options = Options {
        url: Some(url.into()),
        ..Options::default()
    };
    let e = pith::extract(html.as_bytes(), &options).expect("extracts");
    e.metadata.date.map(|d| d[..10].to_string())
}

#[test]
fn a_url_day_after_the_publication_stamp_does_not_win() {
    // A URL is written when the story is first saved: it can be older than
    // a refreshed stamp, never newer unless a time zone explains the day.
    let stamp = "2016-09-19T11:46:01Z";
    let day = |url| dated_page(url, stamp);
    assert_eq!(
        day("https://news.example/2016/09/20/pier").as_deref(),
        Some("2016-09-19")
    );
    // Earlier URL: the stamp was refreshed by a later save.
    assert_eq!(
        day("https://news.example/2016/09/17/pier").as_deref(),
        Some("2016-09-17")
    );
    // A stamp late in the UTC day is the next day in the site's zone.
    assert_eq!(
        dated_page(
            "https://news.example/2016/09/20/pier",
            "2016-09-19T22:30:00Z"
        )
        .as_deref(),
        Some("2016-09-20")
    );
}

fn bylined(head: &str, byline: &str) -> Vec<String> {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour pier to be rebuilt</title>{head}\
         </head><body><article><h1>Harbour pier to be rebuilt</h1>{byline}{BODY}</article>\
         </body></html>"
    );
    extract(&html).metadata.authors
}

#[test]
fn a_publisher_in_the_author_meta_gives_way_to_the_byline() {
    // The group's name in `<meta name=author>`, never shown on the page,
    // over a story the page signs.
    assert_eq!(
        bylined(
            "<meta name=\"author\" content=\"Condé Nast\">",
            "<p class=\"byline\">By Jane Smith</p>"
        ),
        ["Jane Smith"]
    );
    // A meta author the page does show stays.
    assert_eq!(
        bylined(
            "<meta name=\"author\" content=\"Jane Smith\">",
            "<p class=\"byline\">By Jane Smith and John Roe</p>"
        ),
        ["Jane Smith", "John Roe"]
    );
}

#[test]
fn byline_debris_is_not_part_of_the_name() {
    assert_eq!(
        bylined(
            "",
            "<div class=\"author\">By Jane Smith <a href=\"https://social.example/js\">Twitter</a></div>"
        ),
        ["Jane Smith"]
    );
    assert_eq!(
        bylined(
            "",
            "<div class=\"byline\">Posted by Jane Smith in Valve</div>"
        ),
        ["Jane Smith"]
    );
}

#[test]
fn a_japanese_byline_label_is_not_part_of_the_name() {
    let html = japanese_post("港の桟橋が再建へ", "港の桟橋が再建へ").replace(
        "<article><h2>",
        "<article><div class=\"author\">文・山田太郎</div><h2>",
    );
    assert_eq!(extract(&html).metadata.authors, ["山田太郎"]);
}
