//! Running commands: each is announced, timed, and its failure named.
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Instant;

/// Every step run so far: what, seconds, and its verdict.
static TIMINGS: Mutex<Vec<(String, f64, &'static str)>> = Mutex::new(Vec::new());

/// The workspace root (xtask lives one level below it).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}

/// Runs `command` (in the workspace root unless it names a directory),
/// streaming its output.
pub fn run(what: &str, command: &mut Command) -> Result<(), String> {
    run_judged(what, command, "FAILED")
}

/// Like `run`, for a first try that has a fallback: its failure is listed
/// as such in the summary, not as a failed check.
pub fn attempt(what: &str, command: &mut Command) -> Result<(), String> {
    run_judged(what, command, "retried")
}

fn run_judged(what: &str, command: &mut Command, failed: &'static str) -> Result<(), String> {
    println!("==> {what}");
    if command.get_current_dir().is_none() {
        command.current_dir(root());
    }
    let started = Instant::now();
    let status = command
        .status()
        .map_err(|e| format!("{what}: could not start {:?}: {e}", command.get_program()))?;
    let seconds = started.elapsed().as_secs_f64();
    if let Ok(mut timings) = TIMINGS.lock() {
        let verdict = if status.success() { "ok" } else { failed };
        timings.push((what.to_owned(), seconds, verdict));
    }
    if status.success() {
        println!("==> {what}: ok ({seconds:.1} s)");
        Ok(())
    } else {
        Err(format!("{what} failed ({status}) after {seconds:.1} s"))
    }
}

/// One line per step run so far, with its duration.
pub fn print_timings() {
    let Ok(timings) = TIMINGS.lock() else { return };
    if timings.is_empty() {
        return;
    }
    println!("==> step durations:");
    for (what, seconds, verdict) in timings.iter() {
        println!("    {seconds:7.1} s  {verdict:6}  {what}");
    }
}

pub fn cargo(args: &[&str], extra: &[String]) -> Result<(), String> {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command.args(args).args(extra);
    let words: Vec<&str> = args
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .collect();
    run(&format!("cargo {}", words.join(" ")), &mut command)
}

/// A command's trimmed stdout, or `None` when it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}
