//! Replays every committed fuzz input on stable: `fuzz/corpus/<target>/*` (the minimised
//! corpus of `cargo xtask fuzz`) and `fuzz/regressions/<target>/*` (every crash the fuzzer
//! found, kept after its fix), through the same property functions as the fuzz targets
//! (`elcompare::fuzzing`). Each input is one test in the count, reported in libtest's
//! format so that `cargo xtask test` adds them up.
//!
//! `cargo test --test fuzz_replay [FILTER]` runs the inputs whose name
//! (`<target>/<corpus|regressions>/<file>`) contains FILTER.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use elcompare::fuzzing::{check, TARGETS};
    use std::panic::{catch_unwind, AssertUnwindSafe};
    use std::path::Path;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let filter = args.iter().find(|a| !a.starts_with('-'));
    if args.iter().any(|a| a == "--list") {
        // `cargo test -- --list` and IDEs: nothing to list individually here.
        return std::process::ExitCode::SUCCESS;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    // Panics are caught and reported per input; keep their default message short.
    std::panic::set_hook(Box::new(|info| eprintln!("  panic: {info}")));

    let (mut passed, mut failed, mut filtered) = (0u64, Vec::new(), 0u64);
    for target in TARGETS {
        let mut seen = 0;
        for kind in ["corpus", "regressions"] {
            let dir = root.join(kind).join(target);
            let mut files: Vec<_> = match std::fs::read_dir(&dir) {
                Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
                Err(_) if kind == "regressions" => Vec::new(),
                Err(e) => {
                    failed.push(format!("{}: {e}", dir.display()));
                    continue;
                }
            };
            files.retain(|f| f.is_file() && f.file_name().is_some_and(|n| n != "README.md"));
            files.sort();
            for file in files {
                let name = format!(
                    "{target}/{kind}/{}",
                    file.file_name().unwrap_or_default().to_string_lossy()
                );
                if filter.is_some_and(|f| !name.contains(f.as_str())) {
                    filtered += 1;
                    continue;
                }
                seen += 1;
                let outcome = std::fs::read(&file)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| {
                        catch_unwind(AssertUnwindSafe(|| check(target, &bytes)))
                            .unwrap_or_else(|_| Err("panicked".to_string()))
                    });
                match outcome {
                    Ok(()) => passed += 1,
                    Err(e) => {
                        println!("test {name} ... FAILED\n  {e}");
                        failed.push(name);
                    }
                }
            }
        }
        println!("fuzz replay: {target}: {seen} inputs");
        if seen == 0 && filter.is_none() {
            failed.push(format!("{target}: no corpus in fuzz/corpus/{target}"));
        }
    }
    let status = if failed.is_empty() { "ok" } else { "FAILED" };
    if !failed.is_empty() {
        println!("\nfailures:\n    {}", failed.join("\n    "));
    }
    println!(
        "\ntest result: {status}. {passed} passed; {} failed; 0 ignored; 0 measured; {filtered} filtered out\n",
        failed.len()
    );
    if failed.is_empty() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
