//! The commands, run with resolved settings.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::args::{Cli, Command, ExtractSettings, Format};

/// A failure of the command itself, with the exit status it gets (see
/// `main.rs`). Library errors map by their kind.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// The arguments ask for something the command does not do.
    #[error("{0}")]
    Usage(String),
    /// The input could not be read.
    #[error("{0}")]
    Input(String),
}

/// Exit statuses (also in the README).
pub mod exit {
    /// An article was written.
    pub const ARTICLE: u8 = 0;
    /// The page holds no article (said on standard error).
    pub const NO_ARTICLE: u8 = 1;
    /// Bad arguments or option values (unknown encoding, malformed URL).
    pub const USAGE: u8 = 2;
    /// The input could not be read, or is not HTML, or is over the size limit.
    pub const INPUT: u8 = 3;
    /// The page took longer than `--time-budget-ms`.
    pub const TIMED_OUT: u8 = 4;
}

/// The exit status for an error.
pub fn exit_status(e: &anyhow::Error) -> u8 {
    if let Some(f) = e.downcast_ref::<Failure>() {
        return match f {
            Failure::Usage(_) => exit::USAGE,
            Failure::Input(_) => exit::INPUT,
        };
    }
    if let Some(p) = e.downcast_ref::<pith::Error>() {
        return match p.kind() {
            pith::ErrorKind::InvalidOption | pith::ErrorKind::UnknownEncoding => exit::USAGE,
            pith::ErrorKind::TimedOut => exit::TIMED_OUT,
            _ => exit::INPUT,
        };
    }
    exit::INPUT
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(a) => extract(a.into()),
        Command::Explain { path } => {
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let decoded = pith::input::decode(&bytes, None)?;
            let dom = pith::dom::Dom::parse(&decoded.text, Default::default());
            std::io::stdout().write_all(pith::extract::explain(&dom).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn extract(s: ExtractSettings) -> anyhow::Result<ExitCode> {
    let mut bytes = Vec::new();
    match &s.input {
        Some(path) => {
            let shown = path.to_string_lossy();
            if !path.exists() && (shown.starts_with("http://") || shown.starts_with("https://")) {
                return Err(Failure::Usage(format!(
                    "{shown} is a URL: pith extract reads a file or standard input and fetches \
                     nothing. To extract a page from the web:\n    curl -sL '{shown}' | pith extract - --url '{shown}'"
                ))
                .into());
            }
            bytes = std::fs::read(path)
                .map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))?
        }
        None => {
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        }
    }
    let ex = pith::extract(&bytes, &s.options)?;
    // A limit that cut the page is said, whatever the format.
    for t in &ex.truncated {
        let what = if t.limit.loses_text() {
            "the page was cut"
        } else {
            "the page was changed"
        };
        #[allow(clippy::print_stderr)]
        {
            eprintln!("pith: warning: {what} ({}): {}", t.limit.name(), t.message);
        }
    }
    let out = match s.format {
        // JSON is written even without an article: the metadata still counts.
        Format::Json => {
            let mut v = serde_json::to_string_pretty(&ex.to_json(&s.render))?;
            v.push('\n');
            v
        }
        _ if ex.article.is_none() => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("pith: no article found");
            }
            return Ok(ExitCode::from(exit::NO_ARTICLE));
        }
        Format::Markdown => ex.to_markdown(&s.render),
        Format::Text => {
            let mut t = ex.to_text();
            t.push('\n');
            t
        }
        Format::Html => ex.to_html(&s.render),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => {}
        // A closed pipe (`pith extract page.html | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(e).context("cannot write output"),
    }
    Ok(if ex.article.is_some() {
        ExitCode::from(exit::ARTICLE)
    } else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("pith: no article found");
        }
        ExitCode::from(exit::NO_ARTICLE)
    })
}
