//! Migration routes: chains of documented steps from the visitor's current version to a
//! version of an option. One computation ([`plan`]) feeds the score, the explanation and the
//! planner, so they cannot disagree.
//!
//! **Which routes exist.** A route follows `dataset.migrations` (in-place paths) from the
//! current version, at most [`MAX_STEPS`] of them, and may pass only through versions (or
//! waypoints) of the system run now or of the option it lands on: switching vendor twice is no
//! documented route. It lands on a version of the option that is still supported on the scoring
//! date (its end of security updates, or with paid extended support counted the latest paid
//! offer, is today or later, or is not published) and meets the arch and years must-haves.
//! A reinstall is one step of its own kind onto the longest-supported such version; running a
//! supported version of the option already is a route of no steps.
//!
//! **Which route is chosen** (in order): fewest unsupported steps; an in-place route before a
//! reinstall; fewest steps; the latest end of security updates at the landing version (a
//! published date before an unpublished one); dataset order. The alternative shown next to it
//! is the reinstall on the longest-supported version, when that lasts longer.
//!
//! **Its migration ease** is the product of its steps' utilities
//! ([`super::score::migration_utility`]) times [`EXTRA_STEP_FACTOR`] for every step after the
//! first, never below a reinstall's: 0 steps 1, a reinstall 0.2.

use super::score::{migration_utility, MIGRATION_REINSTALL};
use crate::data::{At, Backing, Dataset, Date, Method, OptionEntry, Stage, Version};
use crate::i18n::{k, Tr};

/// Longest chain of in-place steps considered.
pub const MAX_STEPS: usize = 3;
/// Each step after the first multiplies a route's migration ease by this.
pub const EXTRA_STEP_FACTOR: f64 = 0.9;

/// One step of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// An in-place path: index into `dataset.migrations`.
    Path(usize),
    /// A fresh install of the landing version.
    Reinstall,
}

/// A way from the current version to one version of an option.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// In order; empty when the visitor already runs the landing version.
    pub steps: Vec<Step>,
    /// Landing version: index into the option's `versions`.
    pub version: usize,
    /// End of security updates at the landing version (the paid offer's end when paid
    /// extended support is counted and lasts longer); `None` when not published.
    pub end: Option<Date>,
    /// Index into the landing version's `extended` when `end` comes from a paid offer.
    pub paid: Option<usize>,
    /// Steps whose backing is [`Backing::Unsupported`].
    pub unsupported: usize,
    /// Migration ease in [0, 1].
    pub utility: f64,
}

impl Route {
    /// A fresh install rather than in place (or no move at all).
    pub fn is_reinstall(&self) -> bool {
        self.steps.first() == Some(&Step::Reinstall)
    }

    /// Weakest backing among its in-place steps (`None` for a reinstall or no steps).
    pub fn backing(&self, ds: &Dataset) -> Option<Backing> {
        let mut worst: Option<Backing> = None;
        for s in &self.steps {
            if let Step::Path(i) = s {
                if let Some(m) = ds.migrations.get(*i) {
                    let rank = |b: Backing| match b {
                        Backing::Official => 0,
                        Backing::Community => 1,
                        Backing::Unsupported => 2,
                    };
                    if worst.is_none_or(|w| rank(m.backing) > rank(w)) {
                        worst = Some(m.backing);
                    }
                }
            }
        }
        worst
    }
}

/// The chosen route from one current version to one option, with its alternative.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub best: Route,
    /// Reinstall on the longest-supported version, when it lasts longer than `best`.
    pub alternative: Option<Route>,
}

/// What a landing version must meet besides being supported.
#[derive(Debug, Clone, Copy, Default)]
pub struct Landing<'a> {
    /// Count paid extended-support offers in the end of updates.
    pub count_paid: bool,
    /// A CPU architecture the landing version must list.
    pub arch: Option<&'a str>,
    /// Minimum years of security updates left at the landing version.
    pub min_years: Option<f64>,
}

/// End of security updates of `v`, with the latest dated paid offer when `count_paid` and it
/// lasts longer: (end, index of that offer).
pub fn effective_end(v: &Version, count_paid: bool) -> (Option<Date>, Option<usize>) {
    let mut end = v.security_end;
    let mut paid = None;
    if count_paid {
        for (k, e) in v.extended.iter().enumerate() {
            let Some(until) = e.until else {
                continue;
            };
            if e.paid && end.is_none_or(|d| until > d) {
                end = Some(until);
                paid = Some(k);
            }
        }
    }
    (end, paid)
}

/// The landing version's end and paid offer, if it may be landed on.
fn landable(v: &Version, today: Date, l: &Landing) -> Option<(Option<Date>, Option<usize>)> {
    let (end, paid) = effective_end(v, l.count_paid);
    if end.is_some_and(|d| d < today) {
        return None;
    }
    if l.arch.is_some_and(|a| !v.arches.iter().any(|x| x == a)) {
        return None;
    }
    if let Some(need) = l.min_years {
        match end {
            Some(d) if today.years_until(d) >= need => {}
            _ => return None,
        }
    }
    Some((end, paid))
}

/// Ordering key of the selection rule (smaller is better); `order` breaks ties.
fn key(r: &Route) -> (usize, bool, usize, i64) {
    // Later end first; an unpublished end after every published one.
    let end = r.end.map_or(i64::MAX, |d| -d.days_since_epoch());
    (r.unsupported, r.is_reinstall(), r.steps.len(), end)
}

/// The route from `current` (a version id) to option `oi`, or `None` when no version of it
/// can be landed on (or `current` or `oi` is unknown).
pub fn plan(ds: &Dataset, current: &str, oi: usize, today: Date, l: &Landing) -> Option<Plan> {
    let opt = ds.options.get(oi)?;
    let refs = ds.refs();
    let start = refs.stage(current)?;
    let mut best: Option<Route> = None;
    let mut offer = |r: Route| {
        if best.as_ref().is_none_or(|b| key(&r) < key(b)) {
            best = Some(r);
        }
    };

    // Already running a supported version of it.
    if start.option == oi {
        if let Some((vi, v)) = version_of(opt, start) {
            if let Some((end, paid)) = landable(v, today, l) {
                offer(Route {
                    steps: Vec::new(),
                    version: vi,
                    end,
                    paid,
                    unsupported: 0,
                    utility: 1.0,
                });
            }
        }
    }

    // In-place chains, depth first, over the resolved stages (no id compared again).
    let mut path: Vec<(usize, Stage)> = Vec::with_capacity(MAX_STEPS);
    let mut stack: Vec<(usize, usize, Stage)> = Vec::new(); // (depth, migration index, to)
    let push_from = |stack: &mut Vec<(usize, usize, Stage)>, from: Stage, depth: usize| {
        for (mi, m) in ds.migrations.iter().enumerate().rev() {
            let Some(ends) = refs.migration(mi) else {
                continue;
            };
            if let (Method::InPlace, Some(f), Some(to)) = (m.method, ends.from, ends.to) {
                if f == from {
                    stack.push((depth, mi, to));
                }
            }
        }
    };
    push_from(&mut stack, start, 0);
    while let Some((depth, mi, to)) = stack.pop() {
        path.truncate(depth);
        // No stage twice (no cycles back to the start either).
        if to == start || path.iter().any(|&(_, s)| s == to) {
            continue;
        }
        if to.option != oi && to.option != start.option {
            continue;
        }
        path.push((mi, to));
        if to.option == oi {
            if let Some((vi, v)) = version_of(opt, to) {
                if let Some((end, paid)) = landable(v, today, l) {
                    offer(chain(ds, &path, vi, end, paid));
                }
            }
        }
        if path.len() < MAX_STEPS {
            push_from(&mut stack, to, path.len());
        }
    }

    // Reinstall on the longest-supported landable version.
    let mut fresh: Option<Route> = None;
    for (vi, v) in opt.versions.iter().enumerate() {
        if let Some((end, paid)) = landable(v, today, l) {
            let r = Route {
                steps: vec![Step::Reinstall],
                version: vi,
                end,
                paid,
                unsupported: 0,
                utility: MIGRATION_REINSTALL,
            };
            if fresh.as_ref().is_none_or(|f| key(&r) < key(f)) {
                fresh = Some(r);
            }
        }
    }
    let best = match (best, fresh.clone()) {
        (Some(b), Some(f)) => Some(if key(&f) < key(&b) { f } else { b }),
        (b, f) => b.or(f),
    }?;
    let alternative = fresh.filter(|f| match (f.end, best.end) {
        (Some(a), Some(b)) => a > b && !best.is_reinstall(),
        _ => false,
    });
    Some(Plan { best, alternative })
}

/// The version a stage of `opt` names, with its index (None for a waypoint).
fn version_of(opt: &OptionEntry, s: Stage) -> Option<(usize, &Version)> {
    let vi = s.version()?;
    Some((vi, opt.versions.get(vi)?))
}

/// The route made of the in-place paths `path`, landing on version `vi`.
fn chain(
    ds: &Dataset,
    path: &[(usize, Stage)],
    vi: usize,
    end: Option<Date>,
    paid: Option<usize>,
) -> Route {
    let mut utility = 1.0;
    let mut unsupported = 0;
    for (k, &(mi, _)) in path.iter().enumerate() {
        if let Some(m) = ds.migrations.get(mi) {
            utility *= migration_utility(m.method, m.upgrade, m.backing);
            if m.backing == Backing::Unsupported {
                unsupported += 1;
            }
        }
        if k > 0 {
            utility *= EXTRA_STEP_FACTOR;
        }
    }
    Route {
        steps: path.iter().map(|&(mi, _)| Step::Path(mi)).collect(),
        version: vi,
        end,
        paid,
        unsupported,
        utility: utility.max(MIGRATION_REINSTALL),
    }
}

/// Display name of a version or waypoint id (the id itself when unknown: a host's current
/// system the dataset does not list).
pub fn stage_name<'d>(ds: &'d Dataset, id: &'d str) -> &'d str {
    let name = ds.refs().stage(id).and_then(|s| match s.at {
        At::Version(vi) => ds.options.get(s.option)?.versions.get(vi).map(|v| &v.name),
        At::Waypoint(wi) => ds.waypoints.get(wi).map(|w| &w.name),
    });
    name.map_or(id, String::as_str)
}

/// Display name of migration `mi`'s tool (None: it names none).
fn tool_name(ds: &Dataset, mi: usize) -> Option<&str> {
    let ti = ds.refs().migration(mi)?.tool?;
    ds.tools.get(ti).map(|t| t.name.as_str())
}

/// ", with paid <offer> from <vendor>" when the route's end comes from a paid offer.
pub fn push_paid(tr: Tr, out: &mut String, opt: &crate::data::OptionEntry, r: &Route) {
    let offer = r
        .paid
        .and_then(|k| opt.versions.get(r.version)?.extended.get(k));
    if let Some(e) = offer {
        tr.push_f(
            out,
            k::ROUTE_WITH_PAID,
            &[("offer", &e.name), ("vendor", &e.vendor)],
        );
    }
}

fn end_text(tr: Tr, end: Option<Date>) -> String {
    match end {
        Some(d) => tr.f(k::ROUTE_SECURITY_TO, &[("date", &tr.date(d))]),
        None => tr.t(k::ROUTE_END_UNPUBLISHED).to_string(),
    }
}

/// "official", "community" or "unsupported" in `tr`'s language.
pub fn backing_label(tr: Tr, b: Backing) -> &'static str {
    tr.t(match b {
        Backing::Official => k::BACKING_OFFICIAL,
        Backing::Community => k::BACKING_COMMUNITY,
        Backing::Unsupported => k::BACKING_UNSUPPORTED,
    })
}

/// The sentence for a plan, e.g. "AlmaLinux 8 via ELevate (1 step, official; security updates
/// to 2029-05-31) — or reinstall on AlmaLinux 10 for updates to 2035-05-31". `with_alternative`
/// adds the part after the dash.
pub fn describe(
    tr: Tr,
    ds: &Dataset,
    oi: usize,
    p: &Plan,
    with_alternative: bool,
    out: &mut String,
) {
    let Some(opt) = ds.options.get(oi) else {
        return;
    };
    let name = |r: &Route| opt.versions.get(r.version).map_or("?", |v| v.name.as_str());
    let r = &p.best;
    let end = end_text(tr, r.end);
    if r.steps.is_empty() {
        tr.push_f(out, k::ROUTE_ALREADY, &[("end", &end)]);
    } else if r.is_reinstall() {
        tr.push_f(
            out,
            k::ROUTE_REINSTALL,
            &[("version", name(r)), ("end", &end)],
        );
    } else {
        // Tool names in order; a tool run several times in a row is named once ("ELevate twice").
        let tools: Vec<&str> = r
            .steps
            .iter()
            .filter_map(|s| match s {
                Step::Path(mi) => tool_name(ds, *mi),
                Step::Reinstall => None,
            })
            .collect();
        let mut names = String::new();
        let mut i = 0;
        while let Some(&tool) = tools.get(i) {
            let runs = tools.iter().skip(i).take_while(|&&t| t == tool).count();
            if i > 0 {
                names.push_str(tr.t(k::ROUTE_THEN));
            }
            match runs {
                1 => names.push_str(tool),
                2 => tr.push_f(&mut names, k::ROUTE_TWICE, &[("tool", tool)]),
                _ => tr.push_f(&mut names, k::ROUTE_THRICE, &[("tool", tool)]),
            }
            i += runs.max(1);
        }
        let steps = match r.steps.len() {
            1 => tr.t(k::ROUTE_ONE_STEP).to_string(),
            n => tr.f(k::ROUTE_STEPS, &[("n", &n.to_string())]),
        };
        let backing = backing_label(tr, r.backing(ds).unwrap_or(Backing::Official));
        tr.push_f(
            out,
            k::ROUTE_VIA,
            &[
                ("version", name(r)),
                ("tools", &names),
                ("steps", &steps),
                ("backing", backing),
                ("end", &end),
            ],
        );
    }
    push_paid(tr, out, opt, r);
    out.push(')');
    if let (true, Some(alt)) = (with_alternative, &p.alternative) {
        let date = alt.end.map_or_else(String::new, |d| tr.date(d));
        tr.push_f(
            out,
            k::ROUTE_ALTERNATIVE,
            &[("version", name(alt)), ("date", &date)],
        );
        push_paid(tr, out, opt, alt);
    }
}
