//! Checks a dataset that has the right shape for everything serde cannot see.
//!
//! Every problem is collected (the check never stops at the first one) and is
//! reported with the JSON path of the offending value and a plain reason.
//! Problems come out in document order, followed by whole-dataset checks.
//! Nothing here indexes, unwraps or recurses on input, so no input can panic it.

use super::translate::placeholders;
use super::{
    is_language_tag, AsDate, Conflict, CriterionKind, Dataset, Date, Extended, Fact, FlagState,
    FlagValue, Method, MustHaves, Need, Note, OptionEntry, Preset, Problem, Publisher, Rating,
    Role, Status, Version, INDEPENDENT, MAX_WEIGHT, SCHEMA_VERSION, UNKNOWN, VENDOR_PREFIX,
};
use crate::i18n::{k, Msg};

/// Returns every problem found (empty when the dataset is sound). Never panics.
///
/// Generic over how dates are held: a dataset as read (dates as their published text, so a
/// bad one is reported with its path and text) or an already-typed one.
pub fn validate<D: AsDate>(d: &Dataset<D>) -> Vec<Problem> {
    let mut c = Checker::new(d);
    c.document();
    c.problems
}

/// How a criterion's value is obtained, reduced to what the checks need.
#[derive(Clone, Copy)]
enum Valued {
    Scale(u32),
    Number(f64, f64),
    YesNo,
    Computed,
}

struct Checker<'a, D> {
    d: &'a Dataset<D>,
    problems: Vec<Problem>,
    // Plain lists, scanned: the lists are short, and hash maps of `&str` cost wasm code.
    sources: Vec<&'a str>,
    dimensions: Vec<&'a str>,
    flags: Vec<&'a str>,
    criteria: Vec<(&'a str, Valued)>,
    options: Vec<&'a str>,
    versions: Vec<&'a str>,
    waypoints: Vec<&'a str>,
    tools: Vec<&'a str>,
    /// Every architecture any version lists (what a must-have may ask for).
    arches: Vec<&'a str>,
}

impl<'a, D: AsDate> Checker<'a, D> {
    fn new(d: &'a Dataset<D>) -> Self {
        let criteria = d
            .criteria
            .iter()
            .map(|c| {
                let v = match &c.scoring {
                    CriterionKind::Scale { max } => Valued::Scale(*max),
                    CriterionKind::Number { min, max, .. } => Valued::Number(*min, *max),
                    CriterionKind::YesNo => Valued::YesNo,
                    CriterionKind::YearsLeft { .. } | CriterionKind::Migration => Valued::Computed,
                };
                (c.id.as_str(), v)
            })
            .collect();
        Checker {
            d,
            problems: Vec::new(),
            sources: d.sources.iter().map(|s| s.id.as_str()).collect(),
            dimensions: d.dimensions.iter().map(|x| x.id.as_str()).collect(),
            flags: d.flags.iter().map(|x| x.id.as_str()).collect(),
            criteria,
            options: d.options.iter().map(|x| x.id.as_str()).collect(),
            versions: d
                .options
                .iter()
                .flat_map(|o| o.versions.iter().map(|v| v.id.as_str()))
                .collect(),
            waypoints: d.waypoints.iter().map(|x| x.id.as_str()).collect(),
            tools: d.tools.iter().map(|x| x.id.as_str()).collect(),
            arches: d
                .options
                .iter()
                .flat_map(|o| &o.versions)
                .flat_map(|v| v.arches.iter().map(String::as_str))
                .collect(),
        }
    }

    fn problem(&mut self, path: impl Into<String>, message: Msg) {
        self.problems.push(Problem::new(path, message));
    }

    fn document(&mut self) {
        let d = self.d;
        if d.schema == 1 {
            self.problem(
                "schema",
                Msg::new(k::VALIDATE_SCHEMA_1).with("expected", SCHEMA_VERSION.to_string()),
            );
        } else if d.schema != SCHEMA_VERSION {
            self.problem(
                "schema",
                Msg::new(k::VALIDATE_SCHEMA)
                    .with("schema", d.schema.to_string())
                    .with("expected", SCHEMA_VERSION.to_string()),
            );
        }
        self.text("title", &d.title);
        self.text("subject", &d.subject);
        let as_of = self.date("as_of", &d.as_of);

        self.unique_ids("sources", d.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in d.sources.iter().enumerate() {
            let p = format!("sources[{i}]");
            self.text(&format!("{p}.title"), &s.title);
            self.text(&format!("{p}.url"), &s.url);
            let retrieved = self.date(&format!("{p}.retrieved"), &s.retrieved);
            self.publisher(&p, s.publisher.as_deref());
            let commit = match (s.pinned_commit(), &s.commit_date) {
                // The date of a pinned commit that could not be looked up stays unknown.
                (Some(_), Some(c)) if c == UNKNOWN => None,
                (_, Some(c)) => self.date(&format!("{p}.commit_date"), c),
                (Some(hash), None) => {
                    self.problem(
                        format!("{p}.commit_date"),
                        Msg::new(k::VALIDATE_PINNED_COMMIT)
                            .with("commit", hash.get(..12).unwrap_or(hash)),
                    );
                    None
                }
                (None, None) => None,
            };
            if let (Some(r), Some(c)) = (retrieved, commit) {
                if r < c {
                    self.problem(
                        format!("{p}.retrieved"),
                        Msg::new(k::VALIDATE_RETRIEVED_BEFORE_COMMIT)
                            .with("retrieved", r.to_string())
                            .with("commit", c.to_string()),
                    );
                }
            }
            // The facts cannot be as of a date before a snapshot they come from.
            if let (Some(c), Some(a)) = (commit, as_of) {
                if c > a {
                    self.problem(
                        format!("{p}.commit_date"),
                        Msg::new(k::VALIDATE_COMMIT_AFTER_AS_OF)
                            .with("commit", c.to_string())
                            .with("as_of", a.to_string()),
                    );
                }
            }
        }

        self.unique_ids("dimensions", d.dimensions.iter().map(|x| x.id.as_str()));
        for (i, x) in d.dimensions.iter().enumerate() {
            self.text(&format!("dimensions[{i}].name"), &x.name);
        }

        self.unique_ids("flags", d.flags.iter().map(|x| x.id.as_str()));
        for (i, x) in d.flags.iter().enumerate() {
            self.text(&format!("flags[{i}].name"), &x.name);
        }

        self.unique_ids("criteria", d.criteria.iter().map(|x| x.id.as_str()));
        for (i, c) in d.criteria.iter().enumerate() {
            let p = format!("criteria[{i}]");
            self.text(&format!("{p}.name"), &c.name);
            self.text(&format!("{p}.hint"), &c.hint);
            self.text(&format!("{p}.definition"), &c.definition);
            self.weight(&format!("{p}.default_weight"), c.default_weight);
            match &c.scoring {
                CriterionKind::Number { min, max, unit, .. } => {
                    let finite_min = self.finite(&format!("{p}.scoring.min"), *min);
                    let finite_max = self.finite(&format!("{p}.scoring.max"), *max);
                    if finite_min && finite_max && min >= max {
                        self.problem(
                            format!("{p}.scoring.max"),
                            Msg::new(k::VALIDATE_MAX_NOT_GREATER)
                                .with("max", num(*max))
                                .with("min", num(*min)),
                        );
                    }
                    self.text(&format!("{p}.scoring.unit"), unit);
                }
                CriterionKind::YearsLeft { cap_years } => {
                    let path = format!("{p}.scoring.cap_years");
                    if self.finite(&path, *cap_years) && *cap_years <= 0.0 {
                        self.problem(
                            path,
                            Msg::new(k::VALIDATE_NOT_POSITIVE).with("value", num(*cap_years)),
                        );
                    }
                }
                CriterionKind::Scale { .. } | CriterionKind::YesNo | CriterionKind::Migration => {}
            }
        }

        self.unique_ids("options", d.options.iter().map(|x| x.id.as_str()));
        // Version ids are unique across all options.
        let mut seen: Vec<(&str, String)> = Vec::new();
        for (i, o) in d.options.iter().enumerate() {
            for (j, v) in o.versions.iter().enumerate() {
                let here = format!("options[{i}].versions[{j}]");
                if !self.id(&format!("{here}.id"), &v.id) {
                    continue;
                }
                if let Some((_, first)) = seen.iter().find(|(id, _)| *id == v.id) {
                    let msg = Msg::new(k::VALIDATE_DUPLICATE_ID)
                        .with_msg("id", quote_msg(&v.id))
                        .with("first", first.clone());
                    self.problem(format!("{here}.id"), msg);
                } else {
                    seen.push((v.id.as_str(), here));
                }
            }
        }
        for (i, o) in d.options.iter().enumerate() {
            self.option(&format!("options[{i}]"), o);
        }

        self.unique_ids("tools", d.tools.iter().map(|x| x.id.as_str()));
        for (i, t) in d.tools.iter().enumerate() {
            let p = format!("tools[{i}]");
            self.text(&format!("{p}.name"), &t.name);
            self.text(&format!("{p}.owner"), &t.owner);
            self.text(&format!("{p}.url"), &t.url);
            self.cited(&p, &t.sources);
            self.notes(&format!("{p}.steps"), &t.steps);
            self.notes(&format!("{p}.risks"), &t.risks);
        }

        self.unique_ids("waypoints", d.waypoints.iter().map(|x| x.id.as_str()));
        for (i, w) in d.waypoints.iter().enumerate() {
            let p = format!("waypoints[{i}]");
            if self.versions.contains(&w.id.as_str()) {
                self.problem(
                    format!("{p}.id"),
                    Msg::new(k::VALIDATE_WAYPOINT_IS_VERSION).with_msg("id", quote_msg(&w.id)),
                );
            }
            self.text(&format!("{p}.name"), &w.name);
            self.reference(&format!("{p}.option"), &w.option, Kind::Option);
            if let Some(note) = &w.note {
                self.text(&format!("{p}.note"), note);
            }
            self.cited(&p, &w.sources);
        }

        for (i, m) in d.migrations.iter().enumerate() {
            let p = format!("migrations[{i}]");
            self.reference(&format!("{p}.from"), &m.from, Kind::Stage);
            self.reference(&format!("{p}.to"), &m.to, Kind::Stage);
            if !m.from.trim().is_empty() && m.from == m.to {
                self.problem(
                    format!("{p}.to"),
                    Msg::new(k::VALIDATE_SAME_VERSION).with_msg("id", quote_msg(&m.to)),
                );
            }
            match &m.tool {
                Some(tool) => {
                    self.reference(&format!("{p}.tool"), tool, Kind::Tool);
                }
                None if m.method == Method::InPlace => {
                    self.problem(format!("{p}.tool"), Msg::new(k::VALIDATE_IN_PLACE_TOOL));
                }
                None => {}
            }
            let first = d.migrations.iter().take(i).position(|x| {
                x.from == m.from && x.to == m.to && x.tool == m.tool && x.method == m.method
            });
            if let Some(first) = first {
                self.problem(
                    p.clone(),
                    Msg::new(k::VALIDATE_SAME_PATH)
                        .with("first", first.to_string())
                        .with_msg("from", quote_msg(&m.from))
                        .with_msg("to", quote_msg(&m.to)),
                );
            }
            if let Some(note) = &m.note {
                self.text(&format!("{p}.note"), note);
            }
            self.cited(&p, &m.sources);
            self.notes(&format!("{p}.risks"), &m.risks);
        }

        self.unique_ids("presets", d.presets.iter().map(|x| x.id.as_str()));
        for (i, pr) in d.presets.iter().enumerate() {
            self.preset(&format!("presets[{i}]"), pr);
        }

        for (i, id) in d.default_compare.iter().enumerate() {
            self.reference(&format!("default_compare[{i}]"), id, Kind::Option);
        }

        if !d.options.iter().any(|o| o.role == Role::Target) {
            self.problem("options", Msg::new(k::VALIDATE_NO_TARGET));
        }
        if d.criteria.is_empty() {
            self.problem("criteria", Msg::new(k::VALIDATE_NO_CRITERIA));
        }
        self.translations();
    }

    /// Every translatable text has a text in each declared language; every table entry
    /// translates one, is not empty and keeps the English text's `{name}` placeholders.
    fn translations(&mut self) {
        let d = self.d;
        if d.translations.is_empty() {
            return;
        }
        let fields = d.translatable();
        for (lang, table) in &d.translations {
            let here = format!("translations[{}]", quote(lang));
            if lang == "en" {
                self.problem(here, Msg::new(k::VALIDATE_TRANSLATIONS_EN));
                continue;
            }
            if !is_language_tag(lang) {
                self.problem(here, Msg::new(k::VALIDATE_NOT_LANGUAGE_TAG));
                continue;
            }
            for (path, need, text) in &fields {
                if *need == Need::Required && !table.contains_key(text) {
                    self.problem(
                        path.clone(),
                        Msg::new(k::VALIDATE_NO_TRANSLATION).with_msg("lang", quote_msg(lang)),
                    );
                }
            }
            for (key, value) in table {
                let at = format!("translations.{lang}[{}]", quote(key));
                let english = placeholders(key);
                if !fields.iter().any(|(_, _, text)| text == key) {
                    self.problem(at, Msg::new(k::VALIDATE_UNMATCHED_KEY));
                } else if value.trim().is_empty() {
                    self.problem(at, Msg::new(k::VALIDATE_EMPTY));
                } else if placeholders(value) != english {
                    let list = |names: Vec<&str>| match names.is_empty() {
                        true => Msg::new(k::VALIDATE_NONE),
                        false => Msg::verbatim(format!("{{{}}}", names.join("}, {"))),
                    };
                    let msg = Msg::new(k::VALIDATE_PLACEHOLDERS)
                        .with_msg("found", list(placeholders(value)))
                        .with_msg("english", list(english));
                    self.problem(at, msg);
                }
            }
        }
    }

    fn option(&mut self, p: &str, o: &'a OptionEntry<D>) {
        self.text(&format!("{p}.name"), &o.name);
        self.text(&format!("{p}.summary"), &o.summary);
        if o.versions.is_empty() {
            self.problem(format!("{p}.versions"), Msg::new(k::VALIDATE_NO_VERSIONS));
        }
        for (j, v) in o.versions.iter().enumerate() {
            self.version(&format!("{p}.versions[{j}]"), v);
        }
        self.option_flags(p, &o.flags);
        self.facts(p, &o.facts);
        self.ratings(p, o);
    }

    fn version(&mut self, p: &str, v: &Version<D>) {
        self.text(&format!("{p}.name"), &v.name);
        let release = self.date(&format!("{p}.release"), &v.release);
        let active = v
            .active_end
            .as_ref()
            .and_then(|s| self.date(&format!("{p}.active_end"), s));
        let security = v
            .security_end
            .as_ref()
            .and_then(|s| self.date(&format!("{p}.security_end"), s));
        if let (Some(r), Some(a)) = (release, active) {
            if a < r {
                self.problem(
                    format!("{p}.active_end"),
                    Msg::new(k::VALIDATE_ACTIVE_BEFORE_RELEASE)
                        .with("active", a.to_string())
                        .with("release", r.to_string()),
                );
            }
        }
        if let Some(s) = security {
            if let Some(a) = active {
                if s < a {
                    self.problem(
                        format!("{p}.security_end"),
                        Msg::new(k::VALIDATE_SECURITY_BEFORE_ACTIVE)
                            .with("security", s.to_string())
                            .with("active", a.to_string()),
                    );
                }
            } else if let Some(r) = release {
                if s < r {
                    self.problem(
                        format!("{p}.security_end"),
                        Msg::new(k::VALIDATE_SECURITY_BEFORE_RELEASE)
                            .with("security", s.to_string())
                            .with("release", r.to_string()),
                    );
                }
            }
        }
        for (k, e) in v.extended.iter().enumerate() {
            self.extended(&format!("{p}.extended[{k}]"), e);
        }
        if v.arches.is_empty() {
            self.problem(format!("{p}.arches"), Msg::new(k::VALIDATE_NO_ARCHES));
        }
        for (k, a) in v.arches.iter().enumerate() {
            self.id(&format!("{p}.arches[{k}]"), a);
        }
        self.cited(p, &v.sources);
        if let Some(note) = &v.note {
            self.text(&format!("{p}.note"), note);
        }
        for (k, c) in v.conflicts.iter().enumerate() {
            self.conflict(&format!("{p}.conflicts[{k}]"), c, v.extended.len());
        }
    }

    fn extended(&mut self, p: &str, e: &Extended<D>) {
        self.text(&format!("{p}.vendor"), &e.vendor);
        self.text(&format!("{p}.name"), &e.name);
        if let Some(until) = &e.until {
            self.date(&format!("{p}.until"), until);
        }
        self.cited(p, &e.sources);
    }

    /// A conflicting value of the version's field `c.field`; `offers` is how many paid or
    /// extended offers the version has (what an `extended[i].…` field may point at).
    fn conflict(&mut self, p: &str, c: &Conflict, offers: usize) {
        self.text(&format!("{p}.field"), &c.field);
        let field = c.field.trim();
        // "extended[i].until" and the like must name an offer the version has, or the widget
        // could not say whose value is disputed.
        if let Some(rest) = field.strip_prefix("extended[") {
            let index = rest
                .split_once(']')
                .and_then(|(i, _)| i.parse::<usize>().ok());
            if index.is_none_or(|i| i >= offers) {
                self.problem(
                    format!("{p}.field"),
                    Msg::new(k::VALIDATE_NO_OFFER)
                        .with_msg("field", quote_msg(field))
                        .with("offers", offers.to_string()),
                );
            }
        }
        let is_date =
            matches!(field, "release" | "active_end" | "security_end") || field.ends_with("until");
        if is_date {
            self.date(&format!("{p}.value"), &c.value);
        } else {
            self.text(&format!("{p}.value"), &c.value);
        }
        self.cited(p, &c.sources);
    }

    fn facts(&mut self, p: &str, facts: &[Fact]) {
        let mut seen: Vec<&str> = Vec::new();
        for (k, f) in facts.iter().enumerate() {
            let fp = format!("{p}.facts[{k}]");
            if self.reference(&format!("{fp}.dimension"), &f.dimension, Kind::Dimension)
                && !insert(&mut seen, &f.dimension)
            {
                self.problem(
                    format!("{fp}.dimension"),
                    Msg::new(k::VALIDATE_SECOND_FACT).with_msg("id", quote_msg(&f.dimension)),
                );
            }
            self.text(&format!("{fp}.text"), &f.text);
            self.cited(&fp, &f.sources);
        }
        for dim in &self.d.dimensions {
            if !dim.id.trim().is_empty() && !seen.contains(&dim.id.as_str()) {
                self.problem(
                    format!("{p}.facts"),
                    Msg::new(k::VALIDATE_NO_FACT).with_msg("id", quote_msg(&dim.id)),
                );
            }
        }
    }

    /// `publisher` of the source at `p`: present and of a known form.
    fn publisher(&mut self, p: &str, publisher: Option<&str>) {
        let path = format!("{p}.publisher");
        let forms = || {
            Msg::new(k::VALIDATE_PUBLISHER_FORMS)
                .with("independent", INDEPENDENT)
                .with("vendor", VENDOR_PREFIX)
        };
        match publisher.map(str::trim) {
            None | Some("") => self.problem(
                path,
                Msg::new(k::VALIDATE_NO_PUBLISHER).with_msg("forms", forms()),
            ),
            Some(x) if x == INDEPENDENT => {}
            Some(x) if x.starts_with(VENDOR_PREFIX) => {
                if x.strip_prefix(VENDOR_PREFIX)
                    .is_none_or(|n| n.trim().is_empty())
                {
                    self.problem(
                        path,
                        Msg::new(k::VALIDATE_NO_COMPANY).with_msg("value", quote_msg(x)),
                    );
                }
            }
            Some(x) => {
                if !self.options.contains(&x) {
                    self.problem(
                        path,
                        Msg::new(k::VALIDATE_UNKNOWN_PUBLISHER)
                            .with_msg("value", quote_msg(x))
                            .with_msg("forms", forms()),
                    );
                }
            }
        }
    }

    /// One value per flag: known, not repeated, sourced (yes/no) or explained (not verified).
    fn option_flags(&mut self, p: &str, flags: &'a [FlagValue]) {
        let mut seen: Vec<&str> = Vec::new();
        for (j, f) in flags.iter().enumerate() {
            let fp = format!("{p}.flags[{j}]");
            if f.bare {
                self.problem(
                    &fp,
                    Msg::new(k::VALIDATE_BARE_FLAG).with_msg("flag", quote_msg(&f.flag)),
                );
                continue;
            }
            let flag_path = format!("{fp}.flag");
            if self.reference(&flag_path, &f.flag, Kind::Flag) && !insert(&mut seen, &f.flag) {
                self.problem(
                    flag_path,
                    Msg::new(k::VALIDATE_SECOND_FLAG).with_msg("id", quote_msg(&f.flag)),
                );
            }
            if let Some(n) = &f.note {
                self.text(&format!("{fp}.note"), n);
            }
            match f.value {
                FlagState::Yes | FlagState::No => self.cited(&fp, &f.sources),
                FlagState::NotVerified => {
                    if f.note.is_none() {
                        self.problem(
                            format!("{fp}.note"),
                            Msg::new(k::VALIDATE_NOT_VERIFIED_NOTE),
                        );
                    }
                    for (k, s) in f.sources.iter().enumerate() {
                        self.reference(&format!("{fp}.sources[{k}]"), s, Kind::Source);
                    }
                }
            }
        }
        if flags.iter().any(|f| f.bare) {
            return;
        }
        for def in &self.d.flags {
            if !def.id.trim().is_empty() && !seen.contains(&def.id.as_str()) {
                self.problem(
                    format!("{p}.flags"),
                    Msg::new(k::VALIDATE_NO_FLAG_VALUE).with_msg("id", quote_msg(&def.id)),
                );
            }
        }
    }

    /// A rating with full confidence must not rest only on parties with a stake in it: its
    /// sources need an independent one, or the rated option's own word together with another
    /// party's.
    fn rating_sourcing(&mut self, rp: &str, option: &OptionEntry<D>, r: &Rating) {
        if r.confidence != Status::Verified || r.sources.is_empty() {
            return;
        }
        let publishers: Vec<Publisher> = r
            .sources
            .iter()
            .filter_map(|id| self.d.sources.iter().find(|s| &s.id == id))
            .filter_map(|s| s.publisher())
            .collect();
        if publishers.len() < r.sources.len() {
            return; // unknown sources or publishers are reported where they are
        }
        let own = publishers
            .iter()
            .filter(|p| **p == Publisher::Option(option.id.as_str()))
            .count();
        if publishers.contains(&Publisher::Independent) || (own > 0 && own < publishers.len()) {
            return;
        }
        let msg = if own > 0 {
            Msg::new(k::VALIDATE_OWN_SOURCES).with("name", option.name.as_str())
        } else {
            let mut who: Vec<&str> = Vec::new();
            for p in &publishers {
                let name = match *p {
                    Publisher::Option(id) => self
                        .d
                        .options
                        .iter()
                        .find(|o| o.id == id)
                        .map_or(id, |o| o.name.as_str()),
                    Publisher::Vendor(v) => v,
                    Publisher::Independent => continue,
                };
                insert(&mut who, name);
            }
            Msg::new(k::VALIDATE_STAKE_SOURCES).with("who", who.join(", "))
        };
        self.problem(format!("{rp}.sources"), msg);
    }

    fn ratings(&mut self, p: &str, option: &'a OptionEntry<D>) {
        let ratings = &option.ratings;
        let mut seen: Vec<&str> = Vec::new();
        for (k, r) in ratings.iter().enumerate() {
            let rp = format!("{p}.ratings[{k}]");
            let cp = format!("{rp}.criterion");
            if self.reference(&cp, &r.criterion, Kind::Criterion) {
                // The last entry, as a map built from the list would keep.
                let kind = self
                    .criteria
                    .iter()
                    .rev()
                    .find(|(id, _)| *id == r.criterion);
                match kind.map(|(_, v)| *v) {
                    Some(Valued::Computed) => {
                        self.problem(
                            cp,
                            Msg::new(k::VALIDATE_COMPUTED_RATING)
                                .with_msg("id", quote_msg(&r.criterion)),
                        );
                    }
                    Some(kind) => {
                        if !insert(&mut seen, &r.criterion) {
                            self.problem(
                                cp,
                                Msg::new(k::VALIDATE_SECOND_RATING)
                                    .with_msg("id", quote_msg(&r.criterion)),
                            );
                        }
                        self.rating_value(&format!("{rp}.value"), r.value, kind);
                    }
                    None => {}
                }
            }
            self.text(&format!("{rp}.rationale"), &r.rationale);
            self.cited(&rp, &r.sources);
            self.rating_sourcing(&rp, option, r);
        }
        for c in &self.d.criteria {
            let hand_valued = !matches!(
                c.scoring,
                CriterionKind::YearsLeft { .. } | CriterionKind::Migration
            );
            if hand_valued && !c.id.trim().is_empty() && !seen.contains(&c.id.as_str()) {
                self.problem(
                    format!("{p}.ratings"),
                    Msg::new(k::VALIDATE_NO_RATING).with_msg("id", quote_msg(&c.id)),
                );
            }
        }
    }

    fn rating_value(&mut self, p: &str, value: f64, kind: Valued) {
        if !self.finite(p, value) {
            return;
        }
        match kind {
            Valued::Scale(max) => {
                if value < 0.0 || value > f64::from(max) {
                    self.problem(
                        p,
                        Msg::new(k::VALIDATE_OUTSIDE_SCALE)
                            .with("value", num(value))
                            .with("max", max.to_string()),
                    );
                }
            }
            Valued::Number(min, max) => {
                // A broken min/max is reported on the criterion itself.
                if min.is_finite() && max.is_finite() && min < max && (value < min || value > max) {
                    self.problem(
                        p,
                        Msg::new(k::VALIDATE_OUTSIDE_RANGE)
                            .with("value", num(value))
                            .with("min", num(min))
                            .with("max", num(max)),
                    );
                }
            }
            Valued::YesNo => {
                if value != 0.0 && value != 1.0 {
                    self.problem(
                        p,
                        Msg::new(k::VALIDATE_ZERO_OR_ONE).with("value", num(value)),
                    );
                }
            }
            Valued::Computed => {}
        }
    }

    fn preset(&mut self, p: &str, pr: &Preset) {
        self.text(&format!("{p}.name"), &pr.name);
        self.text(&format!("{p}.description"), &pr.description);
        for (key, w) in &pr.weights {
            let wp = format!("{p}.weights.{key}");
            self.reference(&wp, key, Kind::Criterion);
            self.weight(&wp, *w);
        }
        self.must(&format!("{p}.must"), &pr.must);
        if let Some(current) = &pr.current {
            self.reference(&format!("{p}.current"), current, Kind::Version);
        }
    }

    /// A preset's must-haves are ones the visitor could set: known, once each, in range
    /// (else the widget holds a setup its controls and its shared links cannot express).
    fn must(&mut self, p: &str, m: &MustHaves) {
        for (k, f) in m.flags.iter().enumerate() {
            let fp = format!("{p}.flags[{k}]");
            if self.reference(&fp, f, Kind::Flag) && m.flags[..k].contains(f) {
                self.problem(
                    fp,
                    Msg::new(k::VALIDATE_LISTED_TWICE).with_msg("value", quote_msg(f)),
                );
            }
        }
        if let Some(arch) = &m.arch {
            let ap = format!("{p}.arch");
            if self.text(&ap, arch) && !self.arches.contains(&arch.as_str()) {
                self.problem(
                    ap,
                    Msg::new(k::VALIDATE_NO_ARCH).with_msg("arch", quote_msg(arch)),
                );
            }
        }
        if let Some(y) = m.min_years {
            let yp = format!("{p}.min_years");
            let max = crate::setup::MAX_MIN_YEARS;
            if self.finite(&yp, y) {
                if y < 0.0 {
                    self.problem(yp, Msg::new(k::VALIDATE_NEGATIVE).with("value", num(y)));
                } else if y > max {
                    self.problem(
                        yp,
                        Msg::new(k::VALIDATE_MORE_YEARS)
                            .with("value", num(y))
                            .with("max", num(max)),
                    );
                } else {
                    self.hundredths(&yp, y);
                }
            }
        }
    }

    // ---- small checks -------------------------------------------------------

    /// Reports an empty or whitespace-only string; true when the text is fine.
    fn text(&mut self, path: &str, s: &str) -> bool {
        if s.trim().is_empty() {
            self.problem(path, Msg::new(k::VALIDATE_EMPTY));
            false
        } else {
            true
        }
    }

    /// Reads a dataset date, reporting one that is not a day (its path and its text).
    fn date(&mut self, path: &str, s: &impl AsDate) -> Option<Date> {
        match s.as_date() {
            Ok(d) => Some(d),
            Err(text) => {
                self.problem(
                    path,
                    Msg::new(k::VALIDATE_NOT_DATE).with_msg("value", quote_msg(text)),
                );
                None
            }
        }
    }

    fn finite(&mut self, path: &str, x: f64) -> bool {
        if x.is_finite() {
            true
        } else {
            self.problem(path, Msg::new(k::VALIDATE_NOT_FINITE).with("value", num(x)));
            false
        }
    }

    fn weight(&mut self, path: &str, w: f64) {
        if !self.finite(path, w) {
            return;
        }
        if !(0.0..=MAX_WEIGHT).contains(&w) {
            self.problem(
                path,
                Msg::new(k::VALIDATE_WEIGHT_OUTSIDE)
                    .with("value", num(w))
                    .with("max", num(MAX_WEIGHT)),
            );
        } else {
            self.hundredths(path, w);
        }
    }

    /// A shared link writes weights and year counts to two decimals, so a value with more
    /// would come back from it as another number (found by `cargo xtask fuzz dataset`).
    fn hundredths(&mut self, path: &str, x: f64) {
        if (x * 100.0).round() / 100.0 != x {
            self.problem(path, Msg::new(k::VALIDATE_DECIMALS).with("value", num(x)));
        }
    }

    /// An id (or architecture name) is `[a-z0-9][a-z0-9._-]*`: it goes into URL
    /// fragments, whose separators (`,` `;` `:` `&` `=` `#`) it must never contain.
    /// True when the id is fine.
    fn id(&mut self, path: &str, id: &str) -> bool {
        if !self.text(path, id) {
            return false;
        }
        let ok = id.bytes().enumerate().all(|(i, b)| {
            b.is_ascii_lowercase()
                || b.is_ascii_digit()
                || (i > 0 && matches!(b, b'.' | b'_' | b'-'))
        });
        if !ok {
            self.problem(
                path,
                Msg::new(k::VALIDATE_BAD_ID).with_msg("id", quote_msg(id)),
            );
        }
        ok
    }

    /// Ids must be valid (see [`Self::id`]) and unique within their list (`list` is its path).
    fn unique_ids<'b>(&mut self, list: &str, ids: impl Iterator<Item = &'b str>) {
        let mut seen: Vec<(&str, usize)> = Vec::new();
        for (i, id) in ids.enumerate() {
            let path = format!("{list}[{i}].id");
            if !self.id(&path, id) {
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(x, _)| *x == id) {
                self.problem(
                    path,
                    Msg::new(k::VALIDATE_DUPLICATE_ID)
                        .with_msg("id", quote_msg(id))
                        .with("first", format!("{list}[{first}]")),
                );
            } else {
                seen.push((id, i));
            }
        }
    }

    /// Checks that `id` names an existing item of `kind`; true when it does.
    fn reference(&mut self, path: &str, id: &str, kind: Kind) -> bool {
        if !self.text(path, id) {
            return false;
        }
        let known = match kind {
            Kind::Source => self.sources.contains(&id),
            Kind::Dimension => self.dimensions.contains(&id),
            Kind::Flag => self.flags.contains(&id),
            Kind::Criterion => self.criteria.iter().any(|(x, _)| *x == id),
            Kind::Option => self.options.contains(&id),
            Kind::Version => self.versions.contains(&id),
            Kind::Stage => self.versions.contains(&id) || self.waypoints.contains(&id),
            Kind::Tool => self.tools.contains(&id),
        };
        if !known {
            self.problem(path, Msg::new(kind.unknown()).with_msg("id", quote_msg(id)));
        }
        known
    }

    /// Plan steps or risks: each a text with its sources.
    fn notes(&mut self, path: &str, notes: &[Note]) {
        for (k, n) in notes.iter().enumerate() {
            let p = format!("{path}[{k}]");
            self.text(&format!("{p}.text"), &n.text);
            self.cited(&p, &n.sources);
        }
    }

    /// `sources` of the item at `path`: at least one, each known.
    fn cited(&mut self, path: &str, sources: &[String]) {
        if sources.is_empty() {
            self.problem(format!("{path}.sources"), Msg::new(k::VALIDATE_NO_SOURCES));
        }
        for (k, s) in sources.iter().enumerate() {
            self.reference(&format!("{path}.sources[{k}]"), s, Kind::Source);
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Source,
    Dimension,
    Flag,
    Criterion,
    Option,
    Version,
    /// A version or a waypoint (either end of a migration path).
    Stage,
    Tool,
}

impl Kind {
    /// "unknown source {id}" and the like.
    fn unknown(self) -> crate::i18n::K {
        match self {
            Kind::Source => k::VALIDATE_UNKNOWN_SOURCE,
            Kind::Dimension => k::VALIDATE_UNKNOWN_DIMENSION,
            Kind::Flag => k::VALIDATE_UNKNOWN_FLAG,
            Kind::Criterion => k::VALIDATE_UNKNOWN_CRITERION,
            Kind::Option => k::VALIDATE_UNKNOWN_OPTION,
            Kind::Version | Kind::Stage => k::VALIDATE_UNKNOWN_VERSION,
            Kind::Tool => k::VALIDATE_UNKNOWN_TOOL,
        }
    }
}

/// A string value quoted for a message, cut short so a huge value cannot make a huge message
/// (the count of a cut value is said in the message's language).
fn quote_msg(s: &str) -> Msg {
    const MAX_CHARS: usize = 60;
    let count = s.chars().count();
    if count <= MAX_CHARS {
        Msg::verbatim(format!("{s:?}"))
    } else {
        let head: String = s.chars().take(MAX_CHARS).collect();
        Msg::new(k::VALIDATE_QUOTE_CUT)
            .with("value", format!("{head:?}"))
            .with("count", count.to_string())
    }
}

/// [`quote_msg`] for a path (paths are the same in every language).
fn quote(s: &str) -> String {
    const MAX_CHARS: usize = 60;
    if s.chars().count() <= MAX_CHARS {
        format!("{s:?}")
    } else {
        let head: String = s.chars().take(MAX_CHARS).collect();
        format!("{head:?}… ({} characters)", s.chars().count())
    }
}

/// A number as a person would write it: 10 rather than 10.0, NaN and inf spelled out.
/// Adds `id` to `seen`; false if it was there already (like `HashSet::insert`).
fn insert<'a>(seen: &mut Vec<&'a str>, id: &'a str) -> bool {
    if seen.contains(&id) {
        return false;
    }
    seen.push(id);
    true
}

fn num(x: f64) -> String {
    format!("{x}")
}
