//! Per-criterion utilities: how an option's value becomes a number in [0, 1].
//!
//! The mapping, per [`CriterionKind`] (also returned to the visitor by [`scoring_text`]):
//!
//! | kind | utility | detail |
//! |---|---|---|
//! | `Scale { max }` | rating ÷ `max`, clamped to [0, 1] (`max` = 0 scores 0) | "8/10" |
//! | `Number { min, max, higher_is_better }` | (value − min) ÷ (max − min), clamped; reversed when lower is better; `min` = `max`: 1 if on the good side, else 0 | "30 days" |
//! | `YesNo` | the value clamped to [0, 1] (1 yes, 0 no) | "yes" / "no" |
//! | `YearsLeft { cap_years }` | new install: years from today to the latest `security_end` of the option's versions; from a current system: to the end at the version its chosen [route](super::route) lands on (server-weighted over a fleet); clamped to [0, cap] ÷ cap (cap ≤ 0: 1 while supported); paid offers count only with `count_paid` | "6.4 years left (until 2032-05-31)", "2.5 years left on AlmaLinux 8 (until 2029-05-31)" |
//! | `Migration` | new install 1; otherwise the chosen route's ease (see [`super::route`]: 0 steps 1, steps multiply, 0.9 per extra step, floor 0.2 = reinstall), server-weighted over a fleet | "AlmaLinux 8 via ELevate (1 step, official; security updates to 2029-05-31) — or reinstall on AlmaLinux 10 for updates to 2035-05-31" |
//!
//! A hand-valued criterion with no rating (or a non-finite one) scores 0 with detail "no rating".
//! Versions without a `security_end` are skipped when counting years left; an option with no
//! dated version at all scores 0 ("no published end of security updates") but is not excluded.

use super::route::{self, Plan};
use crate::data::{Backing, Criterion, CriterionKind, Dataset, Date, Method, OptionEntry, Upgrade};
use crate::i18n::{k, Tr};
use crate::num::push_u64;

/// Utility of an in-place update within the same major version with an official tool.
pub const MIGRATION_IN_PLACE_SAME_MAJOR_OFFICIAL: f64 = 1.0;
/// Utility of an in-place update within the same major version with a community tool.
pub const MIGRATION_IN_PLACE_SAME_MAJOR_COMMUNITY: f64 = 0.85;
/// Utility of an in-place major upgrade with an official tool.
pub const MIGRATION_IN_PLACE_MAJOR_OFFICIAL: f64 = 0.6;
/// Utility of an in-place major upgrade with a community tool.
pub const MIGRATION_IN_PLACE_MAJOR_COMMUNITY: f64 = 0.5;
/// Utility of a reinstall (also when no path is listed at all).
pub const MIGRATION_REINSTALL: f64 = 0.2;

/// Utility of one migration path (see the module table).
pub fn migration_utility(method: Method, upgrade: Upgrade, backing: Backing) -> f64 {
    match (method, upgrade, backing) {
        (Method::Reinstall, _, _) => MIGRATION_REINSTALL,
        (Method::InPlace, Upgrade::SameMajor, Backing::Official) => {
            MIGRATION_IN_PLACE_SAME_MAJOR_OFFICIAL
        }
        (Method::InPlace, Upgrade::SameMajor, Backing::Community) => {
            MIGRATION_IN_PLACE_SAME_MAJOR_COMMUNITY
        }
        (Method::InPlace, Upgrade::Major, Backing::Official) => MIGRATION_IN_PLACE_MAJOR_OFFICIAL,
        (Method::InPlace, Upgrade::Major, Backing::Community) => MIGRATION_IN_PLACE_MAJOR_COMMUNITY,
        // A path its own tool's owner does not support is no better than a reinstall.
        (Method::InPlace, _, Backing::Unsupported) => MIGRATION_REINSTALL,
    }
}

/// "How this is scored", one or two sentences for the visitor.
pub fn scoring_text(tr: Tr, c: &Criterion) -> String {
    match &c.scoring {
        CriterionKind::Scale { max } => tr.f(k::SCORING_SCALE, &[("max", &max.to_string())]),
        CriterionKind::Number {
            min,
            max,
            higher_is_better,
            unit,
        } => {
            let (better, worse) = if *higher_is_better {
                (max, min)
            } else {
                (min, max)
            };
            let with_unit = |v: f64| match unit.is_empty() {
                true => tr.decimal(fmt_num(v)),
                false => format!("{} {unit}", tr.decimal(fmt_num(v))),
            };
            tr.f(
                k::SCORING_NUMBER,
                &[
                    ("worse", &with_unit(*worse)),
                    ("better", &with_unit(*better)),
                ],
            )
        }
        CriterionKind::YesNo => tr.t(k::SCORING_YES_NO).to_string(),
        CriterionKind::YearsLeft { cap_years } => tr.f(
            k::SCORING_YEARS_LEFT,
            &[("cap", &tr.decimal(fmt_num(*cap_years)))],
        ),
        CriterionKind::Migration => tr.t(k::SCORING_MIGRATION).to_string(),
    }
}

/// An option's security-update lifecycle as seen from `today`.
///
/// Only published dates count. A version whose end is not published is never given another
/// version's date: it is recorded in `undated`, and whatever shows or scores the lifecycle says
/// that it was left out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lifecycle {
    /// Latest `security_end` among the option's versions that publish one.
    pub latest_end: Option<Date>,
    /// Index (into `versions`) of the version whose end is `latest_end`.
    pub latest_version: Option<usize>,
    /// Years from today to `latest_end` (negative once it has passed).
    pub years: Option<f64>,
    /// Index (into `versions`) of the longest-supported version still receiving security
    /// updates today (its end is `latest_end`); `None` when none is.
    pub best_version: Option<usize>,
    /// Index of the most recently released version that publishes no end of security updates.
    pub undated: Option<usize>,
}

impl Lifecycle {
    /// Every dated version's security updates have ended and no version is undated.
    pub fn ended(&self) -> bool {
        self.best_version.is_none() && self.latest_end.is_some() && self.undated.is_none()
    }
}

/// Computes [`Lifecycle`] for one option. Unparsable dates are skipped like absent ones.
pub fn lifecycle(option: &OptionEntry, today: Date) -> Lifecycle {
    lifecycle_with(option, today, false)
}

/// [`lifecycle`], counting paid extended-support offers when `count_paid`.
pub fn lifecycle_with(option: &OptionEntry, today: Date, count_paid: bool) -> Lifecycle {
    let mut latest: Option<(Date, usize)> = None;
    let mut undated: Option<(Option<Date>, usize)> = None;
    for (i, v) in option.versions.iter().enumerate() {
        let Some(end) = super::route::effective_end(v, count_paid).0 else {
            let released = Some(v.release);
            if undated.is_none_or(|(r, _)| released >= r) {
                undated = Some((released, i));
            }
            continue;
        };
        if latest.is_none_or(|(d, _)| end > d) {
            latest = Some((end, i));
        }
    }
    let undated = undated.map(|(_, i)| i);
    match latest {
        None => Lifecycle {
            latest_end: None,
            latest_version: None,
            years: None,
            best_version: None,
            undated,
        },
        Some((end, i)) => Lifecycle {
            latest_end: Some(end),
            latest_version: Some(i),
            years: Some(today.years_until(end)),
            best_version: (end >= today).then_some(i),
            undated,
        },
    }
}

/// Appends `sep` and "Oracle Linux 10: end not published, not counted" when a version is
/// undated; true when it did.
fn push_undated(
    tr: Tr,
    detail: &mut String,
    opt: &OptionEntry,
    life: &Lifecycle,
    sep: &str,
) -> bool {
    let Some(v) = life.undated.and_then(|i| opt.versions.get(i)) else {
        return false;
    };
    tr.push_f(
        detail,
        k::SCORE_UNDATED,
        &[("sep", sep), ("version", &v.name)],
    );
    true
}

/// Everything a utility needs besides the option and the criterion.
pub(crate) struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub today: Date,
    /// The fleet: (current version id, servers); empty for a new install.
    pub groups: &'a [(&'a str, f64)],
    /// This option's chosen route from each group (same order as `groups`).
    pub plans: &'a [Option<Plan>],
    pub count_paid: bool,
    pub tr: Tr,
}

/// Utility in [0, 1] of option `oi` on criterion `c` (index `ci`); writes the human-readable
/// value to `detail`.
pub(crate) fn utility(
    ctx: &Ctx<'_>,
    oi: usize,
    opt: &OptionEntry,
    life: &Lifecycle,
    ci: usize,
    c: &Criterion,
    detail: &mut String,
) -> f64 {
    let tr = ctx.tr;
    // The option's rating on it, aligned with the criteria once by `Dataset::refs`.
    let rating = || {
        ctx.ds
            .rating(oi, ci)
            .map(|r| r.value)
            .filter(|v| v.is_finite())
    };
    let u = match &c.scoring {
        CriterionKind::Scale { max } => match rating() {
            None => no_rating(tr, detail),
            Some(v) => {
                push_num(tr, detail, v);
                detail.push('/');
                push_u64(detail, u64::from(*max));
                if *max == 0 {
                    0.0
                } else {
                    v / f64::from(*max)
                }
            }
        },
        CriterionKind::Number {
            min,
            max,
            higher_is_better,
            unit,
        } => match rating() {
            None => no_rating(tr, detail),
            Some(v) => {
                push_num(tr, detail, v);
                if !unit.is_empty() {
                    detail.push(' ');
                    detail.push_str(unit);
                }
                if max == min {
                    let good = if *higher_is_better {
                        v >= *max
                    } else {
                        v <= *min
                    };
                    if good {
                        1.0
                    } else {
                        0.0
                    }
                } else {
                    let up = clamp01((v - min) / (max - min));
                    if *higher_is_better {
                        up
                    } else {
                        1.0 - up
                    }
                }
            }
        },
        CriterionKind::YesNo => match rating() {
            None => no_rating(tr, detail),
            Some(v) => {
                let u = clamp01(v);
                if u >= 1.0 {
                    detail.push_str(tr.t(k::SCORE_YES));
                } else if u <= 0.0 {
                    detail.push_str(tr.t(k::SCORE_NO));
                } else {
                    let value = tr.decimal(fmt_num(v));
                    tr.push_f(detail, k::SCORE_PARTLY, &[("value", &value)]);
                }
                u
            }
        },
        CriterionKind::YearsLeft { cap_years } if !ctx.groups.is_empty() => {
            years_at_landing(ctx, opt, *cap_years, detail)
        }
        CriterionKind::YearsLeft { cap_years } => {
            let latest = life.latest_version.and_then(|i| opt.versions.get(i));
            match (life.latest_end, life.years) {
                (Some(end), Some(years)) if years >= 0.0 => {
                    let until = tr.f(k::SCORE_UNTIL, &[("date", &tr.date(end))]);
                    let years = tr.num(years, 1);
                    detail.push_str(&match latest {
                        Some(v) => tr.f(
                            k::SCORE_YEARS_LEFT_VERSION,
                            &[("years", &years), ("version", &v.name), ("until", &until)],
                        ),
                        None => tr.f(k::SCORE_YEARS_LEFT, &[("years", &years), ("until", &until)]),
                    });
                    push_undated(tr, detail, opt, life, "; ");
                    detail.push(')');
                    if ctx.count_paid {
                        detail.push_str(tr.t(k::SCORE_COUNTING_PAID));
                    }
                    let years = life.years.unwrap_or(0.0);
                    if cap_years.is_finite() && *cap_years > 0.0 {
                        years.min(*cap_years) / cap_years
                    } else {
                        1.0
                    }
                }
                (Some(end), _) => {
                    tr.push_f(detail, k::SCORE_SECURITY_ENDED, &[("date", &tr.date(end))]);
                    if push_undated(tr, detail, opt, life, " (") {
                        detail.push(')');
                    }
                    0.0
                }
                _ => {
                    detail.push_str(tr.t(k::SCORE_NO_END_SCORED_0));
                    0.0
                }
            }
        }
        CriterionKind::Migration => migration(ctx, oi, detail),
    };
    clamp01(u)
}

fn no_rating(tr: Tr, detail: &mut String) -> f64 {
    detail.push_str(tr.t(k::SCORE_NO_RATING));
    0.0
}

fn years_utility(years: f64, cap_years: f64) -> f64 {
    if cap_years.is_finite() && cap_years > 0.0 {
        years.min(cap_years) / cap_years
    } else {
        1.0
    }
}

/// Years left at the version each group's route lands on, server-weighted.
fn years_at_landing(ctx: &Ctx<'_>, opt: &OptionEntry, cap_years: f64, detail: &mut String) -> f64 {
    let (mut acc, mut total) = (0.0, 0.0);
    for (k, &(_, n)) in ctx.groups.iter().enumerate() {
        let u = match ctx.plans.get(k).and_then(Option::as_ref) {
            Some(p) => p.best.end.map_or(0.0, |end| {
                years_utility(ctx.today.years_until(end).max(0.0), cap_years)
            }),
            None => 0.0,
        };
        acc += n * u;
        total += n;
    }
    let u = if total > 0.0 { acc / total } else { 0.0 };
    let tr = ctx.tr;
    match (ctx.groups.len(), ctx.plans.first().and_then(Option::as_ref)) {
        (1, Some(p)) => {
            let name = opt
                .versions
                .get(p.best.version)
                .map_or("?", |v| v.name.as_str());
            match p.best.end {
                Some(end) => {
                    tr.push_f(
                        detail,
                        k::SCORE_YEARS_LEFT_ON,
                        &[
                            ("years", &tr.num(ctx.today.years_until(end).max(0.0), 1)),
                            ("version", name),
                            ("date", &tr.date(end)),
                        ],
                    );
                    route::push_paid(ctx.tr, detail, opt, &p.best);
                }
                None => tr.push_f(detail, k::SCORE_NO_END_ON, &[("version", name)]),
            }
        }
        (1, None) => detail.push_str(tr.t(k::SCORE_NO_SUPPORTED)),
        (g, _) => {
            // Back from utility to years: exact below the cap.
            tr.push_f(
                detail,
                k::SCORE_YEARS_AVERAGE,
                &[
                    ("years", &tr.num(u * cap_years, 1)),
                    ("groups", &g.to_string()),
                ],
            );
            if ctx.count_paid {
                detail.push_str(tr.t(k::SCORE_COUNTING_PAID));
            }
        }
    }
    u
}

/// Migration ease of the chosen routes, server-weighted.
fn migration(ctx: &Ctx<'_>, oi: usize, detail: &mut String) -> f64 {
    if ctx.groups.is_empty() {
        detail.push_str(ctx.tr.t(k::SCORE_NEW_INSTALL));
        return 1.0;
    }
    let (mut acc, mut total) = (0.0, 0.0);
    for (k, &(cur, n)) in ctx.groups.iter().enumerate() {
        let plan = ctx.plans.get(k).and_then(Option::as_ref);
        let u = plan.map_or(MIGRATION_REINSTALL, |p| p.best.utility);
        acc += n * u;
        total += n;
        if ctx.groups.len() > 1 {
            if k > 0 {
                detail.push_str("; ");
            }
            push_num(ctx.tr, detail, n);
            detail.push_str(" × ");
            detail.push_str(route::stage_name(ctx.ds, cur));
            detail.push_str(": ");
        }
        match plan {
            Some(p) => route::describe(ctx.tr, ctx.ds, oi, p, ctx.groups.len() == 1, detail),
            None => detail.push_str(ctx.tr.t(k::SCORE_NO_ROUTE)),
        }
    }
    if total > 0.0 {
        acc / total
    } else {
        MIGRATION_REINSTALL
    }
}

/// Clamps to [0, 1]; NaN becomes 0.
pub(crate) fn clamp01(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// Whole numbers without decimals, others with one decimal: "8", "7.5", "-3".
pub fn fmt_num(v: f64) -> String {
    crate::num::trimmed(v, 1)
}

/// A number of years in words: "1 year", "7 years", "2.5 years".
pub fn years_text(tr: Tr, n: f64) -> String {
    let n = fmt_num(n);
    if n == "1" {
        tr.t(k::SCORE_ONE_YEAR).to_string()
    } else {
        tr.f(k::SCORE_YEARS, &[("n", &tr.decimal(n))])
    }
}

/// Appends `v` like [`fmt_num`], with `tr`'s decimal separator.
pub(crate) fn push_num(tr: Tr, out: &mut String, v: f64) {
    let start = out.len();
    crate::num::push_trimmed(out, v, 1);
    tr.decimal_from(out, start);
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::num::fixed1;

    #[test]
    fn formats_numbers_and_dates() {
        assert_eq!(fmt_num(8.0), "8");
        assert_eq!(fmt_num(-0.0), "0");
        assert_eq!(fmt_num(-3.0), "-3");
        assert_eq!(fmt_num(7.5), "7.5");
        assert_eq!(fmt_num(1234567.0), "1234567");
        assert_eq!(fmt_num(f64::NAN), "?");
        assert_eq!(fixed1(0.04), "0.0");
        assert_eq!(fixed1(-0.04), "0.0");
        assert_eq!(fixed1(-0.4), "-0.4");
        assert_eq!(fixed1(12.0), "12.0");
        assert_eq!(fixed1(8.16), "8.2");
        assert_eq!(fixed1(100.0), "100.0");
        let en = crate::i18n::Tr::english();
        let d = |year, month, day| Date { year, month, day };
        assert_eq!(en.date(d(2032, 5, 31)), "2032-05-31");
        assert_eq!(en.date(d(987, 12, 1)), "0987-12-01");
    }

    #[test]
    fn migration_utilities_are_ordered() {
        use Backing::*;
        use Method::*;
        use Upgrade::*;
        let u = migration_utility;
        assert!(u(InPlace, SameMajor, Official) > u(InPlace, SameMajor, Community));
        assert!(u(InPlace, SameMajor, Community) > u(InPlace, Major, Official));
        assert!(u(InPlace, Major, Official) > u(InPlace, Major, Community));
        assert!(u(InPlace, Major, Community) > u(Reinstall, SameMajor, Official));
    }
}
