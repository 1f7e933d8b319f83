//! Host options (attributes, mount/update keys) and the embed code, natively (issue 14).

use elcompare::attrs::{self, HostOptions};
use elcompare::data::{self, Dataset, Date};
use elcompare::setup::Setup;
use elcompare::snippet;
use elcompare::view::{Presentation, Section, View};

fn dataset() -> Dataset {
    data::from_json_str(data::EMBEDDED_JSON).expect("embedded dataset")
}

fn today() -> Date {
    Date::parse("2026-11-29").expect("date")
}

/// Options from attribute pairs, as the element hands them over.
fn opts(pairs: &[(&str, &str)]) -> HostOptions {
    let mut o = HostOptions::default();
    for (k, v) in pairs {
        assert!(o.set(k, v), "no option {k}");
    }
    o
}

/// The options applied at start-up, with each problem in English.
fn start(d: &Dataset, pairs: &[(&str, &str)]) -> (Setup, Presentation, Vec<String>) {
    let (s, p, problems) = attrs::apply(
        d,
        &Setup::defaults(d),
        &Presentation::default(),
        &opts(pairs),
    );
    (s, p, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn five_wrong_values_are_all_reported_and_the_rest_applies() {
    let d = dataset();
    let (s, p, problems) = start(
        &d,
        &[
            ("preset", "nope"),
            ("options", "almalinux,windows"),
            ("current", "windows-95"),
            ("weights", "stability:11"),
            ("view", "tiny"),
            ("heading", "Pick a distro"),
            ("must", "f:fips"),
        ],
    );
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert!(problems[0].starts_with("preset \"nope\" is not one of: production, early-access"));
    assert!(problems[1]
        .starts_with("weights \"stability:11\": weight \"11\" is not a number from 0 to 10"));
    assert!(problems[2].starts_with("current \"windows-95\" is not a known version id"));
    assert!(problems[3].starts_with("options \"almalinux,windows\": unknown or repeated option \"windows\" (option ids: centos-stream,"));
    assert_eq!(
        problems[4],
        "view \"tiny\" is not one of: full, compact, recommendation"
    );
    // The valid ones applied, the invalid ones left at their defaults.
    let defaults = Setup::defaults(&d);
    assert_eq!(s.must.flags, vec!["fips".to_string()]);
    assert_eq!(s.weights, defaults.weights);
    assert_eq!(s.compare, defaults.compare);
    assert_eq!(p.heading.as_deref(), Some("Pick a distro"));
    assert_eq!(p.view, View::Full);
}

#[test]
fn weights_by_position_or_by_name_and_must_in_the_fragment_syntax() {
    let d = dataset();
    let n = d.criteria.len();
    let list: Vec<String> = (0..n).map(|i| (i % 11).to_string()).collect();
    let (s, _, problems) = start(
        &d,
        &[("preset", "production"), ("weights", &list.join(","))],
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        s.weights,
        (0..n).map(|i| (i % 11) as f64).collect::<Vec<_>>()
    );
    assert_eq!(
        s.preset, None,
        "weights that differ from the preset make it custom"
    );

    let first = &d.criteria[0].id;
    let (s, _, problems) = start(
        &d,
        &[
            ("preset", "production"),
            ("weights", &format!("{first}:1.5")),
        ],
    );
    assert!(problems.is_empty(), "{problems:?}");
    let production = Setup::defaults(&d)
        .with_preset(&d, "production")
        .expect("preset");
    assert_eq!(s.weights[0], 1.5);
    assert_eq!(
        s.weights[1..],
        production.weights[1..],
        "the others keep the preset's"
    );

    let (_, _, problems) = start(&d, &[("weights", "1,2")]);
    assert_eq!(
        problems,
        vec![format!("weights \"1,2\": expected {n} weights, found 2")]
    );
    let (_, _, problems) = start(&d, &[("weights", "speed:3")]);
    assert!(
        problems[0].starts_with("weights \"speed:3\": \"speed\" is not one of: "),
        "{problems:?}"
    );

    let arch = elcompare::setup::all_arches(&d)[0].clone();
    let (s, _, problems) = start(&d, &[("must", &format!("f:fips;a:{arch};y:5"))]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        (s.must.flags.len(), s.must.arch.as_deref(), s.must.min_years),
        (1, Some(arch.as_str()), Some(5.0))
    );
    let (s, _, _) = start(&d, &[("preset", "regulated"), ("must", "")]);
    assert!(
        s.must.flags.is_empty() && s.must.arch.is_none(),
        "an empty must clears the preset's"
    );
    let (_, _, problems) = start(&d, &[("must", "c:centos-linux-7")]);
    assert!(
        problems[0].contains("\"c\" is not one of f: (flags), a: (architecture), y: (years)"),
        "{problems:?}"
    );

    let (s, _, problems) = start(&d, &[("preset", "migrate-centos7"), ("current", "new")]);
    assert!(problems.is_empty());
    assert_eq!(s.current, None);
}

/// Setups a visitor can reach: every preset, then changed by hand.
fn sample_setups(d: &Dataset) -> Vec<Setup> {
    let mut out = vec![Setup::defaults(d)];
    for (i, p) in d.presets.iter().enumerate() {
        let s = Setup::defaults(d).with_preset(d, &p.id).expect("preset");
        out.push(s.clone());
        let mut custom = s.clone();
        custom.weights[i % d.criteria.len()] = 7.5;
        custom.preset = None;
        custom.must.flags = vec![d.flags[i % d.flags.len()].id.clone()];
        custom.must.min_years = Some(3.0);
        custom.current = Some(d.options[i % d.options.len()].versions[0].id.clone());
        custom.compare = d
            .options
            .iter()
            .rev()
            .take(2 + i % 3)
            .map(|o| o.id.clone())
            .collect();
        out.push(custom);
        let mut moved = s;
        moved.current = None;
        out.push(moved);
    }
    out
}

#[test]
fn the_embed_attributes_of_a_setup_give_it_back_exactly() {
    let d = dataset();
    for s in sample_setups(&d) {
        let pairs = snippet::setup_attributes(&d, &s);
        let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (back, _, problems) = start(&d, &borrowed);
        assert!(problems.is_empty(), "{pairs:?}: {problems:?}");
        assert_eq!(back, s, "{pairs:?}");
    }
    // A preset as is needs only its name.
    let p = Setup::defaults(&d)
        .with_preset(&d, "hosting")
        .expect("preset");
    assert_eq!(
        snippet::setup_attributes(&d, &p),
        vec![("preset", "hosting".to_string())]
    );
    // And the fragment, as state() returns it, too.
    for s in sample_setups(&d) {
        let text = elcompare::fragment::encode(&s);
        assert_eq!(start(&d, &[("fragment", &text)]).0, s);
    }
}

#[test]
fn the_static_version_shows_the_setups_recommendation_and_escapes_text() {
    let d = dataset();
    let s = Setup::defaults(&d)
        .with_preset(&d, "production")
        .expect("preset");
    let mut p = Presentation::default();
    p.set_heading("Tom & Jerry's <pick>");
    p.set_heading_level("3").expect("level");
    let html = snippet::static_html(&d, &s, today(), &p);
    assert!(
        html.starts_with("<div class=\"elc-static\"><h3>Tom &amp; Jerry&#39;s &lt;pick&gt;</h3>"),
        "{html}"
    );
    let e = snippet::evaluate(&d, &s, today());
    let winner = &d.options[e.ranking[0].option].name;
    assert!(
        html.contains(&format!(
            "<h4>Recommendation</h4><p><strong>Recommended: {winner}, "
        )),
        "{html}"
    );
    if e.near_tie {
        assert!(
            html.contains("Near tie: "),
            "the near tie is said as in the widget"
        );
    }
    assert!(html.contains("<caption>Side by side</caption>"));
    assert!(!html.contains("<script"), "no script in the static version");
    // Only the compared options' columns, and only sources of what is shown.
    let cols = html.matches("<th scope=\"col\">").count();
    assert_eq!(
        cols,
        1 + s.compare.len() + 4,
        "dimension + options, then the 4 lifecycle columns"
    );
    p.set_heading("");
    assert!(snippet::static_html(&d, &s, today(), &p).starts_with("<div class=\"elc-static\"><p>"));

    let code = snippet::embed_code(
        &d,
        &s,
        today(),
        &p,
        "/assets/elcompare/elcompare.js",
        &[("theme", "dark".into())],
    );
    assert!(code.starts_with("<script type=\"module\" src=\"/assets/elcompare/elcompare.js\"></script>\n<el-compare preset=\"production\" heading=\"\" heading-level=\"3\" theme=\"dark\">\n<div class=\"elc-static\">"), "{code}");
    assert!(code.ends_with("</div>\n</el-compare>\n"));
    let mut compact = Presentation::default();
    compact.set_view("compact").expect("view");
    compact
        .set_sections("ranking,recommendation")
        .expect("sections");
    assert_eq!(
        snippet::presentation_attributes(&compact),
        vec![
            ("view", "compact".into()),
            ("sections", "recommendation,ranking".into())
        ]
    );
    assert_eq!(
        compact.sections,
        Some(vec![Section::Recommendation, Section::Ranking])
    );
}
