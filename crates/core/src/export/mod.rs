//! A measured plan as text other tools read: a Markdown block for a code
//! review ([`markdown`]), PostgreSQL's `EXPLAIN (ANALYZE, FORMAT JSON)` for
//! plan viewers such as PEV2 ([`pg_json`]), and SQLite's `EXPLAIN QUERY
//! PLAN` ([`sqlite_eqp`]). Every format is written from the plan's typed
//! facts (`NodeKind`, `AccessPath`, `SeekTerm`), never from its labels.
pub mod markdown;
pub mod pg_json;
pub mod sqlite_eqp;

use serde::{Deserialize, Serialize};

use crate::explain::{NodeKind, PlanNode};

/// The ways the page and the CLI show one plan.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanFormat {
    /// seekscan's own indented tree.
    Tree,
    /// PostgreSQL's `EXPLAIN (ANALYZE, FORMAT JSON)`.
    PgJson,
    /// SQLite's `EXPLAIN QUERY PLAN`, as the sqlite3 shell prints it.
    SqliteEqp,
}

impl PlanFormat {
    pub const ALL: [PlanFormat; 3] = [PlanFormat::Tree, PlanFormat::PgJson, PlanFormat::SqliteEqp];

    /// The name the CLI's `--format` and the page's selector use.
    pub fn id(self) -> &'static str {
        match self {
            PlanFormat::Tree => "tree",
            PlanFormat::PgJson => "pg-json",
            PlanFormat::SqliteEqp => "sqlite-eqp",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PlanFormat::Tree => "tree",
            PlanFormat::PgJson => "PostgreSQL JSON",
            PlanFormat::SqliteEqp => "SQLite",
        }
    }

    pub fn parse(id: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|f| f.id() == id)
            .ok_or_else(|| format!("unknown plan format {id:?}: use tree, pg-json or sqlite-eqp"))
    }

    /// `plan` in this format; `execution_us` is the statement's measured
    /// time (the median), for PostgreSQL's "Execution Time".
    pub fn render(self, plan: &PlanNode, execution_us: Option<f64>) -> Result<String, String> {
        match self {
            PlanFormat::Tree => Ok(plan.to_text()),
            PlanFormat::PgJson => pg_json::render(plan, execution_us),
            PlanFormat::SqliteEqp => sqlite_eqp::render(plan),
        }
    }
}

/// Plans of statements that are not queries (an index statement, a write)
/// have no node another database would print.
fn require_query(plan: &PlanNode) -> Result<(), String> {
    if plan.kind == NodeKind::Other {
        return Err(format!(
            "{:?} is not a query plan: only a query's plan can be exported",
            plan.op
        ));
    }
    Ok(())
}
