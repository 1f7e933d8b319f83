//! The dataset shipped with the widget loads, validates and matches the reference sheet.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{from_json_str, Dataset, Date, EMBEDDED_JSON};
use std::collections::BTreeMap;

fn embedded() -> Dataset {
    match from_json_str(EMBEDDED_JSON) {
        Ok(d) => d,
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("embedded dataset is invalid:\n{}", lines.join("\n"))
        }
    }
}

#[test]
fn embedded_dataset_validates() {
    let d = embedded();
    assert_eq!(d.schema, elcompare::data::SCHEMA_VERSION);
    assert!(!d.options.is_empty());
}

/// One row of `tests/fixtures/reference_dates.json`: the dates the reference
/// sheet gives for a version (null where the sheet gives none).
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RefDates {
    release: Date,
    #[serde(default)]
    active_end: Option<Date>,
    #[serde(default)]
    security_end: Option<Date>,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[test]
fn dates_agree_with_reference_sheet() {
    let text = include_str!("fixtures/reference_dates.json");
    let reference: BTreeMap<String, RefDates> = serde_json::from_str(text).expect("fixture parses");
    let d = embedded();
    let mut versions = BTreeMap::new();
    for o in &d.options {
        for v in &o.versions {
            versions.insert(v.id.clone(), v);
        }
    }
    let mut mismatches = Vec::new();
    for (id, r) in &reference {
        let Some(v) = versions.get(id) else {
            mismatches.push(format!(
                "{id}: in the reference fixture but not in the dataset"
            ));
            continue;
        };
        if v.release != r.release {
            mismatches.push(format!(
                "{id}.release: dataset {} vs reference {}",
                v.release, r.release
            ));
        }
        if v.active_end != r.active_end {
            mismatches.push(format!(
                "{id}.active_end: dataset {:?} vs reference {:?}",
                v.active_end, r.active_end
            ));
        }
        if v.security_end != r.security_end {
            mismatches.push(format!(
                "{id}.security_end: dataset {:?} vs reference {:?}",
                v.security_end, r.security_end
            ));
        }
    }
    for id in versions.keys() {
        if !reference.contains_key(id) {
            mismatches.push(format!(
                "{id}: in the dataset but missing from the reference fixture"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// The extended-support end dates the reference sheet gives, including the
/// second value of each conflict.
#[test]
fn extended_dates_and_conflicts_agree_with_reference_sheet() {
    let d = embedded();
    let version = |id: &str| {
        d.options
            .iter()
            .flat_map(|o| &o.versions)
            .find(|v| v.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let until = |id: &str, vendor: &str| -> Option<String> {
        version(id)
            .extended
            .iter()
            .find(|e| e.vendor == vendor)
            .and_then(|e| e.until.map(|d| d.to_string()))
    };
    let conflict = |id: &str, field: &str| -> Option<String> {
        version(id)
            .conflicts
            .iter()
            .find(|c| c.field == field)
            .map(|c| c.value.clone())
    };
    assert_eq!(until("rhel-7", "Red Hat").as_deref(), Some("2029-05-31"));
    assert_eq!(
        conflict("rhel-7", "extended[0].until").as_deref(),
        Some("2028-06-30")
    );
    assert_eq!(until("rhel-8", "Red Hat").as_deref(), Some("2033-05-31"));
    assert_eq!(until("rhel-9", "Red Hat").as_deref(), Some("2036-05-31"));
    assert_eq!(until("rhel-10", "Red Hat").as_deref(), Some("2039-05-31"));
    assert_eq!(until("oracle-8", "Oracle").as_deref(), Some("2032-07-31"));
    assert_eq!(
        conflict("oracle-8", "extended[0].until").as_deref(),
        Some("2031-07-01")
    );
    assert_eq!(
        conflict("oracle-8", "active_end").as_deref(),
        Some("2029-07-01")
    );
    assert_eq!(until("oracle-9", "Oracle").as_deref(), Some("2035-06-30"));
    assert_eq!(
        conflict("oracle-9", "extended[0].until").as_deref(),
        Some("2034-06-30")
    );
    assert_eq!(
        conflict("centos-stream-9", "release").as_deref(),
        Some("2021-09-15")
    );
    assert_eq!(
        conflict("rocky-8", "release").as_deref(),
        Some("2021-05-01")
    );
    // TuxCare at tuxcare-documentation@569510455eb0 (2026-08-21) lists CentOS 7 and CentOS
    // Stream 8 under "Endless Lifecycle Support" with no end date: unknown, shown as unknown.
    // Its January 2025 revision (03919436) gave June 2029 and June 2028 (months only; the
    // month's last day is used): kept as marked conflicts citing that pinned revision.
    for (id, older) in [
        ("centos-linux-7", "2029-06-30"),
        ("centos-stream-8", "2028-06-30"),
    ] {
        assert_eq!(until(id, "TuxCare"), None, "{id}");
        assert_eq!(
            conflict(id, "extended[0].until").as_deref(),
            Some(older),
            "{id}"
        );
        let v = version(id);
        assert_eq!(v.extended[0].vendor, "TuxCare");
        assert_eq!(v.conflicts[0].sources, ["tuxcare-els-2025"]);
        assert_eq!(v.extended[0].status, elcompare::data::Status::Conflict);
    }
    // Corrected 2026-12-01: at tuxcare-documentation@569510455eb0 CentOS 8 is listed under
    // "Endless Lifecycle Support" with no end date (was 2026-01-31, shown as expired).
    let c8 = version("centos-linux-8");
    let tux = c8.extended.iter().find(|e| e.vendor == "TuxCare");
    assert_eq!(
        tux.map(|e| e.name.as_str()),
        Some("Endless Lifecycle Support (x86_64)")
    );
    assert_eq!(tux.and_then(|e| e.until), None);
}

/// Every conflict-marked version carries its conflicting values, and every
/// version with conflicts is marked.
#[test]
fn conflicts_are_marked() {
    let d = embedded();
    for v in d.options.iter().flat_map(|o| &o.versions) {
        let marked = v.status == elcompare::data::Status::Conflict
            || v.extended
                .iter()
                .any(|e| e.status == elcompare::data::Status::Conflict);
        assert_eq!(marked, !v.conflicts.is_empty(), "{}", v.id);
    }
}

/// The migration paths are exactly those the corrected reference sheet (§6, "Corrected
/// 2026-12-01") documents for each tool.
#[test]
fn migration_paths_match_the_corrected_reference() {
    let d = embedded();
    let mut by_tool: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for m in &d.migrations {
        let tool = m.tool.as_deref().unwrap_or("(none)");
        by_tool.entry(tool).or_default().push(format!(
            "{} -> {} {}",
            m.from,
            m.to,
            m.backing.label()
        ));
    }
    let want = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // ELevate: only the documented paths (no Rocky or Oracle ends, no cross-vendor 8 -> 9).
    assert_eq!(
        by_tool["elevate"],
        want(&[
            "centos-linux-7 -> almalinux-8 official",
            "centos-linux-7 -> centos-stream-8 community",
            "almalinux-8 -> almalinux-9 official",
            "almalinux-9 -> almalinux-10 official",
            "centos-stream-8 -> centos-stream-9 community",
            "centos-stream-9 -> centos-stream-10 community",
        ])
    );
    // convert2rhel: Red Hat's support policy only.
    assert_eq!(
        by_tool["convert2rhel"],
        want(&[
            "centos-linux-7 -> rhel-7 official",
            "centos-linux-8 -> rhel-8 official",
            "oracle-7 -> rhel-7 official",
            "oracle-8 -> rhel-8 official",
        ])
    );
    assert_eq!(
        by_tool["oracle-leapp"],
        want(&[
            "oracle-7 -> oracle-8 official",
            "oracle-8 -> oracle-9 official"
        ])
    );
    assert_eq!(
        by_tool["centos2ol"],
        want(&[
            "centos-linux-7 -> oracle-7 official",
            "centos-linux-8 -> oracle-8 official",
            "rocky-8 -> oracle-8 community",
            "rocky-9 -> oracle-9 community",
        ])
    );
    // almalinux-deploy: every EL10 distribution too.
    for from in ["centos-stream-10", "rocky-10", "rhel-10", "oracle-10"] {
        let path = format!("{from} -> almalinux-10 official");
        assert!(by_tool["almalinux-deploy"].contains(&path), "{path}");
    }
    // migrate2rocky: another EL8/EL9 system to Rocky of the same major, CentOS Stream 8 and 9
    // included (rocky-tools@174fdb4 handles Stream; Rocky's migration guide names it).
    assert_eq!(
        by_tool["migrate2rocky"],
        want(&[
            "centos-linux-8 -> rocky-8 official",
            "almalinux-8 -> rocky-8 official",
            "rhel-8 -> rocky-8 official",
            "oracle-8 -> rocky-8 official",
            "almalinux-9 -> rocky-9 official",
            "rhel-9 -> rocky-9 official",
            "oracle-9 -> rocky-9 official",
            "centos-stream-8 -> rocky-8 official",
            "centos-stream-9 -> rocky-9 official",
        ])
    );
    // Nothing converts CentOS Stream to RHEL (convert2rhel: "not currently possible") or to
    // Oracle Linux (centos2ol: not supported).
    for m in &d.migrations {
        if m.from.starts_with("centos-stream") {
            assert!(
                !m.to.starts_with("rhel") && !m.to.starts_with("oracle"),
                "{} -> {}",
                m.from,
                m.to
            );
        }
    }
    assert_eq!(by_tool.len(), 7, "{:?}", by_tool.keys());
}

/// Issue 11: `as_of` is the newest cited snapshot, and every pinned commit's date is known
/// (or said to be unknown) and not after the source's `retrieved`.
#[test]
fn as_of_is_the_newest_cited_snapshot() {
    let d = embedded();
    let newest = d
        .sources
        .iter()
        .filter_map(|s| s.commit_date.as_deref())
        .filter(|c| *c != elcompare::data::UNKNOWN)
        .max();
    assert_eq!(newest, Some("2026-08-22"));
    assert_eq!(d.as_of.to_string(), "2026-08-22");
    let unknown: Vec<&str> = d
        .sources
        .iter()
        .filter(|s| s.commit_date.as_deref() == Some(elcompare::data::UNKNOWN))
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        unknown,
        ["centos-faq"],
        "only git.centos.org's commit could not be dated"
    );
}

/// Issue 11: FIPS for AlmaLinux and Rocky is "not verified" (certificates not checked), not
/// "no"; the must-have says which of the two excluded an option.
#[test]
fn fips_must_have_says_not_verified_or_no() {
    use elcompare::data::FlagState;
    use elcompare::engine::{evaluate, Inputs};
    let d = embedded();
    let value = |o: &str| {
        d.options
            .iter()
            .find(|x| x.id == o)
            .and_then(|x| x.flag("fips"))
            .map(|f| f.value)
    };
    assert_eq!(value("almalinux"), Some(FlagState::NotVerified));
    assert_eq!(value("rocky"), Some(FlagState::NotVerified));
    assert_eq!(value("centos-stream"), Some(FlagState::No));
    assert_eq!(value("rhel"), Some(FlagState::Yes));
    assert_eq!(value("oracle"), Some(FlagState::Yes));

    let p = elcompare::setup::Setup::defaults(&d)
        .with_preset(&d, "regulated")
        .expect("preset");
    let today = elcompare::data::Date::parse("2026-11-29").expect("date");
    let e = evaluate(&Inputs::new(&d, &p.weights, &p.must, today));
    let reasons = |o: &str| -> Vec<String> {
        let i = d.options.iter().position(|x| x.id == o).expect("option");
        e.excluded
            .iter()
            .find(|x| x.option == i)
            .map(|x| x.reasons.clone())
            .unwrap_or_default()
    };
    let alma = reasons("almalinux");
    assert!(
        alma.contains(&"FIPS 140 validated modules: not verified".to_string()),
        "{alma:?}"
    );
    let stream = reasons("centos-stream");
    assert!(
        stream.contains(&"FIPS 140 validated modules: no".to_string()),
        "{stream:?}"
    );
}

/// Issue 11: Oracle Linux 10's end is not published. It is shown as unknown, and the score
/// says it was left out instead of silently using Oracle Linux 9's date.
#[test]
fn oracle_linux_10_end_is_unknown_and_says_so() {
    use elcompare::engine::{evaluate, Inputs};
    let d = embedded();
    let ol10 = version_of(&d, "oracle-10");
    assert_eq!(ol10.security_end, None);
    assert_eq!(ol10.active_end, None);
    let w = elcompare::setup::Setup::defaults(&d).weights;
    let today = elcompare::data::Date::parse("2026-11-29").expect("date");
    let must = Default::default();
    let e = evaluate(&Inputs::new(&d, &w, &must, today));
    let oi = d
        .options
        .iter()
        .position(|o| o.id == "oracle")
        .expect("oracle");
    let ci = d
        .criteria
        .iter()
        .position(|c| c.id == "years-left")
        .expect("criterion");
    let ranked = e
        .ranking
        .iter()
        .find(|r| r.option == oi)
        .expect("oracle ranked");
    assert_eq!(
        ranked.contributions[ci].detail,
        "5.6 years left (Oracle Linux 9, until 2032-06-30; Oracle Linux 10: end not published, not counted)"
    );
}

fn version_of<'a>(d: &'a Dataset, id: &str) -> &'a elcompare::data::Version {
    d.options
        .iter()
        .flat_map(|o| &o.versions)
        .find(|v| v.id == id)
        .expect("version exists")
}
