//! Plain-sentence reasons: why the winner wins, why each other option does not.

use super::Ranked;
use crate::data::Dataset;
use crate::i18n::{k, Tr, K};
use crate::num::tenths_text;

/// At most this many sentences per reason list.
pub const MAX_REASONS: usize = 3;

/// An option's ranking entry with its name, paired once by the engine (no lookup by index).
pub(crate) type Named<'a> = (&'a Ranked, &'a str);

/// One criterion where `a` leads `b`: its name, `a`'s and `b`'s details, the lead in tenths.
type Lead<'a> = (&'a str, &'a str, &'a str, u64);

/// Criteria where `a` earns the most points over `b` as the breakdowns show them (tenths of
/// a point), biggest first (ties keep criteria order). Criteria that differ by less than the
/// 0.1 points shown are left out.
fn top_advantages<'a>(ds: &'a Dataset, a: &'a Ranked, b: &'a Ranked) -> Vec<Lead<'a>> {
    let mut top: Vec<Lead<'a>> = Vec::with_capacity(MAX_REASONS + 1);
    let rows = ds
        .criteria
        .iter()
        .zip(&a.contributions)
        .zip(&b.contributions)
        .zip(a.points_tenths().iter().zip(b.points_tenths()));
    for (((c, ca), cb), (x, y)) in rows {
        let Some(d) = x.checked_sub(*y).filter(|d| *d > 0) else {
            continue;
        };
        // Insertion into a tiny sorted list; the last entry falls off when full.
        let pos = top.iter().take_while(|l| l.3 >= d).count();
        if pos < MAX_REASONS {
            top.insert(pos, (&c.name, &ca.detail, &cb.detail, d));
            top.truncate(MAX_REASONS);
        }
    }
    top
}

/// The rule that orders options with equal totals, said wherever a tie is.
pub fn tie_rule(tr: Tr) -> &'static str {
    tr.t(k::EXPLAIN_TIE_RULE)
}

/// "Ties with Rocky Linux at 72.6 points; …, so AlmaLinux comes first." for options with
/// equal totals: `with` is the one tied with, `first` the one listed first.
fn tie_sentence(tr: Tr, with: &str, first: Named) -> String {
    tr.f(
        k::EXPLAIN_TIE,
        &[
            ("with", with),
            ("points", &tr.decimal(tenths_text(first.0.total_tenths()))),
            ("rule", tie_rule(tr)),
            ("first", first.1),
        ],
    )
}

/// "3.1 points", or "less than 0.1 points" when the shown totals are equal.
pub fn gap_text(tr: Tr, ahead: &Ranked, behind: &Ranked) -> String {
    match ahead.total_tenths().saturating_sub(behind.total_tenths()) {
        0 => tr.t(k::EXPLAIN_GAP_SMALL).to_string(),
        d => tr.f(k::EXPLAIN_POINTS, &[("n", &tr.decimal(tenths_text(d)))]),
    }
}

/// One line per criterion where `a` leads `b` most: `key` is the ahead or behind sentence,
/// said from `a`'s side (`from_a`) or `b`'s.
fn advantages(
    tr: Tr,
    ds: &Dataset,
    key: K,
    a: &Ranked,
    b: &Ranked,
    from_a: bool,
    other: &str,
) -> Vec<String> {
    top_advantages(ds, a, b)
        .into_iter()
        .map(|(criterion, da, db, d)| {
            let (mine, theirs) = if from_a { (da, db) } else { (db, da) };
            tr.f(
                key,
                &[
                    ("criterion", criterion),
                    ("a", mine),
                    ("b", theirs),
                    ("other", other),
                    ("points", &tr.decimal(tenths_text(d))),
                ],
            )
        })
        .collect()
}

/// Why `winner` beats `runner_up` (None: it is the only one left).
pub(crate) fn why(
    tr: Tr,
    ds: &Dataset,
    winner: Named,
    runner_up: Option<Named>,
    all_zero: bool,
) -> Vec<String> {
    if all_zero {
        return vec![tr.t(k::EXPLAIN_ALL_ZERO).to_string()];
    }
    let Some((r, rname)) = runner_up else {
        return vec![tr.f(
            k::EXPLAIN_ONLY,
            &[("name", winner.1), ("subject", &ds.subject)],
        )];
    };
    let w = winner.0;
    if w.total == r.total {
        return vec![tie_sentence(tr, rname, winner)];
    }
    let out = advantages(tr, ds, k::EXPLAIN_AHEAD, w, r, true, rname);
    if out.is_empty() {
        return vec![tr.f(
            k::EXPLAIN_AHEAD_TINY,
            &[("other", rname), ("gap", &gap_text(tr, w, r))],
        )];
    }
    out
}

/// Where `other` loses most to `winner`.
pub(crate) fn why_not(
    tr: Tr,
    ds: &Dataset,
    winner: Named,
    other: &Ranked,
    all_zero: bool,
) -> Vec<String> {
    let (w, wname) = winner;
    if all_zero {
        return vec![tr.f(k::EXPLAIN_ZERO_TIE, &[("other", wname)])];
    }
    if w.total == other.total {
        return vec![tie_sentence(tr, wname, winner)];
    }
    let out = advantages(tr, ds, k::EXPLAIN_BEHIND, w, other, false, wname);
    if out.is_empty() {
        return vec![tr.f(
            k::EXPLAIN_BEHIND_TINY,
            &[("other", wname), ("gap", &gap_text(tr, w, other))],
        )];
    }
    out
}
