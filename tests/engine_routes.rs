//! Migration routes (`engine::route::plan`) as tables: small synthetic datasets for each rule,
//! and the embedded dataset for the systems people migrate from. Also checks that the score,
//! the explanation and the planner's data come from the same route.
#![cfg(not(target_arch = "wasm32"))]

mod engine_common;

use elcompare::data::{
    from_json_str, Backing, Dataset, Extended, Method, MustHaves, Status, Upgrade, Waypoint,
    EMBEDDED_JSON,
};
use elcompare::engine::{evaluate, route, Inputs, Landing, Plan, Step};
use engine_common::*;

use Backing::{Community, Official, Unsupported};
use Upgrade::{Major, SameMajor};

fn path(
    from: &str,
    to: &str,
    tool_id: &str,
    up: Upgrade,
    b: Backing,
) -> elcompare::data::Migration {
    mig(from, to, Some(tool_id), Method::InPlace, up, b)
}

/// `src` (legacy, ended) and targets `a` (a-7 ended, a-8, a-9), `b`, `c`; paths added per case.
fn base() -> Dataset {
    let mut ds = dataset(
        vec![
            crit("years-left", years_left(10.0)),
            crit("migration", migration()),
        ],
        vec![
            legacy(opt(
                "src",
                &[],
                vec![ver("src-7", Some("2024-06-30"), &["x86_64"])],
            )),
            opt(
                "a",
                &[],
                vec![
                    ver("a-7", Some("2024-06-30"), &["x86_64"]),
                    ver("a-8", Some("2029-05-31"), &["x86_64"]),
                    ver("a-9", Some("2032-05-31"), &["x86_64", "aarch64"]),
                ],
            ),
            opt(
                "b",
                &[],
                vec![
                    ver("b-8", Some("2029-05-31"), &["x86_64"]),
                    ver("b-10", Some("2035-05-31"), &["x86_64"]),
                ],
            ),
            opt(
                "c",
                &[],
                vec![
                    ver("c-8", Some("2029-05-31"), &["x86_64"]),
                    ver("c-10", None, &["x86_64"]),
                ],
            ),
        ],
    );
    ds.tools = ["t", "u", "v", "w"]
        .iter()
        .map(|t| tool(t, &t.to_uppercase()))
        .collect();
    ds
}

/// What a plan should be: landing version id, tool ids of its steps ("reinstall" for one),
/// utility, and the alternative's landing version id.
struct Want {
    landing: &'static str,
    steps: &'static [&'static str],
    utility: f64,
    alternative: Option<&'static str>,
}

struct Case {
    name: &'static str,
    ds: Dataset,
    current: &'static str,
    option: &'static str,
    landing: Landing<'static>,
    want: Option<Want>,
}

fn want(
    landing: &'static str,
    steps: &'static [&'static str],
    utility: f64,
    alternative: Option<&'static str>,
) -> Option<Want> {
    Some(Want {
        landing,
        steps,
        utility,
        alternative,
    })
}

fn with(paths: Vec<elcompare::data::Migration>) -> Dataset {
    let mut ds = base();
    ds.migrations = paths;
    ds
}

fn plan_of(ds: &Dataset, current: &str, option: &str, l: &Landing) -> Option<Plan> {
    let oi = ds.options.iter().position(|o| o.id == option)?;
    route::plan(ds, current, oi, today(), l)
}

/// (landing id, step tool ids) of a plan's best route.
fn shape(ds: &Dataset, option: &str, p: &Plan) -> (String, Vec<String>) {
    let o = ds.options.iter().find(|o| o.id == option).expect("option");
    let landing = o.versions[p.best.version].id.clone();
    let steps = p
        .best
        .steps
        .iter()
        .map(|s| match s {
            Step::Reinstall => "reinstall".to_string(),
            Step::Path(i) => ds.migrations[*i].tool.clone().unwrap_or_default(),
        })
        .collect();
    (landing, steps)
}

fn cases() -> Vec<Case> {
    let none = Landing::default();
    vec![
        Case {
            name: "already running a supported version: no steps, full ease; a longer reinstall is the alternative",
            ds: with(vec![]),
            current: "a-8",
            option: "a",
            landing: none,
            want: want("a-8", &[], 1.0, Some("a-9")),
        },
        Case {
            name: "no path: reinstall on the longest-supported version, no alternative",
            ds: with(vec![]),
            current: "src-7",
            option: "b",
            landing: none,
            want: want("b-10", &["reinstall"], 0.2, None),
        },
        Case {
            name: "one official major step; the reinstall that lasts longer is the alternative",
            ds: with(vec![path("src-7", "a-8", "t", Major, Official)]),
            current: "src-7",
            option: "a",
            landing: none,
            want: want("a-8", &["t"], 0.6, Some("a-9")),
        },
        Case {
            name: "fewest steps before the longest support",
            ds: with(vec![
                path("src-7", "a-8", "t", Major, Official),
                path("a-8", "a-9", "t", Major, Official),
            ]),
            current: "src-7",
            option: "a",
            landing: none,
            want: want("a-8", &["t"], 0.6, Some("a-9")),
        },
        Case {
            name: "a chain through an ended version of the same option (same major, then major)",
            ds: with(vec![
                path("src-7", "a-7", "u", SameMajor, Official),
                path("a-7", "a-8", "v", Major, Official),
            ]),
            current: "src-7",
            option: "a",
            landing: none,
            // 1.0 × 0.6 × 0.9 for the second step.
            want: want("a-8", &["u", "v"], 0.54, Some("a-9")),
        },
        Case {
            name: "on equal steps the later landing wins",
            ds: with(vec![
                path("src-7", "a-8", "t", SameMajor, Official),
                path("src-7", "a-9", "u", Major, Community),
            ]),
            current: "src-7",
            option: "a",
            landing: none,
            want: want("a-9", &["u"], 0.5, None),
        },
        Case {
            name: "an unsupported step loses to a supported two-step chain",
            ds: with(vec![
                path("src-7", "a-9", "w", SameMajor, Unsupported),
                path("src-7", "a-7", "u", SameMajor, Official),
                path("a-7", "a-8", "v", Major, Official),
            ]),
            current: "src-7",
            option: "a",
            landing: none,
            want: want("a-8", &["u", "v"], 0.54, Some("a-9")),
        },
        Case {
            name: "only an unsupported step: the reinstall wins",
            ds: with(vec![path("src-7", "b-8", "w", SameMajor, Unsupported)]),
            current: "src-7",
            option: "b",
            landing: none,
            want: want("b-10", &["reinstall"], 0.2, None),
        },
        Case {
            name: "longer than the step bound: not a route",
            ds: with(vec![
                path("src-7", "a-7", "t", SameMajor, Official),
                path("a-7", "src-7", "t", SameMajor, Official),
                path("a-7", "b-8", "u", SameMajor, Official),
            ]),
            current: "src-7",
            option: "b",
            landing: none,
            // a-7 belongs to neither src nor b: switching vendor twice is no route.
            want: want("b-10", &["reinstall"], 0.2, None),
        },
        Case {
            name: "three steps are the most",
            ds: {
                let mut ds = with(vec![
                    path("src-7", "a-7", "t", SameMajor, Official),
                    path("a-7", "a-8", "u", Major, Official),
                    path("a-8", "a-9", "v", Major, Official),
                ]);
                ds.options[1].versions[1].security_end = Some(day("2025-01-01"));
                ds
            },
            current: "src-7",
            option: "a",
            landing: none,
            // 1.0 × 0.6 × 0.6 × 0.9² = 0.2916
            want: want("a-9", &["t", "u", "v"], 0.2916, None),
        },
        Case {
            name: "a fourth step is not taken",
            ds: {
                let mut ds = with(vec![
                    path("src-7", "a-7", "t", SameMajor, Official),
                    path("a-7", "a-8", "u", Major, Official),
                    path("a-8", "a-9", "v", Major, Official),
                    path("a-9", "b-10", "w", Major, Official),
                ]);
                ds.options[1].versions[1].security_end = Some(day("2025-01-01"));
                ds.options[1].versions[2].security_end = Some(day("2025-01-01"));
                ds
            },
            current: "src-7",
            option: "a",
            landing: none,
            want: None,
        },
        Case {
            name: "a long chain scores no lower than a reinstall",
            ds: {
                let mut ds = with(vec![
                    path("src-7", "a-7", "t", Major, Community),
                    path("a-7", "a-8", "u", Major, Community),
                    path("a-8", "a-9", "v", Major, Community),
                ]);
                ds.options[1].versions[1].security_end = Some(day("2025-01-01"));
                ds
            },
            current: "src-7",
            option: "a",
            landing: none,
            want: want("a-9", &["t", "u", "v"], 0.2, None),
        },
        Case {
            name: "a path into an ended version is no landing; paid support counted makes it one",
            ds: {
                let mut ds = with(vec![path("src-7", "a-7", "t", SameMajor, Official)]);
                ds.options[1].versions[0].extended = vec![els("2028-06-30")];
                ds
            },
            current: "src-7",
            option: "a",
            landing: Landing { count_paid: true, ..none },
            want: want("a-7", &["t"], 1.0, Some("a-9")),
        },
        Case {
            name: "without paid support counted the ended version is skipped",
            ds: {
                let mut ds = with(vec![path("src-7", "a-7", "t", SameMajor, Official)]);
                ds.options[1].versions[0].extended = vec![els("2028-06-30")];
                ds
            },
            current: "src-7",
            option: "a",
            landing: none,
            want: want("a-9", &["reinstall"], 0.2, None),
        },
        Case {
            name: "the years must-have moves the landing further",
            ds: with(vec![
                path("src-7", "a-8", "t", Major, Official),
                path("a-8", "a-9", "t", Major, Official),
            ]),
            current: "src-7",
            option: "a",
            landing: Landing { min_years: Some(4.0), ..none },
            want: want("a-9", &["t", "t"], 0.324, None),
        },
        Case {
            name: "the arch must-have applies to the landing version",
            ds: with(vec![path("src-7", "a-8", "t", Major, Official)]),
            current: "src-7",
            option: "a",
            landing: Landing { arch: Some("aarch64"), ..none },
            want: want("a-9", &["reinstall"], 0.2, None),
        },
        Case {
            name: "no version meets the must-haves: no plan",
            ds: with(vec![]),
            current: "src-7",
            option: "b",
            landing: Landing { min_years: Some(20.0), ..none },
            want: None,
        },
        Case {
            name: "through a waypoint of the target option, never onto it",
            ds: {
                let mut ds = with(vec![
                    path("src-7", "c-7", "t", SameMajor, Official),
                    path("c-7", "c-8", "u", Major, Official),
                ]);
                ds.waypoints = vec![Waypoint {
                    id: "c-7".into(),
                    name: "C 7".into(),
                    option: "c".into(),
                    note: None,
                    sources: vec![],
                }];
                ds
            },
            current: "src-7",
            option: "c",
            landing: none,
            // c-10 publishes no end, so it is no "longer" alternative.
            want: want("c-8", &["t", "u"], 0.54, None),
        },
        Case {
            name: "an unpublished end ranks after a published one",
            ds: with(vec![]),
            current: "src-7",
            option: "c",
            landing: none,
            want: want("c-8", &["reinstall"], 0.2, None),
        },
        Case {
            name: "an unknown current version has no plan",
            ds: with(vec![]),
            current: "nope-1",
            option: "a",
            landing: none,
            want: None,
        },
    ]
}

fn els(until: &str) -> Extended {
    Extended {
        vendor: "V".into(),
        name: "ELS".into(),
        until: Some(day(until)),
        paid: true,
        sources: vec![],
        status: Status::Verified,
    }
}

#[test]
fn route_table() {
    let mut fails = Vec::new();
    for c in cases() {
        let got = plan_of(&c.ds, c.current, c.option, &c.landing);
        match (&c.want, &got) {
            (None, None) => {}
            (Some(w), Some(p)) => {
                let (landing, steps) = shape(&c.ds, c.option, p);
                let o =
                    c.ds.options
                        .iter()
                        .find(|o| o.id == c.option)
                        .expect("option");
                let alt = p
                    .alternative
                    .as_ref()
                    .map(|a| o.versions[a.version].id.as_str());
                if landing != w.landing
                    || steps != w.steps
                    || (p.best.utility - w.utility).abs() > 1e-9
                    || alt != w.alternative
                {
                    fails.push(format!(
                        "[{}] got {landing} via {steps:?} u={} alt={alt:?}; want {} via {:?} u={} alt={:?}",
                        c.name, p.best.utility, w.landing, w.steps, w.utility, w.alternative
                    ));
                }
            }
            (w, g) => fails.push(format!(
                "[{}] want some: {}, got some: {}",
                c.name,
                w.is_some(),
                g.is_some()
            )),
        }
    }
    assert!(
        fails.is_empty(),
        "{} failure(s):\n{}",
        fails.len(),
        fails.join("\n")
    );
}

// ---- the embedded dataset -------------------------------------------------------------

fn embedded() -> Dataset {
    from_json_str(EMBEDDED_JSON).expect("embedded dataset is valid")
}

/// For each system people migrate from, every target option's chosen route (as
/// `landing: tool, tool (backing) [→ alternative]`) on 2026-11-29, without and with paid
/// extended support counted. These are the routes the cited tool docs give (reference §6):
/// migrate2rocky converts CentOS Stream 8/9 to Rocky 8/9 (rocky-tools@174fdb4 handles Stream;
/// Rocky's migration guide names it), while from CentOS 7 Rocky has no documented in-place
/// route (ELevate dropped Rocky targets; CentOS 7 → Stream 8 → Rocky 8 would switch vendor
/// twice), so it stays a reinstall.
#[test]
fn embedded_routes_from_centos() {
    let ds = embedded();
    let rows: &[(&str, bool, &[&str])] = &[
        ("centos-linux-7", false, &[
            "centos-stream: centos-stream-9 via elevate, elevate (community) or reinstall centos-stream-10",
            "almalinux: almalinux-8 via elevate (official) or reinstall almalinux-10",
            "rocky: rocky-10 via reinstall",
            "rhel: rhel-8 via convert2rhel, leapp (official) or reinstall rhel-10",
            "oracle: oracle-8 via centos2ol, oracle-leapp (official) or reinstall oracle-9",
        ]),
        // TuxCare's CentOS Stream 8 offer has no published end (reference: tuxcare-els at
        // 569510455eb0), so counting paid support does not make Stream 8 a landing version.
        ("centos-linux-7", true, &[
            "centos-stream: centos-stream-9 via elevate, elevate (community) or reinstall centos-stream-10",
            "almalinux: almalinux-8 via elevate (official) or reinstall almalinux-10",
            "rocky: rocky-10 via reinstall",
            "rhel: rhel-7 via convert2rhel (official) or reinstall rhel-10",
            "oracle: oracle-8 via centos2ol, oracle-leapp (official) or reinstall oracle-9",
        ]),
        ("centos-linux-8", false, &[
            "centos-stream: centos-stream-10 via reinstall",
            "almalinux: almalinux-8 via almalinux-deploy (official) or reinstall almalinux-10",
            "rocky: rocky-8 via migrate2rocky (official) or reinstall rocky-10",
            "rhel: rhel-8 via convert2rhel (official) or reinstall rhel-10",
            "oracle: oracle-8 via centos2ol (official) or reinstall oracle-9",
        ]),
        ("centos-stream-8", false, &[
            "centos-stream: centos-stream-9 via elevate (community) or reinstall centos-stream-10",
            "almalinux: almalinux-8 via almalinux-deploy (official) or reinstall almalinux-10",
            "rocky: rocky-8 via migrate2rocky (official) or reinstall rocky-10",
            "rhel: rhel-10 via reinstall",
            "oracle: oracle-9 via reinstall",
        ]),
        ("centos-stream-8", true, &[
            "centos-stream: centos-stream-9 via elevate (community) or reinstall centos-stream-10",
            "almalinux: almalinux-8 via almalinux-deploy (official) or reinstall almalinux-10",
            "rocky: rocky-8 via migrate2rocky (official) or reinstall rocky-10",
            "rhel: rhel-10 via reinstall",
            "oracle: oracle-9 via reinstall",
        ]),
        ("centos-stream-9", false, &[
            "centos-stream: centos-stream-9 via  or reinstall centos-stream-10",
            "almalinux: almalinux-9 via almalinux-deploy (official) or reinstall almalinux-10",
            "rocky: rocky-9 via migrate2rocky (official) or reinstall rocky-10",
            "rhel: rhel-10 via reinstall",
            "oracle: oracle-9 via reinstall",
        ]),
    ];
    let mut fails = Vec::new();
    for &(cur, paid, want) in rows {
        let l = Landing {
            count_paid: paid,
            ..Landing::default()
        };
        let got: Vec<String> = ds
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.role == elcompare::data::Role::Target)
            .map(|(oi, o)| {
                let Some(p) = route::plan(&ds, cur, oi, today(), &l) else {
                    return format!("{}: none", o.id);
                };
                let (landing, steps) = shape(&ds, &o.id, &p);
                let mut s = format!("{}: {landing} via {}", o.id, steps.join(", "));
                if let Some(b) = p.best.backing(&ds) {
                    s.push_str(&format!(" ({})", b.label()));
                }
                if let Some(a) = &p.alternative {
                    s.push_str(&format!(" or reinstall {}", o.versions[a.version].id));
                }
                s
            })
            .collect();
        if got != want {
            fails.push(format!(
                "{cur} (paid {paid}):\n  got  {got:#?}\n  want {want:#?}"
            ));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

/// The score's migration and years-left values, the explanation and the plans come from one
/// route: the RHEL case from CentOS 7 is Red Hat's two-step route landing on RHEL 8.
#[test]
fn score_explanation_and_plan_agree() {
    let ds = embedded();
    let w: Vec<f64> = ds
        .criteria
        .iter()
        .map(|c| if c.id == "migration" { 10.0 } else { 1.0 })
        .collect();
    let must = MustHaves::default();
    let e = evaluate(&Inputs::new(&ds, &w, &must, today()).with_current(Some("centos-linux-7")));
    let ci = |id: &str| {
        ds.criteria
            .iter()
            .position(|c| c.id == id)
            .expect("criterion")
    };
    for r in &e.ranking {
        let plans = e
            .plans
            .iter()
            .find(|p| p.option == r.option)
            .expect("plans for every ranked option");
        let p = plans.groups[0].as_ref().expect("a route");
        let mut s = String::new();
        route::describe(
            elcompare::i18n::Tr::english(),
            &ds,
            r.option,
            p,
            true,
            &mut s,
        );
        assert_eq!(r.contributions[ci("migration")].detail, s);
        assert!((r.contributions[ci("migration")].utility - p.best.utility).abs() < 1e-12);
        let landing = &ds.options[r.option].versions[p.best.version];
        let years = r.contributions[ci("years-left")].detail.clone();
        assert!(years.contains(&format!("on {}", landing.name)), "{years}");
    }
    let rhel = ds
        .options
        .iter()
        .position(|o| o.id == "rhel")
        .expect("rhel");
    let rhel_rank = e
        .ranking
        .iter()
        .find(|r| r.option == rhel)
        .expect("rhel ranked");
    assert_eq!(
        rhel_rank.contributions[ci("migration")].detail,
        "RHEL 8 via convert2rhel, then Leapp (2 steps, official; security updates to 2029-05-31) \
         — or reinstall on RHEL 10 for updates to 2035-05-31"
    );
    assert_eq!(
        rhel_rank.contributions[ci("years-left")].detail,
        "2.5 years left on RHEL 8 (until 2029-05-31)"
    );
    let alma = ds
        .options
        .iter()
        .position(|o| o.id == "almalinux")
        .expect("alma");
    let alma_rank = e
        .ranking
        .iter()
        .find(|r| r.option == alma)
        .expect("alma ranked");
    assert_eq!(
        alma_rank.contributions[ci("migration")].detail,
        "AlmaLinux 8 via ELevate (1 step, official; security updates to 2029-05-31) \
         — or reinstall on AlmaLinux 10 for updates to 2035-05-31"
    );
    // The reasons quote the same sentence.
    let all: Vec<&String> = e
        .why
        .iter()
        .chain(e.ranking.iter().flat_map(|r| &r.why_not))
        .collect();
    assert!(
        all.iter()
            .any(|s| s.contains("via ELevate (1 step, official")),
        "{all:#?}"
    );
}

/// Counting paid extended support changes years left and the years must-have exactly as the
/// reasons say.
#[test]
fn paid_extended_support_switch() {
    let ds = embedded();
    let w: Vec<f64> = ds
        .criteria
        .iter()
        .map(|c| if c.id == "years-left" { 1.0 } else { 0.0 })
        .collect();
    let must = MustHaves {
        min_years: Some(10.0),
        ..MustHaves::default()
    };
    let yl = ds
        .criteria
        .iter()
        .position(|c| c.id == "years-left")
        .expect("years-left");
    let off = evaluate(&Inputs::new(&ds, &w, &must, today()));
    let on = evaluate(&Inputs::new(&ds, &w, &must, today()).with_count_paid(true));
    let id = |e: &elcompare::engine::Evaluation| -> Vec<String> {
        e.ranking
            .iter()
            .map(|r| ds.options[r.option].id.clone())
            .collect()
    };
    // RHEL 10 ends 2035-05-31 (8.5 years): out without ELS, in with ELS to 2039-05-31.
    assert!(!id(&off).contains(&"rhel".to_string()), "{:?}", id(&off));
    let rhel = ds
        .options
        .iter()
        .position(|o| o.id == "rhel")
        .expect("rhel");
    let reason = &off
        .excluded
        .iter()
        .find(|x| x.option == rhel)
        .expect("rhel excluded")
        .reasons;
    assert!(
        reason
            .iter()
            .any(|r| r == "only 8.5 years of published security updates left (need 10 years)"),
        "{reason:?}"
    );
    assert_eq!(id(&on), ["rhel"]);
    let detail = &on.ranking[0].contributions[yl].detail;
    assert_eq!(
        detail,
        "12.5 years left (RHEL 10, until 2039-05-31), counting paid extended support"
    );
    // Oracle Linux 9's Extended Support ends 2035-06-30 (8.6 years): out either way, and the
    // reason says paid support was counted.
    let oracle = ds
        .options
        .iter()
        .position(|o| o.id == "oracle")
        .expect("oracle");
    let reason = &on
        .excluded
        .iter()
        .find(|x| x.option == oracle)
        .expect("oracle excluded")
        .reasons;
    assert!(
        reason.iter().any(|r| r
            == "only 8.6 years of published security updates left, counting paid extended support (need 10 years); Oracle Linux 10's end is not published"),
        "{reason:?}"
    );
}

/// A fleet of 150 × CentOS 7 and 50 × CentOS Stream 8: migration ease is the server-weighted
/// average of the two routes, as a hand calculation gives.
#[test]
fn fleet_weighted_migration_ease() {
    let ds = embedded();
    let w: Vec<f64> = ds
        .criteria
        .iter()
        .map(|c| if c.id == "migration" { 1.0 } else { 0.0 })
        .collect();
    let must = MustHaves::default();
    let fleet = vec![
        ("centos-linux-7".to_string(), 150),
        ("centos-stream-8".to_string(), 50),
    ];
    let e = evaluate(&Inputs::new(&ds, &w, &must, today()).with_fleet(&fleet));
    let mi = ds
        .criteria
        .iter()
        .position(|c| c.id == "migration")
        .expect("migration");
    let by = |id: &str| {
        let oi = ds.options.iter().position(|o| o.id == id).expect("option");
        e.ranking.iter().find(|r| r.option == oi).expect("ranked")
    };
    // AlmaLinux: ELevate (0.6) for 150, almalinux-deploy (1.0) for 50 → (150·0.6 + 50·1.0)/200.
    let alma = by("almalinux");
    assert!((alma.contributions[mi].utility - (150.0 * 0.6 + 50.0 * 1.0) / 200.0).abs() < 1e-12);
    assert!((alma.total - 70.0).abs() < 1e-9, "{}", alma.total);
    assert_eq!(
        alma.contributions[mi].detail,
        "150 × CentOS Linux 7: AlmaLinux 8 via ELevate (1 step, official; security updates to \
         2029-05-31); 50 × CentOS Stream 8: AlmaLinux 8 via almalinux-deploy (1 step, official; \
         security updates to 2029-05-31)"
    );
    // RHEL: Red Hat's two-step route (0.54) for 150, a reinstall (0.2) for 50.
    let rhel = by("rhel");
    assert!((rhel.contributions[mi].utility - (150.0 * 0.54 + 50.0 * 0.2) / 200.0).abs() < 1e-12);
    // One plan per group for every target option.
    assert!(e.plans.iter().all(|p| p.groups.len() == 2));
}

/// When a group alone would be better served by another option, the reasons say so.
#[test]
fn fleet_groups_served_by_different_targets() {
    let ds = embedded();
    let w: Vec<f64> = ds
        .criteria
        .iter()
        .map(|c| match c.id.as_str() {
            "freshness" | "migration" => 10.0,
            _ => 0.0,
        })
        .collect();
    let must = MustHaves::default();
    let fleet = vec![
        ("centos-linux-7".to_string(), 150),
        ("centos-stream-9".to_string(), 50),
    ];
    let e = evaluate(&Inputs::new(&ds, &w, &must, today()).with_fleet(&fleet));
    assert_eq!(ds.options[e.ranking[0].option].id, "centos-stream");
    let note = "For its 150 × CentOS Linux 7 servers alone, AlmaLinux OS would rank first: a \
                different target may suit that group.";
    assert!(e.why.iter().any(|s| s == note), "{:#?}", e.why);
    assert_eq!(e.why.iter().filter(|s| s.starts_with("For its")).count(), 1);
}
