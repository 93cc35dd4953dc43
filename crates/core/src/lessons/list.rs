//! The lessons. Parameters come from the data (the large tenant, one of
//! its entities and users), so each lesson means the same at every scale.
use super::{Claim, Lesson};
use crate::protocol::Slot::{A, B};

pub const LESSONS: &[Lesson] = &[
    Lesson {
        id: "seek_vs_scan",
        title: "A seek versus a full scan",
        text: &[
            "Without an index, A must read every audit event to find one entity's history.",
            "B seeks audit_entity_idx: it jumps to the entries for this entity_type and entity_id and reads only those.",
            "So B examines a small fraction of the rows A examines, and the gap grows with the table.",
        ],
        a: &[],
        b: &["audit_entity_idx"],
        user_indexes: &[],
        sql: "SELECT * FROM upstream_domainauditevent WHERE entity_type = :entity_type AND entity_id = :entity_id ORDER BY timestamp DESC",
        params: &["entity_type", "entity_id"],
        claims: &[
            Claim::FullScan { slot: A },
            Claim::UsesIndex { slot: B, index: "audit_entity_idx" },
            Claim::Seeks { slot: B },
            Claim::ExaminesAtMostPercentOf { slot: B, other: A, percent: 10 },
        ],
    },
    Lesson {
        id: "column_order",
        title: "Column order: equality columns first, then the ORDER BY column",
        text: &[
            "A's index holds the same three columns as B's, but starts with started_at, which the query only sorts by; with no condition on its first column, A cannot seek it.",
            "B's reportrun_cust_status_idx puts the equality columns customer_id and status first and started_at DESC last, so B seeks straight to this tenant's runs with that status, already in order.",
            "B examines a fraction of the rows A examines and needs no sort.",
        ],
        a: &["reportrun_started_cust_status_idx"],
        b: &["reportrun_cust_status_idx"],
        user_indexes: &["CREATE INDEX reportrun_started_cust_status_idx ON upstream_reportrun (started_at, customer_id, status)"],
        sql: "SELECT * FROM upstream_reportrun WHERE customer_id = :tenant AND status = :status ORDER BY started_at DESC LIMIT 10",
        params: &["tenant", "status"],
        claims: &[
            Claim::NoSeek { slot: A },
            Claim::UsesIndex { slot: B, index: "reportrun_cust_status_idx" },
            Claim::Seeks { slot: B },
            Claim::NoSort { slot: B },
            Claim::ExaminesAtMostPercentOf { slot: B, other: A, percent: 50 },
        ],
    },
    Lesson {
        id: "order_by_index",
        title: "ORDER BY served by the index",
        text: &[
            "Both configurations seek the tenant's runs with this status, but A's index (customer_id, status) has no started_at, so A must find every match and sort it before the LIMIT.",
            "B's index ends with started_at DESC: its entries are already in the ORDER BY order, so the sort is gone and the LIMIT stops the read after 10 rows.",
        ],
        a: &["reportrun_cust_status_only_idx"],
        b: &["reportrun_cust_status_idx"],
        user_indexes: &["CREATE INDEX reportrun_cust_status_only_idx ON upstream_reportrun (customer_id, status)"],
        sql: "SELECT * FROM upstream_reportrun WHERE customer_id = :tenant AND status = :status ORDER BY started_at DESC LIMIT 10",
        params: &["tenant", "status"],
        claims: &[
            Claim::UsesIndex { slot: A, index: "reportrun_cust_status_only_idx" },
            Claim::Sorts { slot: A },
            Claim::UsesIndex { slot: B, index: "reportrun_cust_status_idx" },
            Claim::NoSort { slot: B },
            Claim::StopsEarly { slot: B },
            Claim::ExaminesAtMostPercentOf { slot: B, other: A, percent: 50 },
        ],
    },
    Lesson {
        id: "index_does_not_help",
        title: "When an index does not help",
        text: &[
            "Most report runs succeed, so this condition matches most of the table.",
            "B may use reportrun_status_date_idx, but reading an index entry and then looking up its row costs more than reading the row directly, so the planner chooses a full scan in B as in A.",
        ],
        a: &[],
        b: &["reportrun_status_date_idx"],
        user_indexes: &[],
        sql: "SELECT * FROM upstream_reportrun WHERE status = 'success'",
        params: &[],
        claims: &[
            Claim::ReturnsAtLeastPercentOfTable { slot: B, table: "upstream_reportrun", percent: 50 },
            Claim::FullScan { slot: A },
            Claim::FullScan { slot: B },
            Claim::SamePlan,
        ],
    },
    Lesson {
        id: "covering_index",
        title: "A covering index",
        text: &[
            "A seeks reportrun_cust_status_idx, then looks up each matching row in the table for run_type and summary_json.",
            "B's reportrun_covering_idx carries run_type and summary_json in its entries (INCLUDE), so B answers from the index alone, with no table lookups.",
            "The price is size: every entry of the covering index holds those columns too.",
        ],
        a: &["reportrun_cust_status_idx"],
        b: &["reportrun_covering_idx"],
        user_indexes: &[],
        sql: "SELECT id, started_at, run_type, summary_json FROM upstream_reportrun WHERE customer_id = :tenant AND status = :status ORDER BY started_at DESC LIMIT 10",
        params: &["tenant", "status"],
        claims: &[
            Claim::UsesIndex { slot: A, index: "reportrun_cust_status_idx" },
            Claim::TableLookups { slot: A },
            Claim::UsesIndex { slot: B, index: "reportrun_covering_idx" },
            Claim::NoTableLookups { slot: B },
            Claim::LargerEntries { index: "reportrun_covering_idx", than: "reportrun_cust_status_idx" },
        ],
    },
    Lesson {
        id: "unused_index",
        title: "An unused index still costs on writes",
        text: &[
            "B has audit_action_date_idx as well as audit_user_date_idx, but this query filters by user, so the planner reads audit_user_date_idx in both and the plans are the same.",
            "The extra index is not free: it holds one entry for every audit event, so every INSERT and DELETE on the table writes it too, and it takes memory.",
        ],
        a: &["audit_user_date_idx"],
        b: &["audit_user_date_idx", "audit_action_date_idx"],
        user_indexes: &[],
        sql: "SELECT * FROM upstream_domainauditevent WHERE user_id = :user_id ORDER BY timestamp DESC LIMIT 20",
        params: &["user_id"],
        claims: &[
            Claim::UsesIndex { slot: A, index: "audit_user_date_idx" },
            Claim::UsesIndex { slot: B, index: "audit_user_date_idx" },
            Claim::SamePlan,
            Claim::EntryPerRow { index: "audit_action_date_idx" },
        ],
    },
];
