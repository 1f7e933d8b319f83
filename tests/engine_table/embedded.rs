//! The original article's conclusion, and every preset, on the embedded dataset.

use super::*;

fn embedded() -> Dataset {
    from_json_str(EMBEDDED_JSON).unwrap_or_else(|p| panic!("embedded dataset is invalid: {p:?}"))
}

fn winner_with_preset(ds: &Dataset, preset: &str) -> String {
    let p = ds
        .presets
        .iter()
        .find(|p| p.id == preset)
        .unwrap_or_else(|| panic!("no preset {preset}"));
    let w = preset_setup(ds, &p.id).weights;
    let inputs = Inputs::new(ds, &w, &p.must, today()).with_current(p.current.as_deref());
    let ev = evaluate(&inputs);
    let first = ev
        .ranking
        .first()
        .unwrap_or_else(|| panic!("{preset}: nothing ranked: {ev:#?}"));
    ds.options[first.option].id.clone()
}

#[test]
fn article_production_does_not_pick_centos_stream() {
    let ds = embedded();
    let w = winner_with_preset(&ds, "production");
    assert_ne!(
        w, "centos-stream",
        "stable production must not rank CentOS Stream first"
    );
}

#[test]
fn article_early_access_picks_centos_stream() {
    let ds = embedded();
    assert_eq!(winner_with_preset(&ds, "early-access"), "centos-stream");
}

#[test]
fn embedded_every_preset_evaluates_cleanly() {
    let ds = embedded();
    for p in &ds.presets {
        let w = preset_setup(&ds, &p.id).weights;
        let ev =
            evaluate(&Inputs::new(&ds, &w, &p.must, today()).with_current(p.current.as_deref()));
        assert!(!ev.ranking.is_empty(), "{}: nothing ranked", p.id);
        assert_eq!(ev.sensitivity.len(), ds.criteria.len());
        for r in &ev.ranking {
            assert!((0.0..=100.0).contains(&r.total), "{}: {}", p.id, r.total);
            assert!(
                ds.options[r.option].role != elcompare::data::Role::Legacy,
                "{}: legacy ranked",
                p.id
            );
        }
        if let Some(cur) = &p.current {
            // A migration preset names a tool for at least one option.
            let mi = ds.criteria.iter().position(|c| c.id == "migration");
            if let Some(mi) = mi {
                let named = ev
                    .ranking
                    .iter()
                    .any(|r| r.contributions[mi].detail.contains(" via "));
                assert!(named, "{} (from {cur}): no in-place tool named", p.id);
            }
        }
    }
}

/// The setup a visitor gets by choosing preset `id` (the production code path).
fn preset_setup(ds: &Dataset, id: &str) -> Setup {
    Setup::defaults(ds)
        .with_preset(ds, id)
        .unwrap_or_else(|| panic!("no preset {id}"))
}
