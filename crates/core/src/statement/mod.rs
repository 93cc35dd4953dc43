//! What the user typed, read once with sqlparser (GlueSQL's own parser and
//! dialect): one [`Statement`] per `;`-separated statement, each classified
//! from its syntax tree, never from its first word. The engine runs them in
//! order; the worker and the CLI ask [`Script::kind`] whether the input may
//! be repeated.
mod comma_join;
mod index_ddl;
pub mod limits;

use gluesql_core::sqlparser::ast::Statement as SqlStatement;
use gluesql_core::sqlparser::dialect::PostgreSqlDialect;
use gluesql_core::sqlparser::parser::Parser;
use serde::{Deserialize, Serialize};

use crate::catalog::IndexDef;

/// A statement that may run many times for timing, or one that must run once.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    Read,
    Write,
    /// Empty, or text that does not parse: the engine reports it.
    Unknown,
}

impl StatementKind {
    /// The kind of a whole input: a write anywhere makes it a write.
    pub fn of(sql: &str) -> Self {
        Script::parse(sql).map_or(Self::Unknown, |script| script.kind())
    }
}

/// CREATE INDEX and DROP INDEX, which seekscan runs itself: GlueSQL's
/// translator has no composite or INCLUDE indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexStatement {
    Create(IndexDef),
    Drop(String),
}

/// What one statement asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A query: SELECT, VALUES, WITH, a parenthesised query.
    Query(SqlStatement),
    /// INSERT, UPDATE, DELETE, CREATE TABLE and every other statement GlueSQL runs.
    /// (Queries and writes hold the tree GlueSQL translates: comma joins
    /// already rewritten as JOINs, see `comma_join`.)
    Write(SqlStatement),
    Index(IndexStatement),
    /// `EXPLAIN` plans without running; `EXPLAIN ANALYZE` runs.
    Explain {
        analyze: bool,
        inner: Box<Statement>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub action: Action,
    /// The statement as sqlparser prints it back, for messages.
    pub text: String,
}

impl Statement {
    fn read(mut parsed: SqlStatement) -> Result<Self, String> {
        let text = parsed.to_string();
        // What the user wrote stays the text; GlueSQL gets the joins it reads.
        comma_join::rewrite(&mut parsed);
        let action = match parsed {
            SqlStatement::Query(_) => Action::Query(parsed),
            SqlStatement::Explain {
                analyze, statement, ..
            } => {
                let inner = Statement::read(*statement)?;
                if matches!(inner.action, Action::Explain { .. } | Action::Index(_)) {
                    return Err(
                        "EXPLAIN takes a query or a write, not EXPLAIN or an index statement"
                            .to_owned(),
                    );
                }
                Action::Explain {
                    analyze,
                    inner: Box::new(inner),
                }
            }
            other => match index_ddl::read(&other)? {
                Some(index) => Action::Index(index),
                None => Action::Write(other),
            },
        };
        Ok(Self { action, text })
    }

    pub fn kind(&self) -> StatementKind {
        match &self.action {
            Action::Query(_) => StatementKind::Read,
            Action::Explain { analyze: false, .. } => StatementKind::Read,
            Action::Explain { inner, .. } => inner.kind(),
            Action::Write(_) | Action::Index(_) => StatementKind::Write,
        }
    }
}

/// Every statement of one input, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub statements: Vec<Statement>,
}

impl Script {
    /// Parses `sql` after checking it against the [`limits`]; a syntax error
    /// reads "SQL syntax error: …" with sqlparser's line and column.
    pub fn parse(sql: &str) -> Result<Self, String> {
        let tokens = limits::check_text(sql)?;
        let parsed = Parser::new(&PostgreSqlDialect {})
            .with_tokens_with_locations(tokens)
            .parse_statements()
            .map_err(|e| format!("SQL syntax error: {}", syntax_message(&e.to_string())))?;
        if parsed.is_empty() {
            return Err("no statement to run".to_owned());
        }
        let statements = parsed
            .into_iter()
            .map(Statement::read)
            .collect::<Result<_, _>>()?;
        Ok(Self { statements })
    }

    pub fn kind(&self) -> StatementKind {
        if self
            .statements
            .iter()
            .any(|s| s.kind() == StatementKind::Write)
        {
            StatementKind::Write
        } else {
            StatementKind::Read
        }
    }

    /// Whether any statement creates or drops an index.
    pub fn changes_indexes(&self) -> bool {
        self.statements
            .iter()
            .any(|s| matches!(s.action, Action::Index(_)))
    }
}

/// sqlparser's message without its "sql parser error: " prefix.
fn syntax_message(message: &str) -> &str {
    message
        .strip_prefix("sql parser error: ")
        .unwrap_or(message)
}

/// The definition a `CREATE INDEX …` statement gives (exactly one statement).
pub fn index_definition(sql: &str) -> Result<IndexDef, String> {
    let script = Script::parse(sql)?;
    match script.statements.as_slice() {
        [statement] => match &statement.action {
            Action::Index(IndexStatement::Create(def)) => Ok(def.clone()),
            _ => Err("it is not a CREATE INDEX statement".to_owned()),
        },
        _ => Err("it must be one CREATE INDEX statement".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_writes_and_the_rest() {
        for sql in [
            "SELECT 1",
            " with x as (select 1) select * from x",
            "EXPLAIN INSERT INTO t VALUES (1)",
            "EXPLAIN ANALYZE SELECT 1",
            "(SELECT 1)",
            "SELECT 1; SELECT 2",
            "-- a note\nSELECT 1",
        ] {
            assert_eq!(StatementKind::of(sql), StatementKind::Read, "{sql}");
        }
        for sql in [
            "INSERT INTO t VALUES (1)",
            "EXPLAIN ANALYZE DELETE FROM t",
            "CREATE INDEX i ON t (a)",
            "drop index i",
            "SELECT 1; UPDATE upstream_reportrun SET customer_id = customer_id + 1",
            "-- note\nUPDATE t SET a = 1",
            "/* block */ DELETE FROM t",
            "CREATE INDEX i ON t (a); SELECT 1",
        ] {
            assert_eq!(StatementKind::of(sql), StatementKind::Write, "{sql}");
        }
        for sql in ["", "   ", "SELEC nonsense", "-- only a comment"] {
            assert_eq!(StatementKind::of(sql), StatementKind::Unknown, "{sql}");
        }
    }

    #[test]
    fn statements_keep_their_order_and_text() {
        let script = Script::parse("DROP INDEX a; SELECT 1").unwrap();
        assert_eq!(script.statements.len(), 2);
        assert_eq!(
            script.statements[0].action,
            Action::Index(IndexStatement::Drop("a".into()))
        );
        assert_eq!(script.statements[1].text, "SELECT 1");
        assert!(script.changes_indexes());
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let error = Script::parse("SELECT FROM WHERE").unwrap_err();
        assert_eq!(
            error,
            "SQL syntax error: Expected an expression, found: FROM at Line: 1, Column: 13"
        );
        let error = Script::parse("EXPLAIN EXPLAIN SELECT 1").unwrap_err();
        assert!(error.contains("Explain"), "{error}");
    }
}
