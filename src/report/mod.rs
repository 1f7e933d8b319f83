//! The hand-off documents: what the printed report, the Markdown decision record and the
//! CSV files say. Pure Rust, no web crates: every figure comes from the same
//! [`Evaluation`] the widget shows, and every statement carries the dataset's sources.
//!
//! [`Report`] gathers the pieces once (setup in words, the top options' breakdowns with
//! each rating's rationale, the compared options, the lifecycle rows, the migration
//! route, the cited sources); [`decision_record`] writes them as Markdown, the widget's
//! print view (`ui::report`) as HTML. [`ranking_csv`] and [`table_csv`] are the
//! spreadsheet exports.

mod csv;
mod markdown;

pub use csv::{ranking_csv, table_csv};
pub use markdown::decision_record;

use crate::data::MAX_WEIGHT;
use crate::data::{
    CriterionKind, Dataset, Date, Fact, FlagState, Migration, Note, OptionEntry, Rating, Status,
    Version,
};
use crate::engine::route::{self, stage_name, Plan, Step};
use crate::engine::{
    fmt_num, gap_text, lifecycle, tie_rule, years_text, Contribution, Evaluation, Ranked, Setting,
};
use crate::i18n::{k, Tr};
use crate::num::tenths_text;
use crate::setup::Setup;

/// How many of the best options get a full breakdown in the decision record.
pub const TOP: usize = 3;
/// … and on paper, where three pages must hold everything.
pub const TOP_PRINTED: usize = 2;

/// Everything a hand-off document is made from.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    pub ds: &'a Dataset,
    pub setup: &'a Setup,
    pub eval: &'a Evaluation,
    pub today: Date,
    /// Address that reopens this setup; empty when the widget does not share its setup.
    pub link: &'a str,
    /// How many of the best options get a breakdown ([`TOP`] or [`TOP_PRINTED`]).
    pub breakdowns: usize,
}

/// One criterion of one option's breakdown.
pub struct Row<'a> {
    /// Index into `dataset.criteria`.
    pub criterion: usize,
    pub name: &'a str,
    pub weight: f64,
    pub c: &'a Contribution,
    /// Points as shown, in tenths (see [`Ranked::points_tenths`]): the rows add up to the total.
    pub points: u64,
    /// The rating's one-line rationale (hand-valued criteria only).
    pub rationale: Option<&'a str>,
    pub sources: &'a [String],
    /// How sure the rating is (verified for computed criteria).
    pub confidence: Status,
}

/// A score as every view shows it: one decimal ("72.6"), the same rounding as the
/// breakdown's total row, so near ties and gaps can be read off the scores.
pub fn score_text(tr: Tr, r: &Ranked) -> String {
    tr.decimal(tenths_text(r.total_tenths()))
}

/// The setup's one-sentence result, exactly as the widget's live region says it.
pub fn headline(ds: &Dataset, e: &Evaluation) -> String {
    let tr = e.tr;
    match e.ranking.first() {
        _ if e.all_weights_zero => tr.t(k::REPORT_ALL_ZERO).to_string(),
        Some(w) => tr.f(
            k::REPORT_RECOMMENDED,
            &[
                ("name", option_name(ds, w.option)),
                ("score", &score_text(tr, w)),
            ],
        ),
        None => tr.t(k::REPORT_NONE_MEETS).to_string(),
    }
}

/// "A", "A and B", "A, B and C".
pub fn and_list(tr: Tr, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => tr.f(k::REPORT_AND, &[("list", &init.join(", ")), ("last", last)]),
    }
}

/// "Tied: …" when the best options score exactly the same (with the rule that orders them),
/// "Near tie: …" when the runner-up is within the margin but not equal.
pub fn near_tie_line(ds: &Dataset, e: &Evaluation) -> Option<String> {
    if e.all_weights_zero {
        return None;
    }
    let (w, r) = (e.ranking.first()?, e.ranking.get(1)?);
    let tied: Vec<&str> = e
        .ranking
        .iter()
        .take_while(|x| x.total == w.total)
        .map(|x| option_name(ds, x.option))
        .collect();
    let tr = e.tr;
    let wname = option_name(ds, w.option);
    if tied.len() > 1 {
        return Some(tr.f(
            k::REPORT_TIED,
            &[
                ("names", &and_list(tr, &tied)),
                ("score", &score_text(tr, w)),
                ("rule", tie_rule(tr)),
                ("first", wname),
            ],
        ));
    }
    if !e.near_tie {
        return None;
    }
    let rname = option_name(ds, r.option);
    Some(if w.total_tenths() == r.total_tenths() {
        tr.f(
            k::REPORT_NEAR_TIE_TINY,
            &[
                ("other", rname),
                ("first", wname),
                ("score", &score_text(tr, w)),
            ],
        )
    } else {
        tr.f(
            k::REPORT_NEAR_TIE,
            &[
                ("other", rname),
                ("score", &score_text(tr, r)),
                ("gap", &gap_text(tr, w, r)),
                ("first", wname),
                ("first_score", &score_text(tr, w)),
            ],
        )
    })
}

/// Weight as the sliders show it: "8", "7.5".
pub fn fmt_weight(tr: Tr, w: f64) -> String {
    tr.num(w, u32::from(w.fract() != 0.0))
}

/// "raised to 9 or more", "lowered to 0".
fn setting_text(tr: Tr, s: &Setting) -> String {
    let w = fmt_weight(tr, s.weight);
    let key = match (s.rising, s.weight >= MAX_WEIGHT, s.weight <= 0.0) {
        (true, true, _) => k::REPORT_RAISED,
        (true, false, _) => k::REPORT_RAISED_MORE,
        (false, _, true) => k::REPORT_LOWERED,
        (false, _, false) => k::REPORT_LOWERED_LESS,
    };
    tr.f(key, &[("w", &w)])
}

/// The one-sentence sensitivity summary: the criterion whose nearest slider setting changes
/// the winner, that setting and who comes first there, and the other direction (another
/// setting, or that even the end of the slider keeps the winner). Only settings a visitor
/// can choose are named (whole numbers from 0 to 10).
pub fn sensitivity_line(ds: &Dataset, e: &Evaluation, weights: &[f64]) -> Option<String> {
    if e.all_weights_zero {
        return None;
    }
    let winner = option_name(ds, e.ranking.first()?.option);
    let now = |c: usize| weights.get(c).copied().unwrap_or(0.0);
    let nearest = e
        .sensitivity
        .iter()
        .filter_map(|s| Some((s, s.settable?)))
        .min_by(|(s, a), (t, b)| {
            (a.weight - now(s.criterion))
                .abs()
                .total_cmp(&(b.weight - now(t.criterion)).abs())
        });
    let tr = e.tr;
    let Some((s, a)) = nearest else {
        return Some(tr.f(
            k::REPORT_STABLE,
            &[("winner", winner), ("max", &fmt_weight(tr, MAX_WEIGHT))],
        ));
    };
    let name = ds
        .criteria
        .get(s.criterion)
        .map_or("?", |c| c.name.as_str());
    let mut out = tr.f(
        k::REPORT_UNLESS,
        &[
            ("winner", winner),
            ("criterion", name),
            ("setting", &setting_text(tr, &a)),
            ("at", &fmt_weight(tr, a.weight)),
            ("other", option_name(ds, a.winner)),
        ],
    );
    match s.settable_opposite {
        Some(b) => out.push_str(&tr.f(
            k::REPORT_UNLESS_OR,
            &[
                ("setting", &setting_text(tr, &b)),
                ("at", &fmt_weight(tr, b.weight)),
                ("other", option_name(ds, b.winner)),
            ],
        )),
        None => {
            let end = if a.rising { 0.0 } else { MAX_WEIGHT };
            if now(s.criterion) != end {
                out.push_str(&tr.f(k::REPORT_EVEN_AT, &[("w", &fmt_weight(tr, end))]));
            }
        }
    }
    out.push('.');
    Some(out)
}

pub fn option_name(ds: &Dataset, i: usize) -> &str {
    ds.options.get(i).map_or("?", |o| o.name.as_str())
}

fn find_version<'d>(ds: &'d Dataset, id: &str) -> Option<(usize, &'d Version)> {
    ds.version(id)
}

/// A rating as the widget prints it: "8/10", "6 days", "yes".
pub fn rating_value(tr: Tr, kind: &CriterionKind, r: &Rating) -> String {
    let v = tr.decimal(fmt_num(r.value));
    match kind {
        CriterionKind::Scale { max } => format!("{v}/{max}"),
        CriterionKind::Number { unit, .. } if !unit.is_empty() => format!("{v} {unit}"),
        CriterionKind::YesNo if r.value >= 1.0 => tr.t(k::SCORE_YES).to_string(),
        CriterionKind::YesNo if r.value <= 0.0 => tr.t(k::SCORE_NO).to_string(),
        _ => v,
    }
}

/// An option's value for a flag in words ("Yes", "No", "Not verified"), with its note.
pub fn flag_text<'a>(tr: Tr, o: &'a OptionEntry, flag: &str) -> (String, &'a [String]) {
    let Some(f) = o.flag(flag) else {
        return (tr.t(k::REPORT_NOT_STATED).to_string(), &[]);
    };
    let value = flag_value(tr, f.value);
    match &f.note {
        Some(n) => (format!("{value}: {n}"), &f.sources),
        None => (value.to_string(), &f.sources),
    }
}

/// Badge text for a fact's status ("" when verified).
pub fn status_text(tr: Tr, s: Status) -> &'static str {
    match s {
        Status::Verified => "",
        Status::Partial => tr.t(k::REPORT_STATUS_PARTIAL),
        Status::Secondary => tr.t(k::REPORT_STATUS_SECONDARY),
        Status::Conflict => tr.t(k::REPORT_STATUS_CONFLICT),
        Status::Unverified => tr.t(k::REPORT_STATUS_UNVERIFIED),
    }
}

/// "Yes", "No" or "Not verified".
pub fn flag_value(tr: Tr, v: FlagState) -> &'static str {
    tr.t(match v {
        FlagState::Yes => k::REPORT_FLAG_YES,
        FlagState::No => k::REPORT_FLAG_NO,
        FlagState::NotVerified => k::REPORT_FLAG_UNVERIFIED,
    })
}

/// A conflict's field in words: "security_end" → "security updates end",
/// "extended[0].until" → "Extended Life-cycle Support ends".
pub fn field_name(tr: Tr, v: &Version, field: &str) -> String {
    match field {
        "release" => tr.t(k::REPORT_FIELD_RELEASE).to_string(),
        "active_end" => tr.t(k::REPORT_FIELD_ACTIVE).to_string(),
        "security_end" => tr.t(k::REPORT_FIELD_SECURITY).to_string(),
        _ => field
            .strip_prefix("extended[")
            .and_then(|rest| rest.split_once("]."))
            .and_then(|(i, part)| Some((v.extended.get(i.parse::<usize>().ok()?)?, part)))
            .map_or(field.to_string(), |(e, part)| match part {
                "until" => tr.f(k::REPORT_FIELD_EXT_ENDS, &[("offer", &e.name)]),
                _ => format!("{} {part}", e.name),
            }),
    }
}

/// Latest dated paid/extended end of a version, if any.
pub fn extended_end(v: &Version) -> Option<Date> {
    v.extended.iter().filter_map(|e| e.until).max()
}

/// "in place, major-version upgrade, official".
pub fn describe(tr: Tr, m: &Migration) -> String {
    use crate::data::{Method, Upgrade};
    let how = tr.t(match m.method {
        Method::InPlace => k::REPORT_IN_PLACE,
        Method::Reinstall => k::REPORT_REINSTALL,
    });
    let up = tr.t(match m.upgrade {
        Upgrade::SameMajor => k::REPORT_SAME_MAJOR,
        Upgrade::Major => k::REPORT_MAJOR,
    });
    format!("{how}, {up}, {}", route::backing_label(tr, m.backing))
}

/// One step of the migration plan, with what the tool's documentation says about it.
pub struct PlanStep<'a> {
    pub text: String,
    pub sources: &'a [String],
    /// The tool's own steps (only where the tool first runs in the route).
    pub how: Vec<&'a Note>,
    /// Known risks and limits: the tool's (where it first runs) and this path's.
    pub risks: Vec<&'a Note>,
}

impl<'a> Report<'a> {
    pub fn new(
        ds: &'a Dataset,
        setup: &'a Setup,
        eval: &'a Evaluation,
        today: Date,
        link: &'a str,
    ) -> Report<'a> {
        Report {
            ds,
            setup,
            eval,
            today,
            link,
            breakdowns: TOP,
        }
    }

    /// The retrieval date most sources share (printed once instead of with each).
    pub fn common_retrieved(&self) -> Option<Date> {
        let mut best: (Option<Date>, usize) = (None, 0);
        for s in &self.ds.sources {
            let n = self
                .ds
                .sources
                .iter()
                .filter(|x| x.retrieved == s.retrieved)
                .count();
            if n > best.1 {
                best = (Some(s.retrieved), n);
            }
        }
        best.0
    }

    /// The language the report is written in (the evaluation's).
    pub fn tr(&self) -> Tr {
        self.eval.tr
    }

    pub fn winner(&self) -> Option<&'a Ranked> {
        if self.eval.all_weights_zero {
            return None;
        }
        self.eval.ranking.first()
    }

    /// "Stable production server (preset)" or "Custom weights and must-haves".
    pub fn situation(&self) -> String {
        match self
            .setup
            .preset
            .as_deref()
            .and_then(|id| self.ds.presets.iter().find(|p| p.id == id))
        {
            Some(p) => self.tr().f(
                k::REPORT_PRESET,
                &[("name", &p.name), ("description", &p.description)],
            ),
            None => self.tr().t(k::REPORT_CUSTOM).to_string(),
        }
    }

    /// "CentOS Linux 7 (security updates ended 2024-06-30)" or "New installation".
    pub fn current_text(&self) -> String {
        let tr = self.tr();
        let Some(id) = self.setup.current.as_deref() else {
            return tr.t(k::REPORT_NEW_INSTALL).to_string();
        };
        let Some((_, v)) = find_version(self.ds, id) else {
            return id.to_string();
        };
        let key = match v.security_end {
            Some(end) if end < self.today => k::REPORT_CURRENT_ENDED,
            Some(_) => k::REPORT_CURRENT_UNTIL,
            None => k::REPORT_CURRENT_UNPUBLISHED,
        };
        let date = v.security_end.map_or_else(String::new, |d| tr.date(d));
        tr.f(key, &[("version", &v.name), ("date", &date)])
    }

    /// Sources of the current system's version (its dates).
    pub fn current_sources(&self) -> &'a [String] {
        self.setup
            .current
            .as_deref()
            .and_then(|id| find_version(self.ds, id))
            .map_or(&[][..], |(_, v)| &v.sources[..])
    }

    /// Each must-have in words; empty when there are none.
    pub fn must_texts(&self) -> Vec<String> {
        let m = &self.setup.must;
        let mut out: Vec<String> = m
            .flags
            .iter()
            .map(|f| {
                self.ds
                    .flags
                    .iter()
                    .find(|x| &x.id == f)
                    .map_or(f.clone(), |x| x.name.clone())
            })
            .collect();
        let tr = self.tr();
        if let Some(a) = &m.arch {
            out.push(tr.f(k::RELAX_RUNS_ON, &[("arch", a)]));
        }
        if let Some(y) = m.min_years {
            out.push(tr.f(k::RELAX_MIN_YEARS, &[("years", &years_text(tr, y))]));
        }
        out
    }

    pub fn weight(&self, criterion: usize) -> f64 {
        self.setup.weights.get(criterion).copied().unwrap_or(0.0)
    }

    /// The best options (at most [`Report::breakdowns`]) that get a breakdown.
    pub fn top(&self) -> &'a [Ranked] {
        if self.eval.all_weights_zero {
            return &[];
        }
        let r = &self.eval.ranking;
        &r[..r.len().min(self.breakdowns)]
    }

    /// One option's breakdown: each criterion's value, points, rationale and sources.
    pub fn rows(&self, r: &'a Ranked) -> Vec<Row<'a>> {
        let ds = self.ds;
        let opt = ds.options.get(r.option);
        let shown = r.points_tenths();
        r.contributions
            .iter()
            .zip(shown)
            .filter_map(|(c, points)| {
                let crit = ds.criteria.get(c.criterion)?;
                let rating = ds.rating(r.option, c.criterion);
                let confidence = rating.map_or(Status::Verified, |x| x.confidence);
                let (rationale, sources): (Option<&str>, &[String]) = match crit.scoring {
                    CriterionKind::YearsLeft { .. } => {
                        let v = opt.and_then(|o| {
                            lifecycle(o, self.today)
                                .best_version
                                .and_then(|i| o.versions.get(i))
                        });
                        (None, v.map_or(&[][..], |v| &v.sources[..]))
                    }
                    CriterionKind::Migration => {
                        let m = self.plan_for(r.option).and_then(|p| {
                            p.best.steps.iter().find_map(|s| match s {
                                Step::Path(i) => ds.migrations.get(*i),
                                Step::Reinstall => None,
                            })
                        });
                        (None, m.map_or(&[][..], |m| &m.sources[..]))
                    }
                    _ => match rating {
                        Some(x) => (Some(x.rationale.as_str()), &x.sources[..]),
                        None => (None, &[][..]),
                    },
                };
                Some(Row {
                    criterion: c.criterion,
                    name: &crit.name,
                    weight: self.weight(c.criterion),
                    c,
                    points: *points,
                    rationale,
                    sources,
                    confidence,
                })
            })
            .collect()
    }

    /// Options in the side-by-side table, in the visitor's order.
    pub fn compared(&self) -> Vec<&'a OptionEntry> {
        self.setup
            .compare
            .iter()
            .filter_map(|id| self.ds.option(id).map(|(_, o)| o))
            .collect()
    }

    /// The fact an option states for a dimension.
    pub fn fact(o: &'a OptionEntry, dimension: &str) -> Option<&'a Fact> {
        o.facts.iter().find(|f| f.dimension == dimension)
    }

    /// Versions in the lifecycle table: the visitor's current system, and the versions
    /// still updated of the recommended and the compared options, in dataset order (the
    /// other top options' end dates are in their breakdown).
    pub fn lifecycle_versions(&self) -> Vec<&'a Version> {
        let current_owner = self
            .setup
            .current
            .as_deref()
            .and_then(|id| find_version(self.ds, id))
            .map(|(oi, _)| oi);
        self.ds
            .options
            .iter()
            .enumerate()
            .filter(|(oi, o)| {
                self.setup.compare.contains(&o.id)
                    || self.winner().is_some_and(|w| w.option == *oi)
                    || current_owner == Some(*oi)
            })
            .flat_map(|(_, o)| &o.versions)
            .filter(|v| {
                self.setup.current.as_deref() == Some(v.id.as_str()) || !ended(v, self.today)
            })
            .collect()
    }

    /// The engine's plan from the visitor's current system to option `oi`: the route the
    /// planner shows and the migration score uses (the fleet's first group).
    pub fn plan_for(&self, oi: usize) -> Option<&'a Plan> {
        self.eval
            .plans
            .iter()
            .find(|p| p.option == oi)?
            .groups
            .first()?
            .as_ref()
    }

    /// The plan to the recommended option.
    pub fn plan(&self) -> Option<&'a Plan> {
        self.plan_for(self.winner()?.option)
    }

    /// The plan in one sentence.
    pub fn plan_text(&self) -> String {
        let tr = self.tr();
        let Some(w) = self.winner() else {
            return tr.t(k::REPORT_NO_PLAN).to_string();
        };
        let winner = option_name(self.ds, w.option);
        let Some(cur) = self.setup.current.as_deref() else {
            let landing = self.landing().map_or(winner, |v| v.name.as_str());
            return tr.f(k::REPORT_PLAN_NEW, &[("landing", landing)]);
        };
        let current = stage_name(self.ds, cur);
        match self.plan() {
            Some(p) => {
                let mut s = String::new();
                route::describe(tr, self.ds, w.option, p, true, &mut s);
                tr.f(k::REPORT_PLAN_FROM, &[("current", current), ("route", &s)])
            }
            None => tr.f(
                k::REPORT_PLAN_NONE,
                &[("winner", winner), ("current", current)],
            ),
        }
    }

    /// The chosen route's steps in order, each with its sources, the tool's own steps and
    /// the known risks (a tool's steps and risks only where it first runs).
    pub fn plan_steps(&self) -> Vec<PlanStep<'a>> {
        let ds = self.ds;
        let (Some(w), Some(p)) = (self.winner(), self.plan()) else {
            return Vec::new();
        };
        let landing = ds
            .options
            .get(w.option)
            .and_then(|o| o.versions.get(p.best.version))
            .map_or("?", |v| v.name.as_str());
        let tr = self.tr();
        let mut seen: Vec<&str> = Vec::new();
        p.best
            .steps
            .iter()
            .filter_map(|step| match step {
                Step::Reinstall => Some(PlanStep {
                    text: tr.f(k::REPORT_STEP_REINSTALL, &[("landing", landing)]),
                    sources: &[],
                    how: Vec::new(),
                    risks: Vec::new(),
                }),
                Step::Path(mi) => {
                    let m = ds.migrations.get(*mi)?;
                    let tool = m
                        .tool
                        .as_deref()
                        .and_then(|t| ds.tools.iter().find(|x| x.id == t));
                    let first = tool.filter(|t| !seen.contains(&t.id.as_str()));
                    if let Some(t) = tool {
                        seen.push(&t.id);
                    }
                    let mut text =
                        format!("{} → {}", stage_name(ds, &m.from), stage_name(ds, &m.to));
                    if let Some(t) = tool {
                        text.push_str(&tr.f(
                            k::REPORT_STEP_WITH,
                            &[("tool", &t.name), ("owner", &t.owner)],
                        ));
                    }
                    text.push_str(&format!(": {}.", describe(tr, m)));
                    if let Some(n) = &m.note {
                        text.push(' ');
                        text.push_str(n);
                    }
                    Some(PlanStep {
                        text,
                        sources: &m.sources,
                        how: first.map(|t| t.steps.iter().collect()).unwrap_or_default(),
                        risks: first
                            .map(|t| t.risks.iter())
                            .into_iter()
                            .flatten()
                            .chain(&m.risks)
                            .collect(),
                    })
                }
            })
            .collect()
    }

    /// Where the recommendation lands: the plan's landing version, or for a new install
    /// the recommended option's longest-supported version.
    pub fn landing(&self) -> Option<&'a Version> {
        let w = self.winner()?;
        let o = self.ds.options.get(w.option)?;
        match self.plan() {
            Some(p) => o.versions.get(p.best.version),
            None if self.setup.current.is_none() => lifecycle(o, self.today)
                .best_version
                .and_then(|i| o.versions.get(i)),
            None => None,
        }
    }

    /// "security updates until 2032-05-31 (5.5 years from 2026-11-29)".
    pub fn support_text(&self, v: &Version) -> String {
        let tr = self.tr();
        let mut s = match v.security_end {
            Some(end) => tr.f(
                k::REPORT_SUPPORT_UNTIL,
                &[
                    ("date", &tr.date(end)),
                    ("years", &tr.num(self.today.years_until(end).max(0.0), 1)),
                    ("today", &tr.date(self.today)),
                ],
            ),
            None => tr.t(k::REPORT_SUPPORT_UNPUBLISHED).to_string(),
        };
        for e in &v.extended {
            s.push_str(&format!(
                "; {} {}: {}{}",
                e.vendor,
                e.name,
                e.until.map_or_else(
                    || tr.t(k::TIMELINE_NO_FIXED_END).to_string(),
                    |d| tr.date(d)
                ),
                if e.paid { tr.t(k::TIMELINE_PAID) } else { "" }
            ));
        }
        s
    }

    /// Citation numbers (the source's position in the dataset, from 1) of `ids`, in order,
    /// unknown ids left out.
    pub fn cite(&self, ids: &[String]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(n) = self.ds.refs().source(id) {
                if !out.contains(&(n + 1)) {
                    out.push(n + 1);
                }
            }
        }
        out
    }

    /// Every citation number the report prints, ascending: the list of sources to print.
    pub fn cited(&self) -> Vec<usize> {
        let mut ids: Vec<&[String]> = vec![self.current_sources()];
        for r in self.top() {
            for row in self.rows(r) {
                ids.push(row.sources);
            }
        }
        for o in self.compared() {
            for f in &o.facts {
                ids.push(&f.sources);
            }
        }
        for v in self.lifecycle_versions() {
            ids.push(&v.sources);
            for e in &v.extended {
                ids.push(&e.sources);
            }
            for c in &v.conflicts {
                ids.push(&c.sources);
            }
        }
        let steps = self.plan_steps();
        for st in &steps {
            ids.push(st.sources);
            for n in st.how.iter().chain(&st.risks) {
                ids.push(&n.sources);
            }
        }
        if let Some(v) = self.landing() {
            ids.push(&v.sources);
        }
        let mut out: Vec<usize> = ids.into_iter().flat_map(|s| self.cite(s)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The version's security updates ended before `today` (an unpublished end has not).
fn ended(v: &Version, today: Date) -> bool {
    v.security_end.is_some_and(|end| end < today)
}

/// "[3] [12]" for a list of citation numbers.
pub fn cite_text(numbers: &[usize]) -> String {
    numbers
        .iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A file name part from today's date: "2026-11-29".
pub fn file_stem(kind: &str, today: Date) -> String {
    format!("elcompare-{kind}-{today}")
}
