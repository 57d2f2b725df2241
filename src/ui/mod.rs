//! The desktop app (egui/eframe). The only module that uses egui, eframe or rfd; it turns input
//! into `Action`s and draws the review.

mod app;
mod article_view;
mod claim_list;
mod command;
mod errors;
mod export_dialog;
pub mod i18n;
mod jobs;
mod library;
mod library_panel;
mod picker;
mod recovery;
mod settings;
mod theme;

pub use app::ClaimdeskApp;
pub use command::Command;
pub use export_dialog::{ExportChoice, ExportDialog};
pub use library::CHECKED_BEFORE_MIN_SCORE;
pub use picker::{FilePicker, NativePicker, PickAnswer, PickRequest, Purpose, ScriptedPicker};
pub use settings::{Kept, KeptFiles, LibrarySettings, Newsroom, Recent, Theme};
pub use theme::setup as setup_context;

use std::path::PathBuf;

/// Opens the window, on `path` if given (an article or a session), else on the bundled sample.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    // Ready before the first article is opened (a few milliseconds saved on that open).
    crate::extract::warm_up();
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Claimdesk")
            .with_app_id("claimdesk")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Claimdesk",
        options,
        Box::new(move |cc| {
            let mut app = ClaimdeskApp::new(&cc.egui_ctx, Box::new(NativePicker::default()));
            if let Some(file) = Newsroom::default_file() {
                app.use_settings_file(file);
            }
            // The library in the user's data folder unless the settings or CLAIMDESK_LIBRARY
            // name another (`off` turns it off).
            app.use_library(
                crate::library::default_file().map(crate::library::Place::File),
                std::env::var(crate::library::LIBRARY_ENV).ok(),
            );
            if let Some(dir) = recovery::Autosave::default_dir() {
                app.use_recovery_dir(dir, recovery::DEFAULT_DELAY);
            }
            if let Some(p) = path {
                // Read on a worker thread while the window shows its progress over the sample;
                // a failed open shows its error there.
                app.open_path(&p);
            }
            Ok(Box::new(app))
        }),
    )
}
