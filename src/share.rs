//! The visitor's setup and its compact form in the URL fragment. Pure Rust.
//!
//! A fragment holds one `key=value` pair per widget, joined by `&`, so several
//! widgets on one page (and the host's own anchors) can share it:
//! `#elc=p:production;w:8,2,6,5,3,7,4,5,6;f:fips;a:x86_64;y:5;c:centos-linux-7;o:almalinux,rocky`.
//! Every field is optional; `w` lists one weight per criterion in dataset order.

use crate::data::{Dataset, MustHaves, MAX_WEIGHT};

/// Fewest and most options the side-by-side table shows.
pub const COMPARE_MIN: usize = 2;
pub const COMPARE_MAX: usize = 4;
/// Highest "at least N years of updates" a visitor can ask for.
pub const MAX_MIN_YEARS: f64 = 15.0;

/// Everything the visitor chose.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    /// Preset id, or None once the visitor changed something by hand ("custom").
    pub preset: Option<String>,
    /// One weight per criterion, dataset order.
    pub weights: Vec<f64>,
    pub must: MustHaves,
    /// Version id the visitor runs now (None: new install).
    pub current: Option<String>,
    /// Option ids in the side-by-side table.
    pub compare: Vec<String>,
}

impl Setup {
    /// The dataset's default weights, nothing required, a new install.
    pub fn defaults(d: &Dataset) -> Setup {
        Setup {
            preset: None,
            weights: d.criteria.iter().map(|c| c.default_weight).collect(),
            must: MustHaves::default(),
            current: None,
            compare: default_compare(d),
        }
    }

    /// Applies a preset's weights, must-haves and current system; keeps the compared options.
    pub fn with_preset(&self, d: &Dataset, preset_id: &str) -> Option<Setup> {
        let p = d.presets.iter().find(|p| p.id == preset_id)?;
        Some(Setup {
            preset: Some(p.id.clone()),
            weights: d
                .criteria
                .iter()
                .map(|c| p.weights.get(&c.id).copied().unwrap_or(0.0))
                .collect(),
            must: p.must.clone(),
            current: p.current.clone().or_else(|| self.current.clone()),
            compare: self.compare.clone(),
        })
    }
}

fn default_compare(d: &Dataset) -> Vec<String> {
    if d.default_compare.len() >= COMPARE_MIN {
        return d.default_compare.clone();
    }
    d.options
        .iter()
        .take(COMPARE_MIN)
        .map(|o| o.id.clone())
        .collect()
}

/// `v` rounded to hundredths, without trailing zeros: "8", "7.5", "7.25" (the text of
/// `(v * 100).round() / 100` printed with `{}`, written with integer arithmetic so the wasm
/// carries no float formatting for it).
fn fmt_num(v: f64) -> String {
    let n = (v * 100.0).round();
    let mut out = String::new();
    if n.is_nan() || n.abs() >= 1e15 {
        // Far outside any weight or year count (and NaN): the whole part, as before.
        crate::num::push_fixed(&mut out, (n / 100.0) as i64 as f64, false);
        return out;
    }
    let k = n as i64;
    if k < 0 {
        out.push('-');
    }
    let (whole, cents) = (k.unsigned_abs() / 100, k.unsigned_abs() % 100);
    crate::num::push_u64(&mut out, whole);
    if cents != 0 {
        out.push('.');
        crate::num::push_u64(&mut out, cents / 10);
        if cents % 10 != 0 {
            crate::num::push_u64(&mut out, cents % 10);
        }
    }
    out
}

/// The compact text of a setup (the value part of `key=value`).
pub fn encode(s: &Setup) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &s.preset {
        parts.push(format!("p:{p}"));
    }
    let w: Vec<String> = s.weights.iter().map(|w| fmt_num(*w)).collect();
    parts.push(format!("w:{}", w.join(",")));
    if !s.must.flags.is_empty() {
        parts.push(format!("f:{}", s.must.flags.join(",")));
    }
    if let Some(a) = &s.must.arch {
        parts.push(format!("a:{a}"));
    }
    if let Some(y) = s.must.min_years {
        parts.push(format!("y:{}", fmt_num(y)));
    }
    if let Some(c) = &s.current {
        parts.push(format!("c:{c}"));
    }
    parts.push(format!("o:{}", s.compare.join(",")));
    parts.join(";")
}

/// Reads a setup back, checking every value against the dataset.
/// Anything unknown or out of range is an error with a plain reason.
pub fn decode(d: &Dataset, text: &str) -> Result<Setup, String> {
    let mut s = Setup::defaults(d);
    for part in text.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once(':')
            .ok_or_else(|| format!("\"{}\" has no value", clip(part)))?;
        match key {
            "p" => {
                if !d.presets.iter().any(|p| p.id == value) {
                    return Err(format!("unknown preset \"{}\"", clip(value)));
                }
                s.preset = Some(value.to_string());
            }
            "w" => {
                let ws: Vec<&str> = value.split(',').collect();
                if ws.len() != d.criteria.len() {
                    return Err(format!(
                        "expected {} weights, found {}",
                        d.criteria.len(),
                        ws.len()
                    ));
                }
                s.weights = ws
                    .iter()
                    .map(|w| match crate::num::parse_decimal(w) {
                        Some(v) if v.is_finite() && (0.0..=MAX_WEIGHT).contains(&v) => Ok(v),
                        _ => Err(format!(
                            "weight \"{}\" is not a number from 0 to {MAX_WEIGHT}",
                            clip(w)
                        )),
                    })
                    .collect::<Result<_, _>>()?;
            }
            "f" => {
                for f in value.split(',') {
                    if !d.flags.iter().any(|x| x.id == f) {
                        return Err(format!("unknown must-have \"{}\"", clip(f)));
                    }
                    if !s.must.flags.iter().any(|x| x == f) {
                        s.must.flags.push(f.to_string());
                    }
                }
            }
            "a" => {
                if !all_arches(d).iter().any(|a| a == value) {
                    return Err(format!("unknown architecture \"{}\"", clip(value)));
                }
                s.must.arch = Some(value.to_string());
            }
            "y" => match crate::num::parse_decimal(value) {
                Some(y) if y.is_finite() && (0.0..=MAX_MIN_YEARS).contains(&y) => {
                    s.must.min_years = Some(y)
                }
                _ => {
                    return Err(format!(
                        "minimum years \"{}\" is not a number from 0 to {MAX_MIN_YEARS}",
                        clip(value)
                    ))
                }
            },
            "c" => {
                if !d
                    .options
                    .iter()
                    .flat_map(|o| &o.versions)
                    .any(|v| v.id == value)
                {
                    return Err(format!("unknown current system \"{}\"", clip(value)));
                }
                s.current = Some(value.to_string());
            }
            "o" => {
                let ids: Vec<String> = value.split(',').map(str::to_string).collect();
                if !(COMPARE_MIN..=COMPARE_MAX).contains(&ids.len()) {
                    return Err(format!(
                        "compare {COMPARE_MIN} to {COMPARE_MAX} options, not {}",
                        ids.len()
                    ));
                }
                for (i, id) in ids.iter().enumerate() {
                    if !d.options.iter().any(|o| &o.id == id) || ids[..i].contains(id) {
                        return Err(format!("unknown or repeated option \"{}\"", clip(id)));
                    }
                }
                s.compare = ids;
            }
            other => return Err(format!("unknown field \"{}\"", clip(other))),
        }
    }
    Ok(s)
}

/// Every architecture any version lists, sorted, without repeats.
pub fn all_arches(d: &Dataset) -> Vec<String> {
    let mut v: Vec<String> = d
        .options
        .iter()
        .flat_map(|o| &o.versions)
        .flat_map(|v| v.arches.iter().cloned())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Shortens untrusted text quoted in a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The value stored under `key` in a fragment such as `#a=1&elc=...` (leading `#` optional).
pub fn fragment_get<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| {
            pair.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix('='))
        })
}

/// The fragment with `key` set to `value` (added, or replaced in place); returns it with a leading `#`.
pub fn fragment_set(fragment: &str, key: &str, value: &str) -> String {
    let mut pairs: Vec<String> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    let new = format!("{key}={value}");
    match pairs
        .iter_mut()
        .find(|p| p.strip_prefix(key).is_some_and(|r| r.starts_with('=')))
    {
        Some(p) => *p = new,
        None => pairs.push(new),
    }
    format!("#{}", pairs.join("&"))
}

/// The fragment without `key` (with a leading `#`, or empty when nothing is left).
pub fn fragment_remove(fragment: &str, key: &str) -> String {
    let kept: Vec<&str> = fragment
        .trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty() && !p.strip_prefix(key).is_some_and(|r| r.starts_with('=')))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("#{}", kept.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_pairs() {
        assert_eq!(fragment_get("#x=1&elc=p:a", "elc"), Some("p:a"));
        assert_eq!(fragment_get("#elc-two=p:b", "elc"), None);
        assert_eq!(fragment_set("#x=1&elc=old", "elc", "new"), "#x=1&elc=new");
        assert_eq!(fragment_set("", "elc-a", "v"), "#elc-a=v");
        assert_eq!(fragment_set("#elc-a=1", "elc", "v"), "#elc-a=1&elc=v");
        // The host's own anchor stays first.
        assert_eq!(fragment_set("#verdict", "elc", "v"), "#verdict&elc=v");
        assert_eq!(fragment_remove("#verdict&elc=v", "elc"), "#verdict");
        assert_eq!(fragment_remove("#elc=v", "elc"), "");
        assert_eq!(fragment_remove("#elc-a=1&elc=v&x", "elc"), "#elc-a=1&x");
        assert_eq!(fragment_remove("#elc-a=1", "elc"), "#elc-a=1");
    }

    #[test]
    fn numbers_print_as_rounded_hundredths() {
        fn old(v: f64) -> String {
            let r = (v * 100.0).round() / 100.0;
            if r.fract() == 0.0 {
                format!("{}", r as i64)
            } else {
                format!("{r}")
            }
        }
        for i in -2000..=2000 {
            for v in [
                f64::from(i) / 100.0,
                f64::from(i) / 7.0,
                f64::from(i) * 0.005,
            ] {
                assert_eq!(fmt_num(v), old(v), "{v}");
                assert_eq!(
                    crate::num::parse_decimal(&fmt_num(v)),
                    fmt_num(v).parse().ok()
                );
            }
        }
    }
}
