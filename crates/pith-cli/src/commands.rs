//! The commands, run with resolved settings.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::args::{Cli, Command, ExtractSettings, Format};

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
            bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?
        }
        None => {
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
        }
    }
    let ex = pith::extract(&bytes, &s.options)?;
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
            return Ok(ExitCode::from(1));
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
        ExitCode::SUCCESS
    } else {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("pith: no article found");
        }
        ExitCode::from(1)
    })
}
