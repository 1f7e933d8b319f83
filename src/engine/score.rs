//! Per-criterion utilities: how an option's value becomes a number in [0, 1].
//!
//! The mapping, per [`CriterionKind`] (also returned to the visitor by [`scoring_text`]):
//!
//! | kind | utility | detail |
//! |---|---|---|
//! | `Scale { max }` | rating ÷ `max`, clamped to [0, 1] (`max` = 0 scores 0) | "8/10" |
//! | `Number { min, max, higher_is_better }` | (value − min) ÷ (max − min), clamped; reversed when lower is better; `min` = `max`: 1 if on the good side, else 0 | "30 days" |
//! | `YesNo` | the value clamped to [0, 1] (1 yes, 0 no) | "yes" / "no" |
//! | `YearsLeft { cap_years }` | years from today to the latest `security_end` of the option's versions, clamped to [0, cap] ÷ cap (cap ≤ 0: 1 while supported) | "6.4 years left (until 2032-05-31)" |
//! | `Migration` | from the visitor's current version: new install 1; already running a supported version of it 1; best listed path: in place same major official 1.0 / community 0.85, in place major official 0.6 / community 0.5, reinstall 0.2; no path listed 0.2 | "in place with ELevate (official, major upgrade)" |
//!
//! A hand-valued criterion with no rating (or a non-finite one) scores 0 with detail "no rating".
//! Versions without a `security_end` are skipped when counting years left; an option with no
//! dated version at all scores 0 ("no published end of security updates") but is not excluded.

use crate::data::{
    Backing, Criterion, CriterionKind, Dataset, Date, Method, Migration, OptionEntry, Upgrade,
};
use crate::num::push_u64;
use std::fmt::Write as _;

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
pub fn scoring_text(c: &Criterion) -> String {
    match &c.scoring {
        CriterionKind::Scale { max } => format!(
            "Rated by hand from 0 to {max}, with a rationale and sources; the score is the rating \
             divided by {max}. An option without a rating scores 0."
        ),
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
            let unit = if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            };
            format!(
                "Scored on a straight line from {}{unit} (nothing) to {}{unit} (full marks); \
                 values beyond either end count as that end. An option without a value scores 0.",
                fmt_num(*worse),
                fmt_num(*better)
            )
        }
        CriterionKind::YesNo => {
            "Yes scores full marks, no scores nothing. An option without a value scores 0."
                .to_string()
        }
        CriterionKind::YearsLeft { cap_years } => format!(
            "Years of security updates left, from today to the latest published end of security \
             updates among the option's versions; {} or more years scores full marks, \
             fewer scores in proportion. A version whose end is not published is shown as \
             unknown and adds nothing: it never borrows another version's date. One whose \
             updates have all ended is not recommended.",
            fmt_num(*cap_years)
        ),
        CriterionKind::Migration => "From the system you run now: already running a supported \
             version of it, or an official in-place update within the same major version, scores \
             full marks; a community in-place update within the major version 85%; an official \
             in-place major upgrade 60%, a community one 50%; a reinstall 20%. For a new install \
             every option scores full marks."
            .to_string(),
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
    let mut latest: Option<(Date, usize)> = None;
    let mut undated: Option<(Option<Date>, usize)> = None;
    for (i, v) in option.versions.iter().enumerate() {
        let Some(end) = v.security_end.as_deref().and_then(Date::parse) else {
            let released = Date::parse(&v.release);
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

/// Appends "; Oracle Linux 10: end not published, not counted" when a version is undated.
fn push_undated(detail: &mut String, opt: &OptionEntry, life: &Lifecycle) {
    if let Some(v) = life.undated.and_then(|i| opt.versions.get(i)) {
        detail.push_str("; ");
        detail.push_str(&v.name);
        detail.push_str(": end not published, not counted");
    }
}

/// The visitor's current system, resolved once per evaluation.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Current<'a> {
    pub id: &'a str,
    /// Option owning that version, if any.
    pub owner: Option<usize>,
    /// The version still receives security updates (or publishes no end).
    pub supported: bool,
}

pub(crate) fn resolve_current<'a>(ds: &Dataset, id: &'a str, today: Date) -> Current<'a> {
    for (oi, o) in ds.options.iter().enumerate() {
        if let Some(v) = o.versions.iter().find(|v| v.id == id) {
            let supported = match v.security_end.as_deref().map(Date::parse) {
                Some(Some(end)) => end >= today,
                _ => true,
            };
            return Current {
                id,
                owner: Some(oi),
                supported,
            };
        }
    }
    Current {
        id,
        owner: None,
        supported: false,
    }
}

/// Everything a utility needs besides the option and the criterion.
pub(crate) struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub current: Option<Current<'a>>,
    pub today: Date,
}

/// Utility in [0, 1] of option `oi` on criterion `c`; writes the human-readable value to `detail`.
pub(crate) fn utility(
    ctx: &Ctx<'_>,
    oi: usize,
    opt: &OptionEntry,
    life: &Lifecycle,
    hint: usize,
    c: &Criterion,
    detail: &mut String,
) -> f64 {
    let u = match &c.scoring {
        CriterionKind::Scale { max } => match rating(opt, &c.id, hint) {
            None => no_rating(detail),
            Some(v) => {
                push_num(detail, v);
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
        } => match rating(opt, &c.id, hint) {
            None => no_rating(detail),
            Some(v) => {
                push_num(detail, v);
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
        CriterionKind::YesNo => match rating(opt, &c.id, hint) {
            None => no_rating(detail),
            Some(v) => {
                let u = clamp01(v);
                if u >= 1.0 {
                    detail.push_str("yes");
                } else if u <= 0.0 {
                    detail.push_str("no");
                } else {
                    let _ = write!(detail, "partly ({})", fmt_num(v));
                }
                u
            }
        },
        CriterionKind::YearsLeft { cap_years } => {
            let latest = life.latest_version.and_then(|i| opt.versions.get(i));
            let u = match (life.latest_end, life.years) {
                (Some(end), Some(years)) if years >= 0.0 => {
                    push_fixed1(detail, years);
                    detail.push_str(" years left (");
                    if let Some(v) = latest {
                        detail.push_str(&v.name);
                        detail.push_str(", ");
                    }
                    detail.push_str("until ");
                    push_date(detail, end);
                    detail.push(')');
                    if cap_years.is_finite() && *cap_years > 0.0 {
                        years.min(*cap_years) / cap_years
                    } else {
                        1.0
                    }
                }
                (Some(end), _) => {
                    detail.push_str("security updates ended ");
                    push_date(detail, end);
                    0.0
                }
                _ => {
                    detail.push_str("no published end of security updates, scored 0");
                    0.0
                }
            };
            push_undated(detail, opt, life);
            u
        }
        CriterionKind::Migration => migration(ctx, oi, opt, detail),
    };
    clamp01(u)
}

fn no_rating(detail: &mut String) -> f64 {
    detail.push_str("no rating");
    0.0
}

/// The option's rating for `criterion`; `hint` is where it most likely sits (ratings are
/// usually listed in criteria order).
fn rating(opt: &OptionEntry, criterion: &str, hint: usize) -> Option<f64> {
    let hit = |r: &&crate::data::Rating| r.criterion == criterion;
    opt.ratings
        .get(hint)
        .filter(hit)
        .or_else(|| opt.ratings.iter().find(hit))
        .map(|r| r.value)
        .filter(|v| v.is_finite())
}

fn migration(ctx: &Ctx<'_>, oi: usize, opt: &OptionEntry, detail: &mut String) -> f64 {
    let Some(cur) = ctx.current else {
        detail.push_str("new install");
        return 1.0;
    };
    if cur.owner == Some(oi) && cur.supported {
        detail.push_str("already running it");
        return 1.0;
    }
    let mut best: Option<(f64, &Migration)> = None;
    let mut into_ended = false;
    for m in &ctx.ds.migrations {
        let Some(to) = opt.versions.iter().find(|v| v.id == m.to) else {
            continue;
        };
        if m.from != cur.id {
            continue;
        }
        // A path into a version whose security updates have ended is no way forward.
        if to
            .security_end
            .as_deref()
            .and_then(Date::parse)
            .is_some_and(|end| end < ctx.today)
        {
            into_ended = true;
            continue;
        }
        let u = migration_utility(m.method, m.upgrade, m.backing);
        if best.is_none_or(|(b, _)| u > b) {
            best = Some((u, m));
        }
    }
    let Some((u, m)) = best else {
        detail.push_str(if into_ended {
            "in-place tools reach only ended versions: reinstall"
        } else {
            "no in-place tool: reinstall"
        });
        return MIGRATION_REINSTALL;
    };
    let tool = m.tool.as_deref().map(|id| {
        ctx.ds
            .tools
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.name.as_str())
    });
    let backing = m.backing.label();
    match m.method {
        Method::InPlace => {
            detail.push_str("in place");
            if let Some(t) = tool {
                detail.push_str(" with ");
                detail.push_str(t);
            }
            let upgrade = match m.upgrade {
                Upgrade::SameMajor => "same major version",
                Upgrade::Major => "major upgrade",
            };
            detail.push_str(" (");
            detail.push_str(backing);
            detail.push_str(", ");
            detail.push_str(upgrade);
            detail.push(')');
        }
        Method::Reinstall => {
            detail.push_str("reinstall");
            if let Some(t) = tool {
                let _ = write!(detail, " (helped by {t}, {backing})");
            }
        }
    }
    u
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

/// Appends `v` like [`fmt_num`].
pub(crate) fn push_num(out: &mut String, v: f64) {
    out.push_str(&fmt_num(v));
}

/// Appends `v` rounded to one decimal ("7.3", "-0.4", "12.0"), the one rounding of [`crate::num`].
pub(crate) fn push_fixed1(out: &mut String, v: f64) {
    crate::num::push_rounded(out, v, 1);
}

/// Appends an ISO date, "2032-05-31".
pub(crate) fn push_date(out: &mut String, d: Date) {
    if (0..=9999).contains(&d.year) && d.month <= 99 && d.day <= 99 {
        let y = d.year.unsigned_abs();
        let digit = |n: u32| b'0' + (n % 10) as u8;
        let buf = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(d.month / 10),
            digit(d.month),
            b'-',
            digit(d.day / 10),
            digit(d.day),
        ];
        out.push_str(std::str::from_utf8(&buf).unwrap_or("?"));
    } else {
        let _ = write!(out, "{d}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed1(v: f64) -> String {
        let mut s = String::new();
        push_fixed1(&mut s, v);
        s
    }

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
        let mut s = String::new();
        push_date(
            &mut s,
            Date {
                year: 2032,
                month: 5,
                day: 31,
            },
        );
        push_date(
            &mut s,
            Date {
                year: 987,
                month: 12,
                day: 1,
            },
        );
        assert_eq!(s, "2032-05-310987-12-01");
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
