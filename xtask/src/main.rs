//! Build automation for elcompare (`cargo xtask <command>`), std only.
//!
//! - `setup`  install what is missing (idempotent, quick when done)
//! - `dist`   release build → dist/elcompare.html (one offline file) + dist/embed/
//! - `demo`   setup + dist, then serve dist/ on http://127.0.0.1:8080
//! - `serve [DIR] [PORT]`  serve a build already made (default dist/, 8080), no rebuild
//! - `test`   setup, then every check and test; ends with "N passed, N failed"
//! - `bench [page|guest] [--runs N]`  setup + dist, then size / start-up / latency / engine /
//!   memory figures (`page`) and Lighthouse + long tasks on host pages (`guest`); both by default
//! - `fuzz [TARGET…] [--secs N] [--runs N]`  libFuzzer campaigns (nightly), corpus minimised
//! - `check-dataset FILE`  every problem of a dataset file, each with its JSON path, and of
//!   the interface catalogues data/i18n/*.json, each with its file and key

mod dist;
mod fuzz;
mod prerender;
mod serve;
mod setup;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("help");
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match cmd {
        "setup" => setup::all(),
        "dist" => setup::all().and_then(|()| dist::run().map(drop)),
        "demo" => setup::all().and_then(|()| serve::demo(rest)),
        "serve" => serve::existing(rest),
        "test" => setup::all().and_then(|()| test::run()),
        "bench" => setup::all().and_then(|()| test::bench(rest)),
        "check-dataset" => check_dataset(rest),
        "fuzz" => fuzz::run(rest),
        _ => {
            eprintln!(
                "usage: cargo xtask <setup|dist|demo|serve|test|bench|fuzz [TARGET…]|check-dataset FILE>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {cmd}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Checks a dataset file with the widget's own loader and validator, natively, where
/// shape errors (a wrong type, a missing field) also carry their JSON path.
fn check_dataset(args: &[String]) -> Result {
    let file = args
        .first()
        .ok_or("usage: cargo xtask check-dataset FILE")?;
    // The interface catalogues first: the same check as the build's (build.rs).
    let catalogues = root().join("data/i18n");
    match elcompare::i18n::check::check_dir(&catalogues) {
        Ok(c) => {
            let langs: Vec<&str> = c.iter().map(|c| c.lang.as_str()).collect();
            println!("{}: valid ({})", catalogues.display(), langs.join(", "));
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            return Err(format!(
                "{}: {} problem(s)",
                catalogues.display(),
                problems.len()
            ));
        }
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    match elcompare::data::from_json_str(&text) {
        Ok(d) => {
            for lang in d.languages() {
                if elcompare::i18n::Tr::for_tag(lang).is_none_or(|t| t.lang() != lang) {
                    println!(
                        "{file}: note: the dataset has texts in {lang:?} but the interface has no \
                         catalogue data/i18n/{lang}.json: they are never shown"
                    );
                }
            }
            let languages: Vec<&str> = d.languages().collect();
            println!(
                "{file}: valid ({} options, {} criteria, {} sources; texts in {})",
                d.options.len(),
                d.criteria.len(),
                d.sources.len(),
                languages.join(", ")
            );
            Ok(())
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            Err(format!("{file}: {} problem(s)", problems.len()))
        }
    }
}

/// The workspace root (parent of xtask/).
pub fn root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// Runs a command in the workspace root, streaming its output; error if it fails.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    eprintln!("$ {}", shown.replace('"', ""));
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Runs a command and returns its stdout (empty on failure to start).
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.current_dir(root()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
pub const WEBKIT_DRIVER: &str = "/usr/bin/WebKitWebDriver";
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
