//! Builders for small synthetic datasets, shared by the engine tests
//! (included with `#[path = "engine_common.rs"] mod engine_common;`).
#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code)]

use elcompare::data::{
    Backing, Criterion, CriterionKind, Dataset, Date, FlagDef, FlagState, FlagValue, Method,
    Migration, OptionEntry, Rating, Role, Status, Tool, Upgrade, Version, SCHEMA_VERSION,
};

/// The fixed "today" of every engine test.
pub fn today() -> Date {
    Date {
        year: 2026,
        month: 11,
        day: 29,
    }
}

/// A test date from its ISO text.
pub fn day(s: &str) -> Date {
    Date::parse(s).expect("a test date is a day")
}

/// "oldarch-9" → "Oldarch 9".
pub fn title(id: &str) -> String {
    let s = id.replace('-', " ");
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub fn dataset(criteria: Vec<Criterion>, options: Vec<OptionEntry>) -> Dataset {
    Dataset {
        schema: SCHEMA_VERSION,
        title: "Test".into(),
        subject: "option".into(),
        as_of: day("2026-11-01"),
        sources: vec![],
        dimensions: vec![],
        flags: vec![
            FlagDef {
                id: "commercial-support".into(),
                name: "First-party commercial support".into(),
            },
            FlagDef {
                id: "free".into(),
                name: "Free of charge".into(),
            },
            FlagDef {
                id: "fips".into(),
                name: "FIPS 140 validated modules".into(),
            },
        ],
        criteria,
        options,
        tools: vec![],
        migrations: vec![],
        waypoints: vec![],
        presets: vec![],
        default_compare: vec![],
        translations: Default::default(),
        resolved: Default::default(),
    }
}

pub fn crit(id: &str, scoring: CriterionKind) -> Criterion {
    Criterion {
        id: id.into(),
        name: title(id),
        hint: String::new(),
        definition: String::new(),
        scoring,
        default_weight: 5.0,
    }
}

pub fn scale(max: u32) -> CriterionKind {
    CriterionKind::Scale { max }
}

pub fn number(min: f64, max: f64, higher_is_better: bool, unit: &str) -> CriterionKind {
    CriterionKind::Number {
        min,
        max,
        higher_is_better,
        unit: unit.into(),
    }
}

pub fn yes_no() -> CriterionKind {
    CriterionKind::YesNo
}

pub fn years_left(cap_years: f64) -> CriterionKind {
    CriterionKind::YearsLeft { cap_years }
}

pub fn migration() -> CriterionKind {
    CriterionKind::Migration
}

pub fn opt(id: &str, ratings: &[(&str, f64)], versions: Vec<Version>) -> OptionEntry {
    OptionEntry {
        id: id.into(),
        name: title(id),
        role: Role::Target,
        summary: String::new(),
        versions,
        flags: vec![],
        facts: vec![],
        ratings: ratings
            .iter()
            .map(|&(c, value)| Rating {
                criterion: c.into(),
                value,
                rationale: String::new(),
                sources: vec![],
                confidence: Status::Verified,
            })
            .collect(),
    }
}

pub fn legacy(mut o: OptionEntry) -> OptionEntry {
    o.role = Role::Legacy;
    o
}

/// Sets these flags to yes (flags not listed stay unstated).
pub fn flags(mut o: OptionEntry, f: &[&str]) -> OptionEntry {
    o.flags = f.iter().map(|s| flag(s, FlagState::Yes)).collect();
    o
}

/// Adds one flag value (yes, no or not verified).
pub fn with_flag(mut o: OptionEntry, id: &str, value: FlagState) -> OptionEntry {
    o.flags.push(flag(id, value));
    o
}

/// One flag value with a placeholder source or note.
pub fn flag(id: &str, value: FlagState) -> FlagValue {
    FlagValue {
        flag: id.into(),
        value,
        sources: vec!["src".into()],
        note: (value == FlagState::NotVerified).then(|| "not checked".into()),
        bare: false,
    }
}

pub fn ver(id: &str, security_end: Option<&str>, arches: &[&str]) -> Version {
    Version {
        id: id.into(),
        name: title(id),
        release: day("2020-01-01"),
        active_end: None,
        security_end: security_end.map(day),
        extended: vec![],
        arches: arches.iter().map(|s| s.to_string()).collect(),
        sources: vec![],
        status: Default::default(),
        note: None,
        conflicts: vec![],
    }
}

pub fn tool(id: &str, name: &str) -> Tool {
    Tool {
        id: id.into(),
        name: name.into(),
        owner: String::new(),
        url: String::new(),
        sources: vec![],
        steps: vec![],
        risks: vec![],
    }
}

pub fn mig(
    from: &str,
    to: &str,
    tool: Option<&str>,
    method: Method,
    upgrade: Upgrade,
    backing: Backing,
) -> Migration {
    Migration {
        from: from.into(),
        to: to.into(),
        tool: tool.map(Into::into),
        method,
        upgrade,
        backing,
        note: None,
        sources: vec![],
        risks: vec![],
    }
}
