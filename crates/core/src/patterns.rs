//! The Phase 3 document's query patterns (one per index) and its three ORM
//! examples, as SQL with named parameters (`:tenant`) drawn from the data.
use std::collections::BTreeMap;

use gluesql_core::data::Value;
use serde::Serialize;

use crate::generator::Dataset;
use crate::schema;

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub id: &'static str,
    pub title: &'static str,
    /// The Phase 3 index the document says serves it.
    pub index: &'static str,
    pub orm: &'static str,
    pub sql: &'static str,
    pub params: &'static [&'static str],
    pub expected_improvement: &'static str,
}

/// Parameters that are numbers in SQL; every other one is quoted text.
const NUMERIC: [&str; 2] = ["tenant", "user_id"];

const PATTERNS: [Pattern; 12] = [
    Pattern {
        id: "report_dashboard",
        title: "Report dashboard (ORM example 1)",
        index: "reportrun_cust_status_idx",
        orm: "ReportRun.objects.filter(\n    customer=customer,\n    status='success'\n).order_by('-started_at')[:10]",
        sql: "SELECT * FROM upstream_reportrun WHERE customer_id = :tenant AND status = :status ORDER BY started_at DESC LIMIT 10",
        params: &["tenant", "status"],
        expected_improvement: "85% faster for report status filtering",
    },
    Pattern {
        id: "audit_trail",
        title: "Audit trail lookup (ORM example 2)",
        index: "audit_cust_action_idx",
        orm: "DomainAuditEvent.objects.filter(\n    customer=customer,\n    action='upload_created'\n).order_by('-timestamp')[:50]",
        sql: "SELECT * FROM upstream_domainauditevent WHERE customer_id = :tenant AND action = :action ORDER BY timestamp DESC LIMIT 50",
        params: &["tenant", "action"],
        expected_improvement: "85% faster for action-specific audit queries",
    },
    Pattern {
        id: "feature_flags",
        title: "Feature flag check (ORM example 3)",
        index: "prodcfg_cust_enabled_idx",
        orm: "ProductConfig.objects.filter(\n    customer=customer,\n    enabled=True\n).values_list('product_slug', flat=True)",
        sql: "SELECT product_slug FROM upstream_productconfig WHERE customer_id = :tenant AND enabled = TRUE",
        params: &["tenant"],
        expected_improvement: "70% faster for feature flag checks",
    },
    Pattern {
        id: "reportrun_cust_status",
        title: "Reports by customer and status",
        index: "reportrun_cust_status_idx",
        orm: "ReportRun.objects.filter(customer=customer, status=status).order_by('-started_at')",
        sql: "SELECT * FROM upstream_reportrun WHERE customer_id = :tenant AND status = :status ORDER BY started_at DESC",
        params: &["tenant", "status"],
        expected_improvement: "85% faster for report status filtering",
    },
    Pattern {
        id: "reportrun_cust_type",
        title: "Reports by customer and type",
        index: "reportrun_cust_type_idx",
        orm: "ReportRun.objects.filter(customer=customer, run_type=run_type).order_by('-started_at')",
        sql: "SELECT * FROM upstream_reportrun WHERE customer_id = :tenant AND run_type = :run_type ORDER BY started_at DESC",
        params: &["tenant", "run_type"],
        expected_improvement: "80% faster for report type filtering",
    },
    Pattern {
        id: "reportrun_status_date",
        title: "Reports by status, all customers (admin)",
        index: "reportrun_status_date_idx",
        orm: "ReportRun.objects.filter(status=status).order_by('-started_at')",
        sql: "SELECT * FROM upstream_reportrun WHERE status = :status ORDER BY started_at DESC",
        params: &["status"],
        expected_improvement: "75% faster for cross-customer status queries",
    },
    Pattern {
        id: "audit_cust_action",
        title: "Audit events by customer and action",
        index: "audit_cust_action_idx",
        orm: "DomainAuditEvent.objects.filter(customer=customer, action=action).order_by('-timestamp')",
        sql: "SELECT * FROM upstream_domainauditevent WHERE customer_id = :tenant AND action = :action ORDER BY timestamp DESC",
        params: &["tenant", "action"],
        expected_improvement: "85% faster for action-specific audit queries",
    },
    Pattern {
        id: "audit_entity",
        title: "Audit trail of one entity",
        index: "audit_entity_idx",
        orm: "DomainAuditEvent.objects.filter(entity_type=entity_type, entity_id=entity_id).order_by('-timestamp')",
        sql: "SELECT * FROM upstream_domainauditevent WHERE entity_type = :entity_type AND entity_id = :entity_id ORDER BY timestamp DESC",
        params: &["entity_type", "entity_id"],
        expected_improvement: "80% faster for entity history queries",
    },
    Pattern {
        id: "audit_user_date",
        title: "Audit events of one user",
        index: "audit_user_date_idx",
        orm: "DomainAuditEvent.objects.filter(user_id=user_id).order_by('-timestamp')",
        sql: "SELECT * FROM upstream_domainauditevent WHERE user_id = :user_id ORDER BY timestamp DESC",
        params: &["user_id"],
        expected_improvement: "75% faster for user activity reports",
    },
    Pattern {
        id: "audit_action_date",
        title: "Audit events by action, all customers (admin)",
        index: "audit_action_date_idx",
        orm: "DomainAuditEvent.objects.filter(action=action).order_by('-timestamp')",
        sql: "SELECT * FROM upstream_domainauditevent WHERE action = :action ORDER BY timestamp DESC",
        params: &["action"],
        expected_improvement: "70% faster for system-wide action queries",
    },
    Pattern {
        id: "prodcfg_cust_enabled",
        title: "Enabled products of a customer",
        index: "prodcfg_cust_enabled_idx",
        orm: "ProductConfig.objects.filter(customer=customer, enabled=True)",
        sql: "SELECT * FROM upstream_productconfig WHERE customer_id = :tenant AND enabled = TRUE",
        params: &["tenant"],
        expected_improvement: "70% faster for feature flag checks",
    },
    Pattern {
        id: "prodcfg_slug_enabled",
        title: "Customers with a product enabled",
        index: "prodcfg_slug_enabled_idx",
        orm: "ProductConfig.objects.filter(product_slug=product_slug, enabled=True)",
        sql: "SELECT * FROM upstream_productconfig WHERE product_slug = :product_slug AND enabled = TRUE",
        params: &["product_slug"],
        expected_improvement: "65% faster for product-wide feature queries",
    },
];

pub fn all() -> &'static [Pattern] {
    &PATTERNS
}

pub fn find(id: &str) -> Option<&'static Pattern> {
    PATTERNS.iter().find(|p| p.id == id)
}

/// A parameter as an SQL literal: numbers as they are (anything else is
/// quoted, so bad input is a type error, never injected SQL).
fn literal(name: &str, value: &str) -> String {
    if NUMERIC.contains(&name) && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        value.to_owned()
    } else {
        format!("'{}'", value.replace('\'', "''"))
    }
}

impl Pattern {
    /// The SQL with every `:name` replaced by its value as a literal, in
    /// one pass over the template: a value is never read again, so one that
    /// holds `:tenant` or a quote stays inside its literal. A missing
    /// parameter renders as NULL.
    pub fn render(&self, params: &BTreeMap<String, String>) -> String {
        let mut sql = String::with_capacity(self.sql.len() + 32);
        let mut rest = self.sql;
        while let Some(at) = rest.find(':') {
            sql.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            // The longest parameter name that starts here (`:tenant` must
            // not stop a longer name short).
            let name = self
                .params
                .iter()
                .filter(|name| after.starts_with(**name))
                .max_by_key(|name| name.len());
            match name {
                Some(name) => {
                    let value = params
                        .get(*name)
                        .map_or_else(|| "NULL".to_owned(), |v| literal(name, v));
                    sql.push_str(&value);
                    rest = &after[name.len()..];
                }
                None => {
                    sql.push(':');
                    rest = after;
                }
            }
        }
        sql.push_str(rest);
        sql
    }
}

/// Parameters drawn from the data: the large or the small tenant, and an
/// entity, user and product that exist for that tenant.
pub fn params_for(dataset: &Dataset, large: bool) -> BTreeMap<String, String> {
    let tenant = if large {
        dataset.tenants.large
    } else {
        dataset.tenants.small
    };
    let mut params = BTreeMap::from([
        ("tenant".to_owned(), tenant.to_string()),
        ("status".to_owned(), "success".to_owned()),
        ("run_type".to_owned(), "weekly".to_owned()),
        ("action".to_owned(), "upload_created".to_owned()),
    ]);
    let text = |v: &Value| match v {
        Value::Str(s) => Some(s.clone()),
        Value::I64(n) => Some(n.to_string()),
        _ => None,
    };
    let events = dataset
        .table(schema::AUDIT_EVENT)
        .map(|t| &t.rows[..])
        .unwrap_or(&[]);
    // The tenant's newest event with an entity: its entity and its user.
    if let Some(event) = events
        .iter()
        .rev()
        .find(|e| e[1] == Value::I64(tenant) && e[4] != Value::Null && e[8] != Value::Null)
    {
        params.insert(
            "entity_type".to_owned(),
            text(&event[3]).unwrap_or_default(),
        );
        params.insert("entity_id".to_owned(), text(&event[4]).unwrap_or_default());
        params.insert("user_id".to_owned(), text(&event[8]).unwrap_or_default());
    }
    let configs = dataset
        .table(schema::PRODUCT_CONFIG)
        .map(|t| &t.rows[..])
        .unwrap_or(&[]);
    if let Some(config) = configs.iter().find(|c| c[1] == Value::I64(tenant)) {
        params.insert(
            "product_slug".to_owned(),
            text(&config[2]).unwrap_or_default(),
        );
    }
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_quotes_text_and_keeps_numbers() {
        let p = find("report_dashboard").unwrap();
        let params = BTreeMap::from([
            ("tenant".to_owned(), "12".to_owned()),
            ("status".to_owned(), "it's".to_owned()),
        ]);
        assert_eq!(
            p.render(&params),
            "SELECT * FROM upstream_reportrun WHERE customer_id = 12 AND status = 'it''s' ORDER BY started_at DESC LIMIT 10"
        );
        let injected = BTreeMap::from([("tenant".to_owned(), "1 OR 1=1".to_owned())]);
        assert!(p.render(&injected).contains("customer_id = '1 OR 1=1'"));
        // A value holding another placeholder stays inside its quotes.
        let nested = BTreeMap::from([
            ("tenant".to_owned(), "7".to_owned()),
            ("status".to_owned(), ":tenant' OR '1'='1".to_owned()),
        ]);
        assert_eq!(
            p.render(&nested),
            "SELECT * FROM upstream_reportrun WHERE customer_id = 7 AND status = ':tenant'' OR ''1''=''1' ORDER BY started_at DESC LIMIT 10"
        );
    }

    #[test]
    fn every_pattern_names_its_parameters_and_a_phase3_index() {
        assert_eq!(all().len(), 12);
        for p in all() {
            for name in p.params {
                assert!(p.sql.contains(&format!(":{name}")), "{} uses :{name}", p.id);
            }
            assert!(p.index.ends_with("_idx"));
            assert!(p.expected_improvement.contains('%'));
        }
    }
}
