//! The data model, its one loading path and its validator.
//!
//! Invariant: nothing here knows about yew, web-sys or wasm-bindgen. The wasm
//! shell turns a JS value into a serde `Deserializer` and calls
//! [`from_deserializer`]; native code (tests, the build's prerender) does the
//! same with serde_json. Both then run the same [`validate`].

pub mod date;
pub mod model;
mod translate;
mod validate;

pub use date::Date;
pub use model::*;
pub use translate::{is_language_tag, Need};
pub use validate::validate;

use std::fmt;

/// One thing wrong with a dataset: where, and why in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path such as `options[2].versions[0].security_end`; empty for the whole document.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

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

/// The shape half of [`from_deserializer`]: serde, with the path of a shape error.
fn read<'de, D>(de: D) -> Result<Dataset, Vec<Problem>>
where
    D: serde::Deserializer<'de>,
{
    #[cfg(not(target_arch = "wasm32"))]
    let dataset: Dataset = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        vec![Problem::new(path, clip(&e.inner().to_string(), 300))]
    })?;
    #[cfg(target_arch = "wasm32")]
    let dataset: Dataset = serde::Deserialize::deserialize(de)
        .map_err(|e: D::Error| vec![Problem::new("", clip(&e.to_string(), 300))])?;
    Ok(dataset)
}

/// The rules half of [`from_deserializer`]: [`validate`].
fn checked(dataset: Dataset) -> Result<Dataset, Vec<Problem>> {
    let problems = validate(&dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems)
    }
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

/// Native convenience: JSON text → validated dataset (used by tests and the build).
#[cfg(not(target_arch = "wasm32"))]
pub fn from_json_str(text: &str) -> Result<Dataset, Vec<Problem>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let dataset = read(&mut de)?;
    // Text after the dataset makes it not JSON, as the browser's JSON.parse says, before
    // any rule is checked (found by `cargo xtask fuzz dataset`: the validator's problems
    // were listed instead).
    de.end()
        .map_err(|e| vec![Problem::new("", format!("not valid JSON: {e}"))])?;
    checked(dataset)
}

/// The dataset shipped with the widget, as JSON text.
pub const EMBEDDED_JSON: &str = include_str!("../../data/distros.json");
