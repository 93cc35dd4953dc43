//! Every type that crosses the Web Worker boundary. The page sends a
//! [`Request`]; the worker answers with one or more [`Response`]s.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bench::Timings;
use crate::engine::QueryOutcome;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Request {
    /// Sent first: the BroadcastChannel on which the worker reports its own death.
    Watch { channel: String },
    /// Generate the sample database and build every index once.
    Load { seed: u64, scale: usize },
    /// Run one statement `repetitions` times.
    Run {
        id: u64,
        sql: String,
        repetitions: u32,
    },
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Response {
    Progress(LoadProgress),
    Loaded(DatasetInfo),
    LoadFailed { message: String },
    Ran(RunReport),
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    /// What is happening: "generating", "loading upstream_reportrun", "indexing audit_entity_idx".
    pub step: String,
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct DatasetInfo {
    pub seed: u64,
    pub scale: usize,
    pub tenants: usize,
    pub large_tenant: i64,
    pub small_tenant: i64,
    pub tables: Vec<TableCount>,
    /// Pattern parameters drawn from this data, for the large and the small tenant.
    pub params_large: BTreeMap<String, String>,
    pub params_small: BTreeMap<String, String>,
    pub load_ms: f64,
}

impl DatasetInfo {
    /// The parameters a pattern runs with: data-drawn values for the chosen
    /// tenant size, overridden by what the user set.
    pub fn params(
        &self,
        large: bool,
        overrides: &BTreeMap<String, String>,
    ) -> BTreeMap<String, String> {
        let mut params = if large {
            self.params_large.clone()
        } else {
            self.params_small.clone()
        };
        params.extend(overrides.iter().map(|(k, v)| (k.clone(), v.clone())));
        params
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct TableCount {
    pub name: String,
    pub rows: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct RunReport {
    pub id: u64,
    pub sql: String,
    pub kind: RunKind,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum RunKind {
    Query(Box<PaneResult>),
    /// The statement failed; nothing changed.
    Failed {
        message: String,
    },
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct PaneResult {
    pub outcome: QueryOutcome,
    pub timings: Timings,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_parameters_override_data_drawn_ones() {
        let info = DatasetInfo {
            seed: 1,
            scale: 10,
            tenants: 2,
            large_tenant: 1,
            small_tenant: 2,
            tables: Vec::new(),
            params_large: BTreeMap::from([
                ("tenant".into(), "1".into()),
                ("status".into(), "success".into()),
            ]),
            params_small: BTreeMap::from([("tenant".into(), "2".into())]),
            load_ms: 0.0,
        };
        let chosen = BTreeMap::from([("status".to_owned(), "failed".to_owned())]);
        assert_eq!(info.params(true, &chosen)["status"], "failed");
        assert_eq!(info.params(true, &chosen)["tenant"], "1");
        assert_eq!(info.params(false, &BTreeMap::new())["tenant"], "2");
    }
}
