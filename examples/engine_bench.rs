//! Benchmark of one full evaluation (ranking, reasons, sensitivity) of the embedded dataset.
//!
//! Run: `cargo run --release --example engine_bench [-- ITERATIONS] [--show]`
//! Prints the median time per evaluation over several batches. Not part of `cargo test`.

use elcompare::data::{from_json_str, Date, EMBEDDED_JSON};
use elcompare::engine::{evaluate, preset_weights, Inputs};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let iters: u32 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(20_000);
    let dataset = match from_json_str(EMBEDDED_JSON) {
        Ok(d) => d,
        Err(problems) => {
            for p in problems {
                eprintln!("dataset: {p}");
            }
            std::process::exit(1);
        }
    };
    let Some(preset) = dataset.presets.iter().find(|p| p.id == "production") else {
        eprintln!("dataset has no `production` preset");
        std::process::exit(1);
    };
    let weights = preset_weights(&dataset, preset);
    let today = Date::parse("2026-11-29").expect("valid date");
    let inputs = Inputs::new(&dataset, &weights, &preset.must, today)
        .with_current(preset.current.as_deref());

    let eval = evaluate(&inputs);
    if show {
        println!("{eval:#?}");
    }
    let winner = eval
        .ranking
        .first()
        .and_then(|r| dataset.options.get(r.option));
    println!(
        "{} options, {} criteria, winner: {}",
        dataset.options.len(),
        dataset.criteria.len(),
        winner.map_or("none", |o| o.name.as_str())
    );

    // Warm up, then time batches and report the median.
    for _ in 0..iters / 10 {
        black_box(evaluate(black_box(&inputs)));
    }
    let batches = 15;
    let mut per_eval_ns: Vec<f64> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..iters {
                black_box(evaluate(black_box(&inputs)));
            }
            start.elapsed().as_nanos() as f64 / f64::from(iters)
        })
        .collect();
    per_eval_ns.sort_by(f64::total_cmp);
    let median = per_eval_ns[batches / 2];
    let (lo, hi) = (per_eval_ns[0], per_eval_ns[batches - 1]);
    println!(
        "evaluate (production preset): median {:.2} µs per evaluation ({median:.0} ns; \
         min {lo:.0} ns, max {hi:.0} ns; {batches} batches × {iters})",
        median / 1000.0
    );
    if median > 20_000.0 {
        println!("over the 20 µs budget");
        std::process::exit(2);
    }
}
