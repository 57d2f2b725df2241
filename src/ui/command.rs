//! Every command of the app in one place: its menu text, its shortcuts and its help line.
//! Menus, key handling and the shortcut help read from here, so a shortcut is defined once.

use super::i18n::tr;
use eframe::egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Open,
    CompareVersion,
    PasteArticle,
    Save,
    SaveAs,
    Export,
    Quit,
    Undo,
    Redo,
    NextClaim,
    PrevClaim,
    MarkVerified,
    MarkDisputed,
    MarkUnsourced,
    MarkUnreviewed,
    EditNote,
    AddEvidence,
    AddClaim,
    SetSpan,
    SplitClaim,
    MergeClaims,
    DismissClaim,
    ApplyEarlier,
    OpenEarlier,
    Library,
    Find,
    FindNext,
    FilterClaims,
    Settings,
    History,
    Shortcuts,
}

const fn sc(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

impl Command {
    /// In the order shortcuts are matched: more specific (Ctrl+Shift+S) before less (Ctrl+S).
    pub const ALL: [Command; 31] = [
        Command::SaveAs,
        Command::Redo,
        Command::SetSpan,
        Command::OpenEarlier,
        Command::Open,
        Command::CompareVersion,
        Command::PasteArticle,
        Command::Save,
        Command::Export,
        Command::Quit,
        Command::Undo,
        Command::NextClaim,
        Command::PrevClaim,
        Command::MarkVerified,
        Command::MarkDisputed,
        Command::MarkUnsourced,
        Command::MarkUnreviewed,
        Command::EditNote,
        Command::AddEvidence,
        Command::AddClaim,
        Command::SplitClaim,
        Command::MergeClaims,
        Command::DismissClaim,
        Command::ApplyEarlier,
        Command::Library,
        Command::Find,
        Command::FindNext,
        Command::FilterClaims,
        Command::Settings,
        Command::History,
        Command::Shortcuts,
    ];

    pub fn label(self) -> &'static str {
        tr(self.label_id())
    }

    pub(super) fn label_id(self) -> &'static str {
        match self {
            Command::Open => "open",
            Command::PasteArticle => "paste-article",
            Command::CompareVersion => "compare-new-version",
            Command::Save => "save",
            Command::SaveAs => "save-2",
            Command::Export => "export-report",
            Command::Quit => "quit",
            Command::Undo => "undo",
            Command::Redo => "redo",
            Command::NextClaim => "next-claim",
            Command::PrevClaim => "previous-claim",
            Command::MarkVerified => "mark-verified",
            Command::MarkDisputed => "mark-disputed",
            Command::MarkUnsourced => "mark-unsourced",
            Command::MarkUnreviewed => "mark-unreviewed",
            Command::EditNote => "edit-note",
            Command::AddEvidence => "add-evidence",
            Command::AddClaim => "add-selection-claim",
            Command::SetSpan => "use-selection-claims-span",
            Command::SplitClaim => "split-claim",
            Command::MergeClaims => "merge-next-claim",
            Command::DismissClaim => "not-claim-dismiss",
            Command::ApplyEarlier => "apply-earlier-verdict",
            Command::OpenEarlier => "open-earlier-review",
            Command::Library => "library",
            Command::Find => "find-article",
            Command::FindNext => "find-next",
            Command::FilterClaims => "filter-claims",
            Command::Settings => "settings",
            Command::History => "history",
            Command::Shortcuts => "keyboard-shortcuts",
        }
    }

    pub fn help(self) -> &'static str {
        tr(self.help_id())
    }

    pub(super) fn help_id(self) -> &'static str {
        match self {
            Command::Open => "open-article-txt-md-html",
            Command::CompareVersion => "move-claims-onto-edited-version",
            Command::PasteArticle => "review-text-clipboard-new-article",
            Command::Save => "save-review-name-claimdesk-json",
            Command::SaveAs => "save-review-under-another-name",
            Command::Export => "write-fact-check-report-markdown",
            Command::Quit => "close-claimdesk-asks-first-if",
            Command::Undo => "undo-last-change",
            Command::Redo => "redo-last-undone-change",
            Command::NextClaim => "select-next-claim",
            Command::PrevClaim => "select-previous-claim",
            Command::MarkVerified => "mark-selected-claim-verified",
            Command::MarkDisputed => "mark-selected-claim-disputed",
            Command::MarkUnsourced => "mark-selected-claim-unsourced",
            Command::MarkUnreviewed => "set-selected-claim-back-unreviewed",
            Command::EditNote => "type-note-selected-claim-esc",
            Command::AddEvidence => "add-source-selected-claim-url",
            Command::AddClaim => "add-words-selected-article-drag",
            Command::SetSpan => "make-words-selected-article-selected",
            Command::SplitClaim => "cut-selected-claim-two-point",
            Command::MergeClaims => "join-selected-claim-next-one",
            Command::DismissClaim => "set-selected-claim-aside-not",
            Command::ApplyEarlier => "give-selected-claim-verdict-note",
            Command::OpenEarlier => "open-earlier-review-selected-claim",
            Command::Library => "search-claim-library-what-was",
            Command::Find => "search-article-matches-are-highlighted",
            Command::FindNext => "go-next-match-search",
            Command::FilterClaims => "type-words-narrow-checklist",
            Command::Settings => "organisation-report-address-reviewer-name",
            Command::History => "every-change-review-when-whom",
            Command::Shortcuts => "show-list",
        }
    }

    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        match self {
            Command::Open => vec![sc(CMD, Key::O)],
            // Ctrl+V arrives as a paste event, handled by the app outside text fields.
            Command::PasteArticle => vec![],
            Command::CompareVersion => vec![],
            Command::Save => vec![sc(CMD, Key::S)],
            Command::SaveAs => vec![sc(CMD_SHIFT, Key::S)],
            Command::Export => vec![sc(CMD, Key::E)],
            Command::Quit => vec![sc(CMD, Key::Q)],
            Command::Undo => vec![sc(CMD, Key::Z)],
            Command::Redo => vec![sc(CMD_SHIFT, Key::Z), sc(CMD, Key::Y)],
            Command::NextClaim => vec![sc(NONE, Key::J), sc(NONE, Key::ArrowDown)],
            Command::PrevClaim => vec![sc(NONE, Key::K), sc(NONE, Key::ArrowUp)],
            Command::MarkVerified => vec![sc(NONE, Key::V)],
            Command::MarkDisputed => vec![sc(NONE, Key::D)],
            Command::MarkUnsourced => vec![sc(NONE, Key::U)],
            Command::MarkUnreviewed => vec![sc(NONE, Key::Num0)],
            Command::EditNote => vec![sc(NONE, Key::N)],
            Command::AddEvidence => vec![sc(NONE, Key::E)],
            Command::AddClaim => vec![sc(NONE, Key::A)],
            Command::SetSpan => vec![sc(SHIFT, Key::A)],
            Command::SplitClaim => vec![sc(NONE, Key::S)],
            Command::MergeClaims => vec![sc(NONE, Key::M)],
            Command::DismissClaim => vec![sc(NONE, Key::X), sc(NONE, Key::Delete)],
            Command::ApplyEarlier => vec![sc(NONE, Key::B)],
            Command::OpenEarlier => vec![sc(SHIFT, Key::B)],
            Command::Library => vec![sc(CMD, Key::L)],
            Command::Find => vec![sc(CMD, Key::F)],
            Command::FindNext => vec![sc(NONE, Key::F3)],
            Command::FilterClaims => vec![sc(NONE, Key::Slash)],
            Command::Settings => vec![sc(CMD, Key::Comma)],
            Command::History => vec![sc(CMD, Key::H)],
            Command::Shortcuts => vec![sc(NONE, Key::F1), sc(NONE, Key::Questionmark)],
        }
    }

    /// Single-key shortcuts (Shift allowed) act only when no text field has the keyboard.
    pub fn is_plain_key(self) -> bool {
        self.shortcuts()
            .iter()
            .all(|s| s.modifiers.is_none() || s.modifiers == SHIFT)
    }

    /// "Ctrl+O", "J / Down", "Ctrl+,"; in French "Maj+A", "J / Bas".
    pub fn shortcut_text(self, ctx: &eframe::egui::Context) -> String {
        if self == Command::PasteArticle {
            return format_shortcut(ctx, &sc(CMD, Key::V));
        }
        self.shortcuts()
            .iter()
            .map(|s| format_shortcut(ctx, s))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// A shortcut as the window shows it: modifiers and named keys in the window's language,
/// punctuation keys as their symbols ("Ctrl+,", not "Ctrl+Comma"). On macOS, egui's own.
fn format_shortcut(ctx: &eframe::egui::Context, s: &KeyboardShortcut) -> String {
    if ctx.os().is_mac() {
        return ctx.format_shortcut(s);
    }
    let names = ModifierNames {
        alt: tr("key-alt"),
        ctrl: tr("key-ctrl"),
        shift: tr("key-shift"),
        ..ModifierNames::NAMES
    };
    let mut text = names.format(&s.modifiers, false);
    if !text.is_empty() {
        text.push_str(names.concat);
    }
    text.push_str(match s.logical_key {
        Key::Delete => tr("key-delete"),
        // No font of the window has arrow symbols: their names.
        Key::ArrowDown => tr("key-down"),
        Key::ArrowUp => tr("key-up"),
        Key::ArrowLeft | Key::ArrowRight => s.logical_key.name(),
        key => key.symbol_or_name(),
    });
    text
}
