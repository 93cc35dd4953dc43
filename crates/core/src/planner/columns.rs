//! The names a statement uses, read once per plan: the columns the query
//! needs (covering reads), and unknown columns caught at plan time. GlueSQL's
//! executor only notices an unknown identifier when it evaluates a row, so a
//! query that matches no rows would silently return nothing; the check names
//! the column instead.
use std::collections::{BTreeSet, HashMap};

use gluesql_core::data::Schema;
use gluesql_core::error::Result;
use gluesql_core::executor::EvaluateError;
use gluesql_core::plan::StatementPlan;
use serde_json::Value as Json;

/// What a statement names: tables, column references, output labels.
#[derive(Default)]
pub(crate) struct Names {
    tables: BTreeSet<String>,
    /// (table alias for `alias.column`, column).
    references: BTreeSet<(Option<String>, String)>,
    labels: BTreeSet<String>,
    /// A derived table, series, dictionary or VALUES source: its columns are
    /// not in any schema, so the check steps aside.
    opaque_source: bool,
    /// `*` or `alias.*`: the statement reads whole rows.
    wildcard: bool,
    /// Only SELECT, UPDATE and DELETE are checked.
    checked: bool,
}

impl Names {
    pub(crate) fn of(statement: &StatementPlan) -> Self {
        let mut names = Names::default();
        match statement {
            StatementPlan::Query(_) => names.checked = true,
            StatementPlan::Update { table_name, .. } | StatementPlan::Delete { table_name, .. } => {
                names.checked = true;
                names.tables.insert(table_name.clone());
            }
            _ => {}
        }
        match serde_json::to_value(statement) {
            Ok(json) => names.walk(&json),
            // Unreadable: check nothing and assume whole rows are read.
            Err(_) => (names.checked, names.wildcard) = (false, true),
        }
        names
    }

    /// Every column name the statement mentions; `None` if it reads whole rows.
    pub(crate) fn needed(&self) -> Option<BTreeSet<String>> {
        (!self.wildcard).then(|| self.references.iter().map(|(_, c)| c.clone()).collect())
    }

    fn walk(&mut self, json: &Json) {
        match json {
            Json::String(s) if s == "Wildcard" => self.wildcard = true,
            Json::Array(items) => items.iter().for_each(|item| self.walk(item)),
            Json::Object(map) => {
                // `COUNT(DISTINCT *)` compares whole rows.
                let count_star = map.get("func").and_then(|f| f.get("Count"))
                    == Some(&Json::String("Wildcard".to_owned()));
                if count_star && map.get("distinct") == Some(&Json::Bool(true)) {
                    self.wildcard = true;
                }
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("Identifier", Json::String(name)) => {
                            self.references.insert((None, name.clone()));
                        }
                        ("CompoundIdentifier", _) => {
                            let part = |k| value.get(k).and_then(Json::as_str).map(str::to_owned);
                            if let (Some(alias), Some(name)) = (part("alias"), part("ident")) {
                                self.references.insert((Some(alias), name));
                            }
                        }
                        // `FROM t AS x(a, b)` renames the columns.
                        ("alias", Json::Object(alias)) => {
                            if let Some(Json::Array(columns)) = alias.get("columns") {
                                let renamed = columns.iter().filter_map(Json::as_str);
                                self.labels.extend(renamed.map(str::to_owned));
                            }
                        }
                        ("label", Json::String(label)) => {
                            // `SELECT nope` labels itself "nope"; only a
                            // renaming label introduces a new name.
                            let expr = map.get("expr");
                            let names_itself = expr.and_then(|e| e.get("Identifier"))
                                == Some(value)
                                || expr
                                    .and_then(|e| e.get("CompoundIdentifier"))
                                    .and_then(|c| c.get("ident"))
                                    == Some(value);
                            if !names_itself {
                                self.labels.insert(label.clone());
                            }
                        }
                        ("Table", _) => {
                            if let Some(name) = value.get("name").and_then(Json::as_str) {
                                self.tables.insert(name.to_owned());
                            }
                            self.walk(value);
                        }
                        // `COUNT(*)` counts rows; it reads no column.
                        ("Count", Json::String(arg)) if arg == "Wildcard" => {}
                        ("Wildcard" | "QualifiedWildcard", _) => self.wildcard = true,
                        ("Derived" | "Series" | "Dictionary" | "Values", _) => {
                            self.opaque_source = true;
                            self.walk(value);
                        }
                        _ => self.walk(value),
                    }
                }
            }
            _ => {}
        }
    }

    /// Fails as GlueSQL's evaluation would (identifier not found) when a
    /// SELECT, UPDATE or DELETE refers to a column that none of its tables
    /// has and no output label self.
    pub(crate) fn check(&self, schema_map: &HashMap<String, Schema>) -> Result<()> {
        if !self.checked || self.opaque_source || self.tables.is_empty() {
            return Ok(());
        }
        let mut columns = BTreeSet::new();
        for table in &self.tables {
            // A missing or schemaless table is GlueSQL's to report.
            let Some(defs) = schema_map.get(table).and_then(|s| s.column_defs.as_ref()) else {
                return Ok(());
            };
            columns.extend(defs.iter().map(|d| d.name.clone()));
        }
        let unknown = self
            .references
            .iter()
            .find(|(_, name)| !columns.contains(name) && !self.labels.contains(name));
        match unknown.cloned() {
            Some((None, name)) => Err(EvaluateError::IdentifierNotFound(name).into()),
            Some((Some(table_alias), column_name)) => {
                Err(EvaluateError::CompoundIdentifierNotFound {
                    table_alias,
                    column_name,
                }
                .into())
            }
            None => Ok(()),
        }
    }
}
