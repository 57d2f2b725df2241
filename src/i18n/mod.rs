//! Claimdesk's texts in people's languages: the window's and the reports'.
//!
//! Every text is a message of a Project Fluent file, one per language, in `assets/i18n/`
//! (`en.ftl`, `fr.ftl`, …), embedded at build time (build.rs lists the folder): adding a language
//! is adding a file. Plural forms follow each language's rules (Fluent selects on the
//! number's CLDR category: "1 claim", "2 claims"; "0 affirmation", "2 affirmations"). A message
//! missing from a language is taken from English, message by message; a message missing from
//! English too shows its id, so a gap is seen, never a blank.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

include!(concat!(env!("OUT_DIR"), "/catalogs.rs"));

/// One language's messages.
struct Catalog {
    code: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// What the Fluent parser refused in the file (reported by a test; the rest is kept).
    errors: Vec<String>,
}

static ALL: LazyLock<Vec<Catalog>> = LazyLock::new(|| {
    CATALOGS
        .iter()
        .map(|(code, source)| catalog(code, source))
        .collect()
});

fn catalog(code: &'static str, source: &str) -> Catalog {
    let mut errors = Vec::new();
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, errs)| {
        errors.extend(errs.iter().map(|e| format!("{code}.ftl: {e}")));
        r
    });
    let langid = code
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Texts go into a window and into files, not into a bidi-aware page: no isolation marks.
    bundle.set_use_isolating(false);
    if let Err(errs) = bundle.add_resource(resource) {
        errors.extend(errs.iter().map(|e| format!("{code}.ftl: {e:?}")));
    }
    Catalog {
        code,
        bundle,
        errors,
    }
}

/// A language Claimdesk has texts for. `Lang::EN` always; the others as `assets/i18n/` has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(usize);

impl Default for Lang {
    fn default() -> Lang {
        Lang::EN
    }
}

impl Lang {
    pub const EN: Lang = Lang(0);

    /// Every language there are texts for, English first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..ALL.len()).map(Lang)
    }

    /// The language a code names when there are texts for it: "fr", "fr_FR.UTF-8", "fr-CA",
    /// "FR" → French. The language part alone decides (no regional variants yet).
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::all().find(|l| l.code() == primary)
    }

    /// `parse`, or English for a language there are no texts for.
    pub fn from_code(code: &str) -> Lang {
        Lang::parse(code).unwrap_or(Lang::EN)
    }

    /// The system's preferred language among those there are texts for, as the OS gives its
    /// preferences (Windows' and macOS' settings, `LC_ALL`/`LC_MESSAGES`/`LANG` elsewhere).
    pub fn system() -> Lang {
        sys_locale::get_locales()
            .find_map(|l| Lang::parse(&l))
            .unwrap_or(Lang::EN)
    }

    /// "en", "fr", …
    pub fn code(self) -> &'static str {
        ALL[self.0].code
    }

    /// The language's own name for itself ("English", "Français").
    pub fn name(self) -> String {
        self.text("language-name")
    }

    /// Message `id` in this language.
    pub fn text(self, id: &str) -> String {
        self.format(id, &[])
    }

    /// Message `id` in this language with its `{ $name }` placeholders filled. A value made
    /// only of digits (with a sign or a decimal point) is passed as a number, so plural forms
    /// are chosen by it.
    pub fn format(self, id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        format_in([&ALL[self.0], &ALL[0]], id, args)
    }

    /// A day as people of this language write it: "12 March 2026", "1er mars 2026".
    pub fn date(self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.text(&format!("month-{}", d.month()));
        self.format(
            "date-long",
            &[("day", &d.day()), ("month", &month), ("year", &d.year())],
        )
    }

    /// A moment as people of this language write it, in the time zone it carries:
    /// "12 March 2026, 14:05".
    pub fn date_time<Tz: chrono::TimeZone>(self, t: &chrono::DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        let date = self.date(t.date_naive());
        let time = t.format("%H:%M").to_string();
        self.format("date-time", &[("date", &date), ("time", &time)])
    }

    /// A number with `digits` decimals, with the language's decimal mark: "0.97", "0,97".
    pub fn decimal(self, value: f64, digits: usize) -> String {
        let plain = format!("{value:.digits$}");
        // Asked for every score on screen each frame: the mark is looked up once.
        match self.text_static("decimal-mark") {
            "." | "decimal-mark" => plain,
            mark => plain.replacen('.', mark, 1),
        }
    }

    /// Whether this language's own file has message `id` (not through English).
    pub fn has(self, id: &str) -> bool {
        ALL[self.0].bundle.has_message(id)
    }

    /// `text(id)` kept for the life of the program: the window's labels are `&'static str`.
    /// Each (language, message) is made once, so the memory kept is bounded by the files.
    pub fn text_static(self, id: &str) -> &'static str {
        type Made = Vec<HashMap<String, &'static str>>;
        static MADE: LazyLock<Mutex<Made>> =
            LazyLock::new(|| Mutex::new(vec![HashMap::new(); ALL.len()]));
        let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = made[self.0].get(id) {
            return t;
        }
        let t: &'static str = Box::leak(self.text(id).into_boxed_str());
        made[self.0].insert(id.to_string(), t);
        t
    }
}

/// Message `id` from the first catalog of `chain` that has it, else the id itself.
fn format_in(chain: [&Catalog; 2], id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = value.to_string();
        if looks_like_number(&value) {
            fluent_args.set(*name, FluentValue::try_number(&value).into_owned());
        } else {
            fluent_args.set(*name, FluentValue::from(value));
        }
    }
    let args = (!args.is_empty()).then_some(&fluent_args);
    for catalog in chain {
        let bundle = &catalog.bundle;
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

fn looks_like_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    // At most 15 digits: an f64 keeps them all (a longer number, a phone or an id, stays text).
    !int.is_empty()
        && int.len() + frac.len() <= 15
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'))
}

/// The ids of every message in English, the reference file.
pub fn english_ids() -> Vec<&'static str> {
    CATALOGS[0]
        .1
        .lines()
        .filter_map(|l| {
            let (id, _) = l.split_once(" =")?;
            (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .then_some(id)
        })
        .collect()
}

/// What the Fluent parser refused in the files, one line each (empty when all is well).
pub fn file_errors() -> Vec<String> {
    ALL.iter().flat_map(|c| c.errors.iter().cloned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn fr() -> Lang {
        Lang::parse("fr").expect("French texts ship")
    }

    #[test]
    fn every_file_parses() {
        assert_eq!(file_errors(), Vec::<String>::new());
        assert!(Lang::all().count() >= 2);
        assert_eq!(Lang::EN.code(), "en");
    }

    #[test]
    fn codes_name_languages() {
        assert_eq!(Lang::parse("fr_FR.UTF-8"), Some(fr()));
        assert_eq!(Lang::parse("fr-CA"), Some(fr()));
        assert_eq!(Lang::parse("FR"), Some(fr()));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        assert_eq!(Lang::from_code("xx"), Lang::EN);
        assert_eq!(fr().name(), "Français");
        assert_eq!(Lang::EN.name(), "English");
    }

    #[test]
    fn every_french_message_is_an_english_one_with_the_same_placeholders() {
        let placeholders = |lang: Lang, id: &str| -> Vec<String> {
            let msg = ALL[lang.0].bundle.get_message(id).unwrap();
            let mut names: Vec<String> = format!("{:?}", msg.value())
                .split("VariableReference { id: Identifier { name: \"")
                .skip(1)
                .map(|s| s.split('"').next().unwrap().to_string())
                .collect();
            names.sort();
            names.dedup();
            names
        };
        let en = english_ids();
        for id in english_ids() {
            if fr().has(id) {
                assert_eq!(placeholders(fr(), id), placeholders(Lang::EN, id), "{id}");
            }
        }
        for line in CATALOGS.iter().find(|c| c.0 == "fr").unwrap().1.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !id.starts_with([' ', '#', '-'])
            {
                assert!(en.contains(&id), "fr.ftl has {id}, en.ftl does not");
            }
        }
    }

    #[test]
    fn french_keeps_its_punctuation_with_its_word() {
        // A no-break space before « : ; ? ! » » and after « « », so a line never starts with
        // a colon or a closing guillemet, in the window and in the reports alike.
        let source = CATALOGS.iter().find(|c| c.0 == "fr").unwrap().1;
        let bad: Vec<&str> = source
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter(|l| {
                let text = l.split_once(" = ").map_or(*l, |(_, v)| v);
                [" :", " ;", " ?", " !", " »", "« "]
                    .iter()
                    .any(|p| text.contains(p))
            })
            .collect();
        assert!(bad.is_empty(), "plain spaces in fr.ftl: {bad:#?}");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let n = |lang: Lang, n: usize| lang.format("n-claims", &[("n", &n)]);
        assert_eq!(n(Lang::EN, 1), "1 claim");
        assert_eq!(n(Lang::EN, 0), "0 claims");
        assert_eq!(n(Lang::EN, 2), "2 claims");
        assert_eq!(n(fr(), 0), "0 affirmation");
        assert_eq!(n(fr(), 1), "1 affirmation");
        assert_eq!(n(fr(), 2), "2 affirmations");
    }

    #[test]
    fn a_partial_language_falls_back_to_english_message_by_message() {
        let es = catalog(
            "es",
            "language-name = Español\nn-claims = { $n ->\n    [one] { $n } afirmación\n   *[other] { $n } afirmaciones\n}\n",
        );
        assert!(es.errors.is_empty(), "{:?}", es.errors);
        let chain = [&es, &ALL[0]];
        assert_eq!(format_in(chain, "n-claims", &[("n", &3)]), "3 afirmaciones");
        assert_eq!(format_in(chain, "n-claims", &[("n", &1)]), "1 afirmación");
        // Not in the Spanish file: the English message, not a blank.
        assert_eq!(format_in(chain, "cancel", &[]), "Cancel");
        assert_eq!(format_in(chain, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn dates_are_written_in_each_language_style() {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(Lang::EN.date(d(2026, 3, 12)), "12 March 2026");
        assert_eq!(Lang::EN.date(d(2026, 3, 1)), "1 March 2026");
        assert_eq!(fr().date(d(2026, 3, 1)), "1er mars 2026");
        assert_eq!(fr().date(d(2026, 8, 12)), "12 août 2026");
        let t = chrono::FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 3, 12, 14, 5, 0)
            .unwrap();
        assert_eq!(fr().date_time(&t), "12 mars 2026 à 14:05");
        assert_eq!(Lang::EN.date_time(&t), "12 March 2026, 14:05");
        assert_eq!(Lang::EN.decimal(0.966, 2), "0.97");
        assert_eq!(fr().decimal(0.966, 2), "0,97");
    }

    #[test]
    fn numbers_are_numbers_and_the_rest_is_text() {
        assert!(looks_like_number("0"));
        assert!(looks_like_number("12"));
        assert!(looks_like_number("-3"));
        assert!(looks_like_number("0.50"));
        assert!(!looks_like_number("007"));
        assert!(!looks_like_number("12 March"));
        assert!(!looks_like_number(""));
        assert!(!looks_like_number("1e9"));
        assert!(!looks_like_number("12345678901234567890"));
        assert_eq!(
            Lang::EN.format("title", &[("title", &"12345678901234567890")]),
            "“12345678901234567890”"
        );
    }
}
