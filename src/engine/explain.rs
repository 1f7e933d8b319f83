//! Plain-sentence reasons: why the winner wins, why each other option does not.

use super::score::push_fixed1;
use super::Ranked;
use crate::data::Dataset;

/// At most this many sentences per reason list.
pub const MAX_REASONS: usize = 3;
/// Point differences below this are left out unless nothing larger exists.
const NOTICEABLE: f64 = 0.05;

/// Criteria where `a` earns the most points over `b`, biggest first (criterion index, points).
fn top_advantages(a: &Ranked, b: &Ranked) -> ([(usize, f64); MAX_REASONS], usize) {
    let mut top = [(0usize, 0.0f64); MAX_REASONS];
    let mut len = 0;
    for (ca, cb) in a.contributions.iter().zip(&b.contributions) {
        let d = ca.points - cb.points;
        if d.is_nan() || d <= 0.0 {
            continue;
        }
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
    // Keep the first one always; drop the rest if too small to show.
    let mut keep = len.min(1);
    while keep < len && top.get(keep).is_some_and(|&(_, d)| d >= NOTICEABLE) {
        keep += 1;
    }
    (top, keep)
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
    let (top, len) = top_advantages(winner, r);
    if len == 0 {
        return vec![format!(
            "Ties with {}; it comes first only by list order.",
            option_name(ds, r.option)
        )];
    }
    let mut out = Vec::with_capacity(len);
    for &(i, d) in top.iter().take(len) {
        let (name, a, b) = (criterion_name(ds, i), detail(winner, i), detail(r, i));
        let mut s = String::with_capacity(name.len() + a.len() + b.len() + 24);
        s.push_str(name);
        s.push_str(": ");
        s.push_str(a);
        s.push_str(" vs ");
        s.push_str(b);
        s.push_str(" (+");
        push_fixed1(&mut s, d);
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
    let (top, len) = top_advantages(winner, other);
    if len == 0 {
        return vec![format!(
            "Ties with {wname}, which comes first only by list order."
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
        push_fixed1(&mut s, d);
        s.push_str(" points)");
        out.push(s);
    }
    out
}
