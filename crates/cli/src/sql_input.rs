//! Where a subcommand's SQL comes from: `--sql TEXT`, `--sql -` (standard
//! input) or `--file PATH`, as `psql -f` and `sqlite3 < file` take it, so a
//! long statement need not fit on the command line.
use std::io::Read;
use std::path::Path;

/// The value of `--sql` that means "read standard input".
pub const STDIN: &str = "-";

/// The SQL text `--sql` or `--file` gives (at most one of them is set:
/// clap refuses both), or None when neither is.
pub fn read(sql: Option<&str>, file: Option<&Path>) -> Result<Option<String>, String> {
    match (sql, file) {
        (Some(STDIN), _) => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| format!("--sql -: reading standard input: {e}"))?;
            Ok(Some(text))
        }
        (Some(sql), _) => Ok(Some(sql.to_owned())),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map(Some)
            .map_err(|e| format!("--file {}: {e}", path.display())),
        (None, None) => Ok(None),
    }
}
