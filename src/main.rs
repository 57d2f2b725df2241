#![forbid(unsafe_code)]

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = claimdesk::cli::Cli::parse();
    claimdesk::extract::start_threads(cli.command.is_some());
    match cli.command {
        Some(cmd) => match claimdesk::cli::run(cmd, &mut std::io::stdout().lock()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("claimdesk: {e}");
                ExitCode::from(1)
            }
        },
        None => match claimdesk::ui::run(cli.path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("claimdesk: could not open the window: {e}");
                ExitCode::from(1)
            }
        },
    }
}
