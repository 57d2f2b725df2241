//! Property tests of re-anchoring: random edits of the sample article (paragraphs inserted,
//! deleted, moved, reworded) never attach a claim to text less similar than the threshold, and
//! claims whose paragraph was not touched are always found exactly.

use claimdesk::article;
use claimdesk::review::Review;
use claimdesk::review::anchor::{MIN_SIMILARITY, Outcome, reanchor};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, u8),
    Delete(usize),
    Move(usize, usize),
    Reword(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..40, any::<u8>()).prop_map(|(i, n)| Edit::Insert(i, n)),
        (0usize..40).prop_map(Edit::Delete),
        (0usize..40, 0usize..40).prop_map(|(a, b)| Edit::Move(a, b)),
        (0usize..40, 0usize..400).prop_map(|(i, at)| Edit::Reword(i, at)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn edits_never_misattach_claims(edits in prop::collection::vec(edit(), 1..6)) {
        let original = article::sample();
        let review = Review::from_article(original.clone());
        // Paragraphs with a flag: untouched or not.
        let mut paras: Vec<(String, bool)> = original
            .blocks
            .iter()
            .map(|b| (original.text[b.start..b.end].to_string(), true))
            .collect();
        for e in edits {
            let n = paras.len();
            match e {
                Edit::Insert(i, k) => paras.insert(i % (n + 1), (format!("Paragraphe ajouté numéro {k} pour le test."), false)),
                Edit::Delete(i) if n > 2 => { paras.remove(i % n); }
                Edit::Move(a, b) if n > 1 => { let p = paras.remove(a % n); paras.insert(b % n, p); }
                Edit::Reword(i, at) => {
                    let p = &mut paras[i % n];
                    let cut = p.0.char_indices().map(|(b, _)| b).nth(at % p.0.chars().count().max(1)).unwrap_or(0);
                    p.0.insert_str(cut, " vraiment ");
                    p.1 = false;
                }
                _ => {}
            }
        }
        let new_text = paras.iter().map(|p| p.0.as_str()).collect::<Vec<_>>().join("\n\n");
        let Ok(new_article) = article::from_bytes(new_text.as_bytes(), "edited.txt") else { return Ok(()) };
        let (after, report) = reanchor(&review, new_article.clone());

        for c in &after.claims {
            let at = &after.article.text[c.position.start..c.position.end];
            let old = review.claim(c.id).unwrap().text();
            let sim = strsim::normalized_levenshtein(old, at);
            prop_assert!(sim >= MIN_SIMILARITY, "claim {} attached to {at:?} (similarity {sim:.2})", c.id);
        }
        // A claim inside a paragraph that is still there untouched (and whose text is unique) is
        // found exactly.
        for c in &review.claims {
            let untouched = paras.iter().any(|(p, ok)| *ok && p.contains(c.text()));
            let unique = new_article.text.matches(c.text()).count() == 1;
            if untouched && unique {
                let outcome = &report.outcomes.iter().find(|(id, _)| *id == c.id).unwrap().1;
                prop_assert!(matches!(outcome, Outcome::Unchanged | Outcome::Moved { .. }), "claim {}: {outcome:?}", c.id);
                prop_assert_eq!(after.claim(c.id).unwrap().text(), c.text());
            }
        }
        prop_assert_eq!(after.claims.len() + after.orphans.len(), review.claims.len());
    }
}
