//! Every article format and encoding, from small fixtures the tests write themselves, and the bad
//! cases: each gives a clear error, never a panic.

use claimdesk::article::{self, ArticleError, BlockKind};
use std::io::Write;

const PARA1: &str =
    "Le conseil municipal a voté mardi le doublement du budget scolaire, à 12 millions d’euros.";
const PARA2: &str = "Selon le maire, 40 enseignants seront recrutés d’ici à la rentrée 2025.";

fn kinds(a: &article::Article) -> Vec<(BlockKind, String)> {
    a.blocks
        .iter()
        .map(|b| (b.kind, a.text[b.start..b.end].to_string()))
        .collect()
}

// ---------- docx ----------

fn docx(document_body: &str, footnotes: Option<&str>, core: Option<&str>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("[Content_Types].xml", opts).unwrap();
        z.write_all(b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>").unwrap();
        z.start_file("word/document.xml", opts).unwrap();
        let doc = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{document_body}</w:body></w:document>"
        );
        z.write_all(doc.as_bytes()).unwrap();
        if let Some(f) = footnotes {
            z.start_file("word/footnotes.xml", opts).unwrap();
            z.write_all(format!("<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">{f}</w:footnotes>").as_bytes()).unwrap();
        }
        if let Some(c) = core {
            z.start_file("docProps/core.xml", opts).unwrap();
            z.write_all(c.as_bytes()).unwrap();
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn p(style: Option<&str>, runs: &str) -> String {
    let ppr = style
        .map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"))
        .unwrap_or_default();
    format!("<w:p>{ppr}{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

#[test]
fn docx_paragraphs_headings_footnotes_and_properties() {
    let body = [
        p(Some("Title"), &r("Le budget de l’école doublé")),
        p(
            None,
            &format!(
                "{}{}",
                r("Le conseil municipal a voté mardi le doublement du budget scolaire, "),
                r("à 12 millions d’euros &amp; plus.")
            ),
        ),
        p(Some("Heading1"), &r("Ce que dit le maire")),
        p(
            None,
            &format!("{}<w:r><w:footnoteReference w:id=\"2\"/></w:r>", r(PARA2)),
        ),
        p(None, ""),
    ]
    .join("");
    let notes = "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>\
                 <w:footnote w:id=\"2\"><w:p><w:r><w:t>Communiqué de la mairie du 3 mars 2024.</w:t></w:r></w:p></w:footnote>";
    let core = "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>Budget</dc:title><dc:creator>Jeanne Martin</dc:creator></cp:coreProperties>";
    let a = article::from_bytes(&docx(&body, Some(notes), Some(core)), "budget.docx").unwrap();
    let k = kinds(&a);
    assert_eq!(
        k[0],
        (BlockKind::Title, "Le budget de l’école doublé".to_string())
    );
    assert_eq!(k[1].0, BlockKind::Paragraph);
    assert_eq!(
        k[1].1,
        "Le conseil municipal a voté mardi le doublement du budget scolaire, à 12 millions d’euros & plus."
    );
    assert_eq!(
        k[2],
        (BlockKind::Heading, "Ce que dit le maire".to_string())
    );
    assert_eq!(k[3].1, format!("{PARA2}[1]"));
    assert_eq!(k[4].1, "[1] Communiqué de la mairie du 3 mars 2024.");
    assert_eq!(k.len(), 5);
    assert_eq!(a.metadata.byline.as_deref(), Some("Jeanne Martin"));
    assert_eq!(a.metadata.format, "docx");
}

#[test]
fn damaged_and_foreign_zip_files_are_refused_clearly() {
    let good = docx(&p(None, &r(PARA1)), None, None);
    let truncated = &good[..good.len() / 2];
    let e = article::from_bytes(truncated, "cut.docx").unwrap_err();
    assert!(matches!(e, ArticleError::Damaged { .. }), "{e}");
    assert!(e.to_string().contains("cut.docx is damaged"), "{e}");

    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        z.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        z.write_all(b"<office:document-content/>").unwrap();
        z.finish().unwrap();
    }
    let e = article::from_bytes(&buf.into_inner(), "notes.odt").unwrap_err();
    assert!(e.to_string().contains("OpenDocument"), "{e}");
    let e = article::from_bytes(
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        "old.doc",
    )
    .unwrap_err();
    assert!(e.to_string().contains("save it as .docx"), "{e}");
    let e = article::from_bytes(b"<w:document><w:body><w:p>", "bad.docx").unwrap_err();
    assert!(matches!(e, ArticleError::Damaged { .. }), "{e}");
}

// ---------- pdf ----------

/// A minimal PDF with one page per entry; each page's lines are drawn as text (Helvetica), or
/// nothing at all for an image-only page.
fn pdf(pages: &[&[&str]], extra_trailer: &str) -> Vec<u8> {
    let n = pages.len();
    let mut objs: Vec<String> = Vec::new();
    objs.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objs.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objs.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, lines) in pages.iter().enumerate() {
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        let mut content = String::new();
        if lines.is_empty() {
            content.push_str("0 0 m 100 100 l S");
        } else {
            content.push_str("BT /F1 11 Tf 14 TL 72 780 Td ");
            for l in *lines {
                let esc = l
                    .replace('\\', "\\\\")
                    .replace('(', "\\(")
                    .replace(')', "\\)");
                content.push_str(&format!("({esc}) Tj T* "));
            }
            content.push_str("ET");
        }
        objs.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra_trailer}>>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn pdf_text_layer_with_paragraphs_hyphens_and_running_lines() {
    let p1: &[&str] = &[
        "Journal de test - page de garde",
        "The city council voted on Tuesday to double the school budget to twelve",
        "million dollars, the largest rise since 1990, after a long debate that lasted un-",
        "til midnight in the council chamber of the old town hall building downtown.",
        "Short end.",
        "1",
    ];
    let p2: &[&str] = &[
        "Journal de test - page de garde",
        "According to the mayor, the money will pay for forty new teachers and the",
        "repair of six school buildings across the city before the next school year.",
        "2",
    ];
    let a = article::from_bytes(&pdf(&[p1, p2], ""), "council.pdf").unwrap();
    assert!(
        a.text
            .contains("after a long debate that lasted until midnight"),
        "{}",
        a.text
    );
    assert!(a.text.contains("twelve million dollars"), "{}", a.text);
    assert!(
        !a.text.contains("Journal de test"),
        "running header kept: {}",
        a.text
    );
    assert!(
        !a.text.lines().any(|l| l.trim() == "1" || l.trim() == "2"),
        "page number kept: {}",
        a.text
    );
    assert!(
        a.blocks
            .iter()
            .any(|b| a.text[b.start..b.end].starts_with("According to the mayor"))
    );
    assert_eq!(a.metadata.format, "pdf");
}

#[test]
fn scanned_damaged_and_encrypted_pdfs_are_refused_clearly() {
    let scan = pdf(&[&[], &[]], "");
    let e = article::from_bytes(&scan, "scan.pdf").unwrap_err();
    assert!(matches!(e, ArticleError::NoTextLayer { .. }), "{e}");
    assert!(e.to_string().contains("OCR"), "{e}");

    let good = pdf(
        &[&["Some text on a page that is long enough to be read."]],
        "",
    );
    let e = article::from_bytes(&good[..good.len() / 3], "cut.pdf").unwrap_err();
    assert!(
        matches!(
            e,
            ArticleError::Damaged { .. } | ArticleError::NoTextLayer { .. }
        ),
        "{e}"
    );

    let locked = pdf(
        &[&["Secret text."]],
        "/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >> /ID [<00><00>] ",
    );
    let e = article::from_bytes(&locked, "locked.pdf").unwrap_err();
    assert!(matches!(e, ArticleError::Encrypted { .. }), "{e}");
    assert!(e.to_string().contains("password"), "{e}");
}

// ---------- txt, md, html ----------

#[test]
fn text_saved_one_paragraph_per_line_reads_as_the_article() {
    // The bundled sample as a word processor saves it as text: one paragraph per line.
    let sample = article::sample();
    let raw = String::from_utf8(
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/samples/poutine-kim-limousine.fr.txt"
        ))
        .unwrap(),
    )
    .unwrap();
    let one_per_line: Vec<String> = raw
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let a = article::from_bytes(one_per_line.join("\n").as_bytes(), "word.txt").unwrap();
    // Title, paragraphs and captions as in the original; the trailer still folded away.
    assert_eq!(kinds(&a), kinds(&sample));
    let claims = |a: &article::Article| -> Vec<String> {
        claimdesk::extract::claims(a, claimdesk::extract::DEFAULT_THRESHOLD)
            .into_iter()
            .map(|c| c.text)
            .collect()
    };
    assert_eq!(claims(&a), claims(&sample));
}

#[test]
fn text_encodings_and_wrapped_lines() {
    let latin1: Vec<u8> =
        "Le d\u{e9}ficit a doubl\u{e9} en 2023,\nselon l'Insee.\n\nDeuxi\u{e8}me paragraphe."
            .chars()
            .map(|c| c as u8)
            .collect();
    let a = article::from_bytes(&latin1, "a.txt").unwrap();
    assert!(
        a.text
            .contains("Le déficit a doublé en 2023, selon l'Insee."),
        "{}",
        a.text
    );

    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend(format!("{PARA1}\n\n{PARA2}").as_bytes());
    let a = article::from_bytes(&utf8_bom, "b.txt").unwrap();
    assert!(a.text.starts_with("Le conseil"));

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        format!("{PARA1}\r\n\r\n{PARA2}")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let a = article::from_bytes(&utf16, "c.txt").unwrap();
    assert_eq!(a.blocks.len(), 2);
    assert_eq!(&a.text[a.blocks[1].start..a.blocks[1].end], PARA2);

    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(PARA1.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(article::from_bytes(&utf16be, "d.txt").unwrap().text, PARA1);
}

#[test]
fn wide_and_mixed_encodings_without_a_mark_are_read_as_text() {
    let text = format!("{PARA1}\r\n\r\n{PARA2}");
    let utf16 = |le: bool| -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    };
    let utf32 = |le: bool| -> Vec<u8> {
        text.chars()
            .flat_map(|c| {
                if le {
                    u32::from(c).to_le_bytes()
                } else {
                    u32::from(c).to_be_bytes()
                }
            })
            .collect()
    };
    let mut utf32_bom = vec![0xFF, 0xFE, 0, 0];
    utf32_bom.extend(utf32(true));
    for (bytes, encoding) in [
        (utf16(true), "UTF-16LE"),
        (utf16(false), "UTF-16BE"),
        (utf32(true), "UTF-32LE"),
        (utf32(false), "UTF-32BE"),
        (utf32_bom, "UTF-32LE"),
    ] {
        let a = article::from_bytes(&bytes, "a.txt").unwrap();
        assert_eq!(a.text, format!("{PARA1}\n\n{PARA2}"), "{encoding}");
        assert_eq!(a.metadata.encoding, encoding);
        assert!(!a.text.contains('\0'));
    }
    // Mostly UTF-8, with one paragraph pasted from a Windows-1252 file.
    let mut mixed = format!("{PARA1}\n\n").into_bytes();
    mixed.extend(b"Le d\xe9ficit a doubl\xe9 en 2023, selon l'Insee.\n\n");
    mixed.extend(PARA2.as_bytes());
    let a = article::from_bytes(&mixed, "m.txt").unwrap();
    assert_eq!(
        a.text,
        format!("{PARA1}\n\nLe déficit a doublé en 2023, selon l'Insee.\n\n{PARA2}")
    );
    assert_eq!(a.metadata.encoding, "UTF-8 and windows-1252");
}

#[test]
fn markup_written_in_plain_text_and_markdown_is_article_text() {
    let script = "Le maire a dit que <script>alert(1)</script> 40 % des routes sont en mauvais état en 2023.";
    let span = "Selon le rapport <span class=\"x\">publié</span> en 2022, le budget a doublé.";
    let entity = "Le code &lt;b&gt; apparaît dans la page, selon le rapport publié en 2022.";
    let txt = format!("{PARA1}\n\n{script}\n\n{span}\n\n{entity}\n\n{PARA2}\n");
    let a = article::from_bytes(txt.as_bytes(), "a.txt").unwrap();
    assert_eq!(
        a.text,
        format!("{PARA1}\n\n{script}\n\n{span}\n\n{entity}\n\n{PARA2}")
    );
    assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);

    let html_block =
        "<div class=\"note\">\n<p>Un bloc HTML brut : 12 millions d’euros.</p>\n</div>";
    let md = format!("# Le budget\n\n{script}\n\n{html_block}\n\n{span}\n\n{PARA2}\n");
    let a = article::from_bytes(md.as_bytes(), "a.md").unwrap();
    assert_eq!(
        kinds(&a),
        [
            (BlockKind::Title, "Le budget".to_string()),
            (BlockKind::Paragraph, script.to_string()),
            (BlockKind::Paragraph, html_block.to_string()),
            (BlockKind::Paragraph, span.to_string()),
            (BlockKind::Paragraph, PARA2.to_string()),
        ]
    );
    assert!(a.boilerplate.is_empty(), "{:?}", a.boilerplate);

    // A web page is read as before: markup that leaked into its text is page furniture.
    let page = format!(
        "<!doctype html><html lang=\"fr\"><head><title>Le budget</title></head><body><article>\
         <h1>Le budget</h1><p>{PARA1}</p><p>Le maire a dit que &lt;script&gt;alert(1)&lt;/script&gt; 40 % des routes sont en mauvais état.</p>\
         <p>&lt;span data-mce-type=\"bookmark\"&gt; Selon le rapport publié en 2022, le budget a doublé.</p><p>{PARA2}</p></article></body></html>"
    );
    let a = article::from_bytes(page.as_bytes(), "a.html").unwrap();
    assert!(
        !a.text.contains("<script>") && !a.text.contains("<span"),
        "{}",
        a.text
    );
    assert_eq!(a.boilerplate.len(), 2, "{:?}", a.boilerplate);
}

#[test]
fn markdown_blocks() {
    let md = format!(
        "# Le budget doublé\n\n{PARA1}\n\n## Réactions\n\n> {PARA2}\n\n- un point\n- un autre point\n"
    );
    let a = article::from_bytes(md.as_bytes(), "a.md").unwrap();
    let k = kinds(&a);
    assert_eq!(k[0], (BlockKind::Title, "Le budget doublé".to_string()));
    assert_eq!(k[2], (BlockKind::Heading, "Réactions".to_string()));
    assert_eq!(k[3].1, PARA2);
    assert!(!a.text.contains('#') && !a.text.contains("> "));
}

#[test]
fn html_without_an_article_still_opens_or_says_why() {
    let page = "<html><body><nav><a href='/'>Home</a></nav><div>Menu</div></body></html>";
    match article::from_bytes(page.as_bytes(), "nav.html") {
        Ok(a) => assert!(!a.text.trim().is_empty()),
        Err(e) => assert!(matches!(e, ArticleError::NoText { .. }), "{e}"),
    }
    let e = article::from_bytes(b"<html><body></body></html>", "empty.html").unwrap_err();
    assert!(e.to_string().contains("no readable text"), "{e}");
}

#[test]
fn huge_and_binary_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let e = article::load(&big).unwrap_err();
    assert!(matches!(e, ArticleError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("100.0 MB"), "{e}");

    let bin = dir.path().join("photo.txt");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3]).unwrap();
    let e = article::load(&bin).unwrap_err();
    assert!(matches!(e, ArticleError::Binary { .. }), "{e}");
}
