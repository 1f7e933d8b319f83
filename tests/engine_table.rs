//! Table-driven tests of the decision engine: the harness (`Exp`, `Case`, `check`) lives
//! here; the cases live in `engine_table/` (`scoring.rs`, `migration.rs`) and the original
//! article's conclusion on the embedded dataset in `engine_table/embedded.rs`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "engine_common.rs"]
mod engine_common;

use elcompare::data::{
    from_json_str, Backing, Dataset, Date, FlagState, Method, MustHaves, Upgrade, EMBEDDED_JSON,
};
use elcompare::engine::{evaluate, scoring_text, Evaluation, Inputs, Threshold};
use elcompare::setup::Setup;
use engine_common::*;

/// One expectation about an evaluation. Options and criteria are named by id.
#[derive(Debug, Clone)]
enum Exp {
    /// Ranked option ids, best first (exactly these).
    Ranking(&'static [&'static str]),
    /// Option is excluded and one of its reasons contains the text.
    Excluded(&'static str, &'static str),
    /// Option is excluded with this last security end date.
    Ended(&'static str, &'static str),
    /// Option appears neither ranked nor excluded.
    Absent(&'static str),
    /// Utility of (option, criterion), ±1e-3.
    Utility(&'static str, &'static str, f64),
    /// Detail of (option, criterion) contains the text.
    Detail(&'static str, &'static str, &'static str),
    /// Total of the option, ±1e-6.
    Total(&'static str, f64),
    AllZero(bool),
    NearTie(bool),
    /// Some `why` sentence contains the text.
    Why(&'static str),
    /// Some `why_not` sentence of the option contains the text.
    WhyNot(&'static str, &'static str),
    /// The relax hint contains the text (None: there is no hint).
    Relax(Option<&'static str>),
    /// First-reached threshold of a criterion: Some((weight ±1e-6, rising, new winner)) or NoChange.
    Sens(&'static str, Option<(f64, bool, &'static str)>),
    /// Threshold in the other direction.
    SensOpposite(&'static str, Option<(f64, bool, &'static str)>),
}

struct Case {
    name: &'static str,
    ds: Dataset,
    weights: Vec<f64>,
    must: MustHaves,
    current: Option<&'static str>,
    in_play: Option<Vec<usize>>,
    margin: Option<f64>,
    expect: Vec<Exp>,
}

impl Case {
    fn new(name: &'static str, ds: Dataset, weights: &[f64], expect: Vec<Exp>) -> Self {
        Case {
            name,
            ds,
            weights: weights.to_vec(),
            must: MustHaves::default(),
            current: None,
            in_play: None,
            margin: None,
            expect,
        }
    }
    fn must(mut self, must: MustHaves) -> Self {
        self.must = must;
        self
    }
    fn current(mut self, v: &'static str) -> Self {
        self.current = Some(v);
        self
    }
    fn in_play(mut self, v: &[usize]) -> Self {
        self.in_play = Some(v.to_vec());
        self
    }
    fn margin(mut self, m: f64) -> Self {
        self.margin = Some(m);
        self
    }
}

fn oi(ds: &Dataset, id: &str) -> usize {
    ds.options
        .iter()
        .position(|o| o.id == id)
        .unwrap_or_else(|| panic!("no option {id}"))
}

fn ci(ds: &Dataset, id: &str) -> usize {
    ds.criteria
        .iter()
        .position(|c| c.id == id)
        .unwrap_or_else(|| panic!("no criterion {id}"))
}

fn opt_id(ds: &Dataset, i: usize) -> &str {
    &ds.options[i].id
}

/// Checks every expectation; returns the failures as text.
fn check(case: &Case) -> Vec<String> {
    let ds = &case.ds;
    let mut inputs = Inputs::new(ds, &case.weights, &case.must, today())
        .with_current(case.current)
        .with_in_play(case.in_play.as_deref());
    if let Some(m) = case.margin {
        inputs.near_tie_margin = m;
    }
    let ev = evaluate(&inputs);
    let mut fails = Vec::new();
    let mut fail = |what: String| fails.push(format!("[{}] {what}\n  got: {ev:#?}", case.name));
    let ranked =
        |ev: &Evaluation, id: &str| ev.ranking.iter().find(|r| r.option == oi(ds, id)).cloned();
    for e in &case.expect {
        match e {
            Exp::Ranking(ids) => {
                let got: Vec<&str> = ev.ranking.iter().map(|r| opt_id(ds, r.option)).collect();
                if got != *ids {
                    fail(format!("ranking {got:?}, expected {ids:?}"));
                }
            }
            Exp::Excluded(id, text) => {
                let ok = ev
                    .excluded
                    .iter()
                    .any(|x| x.option == oi(ds, id) && x.reasons.iter().any(|r| r.contains(text)));
                if !ok {
                    fail(format!(
                        "{id} should be excluded with a reason containing {text:?}"
                    ));
                }
            }
            Exp::Ended(id, date) => {
                let ok = ev
                    .excluded
                    .iter()
                    .any(|x| x.option == oi(ds, id) && x.security_ended == Date::parse(date));
                if !ok {
                    fail(format!("{id} should be flagged as ended {date}"));
                }
            }
            Exp::Absent(id) => {
                let i = oi(ds, id);
                if ev.ranking.iter().any(|r| r.option == i)
                    || ev.excluded.iter().any(|x| x.option == i)
                {
                    fail(format!("{id} should not be in play"));
                }
            }
            Exp::Utility(id, c, u) => match ranked(&ev, id) {
                Some(r) if (r.contributions[ci(ds, c)].utility - u).abs() < 1e-3 => {}
                other => fail(format!(
                    "utility of {id}/{c} should be {u}, got {:?}",
                    other.map(|r| r.contributions[ci(ds, c)].utility)
                )),
            },
            Exp::Detail(id, c, text) => match ranked(&ev, id) {
                Some(r) if r.contributions[ci(ds, c)].detail.contains(text) => {}
                other => fail(format!(
                    "detail of {id}/{c} should contain {text:?}, got {:?}",
                    other.map(|r| r.contributions[ci(ds, c)].detail.clone())
                )),
            },
            Exp::Total(id, t) => match ranked(&ev, id) {
                Some(r) if (r.total - t).abs() < 1e-6 => {}
                other => fail(format!(
                    "total of {id} should be {t}, got {:?}",
                    other.map(|r| r.total)
                )),
            },
            Exp::AllZero(b) => {
                if ev.all_weights_zero != *b {
                    fail(format!("all_weights_zero should be {b}"));
                }
            }
            Exp::NearTie(b) => {
                if ev.near_tie != *b {
                    fail(format!("near_tie should be {b}"));
                }
            }
            Exp::Why(text) => {
                if !ev.why.iter().any(|s| s.contains(text)) {
                    fail(format!("why should contain {text:?}"));
                }
            }
            Exp::WhyNot(id, text) => match ranked(&ev, id) {
                Some(r) if r.why_not.iter().any(|s| s.contains(text)) => {}
                _ => fail(format!("why_not of {id} should contain {text:?}")),
            },
            Exp::Relax(text) => match (text, &ev.relax_hint) {
                (None, None) => {}
                (Some(t), Some(h)) if h.contains(t) => {}
                _ => fail(format!("relax hint should be {text:?}")),
            },
            Exp::Sens(c, want) | Exp::SensOpposite(c, want) => {
                let s = &ev.sensitivity[ci(ds, c)];
                let th = if matches!(e, Exp::Sens(..)) {
                    &s.threshold
                } else {
                    &s.opposite
                };
                let ok = match (want, th) {
                    (None, Threshold::NoChange) => true,
                    (
                        Some((w, up, who)),
                        Threshold::At {
                            weight,
                            rising,
                            new_winner,
                        },
                    ) => (weight - w).abs() < 1e-6 && rising == up && *new_winner == oi(ds, who),
                    _ => false,
                };
                if !ok {
                    fail(format!("sensitivity of {c} should be {want:?}, got {th:?}"));
                }
            }
        }
    }
    // Invariants every case must meet.
    for r in &ev.ranking {
        if !(0.0..=100.0).contains(&r.total) {
            fail(format!("total out of range: {}", r.total));
        }
        if ev.ranking.first().map(|w| w.option) != Some(r.option) && r.why_not.is_empty() {
            fail(format!("{} has no why_not", opt_id(ds, r.option)));
        }
    }
    if !ev.ranking.is_empty() && ev.why.is_empty() {
        fail("why is empty".to_string());
    }
    fails
}

fn scale10(id: &str) -> elcompare::data::Criterion {
    crit(id, scale(10))
}

#[path = "engine_table/embedded.rs"]
mod embedded;
#[path = "engine_table/migration.rs"]
mod migration;
#[path = "engine_table/scoring.rs"]
mod scoring;

#[test]
fn table() {
    let mut cases = scoring::cases();
    cases.push(migration::migration_into_ended_version_case());
    let fails: Vec<String> = cases.iter().flat_map(check).collect();
    assert!(
        fails.is_empty(),
        "{} failure(s):\n{}",
        fails.len(),
        fails.join("\n")
    );
    assert!(cases.len() >= 18, "table shrank: {}", cases.len());
}

#[test]
fn scoring_text_covers_every_kind() {
    for c in [
        crit("a", scale(10)),
        crit("b", number(0.0, 60.0, false, "days")),
        crit("c", yes_no()),
        crit("d", years_left(10.0)),
        crit("e", migration()),
    ] {
        let t = scoring_text(elcompare::i18n::Tr::english(), &c);
        assert!(t.len() > 30 && t.ends_with('.'), "{t}");
    }
    assert!(scoring_text(
        elcompare::i18n::Tr::english(),
        &crit("b", number(0.0, 60.0, false, "days"))
    )
    .contains("60 days (nothing) to 0 days"));
    assert!(
        scoring_text(elcompare::i18n::Tr::english(), &crit("d", years_left(10.0)))
            .contains("10 or more years")
    );
}
