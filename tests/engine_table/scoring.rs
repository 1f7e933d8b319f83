//! Table cases of `tests/engine_table.rs` (weights, kinds, must-haves, sensitivity, explanations).

use super::migration::{migration_case, migration_dataset};
use super::*;

pub(super) fn cases() -> Vec<Case> {
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
                Why("Stability: 9/10 vs 5/10 for Stream (+40.0 points)"),
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
                Excluded("free", "First-party commercial support: no"),
                Excluded("unsure", "First-party commercial support: not verified"),
                Excluded(
                    "newer",
                    "only 3.0 years of published security updates left (need 5 years); Newer 10's end is not published",
                ),
                Excluded("oldarch", "no s390x build of Oldarch 9"),
                Excluded("short", "only 3.0 years of published security updates left (need 5 years)"),
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
                Excluded("a", "First-party commercial support: not verified"),
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
                WhyNot("second", "listed in the dataset's order"),
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
