//! Every command of the app in one place: its menu text, its shortcuts and its help line.
//! Menus, key handling and the shortcut help read from here, so a shortcut is defined once.

use super::i18n::tr;
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
        tr(self.label_en())
    }

    fn label_en(self) -> &'static str {
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
            Command::AddEvidence => "Add evidence",
            Command::AddClaim => "Add selection as claim",
            Command::SetSpan => "Use selection as the claim's span",
            Command::SplitClaim => "Split claim…",
            Command::MergeClaims => "Merge with next claim",
            Command::DismissClaim => "Not a claim (dismiss)",
            Command::ApplyEarlier => "Apply earlier verdict",
            Command::OpenEarlier => "Open earlier review",
            Command::Library => "Library",
            Command::Find => "Find in article…",
            Command::FindNext => "Find next",
            Command::FilterClaims => "Filter claims",
            Command::Settings => "Settings…",
            Command::History => "History",
            Command::Shortcuts => "Keyboard shortcuts",
        }
    }

    pub fn help(self) -> &'static str {
        tr(self.help_en())
    }

    fn help_en(self) -> &'static str {
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
            Command::AddEvidence => {
                "Add a source to the selected claim: URL, title, quoted passage, archive copy"
            }
            Command::AddClaim => {
                "Add the words selected in the article (drag over them) as a new claim"
            }
            Command::SetSpan => "Make the words selected in the article the selected claim's text",
            Command::SplitClaim => "Cut the selected claim in two at a point you choose",
            Command::MergeClaims => "Join the selected claim and the next one in the article",
            Command::DismissClaim => {
                "Set the selected claim aside as not a claim (listed under Dismissed, restorable)"
            }
            Command::ApplyEarlier => {
                "Give the selected claim the verdict, note and sources of its earlier review (Checked before), in one step"
            }
            Command::OpenEarlier => {
                "Open the earlier review of the selected claim: its session, else its page in the browser"
            }
            Command::Library => {
                "Search the claim library: what was checked before, by words, verdict, claimant, dates, language"
            }
            Command::Find => "Search the article; matches are highlighted (Enter: next)",
            Command::FindNext => "Go to the next match of the search",
            Command::FilterClaims => "Type words to narrow the checklist",
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
