//! Messages in the reader's language: the validator's (a host's own dataset), the host
//! options' and the shared link's, rendered through the catalogues. English stays exactly as
//! the other tests pin it; German is checked here word for word for a few, and every message
//! key has a German text of its own.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::attrs::{self, HostOptions};
use elcompare::data::{self, from_json_str, Problem};
use elcompare::fragment;
use elcompare::i18n::{Catalogue, Tr};
use elcompare::setup::Setup;
use elcompare::view::Presentation;
use serde_json::Value;
use std::collections::BTreeMap;

fn de() -> Tr {
    Tr::for_tag("de").expect("German catalogue")
}

/// The minimal fixture with `change` applied, read and checked as a host's dataset is.
fn problems(change: impl FnOnce(&mut Value)) -> Vec<Problem> {
    let mut v: Value =
        serde_json::from_str(include_str!("fixtures/minimal.json")).expect("fixture");
    change(&mut v);
    from_json_str(&v.to_string()).expect_err("broken dataset")
}

fn texts(problems: &[Problem], tr: Tr) -> Vec<String> {
    problems.iter().map(|p| p.text(tr)).collect()
}

#[test]
fn a_bad_host_dataset_is_reported_in_german_with_the_same_paths() {
    let p = problems(|v| {
        v["options"][0]["versions"][0]["release"] = "2020-13-01".into();
        v["options"][0]["versions"][0]["sources"] = serde_json::json!(["nope"]);
        v["sources"][0]["publisher"] = Value::Null;
        v["options"][0]["id"] = "Alpha!".into();
    });
    assert_eq!(
        texts(&p, Tr::english()),
        p.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "Display is English"
    );
    let german = texts(&p, de());
    for want in [
        "sources[0].publisher: fehlt: Geben Sie an, wer die Quelle veröffentlicht hat (eine \
         Options-ID, \"independent\" oder \"vendor:<Firma>\")",
        "options[0].id: \"Alpha!\" ist keine gültige ID (erlaubt sind Kleinbuchstaben a-z, \
         Ziffern, \".\", \"_\" und \"-\"; am Anfang ein Buchstabe oder eine Ziffer)",
        "options[0].versions[0].release: \"2020-13-01\" ist kein Datum",
        "options[0].versions[0].sources[0]: unbekannte Quelle \"nope\"",
    ] {
        assert!(
            german.iter().any(|g| g == want),
            "{want}\nnot in {german:#?}"
        );
    }
    // The same problems at the same paths, in the same order.
    for (g, e) in german.iter().zip(&p) {
        assert!(g.starts_with(&format!("{}: ", e.path)), "{g}");
        assert_ne!(g, &e.to_string(), "untranslated: {g}");
    }
}

#[test]
fn a_cut_value_and_a_schema_or_shape_error_read_in_german() {
    let long = "x".repeat(70);
    let p = problems(|v| v["as_of"] = long.clone().into());
    assert_eq!(
        p[0].text(de()),
        format!("as_of: \"{}\"… (70 Zeichen) ist kein Datum", "x".repeat(60))
    );
    assert_eq!(
        p[0].to_string(),
        format!(
            "as_of: \"{}\"… (70 characters) is not a date",
            "x".repeat(60)
        )
    );
    let p = problems(|v| v["schema"] = 1.into());
    assert!(p[0]
        .text(de())
        .starts_with("schema: Schema 1 wird nicht unterstützt (erwartet: 2)"));
    let p = problems(|v| v["title"] = 5.into());
    let german = p[0].text(de());
    assert!(
        german.starts_with(
            "title: Aufbau nicht wie erwartet (Meldung des JSON-Lesers): invalid type"
        ),
        "{german}"
    );
    let not_json =
        from_json_str(concat!(include_str!("fixtures/minimal.json"), " x")).expect_err("not JSON");
    assert!(not_json[0].text(de()).starts_with("kein gültiges JSON: "));
}

#[test]
fn bad_attributes_are_reported_in_german_naming_the_attribute() {
    let d = data::from_json_str(data::EMBEDDED_JSON).expect("embedded");
    let mut o = HostOptions::default();
    for (k, v) in [
        ("preset", "nope"),
        ("weights", "speed:3"),
        ("current", "centos-linux-7:0,rocky-9:2"),
        ("options", "almalinux"),
        ("view", "tiny"),
        ("heading-level", "9"),
    ] {
        assert!(o.set(k, v));
    }
    let (_, _, problems) = attrs::apply(&d, &Setup::defaults(&d), &Presentation::default(), &o);
    let german: Vec<String> = problems.iter().map(|m| m.text(de())).collect();
    assert_eq!(
        german,
        [
            "preset \"nope\" ist keiner von: production, early-access, hosting, migrate-centos7, \
             migrate-centos8, regulated, zero-budget",
            "weights \"speed:3\": \"speed\" ist keines von: stability, freshness, support, \
             years-left, cost, compatibility, governance, ecosystem, migration, release-lag",
            "current \"centos-linux-7:0,rocky-9:2\": Die Serveranzahl \"0\" für \"centos-linux-7\" \
             ist keine ganze Zahl von 1 bis 1000000",
            "options \"almalinux\": Vergleichen Sie 2 bis 4 Optionen, nicht 1 (Options-IDs: \
             centos-stream, almalinux, rocky, rhel, oracle, centos-linux)",
            "view \"tiny\" ist keiner von: full, compact, recommendation",
            "heading-level \"9\" ist keiner von: 2, 3, 4, 5, 6",
        ]
    );
    assert_eq!(
        attrs::today("31.12.2026").map_err(|e| e.text(de())),
        Err("today \"31.12.2026\" ist kein Datum (JJJJ-MM-TT)".to_string())
    );
    // A broken shared link's reason, in the notice's language.
    let e = fragment::decode(&d, "w:1,2").expect_err("short weights");
    assert_eq!(e.text(de()), "10 Gewichte erwartet, 2 gefunden");
    assert_eq!(e.to_string(), "expected 10 weights, found 2");
}

/// Every message key of the German catalogue is German: no English copy left, except the
/// keys that are only an option's name and another message.
#[test]
fn every_message_key_has_its_own_german_text() {
    let en: BTreeMap<String, String> =
        serde_json::from_str(include_str!("../data/i18n/en.json")).expect("en");
    let de: BTreeMap<String, String> =
        serde_json::from_str(include_str!("../data/i18n/de.json")).expect("de");
    let same_by_design = [
        "msg.verbatim",
        "option.current",
        "option.fragment",
        "option.must",
        "option.weights",
    ];
    let mut checked = 0;
    for (key, english) in &en {
        let message = ["validate.", "setup.", "link.", "option.", "start.", "boot."]
            .iter()
            .any(|p| key.starts_with(p));
        if !message || same_by_design.contains(&key.as_str()) {
            continue;
        }
        checked += 1;
        assert_ne!(de.get(key), Some(english), "{key} is English in de.json");
    }
    assert!(checked > 100, "{checked} message keys");
}

/// The pseudo-language has every message too: a third language is still only a file.
#[test]
fn the_pseudo_language_writes_the_messages() {
    let text = include_str!("fixtures/i18n/qps.json");
    let qps =
        Tr::from_catalogue(Catalogue::load("tests/fixtures/i18n/qps.json", text).expect("qps"));
    let p = problems(|v| v["options"][0]["versions"][0]["release"] = "2020-13-01".into());
    assert_eq!(
        p[0].text(qps),
        "options[0].versions[0].release: \"2020-13-01\" íš ñóŧ á đáŧé"
    );
}
