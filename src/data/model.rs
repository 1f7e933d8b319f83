//! The dataset schema: plain serde structs, no web dependencies.
//!
//! The JSON file in `data/` and any dataset a host page supplies are read into
//! these types by [`super::load`] and then checked by [`super::validate`].
//! Unknown fields are rejected so that a typo in a hand-written dataset is
//! reported instead of silently ignored (and so that arbitrarily nested junk is
//! never walked).

use super::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Weight of one criterion, 0..=[`MAX_WEIGHT`].
pub type Weight = f64;
/// Upper end of every weight slider.
pub const MAX_WEIGHT: f64 = 10.0;
/// The weight sliders' step: the settings a visitor can choose are its multiples.
pub const WEIGHT_STEP: f64 = 1.0;
/// The schema version this code reads.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "D: Deserialize<'de>"))]
pub struct Dataset<D = Date> {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema: u32,
    /// Heading shown above the widget, e.g. "Which enterprise Linux?".
    pub title: String,
    /// What one option is, singular, e.g. "distribution".
    pub subject: String,
    /// ISO date (YYYY-MM-DD) the facts were last checked.
    pub as_of: D,
    pub sources: Vec<Source<D>>,
    /// Descriptive dimensions shown in the side-by-side table (not scored).
    pub dimensions: Vec<Dimension>,
    /// Yes/no features an option may have; must-haves refer to these.
    #[serde(default)]
    pub flags: Vec<FlagDef>,
    /// Scored criteria.
    pub criteria: Vec<Criterion>,
    pub options: Vec<OptionEntry<D>>,
    #[serde(default)]
    pub tools: Vec<Tool>,
    #[serde(default)]
    pub migrations: Vec<Migration>,
    /// Systems a migration route passes through that the dataset does not describe as a
    /// version (no lifecycle dates), e.g. Oracle Linux 7 on Oracle's CentOS 7 route. A route
    /// never lands on one.
    #[serde(default)]
    pub waypoints: Vec<Waypoint>,
    pub presets: Vec<Preset>,
    /// Options compared side by side when the visitor has not picked any.
    #[serde(default)]
    pub default_compare: Vec<String>,
    /// Language tag → English text → that text in the language (gettext-style: keyed by the
    /// exact English text of a translatable field, see `super::translate`). Optional: a
    /// dataset without it is English only.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
    /// The references resolved once ([`Dataset::refs`]); not part of the JSON.
    #[serde(skip)]
    pub resolved: super::refs::Resolved,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "D: Deserialize<'de>"))]
pub struct Source<D = Date> {
    pub id: String,
    pub title: String,
    pub url: String,
    /// ISO date the source was read.
    pub retrieved: D,
    /// Who published it: an option id (that option's own project or vendor),
    /// [`INDEPENDENT`], or `vendor:<name>` for another company. Read as optional so that a
    /// dataset without it gets a message with its path; the validator requires it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Date of the commit the URL pins (required by the validator when the URL pins one), or
    /// [`UNKNOWN`] when it could not be looked up.
    #[serde(default)]
    pub commit_date: Option<String>,
}

/// `publisher` of a source with no stake in any option (endoflife.date, Wikipedia, the press).
pub const INDEPENDENT: &str = "independent";
/// `commit_date` of a pinned commit whose date could not be looked up.
pub const UNKNOWN: &str = "unknown";
/// Prefix of a `publisher` that is a company other than the options' own vendors.
pub const VENDOR_PREFIX: &str = "vendor:";

/// Who published a source, as the sourcing rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publisher<'a> {
    /// The project or vendor of this option id.
    Option(&'a str),
    Independent,
    /// Another company, by name.
    Vendor(&'a str),
}

impl<D> Source<D> {
    /// The parsed `publisher` (None when absent or not of a known form; the validator reports it).
    pub fn publisher(&self) -> Option<Publisher<'_>> {
        let p = self.publisher.as_deref()?.trim();
        if p == INDEPENDENT {
            Some(Publisher::Independent)
        } else if let Some(name) = p.strip_prefix(VENDOR_PREFIX) {
            let name = name.trim();
            (!name.is_empty()).then_some(Publisher::Vendor(name))
        } else if p.is_empty() {
            None
        } else {
            Some(Publisher::Option(p))
        }
    }

    /// The 40-hex commit id the URL pins (a path segment), if any.
    pub fn pinned_commit(&self) -> Option<&str> {
        self.url
            .split(['/', '@', ':', '?', '#'])
            .find(|seg| seg.len() == 40 && seg.bytes().all(|b| b.is_ascii_hexdigit()))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagDef {
    pub id: String,
    /// Label of the must-have checkbox, e.g. "First-party commercial support".
    pub name: String,
}

/// How a criterion's value is obtained and turned into a utility in [0, 1].
///
/// In JSON an object tagged by `kind`, e.g. `{"kind": "scale", "max": 10}`. It is read by a
/// hand-written `Deserialize` (below) rather than serde's internally tagged enums, whose
/// buffering machinery costs ~9 KB gzip of wasm.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CriterionKind {
    /// Hand-assigned ordinal rating 0..=max per option (with rationale and sources).
    Scale { max: u32 },
    /// Hand-entered number per option, mapped linearly between `min` and `max`.
    Number {
        min: f64,
        max: f64,
        higher_is_better: bool,
        /// Unit shown after the value, e.g. "days".
        unit: String,
    },
    /// Hand-entered yes (1) / no (0) per option.
    YesNo,
    /// Years of security updates left for the option's longest-lived version,
    /// computed from version dates and today's date, capped at `cap_years`.
    YearsLeft { cap_years: f64 },
    /// Computed from `migrations` and the visitor's current system.
    Migration,
}

/// Every field any kind of scoring may have; which ones must be present depends on `kind`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScoring {
    kind: String,
    max: Option<f64>,
    min: Option<f64>,
    higher_is_better: Option<bool>,
    unit: Option<String>,
    cap_years: Option<f64>,
}

const SCORING_KINDS: &[&str] = &["scale", "number", "yes_no", "years_left", "migration"];

impl<'de> Deserialize<'de> for CriterionKind {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let r = RawScoring::deserialize(de)?;
        // Fields a kind does not take are reported as serde reports unknown fields.
        let only = |allowed: &'static [&'static str]| -> Result<(), D::Error> {
            let present = [
                ("max", r.max.is_some()),
                ("min", r.min.is_some()),
                ("higher_is_better", r.higher_is_better.is_some()),
                ("unit", r.unit.is_some()),
                ("cap_years", r.cap_years.is_some()),
            ];
            match present.iter().find(|(k, on)| *on && !allowed.contains(k)) {
                Some((k, _)) => Err(D::Error::unknown_field(k, allowed)),
                None => Ok(()),
            }
        };
        let need =
            |v: Option<f64>, name: &'static str| v.ok_or_else(|| D::Error::missing_field(name));
        Ok(match r.kind.as_str() {
            "scale" => {
                only(&["kind", "max"])?;
                let max = need(r.max, "max")?;
                if !(max >= 0.0 && max <= f64::from(u32::MAX) && max.fract() == 0.0) {
                    return Err(D::Error::custom(format_args!(
                        "max: {max} is not a whole number from 0 to {}",
                        u32::MAX
                    )));
                }
                CriterionKind::Scale { max: max as u32 }
            }
            "number" => {
                only(&["kind", "min", "max", "higher_is_better", "unit"])?;
                CriterionKind::Number {
                    min: need(r.min, "min")?,
                    max: need(r.max, "max")?,
                    higher_is_better: r
                        .higher_is_better
                        .ok_or_else(|| D::Error::missing_field("higher_is_better"))?,
                    unit: r.unit.ok_or_else(|| D::Error::missing_field("unit"))?,
                }
            }
            "yes_no" => {
                only(&["kind"])?;
                CriterionKind::YesNo
            }
            "years_left" => {
                only(&["kind", "cap_years"])?;
                CriterionKind::YearsLeft {
                    cap_years: need(r.cap_years, "cap_years")?,
                }
            }
            "migration" => {
                only(&["kind"])?;
                CriterionKind::Migration
            }
            other => return Err(D::Error::unknown_variant(other, SCORING_KINDS)),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub name: String,
    /// One line: what giving this a high weight means.
    pub hint: String,
    /// How an option's value is obtained and which direction is better.
    pub definition: String,
    /// How the value is obtained and scored.
    pub scoring: CriterionKind,
    /// Weight used when no preset is chosen, 0..=10.
    pub default_weight: Weight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Can be recommended.
    Target,
    /// Shown and usable as "I run this now", never recommended.
    Legacy,
}

/// How sure a fact is, mirroring the reference sheet's markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Verified,
    Partial,
    Secondary,
    Conflict,
    Unverified,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "D: Deserialize<'de>"))]
pub struct OptionEntry<D = Date> {
    pub id: String,
    pub name: String,
    pub role: Role,
    /// One sentence shown under the name.
    pub summary: String,
    pub versions: Vec<Version<D>>,
    /// One value per flag of [`Dataset::flags`]: yes, no or not verified, with sources or a note.
    #[serde(default)]
    pub flags: Vec<FlagValue>,
    /// One text per dimension.
    pub facts: Vec<Fact>,
    /// One value per hand-valued criterion (scale, number, yes_no).
    pub ratings: Vec<Rating>,
}

impl<D> OptionEntry<D> {
    /// This option's value for flag `id` (None when it states none).
    pub fn flag(&self, id: &str) -> Option<&FlagValue> {
        self.flags.iter().find(|f| f.flag == id)
    }

    /// True only for a flag stated as yes (no and not verified are not yes).
    pub fn has_flag(&self, id: &str) -> bool {
        self.flag(id).is_some_and(|f| f.value == FlagState::Yes)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "D: Deserialize<'de>"))]
pub struct Version<D = Date> {
    /// Globally unique, e.g. "almalinux-9".
    pub id: String,
    /// e.g. "AlmaLinux 9".
    pub name: String,
    pub release: D,
    /// End of full/active support; absent where the vendor has no such phase.
    #[serde(default)]
    pub active_end: Option<D>,
    /// End of security updates; absent when not published.
    #[serde(default)]
    pub security_end: Option<D>,
    #[serde(default)]
    pub extended: Vec<Extended<D>>,
    pub arches: Vec<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub status: Status,
    /// Short note, e.g. a preview channel or which value a conflict concerns.
    #[serde(default)]
    pub note: Option<String>,
    /// Other published values for this version's fields.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
}

/// A second published value for a field, with its own sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// Field name, e.g. "release" or "extended[0].until".
    pub field: String,
    pub value: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, bound(deserialize = "D: Deserialize<'de>"))]
pub struct Extended<D = Date> {
    pub vendor: String,
    /// Name of the offer, e.g. "Extended Life-cycle Support".
    pub name: String,
    /// ISO date, or absent when the vendor publishes none.
    #[serde(default)]
    pub until: Option<D>,
    pub paid: bool,
    pub sources: Vec<String>,
    #[serde(default)]
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub dimension: String,
    pub text: String,
    pub sources: Vec<String>,
    #[serde(default)]
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub criterion: String,
    pub value: f64,
    /// One line saying why.
    pub rationale: String,
    pub sources: Vec<String>,
    /// How sure the rating is; anything but `verified` is shown next to the number.
    #[serde(default)]
    pub confidence: Status,
}

/// An option's value for one flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagState {
    Yes,
    No,
    /// Not confirmed either way in the sources: never counted as yes.
    NotVerified,
}

/// `{"flag": "fips", "value": "not-verified", "sources": [...], "note": "why"}`.
///
/// A bare flag id (the schema-1 form) is also read, so that the validator can say what to
/// write instead, with the path, rather than the loader failing on a type mismatch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlagValue {
    pub flag: String,
    pub value: FlagState,
    pub sources: Vec<String>,
    /// Why it is not verified (required then), or a short qualification.
    pub note: Option<String>,
    /// Read from a bare id (schema 1): reported by the validator.
    #[serde(skip)]
    pub bare: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlag {
    flag: String,
    value: FlagState,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

impl<'de> Deserialize<'de> for FlagValue {
    fn deserialize<D: serde::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = FlagValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a flag value {flag, value, sources, note}")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<FlagValue, E> {
                Ok(FlagValue {
                    flag: s.to_string(),
                    value: FlagState::Yes,
                    sources: Vec::new(),
                    note: None,
                    bare: true,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<FlagValue, A::Error> {
                let r = RawFlag::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(FlagValue {
                    flag: r.flag,
                    value: r.value,
                    sources: r.sources,
                    note: r.note,
                    bare: false,
                })
            }
        }
        de.deserialize_any(V)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub id: String,
    pub name: String,
    pub owner: String,
    pub url: String,
    pub sources: Vec<String>,
    /// What running the tool involves, in order, at the level of its own docs.
    #[serde(default)]
    pub steps: Vec<Note>,
    /// Limits, risks and inhibitors its docs list for every path it takes.
    #[serde(default)]
    pub risks: Vec<Note>,
}

/// One cited sentence: a plan step or a known risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: String,
    pub sources: Vec<String>,
}

/// A system a route passes through without lifecycle data of its own (see [`Dataset::waypoints`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Waypoint {
    /// Unique among version and waypoint ids, e.g. "oracle-7".
    pub id: String,
    /// e.g. "Oracle Linux 7".
    pub name: String,
    /// Option it belongs to.
    pub option: String,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    InPlace,
    Reinstall,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Upgrade {
    SameMajor,
    Major,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Backing {
    /// The tool's owner publishes the target and documents this exact path.
    Official,
    /// Documented by the tool's owner, but the target's publisher does not back it (or the
    /// owner marks it experimental).
    Community,
    /// Possible, but the tool's owner says it does not support this path.
    Unsupported,
}

impl Backing {
    /// "official", "community" or "unsupported".
    pub fn label(self) -> &'static str {
        match self {
            Backing::Official => "official",
            Backing::Community => "community",
            Backing::Unsupported => "unsupported",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// Version id the visitor runs now.
    pub from: String,
    /// Version id reached.
    pub to: String,
    /// Tool id; absent for a reinstall.
    #[serde(default)]
    pub tool: Option<String>,
    pub method: Method,
    pub upgrade: Upgrade,
    pub backing: Backing,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
    /// Risks and inhibitors specific to this path (the tool's own are in [`Tool::risks`]).
    #[serde(default)]
    pub risks: Vec<Note>,
}

/// Constraints an option must meet to be recommended at all.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MustHaves {
    /// Flag ids the option must have.
    #[serde(default)]
    pub flags: Vec<String>,
    /// A CPU architecture its longest-lived version must support.
    #[serde(default)]
    pub arch: Option<String>,
    /// Minimum years of security updates left.
    #[serde(default)]
    pub min_years: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Criterion id → weight; criteria not listed get 0.
    pub weights: BTreeMap<String, Weight>,
    #[serde(default)]
    pub must: MustHaves,
    /// Version id the preset assumes the visitor runs now.
    #[serde(default)]
    pub current: Option<String>,
}
