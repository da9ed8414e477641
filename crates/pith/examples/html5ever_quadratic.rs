//! Minimal reproductions of the super-linear cases that live in html5ever
//! itself, written to be sent upstream: they use html5ever and a tree sink
//! that builds nothing, no pith code. pith works around each one before the
//! parser sees the page (`dom::prescan` caps attributes per tag and bounds
//! distinct long names; the sink counts open elements and a work estimate
//! stops stray end tags against a deep stack), so these run html5ever bare.
//!
//! `cargo run --release -p pith --example html5ever_quadratic`
//!
//! Each case is timed at n and 4n: linear work gives a ratio near 4, a
//! quadratic one near 16.
//!
//! 1. `duplicate-attributes`: `<p a0 a1 … aN>`. The tokenizer checks each
//!    new attribute's name against every earlier one of the tag.
//! 2. `stray-end-tags`: N/20 open `<span>`s, then N `</div>`s. Each end tag
//!    with no matching open element scans the whole stack of open elements
//!    ("any other end tag" steps of the in-body insertion mode).
//! 3. `distinct-names`: N elements with different tag names. Every name is
//!    interned in string_cache's global set, which has a fixed number of
//!    buckets and is never emptied: lookups slow down as it fills, and the
//!    memory stays for the life of the process.

// A report written to standard output is this example's whole job.
#![allow(clippy::print_stdout)]

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::time::Instant;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, Attribute, ParseOpts, QualName};

/// Remembers each element's name (the tree builder asks for them) and
/// nothing else.
#[derive(Default)]
struct NamesOnly {
    names: RefCell<Vec<QualName>>,
    next: Cell<usize>,
}

impl NamesOnly {
    fn new_node(&self, name: Option<QualName>) -> usize {
        let mut names = self.names.borrow_mut();
        names.push(name.unwrap_or_else(|| QualName::new(None, ns!(html), local_name!("div"))));
        self.next.set(names.len());
        names.len() - 1
    }
}

impl TreeSink for NamesOnly {
    type Handle = usize;
    type Output = usize;
    type ElemName<'a> = std::cell::Ref<'a, QualName>;

    fn finish(self) -> usize {
        self.next.get()
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> usize {
        usize::MAX
    }
    fn elem_name<'a>(&'a self, target: &'a usize) -> Self::ElemName<'a> {
        std::cell::Ref::map(self.names.borrow(), |n| &n[*target])
    }
    fn create_element(&self, name: QualName, _: Vec<Attribute>, _: ElementFlags) -> usize {
        self.new_node(Some(name))
    }
    fn create_comment(&self, _: StrTendril) -> usize {
        self.new_node(None)
    }
    fn create_pi(&self, _: StrTendril, _: StrTendril) -> usize {
        self.new_node(None)
    }
    fn append(&self, _: &usize, _: NodeOrText<usize>) {}
    fn append_based_on_parent_node(&self, _: &usize, _: &usize, _: NodeOrText<usize>) {}
    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}
    fn get_template_contents(&self, target: &usize) -> usize {
        *target
    }
    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, _: QuirksMode) {}
    fn append_before_sibling(&self, _: &usize, _: NodeOrText<usize>) {}
    fn add_attrs_if_missing(&self, _: &usize, _: Vec<Attribute>) {}
    fn remove_from_parent(&self, _: &usize) {}
    fn reparent_children(&self, _: &usize, _: &usize) {}
}

fn parse(html: &str) -> f64 {
    let start = Instant::now();
    let nodes = parse_document(NamesOnly::default(), ParseOpts::default()).one(html);
    std::hint::black_box(nodes);
    start.elapsed().as_secs_f64()
}

fn duplicate_attributes(n: usize) -> String {
    let mut s = String::from("<!DOCTYPE html><p");
    for i in 0..n {
        let _ = write!(s, " a{i}");
    }
    s.push_str(">text</p>");
    s
}

fn stray_end_tags(n: usize) -> String {
    format!(
        "<!DOCTYPE html><body>{}{}",
        "<span>".repeat(n / 20),
        "</div>".repeat(n)
    )
}

fn distinct_names(n: usize) -> String {
    let mut s = String::from("<!DOCTYPE html><div>");
    for i in 0..n {
        let _ = write!(s, "<x-el{i}>w</x-el{i}>");
    }
    s
}

type Case = (&'static str, fn(usize) -> String, usize);

fn main() {
    let cases: [Case; 3] = [
        ("duplicate-attributes", duplicate_attributes, 25_000),
        ("stray-end-tags", stray_end_tags, 25_000),
        // Run last: the names it interns stay for the rest of the process.
        ("distinct-names", distinct_names, 50_000),
    ];
    println!("| case | n | input KB | seconds at n | seconds at 4n | ratio |");
    println!("| --- | --- | --- | --- | --- | --- |");
    for (name, build, n) in cases {
        let small = build(n);
        let large = build(4 * n);
        let (a, b) = (parse(&small), parse(&large));
        println!(
            "| {name} | {n} | {} | {a:.3} | {b:.3} | {:.1} |",
            small.len() / 1024,
            b / a.max(1e-6)
        );
    }
}
