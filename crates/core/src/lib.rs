//! seekscan-core: the Upstream sample database, GlueSQL over seekscan's own
//! storage, and plans that say what the executor really did. Pure Rust: no
//! web dependencies, so everything here is tested with plain `cargo test`.

pub mod agreement;
pub mod background;
pub mod bench;
pub mod catalog;
pub mod comparison;
pub mod dump;
pub mod engine;
pub mod experiment;
pub mod explain;
pub mod export;
pub mod generator;
pub mod index_cost;
pub mod lessons;
pub mod noise;
pub mod patterns;
pub mod pg15;
pub mod planner;
pub mod protocol;
pub mod repeats;
pub mod schema;
pub mod service;
pub mod sql_error;
pub mod statement;
pub mod stats;
pub mod storage;
pub mod units;
pub mod workload;
