//! The article, typeset for reading, with each claim's span highlighted in its verdict colour.
//! Clicking a span selects its claim; selecting a claim scrolls its span into view.

use super::theme;
use crate::article::BlockKind;
use crate::review::Review;
use eframe::egui::{self, Align, Color32, FontId, Sense, Stroke, TextFormat, text::LayoutJob};

/// Readable line length for the article column, in points.
const MAX_COLUMN_WIDTH: f32 = 720.0;

#[derive(Default)]
pub struct ArticleView {
    /// Scroll the selected claim into view on the next frame.
    pub scroll_to_selected: bool,
}

impl ArticleView {
    /// Draws the article; returns the claim the user clicked, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui, review: &Review, selected: Option<u32>) -> Option<u32> {
        let mut clicked = None;
        let dark = ui.visuals().dark_mode;
        egui::ScrollArea::vertical()
            .id_salt("article-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width().min(MAX_COLUMN_WIDTH);
                let pad = ((ui.available_width() - width) / 2.0).max(0.0);
                ui.horizontal(|ui| {
                    ui.add_space(pad);
                    ui.vertical(|ui| {
                        ui.set_max_width(width);
                        ui.add_space(8.0);
                        clicked = self.article_text(ui, review, selected, width, dark);
                        boilerplate_fold(ui, review);
                        ui.add_space(24.0);
                    });
                });
            });
        clicked
    }

    fn article_text(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        selected: Option<u32>,
        width: f32,
        dark: bool,
    ) -> Option<u32> {
        let job = layout_job(ui, review, selected, width, dark);
        let galley = ui.painter().layout_job(job);
        let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, "Article text"));
        ui.painter()
            .galley(rect.min, galley.clone(), ui.visuals().text_color());
        let text = &review.article.text;

        let byte_at = |pos: egui::Pos2| {
            let cursor = galley.cursor_from_pos(pos - rect.min);
            // The galley speaks in chars; the review in bytes.
            text.char_indices()
                .nth(cursor.index.0)
                .map(|(b, _)| b)
                .unwrap_or(text.len())
        };
        if let Some(pos) = response.hover_pos()
            && review.claim_at(byte_at(pos)).is_some()
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        let clicked = if response.clicked() {
            response
                .interact_pointer_pos()
                .and_then(|p| review.claim_at(byte_at(p)))
        } else {
            None
        };
        if self.scroll_to_selected {
            self.scroll_to_selected = false;
            if let Some(claim) = selected.and_then(|id| review.claim(id)) {
                let ci = crate::text::char_offset(text, claim.position.start);
                let r = galley.pos_from_cursor(egui::text::CCursor::new(ci));
                ui.scroll_to_rect(r.translate(rect.min.to_vec2()), Some(Align::Center));
            }
        }
        clicked
    }
}

fn block_format(ui: &egui::Ui, kind: BlockKind) -> TextFormat {
    let body = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let (size, color, italics) = match kind {
        BlockKind::Title => (26.0, ui.visuals().strong_text_color(), false),
        BlockKind::Heading => (19.0, ui.visuals().strong_text_color(), false),
        BlockKind::Caption | BlockKind::Credit | BlockKind::Byline | BlockKind::Date => {
            (13.5, weak, true)
        }
        BlockKind::Paragraph => (16.0, body, false),
    };
    TextFormat {
        font_id: FontId::proportional(size),
        color,
        italics,
        line_height: Some(size * 1.5),
        ..Default::default()
    }
}

/// The whole article as one layout job: block styles, then claim highlights over them.
fn layout_job(
    ui: &egui::Ui,
    review: &Review,
    selected: Option<u32>,
    width: f32,
    dark: bool,
) -> LayoutJob {
    let text = &review.article.text;
    let mut job = LayoutJob {
        text: text.clone(),
        ..Default::default()
    };
    job.wrap.max_width = width;
    // Cut points: block edges and claim edges.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for b in &review.article.blocks {
        cuts.extend([b.start, b.end]);
    }
    for c in &review.claims {
        cuts.extend([c.position.start, c.position.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let gap_format = block_format(ui, BlockKind::Paragraph);
    // Blocks and claims are walked alongside the cuts: linear in the size of the article.
    let blocks = &review.article.blocks;
    let mut claims: Vec<&crate::review::Claim> = review.claims.iter().collect();
    claims.sort_by_key(|c| c.position.start);
    let (mut bi, mut ci) = (0, 0);
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        while bi < blocks.len() && blocks[bi].end <= s {
            bi += 1;
        }
        while ci < claims.len() && claims[ci].position.end <= s {
            ci += 1;
        }
        let mut format = match blocks.get(bi) {
            Some(b) if b.start <= s => block_format(ui, b.kind),
            _ => gap_format.clone(),
        };
        if let Some(claim) = claims.get(ci).filter(|c| c.position.start <= s) {
            let is_sel = selected == Some(claim.id);
            format.background = theme::verdict_highlight(claim.verdict, dark, is_sel);
            if is_sel {
                format.underline = Stroke::new(2.0, theme::verdict_accent(claim.verdict));
                format.color = if dark {
                    Color32::WHITE
                } else {
                    Color32::from_gray(10)
                };
            }
        }
        job.sections.push(egui::text::LayoutSection {
            leading_space: 0.0,
            byte_range: egui::text::ByteIndex(s)..egui::text::ByteIndex(e),
            format,
        });
    }
    job
}

/// Page furniture taken out of the text, folded away; one click shows it.
fn boilerplate_fold(ui: &mut egui::Ui, review: &Review) {
    let removed = &review.article.boilerplate;
    if removed.is_empty() {
        return;
    }
    ui.add_space(16.0);
    egui::CollapsingHeader::new(format!("Removed page furniture ({})", removed.len()))
        .id_salt("boilerplate")
        .default_open(false)
        .show(ui, |ui| {
            for b in removed {
                ui.label(egui::RichText::new(b).weak().small());
            }
        });
}
