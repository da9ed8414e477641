//! The `pith` command: arguments -> settings -> commands.
//!
//! Exit status: 0 an article was written; 1 no article was found; 2 bad
//! arguments; 3 unreadable or refused input; 4 time budget exceeded (see
//! `commands::exit`).

mod args;
mod commands;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success, errors to stderr.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("pith: {e:#}");
            }
            ExitCode::from(commands::exit_status(&e))
        }
    }
}
