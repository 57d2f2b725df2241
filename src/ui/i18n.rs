//! The window's language: the one chosen in Settings, else the system's. The texts themselves
//! are Fluent messages (`crate::i18n`, `assets/i18n/*.ftl`); the code names them by id.
//!
//! The language is kept per thread: the window runs on one thread, and each UI test on its own.

use std::cell::Cell;

pub use crate::i18n::Lang;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::EN) };
}

pub fn set_language(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

pub fn language() -> Lang {
    LANG.with(Cell::get)
}

/// Message `id` in the window's language.
pub fn tr(id: &str) -> &'static str {
    language().text_static(id)
}

/// Message `id` in the window's language, its `{ $name }` placeholders filled.
pub fn trf(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    language().format(id, args)
}

/// Verdict names in the window's language (the settings can rename them).
pub fn verdict_name(v: crate::review::Verdict) -> &'static str {
    tr(v.message_id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_language_is_per_thread_and_falls_back_to_english() {
        let fr = Lang::parse("fr").unwrap();
        set_language(fr);
        assert_eq!(tr("open"), "Ouvrir…");
        assert_eq!(
            trf("done-total-reviewed", &[("done", &3), ("total", &9)]),
            "3 / 9 traitées"
        );
        let other = std::thread::spawn(|| tr("open")).join().unwrap();
        assert_eq!(other, "Open…");
        set_language(Lang::EN);
        assert_eq!(tr("open"), "Open…");
    }
}
