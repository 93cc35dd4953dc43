//! An experiment is everything needed to reproduce what the page shows:
//! dataset, the two configurations, the query and the repetitions. It
//! round-trips through a URL query string, so a copied link reopens it.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{IndexDef, IndexSet};
use crate::protocol::Slot;

pub const DEFAULT_SEED: u64 = 1;
pub const DEFAULT_SCALE: usize = 100_000;
pub const SCALE_PRESETS: [usize; 3] = [10_000, 100_000, 1_000_000];
pub const DEFAULT_REPETITIONS: u32 = 20;
pub const MAX_REPETITIONS: u32 = 1_000;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Experiment {
    pub seed: u64,
    pub scale: usize,
    /// Visible indexes of configuration A; `None` means the default (no secondary indexes).
    pub a: Option<Vec<String>>,
    /// Visible indexes of configuration B; `None` means the default (the Phase 3 set).
    pub b: Option<Vec<String>>,
    /// A documented pattern's id; its SQL is rendered from `params`.
    pub pattern: Option<String>,
    pub params: BTreeMap<String, String>,
    /// Free SQL; wins over `pattern` when both are present.
    pub sql: Option<String>,
    pub repetitions: u32,
}

impl Default for Experiment {
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            scale: DEFAULT_SCALE,
            a: None,
            b: None,
            pattern: None,
            params: BTreeMap::new(),
            sql: None,
            repetitions: DEFAULT_REPETITIONS,
        }
    }
}

/// Parameters travel as `p.<name>=<value>`, index lists comma-separated.
const PARAM_PREFIX: &str = "p.";

impl Experiment {
    /// Visible indexes of a configuration: the link's or the user's choice,
    /// else the default (A: no secondary index, B: the Phase 3 set).
    pub fn config(&self, slot: Slot) -> Vec<String> {
        let chosen = match slot {
            Slot::A => &self.a,
            Slot::B => &self.b,
        };
        match (chosen, slot) {
            (Some(names), _) => names.clone(),
            (None, Slot::A) => Vec::new(),
            (None, Slot::B) => IndexSet::phase3().names().map(str::to_owned).collect(),
        }
    }

    /// The configuration after switching `index` on or off, in `catalog` order.
    pub fn toggled(
        &self,
        slot: Slot,
        index: &str,
        visible: bool,
        catalog: &[IndexDef],
    ) -> Vec<String> {
        let mut names = self.config(slot);
        names.retain(|name| name != index);
        if visible {
            names.push(index.to_owned());
        }
        let position = |name: &String| catalog.iter().position(|i| &i.name == name);
        names.sort_by_key(|name| position(name).unwrap_or(usize::MAX));
        names
    }

    /// Drops from both configurations the indexes `catalog` lacks; returns
    /// the names dropped, each once.
    pub fn forget_unknown_indexes(&mut self, catalog: &[IndexDef]) -> Vec<String> {
        let mut dropped = Vec::new();
        for names in [&mut self.a, &mut self.b].into_iter().flatten() {
            names.retain(|name| {
                let keep = catalog.iter().any(|i| &i.name == name);
                if !keep && !dropped.contains(name) {
                    dropped.push(name.clone());
                }
                keep
            });
        }
        dropped
    }

    /// The query string, without the leading `?`. Defaults are left out.
    pub fn to_query(&self) -> String {
        let defaults = Self::default();
        let mut query = form_urlencoded::Serializer::new(String::new());
        if self.seed != defaults.seed {
            query.append_pair("seed", &self.seed.to_string());
        }
        if self.scale != defaults.scale {
            query.append_pair("scale", &self.scale.to_string());
        }
        if let Some(a) = &self.a {
            query.append_pair("a", &a.join(","));
        }
        if let Some(b) = &self.b {
            query.append_pair("b", &b.join(","));
        }
        if let Some(pattern) = &self.pattern {
            query.append_pair("pattern", pattern);
        }
        for (name, value) in &self.params {
            query.append_pair(&format!("{PARAM_PREFIX}{name}"), value);
        }
        if let Some(sql) = &self.sql {
            query.append_pair("sql", sql);
        }
        if self.repetitions != defaults.repetitions {
            query.append_pair("reps", &self.repetitions.to_string());
        }
        query.finish()
    }

    /// Reads a query string (with or without `?`). Unknown keys are ignored so
    /// old links keep working; malformed numbers are an error that names the key.
    pub fn from_query(query: &str) -> Result<Self, String> {
        let mut experiment = Self::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let number = |what: &str| -> Result<u64, String> {
                value
                    .parse::<u64>()
                    .map_err(|_| format!("{what} must be a whole number, got {value:?}"))
            };
            match key.as_ref() {
                "seed" => experiment.seed = number("seed")?,
                "scale" => {
                    let scale = number("scale")?;
                    if scale == 0 {
                        return Err("scale must be at least 1".to_owned());
                    }
                    experiment.scale = scale as usize;
                }
                "a" => experiment.a = Some(index_list(&value)),
                "b" => experiment.b = Some(index_list(&value)),
                "pattern" => experiment.pattern = Some(value.into_owned()),
                "sql" => experiment.sql = Some(value.into_owned()),
                "reps" => {
                    let reps = number("reps")?;
                    if !(1..=u64::from(MAX_REPETITIONS)).contains(&reps) {
                        return Err(format!("reps must be between 1 and {MAX_REPETITIONS}"));
                    }
                    experiment.repetitions = reps as u32;
                }
                other => {
                    if let Some(name) = other.strip_prefix(PARAM_PREFIX) {
                        experiment
                            .params
                            .insert(name.to_owned(), value.into_owned());
                    }
                }
            }
        }
        Ok(experiment)
    }
}

fn index_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::builtin_indexes;

    #[test]
    fn configurations_default_to_before_and_after_and_toggle_in_catalog_order() {
        let catalog = builtin_indexes();
        let mut experiment = Experiment::default();
        assert!(experiment.config(Slot::A).is_empty());
        assert_eq!(experiment.config(Slot::B).len(), 9);
        let off = experiment.toggled(Slot::B, "audit_entity_idx", false, &catalog);
        assert_eq!(off.len(), 8);
        assert!(!off.contains(&"audit_entity_idx".to_owned()));
        let on = experiment.toggled(Slot::B, "audit_entity_idx", true, &catalog);
        let order: Vec<&str> = catalog.iter().map(|i| i.name.as_str()).collect();
        let in_catalog_order: Vec<&str> = order
            .into_iter()
            .filter(|n| on.iter().any(|o| o == n))
            .collect();
        assert_eq!(on, in_catalog_order);
        assert_eq!(on.len(), 9);
        experiment.a = Some(vec!["gone_idx".into(), "audit_entity_idx".into()]);
        experiment.b = Some(vec!["gone_idx".into()]);
        assert_eq!(experiment.forget_unknown_indexes(&catalog), ["gone_idx"]);
        assert_eq!(experiment.config(Slot::A), ["audit_entity_idx"]);
        assert!(experiment.config(Slot::B).is_empty());
    }

    #[test]
    fn default_experiment_is_an_empty_query() {
        assert_eq!(Experiment::default().to_query(), "");
        assert_eq!(Experiment::from_query("").unwrap(), Experiment::default());
    }

    #[test]
    fn every_field_round_trips() {
        let experiment = Experiment {
            seed: 7,
            scale: 1_000_000,
            a: Some(vec![]),
            b: Some(vec![
                "audit_entity_idx".into(),
                "reportrun_cust_status_idx".into(),
            ]),
            pattern: Some("report_dashboard".into()),
            params: BTreeMap::from([
                ("tenant".into(), "12".into()),
                ("status".into(), "it's".into()),
            ]),
            sql: Some("SELECT * FROM t WHERE a = 'x & y' -- ?#".into()),
            repetitions: 5,
        };
        let query = experiment.to_query();
        assert_eq!(Experiment::from_query(&query).unwrap(), experiment);
        assert_eq!(
            Experiment::from_query(&format!("?{query}")).unwrap(),
            experiment
        );
    }

    #[test]
    fn bad_numbers_name_the_key() {
        assert!(Experiment::from_query("scale=abc")
            .unwrap_err()
            .contains("scale"));
        assert!(Experiment::from_query("reps=0")
            .unwrap_err()
            .contains("reps"));
        assert!(Experiment::from_query("seed=-1")
            .unwrap_err()
            .contains("seed"));
    }

    #[test]
    fn unknown_keys_are_ignored() {
        assert_eq!(
            Experiment::from_query("utm_source=x&scale=10000")
                .unwrap()
                .scale,
            10_000
        );
    }
}
