//! How far one statement may read before the storage stops it: every row
//! handed to the executor passes through [`Budget::check`], so a runaway
//! join fails with a message instead of filling memory or hanging the tab.
//! The same check polls the user's Stop ([`CancelFlag`]) whenever it reads
//! the clock, so Stop ends a statement within a few thousand rows.
use std::fmt;
use std::rc::Rc;
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

/// Whether the user asked to end the work under way (the page's Stop). The
/// worker implements it on a flag the page sets from its own thread; the
/// storage polls it where it reads the clock, so it must be cheap.
pub trait CancelFlag {
    fn requested(&self) -> bool;
}

/// What a statement ended by Stop answers: a plain "stopped", not a failure.
pub const STOPPED_BY_USER: &str = "stopped: Stop was pressed";

/// The flag a storage polls, if any (natively nothing asks to stop).
#[derive(Clone, Default)]
pub struct Cancel(Option<Rc<dyn CancelFlag>>);

impl Cancel {
    pub fn new(flag: Rc<dyn CancelFlag>) -> Self {
        Self(Some(flag))
    }

    pub fn requested(&self) -> bool {
        self.0.as_ref().is_some_and(|flag| flag.requested())
    }

    /// `Err` once Stop was pressed.
    pub fn check(&self) -> Result<(), Error> {
        match self.requested() {
            true => Err(Error::StorageMsg(STOPPED_BY_USER.to_owned())),
            false => Ok(()),
        }
    }
}

impl fmt::Debug for Cancel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.0.is_some() { "flag" } else { "none" };
        f.debug_tuple("Cancel").field(&kind).finish()
    }
}

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

    /// `Err` once `rows` read exceed the budget, its time is up or Stop
    /// was pressed (both read every `clock_every` rows).
    pub fn check(&self, rows: u64, cancel: &Cancel) -> Result<(), Error> {
        if rows > self.max_rows {
            return Err(stopped(format!(
                "stopped after {} rows examined (the limit for one statement)",
                thousands(self.max_rows)
            )));
        }
        if rows.is_multiple_of(self.clock_every) {
            cancel.check()?;
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
        let never = Cancel::default();
        assert!(budget.check(10, &never).is_ok());
        let error = budget.check(11, &never).unwrap_err().to_string();
        assert!(error.contains("stopped after 10 rows examined"), "{error}");
        assert!(error.ends_with("narrow the query"), "{error}");
    }

    #[test]
    fn time_is_read_every_few_thousand_rows() {
        let budget = Budget::new(u64::MAX, Duration::ZERO, false);
        let never = Cancel::default();
        assert!(budget.check(CLOCK_EVERY - 1, &never).is_ok());
        std::thread::sleep(Duration::from_millis(1));
        let error = budget.check(CLOCK_EVERY, &never).unwrap_err().to_string();
        assert!(
            error.contains("stopped after 0 s and 4,096 rows"),
            "{error}"
        );
    }

    struct Pressed;
    impl CancelFlag for Pressed {
        fn requested(&self) -> bool {
            true
        }
    }

    #[test]
    fn stop_is_read_with_the_clock_and_named_as_a_stop() {
        let budget = Budget::new(u64::MAX, Duration::from_secs(60), true);
        let pressed = Cancel::new(Rc::new(Pressed));
        // Between two looks at the clock the flag is not read either.
        assert!(budget.check(CLOCK_EVERY_JOINED - 1, &pressed).is_ok());
        let error = budget.check(CLOCK_EVERY_JOINED, &pressed).unwrap_err();
        assert_eq!(error.to_string(), format!("storage: {STOPPED_BY_USER}"));
    }
}
