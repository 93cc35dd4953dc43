//! `cargo xtask serve|test|bench|fuzz`: the only build entry points. Each installs
//! what it needs first, saying what it does, and skips what is already there.
mod fuzz;
mod patches;
mod serve;
mod step;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve [--port N] [--no-build]   install tools, build dist/ with Trunk, serve it on 127.0.0.1
  test                            fmt, clippy, native tests, browser tests, end-to-end
  e2e [--dev] [--dist DIR] [SUITE…]  build dist/ (or DIR; --dev: unoptimised, sooner), run the suites
  bench [ARGS…]                   the CLI's benchmark (release build), ARGS passed through
  fuzz [--minutes N] [--seed S]   differential fuzzing against SQLite for N minutes (release build)
  patch-diff [--check]            write patches/gluesql-core.diff (the vendored GlueSQL against the
                                  published crate); --check: the diff applied to it is the copy";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("test") => test::run(),
        Some("e2e") => test::e2e(&args[1..]),
        Some("bench") => {
            // `cargo xtask bench -- --scale N` reaches us with the `--`; the CLI
            // would read everything after it as positional arguments.
            let rest = match args.get(1).map(String::as_str) {
                Some("--") => &args[2..],
                _ => &args[1..],
            };
            step::cargo(
                &["run", "--release", "-p", "seekscan-cli", "--", "bench"],
                rest,
            )
        }
        Some("fuzz") => fuzz::run(&args[1..]),
        Some("patch-diff") if args.get(1).map(String::as_str) == Some("--check") => {
            patches::check()
        }
        Some("patch-diff") => patches::write(),
        Some("-h" | "--help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
