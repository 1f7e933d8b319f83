//! Installs what the build and tests need. Every step checks first, so a second
//! run does nothing and takes a second or two.

use crate::{cargo, output, root, run, Result, CHROMEDRIVER, CHROMIUM};
use std::path::Path;
use std::process::Command;

pub fn all() -> Result {
    wasm_target()?;
    components()?;
    wasm_bindgen_cli()?;
    node_packages()?;
    chromium()?;
    hugo()?;
    mkdocs()?;
    other_engines()
}

/// Debian's `hugo`, for the end-to-end test that builds a real Hugo site with the shortcode.
fn hugo() -> Result {
    if Path::new("/usr/bin/hugo").exists() {
        return Ok(());
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "-qq", "hugo"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// MkDocs Material from PyPI, pinned, in its own virtual environment under target/, for the
/// end-to-end test that builds a real MkDocs site with the widget.
pub const MKDOCS_MATERIAL: &str = "mkdocs-material==9.8.1";

pub fn mkdocs_venv() -> std::path::PathBuf {
    root().join("target/mkdocs-venv")
}

fn mkdocs() -> Result {
    let venv = mkdocs_venv();
    let stamp = venv.join(format!("installed-{MKDOCS_MATERIAL}"));
    if stamp.exists() && venv.join("bin/mkdocs").exists() {
        return Ok(());
    }
    run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    run(Command::new(venv.join("bin/pip")).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        MKDOCS_MATERIAL,
    ]))?;
    std::fs::write(&stamp, "").map_err(|e| format!("{}: {e}", stamp.display()))
}

fn wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn components() -> Result {
    let installed = output(Command::new("rustup").args(["component", "list", "--installed"]))
        .unwrap_or_default();
    for c in ["rustfmt", "clippy"] {
        if !installed.lines().any(|l| l.starts_with(c)) {
            run(Command::new("rustup").args(["component", "add", c]))?;
        }
    }
    Ok(())
}

/// The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

fn wasm_bindgen_cli() -> Result {
    let want = locked_wasm_bindgen()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    let runner =
        output(Command::new("wasm-bindgen-test-runner").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) && runner.contains(&want) {
        return Ok(());
    }
    eprintln!("installing wasm-bindgen-cli {want} (have: {})", have.trim());
    // `--locked` fails against this registry (one pinned dependency is missing).
    run(cargo().args(["install", "wasm-bindgen-cli", "--force", "--version", &want]))
}

fn node_packages() -> Result {
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp),
        std::fs::metadata(root.join("package-lock.json")),
    ) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    let bins = ["wasm-opt", "esbuild", "lighthouse"];
    if fresh
        && bins
            .iter()
            .all(|b| root.join("node_modules/.bin").join(b).exists())
    {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn chromium() -> Result {
    if Path::new(CHROMIUM).exists()
        && Path::new(CHROMEDRIVER).exists()
        && Path::new("/usr/bin/brotli").exists()
        && Path::new("/usr/bin/pdfinfo").exists()
    {
        let a = output(Command::new(CHROMIUM).arg("--version")).unwrap_or_default();
        let b = output(Command::new(CHROMEDRIVER).arg("--version")).unwrap_or_default();
        let version = |s: &str| {
            s.split_whitespace()
                .find(|w| w.contains('.'))
                .map(|v| v.to_string())
        };
        if version(&a).is_some() && version(&a) == version(&b) {
            return Ok(());
        }
        eprintln!(
            "chromium ({}) and chromedriver ({}) differ: reinstalling",
            a.trim(),
            b.trim()
        );
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "-qq",
            "chromium",
            "chromium-driver",
            "brotli",
            // pdfinfo / pdftotext / pdftoppm for the printed-report tests.
            "poppler-utils",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Firefox ESR and WebKitGTK (WebKitWebDriver + MiniBrowser, with Xvfb for its display) for
/// the cross-engine suite, from Debian's packages.
fn other_engines() -> Result {
    let have = [
        crate::FIREFOX,
        crate::WEBKIT_DRIVER,
        crate::MINIBROWSER,
        "/usr/bin/Xvfb",
    ]
    .iter()
    .all(|p| Path::new(p).exists());
    if have {
        return Ok(());
    }
    run(Command::new("apt-get").args(["update", "-qq"]))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "-qq",
            "firefox-esr",
            "webkit2gtk-driver",
            "xvfb",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
