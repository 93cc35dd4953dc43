//! PostgreSQL 15's cost mathematics, self-contained: the sizes it lays a
//! table and its btree indexes out in (`layout`), the statistics ANALYZE
//! gathers (`analyze`), the selectivity of restriction clauses
//! (`selectivity`), and the cost of each path over one table
//! (`costsize`), under the settings a user can change (`settings`).
//! `paths` holds the choice rules between costed paths.
//!
//! Every function names the PostgreSQL function it mirrors;
//! `tests/pg15_costs.rs` checks them against a PostgreSQL 15 server.

pub mod analyze;
pub mod costsize;
pub mod layout;
pub mod paths;
pub mod selectivity;
pub mod settings;
pub mod types;

pub use analyze::{analyze, ColumnStats, Indexed, TableStats};
pub use costsize::PathCost;
pub use settings::{PgSettings, Preset};
pub use types::PgType;
