//! The CSV report: one row per claim, for spreadsheets. UTF-8 with a byte-order mark so that
//! spreadsheet programs read accented text correctly; text cells that a spreadsheet would take
//! for a formula are neutralised.

use super::Report;
use crate::text::CharIndex;

/// The columns, by the ids of their headers' messages (`report-column-*`); their English
/// headers are `id, start, end, text, verdict, type, claimant, score, note, evidence_urls`.
/// A report for readers has `id, text, verdict, claimant, note, evidence_urls` only.
pub const CSV_COLUMNS: [&str; 10] = [
    "id", "start", "end", "text", "verdict", "type", "claimant", "score", "note", "sources",
];

/// The columns a report for readers has.
const READERS_COLUMNS: [&str; 6] = ["id", "text", "verdict", "claimant", "note", "sources"];

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

pub(super) fn render(r: &Report) -> String {
    let review = r.review;
    let idx = CharIndex::new(&review.article.text);
    let columns: &[&str] = if r.for_desk() {
        &CSV_COLUMNS
    } else {
        &READERS_COLUMNS
    };
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::with_capacity(review.claims.len() * 256 + 64));
    // Writing to memory cannot fail, and every row has the header's length.
    let header: Vec<String> = columns
        .iter()
        .map(|c| r.t(&format!("report-column-{c}")))
        .collect();
    let _ = w.write_record(&header);
    for c in r.claims() {
        let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
        let row: Vec<String> = columns
            .iter()
            .map(|column| {
                let cell = match *column {
                    "id" => return c.id.to_string(),
                    "start" => return idx.char_of(c.position.start).to_string(),
                    "end" => return idx.char_of(c.position.end).to_string(),
                    "score" => return format!("{:.3}", c.score),
                    "text" => c.text().to_string(),
                    "verdict" => r.verdict(c.verdict),
                    "type" => r.kind(&c.kind),
                    "claimant" => c.claimant.clone().unwrap_or_default(),
                    "note" => c.note.clone(),
                    _ => urls.join("\n"),
                };
                neutralise(&cell).into_owned()
            })
            .collect();
        let _ = w.write_record(&row);
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
    use crate::i18n::Lang;
    use crate::report::fixture::{fr, render_in, reviewed};
    use crate::report::{Audience, Format};
    use crate::review::Action;

    fn desk(r: &crate::review::Review) -> String {
        render_in(r, Format::Csv, Lang::EN, Audience::Desk)
    }

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
        let csv = desk(&r);
        let rows = read(&csv);
        assert_eq!(rows.len(), r.claims.len());
        let chars: Vec<char> = r.article.text.chars().collect();
        for (c, row) in r.claims.iter().zip(&rows) {
            assert_eq!(&row[0], c.id.to_string());
            assert_eq!(&row[3], c.text());
            let (s, e): (usize, usize) = (row[1].parse().unwrap(), row[2].parse().unwrap());
            assert_eq!(chars[s..e].iter().collect::<String>(), c.text());
            assert_eq!(&row[4], c.verdict.label());
            assert!(row[7].parse::<f32>().is_ok());
            assert_eq!(&row[8], c.note);
        }
        assert_eq!(&rows[0][9], "https://www.kcna.kp/fr/article/q/1");
    }

    #[test]
    fn headers_are_in_the_reports_language_and_readers_get_fewer_columns() {
        let r = reviewed();
        let header = |csv: &str| csv.lines().next().unwrap().to_string();
        assert_eq!(
            header(&desk(&r)),
            "\u{feff}id,start,end,text,verdict,type,claimant,score,note,evidence_urls"
        );
        let french = render_in(&r, Format::Csv, fr(), Audience::Desk);
        assert_eq!(
            header(&french),
            "\u{feff}n°,début,fin,texte,verdict,type,auteur,score,note,sources"
        );
        assert_eq!(read(&french)[0][4], *"Contestée");
        assert_eq!(read(&french)[0][5], *"chiffre");
        let readers = render_in(&r, Format::Csv, fr(), Audience::Readers);
        assert_eq!(
            header(&readers),
            "\u{feff}n°,texte,verdict,auteur,note,sources"
        );
        let rows = read(&readers);
        assert_eq!(&rows[0][2], "Contestée");
        assert_eq!(&rows[0][4], "KCNA images only");
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
            let rows = read(&desk(&r));
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
        let rows = read(&desk(&r));
        assert_eq!(&rows[0][8], "'\u{202e}\u{200b} =HYPERLINK(\"http://x\")");
        assert_eq!(&rows[0][6], "'\u{feff}@x");
    }
}
