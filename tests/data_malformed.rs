//! Malformed input of every kind gives an error message, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{from_json_str, validate, RawDataset, EMBEDDED_JSON};

/// Loads `text`, expecting failure, and returns the messages as displayed.
fn errors(text: &str) -> Vec<String> {
    match from_json_str(text) {
        Ok(_) => panic!("expected an error"),
        Err(problems) => {
            assert!(
                !problems.is_empty(),
                "an error must carry at least one problem"
            );
            problems.iter().map(ToString::to_string).collect()
        }
    }
}

/// The single message a shape error produces.
fn one_error(text: &str) -> String {
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    errs.into_iter().next().unwrap_or_default()
}

/// The embedded dataset with `from` replaced by `to` exactly once.
fn embedded_with(from: &str, to: &str) -> String {
    assert_eq!(
        EMBEDDED_JSON.matches(from).count(),
        1,
        "{from} must occur once"
    );
    EMBEDDED_JSON.replacen(from, to, 1)
}

#[test]
fn empty_input() {
    let e = one_error("");
    assert!(e.contains("EOF while parsing"), "{e}");
    let e = one_error("   \n ");
    assert!(e.contains("EOF while parsing"), "{e}");
}

#[test]
fn truncated_json() {
    for cut in [1, 100, EMBEDDED_JSON.len() / 2, EMBEDDED_JSON.len() - 3] {
        // Cut on a character boundary.
        let mut at = cut;
        while !EMBEDDED_JSON.is_char_boundary(at) {
            at -= 1;
        }
        let e = one_error(&EMBEDDED_JSON[..at]);
        assert!(e.contains("EOF while parsing"), "cut at {at}: {e}");
    }
}

#[test]
fn trailing_garbage() {
    let e = one_error(&format!("{EMBEDDED_JSON} {{}}"));
    assert!(e.starts_with("not valid JSON: trailing characters"), "{e}");
}

/// Found by `cargo xtask fuzz dataset` (fuzz/regressions/dataset/crash-8e05…): text after a
/// dataset that breaks a rule gave the rule's problems instead of "not valid JSON", unlike the
/// browser, whose JSON.parse refuses the text.
#[test]
fn trailing_garbage_after_an_invalid_dataset() {
    let broken = EMBEDDED_JSON.replacen("\"schema\": 2", "\"schema\": 7", 1);
    assert!(from_json_str(&broken).is_err());
    let e = one_error(&format!("{broken}\0\0"));
    assert!(e.starts_with("not valid JSON: trailing characters"), "{e}");
}

#[test]
fn not_an_object() {
    let e = one_error("42");
    assert!(e.contains("invalid type: integer `42`"), "{e}");
    let e = one_error("null");
    assert!(e.contains("invalid type: null"), "{e}");
}

#[test]
fn wrong_types_name_the_path() {
    let e = one_error(&embedded_with("\"schema\": 2,", "\"schema\": \"1\","));
    assert!(
        e.starts_with("schema: invalid type: string \"1\", expected u32"),
        "{e}"
    );

    let e = one_error(&embedded_with(
        "\"default_compare\": [",
        "\"default_compare\": [1, ",
    ));
    assert!(
        e.starts_with("default_compare[0]: invalid type: integer `1`"),
        "{e}"
    );

    let e = one_error(&embedded_with(
        "\"role\": \"legacy\"",
        "\"role\": \"retired\"",
    ));
    assert!(
        e.starts_with("options[5].role: unknown variant `retired`"),
        "{e}"
    );

    let e = one_error(&embedded_with(
        "\"until\": \"2033-05-31\"",
        "\"until\": 20330531",
    ));
    assert!(
        e.starts_with("options[3].versions[1].extended[0].until: invalid type: integer `20330531`"),
        "{e}"
    );
}

#[test]
fn missing_field() {
    let e = one_error(&embedded_with("\"subject\": \"distribution\",", ""));
    assert!(e.contains("missing field `subject`"), "{e}");
}

#[test]
fn unknown_field_is_rejected() {
    let e = one_error(&embedded_with(
        "\"schema\": 2,",
        "\"schema\": 1, \"shcema\": 1,",
    ));
    assert!(e.contains("unknown field `shcema`"), "{e}");

    let e = one_error(&embedded_with(
        "\"id\": \"centos-stream\",",
        "\"id\": \"centos-stream\", \"colour\": \"blue\",",
    ));
    assert!(e.starts_with("options[0]"), "{e}");
    assert!(e.contains("unknown field `colour`"), "{e}");
}

#[test]
fn huge_float_is_out_of_range() {
    // default_weight is an f64: 1e400 does not fit.
    let text = embedded_with("\"default_weight\": 8", "\"default_weight\": 1e400");
    let e = one_error(&text);
    assert!(e.contains("number out of range"), "{e}");
}

#[test]
fn huge_integer_for_u32() {
    // 2^70 does not fit a u32 (nor a u64).
    let e = one_error(&embedded_with(
        "\"schema\": 2,",
        "\"schema\": 1180591620717411303424,",
    ));
    assert!(e.starts_with("schema: invalid type: floating point"), "{e}");
    assert!(e.contains("expected u32"), "{e}");
    // 2^32 fits a u64 but not a u32.
    let e = one_error(&embedded_with("\"schema\": 2,", "\"schema\": 4294967296,"));
    assert!(
        e.starts_with("schema: invalid value: integer `4294967296`, expected u32"),
        "{e}"
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let deep = "[".repeat(100_000);
    let e = one_error(&deep);
    assert!(!e.is_empty());

    // Deep nesting inside a field that takes a list.
    let text = embedded_with(
        "\"default_compare\": [",
        &format!("\"default_compare\": [{deep}"),
    );
    let e = one_error(&text);
    assert!(e.starts_with("default_compare[0]"), "{e}");

    // Deep nesting of objects too.
    let deep_obj = "{\"a\":".repeat(100_000);
    let e = one_error(&deep_obj);
    assert!(!e.is_empty());
}

#[test]
fn ten_megabyte_string() {
    let big = "x".repeat(10 * 1024 * 1024);

    // Unterminated: a parse error.
    let e = one_error(&format!("{{\"title\": \"{big}"));
    assert!(
        e.contains("EOF while parsing a string"),
        "{}",
        &e[..e.len().min(200)]
    );

    // Well-formed but in a date field: the validator reports it with a short message.
    let text = embedded_with(
        "\"as_of\": \"2026-08-22\"",
        &format!("\"as_of\": \"{big}\""),
    );
    let errs = errors(&text);
    assert_eq!(errs.len(), 1, "{}", errs.len());
    assert!(
        errs[0].starts_with("as_of: \"xxxx"),
        "{}",
        &errs[0][..200.min(errs[0].len())]
    );
    assert!(errs[0].ends_with(&format!("… ({} characters) is not a date", big.len())));
    assert!(errs[0].len() < 200);

    // Well-formed in a free-text field: accepted as text. The title is also the key of its
    // German text, so both change (the validator refuses a key that matches no text).
    let title = "\"Which enterprise Linux after CentOS?\"";
    assert_eq!(
        EMBEDDED_JSON.matches(title).count(),
        2,
        "title and its translation key"
    );
    let text = EMBEDDED_JSON.replace(title, &format!("\"{big}\""));
    assert!(from_json_str(&text).is_ok());
}

#[test]
fn invalid_utf8_escape_and_control_characters() {
    let e = one_error(&embedded_with(
        "\"subject\": \"distribution\"",
        "\"subject\": \"\\ud800\"",
    ));
    assert!(e.starts_with("subject: ") && e.contains("escape"), "{e}");
    let e = one_error(&embedded_with(
        "\"subject\": \"distribution\"",
        "\"subject\": \"a\u{1}b\"",
    ));
    assert!(e.contains("control character"), "{e}");
}

#[test]
fn validator_survives_empty_dataset() {
    let d: RawDataset = serde_json::from_str(
        r#"{"schema":0,"title":"","subject":"","as_of":"","sources":[],"dimensions":[],
            "criteria":[],"options":[],"presets":[]}"#,
    )
    .expect("shape is fine");
    let shown: Vec<String> = validate(&d).iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "schema: schema 0 is not supported (expected 2)",
            "title: must not be empty",
            "subject: must not be empty",
            "as_of: \"\" is not a date",
            "options: no option has role \"target\"",
            "criteria: at least one criterion is needed",
        ]
    );
}

#[test]
fn ten_megabyte_string_of_the_wrong_type() {
    let big = "x".repeat(10 * 1024 * 1024);
    let e = one_error(&embedded_with(
        "\"schema\": 2,",
        &format!("\"schema\": \"{big}\","),
    ));
    assert!(
        e.starts_with("schema: invalid type: string \"xxx"),
        "{}",
        &e[..e.len().min(200)]
    );
    assert!(e.contains("expected u32"));
    assert!(e.len() < 400, "message not shortened: {} bytes", e.len());
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Arbitrary text never panics the loader.
        #[test]
        fn arbitrary_text_never_panics(text in ".{0,200}") {
            let _ = from_json_str(&text);
        }

        /// Overwriting one byte of the embedded dataset never panics the loader
        /// or the validator, and any failure carries a message.
        #[test]
        fn one_byte_changed_never_panics(pos in 0usize..EMBEDDED_JSON.len(), byte in 0x20u8..0x7f) {
            let mut bytes = EMBEDDED_JSON.as_bytes().to_vec();
            if let Some(b) = bytes.get_mut(pos) {
                *b = byte;
            }
            if let Ok(text) = String::from_utf8(bytes) {
                if let Err(problems) = from_json_str(&text) {
                    prop_assert!(!problems.is_empty());
                    prop_assert!(problems.iter().all(|p| elcompare::i18n::Tr::all().all(|tr| !p.message.text(tr).trim().is_empty())));
                }
            }
        }
    }
}

/// The scoring object is read by hand (no serde buffering): each shape error still names
/// the field and where it is.
#[test]
fn scoring_objects_with_the_wrong_shape() {
    let cap = "\"kind\": \"years_left\",\n        \"cap_years\": 10";
    for (to, want) in [
        (
            "\"kind\": \"years_lef\",\n        \"cap_years\": 10",
            "criteria[3].scoring: unknown variant `years_lef`, expected one of `scale`, `number`, `yes_no`, `years_left`, `migration`",
        ),
        (
            "\"kind\": \"years_left\"",
            "criteria[3].scoring: missing field `cap_years`",
        ),
        (
            "\"kind\": \"years_left\",\n        \"cap_years\": 10, \"max\": 3",
            "criteria[3].scoring: unknown field `max`, expected `kind` or `cap_years`",
        ),
        (
            "\"kind\": \"scale\",\n        \"max\": 2.5",
            "criteria[3].scoring: max: 2.5 is not a whole number from 0 to 4294967295",
        ),
        (
            "\"kind\": \"years_left\",\n        \"cap_years\": \"ten\"",
            "criteria[3].scoring.cap_years: invalid type: string \"ten\", expected f64",
        ),
    ] {
        let e = one_error(&embedded_with(cap, to));
        assert!(e.starts_with(want), "{to}:\n  got  {e}\n  want {want}");
    }
}
