//! What the interface says about its numbers (issue 15), checked on the engine and the
//! sentence builders the widget, the printed report and the decision record share: every
//! sentence follows from the numbers shown.
#![cfg(not(target_arch = "wasm32"))]

#[path = "engine_common.rs"]
mod engine_common;

use elcompare::data::{from_json_str, Dataset, FlagState, MustHaves, EMBEDDED_JSON, MAX_WEIGHT};
use elcompare::engine::{evaluate, years_text, Evaluation, Inputs, Ranked};
use elcompare::i18n::Tr;

/// The tie rule as the English catalogue says it.
const TIE_RULE: &str = "options with equal scores are listed in the dataset's order";
use elcompare::num::tenths_text;
use elcompare::report::{headline, near_tie_line, score_text, sensitivity_line, Report};
use elcompare::setup::{Change, Edit, Setup, Visitor};
use engine_common::*;

fn real() -> Dataset {
    from_json_str(EMBEDDED_JSON).unwrap()
}

fn eval(d: &Dataset, s: &Setup) -> Evaluation {
    elcompare::setup::evaluate(d, s, today())
}

/// The default setup, the production preset, and leaving CentOS Linux 7 with a must-have.
fn three_setups(d: &Dataset) -> Vec<(&'static str, Setup)> {
    let base = Setup::defaults(d);
    let production = base.with_preset(d, "production").unwrap();
    let mut leaving = base.with_preset(d, "migrate-centos7").unwrap();
    leaving
        .try_apply(d, Change::Flag("commercial-support".into(), true))
        .unwrap();
    vec![
        ("default", base),
        ("production", production),
        ("leaving CentOS 7, with support", leaving),
    ]
}

fn name(d: &Dataset, i: usize) -> &str {
    &d.options[i].name
}

#[test]
fn breakdown_rows_shown_add_up_to_the_total_shown() {
    let d = real();
    for (label, s) in three_setups(&d) {
        let e = eval(&d, &s);
        assert!(!e.ranking.is_empty(), "{label}");
        for r in &e.ranking {
            let rows = r.points_tenths();
            assert_eq!(
                rows.iter().sum::<u64>(),
                r.total_tenths(),
                "{label}: {} rows {rows:?} vs total {}",
                name(&d, r.option),
                score_text(Tr::english(), r)
            );
            for (c, t) in r.contributions.iter().zip(rows) {
                assert!(
                    (*t as f64 / 10.0 - c.points).abs() < 0.1 + 1e-9,
                    "{label}: a row moves by less than 0.1: {t} vs {}",
                    c.points
                );
                if c.points == 0.0 {
                    assert_eq!(*t, 0, "a criterion worth nothing shows 0.0");
                }
            }
        }
    }
}

/// Plain rounding of each row does not add up here (three rows of 33.33…): largest remainder does.
#[test]
fn largest_remainder_makes_thirds_add_up() {
    let ds = dataset(
        vec![
            crit("a", scale(10)),
            crit("b", scale(10)),
            crit("c", scale(10)),
        ],
        vec![opt(
            "x",
            &[("a", 10.0), ("b", 10.0), ("c", 10.0)],
            vec![ver("x-1", Some("2030-01-01"), &[])],
        )],
    );
    let w = [1.0, 1.0, 1.0];
    let e = evaluate(&Inputs::new(&ds, &w, &MustHaves::default(), today()));
    let r = &e.ranking[0];
    assert_eq!(r.total_tenths(), 1000);
    assert_eq!(r.points_tenths(), vec![334, 333, 333]);
    // Two thirds: 66.7 = 33.4 + 33.3.
    let ds2 = dataset(
        vec![
            crit("a", scale(10)),
            crit("b", scale(10)),
            crit("c", scale(10)),
        ],
        vec![opt(
            "x",
            &[("a", 10.0), ("b", 10.0), ("c", 0.0)],
            vec![ver("x-1", Some("2030-01-01"), &[])],
        )],
    );
    let e = evaluate(&Inputs::new(&ds2, &w, &MustHaves::default(), today()));
    assert_eq!(e.ranking[0].total_tenths(), 667);
    assert_eq!(e.ranking[0].points_tenths(), vec![334, 333, 0]);
}

/// Every reason names whom it compares with, and its points are the difference of the two
/// breakdowns as shown.
#[test]
fn every_reason_names_the_option_it_is_compared_with() {
    let d = real();
    for (label, s) in three_setups(&d) {
        let e = eval(&d, &s);
        let (w, rest) = e.ranking.split_first().unwrap();
        let Some(r) = rest.first() else { continue };
        for why in &e.why {
            assert!(why.contains(name(&d, r.option)), "{label}: {why}");
            check_points(&d, why, w, r);
        }
        for o in rest {
            for why in &o.why_not {
                assert!(why.contains(name(&d, w.option)), "{label}: {why}");
                check_points(&d, why, w, o);
            }
        }
    }
}

/// "(+2.2 points)" / "(−2.2 points)" equals the shown rows' difference for that criterion.
fn check_points(d: &Dataset, why: &str, ahead: &Ranked, behind: &Ranked) {
    let Some(c) = d
        .criteria
        .iter()
        .position(|c| why.starts_with(&format!("{}: ", c.name)))
    else {
        return;
    };
    let (a, b) = (ahead.points_tenths()[c], behind.points_tenths()[c]);
    let want = tenths_text(a - b);
    assert!(
        why.ends_with(&format!("{want} points)")),
        "{why}: shown rows differ by {want}"
    );
}

/// Three options with the same ratings tie exactly.
fn tied_three() -> Dataset {
    let v = |id: &str| vec![ver(id, Some("2030-01-01"), &[])];
    dataset(
        vec![crit("a", scale(10)), crit("b", scale(10))],
        vec![
            opt("first", &[("a", 8.0), ("b", 4.0)], v("first-1")),
            opt("second", &[("a", 4.0), ("b", 8.0)], v("second-1")),
            opt("third", &[("a", 6.0), ("b", 6.0)], v("third-1")),
            opt("fourth", &[("a", 1.0), ("b", 1.0)], v("fourth-1")),
        ],
    )
}

#[test]
fn an_exact_tie_is_called_a_tie_with_its_rule() {
    let ds = tied_three();
    let w = [5.0, 5.0];
    let e = evaluate(&Inputs::new(&ds, &w, &MustHaves::default(), today()));
    let line = near_tie_line(&ds, &e).expect("a tie is reported");
    assert_eq!(
        line,
        format!(
            "Tied: First, Second and Third each score 60.0; {TIE_RULE}, so First is shown first. \
             Treat them as equally good choices."
        )
    );
    assert!(!line.contains("within"), "{line}");
    assert_eq!(
        e.why,
        vec![format!(
            "Ties with Second at 60.0 points; {TIE_RULE}, so First comes first."
        )]
    );
    assert_eq!(
        e.ranking[2].why_not,
        vec![format!(
            "Ties with First at 60.0 points; {TIE_RULE}, so First comes first."
        )]
    );
    assert!(
        e.ranking[3].why_not[0].contains("for First (−"),
        "{:?}",
        e.ranking[3].why_not
    );
}

#[test]
fn a_near_tie_that_is_not_equal_gives_both_scores_and_the_gap() {
    let ds = tied_three();
    let w = [5.0, 4.6];
    let e = evaluate(&Inputs::new(&ds, &w, &MustHaves::default(), today()));
    let (a, b) = (&e.ranking[0], &e.ranking[1]);
    assert_ne!(a.total, b.total);
    let line = near_tie_line(&ds, &e).unwrap();
    assert_eq!(
        line,
        format!(
            "Near tie: {} scores {}, {} points behind {} ({}) — treat both as good choices.",
            name(&ds, b.option),
            score_text(Tr::english(), b),
            tenths_text(a.total_tenths() - b.total_tenths()),
            name(&ds, a.option),
            score_text(Tr::english(), a)
        )
    );
    assert!(!line.contains("0.0 points"), "{line}");
    // Equal weights on another pair: no tie line at all once the gap passes the margin.
    let w = [9.0, 1.0];
    let e = evaluate(&Inputs::new(&ds, &w, &MustHaves::default(), today()));
    assert_eq!(near_tie_line(&ds, &e), None);
}

/// The weights a visitor can set: whole numbers from 0 to 10.
fn settable(x: f64) -> bool {
    x.fract() == 0.0 && (0.0..=MAX_WEIGHT).contains(&x)
}

/// The numbers in a sentence ("9", "10", "72.6").
fn numbers(s: &str) -> Vec<f64> {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter_map(|t| t.trim_end_matches('.').parse().ok())
        .collect()
}

#[test]
fn sensitivity_names_only_settings_the_slider_has_and_they_are_right() {
    let d = real();
    let mut setups = three_setups(&d);
    for p in &d.presets {
        setups.push((
            "preset",
            Setup::defaults(&d).with_preset(&d, &p.id).unwrap(),
        ));
    }
    let mut seen = 0;
    for (label, s) in setups {
        let e = eval(&d, &s);
        let winner = e.ranking[0].option;
        for sens in &e.sensitivity {
            let i = sens.criterion;
            for setting in [sens.settable, sens.settable_opposite]
                .into_iter()
                .flatten()
            {
                seen += 1;
                assert!(settable(setting.weight), "{label}: {setting:?}");
                let at = |x: f64| {
                    let mut t = s.clone();
                    t.weights[i] = x;
                    eval(&d, &t).ranking[0].option
                };
                assert_eq!(at(setting.weight), setting.winner, "{label}: {setting:?}");
                assert_ne!(setting.winner, winner);
                // Every setting between the current weight and it keeps the winner.
                let now = s.weights[i];
                let mut x = if setting.rising {
                    now.floor() + 1.0
                } else {
                    now.ceil() - 1.0
                };
                while (setting.rising && x < setting.weight)
                    || (!setting.rising && x > setting.weight)
                {
                    assert_eq!(
                        at(x),
                        winner,
                        "{label}: criterion {i} at {x} before {setting:?}"
                    );
                    x += if setting.rising { 1.0 } else { -1.0 };
                }
            }
        }
        let line = sensitivity_line(&d, &e, &s.weights).unwrap();
        assert!(
            !line.contains("above") && !line.contains("below"),
            "{label}: {line}"
        );
        for n in numbers(&line) {
            assert!(settable(n), "{label}: {n} in {line}");
        }
    }
    assert!(seen > 5, "the setups exercise the thresholds: {seen}");
}

/// The reported defect: the crossing lies between 9 and 10, so the sentence must name 10, the
/// first setting past it, and not "goes above 10".
#[test]
fn a_crossing_between_nine_and_ten_is_named_as_ten() {
    // x: 1.0 on a, 0 on b; y: 0 on a, 1.0 on b. Weight a = 1 (x leads by a's share), y overtakes
    // once b > a... shifted so that the crossing is at b = 9.5.
    let v = |id: &str| vec![ver(id, Some("2030-01-01"), &[])];
    let ds = dataset(
        vec![crit("a", scale(10)), crit("b", scale(20))],
        vec![
            opt("x", &[("a", 10.0), ("b", 0.0)], v("x-1")),
            opt("y", &[("a", 0.0), ("b", 19.0)], v("y-1")),
        ],
    );
    // x: 100·w_a/(w_a+w_b); y: 100·0.95·w_b/(w_a+w_b). With w_a = 9.5·0.95 = 9.025 the tie is
    // at w_b = 9.5.
    let w = [9.025, 5.0];
    let e = evaluate(&Inputs::new(&ds, &w, &MustHaves::default(), today()));
    assert_eq!(e.ranking[0].option, 0);
    let s = &e.sensitivity[1];
    let setting = s.settable.or(s.settable_opposite).unwrap();
    assert_eq!(
        (setting.weight, setting.rising, setting.winner),
        (10.0, true, 1)
    );
    let line = sensitivity_line(&ds, &e, &w).unwrap();
    assert!(
        line.contains("B is raised to 10 (at 10, Y comes first)"),
        "{line}"
    );
    assert!(!line.contains("above"), "{line}");
}

#[test]
fn when_no_setting_changes_the_winner_the_sentence_says_so() {
    let v = |id: &str| vec![ver(id, Some("2030-01-01"), &[])];
    let ds = dataset(
        vec![crit("a", scale(10)), crit("b", scale(10))],
        vec![
            opt("x", &[("a", 10.0), ("b", 10.0)], v("x-1")),
            opt("y", &[("a", 1.0), ("b", 1.0)], v("y-1")),
        ],
    );
    let w = [5.0, 5.0];
    let e = evaluate(&Inputs::new(&ds, &w, &MustHaves::default(), today()));
    assert_eq!(
        sensitivity_line(&ds, &e, &w).unwrap(),
        "X stays first whatever any single weight is set to, from 0 to 10."
    );
}

#[test]
fn copy_years_flags_and_the_relax_hint() {
    assert_eq!(years_text(Tr::english(), 1.0), "1 year");
    assert_eq!(years_text(Tr::english(), 2.0), "2 years");
    assert_eq!(years_text(Tr::english(), 2.5), "2.5 years");
    let d = real();
    // A must-have an option fails by a stated no: "Free of charge: no", not "no Free of charge".
    let mut s = Setup::defaults(&d);
    s.try_apply(&d, Change::Flag("free".into(), true)).unwrap();
    s.try_apply(&d, Change::MinYears(Some(1.0))).unwrap();
    let e = eval(&d, &s);
    let reasons: Vec<&String> = e.excluded.iter().flat_map(|x| &x.reasons).collect();
    assert!(
        reasons.iter().any(|r| r.as_str() == "Free of charge: no"),
        "{reasons:?}"
    );
    assert!(
        !reasons.iter().any(|r| r.starts_with("no Free")),
        "{reasons:?}"
    );
    assert!(
        !reasons.iter().any(|r| r.contains("1 years")),
        "{reasons:?}"
    );
    let r = Report::new(&d, &s, &e, today(), "");
    assert!(r
        .must_texts()
        .contains(&"At least 1 year of security updates".to_string()));
    // Nothing left: the headline says so once; the hint only advises.
    let mut none = Setup::defaults(&d);
    none.try_apply(&d, Change::Flag("commercial-support".into(), true))
        .unwrap();
    none.try_apply(&d, Change::MinYears(Some(15.0))).unwrap();
    let e = eval(&d, &none);
    assert!(e.ranking.is_empty());
    assert_eq!(headline(&d, &e), "No option meets every must-have.");
    let hint = e.relax_hint.unwrap();
    assert!(!hint.contains("meets every must-have"), "{hint}");
    assert!(hint.contains("rules out the most"), "{hint}");
}

#[test]
fn a_not_verified_flag_reads_as_such() {
    let v = |id: &str| vec![ver(id, Some("2030-01-01"), &[])];
    let ds = dataset(
        vec![crit("a", scale(10))],
        vec![
            with_flag(
                opt("x", &[("a", 1.0)], v("x-1")),
                "fips",
                FlagState::NotVerified,
            ),
            flags(opt("y", &[("a", 1.0)], v("y-1")), &["fips"]),
        ],
    );
    let must = MustHaves {
        flags: vec!["fips".into()],
        ..MustHaves::default()
    };
    let e = evaluate(&Inputs::new(&ds, &[5.0], &must, today()));
    assert_eq!(
        e.excluded[0].reasons,
        vec!["FIPS 140 validated modules: not verified"]
    );
}

#[test]
fn presets_after_reset_and_on_first_open() {
    let d = real();
    let start = Setup::defaults(&d);
    assert!(!start.customised(&d), "a first open customised nothing");
    let mut v = Visitor::new(start);
    assert!(v.apply(&d, Edit::Change(Change::Preset("production".into()))));
    assert!(v.apply(&d, Edit::Change(Change::Weight(0, 1.0))));
    assert_eq!(v.setup.preset, None, "a hand edit leaves the preset");
    assert!(v.setup.customised(&d));
    assert!(v.apply(&d, Edit::ResetAll));
    assert_eq!(
        v.setup.preset.as_deref(),
        Some("production"),
        "reset all weights returns to it"
    );
    assert_eq!(
        v.setup.weights,
        Setup::defaults(&d)
            .with_preset(&d, "production")
            .unwrap()
            .weights
    );
    assert!(!v.can_reset_all(&d));
    // The same after a must-have was changed too: "Reset all" restores the preset's must-haves.
    assert!(v.apply(&d, Edit::Change(Change::Flag("fips".into(), true))));
    assert!(v.apply(&d, Edit::Change(Change::Weight(2, 0.0))));
    assert!(v.apply(&d, Edit::ResetAll));
    assert_eq!(v.setup.preset.as_deref(), Some("production"));
}
