//! The dataset's `translations`: the validator's rules (exact messages) and the per-language view.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{validate, Dataset, Need};
use std::collections::BTreeMap;

fn base() -> Dataset {
    serde_json::from_str(include_str!("fixtures/minimal.json")).expect("minimal fixture")
}

/// The minimal dataset with a complete `lang` table: every translatable text prefixed.
fn translated(lang: &str) -> Dataset {
    let mut d = base();
    let table: BTreeMap<String, String> = d
        .translatable()
        .into_iter()
        .filter(|(_, need, _)| *need == Need::Required)
        .map(|(_, _, text)| (text.clone(), format!("[{lang}] {text}")))
        .collect();
    d.translations.insert(lang.to_string(), table);
    d
}

fn msgs(d: &Dataset) -> Vec<String> {
    validate(d).iter().map(ToString::to_string).collect()
}

#[test]
fn a_single_language_dataset_validates_and_has_only_english() {
    let d = base();
    assert_eq!(msgs(&d), Vec::<String>::new());
    assert_eq!(d.languages().collect::<Vec<_>>(), ["en"]);
    assert_eq!(d.localized("de"), None);
    assert_eq!(d.localized("en").as_ref(), Some(&d));
}

#[test]
fn the_translatable_fields_are_prose_and_names_not_ids_urls_dates_or_source_titles() {
    let paths: Vec<String> = base().translatable().into_iter().map(|f| f.0).collect();
    for p in [
        "title",
        "subject",
        "dimensions[0].name",
        "flags[0].name",
        "criteria[0].hint",
        "criteria[1].scoring.unit",
        "options[0].name",
        "options[0].summary",
        "options[0].versions[0].note",
        "options[0].versions[0].extended[0].name",
        "options[0].facts[0].text",
        "options[0].ratings[1].rationale",
    ] {
        assert!(paths.iter().any(|x| x == p), "{p} missing from {paths:?}");
    }
    assert!(!paths.iter().any(|p| p.starts_with("sources")
        || p.ends_with(".id")
        || p.ends_with(".url")
        || p.ends_with("release")));
}

#[test]
fn a_complete_table_validates_and_localizes_every_text() {
    let d = translated("de");
    assert_eq!(msgs(&d), Vec::<String>::new());
    assert_eq!(d.languages().collect::<Vec<_>>(), ["en", "de"]);
    let de = d.localized("de").expect("de view");
    assert!(de.translations.is_empty());
    assert_eq!(de.criteria[0].hint, "[de] h");
    assert_eq!(de.options[0].ratings[0].rationale, "[de] r");
    assert_eq!(de.options[0].facts[0].text, "[de] Some history.");
    // A name without a translation stays as written; ids and source titles are untouched.
    assert_eq!(de.options[0].name, "Alpha");
    assert_eq!(de.options[0].id, "alpha");
    assert_eq!(de.sources[0].title, "A source");
    // Every field but the texts is the English dataset's.
    let en = d.localized("en").expect("en view");
    assert_eq!(
        de.options[0].ratings[0].value,
        en.options[0].ratings[0].value
    );
    assert_eq!(de.presets.len(), en.presets.len());
}

#[test]
fn a_name_may_be_translated() {
    let mut d = translated("de");
    let table = d.translations.get_mut("de").expect("table");
    table.insert("Alpha 1".into(), "Alpha Eins".into());
    assert_eq!(msgs(&d), Vec::<String>::new());
    let de = d.localized("de").expect("de view");
    assert_eq!(de.options[0].versions[0].name, "Alpha Eins");
}

#[test]
fn a_missing_text_names_the_field_and_the_language() {
    let mut d = translated("de");
    d.translations
        .get_mut("de")
        .expect("table")
        .remove("Some history.");
    assert_eq!(msgs(&d), ["options[0].facts[0].text: no \"de\" text"]);
}

#[test]
fn every_field_sharing_a_missing_text_is_named() {
    let mut d = translated("de");
    d.translations.get_mut("de").expect("table").remove("r");
    let m = msgs(&d);
    assert!(m.contains(&"options[0].ratings[0].rationale: no \"de\" text".to_string()));
    assert!(m.contains(&"options[0].ratings[2].rationale: no \"de\" text".to_string()));
}

#[test]
fn a_key_that_matches_no_text_is_named() {
    let mut d = translated("de");
    let table = d.translations.get_mut("de").expect("table");
    table.insert("Some history".into(), "Etwas Geschichte".into());
    table.insert("A source".into(), "Eine Quelle".into());
    assert_eq!(
        msgs(&d),
        [
            "translations.de[\"A source\"]: matches no translatable English text of the dataset \
             (keys are the exact English text; ids, URLs, dates and source titles are not translated)",
            "translations.de[\"Some history\"]: matches no translatable English text of the \
             dataset (keys are the exact English text; ids, URLs, dates and source titles are not \
             translated)",
        ]
    );
}

#[test]
fn an_empty_or_placeholder_mismatched_value_is_named() {
    let mut d = translated("de");
    d.options[0].summary = "Runs {count} systems.".into();
    let table = d.translations.get_mut("de").expect("table");
    table.remove("The target.");
    table.insert(
        "Runs {count} systems.".into(),
        "Betreibt {anzahl} Systeme.".into(),
    );
    table.insert("Some history.".into(), "  ".into());
    assert_eq!(
        msgs(&d),
        [
            "translations.de[\"Runs {count} systems.\"]: has placeholders {anzahl} where the \
             English text has {count}",
            "translations.de[\"Some history.\"]: must not be empty",
        ]
    );
}

#[test]
fn the_language_must_be_a_tag_other_than_english() {
    let mut d = base();
    d.translations.insert("en".into(), BTreeMap::new());
    d.translations.insert("Deutsch".into(), BTreeMap::new());
    assert_eq!(
        msgs(&d),
        [
            "translations[\"Deutsch\"]: not a language tag such as \"de\" or \"pt-BR\"",
            "translations[\"en\"]: English is the dataset's own language: list only other languages",
        ]
    );
}

#[test]
fn each_declared_language_is_checked_on_its_own() {
    let mut d = translated("de");
    let fr = translated("fr").translations.remove("fr").expect("fr");
    d.translations.insert("fr".into(), fr);
    assert_eq!(msgs(&d), Vec::<String>::new());
    d.translations.get_mut("fr").expect("fr").remove("h");
    let m = msgs(&d);
    assert!(m.iter().all(|x| x.ends_with("no \"fr\" text")), "{m:?}");
    assert_eq!(m.len(), 5);
    assert_eq!(
        d.localized("fr").expect("fr").criteria[0].definition,
        "[fr] d"
    );
}

#[test]
fn the_translations_round_trip_through_json() {
    let d = translated("de");
    let text = serde_json::to_string(&d).expect("serialize");
    assert_eq!(elcompare::data::from_json_str(&text), Ok(d));
}
