//! `cargo xtask serve`: build `dist/` and serve it on loopback with the
//! cross-origin isolation headers that give the page finer timers.
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::JoinHandle;

use flate2::write::GzEncoder;
use flate2::Compression;
use tiny_http::{Header, Response, Server};

use crate::step;
use crate::tools;

pub fn run(args: &[String]) -> Result<(), String> {
    let mut port = 8080u16;
    let mut build = true;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: not a port number: {value}"))?;
            }
            "--no-build" => build = false,
            other => return Err(format!("serve: unknown argument {other}")),
        }
    }
    if build {
        tools::ensure_build_tools()?;
        build_dist()?;
    }
    let dist = step::root().join("dist");
    print_wasm_sizes(&dist)?;
    let (url, handle) = start(&dist, port)?;
    println!("seekscan is served at {url}  (Ctrl+C stops it)");
    handle
        .join()
        .map_err(|_| "the server thread panicked".to_owned())
}

pub fn build_dist() -> Result<(), String> {
    step::run(
        "trunk build --offline --release",
        Command::new("trunk").args(["build", "--offline", "--release"]),
    )
}

/// Serves `dist` on 127.0.0.1:`port` (0 picks a free port) in a thread.
pub fn start(dist: &Path, port: u16) -> Result<(String, JoinHandle<()>), String> {
    if !dist.join("index.html").exists() {
        return Err(format!("{} has no index.html: build first", dist.display()));
    }
    let server = Server::http(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let url = format!(
        "http://{}/",
        server.server_addr().to_ip().ok_or("no IP address")?
    );
    let dist = dist.to_path_buf();
    let handle = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = respond(&dist, request.url());
            let _ = request.respond(response);
        }
    });
    Ok((url, handle))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

fn respond(dist: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    let file: PathBuf = if relative.is_empty() {
        dist.join("index.html")
    } else {
        dist.join(relative)
    };
    // Never serve anything outside dist/.
    let inside = !relative.split('/').any(|part| part == "..");
    let (status, body, kind) = match std::fs::read(&file) {
        Ok(body) if inside => (200, body, content_type(&file)),
        _ => (404, b"not found".to_vec(), "text/plain; charset=utf-8"),
    };
    Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cross-Origin-Opener-Policy", "same-origin"))
        .with_header(header("Cross-Origin-Embedder-Policy", "require-corp"))
        .with_header(header("Cross-Origin-Resource-Policy", "same-origin"))
        .with_header(header("Cache-Control", "no-cache"))
}

/// Raw and gzip size of every `.wasm` in `dist`.
pub fn print_wasm_sizes(dist: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    files.sort();
    for file in files {
        let mut raw = Vec::new();
        std::fs::File::open(&file)
            .and_then(|mut f| f.read_to_end(&mut raw))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let mut gz = GzEncoder::new(Vec::new(), Compression::default());
        std::io::Write::write_all(&mut gz, &raw).map_err(|e| e.to_string())?;
        let gzipped = gz.finish().map_err(|e| e.to_string())?;
        println!(
            "{}: {:.1} KiB raw, {:.1} KiB gzip",
            file.file_name().unwrap_or_default().to_string_lossy(),
            raw.len() as f64 / 1024.0,
            gzipped.len() as f64 / 1024.0
        );
    }
    Ok(())
}
