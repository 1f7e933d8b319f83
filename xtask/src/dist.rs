//! Release build: cargo → wasm-bindgen (--target web) → wasm-opt -Oz → two outputs.
//!
//! - `dist/elcompare.html`: one self-contained file. The wasm travels inline as
//!   base64 of its gzip and is inflated with the browser's DecompressionStream,
//!   because a `.wasm` cannot be fetched from a `file://` page.
//! - `dist/embed/elcompare.js` + `elcompare_bg.wasm`: the module a host page
//!   includes; it fetches the wasm relative to its own URL.
//!
//! Both share the same glue, bootstrap (src/embed/bootstrap.js) and stylesheet.

use crate::run as sh;
use crate::{cargo, root, Result};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Outputs {
    pub single: PathBuf,
    pub embed_js: PathBuf,
    pub embed_wasm: PathBuf,
}

pub fn run() -> Result<Outputs> {
    let root = root();
    sh(cargo().args([
        "build",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "elcompare",
        "--lib",
    ]))?;
    let wbg = root.join("target/wbg");
    let raw_wasm = root.join("target/wasm32-unknown-unknown/release/elcompare.wasm");
    sh(Command::new("wasm-bindgen")
        .arg(&raw_wasm)
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&wbg))?;
    let dist = root.join("dist");
    let embed = dist.join("embed");
    fs::create_dir_all(&embed).map_err(|e| format!("{}: {e}", embed.display()))?;
    let embed_wasm = embed.join("elcompare_bg.wasm");
    sh(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg(wbg.join("elcompare_bg.wasm"))
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-reference-types",
            "--enable-nontrapping-float-to-int",
        ])
        .args([
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-multivalue",
            "-o",
        ])
        .arg(&embed_wasm))?;

    let glue = no_raw_html(&read(&wbg.join("elcompare.js"))?)?;
    let bootstrap = read(&root.join("src/embed/bootstrap.js"))?;
    let css = minify("css", &read(&root.join("styles/elcompare.css"))?)?;
    let css_js = js_string(&css);
    let catalogues = elcompare::i18n::check::check_dir(&root.join("data/i18n"))
        .map_err(|problems| problems.join("\n"))?;

    // Embed bundle: glue + bootstrap, wasm fetched beside the script.
    let embed_js = embed.join("elcompare.js");
    let script = fill(
        "src/embed/bootstrap.js",
        &bootstrap,
        &[
            (
                "__ELCOMPARE_WASM__",
                "elcCompileUrl(new URL('elcompare_bg.wasm', import.meta.url))",
            ),
            ("__ELCOMPARE_SCRIPT_URL__", "import.meta.url"),
            ("__ELCOMPARE_CSS__", &css_js),
            ("__ELCOMPARE_TEXTS__", &page_texts(&catalogues, false)),
        ],
    )?;
    write(&embed_js, &minify("js", &format!("{glue}\n{script}"))?)?;

    // Single file: the same script with the wasm inline.
    let wasm = fs::read(&embed_wasm).map_err(|e| format!("{}: {e}", embed_wasm.display()))?;
    let packed = base64(&gzip(&wasm)?);
    // The payload sits in a data block the JS parser never reads; the bootstrap decodes
    // it with the browser's base64 decoder and compiles it as DecompressionStream inflates it.
    let inline_source = "elcCompileInline(\"elc-wasm\")";
    let script = fill(
        "src/embed/bootstrap.js",
        &bootstrap,
        &[
            ("__ELCOMPARE_WASM__", inline_source),
            ("__ELCOMPARE_SCRIPT_URL__", "null"),
            ("__ELCOMPARE_CSS__", &css_js),
            ("__ELCOMPARE_TEXTS__", &page_texts(&catalogues, true)),
        ],
    )?;
    let script = minify("js", &format!("{glue}\n{script}"))?;
    let page = read(&root.join("index.html"))?;
    let prerender = crate::prerender::table_html()?;
    let frame = page_frame(&catalogues);
    let frame: Vec<(&str, &str)> = frame
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let page = fill("index.html", &page, &frame)?;
    let page = fill(
        "index.html",
        &page,
        &[
            ("<!--ELCOMPARE_PRERENDER-->", &prerender),
            (
                "<script type=\"module\" src=\"elcompare.js\"></script>",
                &format!(
                    "<script type=\"application/octet-stream\" id=\"elc-wasm\">{packed}</script>\n\
                     <script type=\"module\">{script}</script>"
                ),
            ),
        ],
    )?;
    let single = dist.join("elcompare.html");
    write(&single, &page)?;
    write(
        &dist.join("static.html"),
        &crate::prerender::static_page(&prerender),
    )?;

    copy_dir(&root.join("examples"), &dist.join("examples"))?;
    // The embed folder is also an npm package: manifest, types, custom-elements.json.
    let version = cargo_version(&read(&root.join("Cargo.toml"))?)?;
    let npm = root.join("integrations/npm");
    write(
        &embed.join("package.json"),
        &read(&npm.join("package.json"))?.replace("__VERSION__", &version),
    )?;
    for f in ["README.md", "elcompare.d.ts", "custom-elements.json"] {
        write(&embed.join(f), &read(&npm.join(f))?)?;
    }
    // The snippet generator (served by `cargo xtask demo`), beside the embed folder it loads.
    write(
        &dist.join("generator.html"),
        &read(&root.join("integrations/generator.html"))?,
    )?;
    // The Hugo shortcode, under the same path a Hugo site keeps it.
    let shortcode = "hugo/layouts/shortcodes/elcompare.html";
    let to = dist.join(shortcode);
    fs::create_dir_all(to.parent().unwrap_or(&dist))
        .map_err(|e| format!("{}: {e}", to.display()))?;
    write(&to, &read(&root.join("integrations").join(shortcode))?)?;

    let out = Outputs {
        single,
        embed_js,
        embed_wasm,
    };
    report(&out)?;
    Ok(out)
}

/// `text` minified by esbuild (npm, pinned in package-lock.json): "js" as an ES module (its
/// exports kept), or "css". Comments go, names local to the module are shortened.
fn minify(loader: &str, text: &str) -> Result<String> {
    let esbuild = root().join("node_modules/.bin/esbuild");
    let tool = esbuild.to_string_lossy();
    // Tree shaking drops the wasm loader the other output uses.
    let mut args = vec![
        "--minify",
        "--tree-shaking=true",
        "--legal-comments=none",
        "--log-level=warning",
    ];
    let loader_arg = format!("--loader={loader}");
    args.push(&loader_arg);
    if loader == "js" {
        args.push("--format=esm");
    }
    let out = pipe(&tool, &args, text.as_bytes())?;
    let out = String::from_utf8(out).map_err(|e| format!("esbuild: {e}"))?;
    // The single file inlines the script: its text must not close the <script> element.
    if out.contains("</script") {
        return Err("minified script contains </script".into());
    }
    Ok(out.trim_end().to_string())
}

/// Prints raw / gzip / brotli bytes of each output.
pub fn report(out: &Outputs) -> Result {
    println!(
        "\n{:<28} {:>10} {:>10} {:>10}",
        "output", "raw B", "gzip B", "brotli B"
    );
    let mut bundle = [0usize; 3];
    for (name, path) in [
        ("dist/elcompare.html", &out.single),
        ("dist/embed/elcompare.js", &out.embed_js),
        ("dist/embed/elcompare_bg.wasm", &out.embed_wasm),
    ] {
        let s = sizes(path)?;
        if name.starts_with("dist/embed") {
            for (total, v) in bundle.iter_mut().zip(s) {
                *total += v;
            }
        }
        println!("{:<28} {:>10} {:>10} {:>10}", name, s[0], s[1], s[2]);
    }
    println!(
        "{:<28} {:>10} {:>10} {:>10}\n",
        "embed bundle (js + wasm)", bundle[0], bundle[1], bundle[2]
    );
    Ok(())
}

/// [raw, gzip -9, brotli -q 11] byte counts (brotli 0 if the tool is missing).
pub fn sizes(path: &Path) -> Result<[usize; 3]> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let br = pipe("brotli", &["-c", "-q", "11"], &bytes)
        .map(|b| b.len())
        .unwrap_or(0);
    Ok([bytes.len(), gzip(&bytes)?.len(), br])
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    pipe("gzip", &["-9", "-n", "-c"], bytes)
}

/// `bytes` as an HTTP content encoding would carry them: "br" (brotli -q 11) or "gzip".
pub fn compress(encoding: &str, bytes: &[u8]) -> Result<Vec<u8>> {
    match encoding {
        "br" => pipe("brotli", &["-c", "-q", "11"], bytes),
        _ => gzip(bytes),
    }
}

fn pipe(tool: &str, args: &[&str], input: &[u8]) -> Result<Vec<u8>> {
    let mut child = Command::new(tool)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{tool}: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{tool}: {e}"))?;
    writer
        .join()
        .map_err(|_| format!("{tool}: writer panicked"))?
        .map_err(|e| format!("{tool}: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        Err(format!("{tool} failed"))
    }
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// The texts the bootstrap needs before (or without) the wasm, per language: `boot.*` (the
/// key without its prefix) and, for the single file, `page.*` (its page frame, which follows
/// the widget's language). A JS object literal: `{"en":{"loading":"…",…},"de":{…}}`.
fn page_texts(catalogues: &[elcompare::i18n::check::Parsed], single: bool) -> String {
    let mut out = String::from("{");
    for (i, c) in catalogues.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&js_string(&c.lang));
        out.push_str(":{");
        let mut first = true;
        for (key, text) in &c.texts {
            let name = match key.strip_prefix("boot.") {
                Some(name) => name,
                None if single && key.starts_with("page.") => key.as_str(),
                None => continue,
            };
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&js_string(name));
            out.push(':');
            out.push_str(&js_string(text));
        }
        out.push('}');
    }
    out.push('}');
    out
}

/// The single file's page frame in English (the page before its script runs; the script
/// then writes it in the widget's language), and its noscript text in every language.
fn page_frame(catalogues: &[elcompare::i18n::check::Parsed]) -> Vec<(String, String)> {
    let text = |c: &elcompare::i18n::check::Parsed, key: &str| {
        escape_html(c.texts.get(key).map_or("", String::as_str))
    };
    let mut out = Vec::new();
    if let Some(en) = catalogues.first() {
        for key in ["page.title", "page.description", "page.edition"] {
            out.push((format!("{{{key}}}"), text(en, key)));
        }
    }
    let noscript: Vec<String> = catalogues
        .iter()
        .map(|c| format!("<p lang=\"{}\">{}</p>", c.lang, text(c, "page.noscript")))
        .collect();
    out.push(("{page.noscript}".to_string(), noscript.join("")));
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A JS string literal (JSON is valid JS); `</` is escaped so it cannot close a script tag.
pub fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Replaces each placeholder of a template, which must occur exactly once: a drifted
/// template fails the build instead of shipping a file without its wasm or styles.
fn fill(name: &str, template: &str, pairs: &[(&str, &str)]) -> Result<String> {
    let mut out = template.to_string();
    for (placeholder, value) in pairs {
        let n = template.matches(placeholder).count();
        if n != 1 {
            return Err(format!(
                "{name}: placeholder {placeholder} occurs {n} times (expected exactly once)"
            ));
        }
        out = out.replacen(placeholder, value, 1);
    }
    Ok(out)
}

/// Yew's raw-HTML node (`Html::from_html_unchecked`, unused here) keeps an `innerHTML`
/// setter among wasm-bindgen's imports. The import must exist for the wasm to link,
/// so its body is replaced by a throw: the output holds no HTML-parsing sink at all.
/// Fails the build if the glue writes HTML in any other way.
fn no_raw_html(glue: &str) -> Result<String> {
    const SINK: &str = "arg0.innerHTML = getStringFromWasm0(arg1, arg2);";
    const STUB: &str = "throw new Error(\"elcompare: raw HTML is disabled\");";
    let out = glue.replace(SINK, STUB);
    for bad in [
        ".innerHTML",
        "insertAdjacentHTML",
        "document.write",
        "createContextualFragment",
    ] {
        if out.contains(bad) {
            return Err(format!(
                "wasm-bindgen glue uses {bad}; the widget must not parse HTML"
            ));
        }
    }
    if out.contains(".outerHTML =") {
        return Err("wasm-bindgen glue assigns outerHTML; the widget must not parse HTML".into());
    }
    Ok(out)
}

/// Copies the files of `from` (one level) into `to`: the example host pages and their
/// stylesheets. Rust files there are cargo examples (benches), not host pages.
fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from)
        .map_err(|e| format!("{}: {e}", from.display()))?
        .flatten()
    {
        if entry.path().is_file() && entry.path().extension().is_some_and(|x| x != "rs") {
            fs::copy(entry.path(), to.join(entry.file_name()))
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// The `version = "…"` of the `[package]` section.
fn cargo_version(toml: &str) -> Result<String> {
    toml.lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or_else(|| "Cargo.toml has no package version".to_string())
}

pub fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_matches_known_values() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(super::js_string("a\"</b>\n"), "\"a\\\"\\u003c/b>\\n\"");
    }
}
