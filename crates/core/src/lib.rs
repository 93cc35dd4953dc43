//! seekscan-core: the Upstream sample database, composite B-tree indexes under
//! GlueSQL, and a cost-based planner that explains itself. Pure Rust: no web
//! dependencies, so everything here is tested with plain `cargo test`.
pub mod comparison;
pub mod experiment;
