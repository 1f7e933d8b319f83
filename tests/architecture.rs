//! Architecture invariants (see ARCHITECTURE.md), checked on the source text so a
//! violation fails `cargo test` natively before anything is built for the web.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs" || e == "js") {
            out.push(p);
        }
    }
}

fn files(parts: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for part in parts {
        let p = root.join(part);
        if p.is_dir() {
            rust_files(&p, &mut out);
        } else {
            out.push(p);
        }
    }
    assert!(!out.is_empty());
    out
}

/// Lines (outside comments) of `files` that contain any of `needles`.
fn hits(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        let text = fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") || code.starts_with("*") {
                continue;
            }
            if needles.iter().any(|w| code.contains(w)) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

#[test]
fn engine_and_data_know_nothing_of_the_web() {
    let pure = files(&[
        "src/data",
        "src/engine",
        "src/setup.rs",
        "src/fragment.rs",
        "src/num.rs",
        "src/i18n",
        "src/report",
        "src/fuzzing.rs",
        "src/attrs.rs",
        "src/view.rs",
        "src/snippet.rs",
        "src/summary.rs",
    ]);
    let bad = hits(
        &pure,
        &[
            "yew",
            "web_sys",
            "wasm_bindgen",
            "js_sys",
            "gloo",
            "serde_wasm_bindgen",
        ],
    );
    assert!(
        bad.is_empty(),
        "web crates used in the pure core:\n{}",
        bad.join("\n")
    );
}

#[test]
fn nothing_renders_strings_as_html_or_evaluates_code() {
    // xtask/src/dist.rs is left out: it holds the build's own guard, which names these
    // sinks to reject them in wasm-bindgen's glue.
    let all = files(&["src", "xtask/src/prerender.rs", "index.html"]);
    let bad = hits(
        &all,
        &[
            "from_html_unchecked",
            "set_inner_html",
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "new Function",
            "eval(",
        ],
    );
    assert!(
        bad.is_empty(),
        "HTML-from-string or eval:\n{}",
        bad.join("\n")
    );
}

/// The bootstrap's one fetch: the URL it is given by the build (see below).
fn is_wasm_fetch(hit: &str) -> bool {
    hit.contains("src/embed/bootstrap.js:") && hit.ends_with("const response = await fetch(url);")
}

#[test]
fn the_widget_fetches_nothing() {
    // The only fetch is the wasm beside the embed script: `elcCompileUrl` in the bootstrap,
    // which xtask/src/dist.rs calls with `new URL('elcompare_bg.wasm', import.meta.url)`.
    let widget = files(&["src"]);
    let bad: Vec<String> = hits(
        &widget,
        &[
            "fetch(",
            "XMLHttpRequest",
            "WebSocket",
            "sendBeacon",
            "EventSource",
            "Request::new",
        ],
    )
    .into_iter()
    .filter(|h| !is_wasm_fetch(h))
    .collect();
    let dist = fs::read_to_string("xtask/src/dist.rs").unwrap();
    assert!(
        dist.contains("\"elcCompileUrl(new URL('elcompare_bg.wasm', import.meta.url))\""),
        "the bootstrap's fetch is for the embed bundle's own wasm only"
    );
    assert!(
        bad.is_empty(),
        "network access in the widget:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_ui_never_reaches_the_host_layer() {
    // Components report through `on_change`; only `src/embed` turns that into JS objects,
    // DOM events and URL writes.
    let ui = files(&["src/ui"]);
    let bad = hits(
        &ui,
        &[
            "crate::embed",
            "super::embed",
            "history()",
            "location()",
            "CustomEvent",
            "js_sys::Reflect",
        ],
    );
    assert!(
        bad.is_empty(),
        "the ui talks to the host page:\n{}",
        bad.join("\n")
    );
}
