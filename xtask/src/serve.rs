//! A small static file server on loopback for `cargo xtask demo` and the Lighthouse bench:
//! it serves dist/ the way a decent host would, with brotli or gzip (as the browser asks,
//! compressed once per file version and kept in memory), `Cache-Control` and `ETag` with
//! `304 Not Modified`.

use crate::{root, Result};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::UNIX_EPOCH;

pub fn demo(args: &[String]) -> Result {
    let out = crate::dist::run()?;
    let port = args.first().map(String::as_str).unwrap_or("8080");
    let listener = bind(port)?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Serving dist/ at http://{addr}/ (brotli/gzip, cache headers)");
    println!("  single file over http:  http://{addr}/elcompare.html");
    println!("  embed code generator:   http://{addr}/generator.html");
    println!("  embed examples:         http://{addr}/examples/basic.html (and the other pages in examples/)");
    println!("  offline single file:    file://{}", out.single.display());
    println!("Press Ctrl-C to stop.");
    accept(listener, root().join("dist"));
    Ok(())
}

/// `cargo xtask serve [DIR] [PORT]`: serves a build made before (e.g. a saved copy of dist/
/// to compare against) without building.
pub fn existing(args: &[String]) -> Result {
    let dir = args
        .first()
        .map_or_else(|| root().join("dist"), PathBuf::from);
    let listener = bind(args.get(1).map_or("8080", String::as_str))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    println!("Serving {} at http://{addr}/", dir.display());
    accept(listener, dir);
    Ok(())
}

/// Serves `dir` on 127.0.0.1 with a free port in a background thread; returns the base URL.
pub fn background(dir: PathBuf) -> Result<String> {
    let listener = bind("0")?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || accept(listener, dir));
    Ok(format!("http://{addr}"))
}

fn bind(port: &str) -> Result<TcpListener> {
    let addr = format!("127.0.0.1:{port}");
    TcpListener::bind(&addr).map_err(|e| format!("cannot listen on {addr}: {e}"))
}

/// Compressed bodies by (file, version tag, encoding).
type Cache = Arc<Mutex<HashMap<(PathBuf, String, &'static str), Arc<Vec<u8>>>>>;

fn accept(listener: TcpListener, dir: PathBuf) {
    let cache: Cache = Arc::default();
    for stream in listener.incoming().flatten() {
        let (dir, cache) = (dir.clone(), cache.clone());
        std::thread::spawn(move || {
            let _ = handle(stream, &dir, &cache);
        });
    }
}

fn handle(mut stream: TcpStream, dir: &Path, cache: &Cache) -> std::io::Result<()> {
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let (mut accept, mut if_none_match) = (String::new(), String::new());
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "accept-encoding" => accept = value.trim().to_string(),
                "if-none-match" => if_none_match = value.trim().to_string(),
                _ => {}
            }
        }
    }
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = match target.split(['?', '#']).next().unwrap_or("/") {
        "/" => "/elcompare.html",
        p => p,
    };
    let Some(file) = resolve(dir, path).filter(|p| p.is_file()) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
        );
    };
    let meta = std::fs::metadata(&file)?;
    let stamp = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), stamp);
    let kind = content_type(&file);
    // Pages are revalidated on every visit; their assets are kept for a day.
    let cache_control = if kind.starts_with("text/html") {
        "no-cache"
    } else {
        "public, max-age=86400"
    };
    let mut headers = vec![
        ("Cache-Control", cache_control.to_string()),
        ("ETag", etag.clone()),
        ("Vary", "Accept-Encoding".to_string()),
    ];
    if if_none_match == etag {
        return respond(&mut stream, "304 Not Modified", kind, &headers, &[]);
    }
    let body = std::fs::read(&file)?;
    let compressible = !matches!(kind, "image/png" | "application/octet-stream");
    let accepts = |enc: &str| accept.split(',').any(|e| e.trim().starts_with(enc));
    let Some(enc) = ["br", "gzip"]
        .into_iter()
        .find(|enc| compressible && accepts(enc))
    else {
        return respond(&mut stream, "200 OK", kind, &headers, &body);
    };
    let key = (file.clone(), etag, enc);
    let cached = cache.lock().ok().and_then(|c| c.get(&key).cloned());
    let packed = match cached
        .map(Ok)
        .unwrap_or_else(|| crate::dist::compress(enc, &body).map(Arc::new))
    {
        Ok(p) => p,
        // No compressor installed: serve the file as it is.
        Err(_) => return respond(&mut stream, "200 OK", kind, &headers, &body),
    };
    if let Ok(mut c) = cache.lock() {
        c.insert(key, packed.clone());
    }
    headers.push(("Content-Encoding", enc.to_string()));
    respond(&mut stream, "200 OK", kind, &headers, &packed)
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)
}

/// Maps a URL path into `dir`, refusing `..`; directories serve index.html.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let rel = Path::new(url_path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let p = dir.join(rel);
    Some(if p.is_dir() { p.join("index.html") } else { p })
}

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}
