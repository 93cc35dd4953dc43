//! The three Upstream tables as the Django app defines them (see
//! `upstream-schema.md`): columns, types and value sets.

pub const REPORT_RUN: &str = "upstream_reportrun";
pub const AUDIT_EVENT: &str = "upstream_domainauditevent";
pub const PRODUCT_CONFIG: &str = "upstream_productconfig";

pub const RUN_TYPES: [&str; 3] = ["weekly", "monthly", "custom"];
pub const STATUSES: [&str; 3] = ["running", "success", "failed"];
pub const PRODUCT_SLUGS: [&str; 5] = [
    "upstream-core",
    "denialscope",
    "contractiq",
    "opsvariance",
    "authsignal",
];
pub const ACTIONS: [&str; 22] = [
    "upload_created",
    "report_exported",
    "alert_rule_created",
    "alert_rule_updated",
    "alert_rule_deleted",
    "alert_event_created",
    "alert_event_sent",
    "alert_event_failed",
    "webhook_delivery_attempted",
    "webhook_delivery_sent",
    "webhook_delivery_failed",
    "webhook_endpoint_created",
    "webhook_endpoint_updated",
    "webhook_endpoint_deleted",
    "drift_event_created",
    "report_run_started",
    "report_run_completed",
    "member_added",
    "member_removed",
    "role_changed",
    "alert_routing_updated",
    "slack_webhook_updated",
];

/// The entity an audit action is about.
pub fn entity_type(action: &str) -> &'static str {
    match action {
        "upload_created" => "upload",
        "report_exported" | "report_run_started" | "report_run_completed" => "report_run",
        a if a.starts_with("alert_rule") || a == "alert_routing_updated" => "alert_rule",
        a if a.starts_with("alert_event") => "alert_event",
        a if a.starts_with("webhook_delivery") => "webhook_delivery",
        a if a.starts_with("webhook_endpoint") || a == "slack_webhook_updated" => {
            "webhook_endpoint"
        }
        "drift_event_created" => "drift_event",
        _ => "membership",
    }
}

/// GlueSQL DDL for the three tables. JSON columns are TEXT holding JSON.
pub fn create_table_sql() -> [&'static str; 3] {
    [
        "CREATE TABLE upstream_reportrun (
            id INT PRIMARY KEY, customer_id INT NOT NULL, run_type TEXT NOT NULL,
            started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP NULL, status TEXT NOT NULL,
            summary_json TEXT NULL)",
        "CREATE TABLE upstream_domainauditevent (
            id INT PRIMARY KEY, customer_id INT NULL, action TEXT NOT NULL, entity_type TEXT NOT NULL,
            entity_id TEXT NULL, timestamp TIMESTAMP NOT NULL, request_id TEXT NULL,
            metadata TEXT NOT NULL, user_id INT NULL)",
        "CREATE TABLE upstream_productconfig (
            id INT PRIMARY KEY, customer_id INT NOT NULL, product_slug TEXT NOT NULL,
            enabled BOOLEAN NOT NULL, config_json TEXT NOT NULL, created_at TIMESTAMP NOT NULL,
            updated_at TIMESTAMP NOT NULL, created_by_id INT NULL, updated_by_id INT NULL)",
    ]
}
