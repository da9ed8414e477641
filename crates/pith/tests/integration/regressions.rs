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
