//! `cargo xtask serve`: build `dist/` and serve it on loopback with the
//! cross-origin isolation headers that give the page finer timers, and the
//! Content-Security-Policy, which `build_dist` also writes into
//! `dist/index.html` so a static host serves it too.
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
        build_dist(&step::root().join("dist"), Profile::Release, Hooks::None)?;
    }
    let dist = step::root().join("dist");
    print_wasm_sizes(&dist)?;
    let (url, handle) = start(&dist, port)?;
    println!("seekscan is served at {url}  (Ctrl+C stops it)");
    handle
        .join()
        .map_err(|_| "the server thread panicked".to_owned())
}

/// How `build_dist` compiles the page and the worker.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// What is served and tested in CI: `wasm-release`, then wasm-opt.
    Release,
    /// Cargo's dev profile, no wasm-opt: minutes sooner, for trying an
    /// end-to-end suite while changing the page (`cargo xtask e2e --dev`).
    Dev,
}

/// Whether the worker exports the end-to-end tests' hooks (the page's
/// `test-hooks` feature: `exhaust_memory_for_tests`, which ends the worker).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Hooks {
    /// What `serve` hands out.
    None,
    /// What the end-to-end suites run against.
    ForTests,
}

pub fn build_dist(dist: &Path, profile: Profile, hooks: Hooks) -> Result<(), String> {
    // Trunk finds wasm-opt on PATH; Trunk.toml pins its version.
    let path = std::env::var_os("PATH").unwrap_or_default();
    let path = std::env::join_paths(
        std::iter::once(tools::wasm_opt_dir()).chain(std::env::split_paths(&path)),
    )
    .map_err(|e| format!("PATH: {e}"))?;
    let mut args = vec!["build", "--offline"];
    if profile == Profile::Release {
        args.push("--release");
    }
    if hooks == Hooks::ForTests {
        args.extend(["--features", "test-hooks"]);
    }
    let dist_arg = dist.to_string_lossy().into_owned();
    args.extend(["--dist", &dist_arg]);
    step::run(
        &format!("trunk {}", args.join(" ")),
        Command::new("trunk").args(&args).env("PATH", path),
    )?;
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    std::fs::write(&index, with_csp_meta(&html)).map_err(|e| format!("{}: {e}", index.display()))
}

/// Trunk inlines the `<script type="module">` that starts the wasm app, and
/// writes it at build time, so the policy allows exactly that script by its
/// hash (no 'unsafe-inline'). 'wasm-unsafe-eval' lets the page and the
/// worker compile their wasm; the worker loader is a same-origin script.
fn content_security_policy(html: &str) -> String {
    let hashes: Vec<String> = inline_scripts(html)
        .map(|script| format!(" 'sha256-{}'", base64(&sha256(script.as_bytes()))))
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'none'",
        hashes.concat()
    )
}

/// The header adds what a `<meta>` policy cannot carry: the page may be embedded.
fn csp_header(html: &str) -> String {
    format!("{}; frame-ancestors *", content_security_policy(html))
}

const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// `html` with its policy as the first element of `<head>`, ahead of every
/// script it governs (a build leaves none; a second pass replaces it).
fn with_csp_meta(html: &str) -> String {
    let html = match html.find(CSP_META) {
        Some(start) => {
            let end = start + html[start..].find('>').map_or(0, |e| e + 1);
            format!("{}{}", &html[..start], html[end..].trim_start_matches('\n'))
        }
        None => html.to_owned(),
    };
    let meta = format!(
        "{CSP_META} content=\"{}\">\n",
        content_security_policy(&html)
    );
    match html.find("<head>") {
        Some(head) => {
            let at = head + "<head>".len();
            format!(
                "{}\n{meta}{}",
                &html[..at],
                html[at..].trim_start_matches('\n')
            )
        }
        None => format!("{meta}{html}"),
    }
}

/// The text of every `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, rest) = rest.split_once('>')?;
        let (body, _) = rest.split_once("</script>")?;
        (!attributes.contains("src=")).then_some(body)
    })
}

/// SHA-256 (FIPS 180-4); xtask has no crypto dependency, and needs only this.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let choice = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(choice)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let majority = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(majority);
            (hh, g, f, e, d, c, b, a) = (g, f, e, d.wrapping_add(t1), c, b, a, t1.wrapping_add(t2));
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut digest = [0u8; 32];
    for (bytes, word) in digest.chunks_mut(4).zip(h) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// Standard base64 with padding, as CSP hash sources spell digests.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
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
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    let csp = csp_header(&index);
    let handle = std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = respond(&dist, request.url(), &csp);
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

fn respond(dist: &Path, url: &str, csp: &str) -> Response<std::io::Cursor<Vec<u8>>> {
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
        // Every response: the worker loader's policy is its own response's.
        .with_header(header("Content-Security-Policy", csp))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

/// Raw and gzip -9 size of every `.wasm` in `dist`, and their sum: what
/// a visitor downloads (the JS glue and the CSS add a few KiB).
pub fn print_wasm_sizes(dist: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    files.sort();
    let kib = |bytes: usize| bytes as f64 / 1024.0;
    let (mut raw_total, mut gzip_total) = (0, 0);
    for file in files {
        let mut raw = Vec::new();
        std::fs::File::open(&file)
            .and_then(|mut f| f.read_to_end(&mut raw))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let gzipped = gzip_len(&raw)?;
        println!(
            "{}: {:.1} KiB raw, {:.1} KiB gzip -9",
            file.file_name().unwrap_or_default().to_string_lossy(),
            kib(raw.len()),
            kib(gzipped)
        );
        raw_total += raw.len();
        gzip_total += gzipped;
    }
    println!(
        "wasm in all: {:.1} KiB raw, {:.1} KiB gzip -9",
        kib(raw_total),
        kib(gzip_total)
    );
    Ok(())
}

fn gzip_len(data: &[u8]) -> Result<usize, String> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    std::io::Write::write_all(&mut gz, data).map_err(|e| e.to_string())?;
    Ok(gz.finish().map_err(|e| e.to_string())?.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_match_the_standard_vectors() {
        // Digests as `openssl dgst -sha256 -binary | base64` prints them.
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            base64(&sha256(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        let long = vec![b'a'; 1000];
        assert_eq!(
            base64(&sha256(&long)),
            "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM="
        );
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"f"), "Zg==");
    }

    #[test]
    fn the_policy_allows_the_inline_loader_by_hash_and_sits_first_in_head() {
        let html = "<html><head>\n<script type=\"module\">init()</script>\
            <script src=\"/x.js\"></script></head></html>";
        let built = with_csp_meta(html);
        let hash = base64(&sha256(b"init()"));
        assert!(
            built.starts_with(&format!("<html><head>\n{CSP_META}")),
            "{built}"
        );
        assert!(built.contains(&format!("'sha256-{hash}'")), "{built}");
        assert_eq!(built.matches("sha256-").count(), 1, "{built}");
        assert!(!built.contains("unsafe-inline"));
        assert_eq!(
            with_csp_meta(&built),
            built,
            "a second pass changes nothing"
        );
        assert!(csp_header(&built).ends_with("; frame-ancestors *"));
    }
}
