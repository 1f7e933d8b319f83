//! `cargo xtask test`: every check in order, all run even after a failure, then
//! one summary and a closing "N passed, N failed" line counting individual tests.

use crate::{cargo, root, Result, CHROMEDRIVER};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

struct Step {
    name: &'static str,
    ok: bool,
    passed: u64,
    failed: u64,
}

pub fn run() -> Result {
    let mut steps = Vec::new();
    let step = |steps: &mut Vec<Step>, name: &'static str, cmd: &mut Command| {
        eprintln!("\n=== {name}");
        let (ok, out) = tee(cmd);
        let (passed, failed) = count(&out);
        steps.push(Step {
            name,
            ok,
            passed,
            failed,
        });
    };
    step(
        &mut steps,
        "cargo fmt --check",
        cargo().args(["fmt", "--all", "--check"]),
    );
    step(
        &mut steps,
        "clippy (native)",
        cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    );
    step(
        &mut steps,
        "clippy (wasm32)",
        cargo().args([
            "clippy",
            "-p",
            "elcompare",
            "--target",
            "wasm32-unknown-unknown",
            "--lib",
            "--test",
            "web",
            "--",
            "-D",
            "warnings",
        ]),
    );
    step(
        &mut steps,
        "native tests (cargo test)",
        cargo().args(["test", "--workspace"]),
    );
    // The shipped dataset through the same loader and validator a host's dataset meets.
    eprintln!("\n=== cargo xtask check-dataset data/distros.json");
    let checked = crate::check_dataset(&[root().join("data/distros.json").display().to_string()]);
    if let Err(e) = &checked {
        eprintln!("{e}");
    }
    steps.push(Step {
        name: "cargo xtask check-dataset data/distros.json",
        ok: checked.is_ok(),
        passed: u64::from(checked.is_ok()),
        failed: u64::from(checked.is_err()),
    });
    step(
        &mut steps,
        "wasm-bindgen tests in headless Chromium",
        cargo()
            .args([
                "test",
                "-p",
                "elcompare",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "web",
            ])
            .env("CHROMEDRIVER", CHROMEDRIVER),
    );
    let built = crate::dist::run();
    if let Err(e) = &built {
        eprintln!("dist failed: {e}");
    }
    steps.push(Step {
        name: "cargo xtask dist",
        ok: built.is_ok(),
        passed: 0,
        failed: 0,
    });
    if built.is_ok() {
        step(
            &mut steps,
            "end-to-end tests (Chromium, file:// and http://127.0.0.1)",
            Command::new("node").args(["--test", "--test-concurrency=1", "tests/e2e/"]),
        );
        step(
            &mut steps,
            "cross-engine tests (Firefox ESR, WebKitGTK)",
            Command::new("node").args(["--test", "--test-concurrency=1", "tests/engines/"]),
        );
    }

    println!("\n{:<60} {:>7} {:>7}", "step", "passed", "failed");
    for s in &steps {
        let mark = if s.ok { "ok  " } else { "FAIL" };
        println!("{mark} {:<55} {:>7} {:>7}", s.name, s.passed, s.failed);
    }
    let passed: u64 = steps.iter().map(|s| s.passed).sum();
    let failed: u64 = steps.iter().map(|s| s.failed).sum();
    let bad: Vec<&str> = steps.iter().filter(|s| !s.ok).map(|s| s.name).collect();
    // A failing step with no failing test (fmt, clippy, a crash) still counts as one failure.
    let failed = failed.max(bad.len() as u64);
    println!("\ntests: {passed} passed, {failed} failed");
    if bad.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", bad.join(", ")))
    }
}

/// Runs a command, echoing its output live, and returns (success, combined output).
fn tee(cmd: &mut Command) -> (bool, String) {
    let child = cmd
        .current_dir(root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot start {cmd:?}: {e}");
            return (false, String::new());
        }
    };
    let err = child.stderr.take().map(|e| {
        std::thread::spawn(move || {
            let mut text = String::new();
            for line in BufReader::new(e).lines().map_while(std::result::Result::ok) {
                eprintln!("{line}");
                text.push_str(&line);
                text.push('\n');
            }
            text
        })
    });
    let mut text = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out)
            .lines()
            .map_while(std::result::Result::ok)
        {
            println!("{line}");
            text.push_str(&line);
            text.push('\n');
        }
    }
    if let Some(t) = err.and_then(|h| h.join().ok()) {
        text.push_str(&t);
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    (ok, text)
}

/// Sums test counts from cargo's "test result: ok. 3 passed; 0 failed" lines and
/// node's "# pass 3" / "# fail 0" lines.
fn count(out: &str) -> (u64, u64) {
    let (mut passed, mut failed) = (0, 0);
    for line in out.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            passed += number_before(rest, " passed");
            failed += number_before(rest, " failed");
        } else if let Some(n) = line.strip_prefix("# pass ") {
            passed += n.trim().parse::<u64>().unwrap_or(0);
        } else if let Some(n) = line.strip_prefix("# fail ") {
            failed += n.trim().parse::<u64>().unwrap_or(0);
        }
    }
    (passed, failed)
}

fn number_before(s: &str, word: &str) -> u64 {
    s.find(word)
        .and_then(|i| s[..i].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// `cargo xtask bench [page|guest] [--runs N]`: release build, then
/// - `page`: the native engine bench and one table of size / start-up / input latency /
///   engine / memory against the budget (tests/bench/page_bench.mjs);
/// - `guest`: Lighthouse on generated host pages and long tasks under a 4× slower CPU,
///   served by xtask's own server with compression and cache headers (tests/bench/guest.mjs).
///
/// Both by default. Not part of `cargo xtask test` (see BENCHMARKS.md).
pub fn bench(args: &[String]) -> Result {
    let only = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(String::as_str);
    if !matches!(only, None | Some("page") | Some("guest")) {
        return Err("usage: cargo xtask bench [page|guest] [--runs N]".into());
    }
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1));
    let out = crate::dist::run()?;
    if only != Some("guest") {
        page_bench(&out)?;
    }
    if only != Some("page") {
        let base = crate::serve::background(root().join("dist"))?;
        let mut node = Command::new("node");
        node.arg("tests/bench/guest.mjs").args(["--base", &base]);
        if let Some(n) = runs {
            node.args(["--runs", n]);
        }
        crate::run(&mut node)?;
    }
    Ok(())
}

fn page_bench(out: &crate::dist::Outputs) -> Result {
    eprintln!("$ cargo bench -p elcompare --bench engine");
    let engine = cargo()
        .args(["bench", "-p", "elcompare", "--bench", "engine"])
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("engine bench: {e}"))?;
    let text = String::from_utf8_lossy(&engine.stdout);
    print!("{text}");
    // "… median 9.12 µs per evaluation (9120 ns wall; …" and "  on-CPU time: median … (9050 ns)".
    let wall = text.lines().find_map(|l| number_before_f(l, " ns wall"));
    let cpu = text
        .lines()
        .filter(|l| l.contains("on-CPU"))
        .find_map(|l| number_before_f(l, " ns)"));
    let mut node = Command::new("node");
    node.arg("tests/bench/page_bench.mjs").arg(&out.single);
    if let Some(ns) = wall {
        node.args(["--engine-ns", &ns.to_string()]);
    }
    if let Some(ns) = cpu {
        node.args(["--engine-cpu-ns", &ns.to_string()]);
    }
    crate::run(&mut node)
}

fn number_before_f(s: &str, word: &str) -> Option<f64> {
    let i = s.find(word)?;
    s[..i]
        .rsplit(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_cargo_and_node_summaries() {
        let out = "test result: ok. 12 passed; 0 failed; 0 ignored\n\
                   test result: FAILED. 3 passed; 2 failed; 1 ignored\n# pass 7\n# fail 1\n";
        assert_eq!(super::count(out), (22, 3));
    }

    #[test]
    fn reads_engine_bench_figures() {
        let l =
            "evaluate (production preset): median 9.12 µs per evaluation (9120 ns wall; min 1 ns";
        assert_eq!(super::number_before_f(l, " ns wall"), Some(9120.0));
        assert_eq!(
            super::number_before_f("  on-CPU time: median 9.05 µs (9050 ns)", " ns)"),
            Some(9050.0)
        );
    }
}
