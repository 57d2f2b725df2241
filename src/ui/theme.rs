//! Colours, fonts and text styles. Verdict names and colours come from the settings (`Palette`);
//! highlights are derived from them so that they stay readable in light and dark themes.

use crate::review::Verdict;
use eframe::egui::{self, Color32, FontId, TextStyle};
use serde::{Deserialize, Serialize};

/// The default strong colour of a verdict: pills, the row stripe, the underline.
pub fn default_accent(v: Verdict) -> Color32 {
    match v {
        Verdict::Verified => Color32::from_rgb(36, 138, 61),
        Verdict::Disputed => Color32::from_rgb(200, 40, 50),
        Verdict::Unsourced => Color32::from_rgb(176, 120, 0),
        Verdict::Unreviewed => Color32::from_rgb(96, 108, 128),
    }
}

/// How one verdict is named and coloured in the window (the newsroom's own scale: "True",
/// "False", "Missing context"…). Empty name: the built-in one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VerdictStyle {
    pub name: String,
    /// "#rrggbb"; empty: the built-in colour.
    pub color: String,
}

/// Names and colours of the four verdicts, as the settings give them.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    names: [String; 4],
    colors: [Color32; 4],
}

fn slot(v: Verdict) -> usize {
    match v {
        Verdict::Verified => 0,
        Verdict::Disputed => 1,
        Verdict::Unsourced => 2,
        Verdict::Unreviewed => 3,
    }
}

impl Default for Palette {
    fn default() -> Self {
        Self {
            names: Verdict::ALL.map(|v| super::i18n::verdict_name(v).to_string()),
            colors: Verdict::ALL.map(default_accent),
        }
    }
}

impl Palette {
    /// The palette for `styles` (in `Verdict::ALL` order), over the defaults.
    pub fn from_styles(styles: &[VerdictStyle; 4]) -> Self {
        let mut p = Self::default();
        for (i, s) in styles.iter().enumerate() {
            if !s.name.trim().is_empty() {
                p.names[i] = s.name.trim().to_string();
            }
            if let Some(c) = parse_hex(&s.color) {
                p.colors[i] = c;
            }
        }
        p
    }

    pub fn name(&self, v: Verdict) -> &str {
        &self.names[slot(v)]
    }

    pub fn accent(&self, v: Verdict) -> Color32 {
        self.colors[slot(v)]
    }

    /// Highlight behind a claim's span in the article: a pale tint of the verdict colour, a
    /// deeper one for the selected claim, so the text on it stays readable in both themes.
    pub fn highlight(&self, v: Verdict, dark: bool, selected: bool) -> Color32 {
        let bg = if dark {
            Color32::from_gray(27)
        } else {
            Color32::WHITE
        };
        let t = match (dark, selected) {
            (false, false) => 0.17,
            (false, true) => 0.38,
            (true, false) => 0.30,
            (true, true) => 0.55,
        };
        mix(bg, self.accent(v), t)
    }
}

/// "#rrggbb" → colour.
pub fn parse_hex(s: &str) -> Option<Color32> {
    let h = s.trim().strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let n = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some(Color32::from_rgb(n(0)?, n(2)?, n(4)?))
}

pub fn to_hex(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let f = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(f(a.r(), b.r()), f(a.g(), b.g()), f(a.b(), b.b()))
}

/// Chinese, Japanese and Korean; Arabic. egui's own fonts cover Latin, Greek and Cyrillic.
const FALLBACK_FONTS: [(&str, &[u8]); 2] = [
    (
        "droid-sans-fallback",
        include_bytes!("../../assets/fonts/DroidSansFallback.ttf"),
    ),
    (
        "noto-sans-arabic",
        include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf"),
    ),
];

/// Fonts and text sizes shared by the app and its tests.
pub fn setup(ctx: &egui::Context) {
    for (name, bytes) in FALLBACK_FONTS {
        let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .map(|family| egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            })
            .to_vec();
        ctx.add_font(egui::epaint::text::FontInsert::new(
            name,
            egui::FontData::from_static(bytes),
            families,
        ));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_rename_and_recolour_verdicts_and_bad_colours_keep_the_default() {
        let mut styles: [VerdictStyle; 4] = Default::default();
        styles[0] = VerdictStyle {
            name: "True".into(),
            color: "#0055aa".into(),
        };
        styles[1].color = "red".into();
        let p = Palette::from_styles(&styles);
        assert_eq!(p.name(Verdict::Verified), "True");
        assert_eq!(
            p.accent(Verdict::Verified),
            Color32::from_rgb(0, 0x55, 0xaa)
        );
        assert_eq!(p.name(Verdict::Disputed), "Disputed");
        assert_eq!(
            p.accent(Verdict::Disputed),
            default_accent(Verdict::Disputed)
        );
        assert_eq!(to_hex(Color32::from_rgb(0, 0x55, 0xaa)), "#0055aa");
    }

    #[test]
    fn highlights_are_pale_in_light_theme_and_dark_in_dark_theme() {
        let p = Palette::default();
        for v in Verdict::ALL {
            let light = p.highlight(v, false, false);
            let dark = p.highlight(v, true, false);
            let lum = |c: Color32| c.r() as u32 + c.g() as u32 + c.b() as u32;
            assert!(lum(light) > 600, "{v:?} {light:?}");
            assert!(lum(dark) < 300, "{v:?} {dark:?}");
            assert!(lum(p.highlight(v, false, true)) < lum(light));
        }
    }
}
