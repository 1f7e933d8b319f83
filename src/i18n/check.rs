// Shared with build.rs (included there by path): std and serde_json only, no panics.
//
// The catalogue rules: `en.json` is the reference; every other `<lang>.json` has exactly its
// keys, non-empty values and, per key, the same `{name}` placeholders. Each problem names the
// file and the key.

use std::collections::BTreeMap;
use std::path::Path;

/// One language's catalogue as read from its file.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The file's stem, a language tag.
    pub lang: String,
    /// Key → text.
    pub texts: BTreeMap<String, String>,
}

/// The reference language: its catalogue defines the keys.
pub const REFERENCE: &str = "en";

/// Keys the formatters read; checked for their shape as well.
pub const MONTHS: &str = "date.months";
pub const DECIMAL: &str = "num.decimal";
/// The date pattern: any of these placeholders, in the language's order.
pub const DATE_FORMAT: &str = "date.format";
pub const DATE_PARTS: &[&str] = &["year", "yyyy", "month", "mm", "dd", "day"];

/// Keys for the page around the widget, not for the widget: the bootstrap's start-up texts
/// (`boot.*`) and the single file's page frame (`page.*`). `xtask dist` writes them into the
/// script and the page; the wasm does not carry them.
pub const PAGE_PREFIXES: &[&str] = &["boot.", "page."];

/// True for a key the wasm's catalogues hold (every key but [`PAGE_PREFIXES`]'s).
pub fn in_wasm(key: &str) -> bool {
    !PAGE_PREFIXES.iter().any(|p| key.starts_with(p))
}

/// Reads every `*.json` of `dir` (sorted by name) and checks them; see [`check`].
pub fn check_dir(dir: &Path) -> Result<Vec<Parsed>, Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| vec![format!("{}: {e}", dir.display())])?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for n in names {
        let path = dir.join(&n);
        let text =
            std::fs::read_to_string(&path).map_err(|e| vec![format!("{}: {e}", path.display())])?;
        files.push((path.display().to_string(), text));
    }
    check(&files)
}

/// Checks catalogues given as (path, JSON text); the file stem is the language. Ok: every
/// catalogue, the reference first; Err: every problem, each `path: "key": why`.
pub fn check(files: &[(String, String)]) -> Result<Vec<Parsed>, Vec<String>> {
    let mut problems = Vec::new();
    let mut parsed: Vec<(String, Parsed)> = Vec::new();
    for (path, text) in files {
        let stem = Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !super::tag::is_language_tag(&stem) {
            problems.push(format!(
                "{path}: the file name must be a language tag such as de.json or pt-BR.json"
            ));
            continue;
        }
        match serde_json::from_str::<BTreeMap<String, String>>(text) {
            Ok(texts) => parsed.push((path.clone(), Parsed { lang: stem, texts })),
            Err(e) => problems.push(format!("{path}: not a flat JSON object of strings ({e})")),
        }
    }
    let Some(reference) = parsed.iter().position(|(_, p)| p.lang == REFERENCE) else {
        problems.push(format!("no {REFERENCE}.json: it defines the keys"));
        return Err(problems);
    };
    let reference = parsed.remove(reference);
    parsed.insert(0, reference);
    let keys = &parsed[0].1.texts;
    for key in keys.keys() {
        if !is_key(key) {
            problems.push(format!(
                "{}: {key:?}: a key is lowercase words (a-z, 0-9, _) joined by dots",
                parsed[0].0
            ));
        }
    }
    for (path, p) in &parsed {
        for (key, text) in &p.texts {
            let here = format!("{path}: {key:?}");
            let Some(english) = keys.get(key) else {
                problems.push(format!("{here}: not a key of {REFERENCE}.json"));
                continue;
            };
            if text.trim().is_empty() {
                problems.push(format!("{here}: must not be empty"));
            }
            let (mine, theirs) = (
                super::tag::placeholders(text),
                super::tag::placeholders(english),
            );
            if key == DATE_FORMAT {
                if let Some(bad) = mine.iter().find(|m| !DATE_PARTS.contains(m)) {
                    problems.push(format!(
                        "{here}: {{{bad}}} is not one of {}",
                        list(DATE_PARTS)
                    ));
                }
            } else if mine != theirs {
                problems.push(format!(
                    "{here}: placeholders {} differ from {REFERENCE}.json's {}",
                    list(&mine),
                    list(&theirs)
                ));
            }
            if key == MONTHS && text.split(',').filter(|m| !m.trim().is_empty()).count() != 12 {
                problems.push(format!("{here}: twelve month names, separated by commas"));
            }
            if key == DECIMAL && text.chars().count() != 1 {
                problems.push(format!("{here}: one character, the decimal separator"));
            }
        }
        for key in keys.keys().filter(|k| !p.texts.contains_key(*k)) {
            problems.push(format!(
                "{path}: {key:?}: missing ({REFERENCE}.json has it)"
            ));
        }
    }
    if problems.is_empty() {
        Ok(parsed.into_iter().map(|(_, p)| p).collect())
    } else {
        Err(problems)
    }
}

fn is_key(k: &str) -> bool {
    k.split('.').all(|seg| {
        !seg.is_empty()
            && seg
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    })
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        format!("{{{}}}", names.join("}, {"))
    }
}
