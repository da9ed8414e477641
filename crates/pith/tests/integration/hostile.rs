//! Hostile page shapes (`pith-hostile`): the article before the hostile
//! part always comes out, text after it comes out unless a limit that
//! loses text is reported, and the output stays proportional to the input.
//! Times are the `hostile` benchmark's business, not these tests'.

use pith::{Limit, Options, RenderOptions};
use pith_hostile::{shapes, Shape, AFTER, LEAD};

struct Outcome {
    markdown: String,
    limits: Vec<Limit>,
    input: usize,
}

fn run(shape: &Shape, n: usize) -> Outcome {
    let page = shape.page(n);
    let options = Options {
        url: Some("https://harbour.example/news/pier".into()),
        ..Options::default()
    };
    let ex =
        pith::extract(page.as_bytes(), &options).unwrap_or_else(|e| panic!("{}: {e}", shape.name));
    Outcome {
        markdown: ex.to_markdown(&RenderOptions::default()),
        limits: ex.truncated.iter().map(|t| t.limit).collect(),
        input: page.len(),
    }
}

fn shape(name: &str) -> Shape {
    shapes()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no shape {name}"))
}

#[test]
fn every_shape_keeps_the_article_and_reports_any_cut() {
    for s in shapes() {
        let o = run(&s, s.base);
        assert!(o.markdown.contains(LEAD), "{}: article lost", s.name);
        // Output proportional to the input (the ragged table made 100x).
        assert!(
            o.markdown.len() <= 2 * o.input + 4096,
            "{}: {} bytes out of {} in",
            s.name,
            o.markdown.len(),
            o.input
        );
        let lost = o.limits.iter().any(|l| l.loses_text());
        if s.after.is_some() {
            assert!(!lost, "{}: cut by {:?}", s.name, o.limits);
            assert!(o.markdown.contains(AFTER), "{}: text after it lost", s.name);
        }
    }
}

#[test]
fn a_large_menu_before_the_article_does_not_hide_it() {
    // 8,000 menu items with SVG icons: over 30,000 elements before the article.
    let o = run(&shape("menu-before-article"), 8_000);
    assert!(o.limits.is_empty(), "{:?}", o.limits);
    assert!(o.markdown.contains(LEAD) && o.markdown.contains(AFTER));
}

#[test]
fn sixty_thousand_paragraphs_all_come_out() {
    let o = run(&shape("long-article"), 60_000);
    assert!(o.limits.is_empty(), "{:?}", o.limits);
    assert!(o.markdown.contains("Paragraph 59999 of the minutes"));
    assert!(o.markdown.contains(AFTER));
}

#[test]
fn a_paragraph_of_a_hundred_thousand_code_spans_is_whole() {
    let o = run(&shape("code-spans"), 100_000);
    assert!(o.limits.is_empty(), "{:?}", o.limits);
    assert!(o.markdown.contains("`x99999`"));
    assert!(o.markdown.contains(AFTER));
}

#[test]
fn sixty_thousand_noscript_images_keep_the_paragraph_after_them() {
    let o = run(&shape("noscript-images"), 60_000);
    assert!(o.limits.is_empty(), "{:?}", o.limits);
    assert!(o.markdown.contains(AFTER));
}

#[test]
fn reopened_formatting_elements_stop_the_parse_and_say_so() {
    let o = run(&shape("reopened-formatting"), 16_000);
    assert!(o.limits.contains(&Limit::OpenElements), "{:?}", o.limits);
}

#[test]
fn stray_end_tags_against_open_spans_stop_the_parse_and_say_so() {
    let o = run(&shape("open-spans-stray-ends"), 1_000_000);
    assert!(o.limits.contains(&Limit::OpenElements), "{:?}", o.limits);
    let o = run(&shape("deep-stack-stray-ends"), 1_000_000);
    assert!(o.limits.contains(&Limit::ParserWork), "{:?}", o.limits);
}

#[test]
fn nested_svg_groups_stop_the_parse_and_say_so() {
    let o = run(&shape("svg-nested-stray"), 300_000);
    assert!(o.limits.contains(&Limit::OpenElements), "{:?}", o.limits);
}

#[test]
fn a_tag_of_two_hundred_thousand_attributes_is_capped() {
    let o = run(&shape("many-attributes"), 200_000);
    assert_eq!(o.limits, [Limit::Attributes]);
    assert!(o.markdown.contains("attributes") && o.markdown.contains(AFTER));
}

#[test]
fn a_ragged_table_is_written_row_by_row_and_the_text_after_it_kept() {
    let o = run(&shape("ragged-table"), 3_000);
    assert!(o.limits.is_empty(), "{:?}", o.limits);
    assert!(o.markdown.contains("r2999"));
    assert!(o.markdown.contains(AFTER));
    assert!(o.markdown.len() < 2 * o.input, "{}", o.markdown.len());
}

#[test]
fn distinct_names_past_the_bound_are_renamed_and_said() {
    let o = run(&shape("distinct-names"), 100_000);
    assert_eq!(o.limits, [Limit::Names]);
    assert!(o.markdown.contains(AFTER));
}
