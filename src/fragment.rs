//! The compact text of a setup in the URL fragment. Pure Rust.
//!
//! A fragment holds one `key=value` pair per widget, joined by `&`, so several
//! widgets on one page (and the host's own anchors) can share it:
//! `#elc=p:production;w:8,2,6,5,3,7,4,5,6;f:fips;a:x86_64;y:5;c:centos-linux-7;o:almalinux,rocky`.
//! Every field is optional; `w` lists one weight per criterion in dataset order; `c` is one
//! version id or a mixed fleet `c:centos-linux-7:150,centos-stream-8:50`; `x:1` counts paid
//! extended support; `l:de` is the interface language chosen (none: the page's and the browser's).
//! Values are checked by the same rules as every other change ([`Setup::try_apply`]).

use crate::data::{Dataset, MAX_WEIGHT};
use crate::i18n::{k, Msg};
use crate::setup::{clip, Change, Setup, MAX_MIN_YEARS};

/// `v` rounded to hundredths, without trailing zeros: "8", "7.5", "7.25".
fn fmt_num(v: f64) -> String {
    crate::num::trimmed(v, 2)
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
    if let Some(c) = crate::setup::fleet_text(s) {
        parts.push(format!("c:{c}"));
    }
    if s.count_paid {
        parts.push("x:1".to_string());
    }
    parts.push(format!("o:{}", s.compare.join(",")));
    // Only a chosen language: links without one follow the page and the browser.
    if let Some(lang) = &s.lang {
        parts.push(format!("l:{lang}"));
    }
    parts.join(";")
}

/// Reads a setup back, checking every value against the dataset.
/// Anything unknown or out of range is an error with a plain reason.
pub fn decode(d: &Dataset, text: &str) -> Result<Setup, Msg> {
    let mut s = Setup::defaults(d);
    for part in text.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once(':')
            .ok_or_else(|| Msg::new(k::LINK_NO_VALUE).with("part", clip(part)))?;
        match key {
            "p" => {
                if !d.presets.iter().any(|p| p.id == value) {
                    return Err(Msg::new(k::LINK_UNKNOWN_PRESET).with("value", clip(value)));
                }
                s.preset = Some(value.to_string());
            }
            "w" => {
                let ws: Vec<&str> = value.split(',').collect();
                if ws.len() != d.criteria.len() {
                    return Err(Msg::new(k::LINK_WEIGHT_COUNT)
                        .with("expected", d.criteria.len().to_string())
                        .with("found", ws.len().to_string()));
                }
                s.weights = ws
                    .iter()
                    .map(|w| match crate::num::parse_decimal(w) {
                        Some(v) if v.is_finite() && (0.0..=MAX_WEIGHT).contains(&v) => Ok(v),
                        _ => Err(weight_msg(clip(w))),
                    })
                    .collect::<Result<_, _>>()?;
            }
            "f" => {
                for f in value.split(',') {
                    if !s.must.flags.iter().any(|x| x == f) {
                        s.try_apply(d, Change::Flag(f.to_string(), true))?;
                    }
                }
            }
            "a" => {
                s.try_apply(d, Change::Arch(Some(value.to_string())))?;
            }
            "y" => match crate::num::parse_decimal(value) {
                Some(y) if y.is_finite() && (0.0..=MAX_MIN_YEARS).contains(&y) => {
                    s.try_apply(d, Change::MinYears(Some(y)))?;
                }
                _ => {
                    return Err(Msg::new(k::LINK_MIN_YEARS)
                        .with("value", clip(value))
                        .with("max", MAX_MIN_YEARS.to_string()))
                }
            },
            "c" => {
                // One version id (older links) or groups "id:servers,…".
                s.try_apply(d, Change::Fleet(crate::setup::parse_fleet(value)?))?;
            }
            "x" => match value {
                "1" => s.count_paid = true,
                "0" => s.count_paid = false,
                _ => return Err(Msg::new(k::LINK_COUNT_PAID).with("value", clip(value))),
            },
            "o" => {
                s.try_apply(
                    d,
                    Change::CompareAll(value.split(',').map(str::to_string).collect()),
                )?;
            }
            "l" => {
                s.try_apply(d, Change::Lang(Some(value.to_string())))?;
            }
            other => return Err(Msg::new(k::LINK_UNKNOWN_FIELD).with("value", clip(other))),
        }
    }
    Ok(s)
}

/// "weight "x" is not a number from 0 to 10" (a link's or an attribute's weight, `w`
/// already clipped by the caller).
pub(crate) fn weight_msg(w: String) -> Msg {
    Msg::new(k::LINK_WEIGHT)
        .with("value", w)
        .with("max", MAX_WEIGHT.to_string())
}

// Each of these takes one leading `#` off (a `location.hash`); a second one belongs to the
// host's first pair (found by `cargo xtask fuzz fragment`: "##top" came back as "#top").

/// The value stored under `key` in a fragment such as `#a=1&elc=...` (leading `#` optional).
pub fn fragment_get<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .split('&')
        .find_map(|pair| {
            pair.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix('='))
        })
}

/// The fragment with `key` set to `value` (added, or replaced in place); returns it with a leading `#`.
pub fn fragment_set(fragment: &str, key: &str, value: &str) -> String {
    let mut pairs: Vec<String> = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
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
        .strip_prefix('#')
        .unwrap_or(fragment)
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
    fn only_one_leading_hash_is_the_fragments() {
        assert_eq!(fragment_set("##top", "elc", "v"), "##top&elc=v");
        assert_eq!(fragment_get("##elc=v", "elc"), None);
        assert_eq!(fragment_remove("##top&elc=v", "elc"), "##top");
    }

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
