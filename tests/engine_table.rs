//! Table-driven tests of the decision engine: small datasets built in Rust, one `check` helper;
//! then the original article's conclusion on the embedded dataset.
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

fn cases() -> Vec<Case> {
    use Exp::*;
    let two_scale = || {
        dataset(
            vec![scale10("stability"), scale10("freshness")],
            vec![
                opt(
                    "alma",
                    &[("stability", 9.0), ("freshness", 3.0)],
                    vec![ver("alma-9", Some("2035-05-31"), &["x86_64"])],
                ),
                opt(
                    "stream",
                    &[("stability", 5.0), ("freshness", 10.0)],
                    vec![ver("stream-10", Some("2030-05-31"), &["x86_64"])],
                ),
            ],
        )
    };
    vec![
        Case::new(
            "scale: rating / max, totals, why and why-not",
            two_scale(),
            &[10.0, 0.0],
            vec![
                Ranking(&["alma", "stream"]),
                Utility("alma", "stability", 0.9),
                Utility("stream", "stability", 0.5),
                Detail("alma", "stability", "9/10"),
                Total("alma", 90.0),
                Total("stream", 50.0),
                Why("Stability: 9/10 vs 5/10 (+40.0 points)"),
                WhyNot("stream", "Stability: 5/10 vs 9/10 for Alma (−40.0 points)"),
                NearTie(false),
                AllZero(false),
            ],
        ),
        Case::new(
            "sensitivity: exact crossing in both directions",
            two_scale(),
            // alma 0.9·6 + 0.3·4 = 6.6, stream 0.5·6 + 1.0·4 = 7.0 → stream wins 70 vs 66.
            // Stability: alma wins once 0.9w + 1.2 > 0.5w + 4 → w > 7. Freshness: stream loses once
            // 5.4 + 0.3w < 3 + w → never below... 5.4 + 0.3w = 3 + w at w = 24/7 ≈ 3.4286 (falling).
            &[6.0, 4.0],
            vec![
                Ranking(&["stream", "alma"]),
                Sens("stability", Some((7.0, true, "alma"))),
                SensOpposite("stability", None),
                Sens("freshness", Some((24.0 / 7.0, false, "alma"))),
                SensOpposite("freshness", None),
            ],
        ),
        Case::new(
            "sensitivity: dominance means no change",
            dataset(
                vec![scale10("a"), scale10("b")],
                vec![
                    opt(
                        "good",
                        &[("a", 9.0), ("b", 9.0)],
                        vec![ver("g", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "bad",
                        &[("a", 1.0), ("b", 2.0)],
                        vec![ver("b", Some("2035-01-01"), &[])],
                    ),
                ],
            ),
            &[5.0, 5.0],
            vec![Ranking(&["good", "bad"]), Sens("a", None), Sens("b", None)],
        ),
        Case::new(
            "number: linear, clamped, lower is better",
            dataset(
                vec![
                    crit("lag", number(0.0, 60.0, false, "days")),
                    crit("cores", number(2.0, 10.0, true, "")),
                ],
                vec![
                    opt(
                        "fast",
                        &[("lag", 10.0), ("cores", 1.0)],
                        vec![ver("f", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "slow",
                        &[("lag", 90.0), ("cores", 6.0)],
                        vec![ver("s", Some("2035-01-01"), &[])],
                    ),
                ],
            ),
            &[1.0, 1.0],
            vec![
                Utility("fast", "lag", 50.0 / 60.0),
                Utility("slow", "lag", 0.0),
                Utility("fast", "cores", 0.0),
                Utility("slow", "cores", 0.5),
                Detail("fast", "lag", "10 days"),
                Detail("slow", "cores", "6"),
                Ranking(&["fast", "slow"]),
            ],
        ),
        Case::new(
            "yes/no and a missing rating",
            dataset(
                vec![crit("fips", yes_no()), scale10("stability")],
                vec![
                    opt(
                        "yes",
                        &[("fips", 1.0)],
                        vec![ver("y", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "no",
                        &[("fips", 0.0), ("stability", 4.0)],
                        vec![ver("n", Some("2035-01-01"), &[])],
                    ),
                ],
            ),
            &[1.0, 1.0],
            vec![
                Utility("yes", "fips", 1.0),
                Detail("yes", "fips", "yes"),
                Utility("no", "fips", 0.0),
                Detail("no", "fips", "no"),
                Utility("yes", "stability", 0.0),
                Detail("yes", "stability", "no rating"),
                Ranking(&["yes", "no"]),
                Total("yes", 50.0),
                Total("no", 20.0),
            ],
        ),
        Case::new(
            "years left: latest security end, undated versions named and not counted, capped; EOL excluded and flagged",
            dataset(
                vec![crit("years", years_left(10.0))],
                vec![
                    opt(
                        "five",
                        &[],
                        vec![
                            ver("five-8", Some("2029-11-29"), &[]),
                            ver("five-9", Some("2031-11-29"), &[]),
                            ver("five-10", None, &[]),
                        ],
                    ),
                    opt("long", &[], vec![ver("long-1", Some("2046-11-29"), &[])]),
                    opt("undated", &[], vec![ver("undated-1", None, &[])]),
                    // Its dated versions have ended but a newer one has no published end: it is
                    // not known to have ended, and scores nothing for the unknown years.
                    opt(
                        "revived",
                        &[],
                        vec![ver("revived-7", Some("2024-06-30"), &[]), ver("revived-8", None, &[])],
                    ),
                    opt(
                        "dead",
                        &[],
                        vec![
                            ver("dead-7", Some("2024-06-30"), &[]),
                            ver("dead-6", Some("2020-11-30"), &[]),
                        ],
                    ),
                ],
            ),
            &[1.0],
            vec![
                Ranking(&["long", "five", "undated", "revived"]),
                Utility("five", "years", 0.5),
                // Five 10's end is unknown: shown and scored as unknown, never Five 9's date.
                Detail(
                    "five",
                    "years",
                    "5.0 years left (Five 9, until 2031-11-29; Five 10: end not published, not counted)",
                ),
                Utility("revived", "years", 0.0),
                Detail(
                    "revived",
                    "years",
                    "security updates ended 2024-06-30 (Revived 8: end not published, not counted)",
                ),
                Utility("long", "years", 1.0),
                Utility("undated", "years", 0.0),
                Detail("undated", "years", "no published end"),
                Excluded("dead", "security updates ended 2024-06-30"),
                Ended("dead", "2024-06-30"),
            ],
        ),
        Case::new(
            "legacy options are never recommended",
            dataset(
                vec![scale10("stability")],
                vec![
                    legacy(opt(
                        "old",
                        &[("stability", 10.0)],
                        vec![ver("old-7", Some("2030-01-01"), &[])],
                    )),
                    opt(
                        "new",
                        &[("stability", 2.0)],
                        vec![ver("new-9", Some("2030-01-01"), &[])],
                    ),
                ],
            ),
            &[1.0],
            vec![
                Ranking(&["new"]),
                Excluded("old", "legacy"),
                Why("only option left"),
            ],
        ),
        Case::new(
            "must-haves: flag, arch of the longest-supported version, minimum years",
            dataset(
                vec![scale10("stability")],
                vec![
                    flags(
                        opt(
                            "paid",
                            &[("stability", 5.0)],
                            vec![ver("paid-9", Some("2035-01-01"), &["x86_64", "s390x"])],
                        ),
                        &["commercial-support"],
                    ),
                    with_flag(
                        opt(
                            "free",
                            &[("stability", 9.0)],
                            vec![ver("free-9", Some("2035-01-01"), &["x86_64", "s390x"])],
                        ),
                        "commercial-support",
                        FlagState::No,
                    ),
                    with_flag(
                        opt(
                            "unsure",
                            &[("stability", 9.0)],
                            vec![ver("unsure-9", Some("2035-01-01"), &["x86_64", "s390x"])],
                        ),
                        "commercial-support",
                        FlagState::NotVerified,
                    ),
                    flags(
                        opt(
                            "newer",
                            &[("stability", 9.0)],
                            vec![
                                ver("newer-9", Some("2029-11-29"), &["s390x"]),
                                ver("newer-10", None, &["s390x"]),
                            ],
                        ),
                        &["commercial-support"],
                    ),
                    flags(
                        opt(
                            "oldarch",
                            &[("stability", 9.0)],
                            vec![
                                ver("oldarch-8", Some("2029-01-01"), &["s390x"]),
                                ver("oldarch-9", Some("2035-01-01"), &["x86_64"]),
                            ],
                        ),
                        &["commercial-support"],
                    ),
                    flags(
                        opt(
                            "short",
                            &[("stability", 9.0)],
                            vec![ver("short-9", Some("2029-11-29"), &["s390x"])],
                        ),
                        &["commercial-support"],
                    ),
                ],
            ),
            &[1.0],
            vec![
                Ranking(&["paid"]),
                // A must-have says whether a "no" or a "not verified" excluded the option.
                Excluded("free", "no First-party commercial support"),
                Excluded("unsure", "First-party commercial support not verified"),
                Excluded(
                    "newer",
                    "only 3.0 years of published security updates left (need 5); Newer 10's end is not published",
                ),
                Excluded("oldarch", "no s390x build of Oldarch 9"),
                Excluded("short", "only 3.0 years of published security updates left (need 5)"),
                Relax(None),
            ],
        )
        .must(MustHaves {
            flags: vec!["commercial-support".into()],
            arch: Some("s390x".into()),
            min_years: Some(5.0),
        }),
        Case::new(
            "relax hint names the must-have that removes the most",
            dataset(
                vec![scale10("stability")],
                vec![
                    flags(
                        opt("a", &[], vec![ver("a-9", Some("2035-01-01"), &["s390x"])]),
                        &["free"],
                    ),
                    flags(
                        opt("b", &[], vec![ver("b-9", Some("2035-01-01"), &["s390x"])]),
                        &["free"],
                    ),
                    flags(
                        opt("c", &[], vec![ver("c-9", Some("2035-01-01"), &["x86_64"])]),
                        &["commercial-support"],
                    ),
                    legacy(opt(
                        "d",
                        &[],
                        vec![ver("d-9", Some("2035-01-01"), &["x86_64"])],
                    )),
                ],
            ),
            &[1.0],
            vec![
                Ranking(&[]),
                // "a" states nothing about support: not verified, never counted as yes.
                Excluded("a", "First-party commercial support not verified"),
                Excluded("c", "no s390x build"),
                Relax(Some(
                    "“First-party commercial support” rules out the most (2 of 3)",
                )),
            ],
        )
        .must(MustHaves {
            flags: vec!["commercial-support".into()],
            arch: Some("s390x".into()),
            min_years: None,
        }),
        Case::new(
            "all weights zero (negative and NaN count as zero): every option ties",
            two_scale(),
            &[-3.0, f64::NAN],
            vec![
                AllZero(true),
                Ranking(&["alma", "stream"]),
                Total("alma", 0.0),
                Total("stream", 0.0),
                NearTie(true),
                Why("zero"),
                // Raising either weight from zero picks the best on that criterion.
                Sens("stability", None),
                Sens("freshness", Some((0.0, true, "stream"))),
            ],
        ),
        Case::new(
            "near tie within the default margin",
            two_scale(),
            // alma 0.9·1 + 0.3·1 = 1.2 → 60; stream 0.5 + 1.0 = 1.5 → 75. Use 5:4 instead:
            // alma (4.5 + 1.2)/9 = 63.33, stream (2.5 + 4)/9 = 72.2 — not near. 10:3 → 76.15 vs 61.5.
            // 7:3 → alma (6.3 + 0.9)/10 = 72, stream (3.5 + 3)/10 = 65. 6:3 → 70 vs 66.67.
            // 5.6:3 → alma (5.04 + 0.9)/8.6 = 69.07, stream (2.8 + 3)/8.6 = 67.44: within 2.
            &[5.6, 3.0],
            vec![Ranking(&["alma", "stream"]), NearTie(true)],
        ),
        Case::new(
            "margin is configurable",
            two_scale(),
            &[5.6, 3.0],
            vec![NearTie(false)],
        )
        .margin(1.0),
        Case::new(
            "a clear lead is not a near tie",
            two_scale(),
            &[7.0, 3.0],
            vec![NearTie(false)],
        ),
        Case::new(
            "identical options tie; list order decides and the reasons say so",
            dataset(
                vec![scale10("a")],
                vec![
                    opt(
                        "first",
                        &[("a", 5.0)],
                        vec![ver("f", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "second",
                        &[("a", 5.0)],
                        vec![ver("s", Some("2035-01-01"), &[])],
                    ),
                ],
            ),
            &[3.0],
            vec![
                Ranking(&["first", "second"]),
                Why("Ties with"),
                WhyNot("second", "list order"),
                Sens("a", None),
            ],
        ),
        Case::new(
            "falling to zero ties everyone: list order decides the new winner",
            dataset(
                vec![scale10("a"), crit("migration", migration())],
                vec![
                    opt(
                        "first",
                        &[("a", 3.0)],
                        vec![ver("f", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "zero",
                        &[("a", 0.0)],
                        vec![ver("z", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "best",
                        &[("a", 4.0)],
                        vec![ver("b", Some("2035-01-01"), &[])],
                    ),
                ],
            ),
            &[0.5, 0.5],
            vec![
                Ranking(&["best", "first", "zero"]),
                Sens("a", Some((0.0, false, "first"))),
                Sens("migration", None),
            ],
        ),
        Case::new(
            "nothing in play: nothing ranked, nothing to relax",
            two_scale(),
            &[1.0, 1.0],
            vec![Ranking(&[]), Absent("alma"), Absent("stream"), Relax(None)],
        )
        .in_play(&[]),
        Case::new(
            "only legacy or ended options in play: the hint says to add one",
            dataset(
                vec![scale10("a")],
                vec![
                    legacy(opt("old", &[], vec![ver("old-7", Some("2030-01-01"), &[])])),
                    opt("dead", &[], vec![ver("dead-1", Some("2025-01-01"), &[])]),
                    opt("alive", &[], vec![ver("alive-1", Some("2030-01-01"), &[])]),
                ],
            ),
            &[1.0],
            vec![
                Ranking(&[]),
                Excluded("dead", "ended 2025-01-01"),
                Relax(Some("Add another")),
            ],
        )
        .in_play(&[0, 1]),
        Case::new(
            "number with min = max: full marks on the good side only; unknown current version",
            dataset(
                vec![
                    crit("n", number(5.0, 5.0, true, "")),
                    crit("migration", migration()),
                ],
                vec![
                    opt(
                        "hi",
                        &[("n", 6.0)],
                        vec![ver("hi-1", Some("2035-01-01"), &[])],
                    ),
                    opt(
                        "lo",
                        &[("n", 4.0)],
                        vec![ver("lo-1", Some("2035-01-01"), &[])],
                    ),
                ],
            ),
            &[1.0, 1.0],
            vec![
                Utility("hi", "n", 1.0),
                Utility("lo", "n", 0.0),
                Utility("lo", "migration", 0.2),
                Detail("hi", "migration", "no route found: reinstall"),
            ],
        )
        .current("no-such-version"),
        Case::new(
            "weights longer or shorter than the criteria are tolerated",
            two_scale(),
            &[10.0],
            vec![Ranking(&["alma", "stream"]), Total("alma", 90.0)],
        ),
        migration_case(None),
        migration_case(Some("src-7")),
        Case::new(
            "migration: already running a supported version of it",
            migration_dataset(),
            &[0.0, 1.0],
            vec![
                Utility("same", "migration", 1.0),
                Detail("same", "migration", "already running it (security updates to 2028-06-30) — or reinstall on Same 9 for updates to 2035-01-01"),
                Detail("major", "migration", "reinstall on Major 8 (no in-place route to a supported version; security updates to 2035-01-01)"),
            ],
        )
        .current("same-7"),
        Case::new(
            "in play: only the listed options are considered",
            two_scale(),
            &[10.0, 0.0],
            vec![Ranking(&["stream"]), Absent("alma")],
        )
        .in_play(&[1, 7, 1]),
    ]
}

/// Options reachable from `src-7` by each kind of path; migration weight only.
fn migration_dataset() -> Dataset {
    let mut ds = dataset(
        vec![scale10("stability"), crit("migration", migration())],
        vec![
            legacy(opt(
                "src",
                &[],
                vec![
                    ver("src-7", Some("2024-06-30"), &[]),
                    ver("src-8", Some("2021-12-31"), &[]),
                ],
            )),
            opt(
                "major",
                &[],
                vec![
                    ver("major-8", Some("2035-01-01"), &[]),
                    ver("major-9", Some("2035-01-01"), &[]),
                ],
            ),
            opt(
                "same",
                &[],
                vec![
                    ver("same-7", Some("2028-06-30"), &[]),
                    ver("same-9", Some("2035-01-01"), &[]),
                ],
            ),
            opt(
                "reinst",
                &[],
                vec![ver("reinst-9", Some("2035-01-01"), &[])],
            ),
            opt(
                "nopath",
                &[],
                vec![ver("nopath-9", Some("2035-01-01"), &[])],
            ),
            opt(
                "community",
                &[],
                vec![ver("community-8", Some("2035-01-01"), &[])],
            ),
        ],
    );
    ds.tools = vec![
        tool("convert", "Convert2Same"),
        tool("leapp", "Leapp"),
        tool("elevate", "ELevate"),
    ];
    ds.migrations = vec![
        mig(
            "src-7",
            "reinst-9",
            None,
            Method::Reinstall,
            Upgrade::Major,
            Backing::Official,
        ),
        mig(
            "src-7",
            "major-8",
            Some("leapp"),
            Method::InPlace,
            Upgrade::Major,
            Backing::Official,
        ),
        mig(
            "src-7",
            "major-9",
            None,
            Method::Reinstall,
            Upgrade::Major,
            Backing::Official,
        ),
        mig(
            "src-7",
            "same-7",
            Some("convert"),
            Method::InPlace,
            Upgrade::SameMajor,
            Backing::Official,
        ),
        mig(
            "src-7",
            "same-9",
            Some("elevate"),
            Method::InPlace,
            Upgrade::Major,
            Backing::Community,
        ),
        mig(
            "src-7",
            "community-8",
            Some("elevate"),
            Method::InPlace,
            Upgrade::Major,
            Backing::Community,
        ),
        mig(
            "src-8",
            "nopath-9",
            None,
            Method::Reinstall,
            Upgrade::Major,
            Backing::Official,
        ),
    ];
    ds
}

fn migration_case(current: Option<&'static str>) -> Case {
    use Exp::*;
    let case = match current {
        None => Case::new(
            "migration: a new install scores every option fully",
            migration_dataset(),
            &[0.0, 1.0],
            vec![
                Ranking(&["major", "same", "reinst", "nopath", "community"]),
                Detail("reinst", "migration", "new install"),
                Total("nopath", 100.0),
                Excluded("src", "legacy"),
            ],
        ),
        Some(_) => Case::new(
            "migration: the route rule (latest landing on a tie) and each step kind's ease",
            migration_dataset(),
            &[0.0, 1.0],
            vec![
                Ranking(&["major", "same", "community", "reinst", "nopath"]),
                // Two one-step routes: the later landing (Same 9, community) beats the
                // same-major official one (Same 7, ends 2028).
                Utility("same", "migration", 0.5),
                Detail("same", "migration", "Same 9 via ELevate (1 step, community; security updates to 2035-01-01)"),
                Utility("major", "migration", 0.6),
                Detail("major", "migration", "Major 8 via Leapp (1 step, official; security updates to 2035-01-01)"),
                Utility("community", "migration", 0.5),
                Detail("community", "migration", "Community 8 via ELevate (1 step, community; security updates to 2035-01-01)"),
                // Listed reinstall paths add nothing: a reinstall is always possible.
                Utility("reinst", "migration", 0.2),
                Detail("reinst", "migration", "reinstall on Reinst 9 (no in-place route to a supported version; security updates to 2035-01-01)"),
                Utility("nopath", "migration", 0.2),
                Detail("nopath", "migration", "reinstall on Nopath 9"),
                Why("Migration: Major 8 via Leapp"),
                WhyNot("nopath", "Migration: reinstall on Nopath 9 (no in-place route to a supported version; security updates to 2035-01-01) vs Major 8 via Leapp"),
            ],
        ),
    };
    match current {
        Some(c) => case.current(c),
        None => case,
    }
}

/// A path into a version past its security end is skipped; the option falls back to a reinstall.
fn migration_into_ended_version_case() -> Case {
    use Exp::*;
    let mut ds = migration_dataset();
    ds.options.push(opt(
        "stale",
        &[],
        vec![
            ver("stale-7", Some("2024-01-01"), &[]),
            ver("stale-9", Some("2035-01-01"), &[]),
        ],
    ));
    ds.migrations.push(mig(
        "src-7",
        "stale-7",
        Some("convert"),
        Method::InPlace,
        Upgrade::SameMajor,
        Backing::Official,
    ));
    Case::new(
        "migration: a path into an ended version does not count",
        ds,
        &[0.0, 1.0],
        vec![
            Utility("stale", "migration", 0.2),
            Detail(
                "stale",
                "migration",
                "reinstall on Stale 9 (no in-place route to a supported version",
            ),
            Utility("same", "migration", 0.5),
        ],
    )
    .current("src-7")
}

#[test]
fn table() {
    let mut cases = cases();
    cases.push(migration_into_ended_version_case());
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
        let t = scoring_text(&c);
        assert!(t.len() > 30 && t.ends_with('.'), "{t}");
    }
    assert!(scoring_text(&crit("b", number(0.0, 60.0, false, "days")))
        .contains("60 days (nothing) to 0 days"));
    assert!(scoring_text(&crit("d", years_left(10.0))).contains("10 or more years"));
}

// ---- The original article's conclusion, on the embedded dataset ----

fn embedded() -> Dataset {
    from_json_str(EMBEDDED_JSON).unwrap_or_else(|p| panic!("embedded dataset is invalid: {p:?}"))
}

fn winner_with_preset(ds: &Dataset, preset: &str) -> String {
    let p = ds
        .presets
        .iter()
        .find(|p| p.id == preset)
        .unwrap_or_else(|| panic!("no preset {preset}"));
    let w = preset_setup(ds, &p.id).weights;
    let inputs = Inputs::new(ds, &w, &p.must, today()).with_current(p.current.as_deref());
    let ev = evaluate(&inputs);
    let first = ev
        .ranking
        .first()
        .unwrap_or_else(|| panic!("{preset}: nothing ranked: {ev:#?}"));
    ds.options[first.option].id.clone()
}

#[test]
fn article_production_does_not_pick_centos_stream() {
    let ds = embedded();
    let w = winner_with_preset(&ds, "production");
    assert_ne!(
        w, "centos-stream",
        "stable production must not rank CentOS Stream first"
    );
}

#[test]
fn article_early_access_picks_centos_stream() {
    let ds = embedded();
    assert_eq!(winner_with_preset(&ds, "early-access"), "centos-stream");
}

#[test]
fn embedded_every_preset_evaluates_cleanly() {
    let ds = embedded();
    for p in &ds.presets {
        let w = preset_setup(&ds, &p.id).weights;
        let ev =
            evaluate(&Inputs::new(&ds, &w, &p.must, today()).with_current(p.current.as_deref()));
        assert!(!ev.ranking.is_empty(), "{}: nothing ranked", p.id);
        assert_eq!(ev.sensitivity.len(), ds.criteria.len());
        for r in &ev.ranking {
            assert!((0.0..=100.0).contains(&r.total), "{}: {}", p.id, r.total);
            assert!(
                ds.options[r.option].role != elcompare::data::Role::Legacy,
                "{}: legacy ranked",
                p.id
            );
        }
        if let Some(cur) = &p.current {
            // A migration preset names a tool for at least one option.
            let mi = ds.criteria.iter().position(|c| c.id == "migration");
            if let Some(mi) = mi {
                let named = ev
                    .ranking
                    .iter()
                    .any(|r| r.contributions[mi].detail.contains(" via "));
                assert!(named, "{} (from {cur}): no in-place tool named", p.id);
            }
        }
    }
}

/// The setup a visitor gets by choosing preset `id` (the production code path).
fn preset_setup(ds: &Dataset, id: &str) -> Setup {
    Setup::defaults(ds)
        .with_preset(ds, id)
        .unwrap_or_else(|| panic!("no preset {id}"))
}
