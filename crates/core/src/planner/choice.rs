//! Which model plans and with which settings: what the page's "plans as"
//! selector and the command line's `--planner`/`--pg-setting` choose, and
//! how a link carries it (`planner=`, `pg.<setting>=`, `vacuum=1`).
use serde::{Deserialize, Serialize};

use super::model::ModelKind;
use crate::pg15::{PgSettings, Preset};

/// The link's key for the model, and the prefix of each PostgreSQL setting.
pub const PLANNER_PARAM: &str = "planner";
pub const SETTING_PREFIX: &str = "pg.";
pub const VACUUM_PARAM: &str = "vacuum";

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct PlannerChoice {
    pub model: ModelKind,
    /// PostgreSQL's settings (read by its model only).
    pub pg: PgSettings,
    /// Index-only scans priced as after VACUUM (every page all-visible).
    #[serde(default)]
    pub vacuumed: bool,
}

// Settings are finite numbers (`PgSettings::set` reads no NaN), so
// equality is an equivalence.
impl Eq for PlannerChoice {}

impl Default for PlannerChoice {
    /// The in-memory model, for now: the lessons, the usage panel and the
    /// recorded facts describe its choices, and PostgreSQL's model reads a
    /// large table's statistics on its first statement (see
    /// docs/postgres.md). PostgreSQL's settings start at its defaults.
    fn default() -> Self {
        Self {
            model: ModelKind::Memory,
            pg: PgSettings::preset(Preset::Defaults),
            vacuumed: false,
        }
    }
}

impl PlannerChoice {
    pub fn preset(preset: Preset) -> Self {
        Self {
            model: ModelKind::Postgres,
            pg: PgSettings::preset(preset),
            vacuumed: false,
        }
    }

    pub fn memory() -> Self {
        Self::default()
    }

    /// What a pane says planned it: "PostgreSQL 15 (SSD)".
    pub fn label(&self) -> String {
        match self.model {
            ModelKind::Postgres => {
                let settings = match self.pg.as_preset() {
                    Some(Preset::Defaults) => "defaults",
                    Some(Preset::Ssd) => "SSD",
                    None => "custom settings",
                };
                let vacuum = if self.vacuumed { ", after VACUUM" } else { "" };
                format!("PostgreSQL 15 ({settings}{vacuum})")
            }
            other => other.label().to_owned(),
        }
    }

    /// The link's pairs for what differs from the default.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if self.model != Self::default().model {
            pairs.push((PLANNER_PARAM.to_owned(), self.model.name().to_owned()));
        }
        for pair in self.pg.to_query().split('&').filter(|p| !p.is_empty()) {
            if let Some((name, value)) = pair.split_once('=') {
                pairs.push((format!("{SETTING_PREFIX}{name}"), value.to_owned()));
            }
        }
        if self.vacuumed {
            pairs.push((VACUUM_PARAM.to_owned(), "1".to_owned()));
        }
        pairs
    }

    /// Reads one link pair; `Ok(false)` when the key is not the planner's.
    pub fn read_pair(&mut self, key: &str, value: &str) -> Result<bool, String> {
        if key == PLANNER_PARAM {
            self.model = value
                .parse()
                .map_err(|e| format!("{e}; opened {}", Self::default().model.label()))?;
        } else if let Some(name) = key.strip_prefix(SETTING_PREFIX) {
            self.pg
                .set(name, value)
                .map_err(|e| format!("{e}; opened its default"))?;
        } else if key == VACUUM_PARAM {
            self.vacuumed = matches!(value, "1" | "true" | "yes");
        } else {
            return Ok(false);
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_travels_in_pairs_and_back() {
        let mut choice = PlannerChoice::preset(Preset::Ssd);
        choice.vacuumed = true;
        choice.pg.set("work_mem", "64MB").unwrap();
        let mut read = PlannerChoice::default();
        for (k, v) in choice.to_pairs() {
            assert!(read.read_pair(&k, &v).unwrap());
        }
        assert_eq!(read, choice);
        assert!(PlannerChoice::default().to_pairs().is_empty());
        assert_eq!(
            choice.label(),
            "PostgreSQL 15 (custom settings, after VACUUM)"
        );
        assert_eq!(
            PlannerChoice::preset(Preset::Defaults).to_pairs(),
            [("planner".to_owned(), "postgres".to_owned())]
        );
    }

    #[test]
    fn bad_pairs_say_what_they_open() {
        let mut choice = PlannerChoice::default();
        let err = choice
            .read_pair("pg.random_page_cost", "cheap")
            .unwrap_err();
        assert!(
            err.contains("random_page_cost") && err.contains("default"),
            "{err}"
        );
        assert!(choice
            .read_pair("planner", "oracle")
            .unwrap_err()
            .contains("oracle"));
        assert_eq!(choice, PlannerChoice::default());
        assert!(!choice.read_pair("seed", "1").unwrap());
    }
}
