//! How far one statement may read before the storage stops it: every row
//! handed to the executor passes through [`Budget::check`], so a runaway
//! join fails with a message instead of filling memory or hanging the tab.
use std::time::Duration;

use gluesql_core::error::Error;
use web_time::Instant;

use crate::units::thousands;

/// Rows between two looks at the clock: `performance.now()` crosses into
/// JavaScript on wasm, too dear to ask on every row of a scan.
const CLOCK_EVERY: u64 = 4_096;
/// The same under a join, where one row read can yield many joined rows
/// without another read.
const CLOCK_EVERY_JOINED: u64 = 64;

#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub max_rows: u64,
    pub max_time: Duration,
    pub started: Instant,
    clock_every: u64,
}

impl Budget {
    /// `joins`: the statement reads more than one table access.
    pub fn new(max_rows: u64, max_time: Duration, joins: bool) -> Self {
        Self {
            max_rows,
            max_time,
            started: Instant::now(),
            clock_every: if joins {
                CLOCK_EVERY_JOINED
            } else {
                CLOCK_EVERY
            },
        }
    }

    /// `Err` once `rows` read exceed the budget or its time is up.
    pub fn check(&self, rows: u64) -> Result<(), Error> {
        if rows > self.max_rows {
            return Err(stopped(format!(
                "stopped after {} rows examined (the limit for one statement)",
                thousands(self.max_rows)
            )));
        }
        if rows.is_multiple_of(self.clock_every) {
            return self.check_time(&format!("{} rows examined", thousands(rows)));
        }
        Ok(())
    }

    /// `Err` once the time is up; `done` says how far the run got.
    pub fn check_time(&self, done: &str) -> Result<(), Error> {
        if self.started.elapsed() > self.max_time {
            return Err(stopped(format!(
                "stopped after {} s and {done} (the limit for one run)",
                self.max_time.as_secs(),
            )));
        }
        Ok(())
    }
}

fn stopped(what: String) -> Error {
    Error::StorageMsg(format!("{what}: narrow the query"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_over_the_limit_stop_with_the_limit_named() {
        let budget = Budget::new(10, Duration::from_secs(60), false);
        assert!(budget.check(10).is_ok());
        let error = budget.check(11).unwrap_err().to_string();
        assert!(error.contains("stopped after 10 rows examined"), "{error}");
        assert!(error.ends_with("narrow the query"), "{error}");
    }

    #[test]
    fn time_is_read_every_few_thousand_rows() {
        let budget = Budget::new(u64::MAX, Duration::ZERO, false);
        assert!(budget.check(CLOCK_EVERY - 1).is_ok());
        std::thread::sleep(Duration::from_millis(1));
        let error = budget.check(CLOCK_EVERY).unwrap_err().to_string();
        assert!(
            error.contains("stopped after 0 s and 4,096 rows"),
            "{error}"
        );
    }
}
