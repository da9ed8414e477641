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

/// Limits applied while the tree is built.
#[derive(Debug, Clone, Copy)]
pub struct ParseLimits {
    /// Stop building once this many nodes exist; the rest of the input is dropped.
    pub max_nodes: usize,
    /// Elements deeper than this are attached to their ancestor at this depth, so
    /// that no later traversal meets a deeper tree.
    pub max_depth: u32,
}

impl Default for ParseLimits {
    fn default() -> Self {
        ParseLimits {
            max_nodes: 2_000_000,
            max_depth: 256,
        }
    }
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct Dom {
    nodes: Vec<Node>,
    /// True when a limit cut the tree short.
    pub truncated: bool,
}

impl Dom {
    /// Parse a whole document.
    ///
    /// Script and style bodies (half the bytes of a typical news page) are
    /// cut before tokenizing, since no stage reads them; JSON-LD scripts are
    /// kept for the metadata stage. See [`strip_script_bodies`].
    pub fn parse(html: &str, limits: ParseLimits) -> Dom {
        let html = strip_script_bodies(html);
        Self::parse_exact(&html, limits)
    }

    /// Parse a whole document as it is, script bodies included.
    pub fn parse_exact(html: &str, limits: ParseLimits) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
            limits,
            truncated: Cell::new(false),
            open: Cell::new(0),
        };
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
        // Feed in slices so the limits can stop a hostile document early:
        // 16 KiB holds at most a few thousand tags, so the tree builder's
        // scans of its open-element stack stay bounded between checks.
        const CHUNK: usize = 16 * 1024;
        let mut rest = html;
        while !rest.is_empty() {
            let mut cut = rest.len().min(CHUNK);
            while !rest.is_char_boundary(cut) {
                cut += 1;
            }
            let (head, tail) = rest.split_at(cut);
            parser.process(StrTendril::from_slice(head));
            rest = tail;
            let sink = &parser.tokenizer.sink.sink;
            // Thousands of unclosed elements make every new tag scan the
            // whole open-element stack (quadratic time): stop there.
            let too_open = sink.open.get() > (limits.max_depth as usize).saturating_mul(16);
            if sink.nodes.borrow().len() >= limits.max_nodes || too_open {
                sink.truncated.set(true);
                break;
            }
        }
        let sink = parser.finish();
        Dom {
            nodes: sink.nodes.into_inner(),
            truncated: sink.truncated.get(),
        }
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
        self.for_each_text(id, |t| {
            raw.push_str(t);
            raw.push(' ');
        });
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
/// tags (and JSON-LD scripts whole). Comments are skipped as the tokenizer
/// would, so a `<script>` written inside a comment cannot swallow content.
/// Returns the input unchanged when there is nothing to cut.
pub fn strip_script_bodies(html: &str) -> std::borrow::Cow<'_, str> {
    use memchr::memmem;
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut last = 0;
    let mut i = 0;
    let starts_ci = |at: usize, pat: &[u8]| {
        b.len() >= at + pat.len() && b[at..at + pat.len()].eq_ignore_ascii_case(pat)
    };
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        let pos = i + p;
        if b[pos..].starts_with(b"<!--") {
            match memmem::find(&b[pos + 4..], b"-->") {
                Some(e) => {
                    i = pos + 4 + e + 3;
                    continue;
                }
                None => break,
            }
        }
        let close: &[u8] = if starts_ci(pos, b"<script") {
            b"</script"
        } else if starts_ci(pos, b"<style") {
            b"</style"
        } else {
            i = pos + 1;
            continue;
        };
        let name_end = pos + close.len() - 1;
        // `<scripts>` or `<styled>` are other elements.
        if !b
            .get(name_end)
            .is_some_and(|&c| c.is_ascii_whitespace() || c == b'>' || c == b'/')
        {
            i = pos + 1;
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', &b[name_end..]).map(|g| name_end + g) else {
            break;
        };
        let keep = memmem::find(&b[pos..gt].to_ascii_lowercase(), b"ld+json").is_some();
        // The first `</script` (any case) ends the element, as in the tokenizer.
        let mut j = gt + 1;
        let end = loop {
            match memmem::find(&b[j..], b"</") {
                Some(k) if starts_ci(j + k, close) => break Some(j + k),
                Some(k) => j += k + 2,
                None => break None,
            }
        };
        let Some(end) = end else { break };
        if !keep && end > gt + 1 {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[last..gt + 1]);
            last = end;
        }
        i = end + close.len();
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[last..]);
            std::borrow::Cow::Owned(o)
        }
        None => std::borrow::Cow::Borrowed(html),
    }
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

/// The html5ever tree sink writing into the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    limits: ParseLimits,
    truncated: Cell<bool>,
    /// Elements created and not yet popped off the tree builder's stack.
    open: Cell<usize>,
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
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
                    self.truncated.set(true);
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
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: std::borrow::Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        Dom::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[*target].data {
            NodeData::Element(e) => &e.name,
            // html5ever only asks for the names of elements it created.
            _ => &PLACEHOLDER_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        // Void and foreign elements are inserted without being pushed on
        // the tree builder's stack (and never popped): not counted.
        let void = name.ns != html5ever::ns!(html)
            || matches!(
                name.local,
                local_name!("area")
                    | local_name!("base")
                    | local_name!("basefont")
                    | local_name!("bgsound")
                    | local_name!("br")
                    | local_name!("col")
                    | local_name!("embed")
                    | local_name!("frame")
                    | local_name!("hr")
                    | local_name!("image")
                    | local_name!("img")
                    | local_name!("input")
                    | local_name!("keygen")
                    | local_name!("link")
                    | local_name!("meta")
                    | local_name!("param")
                    | local_name!("source")
                    | local_name!("track")
                    | local_name!("wbr")
            );
        if !void {
            self.open.set(self.open.get() + 1);
        }
        let id = self.push(NodeData::Element(Element { name, attrs }));
        if flags.template {
            // Template contents: a parentless fragment right after the element.
            self.push(NodeData::Other);
        }
        id
    }

    fn pop(&self, node: &NodeId) {
        let html = matches!(&self.nodes.borrow()[*node].data, NodeData::Element(e) if e.name.ns == html5ever::ns!(html));
        if html {
            self.open.set(self.open.get().saturating_sub(1));
        }
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Comment)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => self.append_node(*parent, n),
            NodeOrText::AppendText(text) => {
                let last = {
                    let nodes = self.nodes.borrow();
                    let p = self.clamp_parent(&nodes, *parent);
                    opt(nodes[p].last_child)
                };
                if !self.merge_text(last, &text) {
                    let id = self.push(NodeData::Text(text));
                    self.append_node(*parent, id);
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[*element].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _n: StrTendril, _p: StrTendril, _s: StrTendril) {
        let id = self.push(NodeData::Doctype);
        self.append_node(Dom::ROOT, id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        *target + 1
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(n) => self.insert_before(*sibling, n),
            NodeOrText::AppendText(text) => {
                let prev = opt(self.nodes.borrow()[*sibling].prev);
                if !self.merge_text(prev, &text) {
                    let id = self.push(NodeData::Text(text));
                    self.insert_before(*sibling, id);
                }
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let NodeData::Element(e) = &mut nodes[*target].data {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let children: Vec<NodeId> = {
            let nodes = self.nodes.borrow();
            std::iter::successors(opt(nodes[*node].first_child), |&c| opt(nodes[c].next)).collect()
        };
        for c in children {
            self.append_node(*new_parent, c);
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

    #[test]
    fn builds_html_head_body() {
        let d = parse("<title>T</title><p class=x>Hello <b>world</b></p>");
        let body = d.body().expect("body");
        let p = d.find(body, &tag!("p")).expect("p");
        assert_eq!(d.attr(p, "class"), Some("x"));
        assert_eq!(d.text_content(p), "Hello world");
        let head = d.head().expect("head");
        assert!(d.find(head, &tag!("title")).is_some());
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
    fn deep_nesting_is_flattened() {
        // 800 open elements: under the open-element limit (16 x 64), over the depth.
        let html = "<div>".repeat(800) + "deep";
        let d = Dom::parse(
            &html,
            ParseLimits {
                max_nodes: 1_000_000,
                max_depth: 64,
            },
        );
        assert!(d.truncated);
        assert!((0..d.len()).all(|n| d.depth(n) <= 65));
        assert_eq!(d.text_content(Dom::ROOT), "deep");
    }

    #[test]
    fn thousands_of_void_elements_are_not_open_elements() {
        let html = "<p>".to_string() + &"a<br><img src=x><input>".repeat(20_000) + "end</p>";
        let d = Dom::parse(&html, ParseLimits::default());
        assert!(!d.truncated);
        assert!(d.text_content(Dom::ROOT).ends_with("end"));
    }

    #[test]
    fn unclosed_elements_stop_the_parse_in_linear_time() {
        let html = "<div>".repeat(100_000) + "deep";
        let d = Dom::parse(&html, ParseLimits::default());
        assert!(d.truncated);
    }

    #[test]
    fn script_and_style_bodies_are_cut_but_json_ld_kept() {
        let html = r#"<head><script>var a = "<p>no</p>";</script><STYLE>p{}</STYLE>
            <script type="application/ld+json">{"a":1}</script></head>
            <body><!-- <script> --><p>kept</p><script src=x></script><scripts>y</scripts></body>"#;
        let cut = strip_script_bodies(html);
        assert!(!cut.contains("var a"));
        assert!(!cut.contains("p{}"));
        assert!(cut.contains(r#"{"a":1}"#));
        assert!(cut.contains("<p>kept</p>"));
        assert!(cut.contains("<scripts>y</scripts>"));
        let d = Dom::parse(html, ParseLimits::default());
        assert_eq!(d.text_content(d.body().expect("body")), "kepty");
    }

    #[test]
    fn unterminated_script_is_left_alone() {
        let html = "<p>a</p><script>never closed <p>b</p>";
        assert_eq!(strip_script_bodies(html), html);
    }

    #[test]
    fn node_limit_stops_the_parse() {
        let html = "<p>x</p>".repeat(200_000);
        let d = Dom::parse(
            &html,
            ParseLimits {
                max_nodes: 10_000,
                max_depth: 64,
            },
        );
        assert!(d.truncated);
        assert!(d.len() < 200_000);
    }
}
