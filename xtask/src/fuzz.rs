//! `cargo xtask fuzz [TARGET…] [--secs N] [--runs N] [--no-cmin]`: a libFuzzer campaign per
//! target (cargo-fuzz on the nightly toolchain), then `cargo fuzz cmin` so that the committed
//! corpus stays minimal. Crashes are copied to `fuzz/regressions/<target>/`, which the
//! ordinary `cargo test` replays on stable (tests/fuzz_replay.rs) once they are fixed.
//!
//! Campaigns run under `nice -n 19`, one process each: the machine is shared. Nothing in
//! `cargo xtask test` depends on this command, nightly or cargo-fuzz.

use crate::{root, Result};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// Every target, as in `fuzz/Cargo.toml` and `elcompare::fuzzing::TARGETS`.
const TARGETS: &[&str] = &[
    "dataset", "fragment", "edits", "host", "date", "decimal", "export",
];

const USAGE: &str = "usage: cargo xtask fuzz [TARGET…] [--secs N] [--runs N] [--no-cmin]\n  \
     targets: dataset fragment edits host date decimal export (default: all, one after another)\n  \
     --secs N   stop each campaign after N seconds (default 60)\n  \
     --runs N   stop each campaign after N executions (with --secs: whichever comes first)\n  \
     --no-cmin  keep the grown corpus as it is (default: minimise it with cargo fuzz cmin)";

pub fn run(args: &[String]) -> Result {
    let mut targets = Vec::new();
    let mut limits: Vec<String> = Vec::new();
    let mut cmin = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--secs" | "--runs" => {
                let n = it
                    .next()
                    .filter(|n| n.parse::<u64>().is_ok())
                    .ok_or(USAGE)?;
                let flag = if a == "--secs" {
                    "-max_total_time"
                } else {
                    "-runs"
                };
                limits.push(format!("{flag}={n}"));
            }
            "--no-cmin" => cmin = false,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            t => match TARGETS.iter().find(|x| **x == t) {
                Some(x) => targets.push(*x),
                None => return Err(format!("unknown argument {t:?}\n{USAGE}")),
            },
        }
    }
    if limits.is_empty() {
        limits.push("-max_total_time=60".into());
    }
    if targets.is_empty() {
        targets = TARGETS.to_vec();
    }
    tools()?;
    let mut rows = Vec::new();
    for t in &targets {
        rows.push(campaign(t, &limits, cmin)?);
    }
    println!(
        "\n{:<10} {:>12} {:>9} {:>7} {:>7} {:>7} {:>8}",
        "target", "executions", "exec/s", "cov", "ft", "corpus", "crashes"
    );
    for r in &rows {
        println!(
            "{:<10} {:>12} {:>9} {:>7} {:>7} {:>7} {:>8}",
            r.target, r.execs, r.per_sec, r.cov, r.ft, r.corpus, r.crashes
        );
    }
    let crashed: Vec<&str> = rows
        .iter()
        .filter(|r| r.crashes > 0)
        .map(|r| r.target)
        .collect();
    if crashed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "crashes in {} (copied to fuzz/regressions/; fix them, then `cargo test --test fuzz_replay`)",
            crashed.join(", ")
        ))
    }
}

/// `nice -n 19 cargo +nightly …` through rustup, whatever toolchain runs xtask itself.
fn nightly() -> Command {
    let mut c = Command::new("nice");
    c.args(["-n", "19", "cargo", "+nightly"])
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO")
        .env_remove("RUSTC")
        .current_dir(root());
    c
}

/// The nightly toolchain must be there (this command does not install a toolchain);
/// cargo-fuzz is installed from crates.io when missing.
fn tools() -> Result {
    let ok = |c: &mut Command| {
        c.stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if !ok(nightly().arg("--version")) {
        return Err(
            "fuzzing needs a nightly Rust toolchain (libFuzzer's coverage \
             instrumentation), and `cargo +nightly` does not run here.\n  Install one with \
             `rustup toolchain install nightly --profile minimal`, then run this again.\n  \
             (The ordinary build and `cargo xtask test` do not need it: they replay the \
             committed corpus on stable.)"
                .into(),
        );
    }
    if !ok(nightly().args(["fuzz", "--version"])) {
        eprintln!(
            "cargo-fuzz is not installed: installing it from crates.io (once, a few minutes)"
        );
        crate::run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))
            .map_err(|e| format!("could not install cargo-fuzz: {e}"))?;
    }
    Ok(())
}

struct Row {
    target: &'static str,
    execs: String,
    per_sec: String,
    cov: String,
    ft: String,
    corpus: usize,
    crashes: usize,
}

fn campaign(target: &'static str, limits: &[String], cmin: bool) -> Result<Row> {
    let corpus = format!("fuzz/corpus/{target}");
    let artifacts = root().join(format!("fuzz/artifacts/{target}"));
    let _ = std::fs::create_dir_all(&artifacts);
    let before = files(&artifacts);
    // Datasets: small inputs (the minimal fixture and its mutants) reach the validator's
    // rules many times faster than mutants of the 76 KB embedded file, which the corpus and
    // the replay still hold.
    // Edits: 4 bytes each, and every one is checked; 16 of them reach any setup (a
    // longer script costs its length in checks and finds nothing more).
    let max_len = match target {
        "dataset" => 16_384,
        "edits" => 64,
        "export" => 256,
        _ => 4096,
    };
    let lib_args = [
        format!("-max_len={max_len}"),
        format!("-dict=fuzz/dict/{target}.dict"),
        format!("-artifact_prefix={}/", artifacts.display()),
        "-print_final_stats=1".into(),
        "-timeout=10".into(),
        "-rss_limit_mb=2048".into(),
    ];
    eprintln!("\n=== fuzz {target} ({})", limits.join(" "));
    // Pure safe Rust: no sanitizer (twice the executions); debug assertions stay on, so an
    // arithmetic overflow is a crash too.
    let mut child = nightly()
        .args(["fuzz", "run", "--sanitizer", "none", target, &corpus, "--"])
        .args(limits)
        .args(&lib_args)
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cargo fuzz run {target}: {e}"))?;
    // libFuzzer reports on stderr: shown as it comes, kept for the figures below.
    let mut log = String::new();
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err)
            .lines()
            .map_while(std::result::Result::ok)
        {
            eprintln!("{line}");
            log.push_str(&line);
            log.push('\n');
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    let _ = std::fs::write(root().join(format!("fuzz/artifacts/{target}.log")), &log);

    let new: Vec<_> = files(&artifacts)
        .into_iter()
        .filter(|f| !before.contains(f))
        .collect();
    let crashes: Vec<_> = new
        .iter()
        .filter(|f| {
            f.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with("slow-unit"))
        })
        .collect();
    if !crashes.is_empty() {
        let dir = root().join(format!("fuzz/regressions/{target}"));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        for c in &crashes {
            if let Some(name) = c.file_name() {
                std::fs::copy(c, dir.join(name)).map_err(|e| e.to_string())?;
                eprintln!(
                    "crash kept as fuzz/regressions/{target}/{}",
                    name.to_string_lossy()
                );
            }
        }
    } else if !status.success() {
        return Err(format!(
            "cargo fuzz run {target} failed ({status}); see fuzz/artifacts/{target}.log"
        ));
    }
    if cmin && crashes.is_empty() {
        eprintln!("$ cargo +nightly fuzz cmin {target}");
        let minimised = nightly()
            .args(["fuzz", "cmin", "--sanitizer", "none", target, &corpus, "--"])
            .arg(format!("-dict=fuzz/dict/{target}.dict"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map_err(|e| format!("cargo fuzz cmin {target}: {e}"))?;
        if !minimised.success() {
            return Err(format!("cargo fuzz cmin {target} failed ({minimised})"));
        }
    }
    // The last status line: "#1000000 DONE cov: 812 ft: 2301 corp: 140/9Kb …".
    let last = log
        .lines()
        .rev()
        .find(|l| l.contains(" cov: "))
        .unwrap_or_default();
    let field = |name: &str| {
        last.split_whitespace()
            .skip_while(|w| *w != name)
            .nth(1)
            .unwrap_or("?")
            .to_string()
    };
    let stat = |name: &str| {
        log.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_else(|| "?".into())
    };
    Ok(Row {
        target,
        execs: stat("stat::number_of_executed_units:"),
        per_sec: stat("stat::average_exec_per_sec:"),
        cov: field("cov:"),
        ft: field("ft:"),
        corpus: files(&root().join(&corpus)).len(),
        crashes: crashes.len(),
    })
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default()
}
