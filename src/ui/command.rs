//! Every command of the app in one place: its menu text, its shortcuts and its help line.
//! Menus, key handling and the shortcut help read from here, so a shortcut is defined once.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

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

impl Command {
    /// In the order shortcuts are matched: more specific (Ctrl+Shift+S) before less (Ctrl+S).
    pub const ALL: [Command; 19] = [
        Command::SaveAs,
        Command::Redo,
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
        Command::Settings,
        Command::History,
        Command::Shortcuts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Command::Open => "Open…",
            Command::PasteArticle => "Paste as article",
            Command::CompareVersion => "Compare with new version…",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::Export => "Export report…",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::NextClaim => "Next claim",
            Command::PrevClaim => "Previous claim",
            Command::MarkVerified => "Mark Verified",
            Command::MarkDisputed => "Mark Disputed",
            Command::MarkUnsourced => "Mark Unsourced",
            Command::MarkUnreviewed => "Mark Unreviewed",
            Command::EditNote => "Edit note",
            Command::Settings => "Settings…",
            Command::History => "History",
            Command::Shortcuts => "Keyboard shortcuts",
        }
    }

    pub fn help(self) -> &'static str {
        match self {
            Command::Open => {
                "Open an article (.txt, .md, .html, .docx, .pdf) or a saved session (.claimdesk.json)"
            }
            Command::CompareVersion => {
                "Move the claims onto an edited version of the article; claims not found are kept as orphans"
            }
            Command::PasteArticle => {
                "Review the text on the clipboard as a new article (Ctrl+V outside a text field)"
            }
            Command::Save => "Save the review as NAME.claimdesk.json",
            Command::SaveAs => "Save the review under another name",
            Command::Export => {
                "Write the fact-check report: Markdown, HTML, CSV, JSON, ClaimReview or Web Annotations"
            }
            Command::Quit => "Close Claimdesk (asks first if there are unsaved changes)",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::NextClaim => "Select the next claim",
            Command::PrevClaim => "Select the previous claim",
            Command::MarkVerified => "Mark the selected claim Verified",
            Command::MarkDisputed => "Mark the selected claim Disputed",
            Command::MarkUnsourced => "Mark the selected claim Unsourced",
            Command::MarkUnreviewed => "Set the selected claim back to Unreviewed",
            Command::EditNote => "Type a note for the selected claim (Esc leaves the note)",
            Command::Settings => {
                "Organisation, report address, reviewer name, methodology and corrections texts"
            }
            Command::History => "Every change to this review: when, by whom, what",
            Command::Shortcuts => "Show this list",
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
            Command::Settings => vec![sc(CMD, Key::Comma)],
            Command::History => vec![sc(CMD, Key::H)],
            Command::Shortcuts => vec![sc(NONE, Key::F1)],
        }
    }

    /// Single-key shortcuts act only when no text field has the keyboard.
    pub fn is_plain_key(self) -> bool {
        self.shortcuts().iter().all(|s| s.modifiers.is_none())
    }

    /// "Ctrl+O", "J / ↓".
    pub fn shortcut_text(self, ctx: &eframe::egui::Context) -> String {
        if self == Command::PasteArticle {
            return ctx.format_shortcut(&sc(CMD, Key::V));
        }
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}
