//! Index definitions as data: the Phase 3 document's nine indexes, its Phase 4
//! covering-index proposal, and the indexes a user defines with
//! `CREATE INDEX name ON table (col [ASC|DESC], …) [INCLUDE (col, …)]`
//! (read by `statement::index_ddl`).
use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Phase3,
    Phase4Proposal,
    User,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct IndexKey {
    pub column: String,
    pub desc: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct IndexDef {
    pub name: String,
    pub table: String,
    pub keys: Vec<IndexKey>,
    pub include: Vec<String>,
    pub origin: Origin,
    pub use_case: Option<String>,
    pub query_pattern: Option<String>,
    pub expected_improvement: Option<String>,
}

impl IndexDef {
    /// The key columns as SQL writes them: `customer_id`, `started_at DESC`.
    pub fn key_list(&self) -> Vec<String> {
        self.keys
            .iter()
            .map(|k| format!("{}{}", k.column, if k.desc { " DESC" } else { "" }))
            .collect()
    }

    /// The statement that defines this index, as `CREATE INDEX` here takes it.
    pub fn create_sql(&self) -> String {
        let mut sql = format!(
            "CREATE INDEX {} ON {} ({})",
            self.name,
            self.table,
            self.key_list().join(", ")
        );
        if !self.include.is_empty() {
            sql.push_str(&format!(" INCLUDE ({})", self.include.join(", ")));
        }
        sql
    }
}

/// (name, table, keys with a leading '-' for DESC, use case, pattern, expected)
type Documented = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
);

const PHASE3: [Documented; 9] = [
    (
        "reportrun_cust_status_idx",
        "upstream_reportrun",
        &["customer_id", "status", "-started_at"],
        "Report dashboard filtering by customer and status",
        "WHERE customer_id = ? AND status = ? ORDER BY started_at DESC",
        "85% faster for report status filtering",
    ),
    (
        "reportrun_cust_type_idx",
        "upstream_reportrun",
        &["customer_id", "run_type", "-started_at"],
        "Report filtering by customer and report type",
        "WHERE customer_id = ? AND run_type = ? ORDER BY started_at DESC",
        "80% faster for report type filtering",
    ),
    (
        "reportrun_status_date_idx",
        "upstream_reportrun",
        &["status", "-started_at"],
        "Global report status queries (admin views)",
        "WHERE status = ? ORDER BY started_at DESC",
        "75% faster for cross-customer status queries",
    ),
    (
        "audit_cust_action_idx",
        "upstream_domainauditevent",
        &["customer_id", "action", "-timestamp"],
        "Audit log filtering by customer and action type",
        "WHERE customer_id = ? AND action = ? ORDER BY timestamp DESC",
        "85% faster for action-specific audit queries",
    ),
    (
        "audit_entity_idx",
        "upstream_domainauditevent",
        &["entity_type", "entity_id", "-timestamp"],
        "Entity-specific audit trail lookup",
        "WHERE entity_type = ? AND entity_id = ? ORDER BY timestamp DESC",
        "80% faster for entity history queries",
    ),
    (
        "audit_user_date_idx",
        "upstream_domainauditevent",
        &["user_id", "-timestamp"],
        "User activity audit queries",
        "WHERE user_id = ? ORDER BY timestamp DESC",
        "75% faster for user activity reports",
    ),
    (
        "audit_action_date_idx",
        "upstream_domainauditevent",
        &["action", "-timestamp"],
        "Global action type queries (admin dashboards)",
        "WHERE action = ? ORDER BY timestamp DESC",
        "70% faster for system-wide action queries",
    ),
    (
        "prodcfg_cust_enabled_idx",
        "upstream_productconfig",
        &["customer_id", "enabled"],
        "Product feature flag lookups by customer",
        "WHERE customer_id = ? AND enabled = TRUE",
        "70% faster for feature flag checks",
    ),
    (
        "prodcfg_slug_enabled_idx",
        "upstream_productconfig",
        &["product_slug", "enabled"],
        "Product-specific feature checks across customers",
        "WHERE product_slug = ? AND enabled = TRUE",
        "65% faster for product-wide feature queries",
    ),
];

fn keys(spec: &[&str]) -> Vec<IndexKey> {
    spec.iter()
        .map(|k| match k.strip_prefix('-') {
            Some(column) => IndexKey {
                column: column.to_owned(),
                desc: true,
            },
            None => IndexKey {
                column: (*k).to_owned(),
                desc: false,
            },
        })
        .collect()
}

/// The nine Phase 3 indexes and the Phase 4 covering-index proposal.
pub fn builtin_indexes() -> Vec<IndexDef> {
    let mut indexes: Vec<IndexDef> = PHASE3
        .iter()
        .map(
            |(name, table, spec, use_case, pattern, expected)| IndexDef {
                name: (*name).to_owned(),
                table: (*table).to_owned(),
                keys: keys(spec),
                include: Vec::new(),
                origin: Origin::Phase3,
                use_case: Some((*use_case).to_owned()),
                query_pattern: Some((*pattern).to_owned()),
                expected_improvement: Some((*expected).to_owned()),
            },
        )
        .collect();
    indexes.push(IndexDef {
        name: "reportrun_covering_idx".to_owned(),
        table: "upstream_reportrun".to_owned(),
        keys: keys(&["customer_id", "status", "-started_at"]),
        include: vec!["run_type".to_owned(), "summary_json".to_owned()],
        origin: Origin::Phase4Proposal,
        use_case: Some("Report list without table lookups for SELECT columns (deferred to Phase 4: measure first)".to_owned()),
        query_pattern: Some("WHERE customer_id = ? AND status = ? ORDER BY started_at DESC".to_owned()),
        expected_improvement: None,
    });
    indexes
}

/// The indexes a query may use. Every index is built once; visibility is
/// decided per query, so two configurations compare on the same data.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexSet {
    names: BTreeSet<String>,
}

impl IndexSet {
    pub fn none() -> Self {
        Self::default()
    }

    pub fn of<I: IntoIterator<Item = S>, S: Into<String>>(names: I) -> Self {
        Self {
            names: names.into_iter().map(Into::into).collect(),
        }
    }

    /// The nine Phase 3 indexes.
    pub fn phase3() -> Self {
        Self::of(
            builtin_indexes()
                .into_iter()
                .filter(|d| d.origin == Origin::Phase3)
                .map(|d| d.name),
        )
    }

    /// Phase 3 and the Phase 4 covering-index proposal.
    pub fn all() -> Self {
        Self::of(builtin_indexes().into_iter().map(|d| d.name))
    }

    /// `none`, `phase3`, `all` (Phase 3 + covering) or `a,b,c`, checked
    /// against the built-in indexes.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let known: Vec<String> = builtin_indexes().into_iter().map(|d| d.name).collect();
        Self::parse_among(spec, &known)
    }

    /// Like `parse`, with names checked against `known` (built-in and user
    /// indexes of one engine).
    pub fn parse_among(spec: &str, known: &[String]) -> Result<Self, String> {
        match spec.trim() {
            "none" | "" => Ok(Self::none()),
            "phase3" => Ok(Self::phase3()),
            "all" => Ok(Self::all()),
            list => {
                let mut names = BTreeSet::new();
                for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                    if !known.iter().any(|k| k == name) {
                        return Err(format!("unknown index {name}"));
                    }
                    names.insert(name.to_owned());
                }
                Ok(Self { names })
            }
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_the_documents_nine_and_the_proposal() {
        let all = builtin_indexes();
        assert_eq!(all.iter().filter(|i| i.origin == Origin::Phase3).count(), 9);
        let covering = all
            .iter()
            .find(|i| i.origin == Origin::Phase4Proposal)
            .unwrap();
        assert_eq!(covering.include, ["run_type", "summary_json"]);
        assert!(covering.keys[2].desc && !covering.keys[0].desc);
    }

    #[test]
    fn index_sets_parse_and_reject_unknown_names() {
        assert_eq!(IndexSet::parse("none").unwrap(), IndexSet::none());
        assert_eq!(IndexSet::parse("phase3").unwrap().names().count(), 9);
        let all = IndexSet::parse("all").unwrap();
        assert_eq!(all.names().count(), 10);
        assert!(all.contains("reportrun_covering_idx"));
        assert!(!IndexSet::phase3().contains("reportrun_covering_idx"));
        let two = IndexSet::parse("audit_entity_idx, audit_user_date_idx").unwrap();
        assert_eq!(
            two.names().collect::<Vec<_>>(),
            ["audit_entity_idx", "audit_user_date_idx"]
        );
        let error = IndexSet::parse("audit_entity_idx,nope").unwrap_err();
        assert!(error.contains("unknown index nope"), "{error}");
    }
}
