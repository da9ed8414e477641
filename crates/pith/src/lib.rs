//! pith: turn a web page into the article it carries.
//!
//! The pipeline runs in stages, each a module: [`input`] (bytes to text),
//! [`dom`] (parse), [`clean`] (mark boilerplate), [`mod@extract`] (find the
//! article and build the [`ir`] tree), [`metadata`], and [`render`]
//! (Markdown, text, HTML, JSON from the one tree).
//!
//! ```
//! let html = br#"<html><head><title>Hello | Site</title></head><body>
//!   <article><h1>Hello</h1><p>A first paragraph of the article, long enough to count.</p>
//!   <p>A second paragraph with more words so that the article is recognised.</p></article>
//! </body></html>"#;
//! let out = pith::extract(html, &pith::Options::default()).unwrap();
//! assert!(out.article.is_some());
//! ```
//!
//! The library does no I/O and never panics on any input; "no article here"
//! is a normal result (`article: None`), not an error.

pub mod clean;
pub mod dom;
mod error;
pub mod extract;
pub mod input;
pub mod ir;
pub mod metadata;
mod options;
pub mod render;

pub use dom::{Limit, Truncation};
pub use error::{Error, ErrorKind};
pub use extract::PageType;
pub use metadata::Metadata;
pub use options::{Limits, LinkMode, Options};
pub use render::RenderOptions;

use url::Url;

/// The result of extracting one page.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The page's address as given, when it parsed as a URL.
    pub url: Option<String>,
    pub metadata: Metadata,
    /// The article, or `None` when the page holds none.
    pub article: Option<ir::Article>,
    /// Name of the encoding the bytes were decoded with (`UTF-8`, `windows-1252`).
    pub encoding: &'static str,
    /// 0 to 1: how sure pith is that the page is an article and that the whole
    /// of it was found.
    pub confidence: f32,
    /// The kind of page ([`PageType`]): its main content depends on it.
    pub page_type: PageType,
    /// 0 to 1: how sure the classifier is of [`Extraction::page_type`].
    pub page_type_confidence: f32,
    /// The limits that cut or reshaped the page ([`Options::limits`]); empty
    /// when the whole page was read as it is. A cut is never silent: when
    /// [`Limit::loses_text`] holds for one of these, text of the page is
    /// missing from the output.
    pub truncated: Vec<Truncation>,
}

/// Extract the article and metadata from the bytes of an HTML page.
pub fn extract(bytes: &[u8], options: &Options) -> Result<Extraction, Error> {
    let clock = Clock::start(options);
    if bytes.len() > options.limits.max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge,
            format!(
                "{} bytes is over the limit of {} bytes",
                bytes.len(),
                options.limits.max_bytes
            ),
        ));
    }
    if input::looks_binary(bytes) {
        return Err(Error::new(
            ErrorKind::NotHtml,
            "the input is binary data, not an HTML document",
        ));
    }
    let decoded = input::decode(bytes, options.charset.as_deref())?;
    clock.check("decoding")?;
    let mut out = extract_with_clock(&decoded.text, options, clock)?;
    out.encoding = decoded.encoding.name();
    Ok(out)
}

/// Extract from text that is already decoded.
pub fn extract_str(html: &str, options: &Options) -> Result<Extraction, Error> {
    extract_with_clock(html, options, Clock::start(options))
}

/// The deadline of one extraction ([`Limits::time_budget`]).
#[derive(Clone, Copy)]
struct Clock {
    deadline: Option<std::time::Instant>,
    budget: Option<std::time::Duration>,
}

impl Clock {
    fn start(options: &Options) -> Clock {
        let budget = options.limits.time_budget;
        Clock {
            deadline: budget.and_then(|b| std::time::Instant::now().checked_add(b)),
            budget,
        }
    }

    /// An error when the deadline has passed; `stage` says where.
    fn check(&self, stage: &str) -> Result<(), Error> {
        match (self.deadline, self.budget) {
            (Some(d), Some(b)) if std::time::Instant::now() >= d => Err(Error::new(
                ErrorKind::TimedOut,
                format!(
                    "the time budget of {} ms ran out during {stage}",
                    b.as_millis()
                ),
            )),
            _ => Ok(()),
        }
    }
}

fn extract_with_clock(html: &str, options: &Options, clock: Clock) -> Result<Extraction, Error> {
    if html.len() > options.limits.max_bytes {
        return Err(Error::new(ErrorKind::TooLarge, "input over the byte limit"));
    }
    let url = match options.url.as_deref() {
        Some(u) => Some(Url::parse(u).map_err(|e| {
            Error::new(ErrorKind::InvalidOption, format!("invalid URL {u:?}: {e}"))
        })?),
        None => None,
    };
    let dom = dom::Dom::parse(html, options.limits.parse_limits(clock.deadline));
    clock.check("parsing")?;
    let meta_ctx = metadata::Context {
        url: url.as_ref(),
        now: options.now,
    };
    let (mut metadata, notes) = metadata::extract_noted(&dom, &meta_ctx);
    clock.check("reading metadata")?;
    let found = extract::article(
        &dom,
        &metadata,
        &notes.declared_types,
        url.as_ref(),
        options,
    );
    clock.check("finding the article")?;
    metadata::complete(
        &mut metadata,
        &notes,
        &dom,
        found.article.as_ref(),
        found.confidence,
    );
    Ok(Extraction {
        url: url.map(String::from),
        metadata,
        confidence: found.confidence,
        page_type: found.page_type,
        page_type_confidence: found.page_type_confidence,
        article: found.article,
        encoding: "UTF-8",
        truncated: dom.truncations().to_vec(),
    })
}

/// The page's kind with the measurements the classifier decided on: for
/// tuning and explaining [`Extraction::page_type`], not for extraction.
pub fn explain_page_type(
    html: &str,
    url: Option<&str>,
) -> (PageType, f32, extract::page_type::Features) {
    let url = url.and_then(|u| Url::parse(u).ok());
    let dom = dom::Dom::parse(html, Limits::default().parse_limits(None));
    let meta_ctx = metadata::Context {
        url: url.as_ref(),
        now: None,
    };
    let (meta, notes) = metadata::extract_noted(&dom, &meta_ctx);
    extract::explain_page_type(&dom, url.as_ref(), &notes.declared_types, &meta)
}

impl Extraction {
    /// The article as Markdown in pith's form (title, date, body, footer).
    pub fn to_markdown(&self, options: &RenderOptions) -> String {
        render::markdown(self, options)
    }

    /// The body as plain text, paragraphs separated by blank lines.
    pub fn to_text(&self) -> String {
        render::text(self)
    }

    /// The cleaned article as minimal HTML.
    pub fn to_html(&self, options: &RenderOptions) -> String {
        render::html(self, options)
    }

    /// One JSON object with the metadata, the Markdown and the text.
    pub fn to_json(&self, options: &RenderOptions) -> serde_json::Value {
        render::json(self, options)
    }
}
