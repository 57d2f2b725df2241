//! The CSV report: one row per claim, for spreadsheets. UTF-8 with a byte-order mark so that
//! spreadsheet programs read accented text correctly; text cells that a spreadsheet would take
//! for a formula are neutralised.

use crate::review::Review;
use crate::text::CharIndex;

/// The header row.
pub const CSV_COLUMNS: [&str; 10] = [
    "id",
    "start",
    "end",
    "text",
    "verdict",
    "type",
    "claimant",
    "score",
    "note",
    "evidence_urls",
];

/// A text cell that starts with = + - @ tab or carriage return would run as a formula in a
/// spreadsheet, and so would one where those come after spaces or characters that show nothing
/// (bidirectional controls such as U+202E, zero-width spaces and joiners, U+2060, a byte-order
/// mark): it gets a leading apostrophe, which spreadsheets show as plain text. Reading the CSV
/// back, a cell that starts with an apostrophe followed by such a cell had one added.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let visible = cell.trim_start_matches(|c: char| {
        (c.is_whitespace() && c != '\t' && c != '\r') || is_invisible(c)
    });
    if visible.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Characters that take no room on screen: bidirectional marks, embeddings, overrides and
/// isolates, zero-width spaces and joiners, the word joiner and invisible operators, the
/// byte-order mark, the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{034f}'
            | '\u{061c}'
            | '\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

pub(super) fn render(review: &Review) -> String {
    let idx = CharIndex::new(&review.article.text);
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(review.claims.len() * 256 + 64));
    // Writing to memory cannot fail, and every row has the header's length.
    let _ = w.write_record(CSV_COLUMNS);
    for c in &review.claims {
        let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
        let _ = w.write_record([
            c.id.to_string().as_str(),
            &idx.char_of(c.position.start).to_string(),
            &idx.char_of(c.position.end).to_string(),
            &neutralise(c.text()),
            c.verdict.label(),
            &neutralise(&c.kind),
            &neutralise(c.claimant.as_deref().unwrap_or("")),
            &format!("{:.3}", c.score),
            &neutralise(&c.note),
            &neutralise(&urls.join("\n")),
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut out = String::with_capacity(bytes.len() + 3);
    out.push('\u{feff}');
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture::reviewed;
    use crate::review::Action;

    fn read(csv: &str) -> Vec<::csv::StringRecord> {
        let body = csv.strip_prefix('\u{feff}').expect("a UTF-8 BOM");
        ::csv::Reader::from_reader(body.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn csv_round_trips_the_text_exactly() {
        let mut r = reviewed();
        let id = r.claims[1].id;
        let note = "Appelé l’agence, « pas de réponse »;\n\"deux\" lignes, virgules, ; et \r\n fin";
        r.apply(Action::SetNote {
            claim: id,
            note: note.into(),
        })
        .unwrap();
        let csv = super::super::render(&r, super::super::Format::Csv);
        let rows = read(&csv);
        assert_eq!(rows.len(), r.claims.len());
        let chars: Vec<char> = r.article.text.chars().collect();
        for (c, row) in r.claims.iter().zip(&rows) {
            assert_eq!(&row[0], c.id.to_string());
            assert_eq!(&row[3], c.text());
            let (s, e): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
            assert_eq!(chars[s..e].iter().collect::<String>(), c.text());
            assert_eq!(&row[4], c.verdict.label());
            assert_eq!(&row[8], c.note);
        }
        assert_eq!(&rows[0][9], "https://www.kcna.kp/fr/article/q/1");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        let mut r = reviewed();
        let id = r.claims[0].id;
        for (i, evil) in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ]
        .iter()
        .enumerate()
        {
            r.apply(Action::SetNote {
                claim: id,
                note: (*evil).into(),
            })
            .unwrap();
            r.claims[0].claimant = Some(format!("={i}"));
            let rows = read(&super::super::render(&r, super::super::Format::Csv));
            assert_eq!(rows[0][8], format!("'{evil}"));
            assert_eq!(rows[0][6], format!("'={i}"));
        }
        assert_eq!(neutralise("Le 24 juin"), "Le 24 juin");
    }

    #[test]
    fn formulas_behind_invisible_characters_are_neutralised() {
        for prefix in [
            "\u{202e}",
            "\u{202a}\u{202c}",
            "\u{200e}",
            "\u{200f}",
            "\u{2066}",
            "\u{061c}",
            "\u{200b}",
            "\u{200c}",
            "\u{200d}",
            "\u{2060}",
            "\u{feff}",
            " ",
            "  \u{a0}",
            "\u{3000}",
            "\n",
            " \u{200b} \u{202e}",
        ] {
            for trigger in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
                let cell = format!("{prefix}{trigger}");
                assert_eq!(neutralise(&cell), format!("'{cell}"), "{cell:?}");
            }
        }
        // Text that merely contains them is left alone.
        for plain in [
            "\u{202e}abc",
            " 1 = 1",
            "\u{200b}Le 24 juin",
            "a\u{202e}=1",
            "é=1",
        ] {
            assert_eq!(neutralise(plain), *plain, "{plain:?}");
        }
        // Through the report: the note and the claimant's cells.
        let mut r = reviewed();
        let id = r.claims[0].id;
        r.apply(Action::SetNote {
            claim: id,
            note: "\u{202e}\u{200b} =HYPERLINK(\"http://x\")".into(),
        })
        .unwrap();
        r.claims[0].claimant = Some("\u{feff}@x".into());
        let rows = read(&super::super::render(&r, super::super::Format::Csv));
        assert_eq!(&rows[0][8], "'\u{202e}\u{200b} =HYPERLINK(\"http://x\")");
        assert_eq!(&rows[0][6], "'\u{feff}@x");
    }
}
