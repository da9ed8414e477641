//! The `pith` binary as users run it: exit statuses, formats, messages.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../pith/tests/fixtures")
        .join(name)
        .join("page.html")
}

const URL: &str =
    "https://www.northernledger.example/2023/05/17/council-approves-floating-solar-farm-a4417";

/// Run `pith` with `args`, feeding `stdin` when given.
fn pith(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pith"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("pith runs");
    if let Some(input) = stdin {
        let mut s = child.stdin.take().expect("stdin");
        // A failed write (pith exited early) shows in the status.
        let _ = s.write_all(input);
    }
    child.wait_with_output().expect("pith ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn extract_fixture(format: &str) -> Output {
    let page = fixture("news-figure-credit");
    pith(
        &[
            "extract",
            page.to_str().expect("utf-8 path"),
            "--url",
            URL,
            "--format",
            format,
        ],
        None,
    )
}

#[test]
fn markdown_is_the_default_and_exits_zero() {
    let page = fixture("news-figure-credit");
    let o = pith(
        &["extract", page.to_str().expect("path"), "--url", URL],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# "), "{md}");
    assert!(md.trim_end().ends_with(&format!("<{URL}>")), "{md}");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn every_format_exits_zero_on_an_article() {
    let text = stdout(&extract_fixture("text"));
    assert!(
        !text.starts_with('#') && !text.contains("Original url"),
        "{text}"
    );
    let html = stdout(&extract_fixture("html"));
    assert!(html.contains("<p>"), "{html}");
    let o = extract_fixture("json");
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["url"], URL);
    assert!(v["markdown"].as_str().is_some_and(|m| m.starts_with("# ")));
    assert!(v["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(v["truncated"].is_null());
    for format in ["markdown", "text", "html"] {
        assert_eq!(extract_fixture(format).status.code(), Some(0), "{format}");
    }
}

#[test]
fn standard_input_is_read_for_a_dash_or_no_path() {
    let page = std::fs::read(fixture("news-figure-credit")).expect("fixture");
    for args in [&["extract", "-"][..], &["extract"][..]] {
        let o = pith(args, Some(&page));
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).starts_with("# "));
    }
}

#[test]
fn no_article_exits_one_and_says_so() {
    let empty = b"<html><head><title>Nothing</title></head><body></body></html>";
    let o = pith(&["extract", "-"], Some(empty));
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("no article found"), "{}", stderr(&o));
    // JSON is still written: the metadata counts.
    let o = pith(&["extract", "-", "--format", "json"], Some(empty));
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["title"], "Nothing");
    assert!(v["markdown"].is_null());
}

#[test]
fn bad_arguments_exit_two() {
    let page = b"<p>A paragraph.</p>";
    let o = pith(&["extract", "--format", "yaml"], Some(page));
    assert_eq!(o.status.code(), Some(2));
    let o = pith(
        &["extract", "-", "--charset", "no-such-charset"],
        Some(page),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown encoding"), "{}", stderr(&o));
    let o = pith(&["extract", "-", "--url", "not a url"], Some(page));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid URL"), "{}", stderr(&o));
}

#[test]
fn a_url_in_place_of_a_file_says_how_to_fetch_it() {
    let o = pith(&["extract", "https://news.example/story"], None);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("fetches nothing"), "{e}");
    assert!(
        e.contains("curl -sL 'https://news.example/story' | pith extract - --url"),
        "{e}"
    );
}

#[test]
fn unreadable_or_refused_input_exits_three() {
    let o = pith(&["extract", "/no/such/page.html"], None);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("cannot read /no/such/page.html"),
        "{}",
        stderr(&o)
    );
    // A PNG is not a page.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let o = pith(&["extract", "-"], Some(png));
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("not HTML"), "{}", stderr(&o));
}

#[test]
fn a_page_over_its_time_budget_exits_four() {
    let page = "<p>A paragraph of the minutes, with words in it.</p>".repeat(200_000);
    let o = pith(
        &["extract", "-", "--time-budget-ms", "0"],
        Some(page.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(4));
    assert!(stderr(&o).contains("time budget"), "{}", stderr(&o));
}

#[test]
fn a_limit_that_changes_the_page_is_reported_on_stderr_and_in_json() {
    let attrs: String = (0..300).map(|i| format!(" data-k{i}=\"{i}\"")).collect();
    let page = format!(
        "<article><h1>Pier</h1><p{attrs}>The harbour commission voted on Tuesday to rebuild \
         the north pier, closed since the storm in March, at a cost of four million pounds.</p></article>"
    );
    let o = pith(&["extract", "-"], Some(page.as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("rebuild the north pier"));
    assert!(
        stderr(&o).contains("pith: warning: the page was changed (attributes)"),
        "{}",
        stderr(&o)
    );
    let o = pith(&["extract", "-", "--format", "json"], Some(page.as_bytes()));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["truncated"][0]["reason"], "attributes");
}

#[test]
fn help_and_version_exit_zero() {
    for flag in ["--help", "--version"] {
        let o = pith(&[flag], None);
        assert_eq!(o.status.code(), Some(0), "{flag}");
        assert!(!stdout(&o).is_empty());
    }
}
