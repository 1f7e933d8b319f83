//! The interface catalogues: the build's check (exact messages), the languages compiled in,
//! lookup by tag, and the one number and date formatter.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::Date;
use elcompare::i18n::{check, fill, k, Tr};

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

fn problems(list: &[(&str, &str)]) -> Vec<String> {
    check::check(&files(list)).err().unwrap_or_default()
}

const EN: &str = r#"{"a.hello": "Hello {name}", "a.bye": "Bye", "num.decimal": ".",
    "date.months": "1,2,3,4,5,6,7,8,9,10,11,12"}"#;

#[test]
fn the_shipped_catalogues_pass_and_are_every_file_of_data_i18n() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/i18n");
    let parsed = check::check_dir(&dir).expect("data/i18n passes");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| {
            e.expect("entry")
                .file_name()
                .to_string_lossy()
                .replace(".json", "")
        })
        .collect();
    files.sort();
    let mut compiled: Vec<&str> = Tr::all().map(Tr::lang).collect();
    assert_eq!(compiled.first(), Some(&"en"), "English comes first");
    compiled.sort();
    assert_eq!(
        compiled, files,
        "build.rs compiles in every file, no list in code"
    );
    assert_eq!(parsed.len(), files.len());
}

#[test]
fn a_missing_or_extra_key_names_the_file_and_the_key() {
    let de = r#"{"a.hello": "Hallo {name}", "a.extra": "x", "num.decimal": ",",
        "date.months": "1,2,3,4,5,6,7,8,9,10,11,12"}"#;
    assert_eq!(
        problems(&[("data/i18n/en.json", EN), ("data/i18n/de.json", de)]),
        [
            "data/i18n/de.json: \"a.extra\": not a key of en.json",
            "data/i18n/de.json: \"a.bye\": missing (en.json has it)",
        ]
    );
}

#[test]
fn a_placeholder_mismatch_or_an_empty_text_names_the_key() {
    let de = r#"{"a.hello": "Hallo {nom}", "a.bye": " ", "num.decimal": ",,",
        "date.months": "Jan,Feb"}"#;
    assert_eq!(
        problems(&[("en.json", EN), ("de.json", de)]),
        [
            "de.json: \"a.bye\": must not be empty",
            "de.json: \"a.hello\": placeholders {nom} differ from en.json's {name}",
            "de.json: \"date.months\": twelve month names, separated by commas",
            "de.json: \"num.decimal\": one character, the decimal separator",
        ]
    );
}

#[test]
fn file_names_are_language_tags_and_english_is_required() {
    assert_eq!(
        problems(&[("German.json", EN), ("de.json", "[1]")]),
        [
            "German.json: the file name must be a language tag such as de.json or pt-BR.json",
            "de.json: not a flat JSON object of strings (invalid type: sequence, expected a map at \
             line 1 column 0)",
            "no en.json: it defines the keys",
        ]
    );
}

#[test]
fn languages_are_found_by_tag_and_primary_subtag() {
    assert_eq!(Tr::for_tag("de").map(Tr::lang), Some("de"));
    assert_eq!(Tr::for_tag("de-AT").map(Tr::lang), Some("de"));
    assert_eq!(Tr::for_tag("DE").map(Tr::lang), Some("de"));
    assert_eq!(Tr::for_tag("en-GB").map(Tr::lang), Some("en"));
    assert_eq!(Tr::for_tag("fr"), None);
    assert_eq!(Tr::for_tag(""), None);
    assert_eq!(
        Tr::first_of(["fr-FR", "de-CH", "en"]).map(Tr::lang),
        Some("de")
    );
    assert_eq!(Tr::default().lang(), "en");
}

#[test]
fn numbers_use_the_language_decimal_separator_with_one_rounding() {
    let (en, de) = (Tr::english(), Tr::for_tag("de").expect("de"));
    assert_eq!(en.num(7.25, 1), "7.3");
    assert_eq!(de.num(7.25, 1), "7,3");
    assert_eq!(de.num(12.0, 1), "12,0");
    assert_eq!(de.num(-0.04, 1), "0,0");
    assert_eq!(de.trimmed(7.5, 2), "7,5");
    assert_eq!(de.trimmed(8.0, 2), "8");
    assert_eq!(de.num(f64::NAN, 1), "?");
}

#[test]
fn dates_follow_the_language_order_and_month_names() {
    let (en, de) = (Tr::english(), Tr::for_tag("de").expect("de"));
    let d = Date::parse("2029-05-31").expect("date");
    assert_eq!(en.date(d), "2029-05-31");
    assert_eq!(de.date(d), "31. Mai 2029");
    assert_eq!(de.date_str("2024-03-01"), "1. März 2024");
    assert_eq!(de.date_str("not a date"), "not a date");
    assert_eq!(de.t(k::LANG_NAME), "Deutsch");
    // Padding as `{:04}` / `{:02}` would write it (the date is written without format!).
    let early = Date {
        year: 7,
        month: 1,
        day: 5,
    };
    assert_eq!(en.date(early), "0007-01-05");
    assert_eq!(de.date(early), "5. Januar 7");
    let late = Date {
        year: 12345,
        month: 12,
        day: 10,
    };
    assert_eq!(en.date(late), "12345-12-10");
}

#[test]
fn fill_replaces_named_placeholders_and_keeps_other_braces() {
    assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
    assert_eq!(fill("{a} {unknown} {", &[("a", "x")]), "x {unknown} {");
    assert_eq!(fill("ü{a}ß", &[("a", "é")]), "üéß");
    assert_eq!(fill("{x{a}}", &[("a", "1")]), "{x1}");
}
