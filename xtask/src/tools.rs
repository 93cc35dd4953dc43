//! Installs the tools the build and tests need, idempotently.
use std::path::Path;
use std::process::Command;

use crate::step::{self, output};

pub const TRUNK_VERSION: &str = "0.21.14";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(step::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|l| l == WASM_TARGET) {
        println!("wasm32 target: present");
        return Ok(());
    }
    step::run(
        "installing the wasm32 target (rustup target add)",
        Command::new("rustup").args(["target", "add", WASM_TARGET]),
    )
}

pub fn ensure_trunk() -> Result<(), String> {
    let want = format!("trunk {TRUNK_VERSION}");
    if output("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        println!("{want}: present");
        return Ok(());
    }
    // 0.22 needs a newer rustc than the toolchain here; --locked keeps its tested deps.
    step::run(
        &format!("installing trunk {TRUNK_VERSION} (cargo install --locked, ~8 min on 2 cores)"),
        Command::new("cargo").args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]),
    )
}

pub fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = wasm_bindgen_version()?;
    let want = format!("wasm-bindgen {version}");
    let have = output("wasm-bindgen", &["--version"]);
    let runner = output("wasm-bindgen-test-runner", &["--version"]).is_some();
    if have.as_deref() == Some(want.as_str()) && runner {
        println!("{want}: present");
        return Ok(());
    }
    // --locked first, for the dependency versions the release was tested with.
    // The 0.2.130 crate's lock file names webpki-roots 1.0.11, which the
    // registry does not serve; that fails within seconds, before compiling,
    // and the retry resolves fresh versions instead.
    let install = |locked: bool| {
        let mut command = Command::new("cargo");
        command.args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--force",
        ]);
        if locked {
            command.arg("--locked");
        }
        command
    };
    step::attempt(
        &format!("installing wasm-bindgen-cli {version} (cargo install --locked, ~4 min)"),
        &mut install(true),
    )
    .or_else(|error| {
        println!("{error}; retrying without --locked");
        step::run(
            &format!("installing wasm-bindgen-cli {version} (cargo install, ~4 min)"),
            &mut install(false),
        )
    })
}

pub fn ensure_chromium() -> Result<(), String> {
    let present = |p: &str| Path::new(p).exists();
    if present("/usr/bin/chromium") && present("/usr/bin/chromedriver") {
        println!("chromium and chromedriver: present");
        return Ok(());
    }
    if output("id", &["-u"]).as_deref() != Some("0") {
        return Err("Chromium or ChromeDriver is missing and this is not root: \
                    install Debian's chromium and chromium-driver"
            .to_owned());
    }
    step::run(
        "apt-get update",
        Command::new("apt-get").args(["update", "-qq"]),
    )?;
    step::run(
        "installing chromium and chromium-driver (apt-get)",
        Command::new("apt-get")
            .args(["install", "-y", "-qq", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// PostgreSQL's server binaries for the agreement tests (Debian's postgresql-15).
pub fn ensure_postgres() -> Result<(), String> {
    let found = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| e.path().join("bin/initdb").exists());
    if found || std::env::var_os("SEEKSCAN_PG_BIN").is_some() {
        println!("postgresql server binaries: present");
        return Ok(());
    }
    if output("id", &["-u"]).as_deref() != Some("0") {
        return Err(
            "PostgreSQL's server binaries are missing and this is not root: \
                    install Debian's postgresql-15 (or set SEEKSCAN_PG_BIN)"
                .to_owned(),
        );
    }
    step::run(
        "apt-get update",
        Command::new("apt-get").args(["update", "-qq"]),
    )?;
    step::run(
        "installing postgresql-15 (apt-get)",
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "postgresql-15",
                "postgresql-client-15",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// playwright-core for the end-to-end test, from the npm registry (never a browser download).
pub fn ensure_e2e_modules() -> Result<(), String> {
    let dir = step::root().join("tests/e2e");
    match output("node", &["--version"]) {
        Some(version) => println!("node: {version}"),
        None => return Err("node is missing: install Node.js 20 or newer with npm".to_owned()),
    }
    if dir.join("node_modules/playwright-core").exists() {
        println!("e2e node modules: present");
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        return Err("npm is missing: install Node.js and npm (Debian: nodejs npm)".to_owned());
    }
    step::run(
        "installing the e2e test's node modules (npm ci)",
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )
}

/// Binaryen's version: the npm package `binaryen@<this>.0.0`, and Trunk.toml's
/// `[tools] wasm_opt = "version_<this>"`, which makes Trunk refuse any other.
pub const BINARYEN_VERSION: &str = "132";

/// Where `ensure_wasm_opt` installs binaryen; `build_dist` puts its `bin` first on PATH.
pub fn wasm_opt_dir() -> std::path::PathBuf {
    step::root().join("target/tools/binaryen/node_modules/binaryen/bin")
}

/// wasm-opt shrinks the release wasm (index.html's `data-wasm-opt`). Trunk
/// runs it, before it writes the files' integrity hashes, and finds it on
/// PATH. Debian's binaryen (108) cannot read the bulk-memory and
/// reference-types code rustc emits; npm's `binaryen` package is binaryen
/// compiled to wasm, a few seconds to install and run by node.
pub fn ensure_wasm_opt() -> Result<(), String> {
    let wasm_opt = wasm_opt_dir().join("wasm-opt");
    let want = format!("wasm-opt version {BINARYEN_VERSION} (version_{BINARYEN_VERSION})");
    if output(&wasm_opt.to_string_lossy(), &["--version"]).as_deref() == Some(want.as_str()) {
        println!("{want}: present");
        return Ok(());
    }
    if output("node", &["--version"]).is_none() || output("npm", &["--version"]).is_none() {
        return Err(
            "node or npm is missing: install Node.js 20 or newer with npm (Debian: nodejs npm)"
                .to_owned(),
        );
    }
    let prefix = step::root().join("target/tools/binaryen");
    std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    step::run(
        &format!("installing wasm-opt: binaryen@{BINARYEN_VERSION}.0.0 (npm install, ~10 s)"),
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--prefix"])
            .arg(&prefix)
            .arg(format!("binaryen@{BINARYEN_VERSION}.0.0")),
    )?;
    match output(&wasm_opt.to_string_lossy(), &["--version"]) {
        Some(version) if version == want => Ok(()),
        other => Err(format!(
            "{}: expected {want}, got {other:?}",
            wasm_opt.display()
        )),
    }
}

/// What `serve` needs.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_toml_pins_the_installed_wasm_opt() {
        let trunk_toml = std::fs::read_to_string(step::root().join("Trunk.toml")).unwrap();
        let pin = format!("wasm_opt = \"version_{BINARYEN_VERSION}\"");
        assert!(trunk_toml.lines().any(|l| l.trim() == pin), "{trunk_toml}");
    }
}
