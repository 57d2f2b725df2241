use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    claimdesk::timing::start();
    let cli = claimdesk::cli::Cli::parse();
    match cli.command {
        Some(cmd) => {
            let input_bytes = cmd
                .input()
                .and_then(|p| std::fs::metadata(p).ok())
                .map(|m| m.len());
            claimdesk::memory::tune_allocator_for_batch(input_bytes);
            match claimdesk::cli::run(cmd, &mut std::io::stdout().lock()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("claimdesk: {e}");
                    ExitCode::from(1)
                }
            }
        }
        None => match claimdesk::ui::run(cli.path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("claimdesk: could not open the window: {e}");
                ExitCode::from(1)
            }
        },
    }
}
