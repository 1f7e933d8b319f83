//! The visitor's rules (`setup::Visitor::apply`), host options (`attrs::apply`) and
//! the URL-fragment codec, natively: the reducer in the widget is a thin wrapper around these.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{from_json_str, Dataset, EMBEDDED_JSON, MAX_WEIGHT};
use elcompare::fragment::{decode, encode};
use elcompare::setup::{
    all_arches, Change, Edit, Setup, Visitor, COMPARE_MAX, COMPARE_MIN, MAX_MIN_YEARS,
};
use proptest::prelude::*;
use std::sync::LazyLock;

static DS: LazyLock<Dataset> = LazyLock::new(|| {
    from_json_str(EMBEDDED_JSON).unwrap_or_else(|p| panic!("embedded dataset invalid: {p:?}"))
});

fn ds() -> Dataset {
    DS.clone()
}

fn edit(c: Change) -> Edit {
    Edit::Change(c)
}

#[test]
fn weights_are_clamped_and_a_hand_edit_leaves_the_preset() {
    let d = ds();
    let mut v = Visitor::new(Setup::defaults(&d));
    assert!(v.apply(&d, edit(Change::Preset("production".into()))));
    assert_eq!(v.setup.preset.as_deref(), Some("production"));
    let w0 = v.setup.weights[0];
    assert!(v.apply(&d, edit(Change::Weight(0, w0 / 2.0 + 0.5))));
    assert_eq!(v.setup.preset, None, "a hand edit makes the setup custom");
    assert!(v.apply(&d, edit(Change::Weight(0, 99.0))));
    assert_eq!(v.setup.weights[0], MAX_WEIGHT);
    assert!(v.apply(&d, edit(Change::Weight(0, -3.0))));
    assert_eq!(v.setup.weights[0], 0.0);
    // Invalid edits change nothing and report no change.
    let before = v.clone();
    assert!(!v.apply(&d, edit(Change::Weight(0, f64::NAN))));
    assert!(!v.apply(&d, edit(Change::Weight(999, 5.0))));
    assert!(
        !v.apply(&d, edit(Change::Weight(0, 0.0))),
        "same value: no change"
    );
    assert_eq!(v, before);
}

#[test]
fn resetting_to_the_presets_weights_shows_the_preset_again() {
    let d = ds();
    let mut v = Visitor::new(Setup::defaults(&d));
    v.apply(&d, edit(Change::Preset("hosting".into())));
    let preset_weights = v.setup.weights.clone();
    v.apply(&d, edit(Change::Weight(1, 0.0)));
    v.apply(&d, edit(Change::Weight(2, 1.0)));
    assert_eq!(v.setup.preset, None);
    v.apply(&d, Edit::ResetWeight(1));
    assert_eq!(v.setup.weights[1], preset_weights[1]);
    assert_eq!(v.setup.preset, None, "one weight still differs");
    assert!(v.apply(&d, Edit::ResetAll));
    assert_eq!(v.setup.weights, preset_weights);
    assert_eq!(v.setup.preset.as_deref(), Some("hosting"));
    // A must-have the preset does not set makes it custom; removing it restores the preset.
    let flag = d.flags[0].id.clone();
    let had = v.setup.must.flags.contains(&flag);
    v.apply(&d, edit(Change::Flag(flag.clone(), !had)));
    assert_eq!(v.setup.preset, None);
    v.apply(&d, edit(Change::Flag(flag, had)));
    assert_eq!(v.setup.preset.as_deref(), Some("hosting"));
}

#[test]
fn the_current_system_does_not_make_a_preset_custom() {
    let d = ds();
    let mut v = Visitor::new(Setup::defaults(&d));
    v.apply(&d, edit(Change::Preset("production".into())));
    assert!(v.apply(&d, edit(Change::Current(Some("centos-linux-8".into())))));
    assert_eq!(v.setup.preset.as_deref(), Some("production"));
    assert!(!v.apply(&d, edit(Change::Current(Some("no-such-version".into())))));
    assert_eq!(v.setup.current.as_deref(), Some("centos-linux-8"));
}

#[test]
fn compare_list_stays_within_its_limits() {
    let d = ds();
    let mut v = Visitor::new(Setup::defaults(&d));
    assert_eq!(v.setup.compare.len(), COMPARE_MIN);
    let first = v.setup.compare[0].clone();
    assert!(
        !v.apply(&d, edit(Change::Compare(first, false))),
        "cannot go below the minimum"
    );
    let others: Vec<String> = d
        .options
        .iter()
        .map(|o| o.id.clone())
        .filter(|id| !v.setup.compare.contains(id))
        .collect();
    for id in &others {
        v.apply(&d, edit(Change::Compare(id.clone(), true)));
    }
    assert_eq!(
        v.setup.compare.len(),
        COMPARE_MAX,
        "cannot go above the maximum"
    );
    assert!(!v.apply(&d, edit(Change::Compare("nope".into(), true))));
}

#[test]
fn try_apply_messages() {
    let d = ds();
    let mut s = Setup::defaults(&d);
    let cases: Vec<(Change, &str)> = vec![
        (Change::Preset("x".into()), "preset \"x\" is not one of: "),
        (Change::Flag("x".into(), true), "unknown must-have \"x\""),
        (Change::Arch(Some("x".into())), "unknown architecture \"x\""),
        (
            Change::MinYears(Some(16.0)),
            "minimum years must be a number from 0 to 15",
        ),
        (
            Change::Current(Some("x".into())),
            "unknown current system \"x\"",
        ),
        (
            Change::CompareAll(vec!["rocky".into()]),
            "compare 2 to 4 options, not 1",
        ),
        (
            Change::CompareAll(vec!["rocky".into(), "rocky".into()]),
            "unknown or repeated option \"rocky\"",
        ),
    ];
    for (change, want) in cases {
        let before = s.clone();
        let got = s.try_apply(&d, change.clone());
        match got {
            Err(e) => assert!(e.to_string().starts_with(want), "{change:?}: {e}"),
            Ok(_) => panic!("{change:?} accepted"),
        }
        assert_eq!(s, before, "{change:?} half-applied");
    }
}

#[test]
fn host_options_are_applied_in_order_with_named_errors() {
    use elcompare::attrs::{apply, HostOptions};
    use elcompare::view::Presentation;
    let d = ds();
    let view = Presentation::default();
    let host = |p: Option<&str>, o: Option<&str>, c: Option<&str>| HostOptions {
        preset: p.map(str::to_string),
        options: o.map(str::to_string),
        current: c.map(str::to_string),
        ..HostOptions::default()
    };
    let (s, _, problems) = apply(
        &d,
        &Setup::defaults(&d),
        &view,
        &host(
            Some("migrate-centos7"),
            Some(" almalinux , rocky,rhel "),
            None,
        ),
    );
    assert_eq!(problems, Vec::<elcompare::i18n::Msg>::new());
    assert_eq!(s.preset.as_deref(), Some("migrate-centos7"));
    assert_eq!(s.compare, ["almalinux", "rocky", "rhel"]);
    assert_eq!(
        s.current.as_deref(),
        Some("centos-linux-7"),
        "the preset's current"
    );
    let (s, _, problems) = apply(&d, &s, &view, &host(None, None, Some("new")));
    assert_eq!(problems, Vec::<elcompare::i18n::Msg>::new());
    assert_eq!(s.current, None);
    let err = |p: Option<&str>, o: Option<&str>, c: Option<&str>| {
        let (_, _, problems) = apply(&d, &Setup::defaults(&d), &view, &host(p, o, c));
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems[0].to_string()
    };
    let ids = "option ids: centos-stream, almalinux, rocky, rhel, oracle, centos-linux";
    assert!(
        err(Some("nope"), None, None).starts_with("preset \"nope\" is not one of: production, ")
    );
    assert_eq!(
        err(None, Some("rocky"), None),
        format!("options \"rocky\": compare 2 to 4 options, not 1 ({ids})")
    );
    assert_eq!(
        err(None, Some("rocky,fedora"), None),
        format!("options \"rocky,fedora\": unknown or repeated option \"fedora\" ({ids})")
    );
    assert_eq!(
        err(None, None, Some("centos-9")),
        "current \"centos-9\" is not a known version id (e.g. centos-linux-7)"
    );
}

#[test]
fn fragments_written_by_earlier_versions_still_decode() {
    let d = ds();
    // The weight count follows the dataset's criteria.
    let w = vec!["5"; d.criteria.len()].join(",");
    let text = format!("p:production;w:{w};f:fips;a:x86_64;y:5;c:centos-linux-7;o:almalinux,rocky");
    let s2 = decode(&d, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s2.preset.as_deref(), Some("production"));
    assert_eq!(s2.must.flags, ["fips"]);
    assert_eq!(s2.must.arch.as_deref(), Some("x86_64"));
    assert_eq!(s2.must.min_years, Some(5.0));
    assert_eq!(s2.current.as_deref(), Some("centos-linux-7"));
    assert_eq!(s2.compare, ["almalinux", "rocky"]);
    // Repeated flags collapse, as before.
    let s3 = decode(&d, "f:fips,free,fips").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s3.must.flags, ["fips", "free"]);
    assert_eq!(
        decode(&d, "y:99").unwrap_err().to_string(),
        "minimum years \"99\" is not a number from 0 to 15"
    );
    assert_eq!(
        decode(&d, "q:1").unwrap_err().to_string(),
        "unknown field \"q\""
    );
}

/// Any setup the rules can produce, built from random edits of the embedded dataset.
fn arb_setup(d: &Dataset) -> impl Strategy<Value = Setup> {
    let n = d.criteria.len();
    let presets: Vec<Option<String>> = std::iter::once(None)
        .chain(d.presets.iter().map(|p| Some(p.id.clone())))
        .collect();
    let flags: Vec<String> = d.flags.iter().map(|f| f.id.clone()).collect();
    let arches = all_arches(d);
    let versions: Vec<String> = d
        .options
        .iter()
        .flat_map(|o| &o.versions)
        .map(|v| v.id.clone())
        .collect();
    let options: Vec<String> = d.options.iter().map(|o| o.id.clone()).collect();
    let d = d.clone();
    (
        prop::sample::select(presets),
        prop::collection::vec(0u32..=1000, n),
        prop::sample::subsequence(flags.clone(), 0..=flags.len()),
        prop::option::of(prop::sample::select(arches)),
        prop::option::of(0u32..=(MAX_MIN_YEARS as u32 * 4)),
        prop::option::of(prop::sample::select(versions)),
        prop::sample::subsequence(
            options.clone(),
            COMPARE_MIN..=COMPARE_MAX.min(options.len()),
        )
        .prop_shuffle(),
    )
        .prop_map(move |(preset, w, flags, arch, years, current, compare)| {
            let mut s = Setup::defaults(&d);
            if let Some(p) = preset {
                s = s.with_preset(&d, &p).unwrap_or(s);
            }
            for (i, w) in w.into_iter().enumerate() {
                // Hundredths: what the fragment keeps.
                let _ = s.try_apply(&d, Change::Weight(i, f64::from(w) / 100.0));
            }
            s.must.flags.clear();
            for f in flags {
                let _ = s.try_apply(&d, Change::Flag(f, true));
            }
            let _ = s.try_apply(&d, Change::Arch(arch));
            let _ = s.try_apply(&d, Change::MinYears(years.map(|y| f64::from(y) / 4.0)));
            let _ = s.try_apply(&d, Change::Current(current));
            let _ = s.try_apply(&d, Change::CompareAll(compare));
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn fragment_round_trips_every_valid_setup(s in arb_setup(&DS)) {
        let text = encode(&s);
        prop_assert_eq!(decode(&DS, &text), Ok(s));
    }
}

#[test]
fn a_mixed_fleet_round_trips_and_bad_fleets_are_refused_with_reasons() {
    let d = ds();
    let mut s = Setup::defaults(&d);
    s.apply_current(&d, "centos-linux-7:150, centos-stream-8:50")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.fleet,
        [
            ("centos-linux-7".to_string(), 150),
            ("centos-stream-8".to_string(), 50)
        ]
    );
    assert_eq!(s.current, None);
    assert_eq!(
        elcompare::setup::fleet_text(&s).as_deref(),
        Some("centos-linux-7:150,centos-stream-8:50")
    );
    // Through the fragment and back, with the paid-support switch.
    s.try_apply(&d, Change::CountPaid(true))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = encode(&s);
    assert!(
        text.contains(";c:centos-linux-7:150,centos-stream-8:50;x:1;"),
        "{text}"
    );
    assert_eq!(decode(&d, &text).unwrap_or_else(|e| panic!("{e}")), s);
    // One group is a single current system; a version id ends the fleet.
    let mut one = Setup::defaults(&d);
    one.apply_current(&d, "centos-linux-8:7")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (one.current.as_deref(), one.fleet.len()),
        (Some("centos-linux-8"), 0)
    );
    s.try_apply(&d, Change::Current(Some("centos-linux-8".into())))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(s.fleet.is_empty());

    let err = |c: &str| {
        Setup::defaults(&d)
            .apply_current(&d, c)
            .unwrap_err()
            .to_string()
    };
    assert!(
        err("centos-linux-7:150,windows-95:3").starts_with("current \"")
            && err("centos-linux-7:150,windows-95:3")
                .ends_with("\": unknown current system \"windows-95\""),
        "{}",
        err("centos-linux-7:150,windows-95:3")
    );
    assert!(err("centos-linux-7:0,centos-stream-8:5").starts_with("current \"") && err("centos-linux-7:0,centos-stream-8:5").ends_with("\": the server count \"0\" for \"centos-linux-7\" is not a whole number from 1 to 1000000"), "{}", err("centos-linux-7:0,centos-stream-8:5"));
    for bad in ["-3", "1.5", "abc", "", "1e3"] {
        let c = format!("centos-linux-7:{bad},centos-stream-8:5");
        assert_eq!(
            err(&c),
            format!("current \"{c}\": the server count \"{bad}\" for \"centos-linux-7\" is not a whole number from 1 to 1000000"),
        );
    }
    assert!(
        err("centos-linux-7:600000,centos-stream-8:500000").starts_with("current \"")
            && err("centos-linux-7:600000,centos-stream-8:500000")
                .ends_with("\": a fleet has at most 1000000 servers in all, not 1100000"),
        "{}",
        err("centos-linux-7:600000,centos-stream-8:500000")
    );
    assert!(
        err("centos-linux-7:1,centos-linux-7:2").starts_with("current \"")
            && err("centos-linux-7:1,centos-linux-7:2")
                .ends_with("\": \"centos-linux-7\" is listed twice"),
        "{}",
        err("centos-linux-7:1,centos-linux-7:2")
    );
    let many = vec!["centos-linux-7:1"; 21].join(",");
    assert!(
        err(&many).ends_with(": a fleet has at most 20 groups, not 21"),
        "{}",
        err(&many)
    );
    // A refused fleet leaves the setup as it was.
    let mut keep = Setup::defaults(&d);
    keep.try_apply(&d, Change::Current(Some("centos-linux-7".into())))
        .unwrap_or_else(|e| panic!("{e}"));
    let before = keep.clone();
    assert!(keep
        .try_apply(
            &d,
            Change::Fleet(vec![
                ("centos-linux-7".into(), 0),
                ("centos-linux-8".into(), 1)
            ])
        )
        .is_err());
    assert_eq!(keep, before);
    // Bad fragment fields.
    let w = vec!["5"; d.criteria.len()].join(",");
    assert_eq!(
        decode(&d, &format!("w:{w};x:yes")).unwrap_err().to_string(),
        "\"x:yes\" must be x:1 or x:0"
    );
    assert!(decode(&d, &format!("w:{w};c:centos-linux-7:0,rocky-9:1"))
        .unwrap_err()
        .to_string()
        .starts_with("the server count \"0\""));
}
