//! Host options: the element's attributes and the keys of `mount`/`update`, applied to a
//! setup and a presentation. Pure Rust, tested natively. Every value is read by the same
//! parser as the URL fragment (so an attribute accepts exactly what a shared link does) and
//! applied through [`Setup::try_apply`], the one place the setup's rules live.

use crate::data::{Dataset, Date, MustHaves, MAX_WEIGHT};
use crate::fragment;
use crate::i18n::{k, Msg};
use crate::setup::{Change, Setup};
use crate::view::Presentation;
use serde::Deserialize;

/// The options as strings (the JS side turns lists and objects into the attribute syntax).
#[derive(Debug, Default, Clone, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HostOptions {
    /// A whole setup in the fragment's form (`state().fragment`).
    pub fragment: Option<String>,
    pub preset: Option<String>,
    /// "8,2,6,…" (one per criterion, dataset order) or "stability:8,cost:2".
    pub weights: Option<String>,
    /// "f:fips,secure-boot;a:aarch64;y:5"; empty: no must-haves.
    pub must: Option<String>,
    /// A version id (what the fragment's `c:` takes), or "new" / empty.
    pub current: Option<String>,
    /// Comma-separated option ids.
    pub options: Option<String>,
    /// Count paid extended support (`state().countPaid`).
    pub count_paid: Option<bool>,
    pub view: Option<String>,
    pub sections: Option<String>,
    pub heading: Option<String>,
    pub heading_level: Option<String>,
    /// "off" disables URL-fragment sharing for this widget.
    pub share: Option<String>,
    /// The interface language ("en", "de", "de-AT"); default: the page's, then the browser's.
    pub lang: Option<String>,
    /// ISO date to use as today (tests and archived pages); default: the browser's date.
    pub today: Option<String>,
    /// Text of the `<script type="application/json">` the bootstrap looked up for `dataset`.
    pub dataset_json: Option<String>,
    /// Start-up from attributes: invalid options are reported and left at their defaults
    /// instead of failing the mount.
    pub lenient: Option<bool>,
    /// URL of the embed bundle, for the embed code (none in the single file).
    pub script_url: Option<String>,
}

impl HostOptions {
    /// Sets the option an element attribute `name` carries (`count-paid` is "true" or not);
    /// false for a name that is not a host option. For native callers (tests, fuzzing) that
    /// hold attributes as name/value pairs; the element hands them over already named.
    pub fn set(&mut self, name: &str, value: &str) -> bool {
        let v = Some(value.to_string());
        match name {
            "fragment" => self.fragment = v,
            "preset" => self.preset = v,
            "weights" => self.weights = v,
            "must" => self.must = v,
            "current" => self.current = v,
            "options" => self.options = v,
            "count-paid" => self.count_paid = Some(value == "true"),
            "view" => self.view = v,
            "sections" => self.sections = v,
            "heading" => self.heading = v,
            "heading-level" => self.heading_level = v,
            "today" => self.today = v,
            "lang" => self.lang = v,
            _ => return false,
        }
        true
    }

    /// True when any option changes the setup (not only the presentation).
    pub fn touches_setup(&self) -> bool {
        self.fragment.is_some()
            || self.preset.is_some()
            || self.weights.is_some()
            || self.must.is_some()
            || self.current.is_some()
            || self.options.is_some()
            || self.count_paid.is_some()
            || self.lang.is_some()
    }
}

/// Applies every option to copies of `setup` and `presentation`, in the order fragment,
/// preset, weights, must, current, options, lang, then the presentation. An invalid option is
/// skipped and its message (naming the option and its valid values) collected: the caller
/// either shows them all and keeps the rest (start-up) or rejects the whole change (update).
pub fn apply(
    d: &Dataset,
    setup: &Setup,
    presentation: &Presentation,
    o: &HostOptions,
) -> (Setup, Presentation, Vec<Msg>) {
    let mut s = setup.clone();
    let mut p = presentation.clone();
    let mut problems = Vec::new();
    let mut note = |r: Result<(), Msg>| {
        if let Err(e) = r {
            problems.push(e);
        }
    };
    if let Some(text) = &o.fragment {
        note(
            fragment::decode(d, text)
                .map(|x| {
                    // A fragment without a language keeps the one chosen.
                    let lang = s.lang.take();
                    s = x;
                    s.lang = s.lang.take().or(lang);
                })
                .map_err(|e| {
                    Msg::new(k::OPTION_FRAGMENT)
                        .with("value", clip(text))
                        .with_msg("error", e)
                }),
        );
    }
    if let Some(id) = &o.preset {
        note(s.try_apply(d, Change::Preset(id.clone())).map(drop));
    }
    // Weights or must-haves other than the preset's make the setup custom.
    if let Some(text) = &o.weights {
        note(weights(d, &s.weights, text).and_then(|w| {
            for (i, v) in w.into_iter().enumerate() {
                if s.try_apply(d, Change::Weight(i, v))? {
                    s.preset = None;
                }
            }
            Ok(())
        }));
    }
    if let Some(text) = &o.must {
        note(must(d, text).and_then(|m| {
            let before = s.must.clone();
            for f in before.flags.iter().filter(|f| !m.flags.contains(f)) {
                s.try_apply(d, Change::Flag(f.clone(), false))?;
            }
            for f in &m.flags {
                s.try_apply(d, Change::Flag(f.clone(), true))?;
            }
            s.try_apply(d, Change::Arch(m.arch.clone()))?;
            s.try_apply(d, Change::MinYears(m.min_years))?;
            if s.must != before {
                s.preset = None;
            }
            Ok(())
        }));
    }
    if let Some(c) = &o.current {
        // A version id, "new" / empty, or a mixed fleet "id:servers,…": the same reader and
        // messages as every other host option for the current system.
        note(s.apply_current(d, c));
    }
    if let Some(on) = o.count_paid {
        note(s.try_apply(d, Change::CountPaid(on)).map(drop));
    }
    if let Some(list) = &o.options {
        let ids: Vec<String> = list
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let text = ids.join(",");
        note(
            s.try_apply(d, Change::CompareAll(ids))
                .map(drop)
                .map_err(|e| {
                    let all: Vec<&str> = d.options.iter().map(|o| o.id.as_str()).collect();
                    Msg::new(k::OPTION_OPTIONS)
                        .with("value", clip(&text))
                        .with_msg("error", e)
                        .with("ids", all.join(", "))
                }),
        );
    }
    if let Some(tag) = &o.lang {
        note(
            s.try_apply(d, Change::Lang(Some(tag.clone())))
                .map(drop)
                .map_err(|e| {
                    // An unsupported language shows English (and says so), not the page's.
                    s.lang = Some("en".to_string());
                    Msg::new(k::OPTION_LANG).with_msg("error", e)
                }),
        );
    }
    if let Some(v) = &o.view {
        note(p.set_view(v));
    }
    if let Some(v) = &o.sections {
        note(p.set_sections(v));
    }
    if let Some(v) = &o.heading {
        p.set_heading(v);
    }
    if let Some(v) = &o.heading_level {
        note(p.set_heading_level(v));
    }
    (s, p, problems)
}

/// The `today` option: the ISO date to use as today (tests and archived pages).
pub fn today(text: &str) -> Result<Date, Msg> {
    Date::parse(text).ok_or_else(|| Msg::new(k::OPTION_TODAY).with("value", clip(text)))
}

/// "8,2,6,…" (every criterion, dataset order: the fragment's `w:`) or "id:weight,…" (the
/// named criteria; the others keep `current`).
fn weights(d: &Dataset, current: &[f64], text: &str) -> Result<Vec<f64>, Msg> {
    let text = text.trim();
    let bad = |why: Msg| {
        Msg::new(k::OPTION_WEIGHTS)
            .with("value", clip(text))
            .with_msg("error", why)
    };
    if !text.contains(':') {
        return fragment::decode(d, &format!("w:{text}"))
            .map(|s| s.weights)
            .map_err(bad);
    }
    let mut w = current.to_vec();
    for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (id, value) = pair
            .split_once(':')
            .ok_or_else(|| bad(Msg::new(k::OPTION_WEIGHT_PAIR).with("value", clip(pair))))?;
        let i = d
            .criteria
            .iter()
            .position(|c| c.id == id.trim())
            .ok_or_else(|| {
                let ids: Vec<&str> = d.criteria.iter().map(|c| c.id.as_str()).collect();
                bad(Msg::new(k::OPTION_CRITERION)
                    .with("value", clip(id.trim()))
                    .with("ids", ids.join(", ")))
            })?;
        match crate::num::parse_decimal(value.trim()) {
            Some(v) if v.is_finite() && (0.0..=MAX_WEIGHT).contains(&v) => {
                if let Some(slot) = w.get_mut(i) {
                    *slot = v;
                }
            }
            _ => return Err(bad(fragment::weight_msg(clip(value.trim())))),
        }
    }
    Ok(w)
}

/// The fragment's `f:`/`a:`/`y:` fields only; empty text: nothing required.
fn must(d: &Dataset, text: &str) -> Result<MustHaves, Msg> {
    let text = text.trim();
    for part in text.split(';').filter(|p| !p.is_empty()) {
        let key = part.split_once(':').map_or(part, |(k, _)| k);
        if !["f", "a", "y"].contains(&key) {
            return Err(Msg::new(k::OPTION_MUST_KEY)
                .with("value", clip(text))
                .with("key", clip(key)));
        }
    }
    fragment::decode(d, text).map(|s| s.must).map_err(|e| {
        Msg::new(k::OPTION_MUST)
            .with("value", clip(text))
            .with_msg("error", e)
    })
}

/// Shortens untrusted text quoted in a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
