//! The visitor's setup and every rule for changing it. Pure Rust, tested natively.
//!
//! The widget's reducer (`ui::state`), host options (`embed`) and the URL fragment
//! (`fragment`) all change a [`Setup`] through [`Visitor::apply`] /
//! [`Setup::try_apply`], so each rule (clamping, compare limits, when the preset
//! stops applying) is written once.

use crate::data::{Dataset, Date, MustHaves, MAX_WEIGHT};
use crate::engine::{Evaluation, Inputs};
use crate::i18n::{k, Msg, Tr};

/// Fewest and most options the side-by-side table shows.
pub const COMPARE_MIN: usize = 2;
pub const COMPARE_MAX: usize = 4;
/// Highest "at least N years of updates" a visitor can ask for.
pub const MAX_MIN_YEARS: f64 = 15.0;
/// Most groups in a mixed fleet.
pub const MAX_FLEET_GROUPS: usize = 20;
/// Most servers in a mixed fleet, all groups together.
pub const MAX_FLEET_SERVERS: u32 = 1_000_000;

/// Everything the visitor chose.
#[derive(Debug, Clone, PartialEq)]
pub struct Setup {
    /// Preset id, or None once the visitor changed something by hand ("custom").
    pub preset: Option<String>,
    /// One weight per criterion, dataset order.
    pub weights: Vec<f64>,
    pub must: MustHaves,
    /// Version id the visitor runs now (None: new install, or a mixed fleet).
    pub current: Option<String>,
    /// A mixed fleet: two or more (version id, servers) groups; empty otherwise. Set only
    /// through [`Change::Fleet`], which keeps `current` and `fleet` from both being set.
    pub fleet: Vec<(String, u32)>,
    /// Count paid extended-support offers in years left and the years must-have.
    pub count_paid: bool,
    /// Option ids in the side-by-side table.
    pub compare: Vec<String>,
    /// The interface language chosen (a catalogue's tag, see [`crate::i18n`]); None: not
    /// chosen, the embedding layer resolves it from the page and the browser.
    pub lang: Option<String>,
}

/// One change to a setup. Invalid changes (an unknown id, a compare list that would
/// leave the allowed size) are refused, never half-applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Apply a preset's weights, must-haves and current system; keeps the compared options.
    Preset(String),
    /// Criterion index and its new weight (clamped to 0..=MAX_WEIGHT).
    Weight(usize, f64),
    /// A must-have flag on or off.
    Flag(String, bool),
    /// Required architecture, or none.
    Arch(Option<String>),
    /// Minimum years of security updates, or none.
    MinYears(Option<f64>),
    /// Version id the visitor runs now, or None for a new install (ends a mixed fleet).
    Current(Option<String>),
    /// What the visitor runs now as groups of (version id, servers): none is a new
    /// install, one group is a single current system, two or more a mixed fleet.
    Fleet(Vec<(String, u32)>),
    /// Count paid extended support or not.
    CountPaid(bool),
    /// Add or remove one option in the side-by-side table.
    Compare(String, bool),
    /// Replace the whole compare list (host options, fragments).
    CompareAll(Vec<String>),
    /// The interface language, by tag ("de", "de-AT" → de); None: not chosen.
    Lang(Option<String>),
}

impl Setup {
    /// The dataset's default weights, nothing required, a new install.
    pub fn defaults(d: &Dataset) -> Setup {
        Setup {
            preset: None,
            weights: d.criteria.iter().map(|c| c.default_weight).collect(),
            must: MustHaves::default(),
            current: None,
            fleet: Vec::new(),
            count_paid: false,
            compare: default_compare(d),
            lang: None,
        }
    }

    /// The language this setup is shown in (English when none is chosen).
    pub fn tr(&self) -> Tr {
        self.lang
            .as_deref()
            .and_then(Tr::for_tag)
            .unwrap_or_default()
    }

    /// This setup with a preset applied (see [`Change::Preset`]), or None for an unknown id.
    pub fn with_preset(&self, d: &Dataset, preset_id: &str) -> Option<Setup> {
        let mut s = self.clone();
        s.try_apply(d, Change::Preset(preset_id.to_string())).ok()?;
        Some(s)
    }

    /// Applies a change; returns whether the setup changed, or why the change is invalid
    /// (the setup is then left as it was). Messages quote untrusted text clipped.
    pub fn try_apply(&mut self, d: &Dataset, change: Change) -> Result<bool, Msg> {
        let before = self.clone();
        match change {
            Change::Preset(id) => {
                let p = d.presets.iter().find(|p| p.id == id).ok_or_else(|| {
                    let ids: Vec<&str> = d.presets.iter().map(|p| p.id.as_str()).collect();
                    Msg::new(k::SETUP_PRESET)
                        .with("value", clip(&id))
                        .with("ids", ids.join(", "))
                })?;
                self.weights = preset_weights(d, &p.id);
                self.must = p.must.clone();
                if p.current.is_some() {
                    self.current = p.current.clone();
                    self.fleet.clear();
                }
                self.preset = Some(p.id.clone());
            }
            Change::Weight(i, w) => {
                let slot = self.weights.get_mut(i).ok_or_else(|| {
                    Msg::new(k::SETUP_NO_CRITERION).with("number", (i + 1).to_string())
                })?;
                if !w.is_finite() {
                    return Err(Msg::new(k::SETUP_WEIGHT_NAN));
                }
                *slot = w.clamp(0.0, MAX_WEIGHT);
            }
            Change::Flag(id, on) => {
                if !d.flags.iter().any(|f| f.id == id) {
                    return Err(Msg::new(k::SETUP_UNKNOWN_MUST).with("value", clip(&id)));
                }
                self.must.flags.retain(|f| *f != id);
                if on {
                    self.must.flags.push(id);
                }
            }
            Change::Arch(a) => {
                if let Some(a) = &a {
                    if !has_arch(d, a) {
                        return Err(Msg::new(k::SETUP_UNKNOWN_ARCH).with("value", clip(a)));
                    }
                }
                self.must.arch = a;
            }
            Change::MinYears(y) => {
                if let Some(y) = y {
                    if !(y.is_finite() && (0.0..=MAX_MIN_YEARS).contains(&y)) {
                        return Err(
                            Msg::new(k::SETUP_MIN_YEARS).with("max", MAX_MIN_YEARS.to_string())
                        );
                    }
                }
                self.must.min_years = y;
            }
            Change::Current(c) => {
                if let Some(c) = &c {
                    if !d
                        .options
                        .iter()
                        .flat_map(|o| &o.versions)
                        .any(|v| &v.id == c)
                    {
                        return Err(Msg::new(k::SETUP_UNKNOWN_CURRENT).with("value", clip(c)));
                    }
                }
                self.current = c;
                self.fleet.clear();
            }
            Change::Fleet(groups) => {
                check_fleet(d, &groups)?;
                match groups.as_slice() {
                    [] => self.current = None,
                    [(v, _)] => self.current = Some(v.clone()),
                    _ => self.current = None,
                }
                self.fleet = if groups.len() > 1 { groups } else { Vec::new() };
            }
            Change::CountPaid(on) => self.count_paid = on,
            Change::Compare(id, on) => {
                if !d.options.iter().any(|o| o.id == id) {
                    return Err(Msg::new(k::SETUP_UNKNOWN_OPTION).with("value", clip(&id)));
                }
                let present = self.compare.contains(&id);
                if on && !present {
                    if self.compare.len() >= COMPARE_MAX {
                        return Err(
                            Msg::new(k::SETUP_COMPARE_MAX).with("max", COMPARE_MAX.to_string())
                        );
                    }
                    self.compare.push(id);
                } else if !on && present {
                    if self.compare.len() <= COMPARE_MIN {
                        return Err(
                            Msg::new(k::SETUP_COMPARE_MIN).with("min", COMPARE_MIN.to_string())
                        );
                    }
                    self.compare.retain(|o| *o != id);
                }
            }
            Change::CompareAll(ids) => {
                if !(COMPARE_MIN..=COMPARE_MAX).contains(&ids.len()) {
                    return Err(Msg::new(k::SETUP_COMPARE_COUNT)
                        .with("min", COMPARE_MIN.to_string())
                        .with("max", COMPARE_MAX.to_string())
                        .with("count", ids.len().to_string()));
                }
                for (i, id) in ids.iter().enumerate() {
                    if !d.options.iter().any(|o| &o.id == id) || ids[..i].contains(id) {
                        return Err(Msg::new(k::SETUP_OPTION_REPEATED).with("value", clip(id)));
                    }
                }
                self.compare = ids;
            }
            Change::Lang(None) => self.lang = None,
            Change::Lang(Some(tag)) => {
                let tr = Tr::for_tag(&tag).ok_or_else(|| {
                    let all: Vec<&str> = Tr::all().map(Tr::lang).collect();
                    Msg::new(k::SETUP_LANG)
                        .with("value", clip(&tag))
                        .with("langs", all.join(", "))
                })?;
                self.lang = Some(tr.lang().to_string());
            }
        }
        Ok(*self != before)
    }

    /// Sets what the visitor runs now from a host's text: "" or "new" (a new install), a
    /// version id, or a mixed fleet "id:servers,…". Errors name the option; on error the
    /// setup is unchanged. (The other host options are applied in `attrs`.)
    pub fn apply_current(&mut self, d: &Dataset, c: &str) -> Result<(), Msg> {
        let single = !c.contains([',', ':']);
        let option = |e: Msg| {
            Msg::new(k::OPTION_CURRENT)
                .with("value", clip(c))
                .with_msg("error", e)
        };
        let groups = parse_fleet(c).map_err(option)?;
        self.try_apply(d, Change::Fleet(groups)).map_err(|e| {
            if single {
                Msg::new(k::OPTION_CURRENT_UNKNOWN).with("value", clip(c))
            } else {
                option(e)
            }
        })?;
        Ok(())
    }

    /// The weights or must-haves differ from the dataset's defaults (what a first open shows).
    pub fn customised(&self, d: &Dataset) -> bool {
        let defaults = Setup::defaults(d);
        self.weights != defaults.weights || self.must != defaults.must
    }

    /// True when weights and must-haves are exactly what preset `id` sets.
    fn matches_preset(&self, d: &Dataset, id: &str) -> bool {
        d.presets
            .iter()
            .find(|p| p.id == id)
            .is_some_and(|p| self.must == p.must && self.weights == preset_weights(d, id))
    }
}

/// Every group names a known version once, with 1 or more servers; at most
/// [`MAX_FLEET_GROUPS`] groups and [`MAX_FLEET_SERVERS`] servers in all.
fn check_fleet(d: &Dataset, groups: &[(String, u32)]) -> Result<(), Msg> {
    if groups.len() > MAX_FLEET_GROUPS {
        return Err(too_many_groups(groups.len()));
    }
    let mut total: u64 = 0;
    for (i, (v, n)) in groups.iter().enumerate() {
        if !d
            .options
            .iter()
            .flat_map(|o| &o.versions)
            .any(|x| &x.id == v)
        {
            return Err(Msg::new(k::SETUP_UNKNOWN_CURRENT).with("value", clip(v)));
        }
        if groups[..i].iter().any(|(w, _)| w == v) {
            return Err(Msg::new(k::SETUP_FLEET_TWICE).with("value", clip(v)));
        }
        if *n == 0 {
            return Err(Msg::new(k::SETUP_FLEET_ZERO)
                .with("id", clip(v))
                .with("max", MAX_FLEET_SERVERS.to_string()));
        }
        total += u64::from(*n);
    }
    if total > u64::from(MAX_FLEET_SERVERS) {
        return Err(Msg::new(k::SETUP_FLEET_SERVERS)
            .with("max", MAX_FLEET_SERVERS.to_string())
            .with("total", total.to_string()));
    }
    Ok(())
}

fn too_many_groups(n: usize) -> Msg {
    Msg::new(k::SETUP_FLEET_GROUPS)
        .with("max", MAX_FLEET_GROUPS.to_string())
        .with("count", n.to_string())
}

/// Reads what the visitor runs now: "" or "new" (a new install), a version id, or
/// groups "id:servers,id:servers" (a single id in a list counts 1 server). Counts must be
/// whole numbers from 1 to [`MAX_FLEET_SERVERS`]; ids are checked by [`Change::Fleet`].
pub fn parse_fleet(text: &str) -> Result<Vec<(String, u32)>, Msg> {
    let text = text.trim();
    if text.is_empty() || text == "new" {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() > MAX_FLEET_GROUPS {
        return Err(too_many_groups(parts.len()));
    }
    parts
        .iter()
        .map(|p| {
            let (id, n) = match p.split_once(':') {
                Some((id, n)) => (id.trim(), Some(n.trim())),
                None => (*p, None),
            };
            if id.is_empty() {
                return Err(Msg::new(k::SETUP_FLEET_EMPTY_ID));
            }
            let n = match n {
                None => 1,
                Some(n) => match crate::num::parse_decimal(n) {
                    Some(x)
                        if x.fract() == 0.0
                            && (1.0..=f64::from(MAX_FLEET_SERVERS)).contains(&x)
                            && n.bytes().all(|b| b.is_ascii_digit()) =>
                    {
                        x as u32
                    }
                    _ => {
                        return Err(Msg::new(k::SETUP_FLEET_COUNT)
                            .with("value", clip(n))
                            .with("id", clip(id))
                            .with("max", MAX_FLEET_SERVERS.to_string()))
                    }
                },
            };
            Ok((id.to_string(), n))
        })
        .collect()
}

/// The text [`parse_fleet`] reads back: "id" for one system, "id:n,id:n" for a fleet.
pub fn fleet_text(s: &Setup) -> Option<String> {
    if s.fleet.is_empty() {
        return s.current.clone();
    }
    let parts: Vec<String> = s.fleet.iter().map(|(v, n)| format!("{v}:{n}")).collect();
    Some(parts.join(","))
}

/// A preset's weights in criteria order (criteria it does not list get 0).
fn preset_weights(d: &Dataset, id: &str) -> Vec<f64> {
    let p = d.presets.iter().find(|p| p.id == id);
    d.criteria
        .iter()
        .map(|c| p.and_then(|p| p.weights.get(&c.id).copied()).unwrap_or(0.0))
        .collect()
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

/// What the widget's controls edit: the setup plus what "reset" returns to.
#[derive(Debug, Clone, PartialEq)]
pub struct Visitor {
    pub setup: Setup,
    /// Weights the per-slider and "reset all" buttons return to: the last preset's, or
    /// the starting setup's.
    pub base_weights: Vec<f64>,
    /// The preset `base_weights` came from, if any: the setup is shown as that preset
    /// whenever its weights and must-haves equal the preset's again.
    base_preset: Option<String>,
}

/// An edit from the widget's controls.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Change(Change),
    /// Criterion index back to its base weight.
    ResetWeight(usize),
    /// Every weight back to its base; after a preset, back to the preset (its must-haves too),
    /// so the preset is selected again.
    ResetAll,
}

impl Visitor {
    pub fn new(setup: Setup) -> Visitor {
        Visitor {
            base_weights: setup.weights.clone(),
            base_preset: setup.preset.clone(),
            setup,
        }
    }

    /// The preset "reset all" returns to, if the base is one (its name).
    pub fn base_preset_name<'d>(&self, d: &'d Dataset) -> Option<&'d str> {
        let id = self.base_preset.as_deref()?;
        d.presets
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.name.as_str())
    }

    /// [`Edit::ResetAll`] would change something.
    pub fn can_reset_all(&self, d: &Dataset) -> bool {
        let mut v = self.clone();
        v.apply(d, Edit::ResetAll)
    }

    /// Applies an edit; returns whether the setup changed (only then does the widget
    /// evaluate again). Invalid edits change nothing.
    pub fn apply(&mut self, d: &Dataset, edit: Edit) -> bool {
        let before = self.setup.clone();
        match edit {
            Edit::Change(Change::Preset(id)) => {
                if self.setup.try_apply(d, Change::Preset(id)).is_err() {
                    return false;
                }
                self.base_weights = self.setup.weights.clone();
                self.base_preset = self.setup.preset.clone();
            }
            Edit::Change(c @ (Change::Current(_) | Change::Fleet(_) | Change::CountPaid(_))) => {
                // The current system and the paid-support switch are not part of what a
                // preset's weights express.
                return self.setup.try_apply(d, c).unwrap_or(false);
            }
            Edit::Change(c @ (Change::Compare(..) | Change::CompareAll(_) | Change::Lang(_))) => {
                return self.setup.try_apply(d, c).unwrap_or(false);
            }
            Edit::Change(c) => {
                if self.setup.try_apply(d, c).is_err() {
                    return false;
                }
            }
            Edit::ResetWeight(i) => {
                if let (Some(slot), Some(b)) =
                    (self.setup.weights.get_mut(i), self.base_weights.get(i))
                {
                    *slot = *b;
                }
            }
            Edit::ResetAll => {
                self.setup.weights = self.base_weights.clone();
                if let Some(p) = self
                    .base_preset
                    .as_deref()
                    .and_then(|id| d.presets.iter().find(|p| p.id == id))
                {
                    self.setup.must = p.must.clone();
                }
            }
        }
        // A hand edit leaves the preset ("custom") unless the result is the preset again.
        self.setup.preset = self
            .base_preset
            .clone()
            .filter(|p| self.setup.matches_preset(d, p));
        self.setup != before
    }
}

/// What the widget shows for `setup` on `today`: the one place a setup becomes engine
/// inputs (the widget's reducer and the static version both call it).
pub fn evaluate(data: &Dataset, setup: &Setup, today: Date) -> Evaluation {
    evaluate_in(data, setup, today, setup.tr())
}

/// [`evaluate`] with its sentences in `tr` (the widget's language: the setup's, or the page's
/// when the setup names none).
pub fn evaluate_in(data: &Dataset, setup: &Setup, today: Date, tr: Tr) -> Evaluation {
    crate::engine::evaluate(&Inputs {
        dataset: data,
        weights: &setup.weights,
        must: &setup.must,
        today,
        current: setup.current.as_deref(),
        fleet: &setup.fleet,
        count_paid: setup.count_paid,
        in_play: None,
        near_tie_margin: 2.0,
        tr,
    })
}

/// Whether any version lists architecture `a` (what [`all_arches`] holds, without
/// building the list: it is checked on every must-have change and fragment).
pub fn has_arch(d: &Dataset, a: &str) -> bool {
    d.options
        .iter()
        .flat_map(|o| &o.versions)
        .any(|v| v.arches.iter().any(|x| x == a))
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
pub(crate) fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
