//! Property tests of the decision engine over random small datasets and weights.
#![cfg(not(target_arch = "wasm32"))]

#[path = "engine_common.rs"]
mod engine_common;

use elcompare::data::{
    Backing, CriterionKind, Dataset, Method, MustHaves, OptionEntry, Upgrade, MAX_WEIGHT,
};
use elcompare::engine::{evaluate, Evaluation, Inputs, Threshold};
use engine_common::*;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::FileFailurePersistence;

/// A compact description of a random dataset, turned into a [`Dataset`] by [`build`].
#[derive(Debug, Clone)]
struct Seed {
    /// 0 scale, 1 number (higher better), 2 number (lower better), 3 yes/no, 4 years left, 5 migration.
    kinds: Vec<u8>,
    options: Vec<OptSeed>,
    /// (from version, to version, kind 0..5) as indices into all versions.
    migrations: Vec<(Index, Index, u8)>,
    /// Index into all versions, or none (new install).
    current: Option<Index>,
    must_flag: Option<u8>,
    must_years: Option<u8>,
}

#[derive(Debug, Clone)]
struct OptSeed {
    /// Per criterion: 0..=10, 11 = missing.
    ratings: Vec<u8>,
    /// Per version: security end year offset from 2020 (None: undated), half-year.
    versions: Vec<(Option<u8>, bool)>,
    legacy: bool,
    flags: u8,
}

fn opt_seed(m: usize) -> impl Strategy<Value = OptSeed> {
    (
        prop::collection::vec(prop_oneof![9 => 0u8..=10, 1 => Just(11u8)], m),
        prop::collection::vec(
            (prop::option::weighted(0.9, 0u8..=26), any::<bool>()),
            1..=3,
        ),
        prop::bool::weighted(0.15),
        0u8..4,
    )
        .prop_map(|(ratings, versions, legacy, flags)| OptSeed {
            ratings,
            versions,
            legacy,
            flags,
        })
}

fn seed() -> impl Strategy<Value = Seed> {
    (1usize..=5, 1usize..=6).prop_flat_map(|(m, n)| {
        (
            prop::collection::vec(0u8..6, m),
            prop::collection::vec(opt_seed(m), n),
            prop::collection::vec((any::<Index>(), any::<Index>(), 0u8..5), 0..8),
            prop::option::of(any::<Index>()),
            prop::option::weighted(0.15, 0u8..2),
            prop::option::weighted(0.15, 1u8..12),
        )
            .prop_map(
                |(kinds, options, migrations, current, must_flag, must_years)| Seed {
                    kinds,
                    options,
                    migrations,
                    current,
                    must_flag,
                    must_years,
                },
            )
    })
}

/// Weights on a half-point grid in 0..=MAX_WEIGHT (so crossings are well separated).
fn weights(m: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec((0u8..=20).prop_map(|x| f64::from(x) / 2.0), m)
}

fn build(s: &Seed) -> (Dataset, MustHaves, Option<String>) {
    let criteria = s
        .kinds
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let kind = match k {
                0 => scale(10),
                1 => number(0.0, 10.0, true, "units"),
                2 => number(0.0, 10.0, false, "days"),
                3 => yes_no(),
                4 => years_left(10.0),
                _ => migration(),
            };
            crit(&format!("c{i}"), kind)
        })
        .collect::<Vec<_>>();
    let mut all_versions = Vec::new();
    let options: Vec<OptionEntry> = s
        .options
        .iter()
        .enumerate()
        .map(|(oi, o)| {
            let ratings: Vec<(String, f64)> = o
                .ratings
                .iter()
                .enumerate()
                .filter(|&(_, &r)| r <= 10)
                .map(|(ci, &r)| {
                    let v = if s.kinds.get(ci) == Some(&3) {
                        f64::from(r % 2)
                    } else {
                        f64::from(r)
                    };
                    (format!("c{ci}"), v)
                })
                .collect();
            let rating_refs: Vec<(&str, f64)> =
                ratings.iter().map(|(c, v)| (c.as_str(), *v)).collect();
            let versions = o
                .versions
                .iter()
                .enumerate()
                .map(|(vi, &(year, half))| {
                    let id = format!("o{oi}-{vi}");
                    all_versions.push(id.clone());
                    let end = year.map(|y| {
                        format!(
                            "{}-{}",
                            2020 + u32::from(y),
                            if half { "06-30" } else { "01-01" }
                        )
                    });
                    ver(&id, end.as_deref(), &["x86_64"])
                })
                .collect();
            let mut e = opt(&format!("o{oi}"), &rating_refs, versions);
            if o.legacy {
                e = legacy(e);
            }
            let f: Vec<&str> = [(1u8, "free"), (2, "commercial-support")]
                .iter()
                .filter(|(bit, _)| o.flags & bit != 0)
                .map(|&(_, f)| f)
                .collect();
            flags(e, &f)
        })
        .collect();
    let mut ds = dataset(criteria, options);
    ds.tools = vec![tool("t", "Tool")];
    if !all_versions.is_empty() {
        ds.migrations = s
            .migrations
            .iter()
            .map(|(a, b, k)| {
                let (method, upgrade, backing) = match k {
                    0 => (Method::InPlace, Upgrade::SameMajor, Backing::Official),
                    1 => (Method::InPlace, Upgrade::SameMajor, Backing::Community),
                    2 => (Method::InPlace, Upgrade::Major, Backing::Official),
                    3 => (Method::InPlace, Upgrade::Major, Backing::Community),
                    _ => (Method::Reinstall, Upgrade::Major, Backing::Official),
                };
                mig(
                    a.get(&all_versions).as_str(),
                    b.get(&all_versions).as_str(),
                    Some("t"),
                    method,
                    upgrade,
                    backing,
                )
            })
            .collect();
    }
    let current = s.current.map(|i| i.get(&all_versions).clone());
    let must = MustHaves {
        flags: s
            .must_flag
            .map(|f| vec![if f == 0 { "free" } else { "commercial-support" }.into()])
            .unwrap_or_default(),
        arch: None,
        min_years: s.must_years.map(f64::from),
    };
    (ds, must, current)
}

fn eval(ds: &Dataset, w: &[f64], must: &MustHaves, current: Option<&str>) -> Evaluation {
    evaluate(&Inputs::new(ds, w, must, today()).with_current(current))
}

fn winner(ev: &Evaluation) -> Option<usize> {
    ev.ranking.first().map(|r| r.option)
}

/// Ranked ids grouped into runs of equal totals (order inside a run is list order, which a
/// reordering may change).
fn tie_groups(ds: &Dataset, ev: &Evaluation, tol: f64) -> Vec<Vec<String>> {
    let mut groups: Vec<(f64, Vec<String>)> = Vec::new();
    for r in &ev.ranking {
        let id = ds.options[r.option].id.clone();
        match groups.last_mut() {
            Some((t, g)) if (*t - r.total).abs() <= tol => g.push(id),
            _ => groups.push((r.total, vec![id])),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut g)| {
            g.sort();
            g
        })
        .collect()
}

fn check_sane(ev: &Evaluation, m: usize) -> Result<(), TestCaseError> {
    for r in &ev.ranking {
        prop_assert!(
            r.total.is_finite() && (0.0..=100.0).contains(&r.total),
            "total {}",
            r.total
        );
        prop_assert_eq!(r.contributions.len(), m);
        // The rows shown (tenths, largest remainder) add up to the total shown, each within 0.1.
        let shown = r.points_tenths();
        prop_assert_eq!(
            shown.iter().sum::<u64>(),
            r.total_tenths(),
            "shown rows {:?}",
            shown
        );
        for (c, t) in r.contributions.iter().zip(shown) {
            prop_assert!(
                (*t as f64 / 10.0 - c.points).abs() < 0.1 + 1e-9,
                "row {} vs {}",
                t,
                c.points
            );
        }
        let mut sum = 0.0;
        for c in &r.contributions {
            prop_assert!((0.0..=1.0).contains(&c.utility), "utility {}", c.utility);
            prop_assert!(
                c.points.is_finite() && c.points >= 0.0,
                "points {}",
                c.points
            );
            sum += c.points;
        }
        prop_assert!(
            (sum - r.total).abs() < 1e-6,
            "points {} vs total {}",
            sum,
            r.total
        );
    }
    prop_assert_eq!(ev.sensitivity.len(), m);
    for s in &ev.sensitivity {
        for t in [&s.threshold, &s.opposite] {
            if let Threshold::At { weight, .. } = t {
                prop_assert!(
                    weight.is_finite() && (0.0..=MAX_WEIGHT).contains(weight),
                    "threshold {}",
                    weight
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // PROPTEST_CASES overrides the default of 512.
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        // Integration tests have no lib.rs beside them; keep failures where they get committed.
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/engine_props.txt",
        ))),
        ..ProptestConfig::default()
    })]

    /// Totals in [0, 100], never NaN, points add up, thresholds in range — for any weights at all.
    #[test]
    fn totals_are_sane(s in seed(), raw in prop::collection::vec(prop_oneof![
        4 => -5.0f64..15.0, 1 => Just(f64::NAN), 1 => Just(f64::INFINITY), 1 => Just(0.0), 1 => Just(1e300)
    ], 0..7)) {
        let (ds, must, cur) = build(&s);
        let ev = eval(&ds, &raw, &must, cur.as_deref());
        check_sane(&ev, ds.criteria.len())?;
        prop_assert_eq!(ev.ranking.len() + ev.excluded.len(), ds.options.len());
    }

    /// Reordering the options changes nothing but list-order tie breaks.
    #[test]
    fn reorder_invariant(s in seed(), w in weights(5), perm in Just((0..6).collect::<Vec<usize>>()).prop_shuffle()) {
        let (ds, must, cur) = build(&s);
        let w = &w[..ds.criteria.len()];
        let a = eval(&ds, w, &must, cur.as_deref());
        let mut ds2 = ds.clone();
        ds2.options = perm.iter().filter_map(|&i| ds.options.get(i).cloned()).collect();
        prop_assert_eq!(ds2.options.len(), ds.options.len());
        let b = eval(&ds2, w, &must, cur.as_deref());
        prop_assert_eq!(tie_groups(&ds, &a, 0.0), tie_groups(&ds2, &b, 0.0));
        let mut ex_a: Vec<_> = a.excluded.iter().map(|x| (ds.options[x.option].id.clone(), x.reasons.clone())).collect();
        let mut ex_b: Vec<_> = b.excluded.iter().map(|x| (ds2.options[x.option].id.clone(), x.reasons.clone())).collect();
        ex_a.sort();
        ex_b.sort();
        prop_assert_eq!(ex_a, ex_b);
        prop_assert_eq!(a.relax_hint, b.relax_hint);
    }

    /// Scaling every weight by a positive factor changes no total (beyond rounding) and no order.
    #[test]
    fn scale_invariant(s in seed(), w in weights(5), f in prop_oneof![Just(0.1), Just(0.5), Just(2.0), Just(3.7), Just(1e6), 0.01f64..100.0]) {
        let (ds, must, cur) = build(&s);
        let w = &w[..ds.criteria.len()];
        let scaled: Vec<f64> = w.iter().map(|x| x * f).collect();
        let a = eval(&ds, w, &must, cur.as_deref());
        let b = eval(&ds, &scaled, &must, cur.as_deref());
        prop_assert_eq!(a.ranking.len(), b.ranking.len());
        for r in &a.ranking {
            let rb = b.ranking.iter().find(|x| x.option == r.option);
            prop_assert!(rb.is_some_and(|x| (x.total - r.total).abs() < 2.5e-9), "total of {} moved", r.option);
        }
        prop_assert_eq!(tie_groups(&ds, &a, 2.5e-9), tie_groups(&ds, &b, 2.5e-9));
        prop_assert_eq!(a.all_weights_zero, b.all_weights_zero);
    }

    /// An option at least as good on every criterion never ranks below the other.
    #[test]
    fn dominance(s in seed(), w in weights(5)) {
        let (ds, must, cur) = build(&s);
        let w = &w[..ds.criteria.len()];
        let ev = eval(&ds, w, &must, cur.as_deref());
        for (pa, a) in ev.ranking.iter().enumerate() {
            for (pb, b) in ev.ranking.iter().enumerate() {
                let dominates = a.contributions.iter().zip(&b.contributions).all(|(x, y)| x.utility >= y.utility);
                if dominates && pa > pb {
                    prop_assert_eq!(a.total, b.total, "{} dominates {} but ranks below it", a.option, b.option);
                }
            }
        }
    }

    /// Past a reported threshold the winner changes (to the reported one); before it, it does not;
    /// with no threshold reported, no weight in range changes it.
    #[test]
    fn sensitivity_thresholds_are_exact(s in seed(), w in weights(5), probe in 0.0f64..=MAX_WEIGHT) {
        let (ds, must, cur) = build(&s);
        let w = &w[..ds.criteria.len()];
        let ev = eval(&ds, w, &must, cur.as_deref());
        let Some(win) = winner(&ev) else { return Ok(()) };
        for sens in &ev.sensitivity {
            let i = sens.criterion;
            let c = w[i];
            let at = |x: f64| {
                let mut v = w.to_vec();
                v[i] = x;
                winner(&eval(&ds, &v, &must, cur.as_deref()))
            };
            let mut rising_seen = false;
            let mut falling_seen = false;
            for th in [&sens.threshold, &sens.opposite] {
                let Threshold::At { weight: t, rising, new_winner } = *th else { continue };
                let d = 1e-6 * (1.0 + t);
                if rising {
                    rising_seen = true;
                    prop_assert!(t >= c, "rising threshold {} below current {}", t, c);
                    let past = if t >= MAX_WEIGHT { t } else { t + d };
                    let before = (t - d).max(c);
                    prop_assert_eq!(at(past), Some(new_winner), "criterion {} past rising {}", i, t);
                    prop_assert_ne!(new_winner, win);
                    prop_assert_eq!(at(before), Some(win), "criterion {} before rising {}", i, t);
                    prop_assert_eq!(at((c + t) / 2.0), Some(win));
                } else {
                    falling_seen = true;
                    prop_assert!(t <= c, "falling threshold {} above current {}", t, c);
                    let past = if t <= 0.0 { 0.0 } else { t - d };
                    let before = (t + d).min(c);
                    prop_assert_eq!(at(past), Some(new_winner), "criterion {} past falling {}", i, t);
                    prop_assert_ne!(new_winner, win);
                    prop_assert_eq!(at(before), Some(win), "criterion {} before falling {}", i, t);
                    prop_assert_eq!(at((c + t) / 2.0), Some(win));
                }
            }
            // The first-reached one is listed first.
            if let (Threshold::At { weight: a, .. }, Threshold::At { weight: b, .. }) = (&sens.threshold, &sens.opposite) {
                prop_assert!((a - c).abs() <= (b - c).abs());
            }
            // No change reported in a direction: the winner holds over the whole range that way.
            if !rising_seen {
                for x in [MAX_WEIGHT, c + (MAX_WEIGHT - c) * 0.5, probe.max(c)] {
                    prop_assert_eq!(at(x), Some(win), "criterion {} at {} (from {}): no rising change reported", i, x, c);
                }
            }
            if !falling_seen {
                for x in [0.0, c * 0.5, probe.min(c)] {
                    prop_assert_eq!(at(x), Some(win), "criterion {} at {} (from {}): no falling change reported", i, x, c);
                }
            }
        }
    }
}

#[test]
fn generated_kinds_cover_everything() {
    // Guard against the generator silently losing a kind.
    let s = Seed {
        kinds: vec![0, 1, 2, 3, 4, 5],
        options: vec![],
        migrations: vec![],
        current: None,
        must_flag: None,
        must_years: None,
    };
    let (ds, _, _) = build(&s);
    let kinds: Vec<_> = ds
        .criteria
        .iter()
        .map(|c| std::mem::discriminant(&c.scoring))
        .collect();
    assert_eq!(kinds.len(), 6);
    assert!(matches!(ds.criteria[5].scoring, CriterionKind::Migration));
}
