//! The properties the fuzz targets check, shared by the libFuzzer targets in `fuzz/`
//! (nightly, `cargo xtask fuzz`) and by `tests/fuzz_replay.rs`, which replays the committed
//! corpus and every regression input on stable in the ordinary `cargo test`.
//!
//! Each target is a function from arbitrary bytes to `Ok(())` or `Err(the property that
//! failed)`; a panic inside the crate is a failure too. Properties, not just "no panic":
//!
//! - `dataset`: JSON text through the widget's one loading path (`data::from_json_str` =
//!   `from_deserializer` + `validate`). Every problem has a message and says where (a path
//!   that can be followed in the document, or a line and column); a document that reads gets
//!   the same verdict after a serde_json round trip (same problems, same dataset); a valid one
//!   evaluates without NaN, and its default and preset setups survive the URL fragment.
//! - `fragment`: any text through `fragment::decode`; what decodes is a valid setup with
//!   decode(encode(s)) == s and a stable encoding; setting and removing a key in a host's
//!   fragment keeps the host's pairs.
//! - `edits`: the bytes as a script of visitor edits (`setup::Visitor::apply`), after each of
//!   which the setup is valid, shows only a preset it holds, and round-trips.
//! - `host`: host options (`preset`, `options`, `current` attributes or `mount` keys) through
//!   `attrs::apply` (host options): accepted → a valid setup that round-trips and is a fixed point;
//!   refused → a short message that names the option.
//! - `date`: `data::Date::parse` against an independent reading of `YYYY-MM-DD`, its
//!   printing (exact inverse) and its day count (inverse of a civil-from-days conversion).
//! - `decimal`: `num::parse_decimal` against `str::parse::<f64>` bit for bit, and the number
//!   formatter read back within half a unit of its last place.
//!
//! - `export`: the Markdown decision record and the two CSV files (`report`) for a dataset
//!   whose names and texts hold arbitrary text and a setup reached by visitor edits: the
//!   CSV parses (RFC 4180) into rows of one width, with no formula-like text cell; the
//!   Markdown's lines and tables do not depend on the text (nothing in it becomes markup).
//!
//! Native only (serde_json); not part of the widget.

use crate::data::{self, Dataset, Date, Problem, RawDataset, MAX_WEIGHT};
use crate::fragment::{decode, encode, fragment_get, fragment_remove, fragment_set};
use crate::i18n::{Msg, Tr};
use crate::setup::{all_arches, Change, Edit, Setup, Visitor, COMPARE_MAX, COMPARE_MIN};
use crate::setup::{MAX_FLEET_GROUPS, MAX_FLEET_SERVERS, MAX_MIN_YEARS};
use serde_json::Value;
use std::sync::OnceLock;

/// A property that did not hold, in words.
pub type Verdict = Result<(), String>;

/// Names of the targets, as in `fuzz/fuzz_targets/<name>.rs` and `fuzz/corpus/<name>/`.
pub const TARGETS: &[&str] = &[
    "dataset", "fragment", "edits", "host", "date", "decimal", "export",
];

/// Runs target `name` on `input`.
pub fn check(name: &str, input: &[u8]) -> Verdict {
    match name {
        "dataset" => dataset(input),
        "fragment" => fragment(input),
        "edits" => edits(input),
        "host" => host(input),
        "date" => date(input),
        "decimal" => decimal(input),
        "export" => export_both(input),
        other => Err(format!("no fuzz target {other:?}")),
    }
}

fn fail<T>(what: impl Into<String>) -> Result<T, String> {
    Err(what.into())
}

/// The embedded dataset, read once.
fn embedded() -> Result<&'static Dataset, String> {
    static D: OnceLock<Result<Dataset, String>> = OnceLock::new();
    D.get_or_init(|| {
        data::from_json_str(data::EMBEDDED_JSON).map_err(|p| format!("embedded dataset: {p:?}"))
    })
    .as_ref()
    .map_err(Clone::clone)
}

// ---- dataset ----------------------------------------------------------------------------

/// JSON text → the widget's loader and validator.
pub fn dataset(input: &[u8]) -> Verdict {
    // The widget reads a JS string (the element's text), which is always Unicode.
    let text = String::from_utf8_lossy(input);
    let verdict = data::from_json_str(&text);
    match serde_json::from_str::<RawDataset>(&text) {
        Err(_) => {
            // (Read as a JSON tree only here: the paths of shape errors lead into it. A tree
            // keeps only the last value of a repeated key while the loader stops at the first
            // error, so a path may lead into a dropped occurrence (found by the fuzzer):
            // such a document is checked like one that is not JSON, by line and column.)
            let document: Option<Value> = serde_json::from_str(&text)
                .ok()
                .filter(|_| unique_keys(&text));
            // Not a dataset at all: exactly one problem, saying where.
            let problems = match &verdict {
                Ok(_) => return fail("serde_json refuses a document the loader accepts"),
                Err(p) => p,
            };
            if problems.len() != 1 {
                return fail(format!("a shape error gives one problem, not {problems:?}"));
            }
            for p in problems {
                located(p, document.as_ref(), true)?;
            }
        }
        Ok(d) => {
            let problems = data::validate(&d);
            match (&verdict, problems.is_empty()) {
                (Ok(loaded), true) if Some(loaded) == data::typed(d.clone()).as_ref() => {}
                (Err(p), false) if *p == problems => {}
                _ => return fail("from_json_str disagrees with serde_json + validate"),
            }
            let tree = serde_json::to_value(&d).map_err(|e| format!("to_value: {e}"))?;
            for p in &problems {
                located(p, Some(&tree), false)?;
            }
            // The verdict survives re-serialisation. (A schema-1 bare flag id is written
            // back in the full form, which the validator then has no reason to report.)
            let mut d = d;
            let bare = d.options.iter().any(|o| o.flags.iter().any(|f| f.bare));
            for f in d.options.iter_mut().flat_map(|o| o.flags.iter_mut()) {
                f.bare = false;
            }
            {
                let again =
                    serde_json::to_string(&d).map_err(|e| format!("cannot serialise: {e}"))?;
                let d2: RawDataset = serde_json::from_str(&again)
                    .map_err(|e| format!("re-serialised dataset does not read: {e}\n{again}"))?;
                if d2 != d {
                    let t2 = serde_json::to_value(&d2).unwrap_or_default();
                    let at = first_difference(&tree, &t2, String::new());
                    return fail(format!("re-serialised dataset reads differently at {at}"));
                }
                if !bare && data::validate(&d2) != problems {
                    return fail("re-serialised dataset gets another verdict");
                }
            }
            if problems.is_empty() {
                let d = data::typed(d).ok_or("a valid dataset's dates do not read")?;
                valid_dataset(&d)?;
            }
        }
    }
    Ok(())
}

/// Whether no object in a JSON text repeats a key (true for text that is not JSON).
fn unique_keys(text: &str) -> bool {
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    struct Unique(bool);
    impl<'de> Deserialize<'de> for Unique {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Check)
        }
    }
    struct Check;
    impl<'de> Visitor<'de> for Check {
        type Value = Unique;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
            Ok(Unique(true))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
            Ok(Unique(true))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
            Ok(Unique(true))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
            Ok(Unique(true))
        }
        fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
            Ok(Unique(true))
        }
        fn visit_unit<E>(self) -> Result<Unique, E> {
            Ok(Unique(true))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Unique, A::Error> {
            let mut all = true;
            while let Some(Unique(u)) = a.next_element()? {
                all &= u;
            }
            Ok(Unique(all))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Unique, A::Error> {
            let (mut keys, mut all) = (std::collections::HashSet::new(), true);
            while let Some(k) = a.next_key::<String>()? {
                all &= keys.insert(k);
                all &= a.next_value::<Unique>()?.0;
            }
            Ok(Unique(all))
        }
    }
    serde_json::from_str::<Unique>(text).map_or(true, |u| u.0)
}

/// A problem has a message and a place: a path that can be followed in the document, or
/// (for a document that is not even a dataset) a line and column.
fn located(p: &Problem, document: Option<&Value>, shape: bool) -> Verdict {
    if Tr::all().any(|tr| p.message.text(tr).trim().is_empty()) {
        return fail(format!("empty message at {:?}", p.path));
    }
    // Where a shape error is (serde's own words, the same in every language).
    let english = p.message.to_string();
    if p.path.is_empty() {
        if shape && english.contains(" line ") && english.contains(" column ") {
            return Ok(());
        }
        return fail(format!("problem without a path or position: {p}"));
    }
    let Some(doc) = document else {
        // Not JSON at all, yet a path: must still name its position.
        return if english.contains(" line ") {
            Ok(())
        } else {
            fail(format!("{p}: a path into a document that is not JSON"))
        };
    };
    // Shape errors name the value, its missing field's object, or an unknown field's key.
    if follow(doc, &p.path).is_some() {
        return Ok(());
    }
    if shape {
        let parent = p.path.rsplit_once(['.', '[']).map_or("", |(a, _)| a);
        if parent.is_empty() || follow(doc, parent).is_some() {
            return Ok(());
        }
    }
    fail(format!(
        "path {:?} leads nowhere in the document ({p})",
        p.path
    ))
}

/// The value at a path such as `options[2].versions[0].id`, `presets[0].weights.a.b` (map
/// keys may contain dots: every split is tried) or `translations.de["Some text"]`.
fn follow<'v>(v: &'v Value, path: &str) -> Option<&'v Value> {
    if path.is_empty() {
        return Some(v);
    }
    match v {
        Value::Array(items) => {
            let (n, rest) = path.strip_prefix('[')?.split_once(']')?;
            follow(items.get(n.parse::<usize>().ok()?)?, rest)
        }
        // A key may itself hold `.` or `[` (found by the fuzzer: an unknown field "[c…").
        // A translation's key is quoted: `["the English text"]`, or for a long text its
        // first 60 characters and its length, `["The first…"… (75 characters)]`.
        Value::Object(map) if path.starts_with("[\"") => map.iter().find_map(|(k, item)| {
            let n = k.chars().count();
            let quoted = if n <= 60 {
                format!("[{k:?}]")
            } else {
                let head: String = k.chars().take(60).collect();
                format!("[{head:?}… ({n} characters)]")
            };
            follow(item, path.strip_prefix(quoted.as_str())?)
        }),
        // The `.` before a key is left out at the top, so a top-level key may itself begin
        // with one (found by the fuzzer: an unknown field ".[c"): both readings are tried.
        Value::Object(map) => [path.strip_prefix('.'), Some(path)]
            .into_iter()
            .flatten()
            .find_map(|path| {
                map.iter().find_map(|(k, item)| {
                    let rest = path.strip_prefix(k.as_str())?;
                    if rest.is_empty() || rest.starts_with(['.', '[']) {
                        follow(item, rest)
                    } else {
                        None
                    }
                })
            }),
        _ => None,
    }
}

/// Where two documents first differ, and how.
fn first_difference(a: &Value, b: &Value, at: String) -> String {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .find_map(|(k, v)| {
                let w = y.get(k).unwrap_or(&Value::Null);
                (v != w).then(|| first_difference(v, w, format!("{at}.{k}")))
            })
            .unwrap_or_else(|| format!("{at}: keys {:?} / {:?}", x.keys(), y.keys())),
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (v, w))| (v != w).then(|| first_difference(v, w, format!("{at}[{i}]"))))
            .unwrap_or(at),
        _ => format!("{at}: {a} / {b}"),
    }
}

/// A dataset the validator accepts is one the widget can run on.
fn valid_dataset(d: &Dataset) -> Verdict {
    let today = d.as_of;
    let defaults = Setup::defaults(d);
    let mut setups = vec![defaults.clone()];
    for p in &d.presets {
        let s = defaults
            .with_preset(d, &p.id)
            .ok_or_else(|| format!("preset {:?} of a valid dataset does not apply", p.id))?;
        setups.push(s);
    }
    for s in &setups {
        valid_setup(d, s)?;
        round_trip(d, s)?;
        evaluates(d, s, today)?;
    }
    Ok(())
}

/// The engine ranks without NaN and with totals on its 0–100 scale.
fn evaluates(d: &Dataset, s: &Setup, today: Date) -> Verdict {
    let e = crate::setup::evaluate(d, s, today);
    if e.ranking.len() + e.excluded.len() != d.options.len() {
        return fail("an option is neither ranked nor excluded");
    }
    for r in &e.ranking {
        if !(r.total.is_finite() && (-1e-9..=100.0 + 1e-9).contains(&r.total)) {
            return fail(format!("total {} for option {}", r.total, r.option));
        }
        for c in &r.contributions {
            if !c.points.is_finite() || !c.utility.is_finite() {
                return fail(format!("NaN contribution {c:?}"));
            }
        }
    }
    Ok(())
}

// ---- setups -------------------------------------------------------------------------------

/// Every value of a setup is one the dataset knows, within its range.
pub fn valid_setup(d: &Dataset, s: &Setup) -> Verdict {
    if s.weights.len() != d.criteria.len() {
        return fail(format!(
            "{} weights for {} criteria",
            s.weights.len(),
            d.criteria.len()
        ));
    }
    if let Some(w) = s.weights.iter().find(|w| !(0.0..=MAX_WEIGHT).contains(*w)) {
        return fail(format!("weight {w} out of range"));
    }
    if let Some(p) = &s.preset {
        if !d.presets.iter().any(|x| &x.id == p) {
            return fail(format!("unknown preset {p:?}"));
        }
    }
    if !(COMPARE_MIN..=COMPARE_MAX).contains(&s.compare.len()) {
        return fail(format!("compare list {:?}", s.compare));
    }
    for (i, id) in s.compare.iter().enumerate() {
        if !d.options.iter().any(|o| &o.id == id) || s.compare[..i].contains(id) {
            return fail(format!("compare list {:?}", s.compare));
        }
    }
    for (i, f) in s.must.flags.iter().enumerate() {
        if !d.flags.iter().any(|x| &x.id == f) || s.must.flags[..i].contains(f) {
            return fail(format!("must-have flags {:?}", s.must.flags));
        }
    }
    if let Some(a) = &s.must.arch {
        if !crate::setup::has_arch(d, a) {
            return fail(format!("architecture {a:?} no version has"));
        }
    }
    if let Some(y) = s.must.min_years {
        if !(0.0..=MAX_MIN_YEARS).contains(&y) {
            return fail(format!("minimum years {y}"));
        }
    }
    // A chosen language is a catalogue's own tag (`de-AT` is stored as `de`).
    if let Some(l) = &s.lang {
        if crate::i18n::Tr::for_tag(l).map(crate::i18n::Tr::lang) != Some(l.as_str()) {
            return fail(format!("language {l:?} is not a catalogue's tag"));
        }
    }
    let known = |c: &str| {
        d.options
            .iter()
            .flat_map(|o| &o.versions)
            .any(|v| v.id == c)
    };
    if let Some(c) = &s.current {
        if !known(c) {
            return fail(format!("unknown current system {c:?}"));
        }
    }
    // A mixed fleet: no current system besides it, two or more groups of known versions,
    // each once, with 1 or more servers, within the limits.
    if !s.fleet.is_empty() {
        let total: u64 = s.fleet.iter().map(|(_, n)| u64::from(*n)).sum();
        let fine = s.current.is_none()
            && (2..=MAX_FLEET_GROUPS).contains(&s.fleet.len())
            && total <= u64::from(MAX_FLEET_SERVERS)
            && s.fleet.iter().enumerate().all(|(i, (v, n))| {
                *n >= 1 && known(v) && !s.fleet[..i].iter().any(|(w, _)| w == v)
            });
        if !fine {
            return fail(format!(
                "mixed fleet {:?} with current {:?}",
                s.fleet, s.current
            ));
        }
    }
    Ok(())
}

/// decode(encode(s)) == s, the encoding is stable and fragment-safe, and it survives being
/// stored next to a host's own anchor.
pub fn round_trip(d: &Dataset, s: &Setup) -> Verdict {
    let text = encode(s);
    if let Some(c) = text
        .chars()
        .find(|c| !c.is_ascii_graphic() || matches!(c, '&' | '#' | '%' | '"' | '<' | '>' | '`'))
    {
        return fail(format!(
            "encoding {text:?} holds {c:?}, unsafe in a URL fragment"
        ));
    }
    let back =
        decode(d, &text).map_err(|e| format!("decode(encode(s)) fails: {e}\n{text}\n{s:?}"))?;
    if back != *s {
        return fail(format!(
            "decode(encode(s)) != s for {text:?}\n  s    = {s:?}\n  back = {back:?}"
        ));
    }
    // `back == s` with the same bits (not only -0.0 == 0.0) encodes as `s` did: encode
    // is a function of the fields.
    let bits = |x: &Setup| -> Vec<u64> {
        x.weights
            .iter()
            .chain(x.must.min_years.iter())
            .map(|w| w.to_bits())
            .collect()
    };
    if bits(&back) != bits(s) && encode(&back) != text {
        return fail(format!(
            "encoding not stable: {text:?} → {:?}",
            encode(&back)
        ));
    }
    let url = fragment_set("#verdict&elc-other=x", "elc", &text);
    if fragment_get(&url, "elc") != Some(text.as_str())
        || fragment_get(&url, "elc-other") != Some("x")
    {
        return fail(format!("fragment_set/get lose the setup: {url:?}"));
    }
    Ok(())
}

/// A message shown in the widget: not empty, and short however long the input it quotes
/// (untrusted text is clipped).
/// A message reads in every language: not empty, not huge.
fn message(m: &Msg) -> Verdict {
    for tr in Tr::all() {
        let e = m.text(tr);
        if e.trim().is_empty() {
            return fail(format!("empty error message in {}", tr.lang()));
        }
        let n = e.chars().count();
        if n > 400 {
            return fail(format!(
                "a {n}-character message in {}: {}…",
                tr.lang(),
                e.chars().take(80).collect::<String>()
            ));
        }
    }
    Ok(())
}

// ---- fragment -----------------------------------------------------------------------------

/// Any text as a fragment value, then the same bytes as a script of visitor edits.
pub fn fragment(input: &[u8]) -> Verdict {
    let d = embedded()?;
    let text = String::from_utf8_lossy(input);
    // The whole fragment as the browser gives it, and the widget's own value in it.
    for value in [Some(text.as_ref()), fragment_get(&text, "elc")]
        .into_iter()
        .flatten()
    {
        match decode(d, value) {
            Ok(s) => {
                valid_setup(d, &s)?;
                // What a link decodes to is stored again in the same form.
                let canonical = encode(&s);
                let again = decode(d, &canonical)
                    .map_err(|e| format!("re-decoding {canonical:?} fails: {e}"))?;
                if encode(&again) != canonical {
                    return fail(format!("encode(decode(s)) not stable for {value:?}"));
                }
                if weights_are_hundredths(&s) {
                    round_trip(d, &s)?;
                }
            }
            Err(e) => message(&e)?,
        }
    }
    // fragment_set then fragment_get gives back the value, fragment_remove takes it out, and
    // both keep the host's other pairs as they were.
    for key in ["elc", "elc-b"] {
        let others = |f: &str| -> Vec<String> {
            f.strip_prefix('#')
                .unwrap_or(f)
                .split('&')
                .filter(|p| !p.is_empty() && !p.starts_with(&format!("{key}=")))
                .map(str::to_string)
                .collect()
        };
        let set = fragment_set(&text, key, "w:1");
        if fragment_get(&set, key) != Some("w:1") {
            return fail(format!(
                "fragment_get(fragment_set({text:?}, {key:?})) lost the value"
            ));
        }
        let removed = fragment_remove(&set, key);
        if fragment_get(&removed, key).is_some() {
            return fail(format!("fragment_remove({set:?}, {key:?}) left the key"));
        }
        for after in [&set, &removed] {
            if others(after) != others(&text) {
                return fail(format!("{text:?} with {key:?} set or removed: {after:?}"));
            }
        }
    }
    Ok(())
}

/// Weights a fragment writes exactly: hundredths (what the controls and presets produce).
fn weights_are_hundredths(s: &Setup) -> bool {
    s.weights
        .iter()
        .chain(s.must.min_years.iter())
        .all(|w| ((w * 100.0).round() / 100.0) == *w)
}

/// The bytes as edits from the widget's controls, 4 bytes each.
pub fn edits(input: &[u8]) -> Verdict {
    script(embedded()?, input).map(drop)
}

/// Applies the edits in `input` to a fresh visitor, checking each; returns the last setup.
fn script(d: &Dataset, input: &[u8]) -> Result<Setup, String> {
    let mut v = Visitor::new(Setup::defaults(d));
    let versions: Vec<&str> = d
        .options
        .iter()
        .flat_map(|o| &o.versions)
        .map(|v| v.id.as_str())
        .collect();
    let arches = all_arches(d);
    let pick = |list: &[&str], i: u8| -> String {
        // Past the end of a list: an id the dataset does not know.
        list.get(usize::from(i) % (list.len() + 1))
            .map_or_else(|| format!("x{i}"), |s| s.to_string())
    };
    let presets: Vec<&str> = d.presets.iter().map(|p| p.id.as_str()).collect();
    let flags: Vec<&str> = d.flags.iter().map(|f| f.id.as_str()).collect();
    let options: Vec<&str> = d.options.iter().map(|o| o.id.as_str()).collect();
    let arch_ids: Vec<&str> = arches.iter().map(String::as_str).collect();
    round_trip(d, &v.setup)?;
    for chunk in input.chunks_exact(4) {
        let (op, a, b, c) = (chunk[0], chunk[1], chunk[2], chunk[3]);
        let hundredths = f64::from(u16::from_le_bytes([b, c])) / 100.0;
        let edit = match op % 15 {
            0 => Edit::Change(Change::Preset(pick(&presets, a))),
            1 | 2 => Edit::Change(Change::Weight(
                usize::from(a) % (d.criteria.len() + 1),
                hundredths,
            )),
            3 => Edit::ResetWeight(usize::from(a) % (d.criteria.len() + 1)),
            4 => Edit::ResetAll,
            5 => Edit::Change(Change::Flag(pick(&flags, a), b % 2 == 0)),
            6 => Edit::Change(Change::Arch((b % 2 == 0).then(|| pick(&arch_ids, a)))),
            7 => Edit::Change(Change::MinYears((a % 2 == 0).then_some(hundredths / 10.0))),
            8 => Edit::Change(Change::Current((b % 2 == 0).then(|| pick(&versions, a)))),
            9 => Edit::Change(Change::Compare(pick(&options, a), b % 2 == 0)),
            10 => Edit::Change(Change::CompareAll(
                (0..8u8)
                    .filter(|k| a & (1 << k) != 0)
                    .map(|k| pick(&options, k.wrapping_add(b)))
                    .collect(),
            )),
            11 => Edit::Change(Change::Weight(
                usize::from(a) % (d.criteria.len() + 1),
                f64::from_bits(u64::from_le_bytes([b, c, a, op, b, c, a, op])),
            )),
            // A mixed fleet: the versions picked by the bits of `a`, each with c servers
            // (0 is refused; a high bit of `op` makes the total pass the limit).
            12 => Edit::Change(Change::Fleet(
                (0..8u8)
                    .filter(|k| a & (1 << k) != 0)
                    .map(|k| {
                        let n = u32::from(c) * if op & 0x80 != 0 { 100_000 } else { 1 };
                        (pick(&versions, k.wrapping_mul(7).wrapping_add(b)), n)
                    })
                    .collect(),
            )),
            13 => Edit::Change(Change::CountPaid(a % 2 == 0)),
            // A catalogue's tag, a regional or unknown one, or none.
            _ => Edit::Change(Change::Lang(
                [
                    Some("en"),
                    Some("de"),
                    Some("de-AT"),
                    Some(" DE "),
                    Some("fr"),
                    None,
                ][usize::from(a) % 6]
                    .map(str::to_string),
            )),
        };
        let before = v.setup.clone();
        let changed = v.apply(d, edit.clone());
        if changed != (v.setup != before) {
            return fail(format!("apply({edit:?}) returned {changed} wrongly"));
        }
        valid_setup(d, &v.setup).map_err(|e| format!("after {edit:?}: {e}"))?;
        if !changed {
            // Same setup as before: checked already.
            continue;
        }
        if let Some(p) = &v.setup.preset {
            let fresh = Setup::defaults(d)
                .with_preset(d, p)
                .ok_or("shown preset does not apply")?;
            if fresh.weights != v.setup.weights || fresh.must != v.setup.must {
                return fail(format!(
                    "after {edit:?} the setup shows preset {p:?} it does not hold"
                ));
            }
        }
        if weights_are_hundredths(&v.setup) {
            round_trip(d, &v.setup).map_err(|e| format!("after {edit:?}: {e}"))?;
        }
    }
    Ok(v.setup)
}

// ---- exports ------------------------------------------------------------------------------

/// The report tests' dataset (`tests/fixtures/report.json`: 4 options, 2 presets, a
/// migration route, a title with `|`, quotes and `<`), read once.
fn report_fixture() -> Result<&'static Dataset, String> {
    static D: OnceLock<Result<Dataset, String>> = OnceLock::new();
    D.get_or_init(|| {
        data::from_json_str(include_str!("../tests/fixtures/report.json"))
            .map_err(|p| format!("report fixture: {p:?}"))
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// The exports of the report fixture (the libFuzzer target: its record is a tenth of the
/// embedded dataset's, so a campaign runs ten times as many inputs).
pub fn export(input: &[u8]) -> Verdict {
    export_on(report_fixture()?, input)
}

/// The exports of both the report fixture and the embedded dataset (the replay).
fn export_both(input: &[u8]) -> Verdict {
    export(input)?;
    export_on(embedded()?, input).map_err(|e| format!("embedded dataset: {e}"))
}

/// Up to the first NUL: a text put into the dataset's names and texts (title, option,
/// criterion and dimension names, a fact, a source title); the rest: visitor edits.
fn export_on(base: &Dataset, input: &[u8]) -> Verdict {
    let (text, edits) = match input.iter().position(|b| *b == 0) {
        Some(i) => (&input[..i], &input[i + 1..]),
        None => (input, &[][..]),
    };
    let text = String::from_utf8_lossy(text);
    let with = |t: &str| -> Dataset {
        let mut d = base.clone();
        d.title = t.to_string();
        if let Some(o) = d.options.first_mut() {
            o.name = t.to_string();
            if let Some(f) = o.facts.first_mut() {
                f.text = t.to_string();
            }
        }
        if let Some(c) = d.criteria.first_mut() {
            c.name = t.to_string();
        }
        if let Some(x) = d.dimensions.first_mut() {
            x.name = t.to_string();
        }
        if let Some(x) = d.sources.first_mut() {
            x.title = t.to_string();
        }
        d
    };
    let d = with(&text);
    if !data::validate(&d).is_empty() {
        return Ok(()); // e.g. blank text: the widget would not get this far
    }
    let setup = script(&d, edits)?;
    let (doc, csvs, sep) = exports(&d, &setup)?;
    // What the same setup exports with plain names: the same for every text, so each
    // campaign works it out once per setup it reaches (a pure function of the two).
    let plain = plain_exports(base, &setup, || with("x"))?;
    for ((name, csv), plain_rows) in csvs.iter().zip(&plain.rows) {
        let rows = parse_csv(csv, sep).map_err(|e| format!("{name}: {e}"))?;
        if rows.len() != *plain_rows {
            return fail(format!(
                "{name}: {} rows, {plain_rows} with plain names",
                rows.len(),
            ));
        }
        let width = rows.first().map_or(0, Vec::len);
        for (k, row) in rows.iter().enumerate() {
            if row.len() != width {
                return fail(format!(
                    "{name}: row {k} has {} fields, the header {width}",
                    row.len()
                ));
            }
            if let Some(cell) = row.iter().find(|c| formula_like(c)) {
                return fail(format!(
                    "{name}: row {k} has the formula-like cell {cell:?}"
                ));
            }
        }
    }
    // The record's shape (lines, table rows and their cells) is that of plain names.
    let shape = record_shape(&doc);
    if shape
        .iter()
        .map(|x| x.0)
        .ne(plain.shape.iter().map(|x| x.0))
    {
        return fail(format!(
            "the decision record has {} lines with this text, {} with plain names",
            shape.len(),
            plain.shape.len()
        ));
    }
    for ((table, cells), (_, plain_cells)) in shape.iter().zip(&plain.shape) {
        if *table && cells != plain_cells {
            return fail("the text changed a table row's cells in the decision record");
        }
    }
    if let Some(at) = doc
        .match_indices('<')
        .map(|(i, _)| i)
        .find(|&i| !doc[..i].ends_with('\\') && !doc[i..].starts_with("<http"))
    {
        let end = (at + 40).min(doc.len());
        return fail(format!(
            "raw '<' in the decision record: {:?}",
            doc.get(at..end).unwrap_or_default()
        ));
    }
    Ok(())
}

/// Per line of a decision record: a table row?, and its unescaped `|`s.
fn record_shape(doc: &str) -> Vec<(bool, usize)> {
    doc.lines()
        .map(|l| (l.starts_with('|'), unescaped(l, '|')))
        .collect()
}

/// What the exports of a setup with plain names look like.
#[derive(Clone)]
struct PlainExports {
    shape: Vec<(bool, usize)>,
    /// Rows of each CSV file (each parsed as RFC 4180).
    rows: [usize; 2],
}

/// The plain exports of `setup` for dataset `base` (`plain` builds its plain-named copy),
/// remembered for the last few thousand setups.
fn plain_exports(
    base: &Dataset,
    setup: &Setup,
    plain: impl FnOnce() -> Dataset,
) -> Result<PlainExports, String> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    thread_local! {
        static SEEN: RefCell<HashMap<(usize, String), PlainExports>> = RefCell::new(HashMap::new());
    }
    let key = (std::ptr::from_ref(base) as usize, format!("{setup:?}"));
    if let Some(p) = SEEN.with(|m| m.borrow().get(&key).cloned()) {
        return Ok(p);
    }
    let (doc, csvs, sep) = exports(&plain(), setup)?;
    let mut rows = [0; 2];
    for (n, (name, csv)) in rows.iter_mut().zip(&csvs) {
        *n = parse_csv(csv, sep)
            .map_err(|e| format!("{name} (plain): {e}"))?
            .len();
    }
    let p = PlainExports {
        shape: record_shape(&doc),
        rows,
    };
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= 4096 {
            m.clear();
        }
        m.insert(key, p.clone());
    });
    Ok(p)
}

/// The decision record, each CSV file with its name, and the CSV files' separator.
type Exports = (String, [(&'static str, String); 2], char);

/// The decision record and the CSV files for this setup, as the widget makes them.
fn exports(d: &Dataset, s: &Setup) -> Result<Exports, String> {
    let today = d.as_of;
    // As the widget evaluates a setup (with its fleet and the paid-support switch).
    let eval = crate::setup::evaluate(d, s, today);
    let link = format!("https://example.org/page#elc={}", encode(s));
    let r = crate::report::Report::new(d, s, &eval, today, &link);
    Ok((
        crate::report::decision_record(&r),
        [
            ("ranking.csv", crate::report::ranking_csv(&r)),
            ("table.csv", crate::report::table_csv(&r)),
        ],
        // The report's language's: `;` in German, `,` in English.
        r.tr().csv_separator(),
    ))
}

/// RFC 4180 (fields separated by `sep`) with the BOM and CRLF line ends the exporter writes;
/// an error for anything else. (The native report tests read the exports with it too.)
pub fn parse_csv(text: &str, sep: char) -> Result<Vec<Vec<String>>, String> {
    let body = text.strip_prefix('\u{feff}').ok_or("no byte order mark")?;
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => {
                quoted = false;
                if chars.peek().is_some_and(|&c| c != sep && c != '\r') {
                    return fail("text after a closing quote");
                }
            }
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, '"') => return fail("a quote inside an unquoted field"),
            (false, c) if c == sep => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                if chars.next() != Some('\n') {
                    return fail("CR without LF");
                }
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => return fail("a bare LF outside quotes"),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return fail("an unterminated quote");
    }
    if !field.is_empty() || !row.is_empty() {
        return fail("the last row has no CRLF");
    }
    Ok(rows)
}

/// A cell a spreadsheet would run as a formula (a number such as "-0.5" is not one).
fn formula_like(cell: &str) -> bool {
    cell.starts_with(['=', '+', '@', '\t', '\r'])
        || (cell.starts_with('-') && cell.parse::<f64>().is_err())
}

/// How many times `c` occurs not preceded by a backslash.
fn unescaped(line: &str, c: char) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for x in line.chars() {
        if x == c && !escaped {
            n += 1;
        }
        escaped = x == '\\' && !escaped;
    }
    n
}

// ---- host options -------------------------------------------------------------------------

/// The host options of `input`: one `attribute=value` per line, named as the element's
/// attributes (`preset=production`, `heading-level=3`, `count-paid=true`); a line that names
/// no option is ignored, and the last line for an option wins.
pub fn host_options(input: &[u8]) -> crate::attrs::HostOptions {
    let text = String::from_utf8_lossy(input);
    let mut o = crate::attrs::HostOptions::default();
    for line in text.split('\n') {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        o.set(key, value);
    }
    o
}

/// Every host option the widget parses natively (`attrs::apply` for the setup and the
/// presentation, `attrs::today`), on the defaults and on a preset: accepted options give a
/// valid setup that round-trips, are a fixed point (applied again they change nothing), and
/// the embed code's attributes for the result give it back; refused options leave a valid
/// setup and presentation, each refusal a short message that starts by naming its option.
pub fn host(input: &[u8]) -> Verdict {
    use crate::view::{Presentation, HEADING_MAX, HEADING_MIN};
    let d = embedded()?;
    let o = host_options(input);
    let given: Vec<&str> = [
        ("fragment", o.fragment.is_some()),
        ("preset", o.preset.is_some()),
        ("weights", o.weights.is_some()),
        ("must", o.must.is_some()),
        ("current", o.current.is_some()),
        ("options", o.options.is_some()),
        ("view", o.view.is_some()),
        ("sections", o.sections.is_some()),
        ("heading-level", o.heading_level.is_some()),
        ("lang", o.lang.is_some()),
    ]
    .into_iter()
    .filter_map(|(k, on)| on.then_some(k))
    .collect();
    let first = d.presets.first().map(|p| p.id.as_str()).unwrap_or_default();
    let bases = [
        Setup::defaults(d),
        Setup::defaults(d)
            .with_preset(d, first)
            .ok_or("no preset")?,
    ];
    let view = Presentation::default();
    for base in bases {
        // The production path: the same `attrs::apply` the widget runs for attributes and
        // `mount`/`update` keys.
        let (s, p, problems) = crate::attrs::apply(d, &base, &view, &o);
        valid_setup(d, &s)?;
        if !(HEADING_MIN..=HEADING_MAX).contains(&p.heading_level) {
            return fail(format!("heading level {}", p.heading_level));
        }
        if !problems.is_empty() {
            for m in &problems {
                message(m)?;
                // In every language the message starts with the option's name.
                for e in Tr::all().map(|tr| m.text(tr)) {
                    let named = |k: &&str| {
                        e.starts_with(&format!("{k} \"")) || e.starts_with(&format!("{k}: "))
                    };
                    if !given.iter().any(named) {
                        return fail(format!("message does not name the option: {e:?}"));
                    }
                }
            }
            continue;
        }
        let (again, p2, more) = crate::attrs::apply(d, &s, &p, &o);
        if !more.is_empty() {
            return fail(format!(
                "accepted options refused the second time: {more:?}"
            ));
        }
        if again != s || p2 != p {
            return fail("host options applied twice give another setup or presentation");
        }
        if weights_are_hundredths(&s) {
            round_trip(d, &s)?;
            embed_code(d, &s, &p)?;
        }
    }
    if let Some(t) = &o.today {
        match (crate::attrs::today(t), Date::parse(t)) {
            (Ok(a), Some(b)) if a == b => {}
            (Err(e), None) => {
                message(&e)?;
                if let Some(e) = Tr::all()
                    .map(|tr| e.text(tr))
                    .find(|e| !e.starts_with("today \""))
                {
                    return fail(format!("message does not name the option: {e:?}"));
                }
            }
            (a, b) => return fail(format!("today {t:?}: {a:?}, Date::parse: {b:?}")),
        }
    }
    Ok(())
}

/// The embed code's attributes for a setup and presentation (`snippet`), read back by a
/// fresh widget (`attrs::apply` on the defaults), give the same setup and presentation.
fn embed_code(d: &Dataset, s: &Setup, p: &crate::view::Presentation) -> Verdict {
    let mut lines = Vec::new();
    for (k, v) in crate::snippet::setup_attributes(d, s)
        .into_iter()
        .chain(crate::snippet::presentation_attributes(p))
    {
        lines.push(format!("{k}={v}"));
    }
    let o = host_options(lines.join("\n").as_bytes());
    let fresh = crate::view::Presentation::default();
    let (s2, p2, problems) = crate::attrs::apply(d, &Setup::defaults(d), &fresh, &o);
    if !problems.is_empty() {
        return fail(format!("the embed code {lines:?} is refused: {problems:?}"));
    }
    // Open (FUZZING.md): the paid-support switch has no attribute (only the `countPaid`
    // key of `mount`/`update`), so the embed code cannot carry it.
    let want = Setup {
        count_paid: false,
        ..s.clone()
    };
    if s2 != want || p2 != *p {
        return fail(format!(
            "the embed code {lines:?} gives another widget\n  s    = {s:?}\n  back = {s2:?}\n  p    = {p:?}\n  back = {p2:?}"
        ));
    }
    Ok(())
}

// ---- date ---------------------------------------------------------------------------------

/// `Date::parse` on the text, and on a date made from its first four bytes as a day number.
pub fn date(input: &[u8]) -> Verdict {
    let text = String::from_utf8_lossy(input);
    let parsed = Date::parse(&text);
    let expected = reference_date(&text);
    if parsed.map(|d| (d.year, d.month, d.day)) != expected {
        return fail(format!(
            "Date::parse({text:?}) = {parsed:?}, expected {expected:?}"
        ));
    }
    if let Some(d) = parsed {
        date_laws(d, &text)?;
    }
    if let Some(bytes) = input.get(..4) {
        // 0000-01-01 ..= 9999-12-31 is -719 528 ..= 2 932 896 days from the epoch.
        let n = i64::from(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]));
        let days = n % 3_652_425 - 719_528;
        let (y, m, dd) = civil_from_days(days);
        let s = format!("{y:04}-{m:02}-{dd:02}");
        let d = Date::parse(&s).ok_or_else(|| format!("Date::parse({s:?}) refuses a real day"))?;
        if d.days_since_epoch() != days {
            return fail(format!("{s} is day {} not {days}", d.days_since_epoch()));
        }
        date_laws(d, &s)?;
    }
    Ok(())
}

fn date_laws(d: Date, text: &str) -> Verdict {
    if d.to_string() != text {
        return fail(format!("{text:?} prints as {d}"));
    }
    let n = d.days_since_epoch();
    if civil_from_days(n) != (i64::from(d.year), d.month, d.day) {
        return fail(format!("{d} is day {n}, which is {:?}", civil_from_days(n)));
    }
    let frac = d.as_year_fraction();
    if !(f64::from(d.year)..f64::from(d.year) + 1.0).contains(&frac) {
        return fail(format!("{d} as a year fraction is {frac}"));
    }
    let epoch = Date {
        year: 1970,
        month: 1,
        day: 1,
    };
    let y = epoch.years_until(d);
    if !y.is_finite() || (y * 365.2425 - n as f64).abs() > 1e-6 * (1.0 + n.abs() as f64) {
        return fail(format!("years_until({d}) = {y}"));
    }
    Ok(())
}

/// `YYYY-MM-DD`, ASCII digits, a real day of the proleptic Gregorian calendar, read
/// without `Date`'s code.
fn reference_date(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let n = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |a, c| a * 10 + u32::from(c - b'0'));
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let leap = y % 400 == 0 || (y % 4 == 0 && y % 100 != 0);
    let len = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let max = *len.get(usize::try_from(m).ok()?.checked_sub(1)?)?;
    (1..=max)
        .contains(&d)
        .then_some((i32::try_from(y).ok()?, m, d))
}

/// Howard Hinnant's civil_from_days: the inverse of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

// ---- decimal ------------------------------------------------------------------------------

/// `parse_decimal` agrees with `str::parse::<f64>` whenever it accepts, and the formatter's
/// text reads back to within half a unit of its last place.
pub fn decimal(input: &[u8]) -> Verdict {
    let text = String::from_utf8_lossy(input);
    if let Some(v) = crate::num::parse_decimal(&text) {
        match text.parse::<f64>() {
            Ok(r) if r.to_bits() == v.to_bits() => {}
            other => {
                return fail(format!(
                    "parse_decimal({text:?}) = {v:?}, str::parse: {other:?}"
                ))
            }
        }
        if text.contains(['e', 'E', 'i', 'n', 'N', 'I']) {
            return fail(format!("parse_decimal accepts {text:?}"));
        }
    }
    if let Some(bytes) = input.get(..8) {
        let mut b = [0u8; 8];
        b.copy_from_slice(bytes);
        let v = f64::from_le_bytes(b);
        for places in 0..=3 {
            formatted(v, places)?;
        }
    }
    Ok(())
}

fn formatted(v: f64, places: u32) -> Verdict {
    let s = crate::num::trimmed(v, places);
    if !v.is_finite() {
        return if s == "?" {
            Ok(())
        } else {
            fail(format!("{v} prints as {s:?}"))
        };
    }
    let back: f64 = s
        .parse()
        .map_err(|_| format!("{v} prints as {s:?}, not a number"))?;
    let unit = 10f64.powi(-(places as i32));
    // Half a unit, plus the rounding of v·10^places itself for huge values. Once that product
    // passes 2^53 the formatter prints the whole number (its tests pin this): half of one.
    let whole = v.abs() / unit >= 9_007_199_254_740_992.0;
    let slack = if whole { 0.5 } else { unit / 2.0 } + v.abs() * 4.0 * f64::EPSILON;
    if (back - v).abs() > slack {
        return fail(format!("{v} to {places} places prints as {s:?}"));
    }
    if places <= 2 && v.abs() < 1e12 && crate::num::parse_decimal(&s) != Some(back) {
        return fail(format!("parse_decimal cannot read its own {s:?}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    //! The checks themselves can fail: each one rejects a case that breaks its property.
    use super::*;

    #[test]
    fn paths_are_followed_through_lists_and_dotted_keys() {
        let v: Value = serde_json::json!({"a": [{"b.c": {"d": 1}}], "x": null});
        assert_eq!(follow(&v, "a[0].b.c.d"), Some(&serde_json::json!(1)));
        assert!(follow(&v, "x").is_some());
        assert!(follow(&v, "a[1]").is_none());
        assert!(follow(&v, "a[0].b").is_none());
        let long = "x".repeat(61);
        let t: Value = serde_json::json!({"de": {"A \"b\".c": 1, (long.clone()): 2}});
        assert_eq!(
            follow(&t, r#"de["A \"b\".c"]"#),
            Some(&serde_json::json!(1))
        );
        let clipped = format!("de[{:?}… (61 characters)]", &long[..60]);
        assert_eq!(follow(&t, &clipped), Some(&serde_json::json!(2)));
        assert!(follow(&t, r#"de["A"]"#).is_none());
        let nowhere = Problem::new("options[9].id", Msg::verbatim("unknown option"));
        assert!(located(&nowhere, Some(&v), false).is_err());
        assert!(located(&Problem::new("", Msg::verbatim("bad")), Some(&v), false).is_err());
        assert!(located(&Problem::new("x", Msg::verbatim(" ")), Some(&v), false).is_err());
        let syntax = Problem::new("", Msg::verbatim("expected value at line 1 column 2"));
        assert!(located(&syntax, None, true).is_ok());
    }

    #[test]
    fn setups_outside_the_rules_are_caught() {
        let d = embedded().unwrap_or_else(|e| panic!("{e}"));
        let good = Setup::defaults(d);
        assert_eq!(valid_setup(d, &good), Ok(()));
        assert_eq!(round_trip(d, &good), Ok(()));
        let mut one = good.clone();
        one.compare.truncate(1);
        assert!(valid_setup(d, &one).is_err());
        let mut arch = good.clone();
        arch.must.arch = Some("sparc".into());
        assert!(valid_setup(d, &arch).is_err());
        assert!(
            round_trip(d, &arch).is_err(),
            "an unknown arch does not decode"
        );
        let mut thirds = good.clone();
        thirds.weights[0] = 7.0 / 3.0;
        assert!(round_trip(d, &thirds).is_err(), "2.33 is not 7/3");
        assert!(!weights_are_hundredths(&thirds));
    }

    #[test]
    fn dates_and_numbers_agree_with_their_references() {
        assert_eq!(reference_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(reference_date("1900-02-29"), None);
        assert_eq!(reference_date("2024-00-10"), None);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-719_528), (0, 1, 1));
        assert_eq!(date(b"2024-02-29"), Ok(()));
        assert_eq!(decimal(b"7.25"), Ok(()));
        assert!(formatted(2.5, 0).is_ok());
        assert_eq!(check("nope", b""), Err("no fuzz target \"nope\"".into()));
    }
}
