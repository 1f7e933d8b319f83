//! One broken dataset per validator rule, each checked against the exact messages.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{
    from_json_str, validate, Conflict, CriterionKind, Fact, FlagState, FlagValue, Rating,
    RawDataset, Role, Status,
};

// The validator reads a dataset as read: its dates are text, so a test can break one.
type Dataset = RawDataset;
type Extended = elcompare::data::Extended<String>;

/// The small valid dataset every test starts from.
fn base() -> Dataset {
    let text = include_str!("fixtures/minimal.json");
    serde_json::from_str(text).expect("minimal fixture has the right shape")
}

/// The validator's messages, as displayed (`path: reason`).
fn msgs(d: &Dataset) -> Vec<String> {
    validate(d).iter().map(ToString::to_string).collect()
}

/// Applies `change` to the minimal dataset and returns the messages.
fn broken(change: impl FnOnce(&mut Dataset)) -> Vec<String> {
    let mut d = base();
    change(&mut d);
    msgs(&d)
}

fn no_messages() -> Vec<String> {
    Vec::new()
}

#[test]
fn minimal_fixture_is_valid() {
    assert_eq!(msgs(&base()), no_messages());
    assert!(from_json_str(include_str!("fixtures/minimal.json")).is_ok());
}

// ---- schema ---------------------------------------------------------------

#[test]
fn wrong_schema_version() {
    assert_eq!(
        broken(|d| d.schema = 3),
        ["schema: schema 3 is not supported (expected 2)"]
    );
}

#[test]
fn schema_1_says_what_changed() {
    assert_eq!(
        broken(|d| d.schema = 1),
        ["schema: schema 1 is not supported (expected 2): schema 2 adds sources[].publisher and \
          commit_date, flags as {flag, value, sources, note} and ratings[].confidence (README: \
          Your own dataset)"]
    );
}

// ---- unique ids -----------------------------------------------------------

#[test]
fn ids_that_would_break_the_url_fragment_are_refused() {
    let msg = |id: &str| {
        format!("{id:?} is not a valid id (use lowercase letters a-z, digits, \".\", \"_\" and \"-\", starting with a letter or digit)")
    };
    for bad in [
        "a,b", "a;b", "a&b", "a=b", "a#b", "a:b", "Alpha", "-a", "a b",
    ] {
        let got = broken(|d| d.options[0].id = bad.to_string());
        assert!(
            got.iter()
                .any(|p| *p == format!("options[0].id: {}", msg(bad))),
            "{bad}: {got:?}"
        );
        let got = broken(|d| d.options[0].versions[0].id = bad.to_string());
        assert!(
            got.iter()
                .any(|p| *p == format!("options[0].versions[0].id: {}", msg(bad))),
            "{bad}: {got:?}"
        );
    }
    assert_eq!(
        broken(|d| d.options[0].versions[0].arches[0] = "x86,64".to_string()),
        [format!(
            "options[0].versions[0].arches[0]: {}",
            msg("x86,64")
        )]
    );
    assert_eq!(
        broken(|d| d.presets[0].id = "my preset".to_string()),
        [format!("presets[0].id: {}", msg("my preset"))]
    );
}

#[test]
fn duplicate_source_id() {
    assert_eq!(
        broken(|d| {
            let s = d.sources[0].clone();
            d.sources.push(s);
        }),
        ["sources[3].id: duplicate id \"src\" (first used at sources[0])"]
    );
}

#[test]
fn duplicate_dimension_id() {
    assert_eq!(
        broken(|d| {
            let x = d.dimensions[0].clone();
            d.dimensions.push(x);
        }),
        ["dimensions[1].id: duplicate id \"history\" (first used at dimensions[0])"]
    );
}

#[test]
fn duplicate_flag_id() {
    assert_eq!(
        broken(|d| {
            let x = d.flags[0].clone();
            d.flags.push(x);
        }),
        ["flags[1].id: duplicate id \"free\" (first used at flags[0])"]
    );
}

#[test]
fn duplicate_criterion_id() {
    assert_eq!(
        broken(|d| d.criteria[1].id = "stability".into()),
        [
            "criteria[1].id: duplicate id \"stability\" (first used at criteria[0])",
            // Both options' "lag" ratings now point at a criterion that no longer exists.
            "options[0].ratings[1].criterion: unknown criterion \"lag\"",
            "options[1].ratings[1].criterion: unknown criterion \"lag\"",
        ]
    );
}

#[test]
fn duplicate_option_id() {
    assert_eq!(
        broken(|d| d.options[1].id = "alpha".into()),
        [
            "options[1].id: duplicate id \"alpha\" (first used at options[0])",
            "default_compare[1]: unknown option \"beta\"",
        ]
    );
}

#[test]
fn duplicate_version_id_across_options() {
    assert_eq!(
        broken(|d| d.options[1].versions[0].id = "alpha-1".into()),
        [
            "options[1].versions[0].id: duplicate id \"alpha-1\" (first used at options[0].versions[0])",
            "migrations[0].from: unknown version \"beta-1\"",
            "migrations[1].from: unknown version \"beta-1\"",
            "presets[0].current: unknown version \"beta-1\"",
        ]
    );
}

#[test]
fn duplicate_tool_id() {
    assert_eq!(
        broken(|d| {
            let t = d.tools[0].clone();
            d.tools.push(t);
        }),
        ["tools[1].id: duplicate id \"tool\" (first used at tools[0])"]
    );
}

#[test]
fn duplicate_preset_id() {
    assert_eq!(
        broken(|d| {
            let p = d.presets[0].clone();
            d.presets.push(p);
        }),
        ["presets[1].id: duplicate id \"p\" (first used at presets[0])"]
    );
}

// ---- references -----------------------------------------------------------

#[test]
fn unknown_fact_dimension() {
    assert_eq!(
        broken(|d| d.options[0].facts[0].dimension = "histroy".into()),
        [
            "options[0].facts[0].dimension: unknown dimension \"histroy\"",
            "options[0].facts: no fact for dimension \"history\"",
        ]
    );
}

#[test]
fn unknown_rating_criterion() {
    assert_eq!(
        broken(|d| d.options[0].ratings[0].criterion = "speed".into()),
        [
            "options[0].ratings[0].criterion: unknown criterion \"speed\"",
            "options[0].ratings: no rating for criterion \"stability\"",
        ]
    );
}

#[test]
fn unknown_source_reference() {
    assert_eq!(
        broken(|d| d.options[0].facts[0].sources = vec!["nowhere".into()]),
        ["options[0].facts[0].sources[0]: unknown source \"nowhere\""]
    );
}

#[test]
fn unknown_option_flag() {
    assert_eq!(
        broken(|d| d.options[0].flags.push(flag("gratis", FlagState::Yes))),
        ["options[0].flags[1].flag: unknown flag \"gratis\""]
    );
}

#[test]
fn unknown_migration_ends_and_tool() {
    assert_eq!(
        broken(|d| {
            let m = &mut d.migrations[0];
            m.from = "gamma-1".into();
            m.to = "alpha-9".into();
            m.tool = Some("wrench".into());
        }),
        [
            "migrations[0].from: unknown version \"gamma-1\"",
            "migrations[0].to: unknown version \"alpha-9\"",
            "migrations[0].tool: unknown tool \"wrench\"",
        ]
    );
}

#[test]
fn in_place_path_without_a_tool() {
    assert_eq!(
        broken(|d| d.migrations[0].tool = None),
        ["migrations[0].tool: an in-place path needs a tool"]
    );
    // A reinstall needs none.
    assert_eq!(
        broken(|d| {
            d.migrations[0].tool = None;
            d.migrations[0].method = elcompare::data::Method::Reinstall;
        }),
        no_messages()
    );
}

#[test]
fn same_path_twice() {
    assert_eq!(
        broken(|d| {
            let m = d.migrations[0].clone();
            d.migrations.push(m);
        }),
        ["migrations[2]: same path as migrations[0] (\"beta-1\" to \"alpha-1\")"]
    );
}

#[test]
fn waypoint_problems() {
    assert_eq!(
        broken(|d| {
            let w = &mut d.waypoints[0];
            w.id = "alpha-1".into();
            w.name = " ".into();
            w.option = "gamma".into();
            w.note = Some(String::new());
            w.sources.clear();
        }),
        [
            "waypoints[0].id: \"alpha-1\" is already a version id",
            "waypoints[0].name: must not be empty",
            "waypoints[0].option: unknown option \"gamma\"",
            "waypoints[0].note: must not be empty",
            "waypoints[0].sources: needs at least one source",
            // The path that named the waypoint's old id no longer resolves.
            "migrations[1].to: unknown version \"alpha-0\"",
        ]
    );
}

#[test]
fn a_waypoint_is_not_a_current_system() {
    assert_eq!(
        broken(|d| d.presets[0].current = Some("alpha-0".into())),
        ["presets[0].current: unknown version \"alpha-0\""]
    );
}

#[test]
fn steps_and_risks_need_text_and_sources() {
    assert_eq!(
        broken(|d| {
            d.tools[0].steps[0].text = String::new();
            d.tools[0].risks[0].sources = vec!["nowhere".into()];
            d.migrations[0].risks[0].sources.clear();
        }),
        [
            "tools[0].steps[0].text: must not be empty",
            "tools[0].risks[0].sources[0]: unknown source \"nowhere\"",
            "migrations[0].risks[0].sources: needs at least one source",
        ]
    );
}

#[test]
fn migration_to_itself() {
    assert_eq!(
        broken(|d| d.migrations[0].to = "beta-1".into()),
        ["migrations[0].to: \"beta-1\" is the same version as from"]
    );
}

#[test]
fn unknown_preset_weight_key() {
    assert_eq!(
        broken(|d| {
            d.presets[0].weights.insert("speed".into(), 3.0);
        }),
        ["presets[0].weights.speed: unknown criterion \"speed\""]
    );
}

#[test]
fn unknown_preset_must_flag() {
    assert_eq!(
        broken(|d| d.presets[0].must.flags = vec!["fips".into()]),
        ["presets[0].must.flags[0]: unknown flag \"fips\""]
    );
}

/// Found by the `dataset` fuzz property (valid dataset → every preset's setup survives a
/// shared link): these were accepted, then the widget held a setup its controls and its
/// links cannot express. Inputs in fuzz/regressions/dataset/.
#[test]
fn preset_must_haves_and_weights_a_shared_link_can_carry() {
    assert_eq!(
        broken(|d| d.presets[0].must.arch = Some("sparc".into())),
        ["presets[0].must.arch: no version lists architecture \"sparc\""]
    );
    assert_eq!(
        broken(|d| d.presets[0].must.flags = vec!["free".into(), "free".into()]),
        ["presets[0].must.flags[1]: \"free\" is listed twice"]
    );
    assert_eq!(
        broken(|d| d.presets[0].must.min_years = Some(20.0)),
        ["presets[0].must.min_years: 20 is more than 15 years"]
    );
    assert_eq!(
        broken(|d| d.presets[0].must.min_years = Some(2.345)),
        ["presets[0].must.min_years: 2.345 has more than two decimals (use at most two)"]
    );
    assert_eq!(
        broken(|d| {
            d.presets[0].weights.insert("stability".into(), 7.333);
        }),
        ["presets[0].weights.stability: 7.333 has more than two decimals (use at most two)"]
    );
    assert_eq!(
        broken(|d| d.criteria[0].default_weight = 0.125),
        ["criteria[0].default_weight: 0.125 has more than two decimals (use at most two)"]
    );
    // Two decimals are fine, as every value the controls and the fragment produce.
    assert_eq!(
        broken(|d| d.criteria[0].default_weight = 7.25),
        no_messages()
    );
}

#[test]
fn unknown_preset_current() {
    assert_eq!(
        broken(|d| d.presets[0].current = Some("beta".into())),
        ["presets[0].current: unknown version \"beta\""]
    );
}

#[test]
fn unknown_default_compare() {
    assert_eq!(
        broken(|d| d.default_compare = vec!["alpha-1".into()]),
        ["default_compare[0]: unknown option \"alpha-1\""]
    );
}

// ---- sources present ------------------------------------------------------

#[test]
fn every_cited_item_needs_a_source() {
    assert_eq!(
        broken(|d| {
            let o = &mut d.options[0];
            o.facts[0].sources.clear();
            o.ratings[0].sources.clear();
            o.versions[0].sources.clear();
            o.versions[0].extended[0].sources.clear();
            o.versions[0].conflicts[0].sources.clear();
            d.tools[0].sources.clear();
            d.migrations[0].sources.clear();
        }),
        [
            "options[0].versions[0].extended[0].sources: needs at least one source",
            "options[0].versions[0].sources: needs at least one source",
            "options[0].versions[0].conflicts[0].sources: needs at least one source",
            "options[0].facts[0].sources: needs at least one source",
            "options[0].ratings[0].sources: needs at least one source",
            "tools[0].sources: needs at least one source",
            "migrations[0].sources: needs at least one source",
        ]
    );
}

// ---- dates ----------------------------------------------------------------

#[test]
fn impossible_security_end() {
    assert_eq!(
        broken(|d| d.options[0].versions[0].security_end = Some("2029-13-01".into())),
        ["options[0].versions[0].security_end: \"2029-13-01\" is not a date"]
    );
}

#[test]
fn every_date_field_is_checked() {
    assert_eq!(
        broken(|d| {
            d.as_of = "1 Aug 2026".into();
            d.sources[0].retrieved = "2026-08".into();
            let v = &mut d.options[0].versions[0];
            v.release = "2023-02-29".into();
            v.active_end = Some("2025-1-01".into());
            v.extended[0].until = Some("".into());
            v.conflicts[0].value = "soon".into();
        }),
        [
            "as_of: \"1 Aug 2026\" is not a date",
            "sources[0].retrieved: \"2026-08\" is not a date",
            "options[0].versions[0].release: \"2023-02-29\" is not a date",
            "options[0].versions[0].active_end: \"2025-1-01\" is not a date",
            "options[0].versions[0].extended[0].until: \"\" is not a date",
            "options[0].versions[0].conflicts[0].value: \"soon\" is not a date",
        ]
    );
}

#[test]
fn non_date_conflict_value_is_free_text() {
    assert_eq!(
        broken(|d| {
            d.options[0].versions[0].conflicts[0] = Conflict {
                field: "arches".into(),
                value: "x86_64 only".into(),
                sources: vec!["src".into()],
            };
        }),
        no_messages()
    );
}

#[test]
fn conflict_on_an_offer_the_version_lacks() {
    let mut valid = base();
    valid.options[0].versions[0].conflicts[0].field = "extended[0].until".into();
    assert_eq!(msgs(&valid), no_messages());
    assert_eq!(
        broken(|d| {
            let v = &mut d.options[0].versions[0];
            v.conflicts[0].field = "extended[1].until".into();
            v.conflicts.push(Conflict {
                field: "extended[x].until".into(),
                value: "2030-01-01".into(),
                sources: vec!["src".into()],
            });
        }),
        [
            "options[0].versions[0].conflicts[0].field: \"extended[1].until\" names no offer of \
             this version (it has 1 in extended)",
            "options[0].versions[0].conflicts[1].field: \"extended[x].until\" names no offer of \
             this version (it has 1 in extended)",
        ]
    );
}

#[test]
fn active_end_before_release() {
    assert_eq!(
        broken(|d| d.options[0].versions[0].active_end = Some("2019-12-31".into())),
        ["options[0].versions[0].active_end: active_end 2019-12-31 is before release 2020-01-01"]
    );
}

#[test]
fn security_end_before_active_end() {
    assert_eq!(
        broken(|d| d.options[0].versions[0].security_end = Some("2024-12-31".into())),
        ["options[0].versions[0].security_end: security_end 2024-12-31 is before active_end 2025-01-01"]
    );
}

#[test]
fn security_end_before_release_without_active_end() {
    assert_eq!(
        broken(|d| d.options[1].versions[0].security_end = Some("2009-12-31".into())),
        ["options[1].versions[0].security_end: security_end 2009-12-31 is before release 2010-01-01"]
    );
}

#[test]
fn equal_dates_are_fine() {
    assert_eq!(
        broken(|d| {
            let v = &mut d.options[0].versions[0];
            v.active_end = Some("2020-01-01".into());
            v.security_end = Some("2020-01-01".into());
        }),
        no_messages()
    );
}

// ---- facts per dimension --------------------------------------------------

#[test]
fn missing_fact_names_the_dimension() {
    assert_eq!(
        broken(|d| d.options[1].facts.clear()),
        ["options[1].facts: no fact for dimension \"history\""]
    );
}

#[test]
fn duplicate_fact_for_a_dimension() {
    assert_eq!(
        broken(|d| {
            d.options[0].facts.push(Fact {
                dimension: "history".into(),
                text: "More history.".into(),
                sources: vec!["src".into()],
                status: Default::default(),
            });
        }),
        ["options[0].facts[1].dimension: second fact for dimension \"history\""]
    );
}

// ---- ratings per criterion ------------------------------------------------

fn rating(criterion: &str, value: f64) -> Rating {
    Rating {
        criterion: criterion.into(),
        value,
        rationale: "r".into(),
        sources: vec!["src".into()],
        confidence: Status::Verified,
    }
}

#[test]
fn missing_rating_names_the_criterion() {
    assert_eq!(
        broken(|d| {
            d.options[1].ratings.remove(1);
        }),
        ["options[1].ratings: no rating for criterion \"lag\""]
    );
}

#[test]
fn duplicate_rating() {
    assert_eq!(
        broken(|d| d.options[0].ratings.push(rating("fips", 0.0))),
        ["options[0].ratings[3].criterion: second rating for criterion \"fips\""]
    );
}

#[test]
fn computed_criteria_take_no_rating() {
    assert_eq!(
        broken(|d| {
            d.options[0].ratings.push(rating("years-left", 5.0));
            d.options[0].ratings.push(rating("migration", 1.0));
        }),
        [
            "options[0].ratings[3].criterion: criterion \"years-left\" is computed and takes no rating",
            "options[0].ratings[4].criterion: criterion \"migration\" is computed and takes no rating",
        ]
    );
}

#[test]
fn scale_rating_out_of_range() {
    assert_eq!(
        broken(|d| {
            d.options[0].ratings[0].value = 11.0;
            d.options[1].ratings[0].value = -1.0;
        }),
        [
            "options[0].ratings[0].value: 11 is outside 0..=10",
            "options[1].ratings[0].value: -1 is outside 0..=10",
        ]
    );
}

#[test]
fn number_rating_out_of_range() {
    assert_eq!(
        broken(|d| d.options[0].ratings[1].value = 60.5),
        ["options[0].ratings[1].value: 60.5 is outside 0..=60"]
    );
}

#[test]
fn yes_no_rating_must_be_0_or_1() {
    assert_eq!(
        broken(|d| d.options[0].ratings[2].value = 0.5),
        ["options[0].ratings[2].value: 0.5 must be 0 or 1"]
    );
}

#[test]
fn rating_must_be_finite() {
    assert_eq!(
        broken(|d| {
            d.options[0].ratings[0].value = f64::NAN;
            d.options[0].ratings[1].value = f64::INFINITY;
        }),
        [
            "options[0].ratings[0].value: NaN is not a finite number",
            "options[0].ratings[1].value: inf is not a finite number",
        ]
    );
}

// ---- weights and scoring parameters ---------------------------------------

#[test]
fn default_weight_out_of_range() {
    assert_eq!(
        broken(|d| {
            d.criteria[0].default_weight = 10.5;
            d.criteria[1].default_weight = -0.1;
            d.criteria[2].default_weight = f64::NAN;
        }),
        [
            "criteria[0].default_weight: weight 10.5 is outside 0..=10",
            "criteria[1].default_weight: weight -0.1 is outside 0..=10",
            "criteria[2].default_weight: NaN is not a finite number",
        ]
    );
}

#[test]
fn preset_weight_out_of_range() {
    assert_eq!(
        broken(|d| {
            d.presets[0].weights.insert("lag".into(), 11.0);
            d.presets[0]
                .weights
                .insert("fips".into(), f64::NEG_INFINITY);
        }),
        [
            "presets[0].weights.fips: -inf is not a finite number",
            "presets[0].weights.lag: weight 11 is outside 0..=10",
        ]
    );
}

#[test]
fn cap_years_must_be_positive() {
    assert_eq!(
        broken(|d| d.criteria[3].scoring = CriterionKind::YearsLeft { cap_years: 0.0 }),
        ["criteria[3].scoring.cap_years: 0 must be greater than 0"]
    );
}

#[test]
fn number_min_must_be_below_max() {
    assert_eq!(
        broken(|d| {
            d.criteria[1].scoring = CriterionKind::Number {
                min: 60.0,
                max: 60.0,
                higher_is_better: false,
                unit: "days".into(),
            };
        }),
        ["criteria[1].scoring.max: max 60 must be greater than min 60"]
    );
}

#[test]
fn number_bounds_must_be_finite() {
    assert_eq!(
        broken(|d| {
            d.criteria[1].scoring = CriterionKind::Number {
                min: f64::NAN,
                max: f64::INFINITY,
                higher_is_better: false,
                unit: "days".into(),
            };
        }),
        [
            "criteria[1].scoring.min: NaN is not a finite number",
            "criteria[1].scoring.max: inf is not a finite number",
        ]
    );
}

#[test]
fn min_years_must_be_finite_and_not_negative() {
    assert_eq!(
        broken(|d| d.presets[0].must.min_years = Some(-1.0)),
        ["presets[0].must.min_years: -1 must not be negative"]
    );
    assert_eq!(
        broken(|d| d.presets[0].must.min_years = Some(f64::NAN)),
        ["presets[0].must.min_years: NaN is not a finite number"]
    );
}

// ---- empty strings --------------------------------------------------------

#[test]
fn whitespace_only_strings_are_empty() {
    assert_eq!(
        broken(|d| {
            d.title = "   ".into();
            d.sources[0].url = "".into();
            d.dimensions[0].name = "\t".into();
            d.criteria[0].hint = " ".into();
            d.options[0].summary = "".into();
            d.options[0].versions[0].arches[0] = " ".into();
            d.options[0].versions[0].note = Some("".into());
            d.options[0].facts[0].text = "\n".into();
            d.options[0].ratings[0].rationale = "".into();
            d.tools[0].owner = "".into();
            d.presets[0].description = " ".into();
            d.presets[0].must.arch = Some("".into());
        }),
        [
            "title: must not be empty",
            "sources[0].url: must not be empty",
            "dimensions[0].name: must not be empty",
            "criteria[0].hint: must not be empty",
            "options[0].summary: must not be empty",
            "options[0].versions[0].arches[0]: must not be empty",
            "options[0].versions[0].note: must not be empty",
            "options[0].facts[0].text: must not be empty",
            "options[0].ratings[0].rationale: must not be empty",
            "tools[0].owner: must not be empty",
            "presets[0].description: must not be empty",
            "presets[0].must.arch: must not be empty",
        ]
    );
}

#[test]
fn empty_id_and_reference() {
    assert_eq!(
        broken(|d| {
            d.flags[0].id = "".into();
            d.options[0].flags[0].flag = " ".into();
        }),
        [
            "flags[0].id: must not be empty",
            "options[0].flags[0].flag: must not be empty",
            "options[1].flags[0].flag: unknown flag \"free\"",
            "presets[0].must.flags[0]: unknown flag \"free\"",
        ]
    );
}

#[test]
fn extended_and_conflict_strings() {
    assert_eq!(
        broken(|d| {
            let v = &mut d.options[0].versions[0];
            v.extended[0] = Extended {
                vendor: "".into(),
                name: " ".into(),
                until: None,
                paid: true,
                sources: vec!["src".into()],
                status: Default::default(),
            };
            v.conflicts[0].field = "".into();
            v.conflicts[0].value = "".into();
        }),
        [
            "options[0].versions[0].extended[0].vendor: must not be empty",
            "options[0].versions[0].extended[0].name: must not be empty",
            "options[0].versions[0].conflicts[0].field: must not be empty",
            "options[0].versions[0].conflicts[0].value: must not be empty",
        ]
    );
}

// ---- whole-dataset rules --------------------------------------------------

#[test]
fn needs_a_target_option() {
    assert_eq!(
        broken(|d| d.options[0].role = Role::Legacy),
        ["options: no option has role \"target\""]
    );
}

#[test]
fn needs_a_criterion() {
    assert_eq!(
        broken(|d| {
            d.criteria.clear();
            for o in &mut d.options {
                o.ratings.clear();
            }
            d.presets[0].weights.clear();
        }),
        ["criteria: at least one criterion is needed"]
    );
}

#[test]
fn option_needs_versions_and_arches() {
    assert_eq!(
        broken(|d| {
            d.options[0].versions[0].arches.clear();
            d.options[1].versions.clear();
            d.migrations.clear();
            d.presets[0].current = None;
            d.presets[0].must.arch = None;
        }),
        [
            "options[0].versions[0].arches: needs at least one architecture",
            "options[1].versions: needs at least one version",
        ]
    );
}

// ---- all problems at once, through the loading path ------------------------

#[test]
fn loader_reports_every_problem() {
    let mut d = base();
    d.schema = 7;
    d.options[0].versions[0].security_end = Some("2029-13-01".into());
    d.options[1].facts.clear();
    let text = serde_json::to_string(&d).expect("serialises");
    let problems = from_json_str(&text).expect_err("invalid");
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "schema: schema 7 is not supported (expected 2)",
            "options[0].versions[0].security_end: \"2029-13-01\" is not a date",
            "options[1].facts: no fact for dimension \"history\"",
        ]
    );
}

// ---- sources: publisher, pinned commit, dates (issue 11) ---------------------

#[test]
fn source_without_publisher() {
    assert_eq!(
        broken(|d| d.sources[1].publisher = None),
        ["sources[1].publisher: missing: say who published it (an option id, \"independent\" or \"vendor:<company>\")"]
    );
}

#[test]
fn source_with_unknown_publisher() {
    assert_eq!(
        broken(|d| {
            d.sources[1].publisher = Some("alhpa".into());
            d.sources[2].publisher = Some("vendor: ".into());
        }),
        [
            "sources[1].publisher: unknown publisher \"alhpa\" (use an option id, \"independent\" or \"vendor:<company>\")",
            "sources[2].publisher: \"vendor:\" names no company",
        ]
    );
}

#[test]
fn pinned_commit_needs_its_date() {
    assert_eq!(
        broken(|d| d.sources[0].commit_date = None),
        ["sources[0].commit_date: the URL pins commit 0123456789ab: give that commit's date"]
    );
    assert_eq!(
        broken(|d| d.sources[0].commit_date = Some("July".into())),
        ["sources[0].commit_date: \"July\" is not a date"]
    );
    // A date that could not be looked up is said to be unknown, never guessed.
    assert_eq!(
        broken(|d| d.sources[0].commit_date = Some("unknown".into())),
        no_messages()
    );
}

#[test]
fn retrieved_before_pinned_commit() {
    assert_eq!(
        broken(|d| d.sources[0].retrieved = "2026-06-30".into()),
        ["sources[0].retrieved: 2026-06-30 is before the pinned commit's date 2026-07-01"]
    );
}

#[test]
fn as_of_before_a_pinned_snapshot() {
    assert_eq!(
        broken(|d| d.as_of = "2026-06-30".into()),
        ["sources[0].commit_date: 2026-07-01 is after the dataset's as_of 2026-06-30"]
    );
}

// ---- three-valued flags -------------------------------------------------------

fn flag(id: &str, value: FlagState) -> FlagValue {
    FlagValue {
        flag: id.into(),
        value,
        sources: vec!["src".into()],
        note: None,
        bare: false,
    }
}

#[test]
fn yes_and_no_flags_need_sources() {
    assert_eq!(
        broken(|d| {
            d.options[0].flags[0].sources.clear();
            d.options[0].flags[0].value = FlagState::No;
        }),
        ["options[0].flags[0].sources: needs at least one source"]
    );
}

#[test]
fn not_verified_flag_needs_a_note() {
    assert_eq!(
        broken(|d| d.options[1].flags[0].note = None),
        ["options[1].flags[0].note: a not-verified flag needs a note saying what was not verified"]
    );
    assert_eq!(
        broken(|d| d.options[1].flags[0].note = Some(" ".into())),
        ["options[1].flags[0].note: must not be empty"]
    );
}

#[test]
fn every_flag_has_one_value() {
    assert_eq!(
        broken(|d| d.options[1].flags.clear()),
        ["options[1].flags: no value for flag \"free\" (yes, no or not-verified)"]
    );
    assert_eq!(
        broken(|d| d.options[0].flags.push(flag("free", FlagState::No))),
        ["options[0].flags[1].flag: second value for flag \"free\""]
    );
}

#[test]
fn bare_flag_id_from_schema_1_says_what_to_write() {
    let text = include_str!("fixtures/minimal.json").replace(
        r#"[{"flag": "free", "value": "yes", "sources": ["src"]}]"#,
        r#"["free"]"#,
    );
    let problems: Vec<String> = from_json_str(&text)
        .expect_err("a bare flag id is reported")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        ["options[0].flags[0]: \"free\" is a bare flag id; write {\"flag\": \"free\", \"value\": \
          \"yes\" | \"no\" | \"not-verified\", \"sources\": [...], \"note\": \"...\"}"]
    );
}

// ---- ratings resting on one interested party ---------------------------------

#[test]
fn rating_resting_only_on_its_own_vendor() {
    assert_eq!(
        broken(|d| d.options[0].ratings[0].confidence = Status::Verified),
        [
            "options[0].ratings[0].sources: every source is published by Alpha itself: add an \
          independent or primary source, or lower its confidence and say why in the rationale"
        ]
    );
}

#[test]
fn rating_resting_only_on_a_competitor_or_vendor() {
    assert_eq!(
        broken(|d| {
            d.options[1].ratings[0].sources = vec!["alpha-site".into()];
            d.options[0].ratings[1].sources = vec!["vendor-page".into()];
        }),
        [
            "options[0].ratings[1].sources: every source is published by another party with a \
             stake (Vendor Inc.): add an independent or primary source, or lower its confidence \
             and say why in the rationale",
            "options[1].ratings[0].sources: every source is published by another party with a \
             stake (Alpha): add an independent or primary source, or lower its confidence and \
             say why in the rationale",
        ]
    );
}

#[test]
fn own_word_with_another_partys_or_lowered_confidence_is_accepted() {
    assert_eq!(
        broken(|d| {
            let r = &mut d.options[0].ratings[0];
            r.confidence = Status::Verified;
            r.sources.push("vendor-page".into());
        }),
        no_messages()
    );
    // A competitor's page alone is accepted once the confidence says so.
    assert_eq!(
        broken(|d| {
            let r = &mut d.options[1].ratings[0];
            r.sources = vec!["alpha-site".into()];
            r.confidence = Status::Secondary;
        }),
        no_messages()
    );
}
