//! Claimdesk: an offline workbench for fact-checkers.
//!
//! Data flows one way, each module using only those before it:
//! `article` → `extract` → `review` → `store` / `report` → `library` → `cli` / `ui`, with `lexicon` and
//! `text` under all of them. Only `ui` uses egui, eframe or rfd. See docs/ARCHITECTURE.md.
#![forbid(unsafe_code)]

/// Byte ↔ char offsets, lower-casing, words: the helpers every module shares.
pub mod text;

/// Claimdesk's texts in every language it speaks (Fluent files in `assets/i18n/`): the
/// window's and the reports'.
pub mod i18n;

/// Reading any file with a cap (regular files, devices, named pipes).
pub mod files;

/// Per-language word lists, language detection, page-furniture phrases.
pub mod lexicon;

/// File → `Article { text, blocks, metadata }`: txt, md, html, docx, pdf; cleaning.
pub mod article;

/// `Article` → scored sentences and claims: segment, features, score, kind, entities
/// (claimant), groups (near-duplicates), terms.
pub mod extract;

/// `Review`, `Claim`, `Verdict`, `Evidence`; `Action` (every change) and its inverse; `History`
/// (undo and redo); anchors.
pub mod review;

/// Session files: versioned JSON, atomic save, load with clear errors.
pub mod store;

/// `Review` → Markdown, HTML, CSV, JSON, ClaimReview, Web Annotations; the pre-flight lint.
pub mod report;

/// The claim library: what was checked before (SQLite file or PostgreSQL server), ClaimReview
/// import, matching a claim against it.
pub mod library;

/// The subcommands: text, segment, extract, score, features, reanchor, report, mark, batch,
/// library, match, completions, man.
pub mod cli;

/// The egui/eframe desktop app (the only module that uses egui, eframe or rfd).
pub mod ui;
