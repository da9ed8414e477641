//! Hostile page shapes: pages built to make an HTML extractor slow, hungry
//! or lossy, each around a real article that must survive them.
//!
//! Every shape is a function of a scale `n`; its page grows linearly with
//! `n`. The integration tests assert what pith makes of each (the article
//! before the hostile part comes out, a cut is reported), the `hostile`
//! benchmark of `pith-eval` times each at two scales 4x apart, and the
//! fuzz corpus is seeded with them. The shapes come from defects found by
//! fuzzing and on real pages; each says which.

use std::fmt::Write;

/// A sentence of the article that every shape carries before its hostile
/// part: it must be in the output.
pub const LEAD: &str = "The harbour commission voted on Tuesday to rebuild the north pier";

/// The article every shape starts with, left open: the hostile part goes
/// inside it, where the extractor's builder meets it.
pub fn article_open() -> String {
    format!(
        "<article><h1>Harbour commission approves new pier</h1>\
         <p>{LEAD}, which has been closed since the storm in March, at a cost the \
         commission put at four million pounds, to be shared with the county.</p>\
         <p>Work will begin in the spring and should take eighteen months, the chair of the \
         commission said, adding that fishing boats would use the south quay meanwhile.</p>\
         <p>Residents who had campaigned for the pier to reopen welcomed the decision, \
         though several asked why the repairs had taken so long to approve.</p>"
    )
}

/// The whole article, closed.
pub fn article() -> String {
    article_open() + "</article>"
}

/// A page: `<head>` with a title, then `body`.
fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Harbour commission approves new pier</title></head><body>{body}</body></html>"
    )
}

/// One hostile shape.
pub struct Shape {
    /// Short name, stable (used in reports and corpus file names).
    pub name: &'static str,
    /// What it is and where it came from.
    pub what: &'static str,
    /// The scale of the smaller benchmark size; the larger is 4x.
    pub base: usize,
    /// A sentence that must also come out, after the hostile part, when
    /// no limit is meant to cut the page.
    pub after: Option<&'static str>,
    build: fn(usize) -> String,
}

impl Shape {
    /// The page at scale `n`.
    pub fn page(&self, n: usize) -> String {
        (self.build)(n)
    }
}

/// A sentence placed after the hostile part of shapes that no limit cuts.
pub const AFTER: &str = "The commission will meet again in June to choose a contractor";

fn after_paragraph() -> String {
    format!("<p>{AFTER}, once the county has confirmed its share of the cost.</p>")
}

fn menu_before_article(n: usize) -> String {
    let mut s = String::from("<header><nav><ul>");
    for i in 0..n {
        let _ = write!(
            s,
            "<li><a href=\"/s/{i}\"><svg viewBox=\"0 0 8 8\"><path d=\"M0 0h8v8H0z\"/></svg>Section {i}</a></li>"
        );
    }
    s.push_str("</ul></nav></header>");
    s.push_str(&article());
    s.push_str(&after_paragraph());
    page(&s)
}

fn long_article(n: usize) -> String {
    let mut s = format!("<article><h1>Harbour commission approves new pier</h1><p>{LEAD}.</p>");
    for i in 0..n {
        let _ = write!(
            s,
            "<p>Paragraph {i} of the minutes records, in the words of the clerk, what each member \
             said about the pier, the quay, the boats and the cost of the repairs.</p>"
        );
    }
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn code_spans(n: usize) -> String {
    let mut s = article_open();
    s.push_str("<p>The commands:");
    for i in 0..n {
        let _ = write!(s, " <code>x{i}</code>");
    }
    s.push_str("</p>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn noscript_images(n: usize) -> String {
    let mut s = article_open();
    s.push_str("<div>");
    for i in 0..n {
        let _ = write!(s, "<noscript><img src=\"/i/{i}.jpg\"></noscript>");
    }
    s.push_str("</div>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn reopened_formatting(n: usize) -> String {
    // 1,400 distinct formatting elements, closed by their container, are
    // reopened by the tree builder for every paragraph after it.
    let mut s = article_open();
    s.push_str("<div>");
    for i in 0..1400 {
        let _ = write!(s, "<b class=\"c{i}\">");
    }
    s.push_str("</div>");
    for i in 0..n {
        let _ = write!(s, "<p>p{i}</p>");
    }
    page(&s)
}

fn open_spans_stray_ends(n: usize) -> String {
    let mut s = article_open();
    s.push_str(&"<span>".repeat(4000));
    s.push_str(&"</div>".repeat(n));
    page(&s)
}

fn deep_stack_stray_ends(n: usize) -> String {
    // Under the open-element limit, so only the work estimate stops it.
    let mut s = article_open();
    s.push_str(&"<span>".repeat(900));
    s.push_str(&"</div>".repeat(n));
    page(&s)
}

fn svg_nested_stray(n: usize) -> String {
    let mut s = article_open();
    s.push_str("<svg>");
    s.push_str(&"<g>".repeat(20_000));
    s.push_str(&"</x>".repeat(n));
    page(&s)
}

fn many_attributes(n: usize) -> String {
    let mut s = article_open();
    s.push_str("<p");
    for i in 0..n {
        let _ = write!(s, " a{i}");
    }
    s.push_str(">attributes</p>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn ragged_table(n: usize) -> String {
    let mut s = article_open();
    s.push_str("<table><tr>");
    for i in 0..n {
        let _ = write!(s, "<td>{i}</td>");
    }
    s.push_str("</tr>");
    for i in 0..n {
        let _ = write!(s, "<tr><td>r{i}</td></tr>");
    }
    s.push_str("</table>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn deep_divs(n: usize) -> String {
    let mut s = article_open();
    s.push_str(&"<div>".repeat(n));
    s.push_str("deep");
    page(&s)
}

fn inline_code_siblings(n: usize) -> String {
    // Code elements standing between blocks: each one looked at all its
    // siblings to decide whether it is a block.
    let mut s = article_open();
    s.push_str("<div>");
    for i in 0..n {
        let _ = write!(s, "<code>c{i}</code><p>line {i}</p>");
    }
    s.push_str("</div>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn epilogue_labels(n: usize) -> String {
    // "Related" labels, each followed by a short paragraph: each label
    // scanned all the siblings after it for prose.
    let mut s = String::from("<div>");
    s.push_str(&article());
    for i in 0..n {
        let _ = write!(s, "<p><b>Read also</b></p><p>Item {i}</p>");
    }
    s.push_str("</div>");
    page(&s)
}

fn labels_before_prose(n: usize) -> String {
    // Many "Read also" labels, then two paragraphs of prose: each label
    // looked through every sibling after it for prose that goes on.
    let mut s = article_open();
    for _ in 0..n {
        s.push_str("<p><b>Read also</b></p>");
    }
    for _ in 0..2 {
        s.push_str(&after_paragraph().replace("</p>", " The chair said the minutes would be published, and that the public could comment on them for a month before the vote.</p>"));
    }
    s.push_str("</article>");
    page(&s)
}

fn loose_paragraphs(n: usize) -> String {
    // The body's paragraphs loose beside the best container: each joined
    // the selection, and each sibling was looked up in the selection.
    let mut s = article();
    for i in 0..n {
        let _ = write!(
            s,
            "<p>Loose paragraph {i} of the report, a full sentence with few links in it.</p>"
        );
    }
    s.push_str(&after_paragraph());
    page(&s)
}

fn distinct_names(n: usize) -> String {
    // Every tag and attribute name different: the parser interns names.
    let mut s = article_open();
    s.push_str("<div>");
    for i in 0..n {
        let _ = write!(s, "<x-el{i} data-at{i}=\"1\">w</x-el{i}>");
    }
    s.push_str("</div>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

fn nested_asides(n: usize) -> String {
    // Asides nested in asides, each searched for the article body.
    let mut s = article_open();
    s.push_str(&"<aside><div>".repeat(n));
    page(&s)
}

fn nested_articles(n: usize) -> String {
    let mut s = article_open();
    for i in 0..n {
        let _ = write!(
            s,
            "<article><p>Teaser {i} about another story in the county.</p>"
        );
    }
    page(&s)
}

fn many_comments(n: usize) -> String {
    let mut s = article_open();
    s.push_str("<div>");
    for i in 0..n {
        let _ = write!(s, "<!-- c{i} --><span>w</span>");
    }
    s.push_str("</div>");
    s.push_str(&after_paragraph());
    s.push_str("</article>");
    page(&s)
}

/// Every shape, with its smaller benchmark scale.
pub fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "menu-before-article",
            what: "a menu of links with inline SVG icons before the article (real news pages: 'no article found' past ~4,000 elements)",
            base: 2_000,
            after: Some(AFTER),
            build: menu_before_article,
        },
        Shape {
            name: "long-article",
            what: "an article of many paragraphs (60,000 at the larger size, 30 MB: cut at 4,098 before)",
            base: 15_000,
            after: Some(AFTER),
            build: long_article,
        },
        Shape {
            name: "code-spans",
            what: "one paragraph of many <code> spans (100,000 at the larger size: cut at ~4,100 before)",
            base: 25_000,
            after: Some(AFTER),
            build: code_spans,
        },
        Shape {
            name: "noscript-images",
            what: "many <noscript><img></noscript> siblings (each scanned its siblings for an <img>)",
            base: 15_000,
            after: Some(AFTER),
            build: noscript_images,
        },
        Shape {
            name: "reopened-formatting",
            what: "1,400 distinct <b> closed by their <div>, then many paragraphs: each paragraph reopens them all",
            base: 4_000,
            after: None,
            build: reopened_formatting,
        },
        Shape {
            name: "open-spans-stray-ends",
            what: "4,000 open <span>s, then many stray </div>s (each scans the open elements)",
            base: 250_000,
            after: None,
            build: open_spans_stray_ends,
        },
        Shape {
            name: "deep-stack-stray-ends",
            what: "900 open <span>s (under the open-element limit), then many stray </div>s",
            base: 250_000,
            after: None,
            build: deep_stack_stray_ends,
        },
        Shape {
            name: "svg-nested-stray",
            what: "20,000 nested SVG <g>, then many stray end tags",
            base: 75_000,
            after: None,
            build: svg_nested_stray,
        },
        Shape {
            name: "many-attributes",
            what: "one tag with many attributes (200,000 at the larger size: html5ever's duplicate check is quadratic)",
            base: 50_000,
            after: Some(AFTER),
            build: many_attributes,
        },
        Shape {
            name: "ragged-table",
            what: "a table of one n-cell row, then n one-cell rows (padded to a 16 MB grid before)",
            base: 1_500,
            after: Some(AFTER),
            build: ragged_table,
        },
        Shape {
            name: "deep-divs",
            what: "unclosed <div>s nested n deep",
            base: 25_000,
            after: None,
            build: deep_divs,
        },
        Shape {
            name: "inline-code-siblings",
            what: "<code> elements between paragraphs, all siblings (each scanned its siblings)",
            base: 10_000,
            after: Some(AFTER),
            build: inline_code_siblings,
        },
        Shape {
            name: "epilogue-labels",
            what: "'Read also' labels, each with a paragraph after it (each scanned the siblings after it)",
            base: 10_000,
            after: None,
            build: epilogue_labels,
        },
        Shape {
            name: "labels-before-prose",
            what: "many 'Read also' labels, then two paragraphs (each label scanned all the siblings after it)",
            base: 10_000,
            after: Some(AFTER),
            build: labels_before_prose,
        },
        Shape {
            name: "loose-paragraphs",
            what: "many paragraphs loose beside the article (each sibling was looked up in the selection)",
            base: 10_000,
            after: Some(AFTER),
            build: loose_paragraphs,
        },
        Shape {
            name: "distinct-names",
            what: "every tag and attribute name different (names are interned)",
            base: 25_000,
            after: Some(AFTER),
            build: distinct_names,
        },
        Shape {
            name: "nested-asides",
            what: "asides nested in asides (each searched for the article body)",
            base: 5_000,
            after: None,
            build: nested_asides,
        },
        Shape {
            name: "nested-articles",
            what: "<article>s nested in <article>s, each with a teaser",
            base: 5_000,
            after: None,
            build: nested_articles,
        },
        Shape {
            name: "many-comments",
            what: "many HTML comments between inline elements",
            base: 50_000,
            after: Some(AFTER),
            build: many_comments,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_grow_linearly_with_the_scale() {
        for s in shapes() {
            let a = s.page(100).len() as f64;
            let b = s.page(400).len() as f64;
            assert!(b / a < 4.5, "{}: {a} -> {b}", s.name);
            assert!(s.page(10).contains(LEAD), "{}", s.name);
        }
    }
}
