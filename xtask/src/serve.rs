//! A tiny static file server for `cargo xtask demo` (loopback only).

use crate::{root, Result};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

pub fn demo(args: &[String]) -> Result {
    let out = crate::dist::run()?;
    let port = args.first().map(String::as_str).unwrap_or("8080");
    let addr = format!("127.0.0.1:{port}");
    let listener = TcpListener::bind(&addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    println!("Serving dist/ at http://{addr}/");
    println!("  single file over http:  http://{addr}/elcompare.html");
    println!("  embed code generator:   http://{addr}/generator.html");
    println!("  embed examples:         http://{addr}/examples/basic.html (and the other pages in examples/)");
    println!("  offline single file:    file://{}", out.single.display());
    println!("Press Ctrl-C to stop.");
    let dist = root().join("dist");
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &dist);
        });
    }
    Ok(())
}

fn handle(mut stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line)?;
    let target = line.split_whitespace().nth(1).unwrap_or("/");
    let path = match target.split(['?', '#']).next().unwrap_or("/") {
        "/" => "/elcompare.html",
        p => p,
    };
    let (status, kind, body) =
        match resolve(dir, path).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
            Some((p, body)) => ("200 OK", content_type(&p), body),
            None => ("404 Not Found", "text/plain", b"not found".to_vec()),
        };
    write!(stream, "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
    stream.write_all(&body)
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
