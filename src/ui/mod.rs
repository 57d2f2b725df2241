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

/// The window's icon: `assets/icon/claimdesk-256.png`, drawn from `assets/icon/claimdesk.svg`.
fn icon() -> std::sync::Arc<eframe::egui::IconData> {
    let png = include_bytes!("../../assets/icon/claimdesk-256.png");
    // The PNG ships with the program and is checked by a test; the default icon is the fallback.
    std::sync::Arc::new(eframe::icon_data::from_png_bytes(png).unwrap_or_default())
}

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
            .with_drag_and_drop(true)
            .with_icon(icon()),
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_claimdesk_one() {
        let icon = super::icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        // Transparent corners, the blue of the icon inside.
        assert_eq!(icon.rgba[3], 0);
        let centre_left = (128 * 256 + 20) * 4;
        assert_eq!(
            &icon.rgba[centre_left..centre_left + 3],
            &[0x1d, 0x3f, 0x66]
        );
    }
}
