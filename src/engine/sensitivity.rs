//! Exact weight thresholds at which the winner changes.
//!
//! Hold every weight but wᵢ fixed. With S = Σ_{j≠i} w_j and A_k = Σ_{j≠i} w_j·u_kj, option k
//! totals (A_k + w·u_ki)/(S + w). The winner W stays ahead of a challenger k while
//! D_k(w) = (A_W − A_k) + w·(u_Wi − u_ki) ≥ 0 (the positive denominator S + w does not change
//! the sign), a line in w that crosses zero once, at w* = (A_k − A_W)/(u_Wi − u_ki). Raising wᵢ can
//! only let challengers with a higher u_ki through, lowering it only those with a lower one;
//! the first crossing reached in each direction is the threshold. Exactly at a crossing the two
//! tie and list order decides; at the ends of the slider range, where that matters, the winner
//! is found by evaluating the totals there exactly as the ranking does.
//! When S = 0 every total is u_ki for any w > 0 and all options tie at w = 0.

use super::{Sensitivity, Setting, Threshold};
use crate::data::WEIGHT_STEP;

/// A threshold weight and the option index that takes over there.
type Crossing = Option<(f64, usize)>;

/// Crossings this close to an end of the range are decided by evaluating at the end (a crossing
/// that is exactly on the end in exact arithmetic may land a rounding error to either side).
const END_TOLERANCE: f64 = 1e-9;

/// Crossings closer than this (relative) count as simultaneous.
const SAME_CROSSING: f64 = 1e-12;

/// One ranked option: its index and its utilities, one per criterion (in criteria order).
type Row<'a> = (usize, &'a [f64]);

/// `opts`: option indices in ranking order (winner first); `u`: utilities, row-major in the
/// same order, one per weight per row; `w`: sanitized weights; `hi`: top of the slider range
/// in the same units as `w`; thresholds are multiplied by `scale` on output.
pub(crate) fn sensitivity(
    opts: &[usize],
    u: &[f64],
    w: &[f64],
    hi: f64,
    scale: f64,
) -> Vec<Sensitivity> {
    let m = w.len();
    if m == 0 {
        return Vec::new();
    }
    // Rows of exactly `m` utilities each, paired with their option.
    let rows: Vec<Row> = opts.iter().copied().zip(u.chunks_exact(m)).collect();
    let mut out = Vec::with_capacity(m);
    for (i, &c) in w.iter().enumerate() {
        let (rise, fall) = if rows.len() < 2 {
            (None, None)
        } else {
            one(&rows, w, i, c, hi)
        };
        let at = |c: Option<(f64, usize)>, rising: bool| match c {
            Some((t, k)) => Threshold::At {
                weight: t * scale,
                rising,
                new_winner: k,
            },
            None => Threshold::NoChange,
        };
        let rise_first = match (rise, fall) {
            (Some((tr, _)), Some((tf, _))) => tr - c <= c - tf,
            (Some(_), None) => true,
            _ => false,
        };
        let step = |x: Crossing, rising: bool| settable(&rows, w, i, c, x, rising, scale);
        let (threshold, opposite, settable, settable_opposite) = if rise_first {
            (
                at(rise, true),
                at(fall, false),
                step(rise, true),
                step(fall, false),
            )
        } else {
            (
                at(fall, false),
                at(rise, true),
                step(fall, false),
                step(rise, true),
            )
        };
        out.push(Sensitivity {
            criterion: i,
            threshold,
            opposite,
            settable,
            settable_opposite,
        });
    }
    out
}

/// Row `r`'s utility on criterion `i` and A = Σ_{j≠i} w_j·u_j, summed in the same order as
/// the totals so that a tie at w = 0 is seen exactly as the ranking sees it.
fn split(r: &[f64], w: &[f64], i: usize) -> (f64, f64) {
    let (mut ui, mut a) = (0.0, 0.0);
    for (j, (&x, &y)) in r.iter().zip(w).enumerate() {
        if j == i {
            ui = x;
        } else {
            a += y * x;
        }
    }
    (ui, a)
}

/// Nearest rising and falling crossing for criterion `i` (weight `c` now): (weight, new winner
/// option index). `rows` has the winner first.
fn one(rows: &[Row], w: &[f64], i: usize, c: f64, hi: f64) -> (Crossing, Crossing) {
    let s = w
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .map(|(_, x)| x)
        .sum::<f64>();
    let Some((&(wid, wrow), challengers)) = rows.split_first() else {
        return (None, None);
    };
    let (uw, aw) = split(wrow, w, i);
    if s <= 0.0 {
        // Every other weight is zero: any w > 0 ranks by u_i alone; w = 0 ties everyone.
        let mut rise = None;
        let mut fall = None;
        if c <= 0.0 && hi > 0.0 {
            let (mut ub, mut ob) = (uw, wid);
            for &(ok, r) in challengers {
                let (uk, _) = split(r, w, i);
                if uk > ub || (uk == ub && ok < ob) {
                    (ub, ob) = (uk, ok);
                }
            }
            if ob != wid {
                rise = Some((0.0, ob));
            }
        }
        if c > 0.0 {
            if let Some(first) = rows.iter().map(|&(o, _)| o).min() {
                if first != wid {
                    fall = Some((0.0, first));
                }
            }
        }
        return (rise, fall);
    }
    let mut rise: Option<(f64, usize, f64)> = None; // (t, option, u_ki)
    let mut fall: Option<(f64, usize, f64)> = None;
    // Some crossing lies at (or a rounding error from) an end of the range.
    let (mut near_hi, mut near_lo) = (false, false);
    for &(ok, r) in challengers {
        let (uk, ak) = split(r, w, i);
        let a = aw - ak;
        let b = uw - uk;
        // Crossings strictly inside the range; the ends are checked below by evaluating there.
        if b < 0.0 {
            let t = (-a / b).max(c);
            if t < hi - END_TOLERANCE {
                consider(&mut rise, t, ok, uk, true);
            } else if t <= hi + END_TOLERANCE {
                near_hi = true;
            }
        } else if b > 0.0 {
            let t = (-a / b).min(c);
            if t > END_TOLERANCE && t <= hi {
                consider(&mut fall, t, ok, uk, false);
            } else if (-END_TOLERANCE..=END_TOLERANCE).contains(&t) {
                near_lo = true;
            }
        }
    }
    let mut rise = rise.map(|(t, o, _)| (t, o));
    let mut fall = fall.map(|(t, o, _)| (t, o));
    // At an end of the range a crossing can sit exactly on it (then list order decides) or a
    // rounding away from it: ask the totals themselves, computed exactly as the ranking does.
    if rise.is_none() && near_hi && c < hi {
        rise = winner_at(rows, w, i, hi)
            .filter(|&o| o != wid)
            .map(|o| (hi, o));
    }
    if fall.is_none() && near_lo && c > 0.0 {
        fall = winner_at(rows, w, i, 0.0)
            .filter(|&o| o != wid)
            .map(|o| (0.0, o));
    }
    (rise, fall)
}

/// The slider setting (a multiple of [`WEIGHT_STEP`] in 0..=MAX_WEIGHT) nearest the current
/// weight past crossing `x` at which another option comes first, and that option. Past its
/// crossing the winner never comes back in that direction (each challenger's lead is linear
/// in the weight), so the first setting that changes the winner is found by evaluating the
/// settings from the crossing outwards. A crossing exactly on a setting is a tie there, which
/// list order decides.
fn settable(
    rows: &[Row],
    w: &[f64],
    i: usize,
    c: f64,
    x: Crossing,
    rising: bool,
    scale: f64,
) -> Option<Setting> {
    let (t, _) = x?;
    let &(wid, _) = rows.first()?;
    let now = c * scale;
    let top = (crate::data::MAX_WEIGHT / WEIGHT_STEP).floor();
    let t = t * scale / WEIGHT_STEP;
    let mut k = if rising {
        (t - END_TOLERANCE).ceil()
    } else {
        (t + END_TOLERANCE).floor()
    };
    if !k.is_finite() || !scale.is_finite() || scale <= 0.0 {
        return None;
    }
    while (0.0..=top).contains(&k) {
        let weight = k * WEIGHT_STEP;
        if (rising && weight > now) || (!rising && weight < now) {
            if let Some(winner) = winner_at(rows, w, i, weight / scale).filter(|&o| o != wid) {
                return Some(Setting {
                    weight,
                    rising,
                    winner,
                });
            }
        }
        k += if rising { 1.0 } else { -1.0 };
    }
    None
}

/// The winner (option index) with weight `i` set to `x`, computed like [`super::evaluate`].
fn winner_at(rows: &[Row], w: &[f64], i: usize, x: f64) -> Option<usize> {
    let wj = |j: usize, y: f64| if j == i { x } else { y };
    let sum: f64 = w.iter().enumerate().map(|(j, &y)| wj(j, y)).sum();
    let mut best: Option<(f64, usize)> = None;
    for &(o, r) in rows {
        let acc = r
            .iter()
            .zip(w)
            .enumerate()
            .fold(0.0, |acc, (j, (ukj, &y))| acc + wj(j, y) * ukj);
        let total = super::total_from(acc, sum);
        if best.is_none_or(|(bt, bo)| total > bt || (total == bt && o < bo)) {
            best = Some((total, o));
        }
    }
    best.map(|(_, o)| o)
}

/// Keeps the crossing reached first; among simultaneous ones, the option that leads just past
/// it (highest utility when rising, lowest when falling; then list order).
fn consider(best: &mut Option<(f64, usize, f64)>, t: f64, o: usize, uk: f64, rising: bool) {
    let Some((bt, bo, bu)) = *best else {
        *best = Some((t, o, uk));
        return;
    };
    let tol = SAME_CROSSING * (1.0 + bt.abs());
    let sooner = if rising { t < bt - tol } else { t > bt + tol };
    if sooner {
        *best = Some((t, o, uk));
    } else if (t - bt).abs() <= tol {
        let leads = if rising { uk > bu } else { uk < bu };
        if leads || (uk == bu && o < bo) {
            let first = if rising { t.min(bt) } else { t.max(bt) };
            *best = Some((first, o, uk));
        }
    }
}
