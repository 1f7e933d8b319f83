//! Pure, deterministic weighted scoring. Knows nothing of the browser side.
//!
//! [`evaluate`] turns [`Inputs`] (dataset, weights, must-haves, today, the visitor's current
//! version, the options in play) into an [`Evaluation`]: the eligible options ranked with
//! per-criterion points, the excluded ones with reasons, why the winner wins and why the others
//! do not, a near-tie flag, and for every criterion the weight at which the winner would change
//! (computed exactly, see [`sensitivity`](self::sensitivity)).
//!
//! How each kind of criterion is scored is documented in [`score`] and, for the visitor, by
//! [`scoring_text`].
//!
//! Never panics, never yields NaN: weights that are negative or not finite count as 0,
//! out-of-range indices in `in_play` are ignored, and every lookup into the dataset is checked.

mod explain;
pub mod route;
pub mod score;
mod sensitivity;

pub use crate::data::WEIGHT_STEP;
pub use explain::{gap_text, tie_rule, MAX_REASONS};
pub use route::{Landing, Plan, Route, Step};
pub use score::{
    fmt_num, lifecycle, lifecycle_with, migration_utility, scoring_text, years_text, Lifecycle,
    MIGRATION_IN_PLACE_MAJOR_COMMUNITY, MIGRATION_IN_PLACE_MAJOR_OFFICIAL,
    MIGRATION_IN_PLACE_SAME_MAJOR_COMMUNITY, MIGRATION_IN_PLACE_SAME_MAJOR_OFFICIAL,
    MIGRATION_REINSTALL,
};

use crate::data::{Dataset, Date, FlagState, MustHaves, Role, MAX_WEIGHT};
use crate::i18n::{k, Tr};

/// Everything one evaluation depends on.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub dataset: &'a Dataset,
    /// One weight per `dataset.criteria`, same order, each in 0..=MAX_WEIGHT.
    pub weights: &'a [f64],
    pub must: &'a MustHaves,
    pub today: Date,
    /// Version id the visitor runs now (None: a new install). Ignored when `fleet` is not empty.
    pub current: Option<&'a str>,
    /// A mixed fleet: (version id, number of servers) per group. Migration ease and years left
    /// are then the server-weighted averages over the groups.
    pub fleet: &'a [(String, u32)],
    /// Count paid extended-support offers in years left and the years must-have.
    pub count_paid: bool,
    /// Indices into `dataset.options` in play (None: all).
    pub in_play: Option<&'a [usize]>,
    /// Top two within this many points (0–100 scale) are a near tie. Default 2.
    pub near_tie_margin: f64,
    /// The language of the reasons and sentences.
    pub tr: Tr,
}

/// One criterion's share of an option's total.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Index into `dataset.criteria`.
    pub criterion: usize,
    /// Utility in [0, 1].
    pub utility: f64,
    /// Points this criterion adds to the 0–100 total (w·u / Σw · 100).
    pub points: f64,
    /// Human-readable value, e.g. "6.4 years left", "in place with ELevate (official)", "8/10".
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// Index into `dataset.options`.
    pub option: usize,
    /// 0–100.
    pub total: f64,
    /// One per criterion, in criteria order.
    pub contributions: Vec<Contribution>,
    /// For every option but the winner: where it loses most to the winner (plain sentences).
    pub why_not: Vec<String>,
    /// [`Ranked::points_tenths`], computed once the total is known.
    shown: Vec<u64>,
}

impl Ranked {
    /// The total as every view shows it, in tenths of a point (rounded like every number).
    pub fn total_tenths(&self) -> u64 {
        tenths(self.total)
    }

    /// Each criterion's points as shown, in tenths of a point, in criteria order: rounded by
    /// largest remainder, so the rows shown add up exactly to [`Ranked::total_tenths`]. Each
    /// differs from its exact points by less than 0.1; ties for the last tenths go to the
    /// earlier criterion.
    pub fn points_tenths(&self) -> &[u64] {
        &self.shown
    }

    /// The rounding of [`Ranked::points_tenths`].
    fn shown_tenths(contributions: &[Contribution], total: f64) -> Vec<u64> {
        let mut shown = Vec::with_capacity(contributions.len());
        // (remainder, criterion) of each row's exact tenths.
        let mut rest = Vec::with_capacity(contributions.len());
        for (i, c) in contributions.iter().enumerate() {
            let x = finite01_100(c.points) * 10.0;
            let whole = x.floor();
            shown.push(whole as u64);
            rest.push((x - whole, i));
        }
        let mut short = tenths(total).saturating_sub(shown.iter().sum::<u64>());
        // Largest remainders first (stable: earlier criteria win ties).
        rest.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (r, i) in rest {
            if short == 0 || r <= 0.0 {
                break;
            }
            if let Some(s) = shown.get_mut(i) {
                *s += 1;
                short -= 1;
            }
        }
        shown
    }
}

/// Points in tenths, rounded half away from zero as [`crate::num`] prints them.
pub fn tenths(points: f64) -> u64 {
    (finite01_100(points) * 10.0).round() as u64
}

#[derive(Debug, Clone, PartialEq)]
pub struct Excluded {
    pub option: usize,
    /// Each failed constraint in plain words, e.g. "no first-party commercial support",
    /// "security updates ended 2024-06-30", "legacy system: never recommended".
    pub reasons: Vec<String>,
    /// Set when every dated version's security updates have ended: the last end date.
    pub security_ended: Option<Date>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Threshold {
    /// The winner changes when this criterion's weight goes above (or below) `weight`;
    /// `new_winner` is the option index that takes over.
    At {
        weight: f64,
        rising: bool,
        new_winner: usize,
    },
    /// No weight in 0..=MAX_WEIGHT changes the winner.
    NoChange,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub criterion: usize,
    /// The change reached first when moving the weight away from its current value.
    pub threshold: Threshold,
    /// The change in the other direction (`NoChange` if none in range).
    pub opposite: Threshold,
    /// The slider setting nearest the current weight, in `threshold`'s direction, at which
    /// another option comes first (`None` when no setting a visitor can choose changes it).
    pub settable: Option<Setting>,
    /// The same in `opposite`'s direction.
    pub settable_opposite: Option<Setting>,
}

/// A weight a visitor can set on the slider (a multiple of [`WEIGHT_STEP`] in
/// 0..=[`MAX_WEIGHT`]) and the option that comes first there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setting {
    pub weight: f64,
    /// Raising the weight to it (false: lowering).
    pub rising: bool,
    /// Option index first at that setting.
    pub winner: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    /// Eligible options, best first (ties broken by dataset order).
    pub ranking: Vec<Ranked>,
    /// Options out of the running, in dataset order.
    pub excluded: Vec<Excluded>,
    /// True when every weight is zero (every option ties).
    pub all_weights_zero: bool,
    /// Top two within the margin.
    pub near_tie: bool,
    /// Why the winner wins: its biggest advantages over the runner-up (plain sentences).
    pub why: Vec<String>,
    pub sensitivity: Vec<Sensitivity>,
    /// When every option is excluded: which must-have removes the most, as advice.
    pub relax_hint: Option<String>,
    /// For every target option in play (eligible or not), in dataset order: the chosen route
    /// from each group of the fleet (one group for a single current version; empty for a new
    /// install). The same routes that score migration ease and years left.
    pub plans: Vec<OptionPlans>,
    /// The language of its sentences (and of everything built from it: the report, exports).
    pub tr: Tr,
}

/// The routes to one option, one per group of the fleet (`None`: no version of it can be
/// landed on from there).
#[derive(Debug, Clone, PartialEq)]
pub struct OptionPlans {
    pub option: usize,
    pub groups: Vec<Option<Plan>>,
}

/// Near-tie margin used by [`Inputs::new`], in points on the 0–100 scale.
pub const DEFAULT_NEAR_TIE_MARGIN: f64 = 2.0;

impl<'a> Inputs<'a> {
    /// Inputs for a new install with every option in play and the default near-tie margin.
    pub fn new(dataset: &'a Dataset, weights: &'a [f64], must: &'a MustHaves, today: Date) -> Self {
        Inputs {
            dataset,
            weights,
            must,
            today,
            current: None,
            fleet: &[],
            count_paid: false,
            in_play: None,
            near_tie_margin: DEFAULT_NEAR_TIE_MARGIN,
            tr: Tr::english(),
        }
    }

    /// The same inputs with the visitor's current version id.
    pub fn with_current(self, current: Option<&'a str>) -> Self {
        Inputs { current, ..self }
    }

    /// The same inputs with a mixed fleet (see [`Inputs::fleet`]).
    pub fn with_fleet(self, fleet: &'a [(String, u32)]) -> Self {
        Inputs { fleet, ..self }
    }

    /// The same inputs counting (or not) paid extended support.
    pub fn with_count_paid(self, count_paid: bool) -> Self {
        Inputs { count_paid, ..self }
    }

    /// The same inputs restricted to these option indices.
    pub fn with_in_play(self, in_play: Option<&'a [usize]>) -> Self {
        Inputs { in_play, ..self }
    }
}

/// A must-have in play, with the number of otherwise-eligible options it removes (for the
/// relax hint).
#[derive(Clone, Copy)]
enum Must<'a> {
    Flag(&'a str),
    Arch(&'a str),
    MinYears(f64),
}

/// Ranks the options in play. Pure, deterministic, never panics, never yields NaN.
pub fn evaluate(inputs: &Inputs) -> Evaluation {
    evaluate_named(inputs).0
}

/// [`evaluate`], with the name of each ranked option (in ranking order).
fn evaluate_named<'d>(inputs: &Inputs<'d>) -> (Evaluation, Vec<&'d str>) {
    let ds = inputs.dataset;
    let today = inputs.today;
    let m = ds.criteria.len();
    let n_all = ds.options.len();

    // Weights: one per criterion; negative or non-finite count as 0.
    let mut w: Vec<f64> = (0..m)
        .map(|i| {
            inputs
                .weights
                .get(i)
                .copied()
                .filter(|x| x.is_finite() && *x > 0.0)
                .unwrap_or(0.0)
        })
        .collect();
    let mut sum: f64 = w.iter().sum();
    let mut scale = 1.0;
    if !sum.is_finite() {
        // Absurdly large weights: rescale so the sums stay finite (ratios are unchanged).
        scale = w.iter().copied().fold(0.0, f64::max);
        w.iter_mut().for_each(|x| *x /= scale);
        sum = w.iter().sum();
    }
    let all_weights_zero = sum <= 0.0;

    // Must-haves, de-duplicated; flags that are set but empty are ignored.
    let must_flags: Vec<(usize, &str)> = inputs
        .must
        .flags
        .iter()
        .enumerate()
        .filter(|&(k, f)| !f.is_empty() && !inputs.must.flags.iter().take(k).any(|g| g == f))
        .map(|(k, f)| (k, f.as_str()))
        .collect();
    let must_arch = inputs.must.arch.as_deref().filter(|a| !a.is_empty());
    let must_years = inputs.must.min_years.filter(|y| y.is_finite() && *y > 0.0);
    // One slot per must-have in play: the flags in order, then the arch, then the years.
    let mut fails: Vec<(Must, usize)> = must_flags
        .iter()
        .map(|&(_, f)| Must::Flag(f))
        .chain(must_arch.map(Must::Arch))
        .chain(must_years.map(Must::MinYears))
        .map(|m| (m, 0))
        .collect();
    let arch_slot = must_flags.len();
    let years_slot = arch_slot + usize::from(must_arch.is_some());
    let mut must_candidates = 0usize;

    // The fleet: one group per current version (servers as weights).
    let groups: Vec<(&str, f64)> = if inputs.fleet.is_empty() {
        inputs.current.map(|c| (c, 1.0)).into_iter().collect()
    } else {
        inputs
            .fleet
            .iter()
            .map(|(v, n)| (v.as_str(), f64::from(*n)))
            .collect()
    };
    let landing = Landing {
        count_paid: inputs.count_paid,
        arch: must_arch,
        min_years: must_years,
    };
    let mut plans: Vec<OptionPlans> = Vec::new();

    // Each eligible option's entry with its name (paired here, never looked up again).
    let mut ranked: Vec<(Ranked, &str)> = Vec::with_capacity(n_all);
    let mut excluded: Vec<Excluded> = Vec::new();
    for (oi, opt) in ds.options.iter().enumerate() {
        if inputs.in_play.is_some_and(|list| !list.contains(&oi)) {
            continue;
        }
        let life = lifecycle_with(opt, today, inputs.count_paid);
        // The chosen route from each group, for a target option (none for a new install).
        let planned = opt.role == Role::Target && !groups.is_empty();
        let routes: Vec<Option<Plan>> = match planned {
            true => groups
                .iter()
                .map(|&(cur, _)| route::plan(ds, cur, oi, today, &landing))
                .collect(),
            false => Vec::new(),
        };
        let tr = inputs.tr;
        let mut reasons: Vec<String> = Vec::new();
        let legacy = opt.role == Role::Legacy;
        if legacy {
            reasons.push(tr.t(k::EXCLUDE_LEGACY).to_string());
        }
        let ended = life.ended();
        if let (true, Some(end)) = (ended, life.latest_end) {
            reasons.push(tr.f(k::EXCLUDE_ENDED, &[("date", &tr.date(end))]));
        }
        if opt.versions.is_empty() {
            reasons.push(tr.t(k::EXCLUDE_NO_VERSIONS).to_string());
        }
        let blocked = !reasons.is_empty();
        if !blocked {
            must_candidates += 1;
        }
        let mut fail = |slot: usize, reason: String, reasons: &mut Vec<String>| {
            reasons.push(reason);
            if !blocked {
                if let Some((_, c)) = fails.get_mut(slot) {
                    *c += 1;
                }
            }
        };
        for (k, &(_, flag)) in must_flags.iter().enumerate() {
            // Only a stated yes meets a must-have; the reason says whether it was a no or an
            // unknown.
            let reason = match opt.flag(flag).map(|f| f.value) {
                Some(FlagState::Yes) => continue,
                Some(FlagState::No) => tr.f(k::EXCLUDE_FLAG_NO, &[("flag", flag_name(ds, flag))]),
                Some(FlagState::NotVerified) | None => {
                    tr.f(k::EXCLUDE_FLAG_UNVERIFIED, &[("flag", flag_name(ds, flag))])
                }
            };
            fail(k, reason, &mut reasons);
        }
        if !ended {
            if let Some(arch) = must_arch {
                // The longest-supported version and the newest undated one (whose end is
                // unknown, so it may be the longest-lived).
                let candidates: Vec<&crate::data::Version> = [life.best_version, life.undated]
                    .into_iter()
                    .flatten()
                    .filter_map(|v| opt.versions.get(v))
                    .collect();
                let ok = if candidates.is_empty() {
                    // Nothing dated: any version that lists it.
                    opt.versions
                        .iter()
                        .any(|v| v.arches.iter().any(|a| a == arch))
                } else {
                    candidates
                        .iter()
                        .any(|v| v.arches.iter().any(|a| a == arch))
                };
                if !ok {
                    let names: Vec<&str> = candidates.iter().map(|v| v.name.as_str()).collect();
                    let reason = if names.is_empty() {
                        tr.f(k::EXCLUDE_NO_ARCH, &[("arch", arch)])
                    } else {
                        tr.f(
                            k::EXCLUDE_NO_ARCH_OF,
                            &[
                                ("arch", arch),
                                ("versions", &names.join(tr.t(k::EXCLUDE_OR))),
                            ],
                        )
                    };
                    fail(arch_slot, reason, &mut reasons);
                }
            }
            if let Some(need) = must_years {
                match life.years {
                    Some(y) if y >= need => {}
                    Some(y) => {
                        let paid = match inputs.count_paid {
                            true => tr.t(k::SCORE_COUNTING_PAID),
                            false => "",
                        };
                        let mut reason = tr.f(
                            k::EXCLUDE_YEARS_SHORT,
                            &[
                                ("years", &tr.num(y.max(0.0), 1)),
                                ("paid", paid),
                                ("need", &years_text(tr, need)),
                            ],
                        );
                        if let Some(v) = life.undated.and_then(|i| opt.versions.get(i)) {
                            tr.push_f(&mut reason, k::EXCLUDE_UNDATED, &[("version", &v.name)]);
                        }
                        fail(years_slot, reason, &mut reasons)
                    }
                    None => fail(
                        years_slot,
                        tr.f(k::EXCLUDE_NO_END, &[("need", &years_text(tr, need))]),
                        &mut reasons,
                    ),
                }
            }
        }
        if !reasons.is_empty() {
            let security_ended = if ended { life.latest_end } else { None };
            excluded.push(Excluded {
                option: oi,
                reasons,
                security_ended,
            });
            if planned {
                plans.push(OptionPlans {
                    option: oi,
                    groups: routes,
                });
            }
            continue;
        }

        // Eligible: utilities, details and points.
        let ctx = score::Ctx {
            ds,
            today,
            groups: &groups,
            plans: &routes,
            count_paid: inputs.count_paid,
            tr: inputs.tr,
        };
        let mut contributions = Vec::with_capacity(m);
        let mut acc = 0.0;
        for (ci, c) in ds.criteria.iter().enumerate() {
            let mut detail = String::with_capacity(48);
            let u = score::utility(&ctx, oi, opt, &life, ci, c, &mut detail);
            let wi = w.get(ci).copied().unwrap_or(0.0);
            acc += wi * u;
            let points = if all_weights_zero {
                0.0
            } else {
                finite01_100(100.0 * wi * u / sum)
            };
            contributions.push(Contribution {
                criterion: ci,
                utility: u,
                points,
                detail,
            });
        }
        let total = total_from(acc, sum);
        let entry = Ranked {
            option: oi,
            total,
            shown: Ranked::shown_tenths(&contributions, total),
            contributions,
            why_not: Vec::new(),
        };
        ranked.push((entry, opt.name.as_str()));
        if planned {
            plans.push(OptionPlans {
                option: oi,
                groups: routes,
            });
        }
    }

    // Best first; the sort is stable, so ties keep dataset order.
    ranked.sort_by(|a, b| b.0.total.total_cmp(&a.0.total));
    let (mut ranking, names): (Vec<Ranked>, Vec<&str>) = ranked.into_iter().unzip();

    let margin = if inputs.near_tie_margin.is_finite() && inputs.near_tie_margin >= 0.0 {
        inputs.near_tie_margin
    } else {
        DEFAULT_NEAR_TIE_MARGIN
    };
    let near_tie = match (ranking.first(), ranking.get(1)) {
        (Some(a), Some(b)) => a.total - b.total <= margin,
        _ => false,
    };

    let mut why = Vec::new();
    if let (Some((winner, rest)), Some((&wname, rest_names))) =
        (ranking.split_first_mut(), names.split_first())
    {
        let winner = (&*winner, wname);
        let runner_up = rest.first().zip(rest_names.first().copied());
        why = explain::why(inputs.tr, ds, winner, runner_up, all_weights_zero);
        for r in rest.iter_mut() {
            r.why_not = explain::why_not(inputs.tr, ds, winner, r, all_weights_zero);
        }
    }
    // A mixed fleet: say which groups, taken alone, would be better served by another option.
    if let (true, Some(w)) = (groups.len() > 1, ranking.first().map(|r| r.option)) {
        for &(cur, n) in &groups {
            let alone = Inputs {
                current: Some(cur),
                fleet: &[],
                ..*inputs
            };
            let (e, names) = evaluate_named(&alone);
            let best = e.ranking.first().map(|r| r.option).zip(names.first());
            if let Some((_, other)) = best.filter(|&(b, _)| b != w) {
                why.push(inputs.tr.f(
                    k::EXPLAIN_FLEET_GROUP,
                    &[
                        ("n", &inputs.tr.decimal(fmt_num(n))),
                        ("system", route::stage_name(ds, cur)),
                        ("other", other),
                    ],
                ));
            }
        }
    }

    // Sensitivity on the utility matrix in ranking order.
    let opts: Vec<usize> = ranking.iter().map(|r| r.option).collect();
    let mut u = Vec::with_capacity(ranking.len() * m);
    for r in &ranking {
        u.extend(r.contributions.iter().map(|c| c.utility));
    }
    let sensitivity = sensitivity::sensitivity(&opts, &u, &w, MAX_WEIGHT / scale, scale);

    let relax_hint = if ranking.is_empty() && !excluded.is_empty() {
        relax_hint(inputs.tr, ds, &fails, must_candidates)
    } else {
        None
    };

    let evaluation = Evaluation {
        ranking,
        excluded,
        all_weights_zero,
        near_tie,
        why,
        sensitivity,
        relax_hint,
        plans,
        tr: inputs.tr,
    };
    (evaluation, names)
}

/// Total on the 0–100 scale from Σ w·u and Σ w. Rounded to 1e-9 points, far below anything
/// shown, so that totals that are equal in exact arithmetic tie exactly (and list order decides)
/// instead of being ordered by rounding noise.
pub(crate) fn total_from(acc: f64, sum: f64) -> f64 {
    if sum > 0.0 {
        // y ∈ [0, 1e11] < 2^52: adding and removing 2^52 rounds to the nearest integer exactly,
        // without a libm call.
        let y = finite01_100(100.0 * acc / sum) * TOTAL_QUANTUM;
        ((y + TWO_POW_52) - TWO_POW_52) / TOTAL_QUANTUM
    } else {
        0.0
    }
}

const TOTAL_QUANTUM: f64 = 1e9;
const TWO_POW_52: f64 = 4_503_599_627_370_496.0;

/// Clamps a total or points to [0, 100]; NaN becomes 0.
fn finite01_100(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 100.0)
    }
}

/// A must-have flag's name (the id itself for a flag the dataset does not define: a host's
/// `must-have` value is checked against the dataset's flags, but a direct caller's is not).
fn flag_name<'d>(ds: &'d Dataset, id: &'d str) -> &'d str {
    let name = ds.refs().flag(id).and_then(|i| ds.flags.get(i));
    name.map_or(id, |f| f.name.as_str())
}

fn relax_hint(tr: Tr, ds: &Dataset, fails: &[(Must, usize)], candidates: usize) -> Option<String> {
    // The must-have failed by the most otherwise-eligible options (first one on a tie).
    let mut best: Option<(Must, usize)> = None;
    for &(what, c) in fails {
        if c > 0 && best.is_none_or(|(_, b)| c > b) {
            best = Some((what, c));
        }
    }
    let Some((what, count)) = best else {
        return if candidates == 0 {
            Some(tr.f(k::RELAX_NONE, &[("subject", &ds.subject)]))
        } else {
            None
        };
    };
    let name = match what {
        Must::Flag(flag) => flag_name(ds, flag).to_string(),
        Must::Arch(arch) => tr.f(k::RELAX_RUNS_ON, &[("arch", arch)]),
        Must::MinYears(years) => tr.f(k::RELAX_MIN_YEARS, &[("years", &years_text(tr, years))]),
    };
    // The headline already says that nothing meets every must-have: only the advice here.
    Some(tr.f(
        k::RELAX_HINT,
        &[
            ("name", &name),
            ("count", &count.to_string()),
            ("candidates", &candidates.to_string()),
        ],
    ))
}
