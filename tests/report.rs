//! The hand-off documents (src/report): the decision record against snapshots, and on
//! the real dataset for every preset: citations that resolve, the widget's numbers, CSV
//! that parses back to the same fields. Snapshots are rewritten with
//! `UPDATE_SNAPSHOTS=1 cargo test --test report`.
#![cfg(not(target_arch = "wasm32"))]

use elcompare::data::{from_json_str, validate, CriterionKind, Dataset, Date, EMBEDDED_JSON};
use elcompare::engine::Evaluation;
use elcompare::report::{decision_record, headline, ranking_csv, score_text, table_csv, Report};
use elcompare::setup::Setup;
use std::path::Path;

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 29,
};

fn fixture() -> Dataset {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/report.json"),
    )
    .unwrap();
    let d = from_json_str(&text).unwrap();
    assert_eq!(validate(&d), vec![], "the fixture is a valid dataset");
    d
}

fn real() -> Dataset {
    from_json_str(EMBEDDED_JSON).unwrap()
}

fn evaluate(d: &Dataset, s: &Setup) -> Evaluation {
    let inputs = elcompare::engine::Inputs::new(d, &s.weights, &s.must, TODAY)
        .with_current(s.current.as_deref());
    elcompare::engine::evaluate(&inputs)
}

fn setups(d: &Dataset) -> Vec<(String, Setup)> {
    let base = Setup::defaults(d);
    let mut out = vec![("default".to_string(), base.clone())];
    for p in &d.presets {
        out.push((p.id.clone(), base.with_preset(d, &p.id).unwrap()));
    }
    out
}

const LINK: &str = "https://intranet.example/os.html#elc=w:1";

fn snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/{name}"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its snapshot (UPDATE_SNAPSHOTS=1 cargo test --test report rewrites it):\n{actual}"
    );
}

#[test]
fn decision_records_match_their_snapshots() {
    let d = fixture();
    for (name, s) in setups(&d) {
        let e = evaluate(&d, &s);
        let r = Report::new(&d, &s, &e, TODAY, LINK);
        snapshot(&format!("decision-{name}.md"), &decision_record(&r));
        if name == "default" || name == "paid" {
            snapshot(&format!("ranking-{name}.csv"), &ranking_csv(&r));
            snapshot(&format!("table-{name}.csv"), &table_csv(&r));
        }
    }
}

/// `[n]` citation numbers in a text.
fn citations(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("\\[") {
        rest = &rest[i + 2..];
        if let Some(j) = rest.find("\\]") {
            if let Ok(n) = rest[..j].parse() {
                out.push(n);
            }
        }
    }
    out
}

#[test]
fn every_citation_of_the_real_dataset_resolves_to_its_listed_source() {
    let d = real();
    for (name, s) in setups(&d) {
        let e = evaluate(&d, &s);
        let r = Report::new(&d, &s, &e, TODAY, "");
        let md = decision_record(&r);
        let (body, sources) = md.split_once("\n## Sources\n").unwrap();
        let cited = citations(body);
        assert!(!cited.is_empty(), "{name}: cites sources");
        for n in &cited {
            let src = &d.sources[n - 1];
            assert!(
                sources.contains(&format!("- \\[{n}\\] ")),
                "{name}: [{n}] is in the source list"
            );
            assert!(
                sources.contains(&format!("]({})", src.url)),
                "{name}: [{n}] links to {}",
                src.url
            );
        }
        // Only what is cited is listed.
        for n in citations(sources) {
            assert!(cited.contains(&n), "{name}: [{n}] is listed but not cited");
        }
        // The widget's numbers.
        assert!(md.contains(&headline(&d, &e)), "{name}: the headline");
        for (i, x) in e.ranking.iter().enumerate() {
            let row = format!(
                "| {} | {} | {} |",
                i + 1,
                d.options[x.option].name,
                score_text(elcompare::i18n::Tr::english(), x)
            );
            assert!(md.contains(&row), "{name}: ranking row {row}");
        }
    }
}

/// The exports read back by the fuzz targets' strict RFC 4180 reader (BOM, CRLF, quoting).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    elcompare::fuzzing::parse_csv(text, ',').expect("RFC 4180")
}

#[test]
fn csv_parses_back_to_the_evaluation() {
    for d in [real(), fixture()] {
        for (name, s) in setups(&d) {
            let e = evaluate(&d, &s);
            let r = Report::new(&d, &s, &e, TODAY, "");
            let rows = parse_csv(&ranking_csv(&r));
            let width = 3 + 2 * d.criteria.len() + 1;
            assert!(rows.iter().all(|r| r.len() == width), "{name}: rectangular");
            assert_eq!(rows.len(), 1 + e.ranking.len() + e.excluded.len());
            for (x, row) in e.ranking.iter().zip(&rows[1..]) {
                assert_eq!(row[1], d.options[x.option].name);
                let total: f64 = row[2].parse().unwrap();
                assert!((total - x.total).abs() <= 0.05, "{name}: total");
                let points: f64 = (0..d.criteria.len())
                    .map(|i| row[4 + 2 * i].parse::<f64>().unwrap())
                    .sum();
                assert!(
                    (points - x.total).abs() <= 0.05 * d.criteria.len() as f64,
                    "{name}: points add up to the total"
                );
                assert_eq!(row[3], x.contributions[0].detail);
            }
            let table = parse_csv(&table_csv(&r));
            let rated = d
                .criteria
                .iter()
                .filter(|c| {
                    !matches!(
                        c.scoring,
                        CriterionKind::YearsLeft { .. } | CriterionKind::Migration
                    )
                })
                .count();
            assert_eq!(table.len(), 1 + d.dimensions.len() + rated + d.flags.len());
            assert!(table.iter().all(|r| r.len() == 2 + 2 * s.compare.len()));
            for (dim, row) in d.dimensions.iter().zip(&table[1..]) {
                assert_eq!(row[1], dim.name);
                for (k, id) in s.compare.iter().enumerate() {
                    let o = d.options.iter().find(|o| &o.id == id).unwrap();
                    if let Some(f) = o.facts.iter().find(|f| f.dimension == dim.id) {
                        let cell = row[2 + 2 * k].trim_start_matches('\'');
                        assert!(cell.starts_with(&f.text), "{name}: fact text");
                    }
                }
            }
        }
    }
}

#[test]
fn any_setup_can_be_exported() {
    let d = real();
    let mut s = Setup::defaults(&d);
    // Every weight zero: all tie.
    s.weights.iter_mut().for_each(|w| *w = 0.0);
    // Every must-have at once: nothing left.
    let mut strict = Setup::defaults(&d);
    strict.must.flags = d.flags.iter().map(|f| f.id.clone()).collect();
    strict.must.min_years = Some(15.0);
    strict.current = Some("centos-linux-7".into());
    for s in [s, strict] {
        let e = evaluate(&d, &s);
        let r = Report::new(&d, &s, &e, TODAY, "");
        let md = decision_record(&r);
        assert!(md.contains("## Decision"));
        assert!(md.contains(&headline(&d, &e)));
        parse_csv(&ranking_csv(&r));
        parse_csv(&table_csv(&r));
    }
}
