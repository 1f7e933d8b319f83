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

/// `opts`: option indices in ranking order (winner first); `u`: utilities, row-major in the
/// same order, `m` per row; `w`: sanitized weights (length `m`); `hi`: top of the slider range
/// in the same units as `w`; thresholds are multiplied by `scale` on output.
pub(crate) fn sensitivity(
    opts: &[usize],
    u: &[f64],
    w: &[f64],
    hi: f64,
    scale: f64,
) -> Vec<Sensitivity> {
    let m = w.len();
    let n = opts.len();
    let mut out = Vec::with_capacity(m);
    let mut others = vec![0.0; n];
    for i in 0..m {
        let (rise, fall) = if n < 2 {
            (None, None)
        } else {
            one(opts, u, w, i, &mut others, hi)
        };
        let at = |c: Option<(f64, usize)>, rising: bool| match c {
            Some((t, k)) => Threshold::At {
                weight: t * scale,
                rising,
                new_winner: k,
            },
            None => Threshold::NoChange,
        };
        let c = w.get(i).copied().unwrap_or(0.0);
        let rise_first = match (rise, fall) {
            (Some((tr, _)), Some((tf, _))) => tr - c <= c - tf,
            (Some(_), None) => true,
            _ => false,
        };
        let step = |x: Crossing, rising: bool| settable(opts, u, w, i, x, rising, scale);
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

fn row(u: &[f64], k: usize, m: usize) -> &[f64] {
    u.get(k * m..(k + 1) * m).unwrap_or(&[])
}

fn get(u: &[f64], k: usize, m: usize, i: usize) -> f64 {
    u.get(k * m + i).copied().unwrap_or(0.0)
}

/// Nearest rising and falling crossing for criterion `i`: (weight, new winner option index).
fn one(
    opts: &[usize],
    u: &[f64],
    w: &[f64],
    i: usize,
    others: &mut [f64],
    hi: f64,
) -> (Crossing, Crossing) {
    let m = w.len();
    let n = opts.len();
    let c = w.get(i).copied().unwrap_or(0.0);
    let s = w
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != i)
        .map(|(_, x)| x)
        .sum::<f64>();
    let Some(&wid) = opts.first() else {
        return (None, None);
    };
    let uw = get(u, 0, m, i);
    if s <= 0.0 {
        // Every other weight is zero: any w > 0 ranks by u_i alone; w = 0 ties everyone.
        let mut rise = None;
        let mut fall = None;
        if c <= 0.0 && hi > 0.0 {
            let mut best = 0;
            for k in 1..n {
                let (uk, ub) = (get(u, k, m, i), get(u, best, m, i));
                let ok = opts.get(k).copied().unwrap_or(usize::MAX);
                let ob = opts.get(best).copied().unwrap_or(usize::MAX);
                if uk > ub || (uk == ub && ok < ob) {
                    best = k;
                }
            }
            if best != 0 {
                rise = opts.get(best).map(|&o| (0.0, o));
            }
        }
        if c > 0.0 {
            if let Some(&first) = opts.iter().min() {
                if first != wid {
                    fall = Some((0.0, first));
                }
            }
        }
        return (rise, fall);
    }
    // A_k = Σ_{j≠i} w_j·u_kj, summed in the same order as the totals so that a tie at w = 0
    // is seen exactly as the ranking sees it.
    for (k, a) in others.iter_mut().enumerate() {
        *a = row(u, k, m)
            .iter()
            .zip(w)
            .enumerate()
            .filter(|&(j, _)| j != i)
            .fold(0.0, |acc, (_, (x, y))| acc + y * x);
    }
    let aw = others.first().copied().unwrap_or(0.0);
    let mut rise: Option<(f64, usize, f64)> = None; // (t, option, u_ki)
    let mut fall: Option<(f64, usize, f64)> = None;
    // Some crossing lies at (or a rounding error from) an end of the range.
    let (mut near_hi, mut near_lo) = (false, false);
    for k in 1..n {
        let Some(&ok) = opts.get(k) else { continue };
        let uk = get(u, k, m, i);
        let ak = others.get(k).copied().unwrap_or(0.0);
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
        rise = winner_at(opts, u, w, i, hi)
            .filter(|&o| o != wid)
            .map(|o| (hi, o));
    }
    if fall.is_none() && near_lo && c > 0.0 {
        fall = winner_at(opts, u, w, i, 0.0)
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
    opts: &[usize],
    u: &[f64],
    w: &[f64],
    i: usize,
    x: Crossing,
    rising: bool,
    scale: f64,
) -> Option<Setting> {
    let (t, _) = x?;
    let wid = *opts.first()?;
    let now = w.get(i).copied().unwrap_or(0.0) * scale;
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
            if let Some(winner) = winner_at(opts, u, w, i, weight / scale).filter(|&o| o != wid) {
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
fn winner_at(opts: &[usize], u: &[f64], w: &[f64], i: usize, x: f64) -> Option<usize> {
    let m = w.len();
    let wj = |j: usize, y: f64| if j == i { x } else { y };
    let sum: f64 = w.iter().enumerate().map(|(j, &y)| wj(j, y)).sum();
    let mut best: Option<(f64, usize)> = None;
    for (k, &o) in opts.iter().enumerate() {
        let acc = row(u, k, m)
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
