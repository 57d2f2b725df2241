//! Claimdesk: an offline workbench for fact-checkers.
//!
//! Data flows one way, each module using only those before it:
//! `article` → `extract` → `review` → `store` / `report` → `cli` / `ui`, with `lexicon` and
//! `text` under all of them. Only `ui` uses egui, eframe or rfd. See docs/ARCHITECTURE.md.
#![forbid(unsafe_code)]

pub mod lexicon;
pub mod text; // byte ↔ char offsets, lower-casing, words: the helpers every module shares // per-language word lists, language detection, page-furniture phrases

pub mod article; // file → Article { text, blocks, metadata }: txt, md, html, docx, pdf; cleaning
pub mod extract; // Article → scored sentences and claims: segment, features, score, kind, claimant, groups
pub mod report;
pub mod review; // Review, Claim, Verdict, Evidence; Action (every change) and its inverse; anchors
pub mod store; // session files: versioned JSON, atomic save, load with clear errors // Review → Markdown, HTML, CSV, JSON, ClaimReview, Web Annotations; pre-flight lint

pub mod cli; // the subcommands: text, segment, extract, score, features, reanchor, report, mark
pub mod ui; // the egui/eframe desktop app (the only module that uses egui, eframe or rfd)
