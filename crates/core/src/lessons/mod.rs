//! Guided lessons for a newcomer: each is an experiment (the default
//! dataset, configurations A and B, user indexes, SQL with parameters drawn
//! from the data) with a few sentences, and every claim the sentences make
//! is a [`Claim`] checked against the measured plans when the lesson is
//! shown (`claims.rs`). The lessons themselves are in `list.rs`.
use std::collections::BTreeMap;

use crate::catalog::IndexDef;
use crate::patterns::Pattern;
use crate::protocol::Slot;
use crate::statement::index_definition;

mod claims;
mod list;

pub use claims::{Claim, ClaimCheck, Measured};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub id: &'static str,
    pub title: &'static str,
    /// Two to four sentences; each claim they make is in `claims`.
    pub text: &'static [&'static str],
    /// Visible indexes of A and B (built-in or from `user_indexes`).
    pub a: &'static [&'static str],
    pub b: &'static [&'static str],
    /// `CREATE INDEX` statements the lesson needs beyond the built-in ones.
    pub user_indexes: &'static [&'static str],
    /// SQL with `:name` parameters, rendered like a documented pattern's.
    pub sql: &'static str,
    pub params: &'static [&'static str],
    pub claims: &'static [Claim],
}

/// Every lesson, in the order the picker lists them.
pub fn all() -> &'static [Lesson] {
    list::LESSONS
}

pub fn find(id: &str) -> Option<&'static Lesson> {
    all().iter().find(|l| l.id == id)
}

/// Whether every claim holds, or the first that does not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A pane the claims need has no result yet.
    Waiting,
    Holds(Vec<ClaimCheck>),
    DoesNotHold(Vec<ClaimCheck>),
}

impl Verdict {
    /// "holds" or "does not hold …: which claim, and what was seen instead".
    pub fn text(&self) -> String {
        match self {
            Verdict::Waiting => "run the lesson to check what it says".to_owned(),
            Verdict::Holds(_) => "holds: every claim matches the measured plans".to_owned(),
            Verdict::DoesNotHold(checks) => {
                let failed: Vec<String> = checks
                    .iter()
                    .filter(|c| !c.holds)
                    .map(|c| format!("{} (measured: {})", c.text, c.seen))
                    .collect();
                format!("does not hold: {}", failed.join("; "))
            }
        }
    }
}

impl Lesson {
    /// The SQL with parameters from the data (and the user's overrides).
    pub fn render(&self, params: &BTreeMap<String, String>) -> String {
        Pattern {
            id: self.id,
            title: self.title,
            index: "",
            orm: "",
            sql: self.sql,
            params: self.params,
            expected_improvement: "",
        }
        .render(params)
    }

    /// The lesson's user indexes as definitions (read by the engine's
    /// parser; the page passes the text on instead).
    pub fn index_defs(&self) -> Vec<IndexDef> {
        self.user_indexes
            .iter()
            .filter_map(|sql| index_definition(sql).ok())
            .collect()
    }

    pub fn config(&self, slot: Slot) -> Vec<String> {
        let names = match slot {
            Slot::A => self.a,
            Slot::B => self.b,
        };
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    /// Every claim checked against what was measured.
    pub fn check(&self, measured: &Measured) -> Verdict {
        let mut checks = Vec::new();
        for claim in self.claims {
            match claim.check(measured) {
                Some(check) => checks.push(check),
                None => return Verdict::Waiting,
            }
        }
        if checks.iter().all(|c| c.holds) {
            Verdict::Holds(checks)
        } else {
            Verdict::DoesNotHold(checks)
        }
    }
}
