//! Command-line arguments, and their translation into library settings.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "pith",
    version,
    about = "Turn a web page into the article it carries."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the article from one HTML document.
    Extract(ExtractArgs),
    /// Show how the extractor scored a page (for tuning; output may change).
    #[command(hide = true)]
    Explain {
        /// The HTML file.
        path: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The HTML file; `-` or nothing reads standard input.
    pub path: Option<PathBuf>,
    /// The page's address: resolves relative links and fills the footer.
    #[arg(long)]
    pub url: Option<String>,
    /// The encoding of the input (beats `<meta charset>`, not a byte-order mark).
    #[arg(long)]
    pub charset: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    pub format: Format,
    /// What to do with links: keep them, strip their targets to `#`, or drop them.
    #[arg(long, value_enum, default_value_t = Links::Keep)]
    pub links: Links,
    /// Also write images as `![alt](src)`.
    #[arg(long)]
    pub images: bool,
    /// Keep reader comments, in their own section after the body.
    #[arg(long)]
    pub comments: bool,
    /// Give up on a page after this many milliseconds (exit status 4).
    #[arg(long, value_name = "MS")]
    pub time_budget_ms: Option<u64>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Markdown,
    Text,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Links {
    Keep,
    Strip,
    Drop,
}

impl From<Links> for pith::LinkMode {
    fn from(l: Links) -> Self {
        match l {
            Links::Keep => pith::LinkMode::Keep,
            Links::Strip => pith::LinkMode::Strip,
            Links::Drop => pith::LinkMode::Drop,
        }
    }
}

/// Everything `extract` needs, resolved from the arguments.
pub struct ExtractSettings {
    pub input: Option<PathBuf>,
    pub options: pith::Options,
    pub render: pith::RenderOptions,
    pub format: Format,
}

impl From<ExtractArgs> for ExtractSettings {
    fn from(a: ExtractArgs) -> Self {
        ExtractSettings {
            input: a.path.filter(|p| p.as_os_str() != "-"),
            options: pith::Options {
                url: a.url,
                charset: a.charset,
                comments: a.comments,
                limits: pith::Limits {
                    time_budget: a.time_budget_ms.map(std::time::Duration::from_millis),
                    ..Default::default()
                },
                ..Default::default()
            },
            render: pith::RenderOptions {
                links: a.links.into(),
                images: a.images,
            },
            format: a.format,
        }
    }
}
