//! The hand-off documents in German for three setups, with no text of the English catalogue
//! left, German numbers and dates; and a third language that is only files (a catalogue in
//! tests/fixtures/i18n/ and the dataset's texts), rendered with no code change.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{self, Dataset, Date, Need};
use elcompare::i18n::{Catalogue, Tr};
use elcompare::report::{decision_record, ranking_csv, table_csv, Report};
use elcompare::setup::{evaluate_in, Change, Setup};
use elcompare::snippet::static_html;
use elcompare::view::Presentation;
use std::collections::BTreeMap;

fn today() -> Date {
    Date::parse("2026-11-29").expect("date")
}

fn embedded() -> Dataset {
    data::from_json_str(data::EMBEDDED_JSON).expect("embedded dataset")
}

/// Three setups: the defaults; leaving CentOS Linux 7 for production; a mixed fleet with
/// must-haves that rule options out.
fn setups(d: &Dataset) -> Vec<(&'static str, Setup)> {
    let mut production = Setup::defaults(d);
    production
        .try_apply(d, Change::Preset("production".into()))
        .expect("preset");
    production
        .try_apply(d, Change::Current(Some("centos-linux-7".into())))
        .expect("current");
    let mut fleet = Setup::defaults(d);
    fleet
        .try_apply(
            d,
            Change::Fleet(vec![
                ("centos-linux-7".into(), 150),
                ("centos-stream-8".into(), 50),
            ]),
        )
        .expect("fleet");
    fleet
        .try_apply(d, Change::Flag("commercial-support".into(), true))
        .expect("flag");
    fleet
        .try_apply(d, Change::MinYears(Some(5.0)))
        .expect("years");
    vec![
        ("defaults", Setup::defaults(d)),
        ("production from CentOS 7", production),
        ("mixed fleet with must-haves", fleet),
    ]
}

/// The Markdown record and both CSV files for a setup, in `tr`'s language, from `d`'s view
/// in it.
fn documents(d: &Dataset, s: &Setup, tr: Tr) -> String {
    let e = evaluate_in(d, s, today(), tr);
    let r = Report::new(d, s, &e, today(), "https://example.org/blog#elc=x");
    [decision_record(&r), ranking_csv(&r), table_csv(&r)].join("\n")
}

/// [`documents`] and the static version of the embed code (which names its language).
fn documents_and_static(d: &Dataset, s: &Setup, tr: Tr) -> String {
    let mut chosen = s.clone();
    chosen.lang = Some(tr.lang().to_string());
    documents(d, s, tr) + &static_html(d, &chosen, today(), &Presentation::default())
}

/// English catalogue texts (long enough to be sentences or labels, and different from the
/// language's own) found in `text`.
fn english_left(text: &str, other: &BTreeMap<String, String>) -> Vec<String> {
    let en: BTreeMap<String, String> =
        serde_json::from_str(include_str!("../data/i18n/en.json")).expect("en.json");
    en.iter()
        .filter(|(k, v)| other.get(*k) != Some(*v))
        .flat_map(|(_, v)| {
            // Each fixed part between placeholders is checked on its own.
            v.split(['{', '}'])
                .map(str::trim)
                .filter(|p| p.len() >= 12 && p.contains(' '))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|part| text.contains(part.as_str()))
        .collect()
}

#[test]
fn the_report_record_csv_and_static_version_are_german_for_three_setups() {
    let base = embedded();
    let de = Tr::for_tag("de").expect("de");
    let view = base.localized("de").expect("the dataset has German texts");
    let catalogue: BTreeMap<String, String> =
        serde_json::from_str(include_str!("../data/i18n/de.json")).expect("de.json");
    for (name, s) in setups(&view) {
        let text = documents_and_static(&view, &s, de);
        assert_eq!(
            english_left(&text, &catalogue),
            Vec::<String>::new(),
            "{name}"
        );
        assert!(text.contains("## Entscheidung"), "{name}");
        assert!(text.contains("Stand der Fakten"), "{name}");
        // Dates in German form, never ISO in prose; scores with a decimal comma.
        assert!(
            text.contains("29. November 2026"),
            "{name}: today in German"
        );
        assert!(
            regex_like_decimal_comma(&text),
            "{name}: a score with a decimal comma"
        );
        // No English dataset prose either: every required text is translated.
        for (path, need, english) in base.translatable() {
            if need == Need::Required && english.len() > 40 && !view_has_same(&view, &english) {
                assert!(!text.contains(&english), "{name}: {path} left in English");
            }
        }
    }
}

/// True when some German dataset text equals this English one (prose kept as is).
fn view_has_same(view: &Dataset, english: &str) -> bool {
    view.translatable().iter().any(|(_, _, t)| t == english)
}

/// "72,6" somewhere: digits, a comma, one digit.
fn regex_like_decimal_comma(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1].is_ascii_digit() && w[2] == b',' && w[3].is_ascii_digit()
    })
}

#[test]
fn english_stays_as_it_was() {
    let d = embedded();
    let s = Setup::defaults(&d);
    let text = documents_and_static(&d, &s, Tr::english());
    assert!(text.contains("## Decision"));
    assert!(text.contains("- **Date:** 2026-11-29"));
}

/// A third language made only of files: the pseudo-language catalogue in tests/fixtures/i18n/
/// (checked with the build's rules) and a `translations.qps` block for the dataset. Nothing in
/// the code names it.
#[test]
fn a_third_language_is_a_catalogue_file_and_dataset_values() {
    let text = include_str!("fixtures/i18n/qps.json");
    let catalogue = Catalogue::load("tests/fixtures/i18n/qps.json", text).unwrap_or_else(|p| {
        panic!(
            "the fixture fails the catalogue check (a key added to en.json needs a text here \
             too): {p:#?}"
        )
    });
    let tr = Tr::from_catalogue(catalogue);
    assert_eq!(tr.lang(), "qps");
    // The dataset's texts in the third language: each English text marked.
    let mut d = embedded();
    let table: BTreeMap<String, String> = d
        .translatable()
        .into_iter()
        .map(|(_, _, t)| (t.clone(), format!("«{t}»")))
        .collect();
    d.translations.insert("qps".into(), table);
    assert_eq!(
        data::validate(&d),
        Vec::new(),
        "the dataset validates with it"
    );
    let view = d.localized("qps").expect("qps view");
    let qps: BTreeMap<String, String> = serde_json::from_str(text).expect("fixture");
    for (name, s) in setups(&view) {
        let out = documents(&view, &s, tr);
        // The dataset's texts are the English ones marked «…»: only the interface is checked.
        let interface: String = out
            .split('«')
            .map(|part| part.split_once('»').map_or(part, |(_, rest)| rest))
            .collect();
        assert_eq!(
            english_left(&interface, &qps),
            Vec::<String>::new(),
            "{name}"
        );
        assert!(
            out.contains("29/11/2026"),
            "{name}: the fixture's date form"
        );
    }
}

#[test]
#[ignore = "prints a German record for reading: cargo test --test i18n_german -- --ignored"]
fn print_german_record() {
    let view = embedded().localized("de").expect("de");
    let s = &setups(&view)[1].1;
    println!("{}", documents(&view, s, Tr::for_tag("de").expect("de")));
}

/// The exports read back by the fuzz targets' strict RFC 4180 reader, fields separated by `sep`.
fn parse_csv(text: &str, sep: char) -> Vec<Vec<String>> {
    elcompare::fuzzing::parse_csv(text, sep).expect("RFC 4180")
}

/// German spreadsheet programs read `;`-separated CSV when the decimal separator is a comma:
/// the German files use `;` (numbers such as 72,6 unquoted), the English ones `,`, and both
/// parse into the same rectangular rows.
#[test]
fn german_csv_is_separated_by_semicolons_and_parses_like_the_english() {
    let base = embedded();
    let de = Tr::for_tag("de").expect("de");
    let view = base.localized("de").expect("German view");
    assert_eq!(de.csv_separator(), ';');
    assert_eq!(Tr::english().csv_separator(), ',');
    for (name, s) in setups(&view) {
        let german_eval = evaluate_in(&view, &s, today(), de);
        let german = Report::new(&view, &s, &german_eval, today(), "");
        let english_eval = evaluate_in(&base, &s, today(), Tr::english());
        let english = Report::new(&base, &s, &english_eval, today(), "");
        for (file, de_csv, en_csv) in [
            ("ranking", ranking_csv(&german), ranking_csv(&english)),
            ("table", table_csv(&german), table_csv(&english)),
        ] {
            let (de_rows, en_rows) = (parse_csv(&de_csv, ';'), parse_csv(&en_csv, ','));
            let shape = |rows: &[Vec<String>]| rows.iter().map(Vec::len).collect::<Vec<_>>();
            assert_eq!(shape(&de_rows), shape(&en_rows), "{name} {file}");
            let width = de_rows[0].len();
            assert!(de_rows.iter().all(|r| r.len() == width), "{name} {file}");
            // Read with the English separator, the German file is not those rows.
            assert_ne!(parse_lossy_width(&de_csv, ','), width, "{name} {file}");
        }
        // A German score is a bare number field: ";72,6;", not quoted.
        let ranking = ranking_csv(&german);
        let score = &parse_csv(&ranking, ';')[1][2];
        assert!(score.contains(','), "{name}: {score}");
        assert!(
            ranking.contains(&format!(";{score};")),
            "{name}: {score} unquoted"
        );
    }
}

/// Fields of the header line split at `sep` ignoring quotes (what a wrong guess reads).
fn parse_lossy_width(text: &str, sep: char) -> usize {
    text.lines().next().map_or(0, |l| l.split(sep).count())
}
