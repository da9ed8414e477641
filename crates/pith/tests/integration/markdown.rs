//! Markdown that renders as written: the pages under `tests/markdown/`
//! each hold the inline shapes that used to show a reader stray markup or
//! run words together. Each test names the shape it guards and checks the
//! exact Markdown line, and the text output beside it. (`pith-eval`'s
//! `fidelity` test parses the same pages with a CommonMark parser.)

use std::path::Path;

use pith::{Extraction, Options, RenderOptions};

fn extract(name: &str) -> Extraction {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("markdown")
        .join(name);
    let html = std::fs::read(&path).expect("page under tests/markdown");
    let options = Options {
        url: Some("https://example.org/a".into()),
        ..Options::default()
    };
    pith::extract(&html, &options).expect("extracts")
}

/// The Markdown and the text of a page, as lines.
fn outputs(name: &str) -> (Vec<String>, Vec<String>) {
    let ex = extract(name);
    let md = ex.to_markdown(&RenderOptions::default());
    let text = ex.to_text();
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    (lines(&md), lines(&text))
}

fn has_line(lines: &[String], want: &str) {
    assert!(
        lines.iter().any(|l| l == want),
        "no line {want:?} in:\n{}",
        lines.join("\n")
    );
}

#[test]
fn a_space_at_the_inside_edge_of_emphasis_moves_outside() {
    let (md, text) = outputs("inline-edges.html");
    has_line(
        &md,
        "I *love* to read, and I *love* to write. Visit our *disclosure* [page](https://example.org/disclosure) today.",
    );
    has_line(
        &text,
        "I love to read, and I love to write. Visit our disclosure page today.",
    );
}

#[test]
fn a_no_break_space_at_the_inside_edge_separates_words() {
    let (md, text) = outputs("inline-edges.html");
    has_line(
        &md,
        "Get ready to start\u{a0}*enjoying* the process, then *Shintô* 神道 and more.",
    );
    assert!(
        text.iter().any(|l| l.contains("enjoying the process")),
        "{text:?}"
    );
}

#[test]
fn a_line_break_at_the_end_of_emphasis_stays_between_the_lines() {
    let (md, text) = outputs("inline-edges.html");
    has_line(&md, "*First line of the verse*\\");
    has_line(&md, "*Second line of the verse*");
    has_line(&text, "First line of the verse");
}

#[test]
fn adjacent_bold_spans_are_one_and_a_bold_space_is_a_space() {
    let (md, _) = outputs("inline-edges.html");
    has_line(
        &md,
        "The day was **Day** one, and the **brave** **new** world began.",
    );
}

#[test]
fn bold_ending_in_punctuation_before_a_letter_shows_no_stars() {
    let (md, _) = outputs("emphasis-flanking.html");
    // CommonMark cannot close `**` after "." and before a letter: the
    // emphasis is left out rather than shown as stars.
    has_line(
        &md,
        "Berlin, 2022.Weihnachten steht vor der Tür, und viele Menschen reisen zu ihren Familien.",
    );
    has_line(
        &md,
        "Keep your records current.Make sure every entry has a date.",
    );
    has_line(
        &md,
        "(CNN)President Smith spoke in the city, and “The quote” followed.",
    );
}

#[test]
fn nested_strong_and_emphasis_mid_sentence_stay_in_place() {
    let (md, _) = outputs("emphasis-flanking.html");
    has_line(
        &md,
        "The **very *important* rule** applies mid-sentence, and he said ***never*** again.",
    );
}

#[test]
fn text_that_looks_like_markup_is_escaped_once() {
    let (md, text) = outputs("literal-markup.html");
    has_line(
        &md,
        "Stars like \\*this\\* and snake_case_names, \\_underscored\\_ words, the tag \\<b> written out, a back\\\\slash and \\[brackets\\](not a link).",
    );
    has_line(&md, "\\# not a heading, but a hash at the start of a line");
    has_line(
        &md,
        "1\\. not a list, just a sentence starting with a number",
    );
    has_line(&md, "\\- not a bullet either, only a dash");
    // A lone star at a line start: one backslash (two would show one).
    has_line(&md, "\\*");
    has_line(&text, "*");
}

#[test]
fn a_link_whose_url_has_spaces_and_parentheses_still_parses() {
    let (md, _) = outputs("literal-markup.html");
    has_line(
        &md,
        "Read the [page about Foo](<https://example.org/wiki/Foo_(bar)%20baz>) and [the other one](<https://example.org/a(b)c>).",
    );
}

#[test]
fn a_pipe_and_a_line_break_in_a_table_cell() {
    let (md, _) = outputs("cells-and-code.html");
    has_line(&md, "| x \\| y | line one<br>line two |");
    has_line(&md, "| **bold** | plain |");
}

#[test]
fn a_line_break_inside_inline_code_keeps_the_lines_apart() {
    let (md, text) = outputs("cells-and-code.html");
    has_line(&md, "Type these: `rehash`\\");
    has_line(&md, "`which openssl`\\");
    has_line(&text, "which openssl");
}

#[test]
fn blocks_inside_a_caption_and_a_picture_between_words_separate_them() {
    let (md, text) = outputs("cells-and-code.html");
    has_line(
        &md,
        "[Video title here](https://example.org/v/1) The description of the video.",
    );
    has_line(
        &text,
        "The mayor waved to the crowd from the balcony above the square.",
    );
}

#[test]
fn a_line_break_in_a_heading_is_a_space() {
    let (md, _) = outputs("cells-and-code.html");
    has_line(&md, "## A heading on two lines");
}
