//! Plain-sentence reasons: why the winner wins, why each other option does not.

use super::Ranked;
use crate::data::Dataset;
use crate::i18n::{k, Tr, K};
use crate::num::tenths_text;

/// At most this many sentences per reason list.
pub const MAX_REASONS: usize = 3;

/// Criteria where `a` earns the most points over `b` as the breakdowns show them (tenths of
/// a point), biggest first: (criterion index, tenths). Criteria that differ by less than the
/// 0.1 points shown are left out.
fn top_advantages(a: &Ranked, b: &Ranked) -> ([(usize, u64); MAX_REASONS], usize) {
    let mut top = [(0usize, 0u64); MAX_REASONS];
    let mut len = 0;
    let (pa, pb) = (a.points_tenths(), b.points_tenths());
    for ((ca, x), y) in a.contributions.iter().zip(&pa).zip(&pb) {
        let Some(d) = x.checked_sub(*y).filter(|d| *d > 0) else {
            continue;
        };
        // Insertion into a tiny sorted array (ties keep criteria order).
        let mut pos = 0;
        while pos < len && top.get(pos).is_some_and(|&(_, x)| x >= d) {
            pos += 1;
        }
        if pos >= MAX_REASONS {
            continue;
        }
        // Shift the tail right by one (the last entry falls off when full).
        let mut j = len.min(MAX_REASONS - 1);
        while j > pos {
            top.swap(j, j - 1);
            j -= 1;
        }
        if let Some(slot) = top.get_mut(pos) {
            *slot = (ca.criterion, d);
        }
        len = (len + 1).min(MAX_REASONS);
    }
    (top, len)
}

/// The rule that orders options with equal totals, said wherever a tie is.
pub fn tie_rule(tr: Tr) -> &'static str {
    tr.t(k::EXPLAIN_TIE_RULE)
}

/// "Ties with Rocky Linux at 72.6 points; …, so AlmaLinux comes first." for options with
/// equal totals: `with` is the one tied with, `first` the one listed first.
fn tie_sentence(tr: Tr, ds: &Dataset, with: &Ranked, first: &Ranked) -> String {
    tr.f(
        k::EXPLAIN_TIE,
        &[
            ("with", option_name(ds, with.option)),
            ("points", &tr.decimal(tenths_text(first.total_tenths()))),
            ("rule", tie_rule(tr)),
            ("first", option_name(ds, first.option)),
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

fn criterion_name(ds: &Dataset, i: usize) -> &str {
    ds.criteria.get(i).map_or("?", |c| c.name.as_str())
}

fn option_name(ds: &Dataset, i: usize) -> &str {
    ds.options.get(i).map_or("?", |o| o.name.as_str())
}

fn detail(r: &Ranked, i: usize) -> &str {
    r.contributions.get(i).map_or("", |c| c.detail.as_str())
}

/// One line per criterion where `a` leads `b` most: `key` is the ahead or behind sentence.
fn advantages(
    tr: Tr,
    ds: &Dataset,
    key: K,
    a: &Ranked,
    b: &Ranked,
    mine: &Ranked,
    other: &str,
) -> Vec<String> {
    let (top, len) = top_advantages(a, b);
    top.iter()
        .take(len)
        .map(|&(i, d)| {
            let theirs = if std::ptr::eq(mine, a) { b } else { a };
            tr.f(
                key,
                &[
                    ("criterion", criterion_name(ds, i)),
                    ("a", detail(mine, i)),
                    ("b", detail(theirs, i)),
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
    winner: &Ranked,
    runner_up: Option<&Ranked>,
    all_zero: bool,
) -> Vec<String> {
    if all_zero {
        return vec![tr.t(k::EXPLAIN_ALL_ZERO).to_string()];
    }
    let Some(r) = runner_up else {
        return vec![tr.f(
            k::EXPLAIN_ONLY,
            &[
                ("name", option_name(ds, winner.option)),
                ("subject", &ds.subject),
            ],
        )];
    };
    if winner.total == r.total {
        return vec![tie_sentence(tr, ds, r, winner)];
    }
    let rname = option_name(ds, r.option);
    let out = advantages(tr, ds, k::EXPLAIN_AHEAD, winner, r, winner, rname);
    if out.is_empty() {
        return vec![tr.f(
            k::EXPLAIN_AHEAD_TINY,
            &[("other", rname), ("gap", &gap_text(tr, winner, r))],
        )];
    }
    out
}

/// Where `other` loses most to `winner`.
pub(crate) fn why_not(
    tr: Tr,
    ds: &Dataset,
    winner: &Ranked,
    other: &Ranked,
    all_zero: bool,
) -> Vec<String> {
    let wname = option_name(ds, winner.option);
    if all_zero {
        return vec![tr.f(k::EXPLAIN_ZERO_TIE, &[("other", wname)])];
    }
    if winner.total == other.total {
        return vec![tie_sentence(tr, ds, winner, winner)];
    }
    let out = advantages(tr, ds, k::EXPLAIN_BEHIND, winner, other, other, wname);
    if out.is_empty() {
        return vec![tr.f(
            k::EXPLAIN_BEHIND_TINY,
            &[("other", wname), ("gap", &gap_text(tr, winner, other))],
        )];
    }
    out
}
