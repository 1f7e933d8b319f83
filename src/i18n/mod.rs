//! The interface's languages: catalogues compiled in from `data/i18n/*.json` by build.rs,
//! looked up by key ([`k`]), and the locale's number and date formats. Pure Rust.
//!
//! Every text the widget prints that is not the dataset's comes from a catalogue through a
//! [`Tr`]; every number and date a visitor reads goes through [`Tr::num`] and [`Tr::date`], so
//! reasons, tables, timeline and exports agree. A language is a catalogue file: build.rs
//! enumerates the directory, so adding one needs no code (see ARCHITECTURE.md, "Languages").

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
mod msg;
mod tag;
mod views;

pub use msg::Msg;
pub use tag::{is_language_tag, placeholders};
pub use views::Localized;

use crate::data::Date;

/// A catalogue key: an index into every language's texts (constants in [`k`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct K(pub(crate) u16);

/// One language's texts, in key order.
#[derive(Debug)]
pub struct Catalogue {
    pub lang: &'static str,
    texts: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

/// A language to write in: cheap to copy, compared by language.
#[derive(Clone, Copy)]
pub struct Tr(&'static Catalogue);

impl PartialEq for Tr {
    fn eq(&self, other: &Self) -> bool {
        self.0.lang == other.0.lang
    }
}

impl std::fmt::Debug for Tr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tr({})", self.0.lang)
    }
}

impl Default for Tr {
    fn default() -> Self {
        Tr::english()
    }
}

impl Tr {
    /// English, the reference catalogue (always present: build.rs requires en.json).
    pub fn english() -> Tr {
        // CATALOGUES[0] is en.json (build.rs puts the reference first).
        Tr(CATALOGUES.first().unwrap_or(&FALLBACK))
    }

    /// Every language the widget speaks, English first.
    pub fn all() -> impl Iterator<Item = Tr> {
        CATALOGUES.iter().map(Tr)
    }

    /// The catalogue for a language tag: exact (case-insensitive), else its primary subtag
    /// ("de-AT" → de). None for a language without a catalogue.
    pub fn for_tag(tag: &str) -> Option<Tr> {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        CATALOGUES
            .iter()
            .find(|c| c.lang.eq_ignore_ascii_case(tag))
            .or_else(|| {
                CATALOGUES
                    .iter()
                    .find(|c| !primary.is_empty() && c.lang.eq_ignore_ascii_case(primary))
            })
            .map(Tr)
    }

    /// The first of `tags` the widget speaks.
    pub fn first_of<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Tr> {
        tags.into_iter().find_map(Tr::for_tag)
    }

    /// Built from a catalogue read at run time (tests: a language that is only a file).
    pub fn from_catalogue(c: &'static Catalogue) -> Tr {
        Tr(c)
    }

    /// The language tag, e.g. "de".
    pub fn lang(self) -> &'static str {
        self.0.lang
    }

    /// The text of `key` (never the key itself: build.rs guarantees every language has it).
    pub fn t(self, key: K) -> &'static str {
        self.0.texts.get(usize::from(key.0)).copied().unwrap_or("")
    }

    /// The text of `key` with each `{name}` replaced by its value from `args`.
    pub fn f(self, key: K, args: &[(&str, &str)]) -> String {
        fill(self.t(key), args)
    }

    /// [`Tr::f`] appended to `out` (no intermediate string).
    pub fn push_f(self, out: &mut String, key: K, args: &[(&str, &str)]) {
        fill_into(self.t(key), out, args);
    }

    /// `v` rounded to `places` decimals (as [`crate::num::push_rounded`]) with this
    /// language's decimal separator.
    pub fn num(self, v: f64, places: u32) -> String {
        let mut s = String::new();
        crate::num::push_rounded(&mut s, v, places);
        self.decimal(s)
    }

    /// [`crate::num::trimmed`] with this language's decimal separator ("7,25", "8").
    pub fn trimmed(self, v: f64, places: u32) -> String {
        self.decimal(crate::num::trimmed(v, places))
    }

    /// A number written with '.' rewritten with this language's decimal separator.
    pub fn decimal(self, s: String) -> String {
        let sep = self.t(k::NUM_DECIMAL);
        if sep == "." {
            s
        } else {
            s.replace('.', sep)
        }
    }

    /// The CSV field separator spreadsheet programs expect in this language: `;` where the
    /// decimal separator is a comma (German Excel), else `,`.
    pub fn csv_separator(self) -> char {
        if self.t(k::NUM_DECIMAL) == "," {
            ';'
        } else {
            ','
        }
    }

    /// [`Tr::decimal`] on the end of `out` from byte `start` (a number just appended).
    pub fn decimal_from(self, out: &mut String, start: usize) {
        let sep = self.t(k::NUM_DECIMAL);
        if sep != "." {
            if let Some(dot) = out.get(start..).and_then(|n| n.find('.')) {
                out.replace_range(start + dot..start + dot + 1, sep);
            }
        }
    }

    /// A date in this language's form: "2029-05-31" / "31. Mai 2029" (`date.format`: `{year}`,
    /// `{yyyy}` four digits, `{month}` its name, `{mm}` / `{dd}` two digits, `{day}`).
    pub fn date(self, d: Date) -> String {
        let month = self
            .t(k::DATE_MONTHS)
            .split(',')
            .nth(d.month.saturating_sub(1) as usize)
            .unwrap_or("")
            .trim();
        // Written straight into the text (no intermediate strings: the engine writes dates
        // into many reasons per evaluation).
        let mut out = String::with_capacity(20);
        fill_with(self.t(k::DATE_FORMAT), &mut out, |name, out| {
            match name {
                "year" => push_padded(out, d.year, 0),
                "yyyy" => push_padded(out, d.year, 4),
                "month" => out.push_str(month),
                "mm" => push_padded(out, d.month as i32, 2),
                "dd" => push_padded(out, d.day as i32, 2),
                "day" => push_padded(out, d.day as i32, 0),
                _ => return false,
            }
            true
        });
        out
    }

    /// An ISO date from the dataset in this language's form; text that is not a date as it is.
    pub fn date_str(self, iso: &str) -> String {
        Date::parse(iso).map_or_else(|| iso.to_string(), |d| self.date(d))
    }
}

/// Used only if the build produced no catalogue (it cannot: build.rs fails first).
static FALLBACK: Catalogue = Catalogue {
    lang: "en",
    texts: &[],
};

/// `text` with each `{name}` of `args` replaced; other braces kept.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    fill_into(text, &mut out, args);
    out
}

/// [`fill`] appended to `out`.
fn fill_into(text: &str, out: &mut String, args: &[(&str, &str)]) {
    fill_with(text, out, |name, out| {
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => {
                out.push_str(v);
                true
            }
            None => false,
        }
    });
}

/// Appends `text` to `out` with each `{name}` for which `arg(name, out)` appends a value and
/// returns true replaced by it; other braces kept (`arg` appends nothing when it returns false).
fn fill_with(text: &str, out: &mut String, mut arg: impl FnMut(&str, &mut String) -> bool) {
    let mut rest = text;
    // Braces are ASCII: a byte search finds them at character boundaries, without a char
    // searcher per call (the engine fills hundreds of these per evaluation).
    let find = |s: &str, b: u8| s.bytes().position(|x| x == b);
    while let Some(open) = find(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match find(after, b'}') {
            Some(close) if arg(&after[..close], out) => rest = &after[close + 1..],
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `n` with at least `width` digits (zeros in front), as `format!("{n:0width$}")`.
fn push_padded(out: &mut String, n: i32, width: usize) {
    if n < 0 {
        out.push_str(&format!("{n:0width$}"));
        return;
    }
    let n = n.unsigned_abs();
    let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
    for _ in digits..width {
        out.push('0');
    }
    crate::num::push_u64(out, u64::from(n));
}

#[cfg(not(target_arch = "wasm32"))]
impl Catalogue {
    /// A catalogue from its file's text, checked against English with the build's rules and
    /// kept for the life of the process (native only: tests and tools).
    pub fn load(path: &str, text: &str) -> Result<&'static Catalogue, Vec<String>> {
        let en = CATALOGUES
            .first()
            .ok_or_else(|| vec!["no en catalogue".to_string()])?;
        let en_text = {
            let keys = check::check_dir(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/i18n"
            )))?;
            let reference = keys.into_iter().next().ok_or_else(Vec::new)?;
            serde_json::to_string(&reference.texts).map_err(|e| vec![e.to_string()])?
        };
        let parsed = check::check(&[
            ("en.json".to_string(), en_text),
            (path.to_string(), text.to_string()),
        ])?;
        let mine = parsed.into_iter().nth(1).ok_or_else(Vec::new)?;
        let texts: Vec<&'static str> = mine
            .texts
            .into_iter()
            .filter(|(key, _)| check::in_wasm(key))
            .map(|(_, text)| text)
            .map(|s| &*Box::leak(s.into_boxed_str()))
            .collect();
        if texts.len() != en.texts.len() {
            return Err(vec![format!(
                "{path}: catalogue size differs from the build's"
            )]);
        }
        Ok(Box::leak(Box::new(Catalogue {
            lang: Box::leak(mine.lang.into_boxed_str()),
            texts: Box::leak(texts.into_boxed_slice()),
        })))
    }
}
