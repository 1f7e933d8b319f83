//! Plain-sentence reasons: why the winner wins, why each other option does not.

use super::Ranked;
use crate::data::Dataset;
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
pub const TIE_RULE: &str = "options with equal scores are listed in the dataset's order";

/// "Ties with Rocky Linux at 72.6 points; …, so AlmaLinux comes first." for options with
/// equal totals: `with` is the one tied with, `first` the one listed first.
fn tie_sentence(ds: &Dataset, with: &Ranked, first: &Ranked) -> String {
    let mut s = format!("Ties with {} at ", option_name(ds, with.option));
    s.push_str(&tenths_text(first.total_tenths()));
    s.push_str(" points; ");
    s.push_str(TIE_RULE);
    s.push_str(", so ");
    s.push_str(option_name(ds, first.option));
    s.push_str(" comes first.");
    s
}

/// "3.1 points", or "less than 0.1 points" when the shown totals are equal.
pub fn gap_text(ahead: &Ranked, behind: &Ranked) -> String {
    match ahead.total_tenths().saturating_sub(behind.total_tenths()) {
        0 => "less than 0.1 points".to_string(),
        d => format!("{} points", tenths_text(d)),
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

/// Why `winner` beats `runner_up` (None: it is the only one left).
pub(crate) fn why(
    ds: &Dataset,
    winner: &Ranked,
    runner_up: Option<&Ranked>,
    all_zero: bool,
) -> Vec<String> {
    if all_zero {
        return vec![
            "Every weight is zero, so every option ties; raise a weight to compare.".to_string(),
        ];
    }
    let Some(r) = runner_up else {
        return vec![format!(
            "{} is the only {} left in the running.",
            option_name(ds, winner.option),
            ds.subject
        )];
    };
    if winner.total == r.total {
        return vec![tie_sentence(ds, r, winner)];
    }
    let rname = option_name(ds, r.option);
    let (top, len) = top_advantages(winner, r);
    if len == 0 {
        return vec![format!(
            "Ahead of {rname} by {} in total, by less than 0.1 points on every criterion.",
            gap_text(winner, r)
        )];
    }
    let mut out = Vec::with_capacity(len);
    for &(i, d) in top.iter().take(len) {
        let (name, a, b) = (criterion_name(ds, i), detail(winner, i), detail(r, i));
        let mut s = String::with_capacity(name.len() + a.len() + b.len() + rname.len() + 32);
        s.push_str(name);
        s.push_str(": ");
        s.push_str(a);
        s.push_str(" vs ");
        s.push_str(b);
        s.push_str(" for ");
        s.push_str(rname);
        s.push_str(" (+");
        s.push_str(&tenths_text(d));
        s.push_str(" points)");
        out.push(s);
    }
    out
}

/// Where `other` loses most to `winner`.
pub(crate) fn why_not(
    ds: &Dataset,
    winner: &Ranked,
    other: &Ranked,
    all_zero: bool,
) -> Vec<String> {
    let wname = option_name(ds, winner.option);
    if all_zero {
        return vec![format!("Ties with {wname}: every weight is zero.")];
    }
    if winner.total == other.total {
        return vec![tie_sentence(ds, winner, winner)];
    }
    let (top, len) = top_advantages(winner, other);
    if len == 0 {
        return vec![format!(
            "Behind {wname} by {} in total, by less than 0.1 points on every criterion.",
            gap_text(winner, other)
        )];
    }
    let mut out = Vec::with_capacity(len);
    for &(i, d) in top.iter().take(len) {
        let (name, a, b) = (criterion_name(ds, i), detail(other, i), detail(winner, i));
        let mut s = String::with_capacity(name.len() + a.len() + b.len() + wname.len() + 32);
        s.push_str(name);
        s.push_str(": ");
        s.push_str(a);
        s.push_str(" vs ");
        s.push_str(b);
        s.push_str(" for ");
        s.push_str(wname);
        s.push_str(" (−");
        s.push_str(&tenths_text(d));
        s.push_str(" points)");
        out.push(s);
    }
    out
}
