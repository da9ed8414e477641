//! The article between extraction and rendering: a small block/inline tree,
//! close to CommonMark's vocabulary, from which Markdown, text and HTML are all
//! rendered. It owns its strings (`Send`), so it outlives the parsed page.

/// An extracted article: the body and, when asked for, the comments.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub blocks: Vec<Block>,
    /// Reader comments, rendered after the body in their own section.
    pub comments: Vec<Block>,
}

/// Block-level content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `level` is 1 to 6.
    Heading {
        level: u8,
        content: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List(List),
    Quote(Vec<Block>),
    /// Preformatted code with its whitespace and, when known, its language.
    Code {
        lang: Option<String>,
        text: String,
    },
    Table(Table),
    /// An image with its caption; `credit` is the photo credit, shown in bold.
    Figure(Figure),
    Rule,
}

#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub ordered: bool,
    /// The number of the first item of an ordered list, when not 1.
    pub start: Option<u32>,
    pub items: Vec<Vec<Block>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<Vec<Inline>>,
    /// All cells are header cells (`<th>` or inside `<thead>`).
    pub header: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figure {
    pub image: Option<Image>,
    pub caption: Vec<Inline>,
    pub credit: Vec<Inline>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub title: Option<String>,
}

/// Inline content.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text with whitespace already collapsed; never empty.
    Text(String),
    Strong(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Code(String),
    /// `href` is resolved against the page's URL when one is known.
    Link {
        href: String,
        content: Vec<Inline>,
    },
    Image(Image),
    LineBreak,
    /// A formula as TeX; `display`: set on a line of its own.
    Math {
        tex: String,
        display: bool,
    },
}

impl Inline {
    /// Append the plain text of this inline to `out`.
    pub fn text_into(&self, out: &mut String) {
        match self {
            Inline::Text(t) | Inline::Code(t) | Inline::Math { tex: t, .. } => out.push_str(t),
            Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                inlines_text_into(c, out)
            }
            // A picture between two words keeps them apart.
            Inline::Image(_) => {
                if !out.is_empty() && !out.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}

/// What the inside of an inline element began or ended with: nothing, a
/// space, or a line break. Both belong outside the element (`<em>love
/// </em>to` is "*love* to"; `<em>line<br></em><em>next</em>` keeps its
/// break): the builder moves them out of the IR's elements, the Markdown
/// renderer out of its delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Edge {
    None,
    Space,
    Break,
}

/// Append the plain text of `inlines` to `out`.
pub fn inlines_text_into(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        i.text_into(out);
    }
}

/// The plain text of `inlines`.
pub fn inlines_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    inlines_text_into(inlines, &mut s);
    s
}
