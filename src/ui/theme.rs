//! Colours and text styles: verdict colours that stay readable in light and dark themes.

use crate::review::Verdict;
use eframe::egui::{self, Color32, FontId, TextStyle};

/// Strong colour of a verdict: pills, the row stripe.
pub fn verdict_accent(v: Verdict) -> Color32 {
    match v {
        Verdict::Verified => Color32::from_rgb(36, 138, 61),
        Verdict::Disputed => Color32::from_rgb(200, 40, 50),
        Verdict::Unsourced => Color32::from_rgb(176, 120, 0),
        Verdict::Unreviewed => Color32::from_rgb(96, 108, 128),
    }
}

/// Highlight behind a claim's span in the article. The selected claim gets a deeper tint of its
/// verdict colour; the others a pale one, so the article stays readable.
pub fn verdict_highlight(v: Verdict, dark: bool, selected: bool) -> Color32 {
    if selected {
        let bg = if dark {
            Color32::from_gray(27)
        } else {
            Color32::WHITE
        };
        return mix(bg, verdict_accent(v), if dark { 0.55 } else { 0.35 });
    }
    let (light, darkc) = match v {
        Verdict::Verified => ((218, 242, 222), (30, 64, 40)),
        Verdict::Disputed => ((252, 222, 222), (78, 34, 38)),
        Verdict::Unsourced => ((252, 238, 204), (74, 60, 22)),
        Verdict::Unreviewed => ((232, 237, 246), (40, 46, 60)),
    };
    let (r, g, b) = if dark { darkc } else { light };
    Color32::from_rgb(r, g, b)
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let f = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(f(a.r(), b.r()), f(a.g(), b.g()), f(a.b(), b.b()))
}

/// Fonts and text sizes shared by the app and its tests.
pub fn setup(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style
            .text_styles
            .insert(TextStyle::Body, FontId::proportional(15.0));
        style
            .text_styles
            .insert(TextStyle::Button, FontId::proportional(14.0));
        style
            .text_styles
            .insert(TextStyle::Heading, FontId::proportional(20.0));
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
    });
}
