//! The data model, its one loading path and its validator.
//!
//! Invariant: nothing here knows about yew, web-sys or wasm-bindgen. The wasm
//! shell turns a JS value into a serde `Deserializer` and calls
//! [`from_deserializer`]; native code (tests, the build's prerender) does the
//! same with serde_json. Both then run the same [`validate`].

pub mod date;
pub mod model;
mod refs;
mod translate;
mod validate;

pub use date::{AsDate, Date};
pub use model::*;
pub use refs::{At, MigrationRefs, Refs, Resolved, Stage};
pub use translate::{is_language_tag, Need};
pub use validate::validate;

use crate::i18n::{k, Msg, Tr};
use std::fmt;

/// One thing wrong with a dataset: where, and why in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path such as `options[2].versions[0].security_end`; empty for the whole document.
    pub path: String,
    /// Why, in no language yet ([`Problem::text`] writes it in one; `Display`: English).
    pub message: Msg,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: Msg) -> Self {
        Problem {
            path: path.into(),
            message,
        }
    }

    /// "path: why" in `tr`'s language (the path as in the document, in every language).
    pub fn text(&self, tr: Tr) -> String {
        let why = self.message.text(tr);
        if self.path.is_empty() {
            why
        } else {
            format!("{}: {why}", self.path)
        }
    }
}

/// English.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Tr::english()))
    }
}

/// A dataset as read, before validation: its dates are the published text, so that the
/// validator can report a bad one with its path and its text (in the wasm build too, where a
/// serde error carries no path) and report every problem at once. [`from_deserializer`] turns
/// it into a [`Dataset`] whose dates are days.
pub type RawDataset = Dataset<String>;

/// Reads a dataset from any serde deserializer and validates it.
///
/// A shape error (wrong type, missing or unknown field) stops reading and is
/// reported; a dataset that reads fine is then checked by [`validate`], which
/// reports every problem it finds, each with its path.
///
/// Natively (tests, the build's prerender) a shape error carries its JSON path,
/// found by `serde_path_to_error`. In the wasm build it does not: that wrapper
/// instantiates a second copy of every visitor and cost 46 KB raw / 17 KB gzip
/// of the wasm (BENCHMARKS.md), for the rare hand-written dataset whose *shape*
/// is wrong; serde's message still names the field ("missing field `subject`",
/// "unknown field `colour`").
pub fn from_deserializer<'de, D>(de: D) -> Result<Dataset, Vec<Problem>>
where
    D: serde::Deserializer<'de>,
{
    checked(read(de)?)
}

/// The shape half of [`from_deserializer`]: serde, with the path of a shape error. Public so
/// that the wasm shell can run the two halves in separate tasks (issue 17); together they are
/// exactly [`from_deserializer`].
pub fn read<'de, D>(de: D) -> Result<RawDataset, Vec<Problem>>
where
    D: serde::Deserializer<'de>,
{
    #[cfg(not(target_arch = "wasm32"))]
    let dataset: RawDataset = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![Problem::new(path, shape(&e.inner().to_string()))]
    })?;
    #[cfg(target_arch = "wasm32")]
    let dataset: RawDataset = serde::Deserialize::deserialize(de)
        .map_err(|e: D::Error| vec![Problem::new("", shape(&e.to_string()))])?;
    Ok(dataset)
}

/// The rules half of [`from_deserializer`]: [`validate`], then the dates parsed once.
pub fn checked(dataset: RawDataset) -> Result<Dataset, Vec<Problem>> {
    let problems = validate(&dataset);
    if !problems.is_empty() {
        return Err(problems);
    }
    // Every date has just been checked; should one still not read, say so rather than panic.
    let dataset = typed(dataset)
        .ok_or_else(|| vec![Problem::new("", Msg::new(k::VALIDATE_DATE_AFTER_CHECK))])?;
    // Every reference has just been checked too: resolve them once, here.
    dataset.refs();
    Ok(dataset)
}

/// The dataset with its dates as days (None if one is not a day; [`validate`] reports those).
pub fn typed(d: RawDataset) -> Option<Dataset> {
    fn day(s: String) -> Option<Date> {
        Date::parse(&s)
    }
    fn days(v: Option<String>) -> Option<Option<Date>> {
        v.map(day).map_or(Some(None), |d| d.map(Some))
    }
    let version = |v: Version<String>| -> Option<Version> {
        let extended = v.extended.into_iter().map(|e| {
            Some(Extended {
                until: days(e.until)?,
                vendor: e.vendor,
                name: e.name,
                paid: e.paid,
                sources: e.sources,
                status: e.status,
            })
        });
        Some(Version {
            release: day(v.release)?,
            active_end: days(v.active_end)?,
            security_end: days(v.security_end)?,
            extended: extended.collect::<Option<_>>()?,
            id: v.id,
            name: v.name,
            arches: v.arches,
            sources: v.sources,
            status: v.status,
            note: v.note,
            conflicts: v.conflicts,
        })
    };
    let option = |o: OptionEntry<String>| -> Option<OptionEntry> {
        Some(OptionEntry {
            versions: o.versions.into_iter().map(version).collect::<Option<_>>()?,
            id: o.id,
            name: o.name,
            role: o.role,
            summary: o.summary,
            flags: o.flags,
            facts: o.facts,
            ratings: o.ratings,
        })
    };
    let source = |s: Source<String>| -> Option<Source> {
        Some(Source {
            retrieved: day(s.retrieved)?,
            id: s.id,
            title: s.title,
            url: s.url,
            publisher: s.publisher,
            commit_date: s.commit_date,
        })
    };
    Some(Dataset {
        as_of: day(d.as_of)?,
        sources: d.sources.into_iter().map(source).collect::<Option<_>>()?,
        options: d.options.into_iter().map(option).collect::<Option<_>>()?,
        schema: d.schema,
        title: d.title,
        subject: d.subject,
        dimensions: d.dimensions,
        flags: d.flags,
        criteria: d.criteria,
        tools: d.tools,
        migrations: d.migrations,
        waypoints: d.waypoints,
        presets: d.presets,
        default_compare: d.default_compare,
        translations: d.translations,
        resolved: Resolved::default(),
    })
}

/// Shortens a message quoting untrusted input to about `max` characters,
/// keeping its start and its end (where serde says what it expected).
fn clip(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max / 2).collect();
    let tail: String = s.chars().skip(n - max / 3).collect();
    format!("{head} … {tail}")
}

/// A shape error: serde's own text (English), introduced in the reader's language.
fn shape(serde_text: &str) -> Msg {
    Msg::new(k::VALIDATE_SHAPE).with("text", clip(serde_text, 300))
}

/// "not valid JSON: …" with the parser's (or the browser's) own text.
pub fn not_json(parser_text: &str) -> Msg {
    Msg::new(k::START_NOT_JSON).with("error", parser_text)
}

/// Native convenience: JSON text → validated dataset (used by tests and the build).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_json_str(text: &str) -> Result<Dataset, Vec<Problem>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let dataset = read(&mut de)?;
    // Text after the dataset makes it not JSON, as the browser's JSON.parse says, before
    // any rule is checked (found by `cargo xtask fuzz dataset`: the validator's problems
    // were listed instead).
    de.end()
        .map_err(|e| vec![Problem::new("", not_json(&e.to_string()))])?;
    checked(dataset)
}

/// The dataset shipped with the widget, as JSON text.
pub const EMBEDDED_JSON: &str = include_str!("../../data/distros.json");
