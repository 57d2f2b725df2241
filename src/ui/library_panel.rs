//! The Library panel (Ctrl+L): what the desk and the fact-checkers it follows checked before,
//! searched by words, verdict, claimant, dates and language. The panel draws the form and the
//! results and returns what the reviewer asked for (a search, opening an earlier review); the
//! app sends searches to the library worker and hands the results back.

use super::i18n::{tr, trf};
use super::library::{self as lib, EarlierSource};
use super::theme::Palette;
use crate::library::{Search, Stored};
use crate::review::{self, Verdict};
use eframe::egui::{self, RichText};

/// What the reviewer asked for in the panel.
pub enum PanelRequest {
    Search(Search),
    Open(EarlierSource),
}

/// The search form as typed.
#[derive(Debug, Clone, Default, PartialEq)]
struct Form {
    words: String,
    verdict: Option<Verdict>,
    claimant: String,
    from: String,
    to: String,
    language: String,
}

impl Form {
    /// The search the form describes, or what is wrong with it.
    fn search(&self) -> Result<Search, String> {
        let day = |s: &str, what: &str| -> Result<Option<String>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(|d| Some(d.format("%Y-%m-%d").to_string()))
                .map_err(|_| trf("what-write-day-yyyy-mm", &[("what", &what)]))
        };
        let opt = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Ok(Search {
            words: self.words.trim().to_string(),
            verdict: self.verdict,
            claimant: opt(&self.claimant),
            from: day(&self.from, tr("from"))?,
            to: day(&self.to, tr("to"))?,
            language: opt(&self.language.to_lowercase()),
            limit: lib::SEARCH_LIMIT,
        })
    }
}

#[derive(Default)]
pub struct LibraryPanel {
    pub open: bool,
    /// Give the words field the keyboard on the next frame.
    pub focus_words: bool,
    form: Form,
    form_error: Option<String>,
    /// The search running (its token), if any.
    searching: Option<u64>,
    next_token: u64,
    results: Vec<Stored>,
    /// A search has come back (an empty list then means nothing was found).
    searched: bool,
    error: Option<String>,
    /// The entry shown whole (its row id).
    selected: Option<i64>,
}

impl LibraryPanel {
    /// Opens or closes the panel; opened, it lists the latest entries.
    pub fn toggle(&mut self) -> Option<Search> {
        self.open = !self.open;
        if !self.open {
            return None;
        }
        self.focus_words = true;
        self.form.search().ok()
    }

    /// The search the form describes now, if it is a valid one.
    pub fn current_search(&self) -> Option<Search> {
        self.form.search().ok()
    }

    /// A search was sent: its token, to know its reply.
    pub fn searching(&mut self) -> u64 {
        self.next_token += 1;
        self.searching = Some(self.next_token);
        self.next_token
    }

    /// The search could not be sent (no library).
    pub fn failed(&mut self, error: String) {
        self.searching = None;
        self.error = Some(error);
    }

    /// The reply of search `token` (an older one is dropped).
    pub fn answered(&mut self, token: u64, result: Result<Vec<Stored>, String>) {
        if self.searching != Some(token) {
            return;
        }
        self.searching = None;
        self.searched = true;
        match result {
            Ok(found) => {
                if !self
                    .selected
                    .is_some_and(|id| found.iter().any(|s| s.id == id))
                {
                    self.selected = found.first().map(|s| s.id);
                }
                self.results = found;
                self.error = None;
            }
            Err(e) => {
                self.results.clear();
                self.selected = None;
                self.error = Some(trf("library-search-failed", &[("e", &e)]));
            }
        }
    }

    /// The entries listed, most recent first.
    pub fn results(&self) -> &[Stored] {
        &self.results
    }

    /// Draws the panel; `place` names the library in use (None: it is off, and why).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        place: Result<String, String>,
        palette: &Palette,
    ) -> Option<PanelRequest> {
        let mut asked = None;
        let mut open = self.open;
        egui::Window::new(tr("library"))
            .open(&mut open)
            .resizable(true)
            .default_width(660.0)
            .default_height(640.0)
            .show(ctx, |ui| {
                match &place {
                    Ok(p) => ui.weak(trf("claim-library-p", &[("p", p)])),
                    Err(why) => ui.label(RichText::new(why).color(ui.visuals().warn_fg_color)),
                };
                if let Some(s) = self.form_ui(ui, palette) {
                    asked = Some(PanelRequest::Search(s));
                }
                ui.separator();
                if let Some(o) = self.results_ui(ui, palette) {
                    asked = Some(PanelRequest::Open(o));
                }
            });
        self.open = open;
        asked
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) -> Option<Search> {
        let mut go = false;
        egui::Grid::new("library-search")
            .num_columns(4)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                let mut field =
                    |ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str, width: f32| {
                        let l = ui.label(label);
                        // A grid's cells are as wide as last frame's widest: the size is set.
                        let h = ui.spacing().interact_size.y;
                        let r = ui
                            .add_sized(
                                [width, h],
                                egui::TextEdit::singleline(value).hint_text(hint),
                            )
                            .labelled_by(l.id);
                        if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                            go = true;
                        }
                        r
                    };
                let words = field(
                    ui,
                    tr("words"),
                    &mut self.form.words,
                    tr("words-claim-title"),
                    230.0,
                );
                if std::mem::take(&mut self.focus_words) {
                    words.request_focus();
                }
                field(
                    ui,
                    tr("claimant"),
                    &mut self.form.claimant,
                    tr("part-name"),
                    160.0,
                );
                ui.end_row();
                field(ui, tr("from"), &mut self.form.from, tr("yyyy-mm-dd"), 230.0);
                field(ui, tr("to"), &mut self.form.to, tr("yyyy-mm-dd"), 160.0);
                ui.end_row();
                let l = ui.label(tr("verdict"));
                let shown = self.form.verdict.map_or(tr("any"), |v| palette.name(v));
                egui::ComboBox::from_id_salt("library-verdict")
                    .selected_text(shown)
                    .width(160.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.form.verdict, None, tr("any"));
                        for v in [Verdict::Verified, Verdict::Disputed, Verdict::Unsourced] {
                            ui.selectable_value(&mut self.form.verdict, Some(v), palette.name(v));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                field(
                    ui,
                    tr("language"),
                    &mut self.form.language,
                    "en, fr…",
                    160.0,
                );
                ui.end_row();
            });
        ui.horizontal(|ui| {
            if ui.button(tr("search")).clicked() {
                go = true;
            }
            if ui.button(tr("clear")).clicked() {
                self.form = Form::default();
                go = true;
            }
            if self.searching.is_some() {
                ui.add(egui::Spinner::new());
                ui.weak(tr("searching"));
            } else if self.searched {
                ui.weak(trf("n-found", &[("n", &self.results.len())]));
            }
        });
        if let Some(e) = &self.form_error {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
        }
        if !go {
            return None;
        }
        match self.form.search() {
            Ok(s) => {
                self.form_error = None;
                Some(s)
            }
            Err(e) => {
                self.form_error = Some(e);
                None
            }
        }
    }

    fn results_ui(&mut self, ui: &mut egui::Ui, palette: &Palette) -> Option<EarlierSource> {
        if let Some(e) = &self.error {
            ui.add(egui::Label::new(RichText::new(e).color(ui.visuals().error_fg_color)).wrap());
            return None;
        }
        if self.searched && self.results.is_empty() {
            ui.weak(tr("nothing-library-matches-search"));
            return None;
        }
        let mut open = None;
        let height = ui.available_height();
        egui::ScrollArea::vertical()
            .id_salt("library-results")
            .max_height((height * 0.45).max(120.0))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for s in &self.results {
                    let on = self.selected == Some(s.id);
                    if result_row(ui, s, on, palette).clicked() {
                        self.selected = Some(s.id);
                    }
                }
            });
        let s = self
            .selected
            .and_then(|id| self.results.iter().find(|s| s.id == id))?;
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("library-entry")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                open = entry_ui(ui, s, palette);
            });
        open
    }
}

/// The earlier verdict's colour: the desk's verdict's, else the one its rating says.
fn accent_of(entry: &crate::library::Entry, palette: &Palette) -> egui::Color32 {
    palette.accent(lib::verdict_of(entry).unwrap_or(Verdict::Unreviewed))
}

/// One result: verdict and date, then the claim (two lines), then the source.
fn result_row(ui: &mut egui::Ui, s: &Stored, on: bool, palette: &Palette) -> egui::Response {
    let e = &s.entry;
    let rating = lib::rating_of(e, palette);
    let date = lib::date_of(e).unwrap_or_default();
    let source = e
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .or_else(|| e.url.clone())
        .unwrap_or_else(|| e.origin.clone());
    let frame = egui::Frame::new()
        .inner_margin(6.0)
        .corner_radius(4.0)
        .fill(if on {
            ui.visuals().selection.bg_fill.gamma_multiply(0.35)
        } else {
            egui::Color32::TRANSPARENT
        })
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke);
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&rating).strong().color(accent_of(e, palette)));
            if !date.is_empty() {
                ui.weak(&date);
            }
        });
        ui.add(egui::Label::new(head(&e.claim, 300)).wrap().truncate());
        ui.add(egui::Label::new(RichText::new(&source).size(12.5).weak()).truncate());
    });
    let response = inner.response.interact(egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::ListItem,
            true,
            format!("{rating} · {} · {source}", e.claim),
        )
    });
    response
}

/// The start of `text`, `max` bytes at most, cut at a char boundary.
fn head(text: &str, max: usize) -> &str {
    &text[..crate::text::floor_boundary(text, max)]
}

/// An entry whole: claim, verdict, note, sources, who and where. Returns where to open it if
/// asked.
fn entry_ui(ui: &mut egui::Ui, s: &Stored, palette: &Palette) -> Option<EarlierSource> {
    let e = &s.entry;
    let mut open = None;
    ui.label(
        RichText::new(lib::summary(e, palette))
            .strong()
            .color(accent_of(e, palette)),
    );
    ui.add(
        egui::Label::new(RichText::new(head(&e.claim, 4000)).size(15.0))
            .wrap()
            .selectable(true),
    );
    let line = |ui: &mut egui::Ui, label: &str, value: &str| {
        ui.horizontal_wrapped(|ui| {
            ui.strong(label);
            ui.add(egui::Label::new(value).wrap().selectable(true));
        });
    };
    if let Some(c) = &e.claimant {
        line(ui, tr("claimant-2"), c);
    }
    if !e.note.is_empty() {
        line(ui, tr("note-2"), &e.note);
    }
    let mut sources: Vec<&str> = e.evidence.iter().map(String::as_str).collect();
    if let Some(u) = &e.url {
        sources.push(u);
    }
    if !sources.is_empty() {
        ui.strong(tr("sources"));
        for u in sources {
            match review::check_url(u) {
                Ok(url) => {
                    ui.hyperlink_to(u, url);
                }
                Err(_) => {
                    ui.label(u);
                }
            }
        }
    }
    if let Some(r) = &e.reviewer {
        line(ui, tr("reviewer"), r);
    }
    if let Some(d) = &e.date {
        line(ui, tr("published"), &lib::human_date(d));
    }
    if let Some(l) = &e.language {
        line(ui, tr("language-2"), l);
    }
    line(ui, tr("origin"), &e.origin);
    // Named from the entry alone: the file system is asked only on a click (an origin on an
    // unreachable share must not hold up a frame).
    let label = if crate::store::is_session_path(std::path::Path::new(&e.origin)) {
        Some(tr("open-session"))
    } else if e.url.is_some() {
        Some(tr("open-browser"))
    } else {
        None
    };
    if let Some(label) = label
        && ui.button(label).clicked()
    {
        open = lib::source_of(e);
    }
    open
}
