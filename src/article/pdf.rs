//! PDF → blocks: the text layer (pdf-extract), with paragraphs rebuilt from lines, words split by
//! a hyphen at a line end joined again, and running headers, footers and page numbers dropped.
//! A PDF without a text layer (a scan) is reported as such: Claimdesk does no OCR.

use super::clean::RawBlock;
use std::collections::HashMap;

#[derive(Debug)]
pub(super) enum PdfError {
    Damaged(String),
    Encrypted,
    NoText,
}

pub(super) fn blocks(bytes: &[u8]) -> Result<Vec<RawBlock>, PdfError> {
    // A PDF that only opens with a password has an /Encrypt entry; without the password its
    // text comes out empty or as noise, so that is what to tell the reviewer.
    let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
    // pdf-extract can panic on malformed files; a damaged PDF must be an error, not a crash.
    let pages = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .map_err(|_| {
            if encrypted {
                PdfError::Encrypted
            } else {
                PdfError::Damaged("its structure could not be read".into())
            }
        })?
        .map_err(|e| {
            let msg = e.to_string();
            if encrypted
                || msg.to_lowercase().contains("encrypt")
                || msg.to_lowercase().contains("decrypt")
            {
                PdfError::Encrypted
            } else {
                PdfError::Damaged(msg)
            }
        })?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(if encrypted {
            PdfError::Encrypted
        } else {
            PdfError::NoText
        });
    }
    Ok(paragraphs(&pages)
        .into_iter()
        .map(|text| RawBlock::new(text, None))
        .collect())
}

/// A line with its digits masked, so "Page 3" and "Page 4" count as the same running line.
fn shape(line: &str) -> String {
    line.trim()
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect()
}

fn is_page_number(line: &str) -> bool {
    let t = line
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let lower = t.to_lowercase();
    let rest = lower
        .trim_start_matches("page")
        .trim_start_matches("p.")
        .trim();
    !rest.is_empty()
        && rest
            .split(['/', ' '])
            .filter(|w| !w.is_empty() && *w != "of" && *w != "sur" && *w != "de")
            .all(|w| w.chars().all(|c| c.is_ascii_digit()))
}

/// Lines that open or close most pages the same way (running headers and footers).
fn running_lines(pages: &[Vec<&str>]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for lines in pages {
        let nonempty: Vec<&&str> = lines.iter().filter(|l| !l.trim().is_empty()).collect();
        let edges = nonempty.iter().take(2).chain(nonempty.iter().rev().take(2));
        let mut seen = std::collections::HashSet::new();
        for l in edges {
            let s = shape(l);
            if seen.insert(s.clone()) {
                *counts.entry(s).or_default() += 1;
            }
        }
    }
    let min = (pages.len() / 2).max(2);
    counts.retain(|_, n| *n >= min);
    counts
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', ':', '»', '"', '”', '…'])
}

/// Rebuilds paragraphs from the pages' lines.
fn paragraphs(pages: &[String]) -> Vec<String> {
    let split: Vec<Vec<&str>> = pages.iter().map(|p| p.lines().collect()).collect();
    let running = if split.len() >= 2 {
        running_lines(&split)
    } else {
        HashMap::new()
    };
    let lines: Vec<&str> = split
        .iter()
        .flatten()
        .copied()
        .filter(|l| !is_page_number(l) && !running.contains_key(&shape(l)))
        .collect();
    // Typical line length: a clearly shorter line that ends a sentence ends its paragraph.
    let mut lens: Vec<usize> = lines
        .iter()
        .map(|l| l.trim().chars().count())
        .filter(|n| *n > 0)
        .collect();
    lens.sort_unstable();
    let typical = lens.get(lens.len() * 3 / 4).copied().unwrap_or(60);
    let mut out = Vec::new();
    let mut current = String::new();
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if current.is_empty() {
            current.push_str(t);
        } else if current.ends_with('-')
            && current[..current.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
            && t.chars().next().is_some_and(char::is_lowercase)
        {
            // "vérifi-" + "cation" → "vérification"
            current.pop();
            current.push_str(t);
        } else {
            current.push(' ');
            current.push_str(t);
        }
        if ends_sentence(t) && t.chars().count() * 10 < typical * 8 {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_rebuilt_and_running_lines_dropped() {
        let page =
            |n: usize, body: &str| format!("Le Quotidien — édition du soir\n\n{body}\n\n{n}\n");
        let pages = vec![
            page(
                1,
                "Le budget de la ville a doublé en deux ans selon le rapport de la\ncour des comptes publié mardi. La vérifi-\ncation des chiffres a pris trois semaines.\nFin.\n\nUn second paragraphe commence ici et continue sur\nla ligne suivante sans coupure de mot du tout.",
            ),
            page(
                2,
                "Le maire conteste ces chiffres dans un communiqué diffusé\nmercredi matin à la presse locale.",
            ),
            page(3, "Dernière page."),
        ];
        let paras = paragraphs(&pages);
        assert_eq!(
            paras[0],
            "Le budget de la ville a doublé en deux ans selon le rapport de la cour des comptes publié mardi. La vérification des chiffres a pris trois semaines. Fin."
        );
        assert!(paras[1].starts_with("Un second paragraphe commence ici et continue sur la ligne"));
        assert!(
            paras
                .iter()
                .all(|p| !p.contains("Le Quotidien") && p != "2"),
            "{paras:?}"
        );
        assert!(
            is_page_number("- 12 -") && is_page_number("Page 3 of 10") && is_page_number("3/10")
        );
        assert!(!is_page_number("2024 a été une année record"));
    }
}
