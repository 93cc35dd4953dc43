//! The patched GlueSQL as a diff against the published crate:
//! `patches/gluesql-core.diff` applied to `gluesql-core` as crates.io
//! publishes it must give exactly `patches/gluesql-core/`. `cargo xtask
//! test` checks it; `cargo xtask patch-diff` writes the diff again after a
//! change to the patched copy.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::step;

/// The vendored copy, relative to the workspace root.
const PATCHED: &str = "patches/gluesql-core";
/// Its changes as one unified diff (`patch -p1` in the published crate applies it).
const DIFF: &str = "patches/gluesql-core.diff";
/// Files of the published crate that cargo writes when it packages or
/// unpacks it; the vendored copy leaves them out.
const PACKAGING_ONLY: [&str; 4] = [
    ".cargo-ok",
    ".cargo_vcs_info.json",
    "Cargo.lock",
    "Cargo.toml.orig",
];
/// Files the vendored copy adds: the licence the published crate names
/// (Apache-2.0) but does not carry.
const ADDED: [&str; 1] = ["LICENSE"];

/// `cargo xtask patch-diff`: writes the diff from the published crate to the copy.
pub fn write() -> Result<(), String> {
    let pristine = pristine_dir()?;
    let patched = step::root().join(PATCHED);
    let mut diff = String::new();
    for file in files(&pristine, &patched)? {
        let (before, after) = (read(&pristine.join(&file))?, read(&patched.join(&file))?);
        if before != after {
            diff.push_str(&file_diff(&file, &before, &after));
        }
    }
    let out = step::root().join(DIFF);
    std::fs::write(&out, diff).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("wrote {}", out.display());
    Ok(())
}

/// The check `cargo xtask test` runs: the diff applied to the published
/// crate is the vendored copy, file for file.
pub fn check() -> Result<(), String> {
    println!("==> {DIFF} applied to the published gluesql-core is {PATCHED}");
    let pristine = pristine_dir()?;
    let patched = step::root().join(PATCHED);
    let diff_path = step::root().join(DIFF);
    let diff = read(&diff_path)?;
    let hunks = split_diff(&diff)?;
    let mut problems = Vec::new();
    for file in files(&pristine, &patched)? {
        let before = read(&pristine.join(&file))?;
        let expected = match hunks.iter().find(|(name, _)| *name == file) {
            Some((_, patch)) => apply(&file, &before, patch)?,
            None => before,
        };
        if read(&patched.join(&file))? != expected {
            problems.push(format!(
                "{file}: differs from the published file with the diff applied"
            ));
        }
    }
    for (name, _) in &hunks {
        if !pristine.join(name).is_file() {
            problems.push(format!(
                "{name}: in the diff but not in the published crate"
            ));
        }
    }
    if problems.is_empty() {
        println!(
            "==> {} files changed by the diff, the rest as published",
            hunks.len()
        );
        Ok(())
    } else {
        Err(format!(
            "{PATCHED} is not the published crate with {DIFF} applied (after a deliberate \
             change, run `cargo xtask patch-diff`):\n  {}",
            problems.join("\n  ")
        ))
    }
}

/// Every file of either tree, relative, except the packaging files and the
/// licence; a file on one side only is an error.
fn files(pristine: &Path, patched: &Path) -> Result<Vec<String>, String> {
    let (mut ours, mut theirs) = (BTreeSet::new(), BTreeSet::new());
    list(patched, patched, &mut ours)?;
    list(pristine, pristine, &mut theirs)?;
    for skipped in PACKAGING_ONLY {
        theirs.remove(skipped);
    }
    for added in ADDED {
        if !ours.remove(added) {
            return Err(format!("{PATCHED}/{added} is missing"));
        }
    }
    if ours != theirs {
        let only_ours: Vec<_> = ours.difference(&theirs).collect();
        let only_theirs: Vec<_> = theirs.difference(&ours).collect();
        return Err(format!(
            "{PATCHED} and the published crate hold different files: only in the copy {only_ours:?}, only published {only_theirs:?}"
        ));
    }
    Ok(ours.into_iter().collect())
}

fn list(root: &Path, dir: &Path, out: &mut BTreeSet<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            list(root, &path, out)?;
        } else {
            let relative = path.strip_prefix(root).map_err(|e| e.to_string())?;
            out.insert(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// One file's unified diff with `a/` and `b/` names, as `diff -u` writes it.
fn file_diff(file: &str, before: &str, after: &str) -> String {
    let patch = diffy::create_patch(before, after).to_string();
    // diffy names the sides "original" and "modified": the first two lines.
    let body: String = patch.split_inclusive('\n').skip(2).collect();
    format!("--- a/{file}\n+++ b/{file}\n{body}")
}

/// The diff cut into one unified diff per file, named by its `b/` path.
fn split_diff(diff: &str) -> Result<Vec<(String, String)>, String> {
    let mut files: Vec<(String, String)> = Vec::new();
    let lines: Vec<&str> = diff.split_inclusive('\n').collect();
    for (at, line) in lines.iter().enumerate() {
        let header = line.starts_with("--- a/")
            && lines.get(at + 1).is_some_and(|l| l.starts_with("+++ b/"));
        if header {
            let name = lines[at + 1]["+++ b/".len()..].trim_end().to_owned();
            files.push((name, String::new()));
        }
        match files.last_mut() {
            Some((_, text)) => text.push_str(line),
            None if line.trim().is_empty() => {}
            None => return Err(format!("{DIFF}: text before the first file: {line:?}")),
        }
    }
    Ok(files)
}

fn apply(file: &str, before: &str, patch: &str) -> Result<String, String> {
    let patch = diffy::Patch::from_str(patch).map_err(|e| format!("{DIFF}, {file}: {e}"))?;
    diffy::apply(before, &patch).map_err(|e| format!("{DIFF}, {file}: does not apply: {e}"))
}

/// The published crate of the copy's version, as cargo downloads it: a
/// scratch package under `target/` that depends on it without the patch.
fn pristine_dir() -> Result<PathBuf, String> {
    let version = patched_version()?;
    let scratch = step::root().join("target/pristine-gluesql-core");
    std::fs::create_dir_all(scratch.join("src")).map_err(|e| e.to_string())?;
    // Its own `[workspace]`: the scratch package is not a workspace member,
    // so the workspace's `[patch.crates-io]` does not reach it.
    let manifest = format!(
        "[package]\nname = \"pristine-gluesql-core\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
         publish = false\n\n[workspace]\n\n[dependencies]\n\
         gluesql-core = {{ version = \"={version}\", default-features = false }}\n"
    );
    std::fs::write(scratch.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    std::fs::write(scratch.join("src/lib.rs"), "").map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(scratch.join("Cargo.toml"))
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cargo metadata for the published gluesql-core {version}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let metadata = String::from_utf8_lossy(&out.stdout);
    manifest_dir(&metadata, &format!("gluesql-core-{version}"))
        .ok_or_else(|| format!("cargo metadata names no gluesql-core-{version}"))
}

/// The directory of the `manifest_path` that ends in `<crate_dir>/Cargo.toml`
/// (read without a JSON parser: cargo writes the path as one string).
fn manifest_dir(metadata: &str, crate_dir: &str) -> Option<PathBuf> {
    let tail = format!("{crate_dir}/Cargo.toml\"");
    let end = metadata.find(&tail)? + crate_dir.len();
    let start = metadata[..end].rfind('"')? + 1;
    Some(PathBuf::from(&metadata[start..end]))
}

fn patched_version() -> Result<String, String> {
    let manifest = read(&step::root().join(PATCHED).join("Cargo.toml"))?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .map(str::to_owned)
        .ok_or_else(|| format!("{PATCHED}/Cargo.toml names no version"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_diff_applies_back_and_splits_by_file() {
        let (before, after) = ("a\nb\nc\n", "a\nB\nc\nd\n");
        let diff = format!(
            "{}{}",
            file_diff("src/x.rs", before, after),
            file_diff("src/y.rs", after, before)
        );
        let files = split_diff(&diff).unwrap();
        assert_eq!(files.len(), 2);
        assert_eq!(files[0].0, "src/x.rs");
        assert_eq!(apply("src/x.rs", before, &files[0].1).unwrap(), after);
        assert_eq!(apply("src/y.rs", after, &files[1].1).unwrap(), before);
        // A copy edited without its diff no longer matches.
        assert_ne!(apply("src/x.rs", before, &files[0].1).unwrap(), "a\nB\nc\n");
    }

    #[test]
    fn the_manifest_dir_is_read_out_of_cargo_metadata() {
        let metadata =
            r#"{"name":"x","manifest_path":"/r/src/gluesql-core-0.20.0/Cargo.toml","id":1}"#;
        assert_eq!(
            manifest_dir(metadata, "gluesql-core-0.20.0"),
            Some(PathBuf::from("/r/src/gluesql-core-0.20.0"))
        );
    }
}
