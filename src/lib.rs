//! Claimdesk: an offline workbench for fact-checkers.
//!
//! Data flows one way: `article::load` → `extract::claims` → `review::Review` (changed only through
//! `review::Action`) → `store` (session files) and `report` (exports). Only `ui` uses egui.

pub mod article; // bytes → Article { text, blocks, metadata }: txt, md, html
pub mod cli; // the headless subcommands: text, segment, extract, score, report
pub mod extract; // Article → claims: lexicons, language, segmentation, scoring, kind, claimant, groups
pub mod memory; // one-shot commands: the allocator's settings, its heaps in 2 MB pages
pub mod report; // Review → Markdown / JSON reports
pub mod review; // Review, Claim, Verdict, Action (every change), anchors
pub mod store; // session files: versioned JSON, atomic save, load with clear errors
pub mod text; // byte ↔ char offset helpers shared by every module
pub mod timing; // CLAIMDESK_TIMING: when each step of a one-shot command ends
pub mod ui; // the egui/eframe desktop app (the only module that uses egui, eframe or rfd)
