//! Parse stage: html5ever builds the tree straight into a flat arena.
//!
//! Nodes live in one `Vec` and refer to each other by index, so every later
//! stage keeps its per-node scores and flags in plain vectors indexed by
//! [`NodeId`]. Tag and attribute names are html5ever's interned atoms: a
//! comparison against `local_name!("p")` is an integer compare.
//!
//! The tree is immutable once parsed; the cleaning and extraction stages mark
//! nodes in side tables instead of mutating it, which keeps the parse the only
//! place that allocates per node.

use std::cell::{Cell, Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, Attribute, LocalName, QualName};

mod prescan;

pub use html5ever::local_name as tag;

/// Index of a node in the tree (`Dom::nodes`).
pub type NodeId = usize;

const NONE: u32 = u32::MAX;

/// What a node is.
#[derive(Debug)]
pub enum NodeData {
    Document,
    Doctype,
    Comment,
    Text(StrTendril),
    Element(Element),
    /// Processing instructions and template contents: kept for tree shape, never rendered.
    Other,
}

/// An element: its interned name and its attributes in source order.
#[derive(Debug)]
pub struct Element {
    pub name: QualName,
    pub attrs: Vec<Attribute>,
}

impl Element {
    /// The value of the attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    }
}

/// One node of the arena with its links.
#[derive(Debug)]
pub struct Node {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    depth: u32,
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            depth: 0,
            data,
        }
    }
}

#[inline]
fn opt(v: u32) -> Option<NodeId> {
    (v != NONE).then_some(v as NodeId)
}

/// Limits applied while the tree is built. Every one of them is reported
/// in [`Dom::truncations`] when it changes the document.
#[derive(Debug, Clone, Copy)]
pub struct ParseLimits {
    /// Stop building once this many nodes exist; the rest of the input is
    /// not parsed.
    pub max_nodes: usize,
    /// Elements deeper than this are attached to their ancestor at this depth, so
    /// that no later traversal meets a deeper tree (their text is kept).
    pub max_depth: u32,
    /// Elements open at once in the tree builder (its stack of open elements
    /// and its list of formatting elements to reopen). Each new tag and each
    /// paragraph can cost a scan of both, so past this the rest of the input
    /// is not parsed. On the 2,318 pages of the evaluation sets the most is
    /// 57 (`examples/parse_stats.rs`); Chromium flattens its tree at 512.
    pub max_open_elements: usize,
    /// Attributes kept per tag; the rest are dropped before tokenizing
    /// (html5ever's duplicate check is quadratic in a tag's attributes).
    /// The most on one tag of the evaluation sets is 71.
    pub max_attributes: usize,
    /// Stop when this instant passes ([`Dom::timed_out`] says so).
    pub deadline: Option<std::time::Instant>,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_nodes: 2_000_000,
            max_depth: 256,
            max_open_elements: 1024,
            max_attributes: 256,
            deadline: None,
        }
    }
}

/// A limit that cut or reshaped the document while it was parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// More nodes than [`ParseLimits::max_nodes`]: the rest was not parsed.
    Nodes,
    /// Nesting deeper than [`ParseLimits::max_depth`]: deeper elements were
    /// attached to their ancestor at that depth (their text is kept).
    Depth,
    /// More elements open at once than [`ParseLimits::max_open_elements`]:
    /// the rest was not parsed.
    OpenElements,
    /// The tree builder's work outgrew the input many times over (thousands
    /// of tags each scanning a deep stack of open elements): the rest was
    /// not parsed.
    ParserWork,
    /// Tags with more attributes than [`ParseLimits::max_attributes`]: the
    /// attributes past the cap were dropped.
    Attributes,
    /// More distinct long tag and attribute names than the parser interns
    /// cheaply: the rest were renamed (`pith-x`, `data-x`), their text kept.
    Names,
}

impl Limit {
    /// A short stable name (`nodes`, `depth`, `open_elements`,
    /// `parser_work`, `attributes`, `names`), as written in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Limit::Nodes => "nodes",
            Limit::Depth => "depth",
            Limit::OpenElements => "open_elements",
            Limit::ParserWork => "parser_work",
            Limit::Attributes => "attributes",
            Limit::Names => "names",
        }
    }

    /// Was text of the page lost (rather than structure or attributes)?
    pub fn loses_text(self) -> bool {
        matches!(self, Limit::Nodes | Limit::OpenElements | Limit::ParserWork)
    }
}

/// One limit that changed the document, and what it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truncation {
    pub limit: Limit,
    /// For people: which limit, its value, and what was lost.
    pub message: String,
    /// Bytes of the input (as given to the parser) not parsed because of
    /// this limit; 0 when the limit dropped no text.
    pub unparsed_bytes: usize,
}

impl std::fmt::Display for Truncation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Counts from the parse, for benchmarks and tuning.
#[derive(Debug, Clone, Copy, Default)]
pub struct ParseStats {
    /// The most elements open at once, measured between input slices.
    pub max_open: usize,
    /// The most attributes on one tag.
    pub max_attributes: usize,
    /// The estimate of the tree builder's stack work (tags x open elements).
    pub work: u64,
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct Dom {
    nodes: Vec<Node>,
    truncations: Vec<Truncation>,
    timed_out: bool,
    stats: ParseStats,
}

/// Input is fed to html5ever in slices of this size, so that the limits
/// are checked often: 16 KiB holds at most ~5,000 tags, which bounds the
/// work one slice can do past a limit.
const CHUNK: usize = 16 * 1024;

/// The tree builder's stack work allowed per input byte, on top of
/// [`WORK_BASE`]. The estimate is, per slice, the tags in it times the
/// elements open (each tag may scan the open elements): the pages of the
/// evaluation sets come to 1.12 units per byte at most
/// (`examples/parse_stats.rs`); 16 leaves them far below while a deep
/// stack hit by a flood of stray end tags (900 open `<span>`s, a million
/// `</div>`s) stops after a few slices, in time linear in the input.
const WORK_PER_BYTE: u64 = 16;
/// Work allowed to any document, however small.
const WORK_BASE: u64 = 1 << 22;

impl Dom {
    /// Parse a whole document.
    ///
    /// Script and style bodies (half the bytes of a typical news page) are
    /// cut before tokenizing, since no stage reads them; JSON-LD scripts are
    /// kept for the metadata stage. See [`strip_script_bodies`].
    pub fn parse(html: &str, limits: ParseLimits) -> Dom {
        let prepared = prescan::prepare(html, limits.max_attributes);
        let mut dom = Self::parse_exact(&prepared.text, limits);
        dom.stats.max_attributes = prepared.max_attributes;
        if prepared.renamed_names > 0 {
            dom.truncations.insert(
                0,
                Truncation {
                    limit: Limit::Names,
                    message: format!(
                        "the page uses thousands of distinct tag and attribute names; {} were renamed",
                        prepared.renamed_names
                    ),
                    unparsed_bytes: 0,
                },
            );
        }
        if prepared.capped_tags > 0 {
            dom.truncations.insert(
                0,
                Truncation {
                    limit: Limit::Attributes,
                    message: format!(
                        "{} tag(s) had more than {} attributes; the rest of their attributes were dropped",
                        prepared.capped_tags, limits.max_attributes
                    ),
                    unparsed_bytes: 0,
                },
            );
        }
        dom
    }

    /// Parse a whole document as it is, script bodies included (attributes
    /// are not capped: see [`Dom::parse`]).
    pub fn parse_exact(html: &str, limits: ParseLimits) -> Dom {
        let sink = Sink::new(limits);
        // Parsed as a browser without scripting would: `<noscript>` content
        // becomes elements, which is where lazy-loading pages put real `<img>`s.
        let opts = html5ever::ParseOpts {
            tree_builder: html5ever::tree_builder::TreeBuilderOpts {
                scripting_enabled: false,
                ..Default::default()
            },
            ..Default::default()
        };
        let mut parser = html5ever::parse_document(sink, opts);
        let budget = WORK_BASE.saturating_add(WORK_PER_BYTE.saturating_mul(html.len() as u64));
        let mut stats = ParseStats::default();
        let mut stop: Option<(Limit, String)> = None;
        let mut timed_out = false;
        let mut rest = html;
        let mut open_before = 0usize;
        while !rest.is_empty() {
            let mut cut = rest.len().min(CHUNK);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (head, tail) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(head));
            rest = tail;
            // What html5ever holds open now: its stack of open elements and
            // its formatting elements to reopen (each paragraph rebuilds
            // those that were closed).
            let counter = HandleCounter(Cell::new(0));
            parser.tokenizer.sink.trace_handles(&counter);
            let open = counter.0.get();
            stats.max_open = stats.max_open.max(open);
            let tags = memchr::memchr_iter(b'<', head.as_bytes()).count() as u64;
            stats.work = stats
                .work
                .saturating_add(tags.saturating_mul(open.max(open_before) as u64));
            open_before = open;
            let sink = &parser.tokenizer.sink.sink;
            if sink.over_limit.get() {
                stop = Some((
                    Limit::Nodes,
                    format!("the page has more than {} nodes", limits.max_nodes),
                ));
                break;
            }
            if open > limits.max_open_elements {
                stop = Some((
                    Limit::OpenElements,
                    format!(
                        "more than {} elements are open at once",
                        limits.max_open_elements
                    ),
                ));
                break;
            }
            if stats.work > budget {
                stop = Some((
                    Limit::ParserWork,
                    "the parser's work grew far beyond the input's size (tags against a deep stack of open elements)".to_string(),
                ));
                break;
            }
            if limits
                .deadline
                .is_some_and(|d| std::time::Instant::now() >= d)
            {
                timed_out = true;
                break;
            }
        }
        let sink = parser.finish();
        let mut truncations = Vec::new();
        if sink.flattened.get() {
            truncations.push(Truncation {
                limit: Limit::Depth,
                message: format!(
                    "elements nested deeper than {} levels were flattened (their text is kept)",
                    limits.max_depth
                ),
                unparsed_bytes: 0,
            });
        }
        if let Some((limit, what)) = stop {
            truncations.push(Truncation {
                limit,
                message: format!(
                    "{what}; the last {} bytes of the page were not read",
                    rest.len()
                ),
                unparsed_bytes: rest.len(),
            });
        }
        Dom {
            nodes: sink.nodes.into_inner(),
            truncations,
            timed_out,
            stats,
        }
    }

    /// The limits that cut or reshaped this document, in the order met.
    pub fn truncations(&self) -> &[Truncation] {
        &self.truncations
    }

    /// True when a limit cut the tree short or reshaped it.
    pub fn truncated(&self) -> bool {
        !self.truncations.is_empty()
    }

    /// True when [`ParseLimits::deadline`] passed before the input was read.
    pub fn timed_out(&self) -> bool {
        self.timed_out
    }

    /// Counts from the parse.
    pub fn stats(&self) -> ParseStats {
        self.stats
    }

    /// The document node.
    pub const ROOT: NodeId = 0;

    /// Number of nodes; every [`NodeId`] is below it.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Never true: the document node always exists.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id].data
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        opt(self.nodes[id].parent)
    }
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        opt(self.nodes[id].first_child)
    }
    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        opt(self.nodes[id].last_child)
    }
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        opt(self.nodes[id].next)
    }
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        opt(self.nodes[id].prev)
    }
    /// Depth below the document node (the document is 0, `<html>` is 1).
    pub fn depth(&self, id: NodeId) -> u32 {
        self.nodes[id].depth
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Element(_))
    }

    /// The element's local name, `None` for other nodes.
    pub fn name(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id).map(|e| &e.name.local)
    }

    /// True when `id` is an element named `name` (compare with `tag!("p")`).
    #[inline]
    pub fn is(&self, id: NodeId, name: &LocalName) -> bool {
        self.element(id).is_some_and(|e| e.name.local == *name)
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id).and_then(|e| e.attr(name))
    }

    /// The content of a text node.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id].first_child,
        }
    }

    /// Element children only.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.is_element(c))
    }

    /// Every node below `id` in document order, `id` itself excluded.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: opt(self.nodes[id].first_child),
            last: None,
        }
    }

    /// Ancestors of `id`, nearest first, `id` excluded.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.parent(id), move |&p| self.parent(p))
    }

    /// The node after `id` in document order, skipping `id`'s subtree, without
    /// leaving `root`'s subtree.
    pub fn next_skipping_children(&self, id: NodeId, root: NodeId) -> Option<NodeId> {
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            if let Some(n) = self.next_sibling(cur) {
                return Some(n);
            }
            cur = self.parent(cur)?;
        }
    }

    /// All elements named `name` below `id`, in document order.
    pub fn find_all<'a>(
        &'a self,
        id: NodeId,
        name: &'a LocalName,
    ) -> impl Iterator<Item = NodeId> + 'a {
        self.descendants(id).filter(move |&n| self.is(n, name))
    }

    /// The first element named `name` below `id`.
    pub fn find(&self, id: NodeId, name: &LocalName) -> Option<NodeId> {
        self.find_all(id, name).next()
    }

    /// The `<html>` element, when there is one.
    pub fn html(&self) -> Option<NodeId> {
        self.element_children(Self::ROOT)
            .find(|&c| self.is(c, &local_name!("html")))
    }

    pub fn head(&self) -> Option<NodeId> {
        let html = self.html()?;
        self.element_children(html)
            .find(|&c| self.is(c, &local_name!("head")))
    }

    pub fn body(&self) -> Option<NodeId> {
        let html = self.html()?;
        self.element_children(html)
            .find(|&c| self.is(c, &local_name!("body")))
    }

    /// Call `f` with each text node below `id` (or `id` itself when it is
    /// text), in document order, leaving out `<script>`, `<style>`,
    /// `<template>` and `<noscript>` content.
    fn for_each_text(&self, id: NodeId, mut f: impl FnMut(&str)) {
        if let Some(t) = self.text(id) {
            f(t);
            return;
        }
        let mut it = self.descendants(id);
        while let Some(n) = it.next() {
            match &self.nodes[n].data {
                NodeData::Text(t) => f(t),
                NodeData::Element(e)
                    if matches!(
                        e.name.local,
                        local_name!("script")
                            | local_name!("style")
                            | local_name!("template")
                            | local_name!("noscript")
                    ) =>
                {
                    it.skip_children();
                }
                _ => {}
            }
        }
    }

    /// Append the text below `id` (raw, whitespace as in the source) to `out`,
    /// leaving out `<script>`, `<style>`, `<template>` and `<noscript>` content.
    pub fn text_into(&self, id: NodeId, out: &mut String) {
        self.for_each_text(id, |t| out.push_str(t));
    }

    /// The text below `id` with a space between text nodes, collapsed and
    /// trimmed: for short labels and names, where inline elements side by
    /// side are separate words ("<a>Jane Doe</a><span>vor 3 Tagen</span>").
    pub fn spaced_text(&self, id: NodeId) -> String {
        let mut raw = String::new();
        self.for_each_text(id, |t| push_word(&mut raw, t));
        collapse_whitespace(&raw)
    }

    /// The text below `id` with whitespace collapsed to single spaces and trimmed.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut raw = String::new();
        self.text_into(id, &mut raw);
        collapse_whitespace(&raw)
    }
}

/// Remove the content of `<script>` and `<style>` elements, keeping the
/// tags (and JSON-LD scripts whole). The tokenizer's states are followed:
/// a `<script>` inside a comment, an attribute value or a `<title>` starts
/// nothing. Returns the input unchanged when there is nothing to cut.
pub fn strip_script_bodies(html: &str) -> std::borrow::Cow<'_, str> {
    prescan::strip_script_bodies(html)
}

/// Scripts written without spaces between words: Han, kana, and CJK
/// punctuation and full-width forms.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F // CJK punctuation
        | 0x3040..=0x30FF // hiragana, katakana
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xF900..=0xFAFF // Han compatibility
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x2FFFF // Han extensions
    )
}

/// Append `part` to `out` as a separate word: after a space, except
/// between two CJK characters, since those scripts write no spaces
/// (`<span>港の</span><span>桟橋</span>` is one word, "港の桟橋").
pub fn push_word(out: &mut String, part: &str) {
    let before = out.trim_end().chars().next_back();
    let after = part.trim_start().chars().next();
    let joined = before.is_some_and(is_cjk) && after.is_some_and(is_cjk);
    if !out.is_empty() && !joined {
        out.push(' ');
    } else if joined {
        out.truncate(out.trim_end().len());
        out.push_str(part.trim_start());
        return;
    }
    out.push_str(part);
}

/// Collapse runs of whitespace to one space and trim both ends.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Iterator over a node's children.
pub struct Children<'a> {
    dom: &'a Dom,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = opt(self.next)?;
        self.next = self.dom.nodes[cur].next;
        Some(cur)
    }
}

/// Pre-order iterator over a subtree; [`Descendants::skip_children`] prunes.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
    last: Option<NodeId>,
}

impl Descendants<'_> {
    /// Do not descend into the node last returned.
    pub fn skip_children(&mut self) {
        if let Some(last) = self.last {
            self.next = self.dom.next_skipping_children(last, self.root);
        }
    }
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.last = Some(cur);
        self.next = match self.dom.first_child(cur) {
            Some(c) => Some(c),
            None => self.dom.next_skipping_children(cur, self.root),
        };
        Some(cur)
    }
}

/// A node as the tree builder holds it. Below [`VIRTUAL`], `id` is an index
/// in the arena. Past the node limit the sink builds nothing more, but the
/// tree builder still needs distinct handles and the names of the elements
/// it made: such a *virtual* handle has `id` at or above [`VIRTUAL`] and
/// `name`, an index in the sink's table of distinct names. Virtual nodes
/// never join the tree; the parse stops at the end of the slice anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Handle {
    id: u32,
    name: u32,
}

const VIRTUAL: u32 = 1 << 31;

impl Handle {
    fn real(id: NodeId) -> Handle {
        Handle {
            id: id as u32,
            name: NONE,
        }
    }

    #[inline]
    fn is_virtual(self) -> bool {
        self.id >= VIRTUAL
    }

    /// The arena index of a real node.
    #[inline]
    fn index(self) -> Option<NodeId> {
        (!self.is_virtual()).then_some(self.id as NodeId)
    }
}

/// html5ever's visitor that counts the handles it holds.
struct HandleCounter(Cell<usize>);

impl html5ever::interface::Tracer for HandleCounter {
    type Handle = Handle;
    fn trace_handle(&self, _node: &Handle) {
        self.0.set(self.0.get() + 1);
    }
}

/// The html5ever tree sink writing into the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    limits: ParseLimits,
    /// Nodes would have passed `max_nodes`: nothing more is built.
    over_limit: Cell<bool>,
    /// Elements were attached higher than the tree builder asked
    /// (`max_depth`).
    flattened: Cell<bool>,
    /// The next virtual handle's id (two apart: a template's contents take
    /// the id after the template's).
    next_virtual: Cell<u32>,
    /// Names of the virtual elements, each once, and their indices.
    virtual_names: RefCell<Vec<QualName>>,
    virtual_name_index: RefCell<std::collections::HashMap<QualName, u32>>,
}

impl Sink {
    fn new(limits: ParseLimits) -> Sink {
        Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            limits: ParseLimits {
                // Handles at and above VIRTUAL are not arena indices.
                max_nodes: limits.max_nodes.min(VIRTUAL as usize - 2),
                ..limits
            },
            over_limit: Cell::new(false),
            flattened: Cell::new(false),
            next_virtual: Cell::new(VIRTUAL),
            virtual_names: RefCell::new(Vec::new()),
            virtual_name_index: RefCell::new(std::collections::HashMap::new()),
        }
    }

    /// Room for `k` more nodes? Past the limit, remember that it was hit.
    fn room_for(&self, k: usize) -> bool {
        if self.over_limit.get() {
            return false;
        }
        if self.nodes.borrow().len() + k > self.limits.max_nodes {
            self.over_limit.set(true);
            return false;
        }
        true
    }

    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    /// A handle for an element (or other node) that is not built.
    fn virtual_handle(&self, name: Option<&QualName>) -> Handle {
        let id = self.next_virtual.get();
        // Two ids each; at the end of the id space, ids are reused (the
        // parse stops at the end of the slice long before).
        self.next_virtual.set(
            id.checked_add(2)
                .filter(|&n| n < u32::MAX)
                .unwrap_or(VIRTUAL),
        );
        let name = match name {
            Some(q) => {
                let mut index = self.virtual_name_index.borrow_mut();
                *index.entry(q.clone()).or_insert_with(|| {
                    let mut names = self.virtual_names.borrow_mut();
                    names.push(q.clone());
                    (names.len() - 1) as u32
                })
            }
            None => NONE,
        };
        Handle { id, name }
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    /// The parent to really use: deep nesting is flattened at `max_depth`.
    fn clamp_parent(&self, nodes: &[Node], mut parent: NodeId) -> NodeId {
        while nodes[parent].depth >= self.limits.max_depth {
            match opt(nodes[parent].parent) {
                Some(p) => {
                    self.flattened.set(true);
                    parent = p;
                }
                None => break,
            }
        }
        parent
    }

    fn append_node(&self, parent: NodeId, child: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let parent = self.clamp_parent(&nodes, parent);
        let last = nodes[parent].last_child;
        let depth = nodes[parent].depth + 1;
        {
            let c = &mut nodes[child];
            c.parent = parent as u32;
            c.prev = last;
            c.depth = depth;
        }
        if last != NONE {
            nodes[last as usize].next = child as u32;
        } else {
            nodes[parent].first_child = child as u32;
        }
        nodes[parent].last_child = child as u32;
    }

    fn insert_before(&self, sibling: NodeId, child: NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        Self::detach(&mut nodes, child);
        let parent = nodes[sibling].parent;
        if parent == NONE {
            return;
        }
        let prev = nodes[sibling].prev;
        let depth = nodes[sibling].depth;
        {
            let c = &mut nodes[child];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling as u32;
            c.depth = depth;
        }
        nodes[sibling].prev = child as u32;
        if prev != NONE {
            nodes[prev as usize].next = child as u32;
        } else {
            nodes[parent as usize].first_child = child as u32;
        }
    }

    /// Merge `text` into `target` when it is a text node.
    fn merge_text(&self, target: Option<NodeId>, text: &StrTendril) -> bool {
        let Some(t) = target else { return false };
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Text(existing) = &mut nodes[t].data {
            existing.push_tendril(text);
            true
        } else {
            false
        }
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: std::borrow::Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle::real(Dom::ROOT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Ref<'a, QualName> {
        match target.index() {
            Some(id) => Ref::map(self.nodes.borrow(), |nodes| match &nodes[id].data {
                NodeData::Element(e) => &e.name,
                // html5ever only asks for the names of elements it created.
                _ => &PLACEHOLDER_NAME,
            }),
            None => Ref::map(self.virtual_names.borrow(), |names| {
                names.get(target.name as usize).unwrap_or(&PLACEHOLDER_NAME)
            }),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let k = if flags.template { 2 } else { 1 };
        if !self.room_for(k) {
            return self.virtual_handle(Some(&name));
        }
        let id = self.push(NodeData::Element(Element { name, attrs }));
        if flags.template {
            // Template contents: a parentless fragment right after the element.
            self.push(NodeData::Other);
        }
        Handle::real(id)
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        if !self.room_for(1) {
            return self.virtual_handle(None);
        }
        Handle::real(self.push(NodeData::Comment))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        if !self.room_for(1) {
            return self.virtual_handle(None);
        }
        Handle::real(self.push(NodeData::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let Some(parent) = parent.index() else { return };
        match child {
            NodeOrText::AppendNode(n) => {
                if let Some(n) = n.index() {
                    self.append_node(parent, n);
                }
            }
            NodeOrText::AppendText(text) => {
                let last = {
                    let nodes = self.nodes.borrow();
                    let p = self.clamp_parent(&nodes, parent);
                    opt(nodes[p].last_child)
                };
                if !self.merge_text(last, &text) && self.room_for(1) {
                    let id = self.push(NodeData::Text(text));
                    self.append_node(parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = element
            .index()
            .is_some_and(|e| self.nodes.borrow()[e].parent != NONE);
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {
        if self.room_for(1) {
            let id = self.push(NodeData::Doctype);
            self.append_node(Dom::ROOT, id);
        }
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        Handle {
            id: target.id + 1,
            name: NONE,
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let Some(sibling) = sibling.index() else {
            return;
        };
        match child {
            NodeOrText::AppendNode(n) => {
                if let Some(n) = n.index() {
                    self.insert_before(sibling, n);
                }
            }
            NodeOrText::AppendText(text) => {
                let prev = opt(self.nodes.borrow()[sibling].prev);
                if !self.merge_text(prev, &text) && self.room_for(1) {
                    let id = self.push(NodeData::Text(text));
                    self.insert_before(sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let Some(target) = target.index() else { return };
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[target].data {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        if let Some(t) = target.index() {
            Self::detach(&mut self.nodes.borrow_mut(), t);
        }
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let (Some(node), Some(new_parent)) = (node.index(), new_parent.index()) else {
            return;
        };
        let children: Vec<NodeId> = {
            let nodes = self.nodes.borrow();
            std::iter::successors(opt(nodes[node].first_child), |&c| opt(nodes[c].next)).collect()
        };
        for c in children {
            self.append_node(new_parent, c);
        }
    }
}

static PLACEHOLDER_NAME: std::sync::LazyLock<QualName> =
    std::sync::LazyLock::new(|| QualName::new(None, html5ever::ns!(html), local_name!("span")));

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Dom {
        Dom::parse(s, ParseLimits::default())
    }

    fn limits(f: impl FnOnce(&mut ParseLimits)) -> ParseLimits {
        let mut l = ParseLimits::default();
        f(&mut l);
        l
    }

    fn cut_by(d: &Dom) -> Vec<Limit> {
        d.truncations().iter().map(|t| t.limit).collect()
    }

    #[test]
    fn builds_html_head_body() {
        let d = parse("<title>T</title><p class=x>Hello <b>world</b></p>");
        let body = d.body().expect("body");
        let p = d.find(body, &tag!("p")).expect("p");
        assert_eq!(d.attr(p, "class"), Some("x"));
        assert_eq!(d.text_content(p), "Hello world");
        let head = d.head().expect("head");
        assert!(d.find(head, &tag!("title")).is_some());
        assert!(!d.truncated());
    }

    #[test]
    fn adjacent_text_is_merged() {
        let d = parse("<p>a&amp;b</p>");
        let p = d.find(Dom::ROOT, &tag!("p")).expect("p");
        assert_eq!(d.children(p).count(), 1);
        assert_eq!(d.text(d.first_child(p).expect("text")), Some("a&b"));
    }

    #[test]
    fn misnested_tags_follow_the_spec() {
        // The adoption agency algorithm moves nodes and foster parenting puts "y"
        // before the table: links must stay consistent.
        let d = parse("<p><b>1<i>2</b>3</i>4</p><table><tr><td>x</td></tr>y</table>");
        assert_eq!(d.text_content(d.body().expect("body")), "1234yx");
    }

    #[test]
    fn descendants_can_skip_subtrees() {
        let d = parse("<div><script>var x</script><p>a</p></div>");
        let div = d.find(Dom::ROOT, &tag!("div")).expect("div");
        assert_eq!(d.text_content(div), "a");
    }

    #[test]
    fn deep_nesting_is_flattened_and_reported() {
        let html = "<div>".repeat(800) + "deep";
        let d = Dom::parse(&html, limits(|l| l.max_depth = 64));
        assert_eq!(cut_by(&d), [Limit::Depth]);
        assert!((0..d.len()).all(|n| d.depth(n) <= 65));
        assert_eq!(d.text_content(Dom::ROOT), "deep");
        // Just under the depth: nothing to report.
        let html = "<div>".repeat(60) + "deep";
        let d = Dom::parse(&html, limits(|l| l.max_depth = 64));
        assert!(!d.truncated());
    }

    #[test]
    fn elements_closed_by_the_parser_are_not_counted_as_open() {
        // Each `<td>`, `<li>` and `<p>` closes the one before it without an
        // end tag, and formatting elements close by the adoption agency:
        // thousands of them are never open at once.
        let cells = "<td>cell".repeat(20_000);
        let items = "<li>item".repeat(20_000);
        let paras = "<p><b>one<i>two</b>three</i>".repeat(20_000);
        let html = format!("<table><tr>{cells}</table><ul>{items}</ul>{paras}<p>end</p>");
        let d = parse(&html);
        assert!(!d.truncated(), "{:?}", d.truncations());
        assert!(d.stats().max_open < 64, "{:?}", d.stats());
        assert!(d.text_content(Dom::ROOT).ends_with("end"));
    }

    #[test]
    fn thousands_of_void_elements_are_not_open_elements() {
        let html = "<p>".to_string() + &"a<br><img src=x><input>".repeat(20_000) + "end</p>";
        let d = parse(&html);
        assert!(!d.truncated());
        assert!(d.text_content(Dom::ROOT).ends_with("end"));
    }

    #[test]
    fn open_elements_just_under_and_over_the_limit() {
        let page = |n: usize| format!("<p>before</p>{}deep<p>after</p>", "<span>".repeat(n));
        let l = limits(|l| {
            l.max_open_elements = 300;
            l.max_depth = 1_000;
        });
        // html, body, the spans: under 300 open.
        let d = Dom::parse(&page(280), l);
        assert!(!d.truncated(), "{:?}", d.truncations());
        assert!(d.text_content(Dom::ROOT).ends_with("after"));
        let d = Dom::parse(&page(20_000), l);
        let open = d
            .truncations()
            .iter()
            .find(|t| t.limit == Limit::OpenElements);
        assert!(open.expect("cut by open elements").unparsed_bytes > 0);
        assert!(d.text_content(Dom::ROOT).starts_with("before"));
    }

    #[test]
    fn unclosed_elements_stop_the_parse() {
        let html = "<div>".repeat(100_000) + "deep";
        let d = parse(&html);
        assert!(cut_by(&d).contains(&Limit::OpenElements));
    }

    #[test]
    fn stray_end_tags_against_a_deep_stack_stop_the_parse() {
        // 900 open spans (under the open-element limit), then a flood of
        // end tags that each scan them all.
        let html = format!(
            "<p>before</p>{}{}",
            "<span>".repeat(900),
            "</div>".repeat(400_000)
        );
        let d = parse(&html);
        // The spans are also deeper than the tree keeps (flattened).
        assert_eq!(cut_by(&d), [Limit::Depth, Limit::ParserWork]);
        assert!(d.text_content(Dom::ROOT).starts_with("before"));
    }

    #[test]
    fn node_limit_just_under_and_over() {
        let html = "<p>x</p>".repeat(1_000);
        // html, head, body, 1,000 x (p + text), the document: 2,004 nodes.
        let d = Dom::parse(&html, limits(|l| l.max_nodes = 2_004));
        assert!(!d.truncated(), "{:?}", d.truncations());
        assert_eq!(d.len(), 2_004);
        let d = Dom::parse(&html, limits(|l| l.max_nodes = 2_003));
        assert_eq!(cut_by(&d), [Limit::Nodes]);
        assert_eq!(d.len(), 2_003);
    }

    #[test]
    fn node_limit_holds_inside_one_slice() {
        // Formatting elements closed by their container are reopened for
        // every paragraph: 200 distinct `<b>`s make 200 nodes per `<p>`.
        let opens: String = (0..200).map(|i| format!("<b class=c{i}>")).collect();
        let html = format!("<div>{opens}</div>{}", "<p>x</p>".repeat(2_000));
        let d = Dom::parse(&html, limits(|l| l.max_nodes = 10_000));
        assert_eq!(cut_by(&d), [Limit::Nodes]);
        assert!(d.len() <= 10_000);
    }

    #[test]
    fn attribute_cap_just_under_and_over() {
        let tag = |n: usize| {
            let attrs: String = (0..n).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
            format!("<p{attrs}>text</p><p>after</p>")
        };
        let l = limits(|l| l.max_attributes = 100);
        let d = Dom::parse(&tag(100), l);
        assert!(!d.truncated());
        let p = d.find(Dom::ROOT, &tag!("p")).expect("p");
        assert_eq!(d.element(p).expect("p").attrs.len(), 100);
        let d = Dom::parse(&tag(101), l);
        assert_eq!(cut_by(&d), [Limit::Attributes]);
        let p = d.find(Dom::ROOT, &tag!("p")).expect("p");
        assert_eq!(d.element(p).expect("p").attrs.len(), 100);
        assert_eq!(d.text_content(Dom::ROOT), "textafter");
    }

    #[test]
    fn a_passed_deadline_stops_the_parse() {
        let html = "<p>x</p>".repeat(10_000);
        let past = std::time::Instant::now();
        let d = Dom::parse(&html, limits(|l| l.deadline = Some(past)));
        assert!(d.timed_out());
        let d = parse(&html);
        assert!(!d.timed_out());
    }

    #[test]
    fn script_bodies_are_not_parsed() {
        let html = r#"<head><script>var a = "<p>no</p>";</script>
            <script type="application/ld+json">{"a":1}</script></head>
            <body><!-- <script> --><p>kept</p><scripts>y</scripts></body>"#;
        let d = Dom::parse(html, ParseLimits::default());
        assert_eq!(d.text_content(d.body().expect("body")), "kepty");
    }
}
