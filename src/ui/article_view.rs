//! The article, typeset for reading, with each claim's span highlighted in its verdict colour.
//!
//! Each block (title, paragraph, caption…) is laid out into its own galley. Only the heights of
//! the blocks are kept for the whole article (until the article, the column width or the theme
//! changes); a frame lays out (egui caches the galleys between frames) and paints only the
//! blocks in view. A long article is measured a slice per frame, from the top, with the heights
//! of the blocks not yet measured estimated meanwhile: laying out the whole of a 1 MB article at
//! once held ~170 MB of galleys. Claim highlights, the reviewer's selection and search matches
//! are painted as rectangles behind the text, so marking a claim never lays the article out
//! again.
//!
//! Clicking a span selects its claim; dragging selects text (A adds it as a claim, Shift+A makes
//! it the selected claim's span, also in the right-click menu); Ctrl+F searches.

use super::command::Command;
use super::i18n::{tr, trf};
use super::theme::Palette;
use crate::article::BlockKind;
use crate::review::Review;
use eframe::egui::{
    self, Align, Color32, FontId, Galley, Pos2, Rect, Sense, Stroke, TextFormat, Vec2,
    text::{CCursor, LayoutJob},
};
use std::ops::Range;
use std::sync::Arc;

/// Readable line length for the article column, in points.
const MAX_COLUMN_WIDTH: f32 = 720.0;

/// What the reader asked for in the article.
#[derive(Debug, Clone, PartialEq)]
pub enum ArticleRequest {
    Select(u32),
    /// Add this passage (byte range) as a claim.
    AddClaim(Range<usize>),
    /// Make this passage the span of the claim.
    SetSpan(u32, Range<usize>),
}

/// Bytes of text measured per frame (beyond the blocks in view) while a long article is laid
/// out: about 10 MB of galleys, which egui's cache holds for two frames.
const MEASURE_PER_FRAME: usize = 48 * 1024;

struct BlockLayout {
    start: usize,
    end: usize,
    kind: BlockKind,
    /// Top of the block in the column, in points.
    y: f32,
    /// The galley's height, once measured; an estimate until then.
    height: f32,
    measured: bool,
    /// Space below the block.
    gap: f32,
    /// Char offset of `start` in the whole text.
    first_char: usize,
}

struct Layout {
    width: f32,
    dark: bool,
    blocks: Vec<BlockLayout>,
    height: f32,
    /// Every block before this one is measured.
    measured_upto: usize,
}

impl Layout {
    /// Places the blocks one under the other, with their heights as measured or estimated.
    fn place(&mut self) {
        let mut y = 0.0;
        for b in &mut self.blocks {
            b.y = y;
            y += b.height + b.gap;
        }
        self.height = y;
    }

    fn is_measured(&self) -> bool {
        self.measured_upto >= self.blocks.len()
    }
}

/// A highlighted piece of one block: chars of that block's galley.
#[derive(Clone)]
struct Piece {
    chars: Range<usize>,
    /// The claim (for claim highlights) or the match number (for search matches).
    tag: u32,
    verdict: crate::review::Verdict,
}

/// Claim highlights per block, for one revision of the review.
struct Spans {
    revision: u64,
    by_block: Vec<Vec<Piece>>,
}

/// Ctrl+F: the query, its matches (byte ranges) and the current one.
#[derive(Default)]
pub struct Search {
    pub open: bool,
    pub query: String,
    /// Give the search field the keyboard on the next frame.
    pub focus: bool,
    matches: Vec<Range<usize>>,
    by_block: Vec<Vec<Piece>>,
    current: usize,
    searched: Option<String>,
    /// The text lower-cased, with the byte in the original text of each of its bytes.
    folded: Option<(String, Vec<u32>)>,
    /// Scroll the current match into view on the next frame.
    scroll: bool,
}

impl Search {
    pub fn matches(&self) -> &[Range<usize>] {
        &self.matches
    }

    pub fn current(&self) -> Option<usize> {
        (!self.matches.is_empty()).then_some(self.current)
    }

    /// Moves to the next (or previous) match, wrapping around.
    pub fn step(&mut self, forward: bool) {
        let n = self.matches.len();
        if n > 0 {
            self.current = if forward {
                (self.current + 1) % n
            } else {
                (self.current + n - 1) % n
            };
            self.scroll = true;
        }
    }

    fn refresh(&mut self, text: &str, blocks: &[BlockLayout]) {
        if self.searched.as_deref() == Some(self.query.as_str()) {
            return;
        }
        self.searched = Some(self.query.clone());
        self.matches.clear();
        self.current = 0;
        let q = self.query.trim().to_lowercase();
        if !q.is_empty() {
            let (folded, map) = self.folded.get_or_insert_with(|| fold(text));
            for (i, _) in folded.match_indices(q.as_str()) {
                let start = map[i] as usize;
                let last = map[i + q.len() - 1] as usize;
                let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
                if self.matches.last().is_none_or(|m| m.end <= start) {
                    self.matches.push(start..end);
                }
            }
        }
        let ranges: Vec<(Range<usize>, u32, crate::review::Verdict)> = self
            .matches
            .iter()
            .enumerate()
            .map(|(i, r)| (r.clone(), i as u32, Default::default()))
            .collect();
        self.by_block = pieces(text, blocks, &ranges);
        self.scroll = !self.matches.is_empty();
    }

    /// The article was replaced: its text is folded again when searched.
    fn forget(&mut self) {
        self.folded = None;
        self.searched = None;
    }
}

/// `text` lower-cased, and for each byte of it the byte of `text` it comes from.
fn fold(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (b, c) in text.char_indices() {
        for l in c.to_lowercase() {
            out.push(l);
            map.extend(std::iter::repeat_n(b as u32, l.len_utf8()));
        }
    }
    (out, map)
}

#[derive(Default)]
pub struct ArticleView {
    /// Scroll the selected claim into view on the next frame.
    pub scroll_to_selected: bool,
    layout: Option<Layout>,
    spans: Option<Spans>,
    /// The reader's text selection: (anchor, head) byte offsets.
    selection: Option<(usize, usize)>,
    pub search: Search,
    /// Where the column's top-left corner was painted last frame (screen points).
    origin: Option<Pos2>,
    /// The galleys of the blocks painted last frame, by block index.
    shown: Vec<(usize, Arc<Galley>)>,
}

impl ArticleView {
    /// The article was replaced: lay it out again, drop the selection and search state.
    pub fn forget_article(&mut self) {
        self.layout = None;
        self.shown.clear();
        self.spans = None;
        self.selection = None;
        self.search.forget();
    }

    /// The selected passage, as a byte range of the article.
    pub fn selection(&self) -> Option<Range<usize>> {
        let (a, b) = self.selection?;
        (a != b).then(|| a.min(b)..a.max(b))
    }

    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Where byte `at` of the article was drawn in the last frame (screen points), if it was.
    pub fn point_of(&self, text: &str, at: usize) -> Option<Pos2> {
        let (layout, origin) = (self.layout.as_ref()?, self.origin?);
        let i = layout.blocks.partition_point(|b| b.end < at);
        let b = layout.blocks.get(i).filter(|b| b.start <= at)?;
        let (_, galley) = self.shown.iter().find(|(k, _)| *k == i)?;
        let chars = text.get(b.start..at)?.chars().count();
        let r = galley.pos_from_cursor(CCursor::new(chars));
        Some(origin + Vec2::new(r.min.x + 1.0, b.y + r.center().y))
    }

    /// Draws the article; returns what the reader asked for.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        review: &Review,
        selected: Option<u32>,
        palette: &Palette,
    ) -> Vec<ArticleRequest> {
        let mut out = Vec::new();
        if self.search.open {
            self.search_bar(ui);
        }
        let dark = ui.visuals().dark_mode;
        egui::ScrollArea::vertical()
            .id_salt("article-scroll")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let full = ui.available_width();
                let width = full.min(MAX_COLUMN_WIDTH);
                let pad = ((full - width) / 2.0).max(0.0);
                self.ensure_layout(ui, review, width, dark);
                self.measure_more(ui, &review.article.text);
                self.ensure_spans(review);
                let text = &review.article.text;
                if self.search.open {
                    let blocks = &self.layout.as_ref().expect("laid out").blocks;
                    self.search.refresh(text, blocks);
                }
                let height = self.layout.as_ref().map_or(0.0, |l| l.height);
                let top = 8.0;
                let (rect, response) =
                    ui.allocate_exact_size(Vec2::new(full, height + top), Sense::click_and_drag());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Label, true, tr("article-text"))
                });
                let origin = rect.min + Vec2::new(pad, top);
                self.origin = Some(origin);
                self.paint(ui, review, selected, palette, origin, viewport, dark);
                self.interact(ui, review, selected, &response, origin, &mut out);
                self.scroll_into_view(ui, review, selected, origin);
                boilerplate_fold(ui, review, pad);
                ui.add_space(24.0);
            });
        out
    }

    fn search_bar(&mut self, ui: &mut egui::Ui) {
        // Wrapped: a row wider than a narrow column would widen the article under it.
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr("search-article"));
            let id = egui::Id::unique("article-search");
            let resp = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search.query)
                        .id(id)
                        .hint_text(tr("words-find-enter-next-shift"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            if self.search.focus {
                self.search.focus = false;
                resp.request_focus();
            }
            let (enter, shift, esc) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(egui::Key::Escape),
                )
            });
            if resp.lost_focus() && enter {
                self.search.step(!shift);
                resp.request_focus();
            }
            let n = self.search.matches.len();
            let count = match self.search.current() {
                Some(c) => trf("i-n", &[("i", &(c + 1)), ("n", &n)]),
                None if self.search.query.trim().is_empty() => String::new(),
                None => tr("no-match").to_string(),
            };
            ui.weak(count);
            if ui.small_button(tr("previous-match")).clicked() {
                self.search.step(false);
            }
            if ui.small_button(tr("next-match")).clicked() {
                self.search.step(true);
            }
            if ui.small_button(tr("close-search")).clicked() || (esc && resp.has_focus()) {
                self.search.open = false;
            }
        });
    }

    fn ensure_layout(&mut self, ui: &egui::Ui, review: &Review, width: f32, dark: bool) {
        if let Some(l) = &self.layout
            && l.dark == dark
            && ((l.width - width).abs() < 0.5
                // While a panel edge is being dragged the old layout stays (a long article
                // takes a tenth of a second to lay out); it is redone when the button is let go.
                || ui.input(|i| i.pointer.any_down()))
        {
            if (l.width - width).abs() >= 0.5 {
                ui.ctx().request_repaint();
            }
            return;
        }
        let text = &review.article.text;
        let blocks = &review.article.blocks;
        let starts: Vec<usize> = blocks.iter().map(|b| b.start).collect();
        let chars = char_offsets(text, &starts);
        let mut out = Vec::with_capacity(blocks.len());
        for (b, mut first_char) in blocks.iter().zip(chars) {
            if text.get(b.start..b.end).is_none() {
                continue;
            }
            let size = block_size(b.kind);
            let gap = match b.kind {
                BlockKind::Title | BlockKind::Heading => size * 0.5,
                _ => size * 0.8,
            };
            let pieces = display_pieces(text, b.start..b.end);
            let n = pieces.len();
            for (k, piece) in pieces.into_iter().enumerate() {
                let body = &text[piece.clone()];
                out.push(BlockLayout {
                    start: piece.start,
                    end: piece.end,
                    kind: b.kind,
                    y: 0.0,
                    height: estimated_height(body, size, width),
                    measured: false,
                    // The pieces of a long block follow one another as its lines do.
                    gap: if k + 1 == n { gap } else { 0.0 },
                    first_char,
                });
                first_char += body.chars().count();
            }
        }
        let mut layout = Layout {
            width,
            dark,
            blocks: out,
            height: 0.0,
            measured_upto: 0,
        };
        layout.place();
        self.layout = Some(layout);
        self.shown.clear();
        // Pieces are per block: recompute them for the new layout.
        self.spans = None;
        self.search.searched = None;
    }

    /// Measures the next blocks not yet measured, `MEASURE_PER_FRAME` bytes of them, and asks for
    /// another frame while some are left.
    fn measure_more(&mut self, ui: &egui::Ui, text: &str) {
        let Some(layout) = &mut self.layout else {
            return;
        };
        if layout.is_measured() {
            return;
        }
        let mut bytes = 0;
        let mut changed = false;
        while layout.measured_upto < layout.blocks.len() && bytes < MEASURE_PER_FRAME {
            let b = &mut layout.blocks[layout.measured_upto];
            if !b.measured {
                let galley = lay_out(ui, text, b, layout.width);
                bytes += b.end - b.start;
                b.height = galley.size().y;
                b.measured = true;
                changed = true;
            }
            layout.measured_upto += 1;
        }
        if changed {
            layout.place();
        }
        if !layout.is_measured() {
            ui.ctx().request_repaint();
        }
    }

    /// The galley of block `i`: the one painted last frame, else laid out now (egui keeps it
    /// for the next frames while it is used).
    fn galley_of(&self, ui: &egui::Ui, text: &str, i: usize) -> Option<Arc<Galley>> {
        if let Some((_, g)) = self.shown.iter().find(|(k, _)| *k == i) {
            return Some(g.clone());
        }
        let layout = self.layout.as_ref()?;
        Some(lay_out(ui, text, layout.blocks.get(i)?, layout.width))
    }

    fn ensure_spans(&mut self, review: &Review) {
        if self
            .spans
            .as_ref()
            .is_some_and(|s| s.revision == review.revision)
        {
            return;
        }
        let Some(layout) = &self.layout else { return };
        let ranges: Vec<(Range<usize>, u32, crate::review::Verdict)> = review
            .claims
            .iter()
            .map(|c| (c.position.start..c.position.end, c.id, c.verdict))
            .collect();
        self.spans = Some(Spans {
            revision: review.revision,
            by_block: pieces(&review.article.text, &layout.blocks, &ranges),
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn paint(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        selected: Option<u32>,
        palette: &Palette,
        origin: Pos2,
        viewport: Rect,
        dark: bool,
    ) {
        let text = &review.article.text;
        let top = viewport.min.y - 8.0;
        let bottom = viewport.max.y;
        // The blocks in view, laid out (and measured, if they were not yet).
        let mut shown = std::mem::take(&mut self.shown);
        let mut new_shown = Vec::new();
        let mut remeasured = false;
        if let Some(layout) = &mut self.layout {
            let first = layout.blocks.partition_point(|b| b.y + b.height < top);
            for (i, b) in layout.blocks.iter_mut().enumerate().skip(first) {
                if b.y > bottom {
                    break;
                }
                let galley = match shown.iter().position(|(k, _)| *k == i) {
                    Some(at) => shown.swap_remove(at).1,
                    None => lay_out(ui, text, b, layout.width),
                };
                if !b.measured {
                    b.height = galley.size().y;
                    b.measured = true;
                    remeasured = true;
                }
                new_shown.push((i, galley));
            }
            if remeasured {
                layout.place();
            }
        }
        self.shown = new_shown;
        let Some(layout) = &self.layout else { return };
        let painter = ui.painter();
        let sel = self.selection();
        let search_bg = if dark {
            Color32::from_rgb(120, 96, 0)
        } else {
            Color32::from_rgb(255, 226, 90)
        };
        let current_bg = Color32::from_rgb(255, 150, 20);
        let text_color = ui.visuals().text_color();
        for (i, galley) in &self.shown {
            let (i, b) = (*i, &layout.blocks[*i]);
            let at = origin + Vec2::new(0.0, b.y);
            if let Some(spans) = &self.spans {
                for p in &spans.by_block[i] {
                    let is_sel = selected == Some(p.tag);
                    let fill = palette.highlight(p.verdict, dark, is_sel);
                    for r in range_rects(galley, &p.chars) {
                        let r = r.translate(at.to_vec2());
                        painter.rect_filled(r, 2.0, fill);
                        if is_sel {
                            painter.hline(
                                r.x_range(),
                                r.max.y - 1.0,
                                Stroke::new(2.0, palette.accent(p.verdict)),
                            );
                        }
                    }
                }
            }
            if self.search.open {
                for p in self.search.by_block.get(i).into_iter().flatten() {
                    let fill = if Some(p.tag as usize) == self.search.current() {
                        current_bg
                    } else {
                        search_bg
                    };
                    for r in range_rects(galley, &p.chars) {
                        painter.rect_filled(r.translate(at.to_vec2()), 2.0, fill);
                    }
                }
            }
            if let Some(sel) = &sel
                && sel.start < b.end
                && sel.end > b.start
            {
                let s = text[b.start..sel.start.max(b.start)].chars().count();
                let e = s + text[sel.start.max(b.start)..sel.end.min(b.end)]
                    .chars()
                    .count();
                let fill = ui.visuals().selection.bg_fill.gamma_multiply(0.6);
                for r in range_rects(galley, &(s..e)) {
                    painter.rect_filled(r.translate(at.to_vec2()), 0.0, fill);
                }
            }
            painter.galley(at, galley.clone(), text_color);
        }
    }

    /// The byte of the article under `pos` (screen points), if over the text.
    fn byte_at(
        &self,
        ui: &egui::Ui,
        text: &str,
        origin: Pos2,
        pos: Pos2,
        within: Option<usize>,
    ) -> Option<usize> {
        let layout = self.layout.as_ref()?;
        let y = pos.y - origin.y;
        let mut i = layout
            .blocks
            .partition_point(|b| b.y + b.height < y)
            .min(layout.blocks.len().checked_sub(1)?);
        // A drag stays within the block (or piece of a long block) it started in.
        if let Some(w) = within {
            i = layout
                .blocks
                .iter()
                .position(|b| b.start <= w && w <= b.end)?;
        }
        let b = &layout.blocks[i];
        let local = pos - (origin + Vec2::new(0.0, b.y));
        let c = self.galley_of(ui, text, i)?.cursor_from_pos(local).index.0;
        let body = &text[b.start..b.end];
        Some(b.start + body.char_indices().nth(c).map_or(body.len(), |(i, _)| i))
    }

    fn interact(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        selected: Option<u32>,
        response: &egui::Response,
        origin: Pos2,
        out: &mut Vec<ArticleRequest>,
    ) {
        let text = &review.article.text;
        if let Some(pos) = response.hover_pos()
            && let Some(at) = self.byte_at(ui, text, origin, pos, None)
            && review.claim_at(at).is_some()
        {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        // The selection starts where the button went down, not where the drag was recognised.
        if response.drag_started()
            && let Some(pos) = ui
                .input(|i| i.pointer.press_origin())
                .or(response.interact_pointer_pos())
        {
            self.selection = self.byte_at(ui, text, origin, pos, None).map(|b| (b, b));
        }
        if response.dragged()
            && let (Some(pos), Some((anchor, _))) =
                (response.interact_pointer_pos(), self.selection)
            && let Some(head) = self.byte_at(ui, text, origin, pos, Some(anchor))
        {
            self.selection = Some((anchor, head));
        }
        if response.clicked() {
            self.selection = None;
            if let Some(id) = response
                .interact_pointer_pos()
                .and_then(|p| self.byte_at(ui, text, origin, p, None))
                .and_then(|b| review.claim_at(b))
            {
                out.push(ArticleRequest::Select(id));
            }
        }
        let sel = self.selection();
        response.context_menu(|ui| {
            let Some(sel) = sel.clone() else {
                ui.weak(tr("select-words-article-first"));
                return;
            };
            if ui.button(tr("add-claim")).clicked() {
                out.push(ArticleRequest::AddClaim(sel.clone()));
                ui.close();
            }
            if let Some(id) = selected
                && ui
                    .button(trf(
                        "use-span-claim",
                        &[
                            ("id", &id),
                            ("key", &Command::SetSpan.shortcut_text(ui.ctx())),
                        ],
                    ))
                    .clicked()
            {
                out.push(ArticleRequest::SetSpan(id, sel.clone()));
                ui.close();
            }
            if ui.button(tr("copy")).clicked() {
                ui.ctx().copy_text(text[sel].to_string());
                ui.close();
            }
        });
    }

    fn scroll_into_view(
        &mut self,
        ui: &egui::Ui,
        review: &Review,
        selected: Option<u32>,
        origin: Pos2,
    ) {
        let text = &review.article.text;
        let Some(layout) = &self.layout else { return };
        let target = if self.search.scroll {
            self.search
                .current()
                .and_then(|c| self.search.matches.get(c))
                .map(|r| r.start)
        } else if self.scroll_to_selected {
            selected
                .and_then(|id| review.claim(id))
                .map(|c| c.position.start)
        } else {
            return;
        };
        let Some(at) = target else {
            (self.search.scroll, self.scroll_to_selected) = (false, false);
            return;
        };
        let i = layout.blocks.partition_point(|b| b.end <= at);
        if i >= layout.measured_upto && !layout.is_measured() {
            // Where the block is depends on the heights above it: wait until they are measured
            // (a frame or a few; `measure_more` asks for them).
            return;
        }
        if self.search.scroll {
            self.search.scroll = false;
        } else {
            self.scroll_to_selected = false;
        }
        if let Some(b) = layout.blocks.get(i)
            && let Some(galley) = self.galley_of(ui, text, i)
        {
            let chars = text[b.start..at.max(b.start)].chars().count();
            let r = galley.pos_from_cursor(CCursor::new(chars));
            let r = r.translate(origin.to_vec2() + Vec2::new(0.0, b.y));
            ui.scroll_to_rect(r, Some(Align::Center));
        }
    }
}

/// Char offsets (from the start of `text`) of the byte offsets `at`, given in any order.
fn char_offsets(text: &str, at: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..at.len()).collect();
    order.sort_by_key(|&i| at[i]);
    let mut out = vec![0; at.len()];
    let (mut byte, mut chars) = (0, 0);
    for i in order {
        let to = at[i].min(text.len());
        if to > byte {
            chars += text.get(byte..to).map_or(0, |s| s.chars().count());
            byte = to;
        }
        out[i] = chars;
    }
    out
}

/// Splits byte ranges of the text into per-block pieces in galley chars.
fn pieces(
    text: &str,
    blocks: &[BlockLayout],
    ranges: &[(Range<usize>, u32, crate::review::Verdict)],
) -> Vec<Vec<Piece>> {
    let mut out: Vec<Vec<Piece>> = vec![Vec::new(); blocks.len()];
    let mut cuts = Vec::new();
    let mut parts = Vec::new();
    for (r, tag, verdict) in ranges {
        let first = blocks.partition_point(|b| b.end <= r.start);
        for (i, b) in blocks.iter().enumerate().skip(first) {
            if b.start >= r.end {
                break;
            }
            let (s, e) = (r.start.max(b.start), r.end.min(b.end));
            if s < e {
                cuts.extend([s, e]);
                parts.push((i, *tag, *verdict));
            }
        }
    }
    let chars = char_offsets(text, &cuts);
    for (k, (i, tag, verdict)) in parts.into_iter().enumerate() {
        let base = blocks[i].first_char;
        out[i].push(Piece {
            chars: chars[2 * k] - base..chars[2 * k + 1] - base,
            tag,
            verdict,
        });
    }
    out
}

/// The rectangles (galley coordinates) covering chars `chars` of `galley`, one per row.
fn range_rects(galley: &Galley, chars: &Range<usize>) -> Vec<Rect> {
    let a = galley.layout_from_cursor(CCursor::new(chars.start));
    let b = galley.layout_from_cursor(CCursor::new(chars.end));
    let mut out = Vec::new();
    for row in a.row..=b.row.min(galley.rows.len().saturating_sub(1)) {
        let r = &galley.rows[row];
        let x0 = if row == a.row {
            r.x_offset(a.column)
        } else {
            0.0
        };
        let x1 = if row == b.row {
            r.x_offset(b.column)
        } else {
            r.size.x
        };
        if x1 > x0 {
            out.push(Rect::from_min_max(
                Pos2::new(r.pos.x + x0, r.pos.y),
                Pos2::new(r.pos.x + x1, r.pos.y + r.size.y),
            ));
        }
    }
    out
}

/// Longest piece of a block laid out as one galley, in bytes. A longer block (a text file with
/// no line breaks: a megabyte in one paragraph) is shown as pieces cut at spaces, one under the
/// other, so that no galley holds more than a screenful or so (≈170 bytes per char) and a long
/// block is measured a slice per frame like the others.
const MAX_PIECE: usize = 16 * 1024;

/// `block` (a byte range of `text`) cut into pieces of `MAX_PIECE` bytes at most, after a space
/// where there is one in the piece's last quarter.
fn display_pieces(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = block.start;
    while block.end - start > MAX_PIECE {
        let limit = crate::text::floor_boundary(text, start + MAX_PIECE);
        let from = crate::text::floor_boundary(text, start + MAX_PIECE * 3 / 4);
        let cut = text[from..limit]
            .rfind(' ')
            .map_or(limit, |at| from + at + 1);
        let cut = if cut > start {
            cut
        } else {
            // A char longer than the piece cannot be: move on by one char at least.
            start + text[start..].chars().next().map_or(1, char::len_utf8)
        };
        out.push(start..cut);
        start = cut;
    }
    out.push(start..block.end);
    out
}

/// Block `b` of `text` laid out `width` points wide (through egui's galley cache).
fn lay_out(ui: &egui::Ui, text: &str, b: &BlockLayout, width: f32) -> Arc<Galley> {
    let body = text.get(b.start..b.end).unwrap_or_default();
    let mut job = LayoutJob::single_section(body.to_string(), block_format(ui, b.kind));
    job.wrap.max_width = width;
    ui.painter().layout_job(job)
}

/// The height of a block of `body` in a font of `size` points, `width` points wide, before it
/// is laid out: half an em per char on average (close for Latin text; the measured height
/// replaces it within a few frames).
fn estimated_height(body: &str, size: f32, width: f32) -> f32 {
    let chars = body.len() - body.bytes().filter(|&b| (b & 0xC0) == 0x80).count();
    let per_row = (width / (size * 0.5)).max(1.0);
    let rows = (chars as f32 / per_row).ceil().max(1.0);
    rows * size * 1.5
}

/// The font size of a block.
fn block_size(kind: BlockKind) -> f32 {
    match kind {
        BlockKind::Title => 26.0,
        BlockKind::Heading => 19.0,
        BlockKind::Caption | BlockKind::Credit | BlockKind::Byline | BlockKind::Date => 13.5,
        BlockKind::Paragraph => 16.0,
    }
}

fn block_format(ui: &egui::Ui, kind: BlockKind) -> TextFormat {
    let body = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let size = block_size(kind);
    let (color, italics) = match kind {
        BlockKind::Title | BlockKind::Heading => (ui.visuals().strong_text_color(), false),
        BlockKind::Caption | BlockKind::Credit | BlockKind::Byline | BlockKind::Date => {
            (weak, true)
        }
        BlockKind::Paragraph => (body, false),
    };
    TextFormat {
        font_id: FontId::proportional(size),
        color,
        italics,
        line_height: Some(size * 1.5),
        ..Default::default()
    }
}

/// Page furniture taken out of the text, folded away; one click shows it.
fn boilerplate_fold(ui: &mut egui::Ui, review: &Review, pad: f32) {
    let removed = &review.article.boilerplate;
    if removed.is_empty() {
        return;
    }
    ui.add_space(16.0);
    ui.horizontal(|ui| {
        ui.add_space(pad);
        ui.vertical(|ui| {
            ui.set_max_width(MAX_COLUMN_WIDTH);
            egui::CollapsingHeader::new(trf("removed-page-furniture-n", &[("n", &removed.len())]))
                .id_salt("boilerplate")
                .default_open(false)
                .show(ui, |ui| {
                    for b in removed {
                        ui.label(egui::RichText::new(b).weak().small());
                    }
                });
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_chars_not_bytes_in_any_order() {
        let t = "é a « b » c";
        let at = [t.len(), 0, 2, t.find('b').unwrap()];
        assert_eq!(char_offsets(t, &at), vec![11, 0, 1, 6]);
    }

    #[test]
    fn long_blocks_are_shown_in_pieces_cut_at_spaces() {
        let text = format!("Titre\n\n{}", "une phrase sans fin, élargie ".repeat(3000));
        let block = 7..text.len();
        let pieces = display_pieces(&text, block.clone());
        assert!(pieces.len() >= 5, "{}", pieces.len());
        // One after the other, covering the block, each short, each after a space.
        assert_eq!(pieces[0].start, block.start);
        assert_eq!(pieces.last().unwrap().end, block.end);
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(text[..w[0].end].ends_with(' '));
        }
        assert!(pieces.iter().all(|p| p.len() <= MAX_PIECE));
        // No space at all: cut at char boundaries.
        let text = "é".repeat(20_000);
        let pieces = display_pieces(&text, 0..text.len());
        assert!(
            pieces
                .iter()
                .all(|p| text.is_char_boundary(p.start) && p.len() <= MAX_PIECE)
        );
        assert_eq!(pieces.last().unwrap().end, text.len());
        // A short block is one piece.
        assert_eq!(display_pieces("abc", 0..3), vec![0..3]);
    }

    #[test]
    fn folding_keeps_a_map_back_to_the_original_bytes() {
        let (f, map) = fold("Ça VA");
        assert_eq!(f, "ça va");
        assert_eq!(map[0], 0);
        assert_eq!(
            map[f.find('v').unwrap()] as usize,
            "Ça VA".find('V').unwrap()
        );
    }
}
