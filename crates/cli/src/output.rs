//! Writing to stdout: buffered, and quiet when the reader goes away early
//! (`seekscan dump | head` is not an error).
use std::io::{BufWriter, ErrorKind, Write};

/// Runs `write` against a buffered stdout; a closed pipe ends it quietly.
pub fn to_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), String> {
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| e.to_string()),
    }
}
