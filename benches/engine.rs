//! Benchmark of one full evaluation (ranking, reasons, sensitivity) of the embedded dataset.
//!
//! Run: `cargo bench -p elcompare --bench engine [-- ITERATIONS] [--preset ID] [--show] [--check]`
//! Prints the median time per evaluation over several batches (`--show` also prints the
//! evaluation; `--check` exits with status 2 when the median is over the 20 µs budget).
//! Not part of `cargo test`.

use elcompare::data::{from_json_str, Date, EMBEDDED_JSON};
use elcompare::engine::{evaluate, Inputs};
use elcompare::setup::Setup;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let check = args.iter().any(|a| a == "--check");
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
    let preset_id = args
        .iter()
        .position(|a| a == "--preset")
        .and_then(|i| args.get(i + 1))
        .map_or("production", String::as_str);
    let Some(setup) = Setup::defaults(&dataset).with_preset(&dataset, preset_id) else {
        eprintln!("dataset has no `{preset_id}` preset");
        std::process::exit(1);
    };
    let today = Date::parse("2026-11-29").expect("valid date");
    let inputs = Inputs::new(&dataset, &setup.weights, &setup.must, today)
        .with_current(setup.current.as_deref());

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
    let mut wall_ns = Vec::with_capacity(batches);
    let mut cpu_ns = Vec::with_capacity(batches);
    for _ in 0..batches {
        let cpu0 = thread_cpu_ns();
        let start = Instant::now();
        for _ in 0..iters {
            black_box(evaluate(black_box(&inputs)));
        }
        wall_ns.push(start.elapsed().as_nanos() as f64 / f64::from(iters));
        if let (Some(a), Some(b)) = (cpu0, thread_cpu_ns()) {
            cpu_ns.push((b - a) as f64 / f64::from(iters));
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let wall = median(&mut wall_ns);
    let (lo, hi) = (wall_ns[0], wall_ns[batches - 1]);
    println!(
        "evaluate ({preset_id} preset): median {:.2} µs per evaluation ({wall:.0} ns wall; \
         min {lo:.0} ns, max {hi:.0} ns; {batches} batches × {iters})",
        wall / 1000.0
    );
    // On a busy machine wall time includes time spent descheduled; CPU time does not.
    let cpu = median(&mut cpu_ns);
    if cpu.is_finite() {
        println!(
            "  on-CPU time: median {:.2} µs per evaluation ({cpu:.0} ns)",
            cpu / 1000.0
        );
    }
    let median = if cpu.is_finite() { cpu.min(wall) } else { wall };
    if median > 20_000.0 {
        println!("over the 20 µs budget");
        if check {
            std::process::exit(2);
        }
    }
}

/// Nanoseconds this thread has run on a CPU (Linux schedstat), if available.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
