//! Tests of the whole stage on small hand-written pages: each source and the
//! precedence between them.

use super::*;
use crate::dom::ParseLimits;

fn run(html: &str, url: Option<&str>) -> Metadata {
    let dom = Dom::parse(html, ParseLimits::default());
    let url = url.map(|u| Url::parse(u).expect("test url"));
    // A fixed "now" keeps the tests independent of the clock: 2023-01-01.
    extract(
        &dom,
        &Context {
            url: url.as_ref(),
            now: Some(1_672_531_200),
        },
    )
}

#[test]
fn related_box_with_newer_dates_is_ignored() {
    let m = run(
        r#"<html><body><article><h1>Main story</h1>
        <p class="meta">Posted on <span class="date">12 March 2021</span></p>
        <p>Body text.</p></article>
        <div class="related-articles"><time datetime="2022-06-01">June 1</time>
        <span class="date">2 June 2022</span></div></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2021-03-12"));
}

#[test]
fn related_box_before_article_is_ignored() {
    let m = run(
        r#"<html><body><aside><time datetime="2022-06-01T10:00:00Z">x</time></aside>
        <h1>Main story</h1><p>By Jane Doe</p><p>5 May 2020</p><p>Text</p></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2020-05-05"));
    assert_eq!(m.authors, ["Jane Doe"]);
}

#[test]
fn jsonld_with_syntax_error_still_gives_fields() {
    let m = run(
        r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm hits coast",
         "datePublished":"2022-02-28T09:30:00+03:00","author":{"@type":"Person","name":"Jane Doe"},}
        </script></head><body><h1>Storm hits coast</h1></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2022-02-28T09:30:00+03:00"));
    assert_eq!(m.authors, ["Jane Doe"]);
    assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
}

#[test]
fn two_authors_in_one_byline() {
    let m = run(
        r#"<html><body><h1>A headline here</h1><div class="byline">By Jane Doe and John Roe</div>
        <p>Text</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
}

#[test]
fn date_only_in_the_url() {
    let m = run(
        "<html><body><h1>Title</h1><p>Text without dates.</p></body></html>",
        Some("https://example.com/2022/02/28/some-story/"),
    );
    assert_eq!(m.date.as_deref(), Some("2022-02-28"));
    let m = run(
        "<html><body><p>x</p></body></html>",
        Some("https://example.com/news/20220228/some-story.html"),
    );
    assert_eq!(m.date.as_deref(), Some("2022-02-28"));
}

#[test]
fn og_title_suffix_vs_h1() {
    let m = run(
        r#"<html><head><meta property="og:title" content="Storm hits the coast | Daily Planet">
        <meta property="og:site_name" content="Daily Planet">
        <title>Storm hits the coast | Daily Planet</title></head>
        <body><h1>Storm hits the coast</h1></body></html>"#,
        None,
    );
    assert_eq!(m.title.as_deref(), Some("Storm hits the coast"));
    assert_eq!(m.site_name.as_deref(), Some("Daily Planet"));
}

#[test]
fn site_before_headline_in_title() {
    let m = run(
        "<html><head><title>Planet News - Storm hits the coast overnight</title></head><body><p>x</p></body></html>",
        Some("https://www.planetnews.com/a/b"),
    );
    assert_eq!(m.title.as_deref(), Some("Storm hits the coast overnight"));
    assert_eq!(m.site_name.as_deref(), Some("Planet News"));
}

#[test]
fn structured_metadata_beats_page_text() {
    let m = run(
        r#"<html><head><meta property="article:published_time" content="2021-07-04T08:00:00Z">
        <meta name="author" content="Jane Doe"></head>
        <body><h1>Title</h1><p>By John Roe</p><p>1 January 2022</p></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2021-07-04T08:00:00+00:00"));
    assert_eq!(m.authors, ["Jane Doe"]);
}

#[test]
fn jsonld_beats_meta_and_person_beats_organisation() {
    let m = run(
        r#"<html><head><meta property="article:published_time" content="2021-07-05">
        <script type="application/ld+json">[{"@type":"Organization","name":"Org"},
        {"@type":"BlogPosting","datePublished":"2021-07-04","author":[{"@type":"Organization","name":"Org"},{"@type":"Person","name":"Jane Doe"}]}]</script>
        </head><body></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2021-07-04"));
    assert_eq!(m.authors, ["Jane Doe"]);
}

#[test]
fn future_and_old_dates_are_rejected() {
    let m = run(
        "<html><body><h1>T</h1><p>12 March 2031</p><p>12 March 1990</p><p>© 2020</p></body></html>",
        None,
    );
    assert_eq!(m.date, None);
}

#[test]
fn relative_dates_need_now() {
    let m = run(
        "<html><body><h1>T</h1><span class=\"date\">3 hours ago</span></body></html>",
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2022-12-31"));
    let dom = Dom::parse(
        "<html><body><h1>T</h1><span class=\"date\">3 hours ago</span></body></html>",
        ParseLimits::default(),
    );
    assert_eq!(extract(&dom, &Context::default()).date, None);
}

#[test]
fn modified_is_kept_apart() {
    let m = run(
        r#"<html><head><meta property="article:published_time" content="2021-07-04">
        <meta property="article:modified_time" content="2021-08-01"></head><body></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2021-07-04"));
    assert_eq!(m.date_modified.as_deref(), Some("2021-08-01"));
}

#[test]
fn other_fields() {
    let m = run(
        r#"<html lang="en_us"><head><link rel="canonical" href="/a/b">
        <meta property="og:image" content="/logo.png"><meta name="twitter:image" content="/img/lead.jpg">
        <meta name="keywords" content="one, two"><meta property="article:tag" content="Two">
        <meta property="article:section" content="World"><meta name="description" content="Desc &amp; more">
        </head><body></body></html>"#,
        Some("https://example.com/x"),
    );
    assert_eq!(m.canonical_url.as_deref(), Some("https://example.com/a/b"));
    assert_eq!(m.image.as_deref(), Some("https://example.com/img/lead.jpg"));
    assert_eq!(m.language.as_deref(), Some("en-US"));
    assert_eq!(m.tags, ["one", "two"]);
    assert_eq!(m.categories, ["World"]);
    assert_eq!(m.description.as_deref(), Some("Desc & more"));
}

#[test]
fn remembered_exclusion_matches_the_walk() {
    let html = r#"<html><body><div class="page-wrap"><article><h1>Story</h1>
        <div class="meta"><span id="a">x</span></div></article>
        <div class="related-posts"><ul><li><span id="b">y</span></li></ul></div>
        <nav><a id="c">z</a></nav></div></body></html>"#;
    let dom = Dom::parse(html, ParseLimits::default());
    let ex = Exclusion::new(&dom, Vec::new());
    // Ask twice, in both orders: the remembered answers equal fresh walks.
    let ids: Vec<NodeId> = (0..dom.len()).collect();
    for &id in ids.iter().chain(ids.iter().rev()) {
        assert_eq!(ex.get(&dom, id), excluded_in(&dom, id, &[]), "node {id}");
    }
    let by_id = |v: &str| (0..dom.len()).find(|&i| dom.attr(i, "id") == Some(v));
    assert!(!ex.get(&dom, by_id("a").expect("a")));
    assert!(ex.get(&dom, by_id("b").expect("b")));
    assert!(ex.get(&dom, by_id("c").expect("c")));
}

#[test]
fn kept_containers_are_never_excluded() {
    let html = r#"<html><body><div class="sidebar-layout"><h1 id="h">Story</h1><p>x</p></div>
        <div class="sidebar"><p>y</p></div><p>a</p><p>b</p><p>c</p><p>d</p></body></html>"#;
    let dom = Dom::parse(html, ParseLimits::default());
    let h = (0..dom.len())
        .find(|&i| dom.attr(i, "id") == Some("h"))
        .expect("h");
    let keep: Vec<NodeId> = std::iter::once(h).chain(dom.ancestors(h)).collect();
    let ex = Exclusion::new(&dom, keep);
    assert!(!ex.get(&dom, h));
}

#[test]
fn date_after_a_publication_label_in_the_footer() {
    let m = run(
        r#"<html><body><h1>A review of a book</h1><p>Text without dates.</p>
        <footer><p>Letzte Änderung: 31.10.2022<br>Erschienen am: 01.11.2022</p></footer></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2022-11-01"));
}

#[test]
fn share_image_path_dates_an_undated_page() {
    let m = run(
        r#"<html><head><meta property="og:image" content="https://example.org/files/2016/05/04/cover.png">
        </head><body><h1>Annual report</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2016-05-04"));
}

#[test]
fn site_specific_upload_meta() {
    let m = run(
        r#"<html><head><meta property="photos:uploaded" content="2013-02-16T04:36:36-05:00">
        <meta property="photos:updated" content="2014-01-01T00:00:00Z">
        </head><body><h1>A photo</h1></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2013-02-16"));
}

#[test]
fn numbered_slug_is_not_a_url_day() {
    let u = Url::parse("https://blog.example.de/2023/10/3-fragen-an-jemand/").expect("url");
    assert_eq!(pubdate::from_url(&u), None);
    let u = Url::parse("https://example.com/2021/03/08/uk/story/index.html").expect("url");
    assert_eq!(
        pubdate::from_url(&u).map(|d| d.iso()).as_deref(),
        Some("2021-03-08")
    );
}

#[test]
fn modified_date_shown_under_headline_is_the_date() {
    let page = |line: &str| {
        format!(
            r#"<html><head>
            <meta property="article:published_time" content="2021-11-02T08:00:00+01:00">
            <meta property="article:modified_time" content="2022-01-19T10:00:00+01:00">
            </head><body><h1>Winter fishing rules</h1>{line}<p>Text.</p></body></html>"#
        )
    };
    // The page shows the revised day as its date: that is the day readers see.
    let m = run(&page("<p>19.01.2022</p>"), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-01-19"));
    // A dateline that reads as an update of that day, and no other date
    // shown: the page dates itself by its revision.
    let m = run(&page("<p>Updated 19.01.2022</p>"), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-01-19"));
    // Over a date in the URL too: the page no longer shows that day.
    let m = run(
        &page("<p>Updated 19.01.2022</p>"),
        Some("https://news.example/2021/11/02/winter-fishing/"),
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-01-19"));
    // Whatever day the metadata gives as the modification.
    let m = run(&page("<p>Updated 06.01.2022</p>"), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-01-06"));
    // With a plain date shown as well, that one is the date.
    let m = run(&page("<p>02.11.2021</p><p>Updated 19.01.2022</p>"), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2021-11-02"));
    // A label in an element of its own before the date field: a template's
    // revision field, not the date.
    let m = run(&page("<p><em>Updated</em> 19.01.2022</p>"), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2021-11-02"));
    let m = run(
        &page("<span>Last updated:</span> <span>19.01.2022</span>"),
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2021-11-02"));
}

#[test]
fn hidden_copy_under_headline_is_not_shown() {
    // A machine-readable modification time in a hidden element right under
    // the headline is not the date the page shows; the visible one is.
    let m = run(
        r#"<html><body><article><h1>Template update</h1>
        <time itemprop="dateModified" class="hidden">2018-08-29 14:15:57</time>
        <time itemprop="datePublished" datetime="2018-06-22 10:20:00" class="hidden">2018-06-22</time>
        <span>22.06.2018 10:20</span><p>Text.</p></article></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2018-06-22"));
}

#[test]
fn date_under_headline_beats_a_generic_date_meta() {
    let page = |head: &str| {
        format!(
            r#"<html><head>{head}</head><body><h1>Rent strike spreads</h1>
            <ul><li>Von Jane Doe</li><li class="Date"><time>29.04.2020, 12:01 Uhr</time></li></ul>
            <p>Text.</p></body></html>"#
        )
    };
    // A generic `date` meta is the record's last save: the printed day wins.
    let m = run(&page(r#"<meta name="date" content="2020-04-30">"#), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2020-04-29"));
    // On the same day the meta keeps its time and offset.
    let m = run(
        &page(r#"<meta name="date" content="2020-04-29T12:01:00+02:00">"#),
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2020-04-29T12:01:00+02:00"));
    // A publication meta is the page's own statement: it stays.
    let m = run(
        &page(r#"<meta property="article:published_time" content="2020-04-30T08:00:00+02:00">"#),
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2020-04-30"));
}

#[test]
fn date_under_headline_settles_disagreeing_metadata() {
    // JSON-LD and the publication meta disagree; the page prints the meta's day.
    let m = run(
        r#"<html><head>
        <meta property="article:published_time" content="2022-01-06T08:29:34+01:00">
        <script type="application/ld+json">{"@type":"Article","headline":"Vanlife in Sweden",
        "datePublished":"2022-01-04T07:29:00.000Z"}</script></head>
        <body><h1>Vanlife in Sweden</h1><p>Tips for the road trip.</p><p>06.01.2022</p>
        <p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-01-06"));
    // The URL's day against the metadata's: the printed day decides.
    let page = |line: &str| {
        format!(
            r#"<html><head><meta property="article:published_time" content="2020-12-06T10:00:00+01:00">
            </head><body><h1>Votes certified</h1>{line}<p>Text.</p></body></html>"#
        )
    };
    let url = Some("https://news.example/2020/12/05/votes-certified/");
    let m = run(&page("<p>6 dicembre 2020</p>"), url);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2020-12-06"));
    let m = run(&page("<p>Text without a date.</p>"), url);
    assert_eq!(m.date.as_deref(), Some("2020-12-05"));
}

#[test]
fn footer_of_an_article_classed_div_holds_its_date() {
    // TYPO3 news: the story's date sits in the footer of `<div class="article">`,
    // and a generic `date` meta gives the record's later save.
    let m = run(
        r#"<html><head><meta name="date" content="2022-01-21T15:38:44+01:00"></head><body>
        <div class="news news-single"><div class="article">
        <div class="header"><h3 itemprop="headline">Dogs in winter</h3></div>
        <div class="footer"><span class="news-list-date">
        <time itemprop="datePublished" datetime="2022-01-27">27.01.2022</time></span></div>
        <p>Text.</p></div></div></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2022-01-27"));
}

#[test]
fn lead_classed_teaser_right_after_headline_is_read() {
    let page = |class: &str| {
        format!(
            r#"<html><body><main><h1>Germany backs the food programme</h1>
            <div class="{class}"><p>Pressemitteilung vom 25. Januar 2022 | Berlin – The minister said.</p></div>
            <p>Text.</p></main></body></html>"#
        )
    };
    // The lead under the headline, called a teaser by the CMS.
    let m = run(&page("l-detail-page__teaser-text"), None);
    assert_eq!(m.date.as_deref(), Some("2022-01-25"));
    // A teaser box further down stays set aside.
    let m = run(
        r#"<html><body><main><h1>Germany backs the food programme</h1><p>Lead.</p>
        <div class="teaser"><p>Pressemitteilung vom 25. Januar 2022</p></div></main></body></html>"#,
        None,
    );
    assert_eq!(m.date, None);
}

#[test]
fn dateline_after_a_long_news_header() {
    // Standfirst, caption, follow link, name, handle and e-mail come first;
    // the date printed after them settles the URL against the metadata.
    let m = run(
        r#"<html><head><meta property="article:published_time" content="2022-05-07T13:43:46-05:00">
        </head><body><h1>Brighton beat United</h1><p>The visitors were outplayed.</p>
        <figcaption>Brighton won 4-0</figcaption><a>Follow us on Google News</a>
        <span>Jane Doe</span><span>janedoe</span><span>jane@example.com</span>
        <time datetime="2022-05-07 13:43:46">07.05.2022</time><p>Text.</p></body></html>"#,
        Some("https://news.example/futbol/2022/05/06/brighton-united-live/"),
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-05-07"));
}

#[test]
fn dateline_under_headline_beats_a_marked_element_further_down() {
    let page = |line: &str| {
        format!(
            r#"<html><body><h1>Border arrivals rise</h1>{line}<p>Text of the report.</p>
            <p>See also: <a class="Publication" href="/pm34.pdf">Nr. 34 vom 08. November 2021</a></p>
            </body></html>"#
        )
    };
    // A short dateline under the headline is the page's date.
    let m = run(&page("<p><em>10.11.2021</em></p>"), None);
    assert_eq!(m.date.as_deref(), Some("2021-11-10"));
    // A date in a sentence of the standfirst is no dateline.
    let m = run(
        &page("<p>Oil fell to its lowest price since 6 March 2002, traders said on Tuesday.</p>"),
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2021-11-08"));
    // Nor is a date after an "updated" label element.
    let m = run(
        &page("<span>Last updated:</span><span>10.11.2021</span>"),
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2021-11-08"));
}

#[test]
fn labelled_byline_near_headline() {
    let page = |line: &str| {
        format!("<html><body><h1>Harbour works begin</h1>{line}<p>Long text of the story here.</p></body></html>")
    };
    // The label in a heading of its own, an agency code after the name.
    let m = run(&page("<h5>Autor:</h5>Jana Beispiel/XY"), None);
    assert_eq!(m.authors, ["Jana Beispiel"]);
    // The label after a date, a role in brackets after the name.
    let m = run(
        &page("<div>12.03.2020 - Redaktion: Hans Muster (Sprecher)</div>"),
        None,
    );
    assert_eq!(m.authors, ["Hans Muster"]);
    // "By" alone in one paragraph, the name in the next.
    let m = run(&page("<p><strong>By</strong></p><p>Jane Example</p>"), None);
    assert_eq!(m.authors, ["Jane Example"]);
    // A rule of dashes before "by".
    let m = run(&page("<p><em>---- by Jane Example</em></p>"), None);
    assert_eq!(m.authors, ["Jane Example"]);
    // A colon in running prose is no byline.
    let m = run(
        &page("<p>The harbour master said: More ships will come.</p>"),
        None,
    );
    assert!(m.authors.is_empty());
}

#[test]
fn permalink_sign_after_headline_is_dropped() {
    let m = run(
        r##"<html><head><title>Notes on caching</title></head><body>
        <h1>Notes on caching<a class="anchor" href="#top">¶</a></h1><p>Text.</p></body></html>"##,
        None,
    );
    assert_eq!(m.title.as_deref(), Some("Notes on caching"));
}

#[test]
fn angle_quote_separates_site_from_headline() {
    let m = run(
        r#"<html><head><title>Floods: roads closed in the valley › northtown.example</title>
        </head><body><p>Text.</p></body></html>"#,
        Some("https://northtown.example/floods"),
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Floods: roads closed in the valley")
    );
}

#[test]
fn kicker_punctuation_and_soft_hyphens_leave_the_headline() {
    let m = run(
        r#"<html><body><h1><span class="headline-kicker">Transport</span><span>: </span>
        <span class="headline-main">Ferry service resumes</span></h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.title.as_deref(), Some("Ferry service resumes"));
    let m = run(
        "<html><body><h1>Fähr\u{ad}verkehr wird wieder auf\u{ad}genommen</h1><p>Text.</p></body></html>",
        None,
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Fährverkehr wird wieder aufgenommen")
    );
}

#[test]
fn author_named_like_the_site() {
    // Alone, the site's name is the byline: a blogger named like the blog.
    let m = run(
        r#"<html><head><meta property="og:site_name" content="Kim Example">
        <meta name="author" content="Kim Example"></head>
        <body><h1>Notes from the allotment</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Kim Example"]);
    // Beside a person, it is the publisher credited along.
    let m = run(
        r#"<html><head><meta property="og:site_name" content="Harbour Times">
        <meta name="author" content="Jane Example, Harbour Times"></head>
        <body><h1>Ferry service resumes</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Jane Example"]);
    // The metadata names only the site, the page a person: the person.
    let m = run(
        r#"<html><head><meta property="og:site_name" content="Harbour Times">
        <meta name="author" content="Harbour Times"></head>
        <body><h1>Ferry service resumes</h1><p class="byline">By Jane Example</p>
        <p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Jane Example"]);
}

#[test]
fn verb_bylines_and_credits() {
    let page = |line: &str| {
        format!("<html><body><h1>Harbour works begin</h1>{line}<p>Long text of the story here.</p></body></html>")
    };
    // "Posted by" is trusted with a one-word name; a bare "By" is not.
    let m = run(&page("<p>Posted by Kim</p>"), None);
    assert_eq!(m.authors, ["Kim"]);
    let m = run(&page("<p>By Monday</p>"), None);
    assert!(m.authors.is_empty());
    // The date between the verb and the name.
    let m = run(
        &page("<div>Posted on May 3, 2020 by Jane Example</div>"),
        None,
    );
    assert_eq!(m.authors, ["Jane Example"]);
    // The label in a text of its own, with leading punctuation or a noun.
    let m = run(&page("<span>| By </span><span>Jane Example</span>"), None);
    assert_eq!(m.authors, ["Jane Example"]);
    let m = run(
        &page("<div>Ein Artikel von <strong>Hans Muster</strong> | 27.01.2022</div>"),
        None,
    );
    assert_eq!(m.authors, ["Hans Muster"]);
    // The illustrator credited after the author is not an author.
    let m = run(
        &page("<p><em>Text von Hans Muster, Illustration von Eva Beispiel</em></p>"),
        None,
    );
    assert_eq!(m.authors, ["Hans Muster"]);
}

#[test]
fn dublin_core_rdfa_spelling() {
    let m = run(
        r#"<html><head><title>Untitled</title>
        <meta property="dc:title" content="Tide tables for the spring">
        <meta property="dc:creator" content="Jane Example"></head>
        <body><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.title.as_deref(), Some("Tide tables for the spring"));
    assert_eq!(m.authors, ["Jane Example"]);
}

/// A small shop page whose only date sits in a news box beside the product.
const SHOP_PAGE: &str = r#"<html><head><title>Blue teapot | Teashop</title>OGTYPE</head><body>
    <div class="product"><h1>Blue teapot</h1><p>Glazed stoneware, holds one litre.</p>
    <ul><li>Price: 24 EUR</li><li>Colour: blue</li><li>Height: 14 cm</li><li>Dishwasher safe</li></ul>
    <p>Ships in two days.</p><p>Add to basket</p><p>Reviews (0)</p><p>Share</p></div>
    <div class="sidebar"><p>Shop news</p><time datetime="2021-03-04">4 March 2021</time>
    <p>Spring sale starts</p></div></body></html>"#;

#[test]
fn side_box_date_of_a_page_that_is_no_article_is_dropped() {
    let html = SHOP_PAGE.replace("OGTYPE", r#"<meta property="og:type" content="product">"#);
    // The metadata stage alone still falls back on the side box...
    assert_eq!(run(&html, None).date.as_deref(), Some("2021-03-04"));
    // ...but the page neither says nor reads as an article: the date is the
    // news item's, not the product page's.
    let out = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
    assert!(out.confidence < 0.9, "confidence {}", out.confidence);
    assert_eq!(out.metadata.date, None);
}

#[test]
fn side_box_date_of_a_page_that_says_it_is_an_article_is_kept() {
    let html = SHOP_PAGE.replace("OGTYPE", r#"<meta property="og:type" content="article">"#);
    let out = crate::extract_str(&html, &crate::Options::default()).expect("extracts");
    assert_eq!(out.metadata.date.as_deref(), Some("2021-03-04"));
}

#[test]
fn og_locale_country_sets_the_zone_of_a_utc_stamp() {
    // 02:54 UTC on 2 May is the evening of 1 May for a US audience, the day
    // the site's readers saw; the same stamp is no separate modification.
    let m = run(
        r#"<html lang="en"><head><meta property="og:locale" content="en_US">
        <meta property="article:published_time" content="2020-05-02T02:54:29Z">
        <meta property="article:modified_time" content="2020-05-02T02:54:29Z">
        </head><body><h1>Station closes overnight</h1><p>Text.</p></body></html>"#,
        Some("https://news.example.com/traffic/station-closes/123"),
    );
    assert_eq!(m.date.as_deref(), Some("2020-05-01T22:54:29-04:00"));
    assert_eq!(m.date_modified, None);
}

#[test]
fn og_locale_does_not_override_a_country_tld_or_another_language() {
    let m = run(
        r#"<html lang="de"><head><meta property="og:locale" content="en_US">
        <meta property="article:published_time" content="2020-05-02T02:54:29Z">
        </head><body><h1>Bahnhof nachts geschlossen</h1><p>Text.</p></body></html>"#,
        Some("https://www.example.com/verkehr/bahnhof/123"),
    );
    assert_eq!(m.date.as_deref(), Some("2020-05-02T02:54:29+00:00"));
    let m = run(
        r#"<html lang="en"><head><meta property="og:locale" content="en_US">
        <meta property="article:published_time" content="2020-05-02T02:54:29Z">
        </head><body><h1>Bahnhof nachts geschlossen</h1><p>Text.</p></body></html>"#,
        Some("https://www.example.de/verkehr/bahnhof/123"),
    );
    assert_eq!(m.date.as_deref(), Some("2020-05-02T02:54:29+00:00"));
}

#[test]
fn unshown_metadata_names_that_are_no_persons_are_not_credited() {
    // A CMS login in a Yoast person node and a web agency in the author meta,
    // neither shown on the page: no author.
    let m = run(
        r##"<html><head><meta name="author" content="webagentur GmbH">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"Article","headline":"Hens","author":{"@id":"/p"}},
        {"@type":"Person","@id":"/p","name":"sv_team"}]}</script></head>
        <body><h1>Hens</h1><p>Hens lay eggs from their sixth month on.</p></body></html>"##,
        None,
    );
    assert!(m.authors.is_empty(), "{:?}", m.authors);

    // The same login printed in the byline is credited.
    let m = run(
        r#"<html><head><meta name="author" content="sv_team"></head>
        <body><h1>Hens</h1><p class="byline">sv_team</p><p>Hens lay eggs.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["sv_team"]);

    // A person's name is credited from metadata alone, in any script.
    for name in ["Jane van Doe", "محمد علي"] {
        let html = format!(
            r#"<html><head><meta name="author" content="{name}"></head>
            <body><h1>Hens</h1><p>Hens lay eggs.</p></body></html>"#
        );
        assert_eq!(run(&html, None).authors, [name]);
    }
}

#[test]
fn person_shape() {
    use super::author::person_shaped;
    for yes in [
        "Jane Doe",
        "Ludwig van Beethoven",
        "J. R. Smith",
        "青网校园崔宁宁",
    ] {
        assert!(person_shaped(yes), "{yes}");
    }
    for no in [
        "vpohl",
        "sv_team",
        "symple.ch",
        "wegewerk GmbH",
        "TVT-Redaktion",
        "Redaktion datev.de",
        "Olympia-Verlag GmbH",
        "Frankfurt a. M.",
        "Author 2",
    ] {
        assert!(!person_shaped(no), "{no}");
    }
}

#[test]
fn first_name_in_metadata_is_completed_from_the_page() {
    let m = run(
        r#"<html><head><script type="application/ld+json">{"@type":"Article",
        "headline":"Robots","author":{"@type":"Person","name":"Todd"}}</script></head>
        <body><h1>Robots</h1><aside><p>By</p><p class="full-name">Todd Bates</p></aside>
        <p>A robot draws blood.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Todd Bates"]);
}

#[test]
fn person_shape_rejects_version_letters_in_completions() {
    let m = run(
        r#"<html><head><meta name="author" content="Mac"></head>
        <body><h1>Updates</h1><p>Mac OS X</p><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Mac"]);
}

#[test]
fn publisher_named_author_gives_way_to_the_byline() {
    // The JSON-LD author is the magazine ("Die FURCHE" on furche.at); the
    // page's byline names the writer.
    let m = run(
        r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
        "headline":"Calm","author":{"@type":"Person","name":"Die FURCHE"}}</script></head>
        <body><h1>Calm</h1><div class="author"><a rel="author" href="/autor/ub">Ursula Baatz</a></div>
        <p>Text of the essay.</p></body></html>"#,
        Some("https://www.furche.at/gesellschaft/calm-1"),
    );
    assert_eq!(m.authors, ["Ursula Baatz"]);
}

#[test]
fn registered_association_suffix_is_no_name() {
    let m = run(
        r#"<html><head><meta name="author" content="Bundesverband Windkraft e.V."></head>
        <body><h1>Wind</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Bundesverband Windkraft"]);
}

#[test]
fn drupal_promoted_node_is_the_article() {
    let m = run(
        r#"<html><body><h1>Hackathon</h1><div class="node node-article node-promoted">
        <p>We met at the summer camp.</p>
        <div class="submitted">Gespeichert von <span class="username">rasos</span> am 24. Juli 2017</div>
        </div></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["rasos"]);
    assert_eq!(m.date.as_deref(), Some("2017-07-24"));
}

#[test]
fn first_name_completed_from_a_byline_or_author_box() {
    for body in [
        "<p><strong>Eine Kolumne von Nils Pickert</strong></p>",
        "<div class=bio>Nils Pickert - Journalist, Vater von vier Kindern.</div>",
    ] {
        let html = format!(
            r#"<html><head><meta name="author" content="Nils"></head>
            <body><h1>Patriarchat</h1>{body}<p>Text der Kolumne.</p></body></html>"#
        );
        assert_eq!(run(&html, None).authors, ["Nils Pickert"], "{body}");
    }
}

#[test]
fn expert_label_is_a_role() {
    let m = run(
        r#"<html><head><meta name="author" content="FOCUS-Online-Experte Robin Tschöpe"></head>
        <body><h1>Leasing</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Robin Tschöpe"]);
}

#[test]
fn date_line_then_name_under_the_headline() {
    for (line, want) in [
        ("25.10.2022 - Reiner Nagel", "Reiner Nagel"),
        ("06.11.2023 13:30 von Olga", "Olga"),
    ] {
        let html = format!(
            "<html><body><h1>Die Freiheit der Planung</h1><p>Essay</p><p>{line}</p>\
             <p>Text des Essays.</p></body></html>"
        );
        assert_eq!(run(&html, None).authors, [want], "{line}");
    }
    // A listing line with a second dash names no author.
    let m = run(
        "<html><body><h1>Concerts</h1><p>14.11.2022 - Placebo - Stadthalle</p>\
         <p>Text.</p></body></html>",
        None,
    );
    assert!(m.authors.is_empty(), "{:?}", m.authors);
}

#[test]
fn blog_post_footer_carries_the_byline() {
    // Blogger: the byline sits in the post's footer, inside the hAtom entry.
    let m = run(
        r#"<html><body><div class="post hentry"><h3 class="post-title">Tach auch</h3>
        <div class="post-body"><p>Ein kurzer Gruß an alle Leser.</p></div>
        <div class="post-footer"><span class="post-author vcard">Eingestellt von
        <span class="fn">der Michel</span></span></div></div></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["der Michel"]);
}

#[test]
fn post_meta_line_names_the_author_only_after_by() {
    let page = |line: &str| {
        format!(
            r#"<html><body><h1>Kinos</h1><div class="post"><p>{}</p></div>
            <p class="postmetadata">{line}</p></body></html>"#,
            "Die Digitalisierung der Kinos geht weiter. ".repeat(30)
        )
    };
    let m = run(&page("Von R. R. am 7. August 2013 in Kino"), None);
    assert_eq!(m.authors, ["R. R."]);
    let m = run(&page(r#"In <a href="/c">Aus der Region</a>"#), None);
    assert!(m.authors.is_empty(), "{:?}", m.authors);
}

#[test]
fn byline_elements_side_by_side_are_separate_words() {
    let m = run(
        r#"<html><body><h1>Best of 2022</h1><div class="author"><a href="/u/1">Houzz Deutschland</a><span>vor 3 Wochen</span></div>
        <p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Houzz Deutschland"]);
}

#[test]
fn byline_naming_all_writers_completes_the_metadata() {
    let page = |byline: &str| {
        format!(
            r#"<html><head><meta name="author" content="Rudolf Fischer"></head><body>
            <h1>Bike test</h1><div class="author"><span class="fn">{byline}</span></div>
            <p>Text.</p></body></html>"#
        )
    };
    let m = run(&page("von Rudolf Fischer, Simon Kohler"), None);
    assert_eq!(m.authors, ["Rudolf Fischer", "Simon Kohler"]);
    // The publisher credited beside the writer stays out.
    let m = run(&page("Rudolf Fischer, CNN"), None);
    assert_eq!(m.authors, ["Rudolf Fischer"]);
}

#[test]
fn avada_hidden_modification_copy_is_not_shown() {
    // The theme's machine-readable `updated` copy sits right before the
    // printed date; readers see the publication day only.
    let m = run(
        r#"<html><head>
        <meta property="article:published_time" content="2022-12-25T11:00:02+00:00">
        <meta property="article:modified_time" content="2022-12-07T09:10:52+00:00">
        </head><body><article><h1>Story</h1>
        <div class="meta"><span class="updated rich-snippet-hidden">2022-12-07T10:10:52+01:00</span>
        <span>25. Dezember 2022</span></div><p>Text</p></article></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-12-25"));
}

#[test]
fn dateline_above_headline_beats_generic_meta_and_prose_date() {
    let m = run(
        r#"<html><head><meta name="date" content="2020-02-12"></head><body>
        <div class="news">05.02.2020 <span>- Redaktion: Eva Muster</span></div>
        <h1>Faire Lieferketten</h1><h3>Aktionen planen</h3>
        <p>Der Workshop findet vom 6. - 7. März 2020 in Heilbronn statt.</p>
        </body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2020-02-05"));
}

#[test]
fn publication_stamp_just_after_modification_is_a_resave() {
    let page = |published: &str| {
        format!(
            r#"<html><head>
            <meta property="article:published_time" content="{published}">
            <meta property="article:modified_time" content="2022-11-17T10:32:18Z">
            </head><body><h1>Story</h1><p>By Jo Doe</p>
            <time datetime="2022-03-09">09.03.2022</time><p>Text</p></body></html>"#
        )
    };
    // Written by one save a minute apart: the printed day is the publication.
    let m = run(&page("2022-11-17T10:33:13Z"), None);
    assert_eq!(m.date.as_deref(), Some("2022-03-09"));
    // Hours apart: a scheduled story, whose publication meta stands.
    let m = run(&page("2022-11-17T15:00:00Z"), None);
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2022-11-17"));
}

#[test]
fn day_in_copyright_line_dates_an_undated_page() {
    let page = |c: &str| {
        format!(
            r#"<html><body><h1>Service</h1><p>Text</p>
            <footer><p>{c}</p></footer></body></html>"#
        )
    };
    let m = run(
        &page("Copyright © 19.12.2019 - 12:14 h by Muster GmbH"),
        None,
    );
    assert_eq!(m.date.as_deref().map(|d| &d[..10]), Some("2019-12-19"));
    // A year alone is the site's, not the page's.
    let m = run(&page("Copyright © 2019 Muster GmbH"), None);
    assert_eq!(m.date, None);
}

#[test]
fn teaser_linking_to_the_page_dates_it() {
    let page = |href: &str| {
        format!(
            r#"<html><body><h1>Menschenrechte achten</h1><p>Text</p>
            <aside class="sidebar"><a href="{href}"><div class="teaser">
            <div class="authored">10.11.2021</div><h2>Menschenrechte achten</h2>
            </div></a></aside></body></html>"#
        )
    };
    let url = Some("https://example.org/menschenrechte-achten");
    let m = run(&page("/menschenrechte-achten"), url);
    assert_eq!(m.date.as_deref(), Some("2021-11-10"));
    // A comment's permalink is a place in the page, not a teaser.
    let m = run(&page("/menschenrechte-achten#comment-12"), url);
    assert_eq!(m.date, None);
}

#[test]
fn lede_opening_with_its_date_is_the_dateline() {
    // The lede is a long paragraph whose date opens it, set off by a
    // parenthesis; a later paragraph mentions another date in a sentence.
    let lede = format!(
        "(21. November 2022) Verbraucher erhalten eine Preiserhöhung nach der nächsten. {}",
        "Die Lage ist unübersichtlich, und wir geben einen Überblick. ".repeat(10)
    );
    let m = run(
        &format!(
            r#"<html><body><div class="content"><h2>Preise im Winter</h2>
            <h5><em>Von Lea Holm</em></h5><p>{lede}</p>
            <p>Seit dem 1. Oktober 2022 gilt ein reduzierter Steuersatz.</p>
            </div></body></html>"#
        ),
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2022-11-21"));
    // A date inside a long sentence is no dateline.
    let prose = format!(
        "Die Stadt plant für den 3. März 2022 eine Sitzung. {}",
        "Mehr dazu folgt, sobald die Tagesordnung steht. ".repeat(12)
    );
    let m = run(
        &format!(
            r#"<html><body><h1>Ratssitzung</h1><p>{prose}</p>
            <p class="date">Stand: 14.02.2022</p></body></html>"#
        ),
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2022-02-14"));
}

#[test]
fn forum_profile_registration_date_is_not_the_posts() {
    let m = run(
        r#"<html><body><h2 class="topic-title">Was ist freie Software?</h2>
        <div class="post"><dl class="postprofile"><dt>r23</dt>
        <dd class="profile-joined"><strong>Registriert:</strong> 18.09.2008, 05:56</dd></dl>
        <div class="postbody"><p class="author">von <strong>r23</strong> » 21.01.2009, 05:42</p>
        <div class="content">Freie Software darf jeder nutzen.</div></div></div>
        </body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2009-01-21T05:42:00"));
}

#[test]
fn drupal_submitted_line_beats_an_event_date_in_prose() {
    let m = run(
        r#"<html><body><div id="content"><h1>Hackathon im August</h1>
        <p>Einige Mitglieder fahren voraussichtlich am 23.-26.8.2017 hin und sind dabei.</p>
        <p>Mehr Text zum Treffen.</p><p>Die Anreise erfolgt mit der Bahn.</p>
        <p>Übernachtet wird im Zelt.</p><p>Verpflegung bringt jeder selbst mit.</p>
        <p>Die Kosten teilen wir.</p><p>Anmeldung per E-Mail.</p>
        <p>Wir freuen uns auf euch.</p><p>Bis bald!</p>
        <div class="submitted">Gespeichert von <span class="username">rasos</span>
        am 24. Juli 2017 - 18:55</div></div></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2017-07-24T18:55:00"));
}

#[test]
fn archived_page_takes_its_site_from_the_original_url() {
    let page = r#"<html><head><title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Kinos</title>
        </head><body><h1>Time 4 talks</h1><div class="post"><p>Text.</p></div></body></html>"#;
    let m = run(
        page,
        Some("https://web.archive.org/web/20140226054445/http://www.time4talks.com/2013/08/07/kinos/"),
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Weitere Digitalisierung der Kinos")
    );
    assert_eq!(m.date.as_deref(), Some("2013-08-07"));
}

#[test]
fn microdata_of_cited_works_is_not_the_articles() {
    let m = run(
        r#"<html><head><meta name="citation_author" content="Marta H. Adler"></head>
        <body><article itemscope itemtype="http://schema.org/ScholarlyArticle">
        <h1 itemprop="headline">Drug reactions and the rheumatologist</h1>
        <ul><li itemprop="author" itemscope itemtype="http://schema.org/Person">
        <span itemprop="name">Marta H. Adler</span></li></ul>
        <p>Review text.</p>
        <ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">
        <meta itemprop="author" content="N. Shear, S. Spielberg, ">
        <meta itemprop="datePublished" content="1988-04-01">
        Shear N et al. Anticonvulsant hypersensitivity syndrome.</li></ol>
        </article></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Marta H. Adler"]);
    assert_eq!(m.date, None);
}

#[test]
fn heading_starting_with_von_is_no_byline() {
    let m = run(
        r#"<html><body><h1>Ein Glossar zur Pandemie</h1>
        <p>Die Liste wird fortlaufend erweitert.</p>
        <h3>Von Atemschutzmaske über Exit-Strategie und Kontaktverbot bis Zoonose</h3>
        <p>Einige Beispieleinträge folgen.</p></body></html>"#,
        None,
    );
    assert!(m.authors.is_empty(), "{:?}", m.authors);
}

#[test]
fn reporter_page_link_is_a_byline() {
    let m = run(
        r#"<html><head><meta name="author" content="Jobs &amp; Hire">
        <title>What to know about pharmacies : Jobs &amp; Hire</title></head>
        <body><h1>What to know about pharmacies</h1><p>Lead text of the story.</p>
        <div class="wrote_by">By&nbsp;<a href="/reporters/jose-de-la-cruz">Jose de la Cruz</a></div>
        </body></html>"#,
        Some("https://www.jobsnhire.com/articles/1/need-know.htm"),
    );
    assert_eq!(m.authors, ["Jose de la Cruz"]);
}

#[test]
fn site_name_with_an_ampersand_is_one_name() {
    let m = run(
        r#"<html><head><meta name="author" content="Jobs &amp; Hire">
        <meta property="og:site_name" content="Jobs &amp; Hire"></head>
        <body><h1>Openings this week</h1><p>Text.</p>
        <footer>© 2016 Jobs &amp; Hire</footer></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Jobs & Hire"]);
}

#[test]
fn first_picture_skips_videos_logos_and_inline_icons() {
    use crate::ir::{Article, Block, Figure, Image, Inline};
    let img = |src: &str| Image {
        src: src.to_string(),
        alt: String::new(),
        title: None,
    };
    let article = Article {
        blocks: vec![
            Block::Paragraph(vec![
                Inline::Text("Rated".into()),
                Inline::Image(img("https://example.com/star.png")),
            ]),
            Block::Figure(Figure {
                image: Some(img("https://www.youtube.com/watch?v=abc")),
                ..Figure::default()
            }),
            Block::Figure(Figure {
                image: Some(img("https://example.com/brand-logo.png")),
                ..Figure::default()
            }),
            Block::Paragraph(vec![
                Inline::Image(img("https://example.com/photos/bridge.jpg")),
                Inline::LineBreak,
                Inline::Text("The old bridge.".into()),
            ]),
        ],
        comments: Vec::new(),
    };
    assert_eq!(
        first_picture(&article).as_deref(),
        Some("https://example.com/photos/bridge.jpg")
    );
}

#[test]
fn blogger_post_item_is_the_page_article() {
    // Blogger marks each post as the blog's `blogPost` property.
    let m = run(
        r#"<html><body><div itemscope itemtype="http://schema.org/Blog">
        <div class="post hentry" itemprop="blogPost" itemscope itemtype="http://schema.org/BlogPosting">
        <meta itemprop="datePublished" content="2020-05-04T10:00:00+02:00">
        <h3 itemprop="name headline">Spring in the garden</h3>
        <div itemprop="articleBody"><p>The tulips are out.</p></div>
        </div></div></body></html>"#,
        None,
    );
    assert_eq!(m.date.as_deref(), Some("2020-05-04T10:00:00+02:00"));
}

#[test]
fn elided_and_joined_particles_are_name_words() {
    for (byline, name) in [
        ("Par Jean d'Ormesson", "Jean d'Ormesson"),
        ("By Ahmed el-Sayed", "Ahmed el-Sayed"),
        ("By Jan van der Berg", "Jan van der Berg"),
    ] {
        let m = run(
            &format!(
                "<html><body><h1>Une longue histoire</h1><p>{byline}</p>\
                 <p>Le texte de l'article.</p></body></html>"
            ),
            None,
        );
        assert_eq!(m.authors, [name], "{byline}");
    }
}

#[test]
fn share_image_named_after_a_button_mushroom_is_kept() {
    let m = run(
        r#"<html><head><meta property="og:image" content="https://example.com/img/button-mushroom-risotto.jpg">
        </head><body><h1>Button mushroom risotto</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(
        m.image.as_deref(),
        Some("https://example.com/img/button-mushroom-risotto.jpg")
    );
}

#[test]
fn italian_di_byline() {
    let m = run(
        r#"<html><body><h1>La guerra, in diretta</h1><p class="author">di Alessia Candito</p>
        <p>Il testo dell'articolo.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Alessia Candito"]);
}

#[test]
fn yoast_twitter_label_names_the_writer() {
    let m = run(
        r#"<html><head><meta name="twitter:label1" content="Verfasst von">
        <meta name="twitter:data1" content="Karoline Herr">
        <meta name="twitter:label2" content="Geschätzte Lesezeit">
        <meta name="twitter:data2" content="4 Minuten"></head>
        <body><h1>Lost, aber immer noch da</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Karoline Herr"]);
}

#[test]
fn section_in_og_site_name_gives_way_to_the_publisher() {
    let m = run(
        r#"<html><head><meta property="og:site_name" content="U.S.">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Upset at the awards",
        "publisher":{"@type":"Organization","name":"Reuters"}}</script>
        <title>Upset at the awards | Reuters</title></head>
        <body><h1>Upset at the awards</h1><p>Text.</p></body></html>"#,
        Some("https://www.reuters.com/article/us-awards/upset-idUS1"),
    );
    assert_eq!(m.site_name.as_deref(), Some("Reuters"));
    // An og:site_name that is the domain's name stays.
    let m = run(
        r#"<html><head><meta property="og:site_name" content="Stack Overflow Blog">
        <script type="application/ld+json">{"@type":"Article","publisher":{"@type":"Organization","name":"Stack Overflow"}}</script>
        </head><body><h1>What is Rust</h1><p>Text.</p></body></html>"#,
        Some("https://stackoverflow.blog/2020/01/20/what-is-rust/"),
    );
    assert_eq!(m.site_name.as_deref(), Some("Stack Overflow Blog"));
}

#[test]
fn unfilled_template_values_fall_through() {
    let m = run(
        r#"<html><head><meta property="og:title" content="{{page.title}}">
        <meta property="og:description" content="{{description}}">
        <meta name="description" content=". .">
        <meta name="twitter:description" content="What happens when a CMS leaves its templates.">
        <meta name="author" content=". .">
        <title>Placeholder Fallbacks - Example Blog</title></head>
        <body><h1>Placeholder Fallbacks</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.title.as_deref(), Some("Placeholder Fallbacks"));
    assert_eq!(
        m.description.as_deref(),
        Some("What happens when a CMS leaves its templates.")
    );
    assert!(m.authors.is_empty());
}

#[test]
fn labelled_bylines_in_more_languages() {
    for (line, name) in [
        ("Автор: Иван Петров", "Иван Петров"),
        ("Autore: Marco Rossi", "Marco Rossi"),
        ("Autores: Ana Lima", "Ana Lima"),
        ("Författare: Sara Berg", "Sara Berg"),
    ] {
        let m = run(
            &format!(
                "<html><body><h1>Storm over the coast</h1><p>{line}</p>\
                 <p>28 февраля 2022</p><p>Text of the story.</p></body></html>"
            ),
            None,
        );
        assert_eq!(m.authors, [name], "{line}");
    }
    // The same labels are cut from a metadata value.
    let m = run(
        r#"<html><head><meta name="author" content="Autore: Marco Rossi"></head>
        <body><h1>Storm over the coast</h1><p>Text.</p></body></html>"#,
        None,
    );
    assert_eq!(m.authors, ["Marco Rossi"]);
}
