//! Hostile and broken inputs, generated here rather than stored. Every input
//! must end in `Ok` or `Err` (never a panic, never a hang), and for every
//! `Ok` all renderers must run. Every case runs at full size in debug builds
//! except the 50 MB page, which is left to release builds (CI runs
//! `cargo test --workspace --release`).

use pith::{ErrorKind, Extraction, Options};

use crate::util::{render_all, Fixture};

/// xorshift64*: a tiny fixed-seed generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Options that exercise the most code: a URL for link resolution and the
/// footer, and comments on.
fn full_options() -> Options {
    Options {
        url: Some("https://robust.example/a/b/page.html?q=1".to_owned()),
        comments: true,
        now: Some(1_700_000_000),
        ..Options::default()
    }
}

/// Extract with default and with full options; render every `Ok`. Returns
/// the full-options result for further checks. (No timing here: speed is
/// measured by the benchmarks; the parser's limits keep hostile inputs
/// linear, see `dom::tests`.)
fn survive(label: &str, bytes: &[u8]) -> Result<Extraction, pith::Error> {
    let plain = pith::extract(bytes, &Options::default());
    if let Ok(ex) = &plain {
        render_all(ex);
    }
    let full = pith::extract(bytes, &full_options());
    if let Ok(ex) = &full {
        render_all(ex);
        assert!(
            (0.0..=1.0).contains(&ex.confidence),
            "{label}: confidence {} out of range",
            ex.confidence
        );
    }
    full
}

fn survive_str(label: &str, s: &str) -> Result<Extraction, pith::Error> {
    survive(label, s.as_bytes())
}

/// A small well-formed article to cut and corrupt.
const ARTICLE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Ferry timetable changes for winter | Island Post</title>\
<meta property=\"og:title\" content=\"Ferry timetable changes for winter\"></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
<article><h1>Ferry timetable changes for winter</h1><p class=\"byline\">By Ada Crane &middot; <time datetime=\"2022-10-30\">30 October 2022</time></p>\
<p>The last evening ferry from the mainland will leave half an hour earlier from next Monday, the operator said, as it moves to its winter timetable.</p>\
<p>Islanders who work late shifts have asked for a later sailing on Fridays &amp; Saturdays, and the operator said it would consider one in the spring.</p>\
<!-- ad slot --><figure><img src=\"/img/ferry.jpg\" alt=\"The ferry\"><figcaption>The ferry at the pier. <span class=\"credit\">Jo Hale / Island Post</span></figcaption></figure>\
<p>Fares are unchanged. Timetables are posted at both piers and on the operator&#39;s website.</p>\
<ul><li>Monday to Thursday: last sailing 21:30</li><li>Friday and Saturday: last sailing 22:00</li></ul>\
<table><tr><th>Day</th><th>Last sailing</th></tr><tr><td>Sunday</td><td>20:00</td></tr></table>\
</article><footer>&copy; Island Post</footer></body></html>";

#[test]
fn empty_and_whitespace() {
    for (label, input) in [
        ("empty", &b""[..]),
        ("space", b" "),
        ("whitespace", b" \n\t\r\n   \x0c "),
        ("bom only", b"\xEF\xBB\xBF"),
        ("utf-16 bom only", b"\xFF\xFE"),
        ("lone <", b"<"),
        ("lone &", b"&"),
        ("doctype only", b"<!DOCTYPE html>"),
        ("empty document", b"<html><head></head><body></body></html>"),
        ("text only", b"just some words, no tags at all"),
    ] {
        if let Ok(ex) = survive(label, input) {
            assert!(
                ex.article.is_none() || ex.confidence < 0.5,
                "{label}: no article can be in {input:?}"
            );
        }
    }
}

#[test]
fn binary_garbage() {
    for seed in 1..=6 {
        let mut rng = Rng::new(seed);
        let n = 1 << (8 + 2 * seed as usize % 10); // 1 KiB .. 256 KiB
        let bytes = rng.bytes(n);
        let res = survive(&format!("garbage seed {seed}"), &bytes);
        if let Err(e) = res {
            assert_eq!(e.kind(), ErrorKind::NotHtml, "seed {seed}: {e}");
        }
    }
}

/// Files of common binary formats: a real header, then noise.
fn binary_files() -> Vec<(&'static str, Vec<u8>)> {
    let mut rng = Rng::new(42);
    let mut gz = vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03];
    gz.extend(rng.bytes(4096));
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(rng.bytes(2048));
    let mut pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    pdf.extend(rng.bytes(2048));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend(rng.bytes(2048));
    vec![("gzip", gz), ("png", png), ("pdf", pdf), ("zip", zip)]
}

#[test]
fn gzip_and_other_binary_headers() {
    for (label, bytes) in binary_files() {
        let _ = survive(label, &bytes);
    }
}

/// Compressed or binary bytes (a page saved without decompressing it) are
/// refused as `NotHtml` or give no article; never an "article" of mojibake.
#[test]
fn binary_input_is_not_an_article() {
    let mut inputs = binary_files();
    for seed in 1..=3 {
        inputs.push(("random bytes", Rng::new(seed).bytes(16 << 10)));
    }
    for (label, bytes) in inputs {
        match pith::extract(&bytes, &full_options()) {
            Ok(ex) => assert!(
                ex.article.is_none() || ex.confidence < 0.5,
                "{label}: binary data is no article, got confidence {}:\n{}",
                ex.confidence,
                crate::util::excerpt(&ex.to_text())
            ),
            Err(e) => assert_eq!(e.kind(), ErrorKind::NotHtml, "{label}: {e}"),
        }
    }
}

#[test]
fn truncated_everywhere() {
    // Cut the article at every byte boundary that falls inside a tag, an
    // entity, a comment or an attribute, and at a spread of other points.
    let bytes = ARTICLE.as_bytes();
    let mut cuts: Vec<usize> = Vec::new();
    for (i, w) in bytes.windows(2).enumerate() {
        if matches!(w, [b'<', _] | [b'&', _] | [b'=', b'"'] | [b'-', b'-']) {
            cuts.extend([i + 1, i + 2]);
        }
    }
    cuts.extend((0..bytes.len()).step_by(37));
    cuts.sort_unstable();
    cuts.dedup();
    for cut in cuts {
        let cut = cut.min(bytes.len());
        let _ = survive(&format!("cut at {cut}"), &bytes[..cut]);
    }
}

#[test]
fn truncated_named_cases() {
    for (label, s) in [
        ("mid tag", "<html><body><p>Some text here</p><div cla"),
        (
            "mid attribute",
            "<p>Text</p><a href=\"https://example.com/pa",
        ),
        ("mid entity", "<p>Fish &am"),
        ("mid numeric entity", "<p>Quote &#821"),
        ("mid hex entity", "<p>Quote &#x20A"),
        (
            "unclosed comment",
            "<p>Before</p><!-- never closed <p>After</p>",
        ),
        ("unclosed cdata", "<svg><![CDATA[ never closed"),
        ("unclosed script", "<p>Text</p><script>var a = '</p>';"),
        ("unclosed style", "<style>p { color: red }"),
        ("unclosed textarea", "<textarea><p>not a paragraph"),
        ("unclosed title", "<title>Endless title <p>body?"),
        ("plaintext", "<p>Before</p><plaintext><p>all text from here"),
        ("mid doctype", "<!DOCTYPE html PUBLIC \"-//W3C"),
        (
            "huge entity",
            "<p>&#99999999999999999999; &#0; &#xD800; &#x110000;</p>",
        ),
        (
            "stray end tags",
            "</p></div></body></html></table></li>text",
        ),
        (
            "unclosed pre",
            "<pre><code class=\"language-rust\">fn main() {\n    loop {}\n",
        ),
    ] {
        let _ = survive_str(label, s);
    }
}

#[test]
fn nul_and_control_bytes() {
    let mut s = b"<html><body><article><h1>Ti\0tle</h1><p>a\0b\0c ".to_vec();
    s.extend((0u8..32).cycle().take(2000));
    s.extend_from_slice(b"</p><di\0v cl\0ass=\"x\0\">\0</div>\x7f\x1b[31m</article></body></html>");
    let _ = survive("nul and control bytes", &s);
    let _ = survive("nuls only", &[0u8; 10_000]);
}

#[test]
fn invalid_bytes_in_declared_encoding() {
    let mut utf8 =
        b"<meta charset=utf-8><title>T</title><p>valid then \xFF\xFE invalid \xC3 \xE2\x82 cut "
            .to_vec();
    utf8.extend_from_slice(
        &b"<p>A paragraph of ordinary text to pad the page out. </p>".repeat(20),
    );
    let ex =
        survive("utf-8 with invalid bytes", &utf8).expect("invalid bytes are replaced, not fatal");
    assert_eq!(ex.encoding, "UTF-8");

    // Shift_JIS text cut inside a two-byte character.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS
        .encode("<meta charset=shift_jis><title>記事</title><p>今日は晴れです。明日は雨が降るでしょう。</p>");
    let mut cut = sjis.to_vec();
    cut.extend_from_slice(b"<p>\x82");
    let ex = survive("shift_jis truncated multibyte", &cut).expect("decodes with replacement");
    assert_eq!(ex.encoding, "Shift_JIS");
    let _ = survive("shift_jis cut at end", &sjis[..sjis.len() - 1]);

    // Declared as UTF-16 in a meta tag, which browsers read as UTF-8.
    let _ = survive("meta utf-16", b"<meta charset=utf-16><p>caf\xC3\xA9</p>");
    // A label that does not exist.
    let _ = survive("meta bogus", b"<meta charset=no-such-thing><p>text</p>");
}

#[test]
fn utf16_with_bom() {
    let text = "<html><body><article><h1>Überschrift</h1><p>Ein Absatz mit Umlauten: äöü ß, und noch ein paar Wörter mehr, damit es ein Absatz ist.</p></article></body></html>";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let ex = survive("utf-16le bom", &le).expect("utf-16le");
    assert_eq!(ex.encoding, "UTF-16LE");
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let ex = survive("utf-16be bom", &be).expect("utf-16be");
    assert_eq!(ex.encoding, "UTF-16BE");
    // An odd byte count: the last code unit is cut in half.
    let _ = survive("utf-16le odd length", &le[..le.len() - 1]);
    // Unpaired surrogates.
    let mut lone = vec![0xFF, 0xFE];
    lone.extend([
        0x3C, 0x00, 0x70, 0x00, 0x3E, 0x00, 0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC,
    ]);
    let _ = survive("utf-16le lone surrogates", &lone);
}

#[test]
fn script_only_pages() {
    for (label, s) in [
        ("script only", "<script>var html = '<article><p>' + 'not real text' + '</p></article>';</script>"),
        ("script in body", "<html><body><script>document.write('<p>hello</p>')</script></body></html>"),
        ("noscript only", "<html><body><noscript><p>Please enable JavaScript to view this site.</p></noscript></body></html>"),
        ("json only", "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Not HTML\"}"),
        ("broken json-ld", "<script type=\"application/ld+json\">{\"@graph\": [ {\"author\": [</script><p>text</p>"),
        ("deep json-ld", &format!("<script type=\"application/ld+json\">{}{}</script>", "[".repeat(100_000), "]".repeat(100_000))),
    ] {
        if let Ok(ex) = survive_str(label, s) {
            if label != "broken json-ld" {
                assert!(
                    ex.article.is_none() || ex.confidence < 0.5,
                    "{label}: no article in a script"
                );
            }
        }
    }
}

/// A page of `n` nested `<div>`s around one paragraph, closed or not.
fn nested_divs(n: usize, closed: bool) -> String {
    let mut s = String::with_capacity(n * 11 + 200);
    s.push_str("<html><body>");
    s.push_str(&"<div>".repeat(n));
    s.push_str("<p>Deep inside a great many divs sits one paragraph of text that is long enough to count as content.</p>");
    if closed {
        s.push_str(&"</div>".repeat(n));
    }
    s.push_str("</body></html>");
    s
}

/// Used to be quadratic in the parser (every `<div>` start tag made
/// html5ever scan the whole stack of open elements for a `<p>`: minutes in
/// debug); the parse now stops past a bound on open elements.
#[test]
fn nesting_100000_divs() {
    let ex = pith::extract(nested_divs(100_000, true).as_bytes(), &full_options());
    if let Ok(ex) = &ex {
        render_all(ex);
    }
    let ex = pith::extract(nested_divs(100_000, false).as_bytes(), &Options::default());
    if let Ok(ex) = &ex {
        render_all(ex);
    }
}

#[test]
fn nesting_100000_formatting_elements() {
    let n = 50_000;
    let mut s = String::from("<p>");
    for _ in 0..n {
        s.push_str("<b><i>x ");
    }
    s.push_str("</p><p>after</p>");
    let _ = survive("100000 alternating b/i", s.as_bytes());
    // Misnested formatting elements make the adoption agency algorithm work.
    let misnested = "<b><i><p>a</b>b</i>c</p>".repeat(20_000);
    let _ = survive("misnested formatting", misnested.as_bytes());
}

#[test]
fn nesting_20000_tables() {
    let s = "<table><tr><td>".repeat(20_000) + "cell text";
    let _ = survive("20000 nested tables", s.as_bytes());
    let bare = "<table>".repeat(20_000);
    let _ = survive("20000 bare tables", bare.as_bytes());
}

#[test]
fn nesting_lists_and_quotes() {
    let lists = "<ul><li>item ".repeat(20_000);
    let _ = survive("20000 nested lists", lists.as_bytes());
    let ol = "<ol start=\"4294967295\"><li>x".repeat(5_000);
    let _ = survive("nested ordered lists with huge start", ol.as_bytes());
    let quotes = "<blockquote><p>quoted ".repeat(20_000);
    let _ = survive("20000 nested quotes", quotes.as_bytes());
    let foreign = "<svg><g>".repeat(20_000) + "<math><mi>";
    let _ = survive("20000 nested svg", foreign.as_bytes());
    let mixed = "<article><section><div><ul><li><table><tr><td><figure><figcaption><a href=\"/x\"><em><strong><code>".repeat(2_000);
    let _ = survive("mixed nesting", mixed.as_bytes());
}

#[test]
fn sibling_paragraphs_200000() {
    let mut s = String::from("<html><body><article><h1>Many paragraphs</h1>");
    for i in 0..200_000 {
        s.push_str("<p>Paragraph ");
        s.push_str(&i.to_string());
        s.push_str(".</p>");
    }
    s.push_str("</article></body></html>");
    let _ = survive("200000 sibling paragraphs", s.as_bytes());
}

#[test]
fn long_attribute_values_and_text() {
    let long = "a".repeat(8 << 20);
    let s = format!(
        "<html><body><article><h1>Long</h1><p><a href=\"https://x.example/{long}\" title=\"{long}\">link</a> and a paragraph of ordinary text to carry it.</p><img src=\"data:image/png;base64,{long}\" alt=\"{long}\"><div class=\"{long}\">text</div></article></body></html>"
    );
    let _ = survive("8 MB attribute values", s.as_bytes());
    let word = format!("<p>{long}</p>");
    let _ = survive("8 MB word", word.as_bytes());
    let many_attrs: String = (0..50_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
    let s = format!("<div{many_attrs}><p>text</p></div>");
    let _ = survive("50000 attributes", s.as_bytes());
    let bad_urls = "<p><a href=\"http://[::1\">a</a> <a href=\"javascript:alert(1)\">b</a> <a href=\"//\">c</a> <img src=\"http://%zz\"> <a href=\"\u{0}\">d</a></p>";
    let _ = survive_str("malformed URLs", bad_urls);
}

/// A page of about `mb` megabytes of ordinary paragraphs.
fn big_page(mb: usize) -> Vec<u8> {
    let para = "<p>This paragraph is one of very many; together they make a page of many megabytes, to see that size alone breaks nothing.</p>\n";
    let target = mb << 20;
    let mut s = String::with_capacity(target + 1024);
    s.push_str("<html><head><title>Huge</title></head><body><article><h1>Huge page</h1>");
    while s.len() < target {
        s.push_str(para);
    }
    s.push_str("</article></body></html>");
    s.into_bytes()
}

#[test]
fn page_of_5_megabytes() {
    let _ = survive("5 MB page", &big_page(5));
}

/// About 80 s per extraction in a debug build, a few seconds in release:
/// `cargo test --release -p pith --test integration page_of_50`.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "over a minute in debug; run with --release"
)]
fn page_of_50_megabytes() {
    let bytes = big_page(50);
    let limit = Options::default().limits.max_bytes;
    match pith::extract(&bytes, &full_options()) {
        Ok(ex) => {
            assert!(bytes.len() <= limit);
            render_all(&ex);
        }
        Err(e) => assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}"),
    }
}

#[test]
fn over_the_byte_limit_is_refused_cheaply() {
    let bytes = big_page(2);
    let mut small = Options::default();
    small.limits.max_bytes = 1 << 20;
    let e = pith::extract(&bytes, &small).expect_err("over the limit");
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    let e = pith::extract_str(std::str::from_utf8(&bytes).expect("ASCII"), &small)
        .expect_err("over the limit");
    assert_eq!(e.kind(), ErrorKind::TooLarge);
    // At the limit exactly is still fine.
    small.limits.max_bytes = bytes.len();
    let ex = pith::extract(&bytes, &small).expect("at the limit");
    render_all(&ex);
}

#[test]
fn node_limit_truncates_instead_of_failing() {
    let mut o = Options::default();
    o.limits.max_nodes = 1_000;
    let s = "<p>short paragraph</p>".repeat(10_000);
    match pith::extract(s.as_bytes(), &o) {
        Ok(ex) => render_all(&ex),
        Err(e) => assert_eq!(e.kind(), ErrorKind::TooLarge, "{e}"),
    }
    let mut o = Options::default();
    o.limits.max_depth = 4;
    let s = "<div><section><article><div><div><div><p>deep text that is flattened</p></div></div></div></article></section></div>";
    if let Ok(ex) = pith::extract(s.as_bytes(), &o) {
        render_all(&ex);
    }
}

#[test]
fn invalid_options_are_errors() {
    let o = Options {
        url: Some("not a url at all".to_owned()),
        ..Options::default()
    };
    let e = pith::extract(ARTICLE.as_bytes(), &o).expect_err("bad URL");
    assert_eq!(e.kind(), ErrorKind::InvalidOption);
    let o = Options {
        charset: Some("no-such-charset".to_owned()),
        ..Options::default()
    };
    let e = pith::extract(ARTICLE.as_bytes(), &o).expect_err("bad charset");
    assert_eq!(e.kind(), ErrorKind::UnknownEncoding);
    // Odd but valid URLs are fine.
    for url in [
        "file:///tmp/page.html",
        "https://例え.jp/パス?q=1#frag",
        "http://127.0.0.1:8080",
        "data:text/html,hi",
    ] {
        let o = Options {
            url: Some(url.to_owned()),
            ..Options::default()
        };
        let ex = pith::extract(ARTICLE.as_bytes(), &o).expect("valid URL");
        render_all(&ex);
    }
    // Every time in the representable range is accepted.
    for now in [i64::MIN, -1, 0, i64::MAX] {
        let o = Options {
            now: Some(now),
            ..Options::default()
        };
        let ex = pith::extract(ARTICLE.as_bytes(), &o).expect("any now");
        render_all(&ex);
    }
}

#[test]
fn random_mutations_of_fixtures() {
    // Flip, insert and delete bytes in real-looking pages.
    let pages: Vec<Vec<u8>> = ["news-figure-credit", "blog-code-table", "layout-table"]
        .iter()
        .map(|n| Fixture::load(n).page)
        .chain(std::iter::once(ARTICLE.as_bytes().to_vec()))
        .collect();
    let mut rng = Rng::new(7);
    let tokens: [&[u8]; 10] = [
        b"<", b">", b"</", b"&", b"\"", b"<!--", b"<table>", b"<li>", b"\0", b"\xFF",
    ];
    for round in 0..40 {
        let mut page = pages[round % pages.len()].clone();
        for _ in 0..(1 + rng.below(30)) {
            let at = rng.below(page.len());
            match rng.below(3) {
                0 => page[at] = rng.next() as u8,
                1 => {
                    let t = tokens[rng.below(tokens.len())];
                    page.splice(at..at, t.iter().copied());
                }
                _ => {
                    let end = (at + rng.below(64)).min(page.len());
                    page.drain(at..end);
                }
            }
        }
        let _ = survive(&format!("mutation round {round}"), &page);
    }
}
