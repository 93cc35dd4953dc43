//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.
use std::process::Command;
use std::time::Instant;

use crate::serve::{self, Hooks, Profile};
use crate::step::{self, cargo};
use crate::tools;

/// Chromium flags for running as root in a sandbox without network.
pub const CHROMIUM_FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

pub fn run() -> Result<(), String> {
    let started = Instant::now();
    let result = checks();
    step::print_timings();
    let seconds = started.elapsed().as_secs_f64();
    match &result {
        Ok(()) => println!("==> all checks passed in {seconds:.0} s"),
        Err(_) => println!("==> checks stopped after {seconds:.0} s"),
    }
    result
}

fn checks() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_chromium()?;
    tools::ensure_postgres()?;
    tools::ensure_e2e_modules()?;

    cargo(&["fmt", "--all", "--", "--check"], &[])?;
    // Native: everything but the page; wasm32: the page and its worker.
    let lint = ["--all-targets", "--", "-D", "warnings"];
    cargo(
        &["clippy", "--workspace", "--exclude", "seekscan-web"],
        &lint.map(String::from),
    )?;
    cargo(
        &[
            "clippy",
            "-p",
            "seekscan-web",
            "--target",
            "wasm32-unknown-unknown",
            // The end-to-end tests' hooks are linted too.
            "--all-features",
        ],
        &lint.map(String::from),
    )?;
    cargo(&["test", "--workspace", "--exclude", "seekscan-web"], &[])?;
    crate::patches::check()?;
    browser_tests()?;
    end_to_end()
}

fn browser_tests() -> Result<(), String> {
    let target = step::root().join("target");
    std::fs::create_dir_all(&target).map_err(|e| e.to_string())?;
    // The runner adds --headless and --no-sandbox itself; the rest keeps
    // Chromium off the network and out of first-run work.
    let capabilities = serde_like_json(&CHROMIUM_FLAGS[2..]);
    let webdriver_json = target.join("webdriver.json");
    std::fs::write(&webdriver_json, capabilities).map_err(|e| e.to_string())?;
    step::run(
        "browser tests (wasm-bindgen-test in headless Chromium)",
        Command::new("cargo")
            .args([
                "test",
                "-p",
                "seekscan-web",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            // ChromeDriver's start-up on two busy cores can exceed the 5 s default.
            .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60")
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver_json),
    )
}

/// Every `tests/e2e/*.test.mjs`, in name order (one suite per feature).
fn e2e_suites() -> Result<Vec<String>, String> {
    let dir = step::root().join("tests/e2e");
    let mut suites: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".test.mjs"))
        .map(|name| format!("tests/e2e/{name}"))
        .collect();
    suites.sort();
    Ok(suites)
}

/// `{"goog:chromeOptions": {"args": [...]}}` without a JSON dependency.
fn serde_like_json(args: &[&str]) -> String {
    let quoted: Vec<String> = args.iter().map(|a| format!("\"{a}\"")).collect();
    format!(
        "{{\"goog:chromeOptions\": {{\"args\": [{}]}}}}",
        quoted.join(", ")
    )
}

fn end_to_end() -> Result<(), String> {
    let dist = step::root().join("dist");
    serve::build_dist(&dist, Profile::Release, Hooks::ForTests)?;
    run_suites(&dist, &e2e_suites()?)
}

/// `cargo xtask e2e [--dev] [--dist DIR] [SUITE…]`: build (release unless
/// `--dev`) into DIR (default `dist/`) and run the named suites, or all.
pub fn e2e(args: &[String]) -> Result<(), String> {
    let mut profile = Profile::Release;
    let mut dist = step::root().join("dist");
    let mut suites = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--dev" => profile = Profile::Dev,
            "--dist" => dist = step::root().join(args.next().ok_or("--dist needs a directory")?),
            suite => suites.push(suite.to_owned()),
        }
    }
    if suites.is_empty() {
        suites = e2e_suites()?;
    }
    tools::ensure_build_tools()?;
    tools::ensure_chromium()?;
    tools::ensure_e2e_modules()?;
    serve::build_dist(&dist, profile, Hooks::ForTests)?;
    run_suites(&dist, &suites)
}

fn run_suites(dist: &std::path::Path, suites: &[String]) -> Result<(), String> {
    serve::print_wasm_sizes(dist)?;
    let (url, _server) = serve::start(dist, 0)?;
    println!("serving dist/ at {url} for the end-to-end test");
    let shots = step::root().join("target/e2e");
    std::fs::create_dir_all(&shots).map_err(|e| e.to_string())?;
    step::run(
        "end-to-end test (node --test, playwright-core, headless Chromium)",
        Command::new("node")
            // A suite that leaves a browser open must not hold CI until its
            // deadline: the runner exits when the tests end, and no test
            // outlives ten minutes.
            .args([
                "--test",
                "--test-reporter=spec",
                "--test-force-exit",
                "--test-timeout=600000",
            ])
            .args(suites)
            .env("SEEKSCAN_URL", &url)
            .env("SEEKSCAN_SHOTS", &shots)
            .env("SEEKSCAN_CHROMIUM_FLAGS", CHROMIUM_FLAGS.join(" ")),
    )
}
