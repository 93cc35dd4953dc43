//! `cargo xtask fuzz --minutes N [--seed S]`: the differential test's
//! rounds (SQLite oracle, ternary logic partitioning, writes, arbitrary
//! text), one seed after another for N minutes, in a release build. The
//! generator lives in `crates/core/tests/support/querygen.rs`; this command
//! runs the ignored `fuzz` test of `crates/core/tests/differential.rs`.
use std::process::Command;

use crate::step;

const USAGE: &str = "usage: cargo xtask fuzz [--minutes N] [--seed S]";

struct Options {
    minutes: String,
    seed: Option<String>,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        minutes: "5".to_owned(),
        seed: None,
    };
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value; {USAGE}"))?;
        if value.parse::<u64>().is_err() {
            return Err(format!(
                "{flag} takes a whole number, not {value:?}; {USAGE}"
            ));
        }
        match flag.as_str() {
            "--minutes" => options.minutes = value.clone(),
            "--seed" => options.seed = Some(value.clone()),
            _ => return Err(format!("unknown option {flag}; {USAGE}")),
        }
    }
    Ok(options)
}

pub fn run(args: &[String]) -> Result<(), String> {
    let options = options(args)?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args([
            "test",
            "--release",
            "-p",
            "seekscan-core",
            "--test",
            "differential",
        ])
        .args(["--", "--ignored", "--exact", "fuzz", "--nocapture"])
        .env("SEEKSCAN_FUZZ_MINUTES", &options.minutes);
    if let Some(seed) = &options.seed {
        command.env("SEEKSCAN_SEED", seed);
    }
    step::run(
        &format!(
            "differential fuzzing for {} minutes (release build)",
            options.minutes
        ),
        &mut command,
    )
}
