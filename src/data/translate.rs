//! The dataset's translations: which fields are translatable, and the per-language view.
//!
//! A dataset's `translations` maps a language tag to a table keyed by the exact English text
//! of a translatable field (gettext-style, so that edits elsewhere in the file never shift a
//! key). [`each_text`] is the one list of translatable fields: the validator checks the
//! tables against it and [`Dataset::localized`] applies them. Ids, URLs, dates, source
//! titles (kept as published), publisher ids, vendor and tool owner names are not translated.

use super::{CriterionKind, Dataset};
pub use crate::i18n::is_language_tag;
pub(crate) use crate::i18n::placeholders;

/// Whether a translatable field must have a text in every language the dataset declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Prose: a hint, a rationale, a fact, a note.
    Required,
    /// A proper name (an option, a version, a tool, an offer): kept as written unless the
    /// table gives another.
    Optional,
}

/// What [`each_text`] calls for each field: its path (built on demand), need and text.
type Visit<'f> = dyn FnMut(&dyn Fn() -> String, Need, &mut String) + 'f;

/// Calls `f(path, need, text)` for every translatable string of `d`, in document order.
/// `path` builds the field's JSON path (only the validator needs it).
fn each_text<D>(d: &mut Dataset<D>, f: &mut Visit<'_>) {
    use Need::{Optional as O, Required as R};
    macro_rules! at {
        ($need:expr, $s:expr, $($path:tt)+) => { f(&|| format!($($path)+), $need, $s) };
    }
    at!(R, &mut d.title, "title");
    at!(R, &mut d.subject, "subject");
    for (i, x) in d.dimensions.iter_mut().enumerate() {
        at!(R, &mut x.name, "dimensions[{i}].name");
    }
    for (i, x) in d.flags.iter_mut().enumerate() {
        at!(R, &mut x.name, "flags[{i}].name");
    }
    for (i, c) in d.criteria.iter_mut().enumerate() {
        at!(R, &mut c.name, "criteria[{i}].name");
        at!(R, &mut c.hint, "criteria[{i}].hint");
        at!(R, &mut c.definition, "criteria[{i}].definition");
        if let CriterionKind::Number { unit, .. } = &mut c.scoring {
            at!(R, unit, "criteria[{i}].scoring.unit");
        }
    }
    for (i, o) in d.options.iter_mut().enumerate() {
        at!(O, &mut o.name, "options[{i}].name");
        at!(R, &mut o.summary, "options[{i}].summary");
        for (j, v) in o.versions.iter_mut().enumerate() {
            at!(O, &mut v.name, "options[{i}].versions[{j}].name");
            if let Some(note) = &mut v.note {
                at!(R, note, "options[{i}].versions[{j}].note");
            }
            for (k, e) in v.extended.iter_mut().enumerate() {
                at!(
                    O,
                    &mut e.name,
                    "options[{i}].versions[{j}].extended[{k}].name"
                );
            }
        }
        for (j, x) in o.flags.iter_mut().enumerate() {
            if let Some(note) = &mut x.note {
                at!(R, note, "options[{i}].flags[{j}].note");
            }
        }
        for (j, x) in o.facts.iter_mut().enumerate() {
            at!(R, &mut x.text, "options[{i}].facts[{j}].text");
        }
        for (j, x) in o.ratings.iter_mut().enumerate() {
            at!(R, &mut x.rationale, "options[{i}].ratings[{j}].rationale");
        }
    }
    for (i, t) in d.tools.iter_mut().enumerate() {
        at!(O, &mut t.name, "tools[{i}].name");
        for (j, x) in t.steps.iter_mut().enumerate() {
            at!(R, &mut x.text, "tools[{i}].steps[{j}].text");
        }
        for (j, x) in t.risks.iter_mut().enumerate() {
            at!(R, &mut x.text, "tools[{i}].risks[{j}].text");
        }
    }
    for (i, w) in d.waypoints.iter_mut().enumerate() {
        at!(O, &mut w.name, "waypoints[{i}].name");
        if let Some(note) = &mut w.note {
            at!(R, note, "waypoints[{i}].note");
        }
    }
    for (i, m) in d.migrations.iter_mut().enumerate() {
        if let Some(note) = &mut m.note {
            at!(R, note, "migrations[{i}].note");
        }
        for (j, x) in m.risks.iter_mut().enumerate() {
            at!(R, &mut x.text, "migrations[{i}].risks[{j}].text");
        }
    }
    for (i, p) in d.presets.iter_mut().enumerate() {
        at!(R, &mut p.name, "presets[{i}].name");
        at!(R, &mut p.description, "presets[{i}].description");
    }
}

impl<D: Clone> Dataset<D> {
    /// The languages whose texts this dataset has: English, then those of `translations`.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        std::iter::once("en").chain(self.translations.keys().map(String::as_str))
    }

    /// Every translatable text as (JSON path, need, English text), in document order: what
    /// a `translations` table must cover.
    pub fn translatable(&self) -> Vec<(String, Need, String)> {
        let mut copy = Dataset {
            translations: Default::default(),
            ..self.clone()
        };
        let mut fields = Vec::new();
        each_text(&mut copy, &mut |path, need, s| {
            fields.push((path(), need, std::mem::take(s)))
        });
        fields
    }

    /// This dataset with every translatable text in `lang` (a name without a translation
    /// stays as written), and no translation tables; `None` when the dataset has no texts in
    /// `lang`. English gives the dataset itself. Computed once per language by the caller.
    pub fn localized(&self, lang: &str) -> Option<Dataset<D>> {
        let table = match lang {
            "en" => None,
            _ => Some(self.translations.get(lang)?),
        };
        let mut d = Dataset {
            translations: Default::default(),
            ..self.clone()
        };
        if let Some(table) = table {
            each_text(&mut d, &mut |_, _, s| {
                if let Some(t) = table.get(s.as_str()) {
                    s.clone_from(t);
                }
            });
        }
        Some(d)
    }
}
