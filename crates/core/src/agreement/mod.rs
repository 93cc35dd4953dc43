//! What PostgreSQL 15 and SQLite choose for every documented pattern, next
//! to seekscan's choice: facts measured by the PostgreSQL agreement test
//! (`crates/core/tests/postgres_agreement.rs`), which writes
//! `crates/core/data/engine_agreement.json` and fails when the engines no
//! longer do what the file says, so the page never shows a stale claim.
//!
//! The facts hold each engine's access path (an index or a sequential
//! scan, and whether a sort follows), PostgreSQL's under two values of
//! `random_page_cost`, and the numbers that explain a difference: the
//! table's size in pages and PostgreSQL's estimate of the matching rows.
pub mod pg_plan;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The file the agreement test writes (`SEEKSCAN_WRITE_AGREEMENT=1`).
pub const FACTS_JSON: &str = include_str!("../../data/engine_agreement.json");

/// The label of a sequential (full) scan, as the page's `data-index` says it.
pub const SEQ_SCAN: &str = "seq scan";

/// PostgreSQL's default `random_page_cost` (a spinning disk's seek).
pub const DEFAULT_RANDOM_PAGE_COST: f64 = 4.0;

/// A table this small (in 8 KiB pages) is read whole faster than through
/// an index, by PostgreSQL's costs: one sequential page read costs 1, one
/// random index or heap page `random_page_cost`.
pub const FEW_PAGES: u64 = 10;

/// From this share of the table's rows on, a condition "matches most rows"
/// for the explanation: a scan reads each page once, an index jumps.
pub const MOST_ROWS: f64 = 0.2;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ScanKind {
    /// Every row of the table, in storage order.
    Seq,
    /// Entries of an index in order, then each row they point to.
    Index,
    /// Entries of an index only (they hold every column the query needs).
    IndexOnly,
    /// PostgreSQL's bitmap: matching entries collected first, then the
    /// table's pages in physical order (the index's order is lost).
    Bitmap,
}

/// How one engine reads the pattern's table.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Access {
    pub kind: ScanKind,
    /// The index read; `None` for a sequential scan. A primary key lookup
    /// names the table's primary key index (`<table>_pkey`).
    pub index: Option<String>,
    /// A sort runs after the access (the index did not give the order).
    pub sorts: bool,
}

impl Access {
    pub fn seq(sorts: bool) -> Self {
        Self {
            kind: ScanKind::Seq,
            index: None,
            sorts,
        }
    }

    /// The index name, or `seq scan`.
    pub fn label(&self) -> &str {
        self.index.as_deref().unwrap_or(SEQ_SCAN)
    }

    /// The same way in: the same index, or both sequential.
    pub fn same_path(&self, other: &Access) -> bool {
        self.label() == other.label()
    }
}

/// PostgreSQL's choice under one `random_page_cost`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PostgresChoice {
    pub random_page_cost: f64,
    pub access: Access,
    /// Rows PostgreSQL expects the table access to return.
    pub estimated_rows: f64,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tenant {
    Large,
    Small,
}

impl Tenant {
    pub const BOTH: [Tenant; 2] = [Tenant::Large, Tenant::Small];

    pub fn name(self) -> &'static str {
        match self {
            Tenant::Large => "large",
            Tenant::Small => "small",
        }
    }
}

/// One documented pattern for one tenant at one scale.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PatternFacts {
    pub pattern: String,
    pub tenant: Tenant,
    /// The `customer_id` the parameters name.
    pub tenant_id: i64,
    pub table: String,
    pub seekscan: Access,
    pub sqlite: Access,
    /// One per `random_page_cost` measured, the default (4) first.
    pub postgres: Vec<PostgresChoice>,
}

/// A table's size as PostgreSQL's statistics give it after ANALYZE.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct TableSize {
    pub table: String,
    pub rows: u64,
    /// 8 KiB heap pages (`pg_class.relpages`).
    pub pages: u64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ScaleFacts {
    pub scale: usize,
    pub tables: Vec<TableSize>,
    pub patterns: Vec<PatternFacts>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct AgreementFacts {
    /// `SHOW server_version` of the PostgreSQL measured.
    pub postgres_version: String,
    pub sqlite_version: String,
    pub seed: u64,
    /// The index set every engine saw (the Phase 3 indexes: pane B's default).
    pub indexes: String,
    pub scales: Vec<ScaleFacts>,
}

/// Why another engine reads the table differently from seekscan.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The table fits in a few pages: reading them all in order costs less
    /// than an index's random page reads (PostgreSQL's disk costs).
    SmallTable,
    /// The condition matches most rows: each page is read anyway.
    MatchesMostRows,
    /// A bitmap scan collects the matches in page order, then sorts them.
    BitmapThenSort,
    /// Another index wins by that engine's estimates.
    OtherIndex,
}

impl Why {
    pub fn sentence(self) -> &'static str {
        match self {
            Why::SmallTable => "The table fits in a few pages, so reading it whole is cheaper than an index's random page reads.",
            Why::MatchesMostRows => "The condition matches most rows, so a sequential scan reads each page once instead of jumping through an index.",
            Why::BitmapThenSort => "A bitmap scan collects the matching rows in page order and then sorts them, which its costs rate cheaper than walking the index in order.",
            Why::OtherIndex => "Its estimates rate another index cheaper for this condition.",
        }
    }
}

/// The facts as the test last recorded them.
pub fn facts() -> &'static AgreementFacts {
    static FACTS: OnceLock<AgreementFacts> = OnceLock::new();
    FACTS.get_or_init(|| {
        serde_json::from_str(FACTS_JSON).expect("data/engine_agreement.json is valid")
    })
}

impl AgreementFacts {
    /// The scale measured closest to `scale` (the page's presets are measured).
    pub fn nearest_scale(&self, scale: usize) -> Option<&ScaleFacts> {
        self.scales.iter().min_by_key(|s| s.scale.abs_diff(scale))
    }

    /// One pattern's facts for one tenant at the nearest measured scale.
    pub fn lookup(&self, pattern: &str, scale: usize, tenant: Tenant) -> Option<Lookup<'_>> {
        let at = self.nearest_scale(scale)?;
        let facts = at
            .patterns
            .iter()
            .find(|f| f.pattern == pattern && f.tenant == tenant)?;
        Some(Lookup { scale: at, facts })
    }

    /// The tenant a `customer_id` parameter names at the nearest scale.
    /// The facts a page showing `pattern` may quote: only for the seed they
    /// were measured on, and only for a tenant they were measured for —
    /// `tenant_id` (the pattern's `tenant` parameter) names the large or the
    /// small tenant at the nearest measured scale, and no parameter means
    /// the large tenant, whose values a pattern opens with. `None` for any
    /// other seed or tenant, so nothing is said where nothing was measured.
    pub fn shown_for(
        &self,
        pattern: &str,
        seed: u64,
        scale: usize,
        tenant_id: Option<&str>,
    ) -> Option<Lookup<'_>> {
        if seed != self.seed {
            return None;
        }
        let tenant = match tenant_id {
            Some(id) => self.tenant_of(scale, id)?,
            None => Tenant::Large,
        };
        self.lookup(pattern, scale, tenant)
    }

    pub fn tenant_of(&self, scale: usize, tenant_id: &str) -> Option<Tenant> {
        let id: i64 = tenant_id.parse().ok()?;
        let at = self.nearest_scale(scale)?;
        at.patterns
            .iter()
            .find(|f| f.tenant_id == id)
            .map(|f| f.tenant)
    }
}

/// A pattern's facts with the size of its table.
#[derive(Clone, Copy, Debug)]
pub struct Lookup<'a> {
    pub scale: &'a ScaleFacts,
    pub facts: &'a PatternFacts,
}

impl Lookup<'_> {
    pub fn table_size(&self) -> Option<&TableSize> {
        self.scale
            .tables
            .iter()
            .find(|t| t.table == self.facts.table)
    }

    /// PostgreSQL's choice under the default `random_page_cost`.
    pub fn postgres_default(&self) -> Option<&PostgresChoice> {
        self.facts
            .postgres
            .iter()
            .find(|c| c.random_page_cost == DEFAULT_RANDOM_PAGE_COST)
    }

    /// Why PostgreSQL's choice differs from seekscan's; `None` where they agree.
    pub fn why_postgres_differs(&self, choice: &PostgresChoice) -> Option<Why> {
        if choice.access.same_path(&self.facts.seekscan) {
            return None;
        }
        Some(self.classify(&choice.access, Some(choice.estimated_rows)))
    }

    /// Why SQLite's choice differs from seekscan's; `None` where they agree.
    pub fn why_sqlite_differs(&self) -> Option<Why> {
        if self.facts.sqlite.same_path(&self.facts.seekscan) {
            return None;
        }
        let estimate = self.postgres_default().map(|c| c.estimated_rows);
        Some(self.classify(&self.facts.sqlite, estimate))
    }

    fn classify(&self, theirs: &Access, estimated_rows: Option<f64>) -> Why {
        let size = self.table_size();
        match theirs.kind {
            ScanKind::Bitmap if theirs.sorts => Why::BitmapThenSort,
            ScanKind::Seq if size.is_some_and(|s| s.pages <= FEW_PAGES) => Why::SmallTable,
            ScanKind::Seq => {
                let share = match (estimated_rows, size) {
                    (Some(rows), Some(s)) if s.rows > 0 => rows / s.rows as f64,
                    _ => 1.0,
                };
                if share >= MOST_ROWS {
                    Why::MatchesMostRows
                } else {
                    Why::SmallTable
                }
            }
            _ => Why::OtherIndex,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_recorded_facts_cover_every_pattern_tenant_and_preset() {
        let facts = facts();
        for scale in crate::experiment::SCALE_PRESETS {
            let at = facts.nearest_scale(scale).unwrap();
            assert_eq!(at.scale, scale, "preset {scale} measured");
            for pattern in crate::patterns::all() {
                for tenant in Tenant::BOTH {
                    let found = facts.lookup(pattern.id, scale, tenant).unwrap();
                    assert_eq!(found.facts.postgres.len(), 2, "{} {scale}", pattern.id);
                    assert!(found.table_size().is_some());
                    assert!(found.postgres_default().is_some());
                }
            }
        }
    }

    #[test]
    fn facts_are_shown_only_for_their_seed_and_tenants() {
        let facts = facts();
        let scale = crate::experiment::SCALE_PRESETS[0];
        let pattern = crate::patterns::all()[0].id;
        let at = facts.nearest_scale(scale).unwrap();
        let id_of = |tenant| {
            at.patterns
                .iter()
                .find(|f| f.tenant == tenant)
                .unwrap()
                .tenant_id
                .to_string()
        };
        let (large, small) = (id_of(Tenant::Large), id_of(Tenant::Small));
        let shown = |seed, tenant: Option<&str>| {
            facts
                .shown_for(pattern, seed, scale, tenant)
                .map(|l| l.facts.tenant)
        };
        assert_eq!(shown(facts.seed, None), Some(Tenant::Large));
        assert_eq!(shown(facts.seed, Some(&large)), Some(Tenant::Large));
        assert_eq!(shown(facts.seed, Some(&small)), Some(Tenant::Small));
        // Another seed's rows, or a tenant nobody measured: nothing.
        assert_eq!(shown(facts.seed + 1, None), None);
        assert_eq!(shown(facts.seed + 1, Some(&small)), None);
        assert_eq!(shown(facts.seed, Some("999999")), None);
        assert_eq!(shown(facts.seed, Some("not a number")), None);
    }

    fn lookup_with(theirs: Access, ours: Access, pages: u64, rows: u64, est: f64) -> Why {
        let choice = PostgresChoice {
            random_page_cost: 4.0,
            access: theirs.clone(),
            estimated_rows: est,
        };
        let scale = ScaleFacts {
            scale: 1,
            tables: vec![TableSize {
                table: "t".into(),
                rows,
                pages,
            }],
            patterns: vec![PatternFacts {
                pattern: "p".into(),
                tenant: Tenant::Large,
                tenant_id: 1,
                table: "t".into(),
                seekscan: ours,
                sqlite: theirs,
                postgres: vec![choice.clone()],
            }],
        };
        let lookup = Lookup {
            scale: &scale,
            facts: &scale.patterns[0],
        };
        lookup.why_postgres_differs(&choice).unwrap()
    }

    #[test]
    fn a_difference_is_explained_by_the_measured_numbers() {
        let index = |name: &str, kind, sorts| Access {
            kind,
            index: Some(name.to_owned()),
            sorts,
        };
        let ours = index("a_idx", ScanKind::Index, false);
        assert_eq!(
            lookup_with(Access::seq(false), ours.clone(), 3, 300, 2.0),
            Why::SmallTable
        );
        assert_eq!(
            lookup_with(Access::seq(true), ours.clone(), 900, 100_000, 40_000.0),
            Why::MatchesMostRows
        );
        assert_eq!(
            lookup_with(
                index("b_idx", ScanKind::Bitmap, true),
                ours.clone(),
                900,
                100_000,
                50.0
            ),
            Why::BitmapThenSort
        );
        assert_eq!(
            lookup_with(
                index("b_idx", ScanKind::Index, false),
                ours,
                900,
                100_000,
                50.0
            ),
            Why::OtherIndex
        );
    }

    #[test]
    fn agreement_is_the_same_index_or_both_sequential() {
        let a = Access {
            kind: ScanKind::Bitmap,
            index: Some("x".into()),
            sorts: true,
        };
        let b = Access {
            kind: ScanKind::Index,
            index: Some("x".into()),
            sorts: false,
        };
        assert!(a.same_path(&b));
        assert!(!a.same_path(&Access::seq(false)));
        assert_eq!(Access::seq(false).label(), SEQ_SCAN);
    }
}
