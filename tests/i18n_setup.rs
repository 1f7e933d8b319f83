//! The language as part of the setup: the `lang` option, the share link's `l:` field (old
//! links still decode), the embed code's `lang` attribute, and the per-language views.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::attrs::{self, HostOptions};
use elcompare::data::{self, Dataset, Date};
use elcompare::fragment;
use elcompare::i18n::{Localized, Tr};
use elcompare::setup::{Change, Setup};
use elcompare::snippet;
use elcompare::view::Presentation;
use std::rc::Rc;

fn dataset() -> Dataset {
    data::from_json_str(data::EMBEDDED_JSON).expect("embedded dataset")
}

fn with_lang(lang: &str) -> HostOptions {
    HostOptions {
        lang: Some(lang.to_string()),
        ..HostOptions::default()
    }
}

fn start(d: &Dataset, o: &HostOptions) -> (Setup, Vec<String>) {
    let (s, _, problems) = attrs::apply(d, &Setup::defaults(d), &Presentation::default(), o);
    (s, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn the_lang_option_chooses_a_catalogue_by_tag() {
    let d = dataset();
    assert_eq!(start(&d, &with_lang("de")).0.lang.as_deref(), Some("de"));
    assert_eq!(start(&d, &with_lang("de-AT")).0.lang.as_deref(), Some("de"));
    assert_eq!(start(&d, &with_lang("en")).0.lang.as_deref(), Some("en"));
    assert_eq!(start(&d, &HostOptions::default()).0.lang, None);
}

#[test]
fn an_unsupported_lang_shows_english_and_says_so() {
    let d = dataset();
    let (s, problems) = start(&d, &with_lang("fr"));
    assert_eq!(s.lang.as_deref(), Some("en"));
    assert_eq!(
        problems,
        ["lang: language \"fr\" is not available (languages: en, de); showing English"]
    );
}

#[test]
fn the_language_round_trips_through_the_share_link() {
    let d = dataset();
    let mut s = Setup::defaults(&d);
    assert!(
        !fragment::encode(&s).contains("l:"),
        "no language chosen: none in the link"
    );
    s.try_apply(&d, Change::Lang(Some("de".into())))
        .expect("de");
    let text = fragment::encode(&s);
    assert!(text.ends_with(";l:de"), "{text}");
    assert_eq!(fragment::decode(&d, &text), Ok(s));
    // Links made before languages existed still decode, with no language chosen.
    let old = "p:production;w:8,2,6,5,3,7,4,5,6,2;o:almalinux,rocky";
    let s = fragment::decode(&d, old).expect("old link");
    assert_eq!(s.lang, None);
    assert_eq!(
        fragment::decode(&d, "l:xx")
            .err()
            .map(|e| e.to_string())
            .as_deref(),
        Some("language \"xx\" is not available (languages: en, de)")
    );
}

#[test]
fn a_fragment_option_without_a_language_keeps_the_chosen_one() {
    let d = dataset();
    let o = HostOptions {
        fragment: Some("o:almalinux,rocky".into()),
        lang: Some("de".into()),
        ..HostOptions::default()
    };
    assert_eq!(start(&d, &o).0.lang.as_deref(), Some("de"));
    let mut german = Setup::defaults(&d);
    german.lang = Some("de".into());
    let only_fragment = HostOptions {
        fragment: Some("o:almalinux,rocky".into()),
        ..HostOptions::default()
    };
    let (s, _, _) = attrs::apply(&d, &german, &Presentation::default(), &only_fragment);
    assert_eq!(s.lang.as_deref(), Some("de"));
}

#[test]
fn the_embed_code_carries_the_chosen_language() {
    let d = dataset();
    let today = Date::parse("2026-11-29").expect("date");
    let mut s = Setup::defaults(&d);
    let plain = snippet::embed_code(&d, &s, today, &Presentation::default(), "/e.js", &[]);
    assert!(!plain.contains(" lang="), "{plain}");
    s.try_apply(&d, Change::Lang(Some("de".into())))
        .expect("de");
    assert_eq!(
        snippet::setup_attributes(&d, &s),
        [("lang", "de".to_string())]
    );
    let code = snippet::embed_code(&d, &s, today, &Presentation::default(), "/e.js", &[]);
    assert!(code.contains("<el-compare lang=\"de\">"), "{code}");
}

#[test]
fn each_language_view_is_made_once_and_a_missing_one_is_english() {
    let d = dataset();
    let has_de = d.translations.contains_key("de");
    let views = Localized::new(d);
    let de = Tr::for_tag("de").expect("de");
    let (a, a_de) = views.view(de);
    let (b, _) = views.view(de);
    assert!(Rc::ptr_eq(&a, &b), "the German view is computed once");
    assert_eq!(a_de, has_de);
    let (en, en_ok) = views.view(Tr::english());
    assert!(en_ok);
    assert!(Rc::ptr_eq(&en, views.base()));
    if !has_de {
        assert!(
            Rc::ptr_eq(&a, views.base()),
            "no German texts: the English ones"
        );
    }
}
