//! An experiment is everything needed to reproduce what the page shows:
//! dataset, the user indexes (as their definitions), the two
//! configurations, the query or lesson, the repetitions and their time
//! budget. It round-trips through a URL query string, so a copied link
//! reopens it; whatever of a link cannot be used opens at its default with
//! a note that names it.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalog::{IndexDef, IndexSet, Origin};
use crate::lessons;
use crate::protocol::{DatasetInfo, Slot, UnbuiltIndex};
use crate::storage::thousands;
use crate::workload::weights::{self, Weights};

pub const DEFAULT_SEED: u64 = 1;
pub const DEFAULT_SCALE: usize = 100_000;
pub const SCALE_PRESETS: [usize; 3] = [10_000, 100_000, 1_000_000];
/// The largest dataset a link (or the CLI) may ask for, in audit events: a
/// link is something anyone can send, and building far more would exhaust
/// the worker's memory before the page could say anything.
pub const MAX_SCALE: usize = 2_000_000;
pub const DEFAULT_REPETITIONS: u32 = 20;
pub const MAX_REPETITIONS: u32 = 1_000;
/// How long each pane may spend repeating a query, in milliseconds: the
/// first run always shows; later ones stop once this is spent.
pub const DEFAULT_BUDGET_MS: u32 = 2_000;
pub const MIN_BUDGET_MS: u32 = 100;
pub const MAX_BUDGET_MS: u32 = 600_000;
/// The longest query string a link may have: longer ones (pasted twice,
/// cut and glued, or generated) open the defaults rather than part of it.
pub const MAX_LINK_CHARS: usize = 65_536;
/// User indexes a link may define.
pub const MAX_LINK_INDEXES: usize = 16;

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
    /// Each pane's time budget for its repetitions (the link's `budget`, in seconds).
    pub budget_ms: u32,
    /// How often each pattern runs in the workload view (the link's `w`).
    #[serde(default)]
    pub weights: Weights,
    /// The user indexes the experiment defines, as `CREATE INDEX …` text
    /// (the link's `index=`), built with the dataset so a configuration may
    /// name them. The worker reads and builds them: the page carries no
    /// SQL parser.
    #[serde(default)]
    pub indexes: Vec<String>,
    /// The lesson shown (`lesson=<id>`); its SQL fills the editor when the
    /// link has no SQL or pattern of its own.
    #[serde(default)]
    pub lesson: Option<String>,
    /// Which model plans, and PostgreSQL's settings (`planner=`, `pg.…=`).
    #[serde(default)]
    pub planner: crate::planner::choice::PlannerChoice,
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
            budget_ms: DEFAULT_BUDGET_MS,
            weights: Weights::default(),
            indexes: Vec::new(),
            lesson: None,
            planner: Default::default(),
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
    /// the names dropped, each once. A default configuration that names a
    /// missing index (B after `DROP INDEX` of a Phase 3 index) becomes an
    /// explicit list without it, so no run ever asks for an unknown index.
    pub fn forget_unknown_indexes(&mut self, catalog: &[IndexDef]) -> Vec<String> {
        self.define_user_indexes(catalog);
        let known = |name: &String| catalog.iter().any(|i| &i.name == name);
        let mut dropped = Vec::new();
        for slot in Slot::BOTH {
            let (kept, gone): (Vec<String>, Vec<String>) =
                self.config(slot).into_iter().partition(known);
            if gone.is_empty() {
                continue;
            }
            for name in gone {
                if !dropped.contains(&name) {
                    dropped.push(name);
                }
            }
            self.set_config(slot, kept);
        }
        dropped
    }

    /// The user indexes to carry in the link: those `catalog` holds now.
    pub fn define_user_indexes(&mut self, catalog: &[IndexDef]) {
        self.indexes = catalog
            .iter()
            .filter(|i| i.origin == Origin::User)
            .map(IndexDef::create_sql)
            .collect();
    }

    /// Opens a lesson: its configurations, user indexes and SQL (rendered
    /// from the data once it is loaded); the dataset stays.
    pub fn open_lesson(&mut self, lesson: &lessons::Lesson) {
        self.lesson = Some(lesson.id.to_owned());
        self.a = Some(lesson.config(Slot::A));
        self.b = Some(lesson.config(Slot::B));
        self.add_lesson_indexes(lesson);
        self.pattern = None;
        self.params.clear();
        self.sql = None;
    }

    /// The lesson's SQL with this data's parameters, when the editor should
    /// show it: a lesson is open and the link has no SQL or pattern of its own.
    pub fn lesson_sql(&self, dataset: &DatasetInfo) -> Option<String> {
        if self.sql.is_some() || self.pattern.is_some() {
            return None;
        }
        let lesson = lessons::find(self.lesson.as_deref()?)?;
        Some(lesson.render(&dataset.params(true, &self.params)))
    }

    /// Sets a configuration's visible indexes.
    pub fn set_config(&mut self, slot: Slot, names: Vec<String>) {
        match slot {
            Slot::A => self.a = Some(names),
            Slot::B => self.b = Some(names),
        }
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
        if let Some(lesson) = &self.lesson {
            query.append_pair("lesson", lesson);
        }
        for sql in &self.indexes {
            query.append_pair("index", sql);
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
        if self.budget_ms != defaults.budget_ms {
            query.append_pair("budget", &seconds(self.budget_ms));
        }
        if !self.weights.is_default() {
            query.append_pair(weights::PARAM, &self.weights.to_param());
        }
        for (key, value) in self.planner.to_pairs() {
            query.append_pair(&key, &value);
        }
        query.finish()
    }

    /// Reads a query string (with or without `?`). Unknown keys are ignored so
    /// old links keep working. A malformed or out-of-range field keeps its
    /// default, and the returned notes say, one per field, what was dropped
    /// and what was opened instead; no input makes this panic.
    ///
    /// A query string over [`MAX_LINK_CHARS`] opens the defaults whole. An
    /// `index=` definition that does not parse, or that the engine refuses
    /// (a name taken, a missing column), is dropped when the worker answers
    /// the load ([`Experiment::drop_unbuilt`]). A
    /// `lesson=` fills in what the link leaves out: configurations, the
    /// lesson's user indexes.
    pub fn from_query(query: &str) -> (Self, Vec<String>) {
        let mut experiment = Self::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        let length = query.chars().count();
        if length > MAX_LINK_CHARS {
            let note = format!(
                "the link is {} characters long, above the maximum of {}; opened the defaults",
                thousands(length as u64),
                thousands(MAX_LINK_CHARS as u64)
            );
            return (experiment, vec![note]);
        }
        let mut notes = Vec::new();
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            if let Err(note) = experiment.read_field(&key, &value) {
                notes.push(note);
            }
        }
        if let Some(id) = experiment.lesson.clone() {
            match lessons::find(&id) {
                Some(lesson) => experiment.fill_from_lesson(lesson),
                None => {
                    experiment.lesson = None;
                    notes.push(format!("there is no lesson {id:?}; opened without one"));
                }
            }
        }
        (experiment, notes)
    }

    /// What a link with `lesson=` leaves out comes from the lesson.
    fn fill_from_lesson(&mut self, lesson: &lessons::Lesson) {
        self.a.get_or_insert_with(|| lesson.config(Slot::A));
        self.b.get_or_insert_with(|| lesson.config(Slot::B));
        self.add_lesson_indexes(lesson);
    }

    /// The lesson's user indexes the experiment does not define yet (the
    /// lessons write them as the catalog does, so equal text is the same index).
    fn add_lesson_indexes(&mut self, lesson: &lessons::Lesson) {
        for sql in lesson.user_indexes {
            if !self.indexes.iter().any(|i| i == sql) {
                self.indexes.push((*sql).to_owned());
            }
        }
    }

    /// Drops the user indexes the worker could not build, from both
    /// configurations too, and says which and why (one note each). The page
    /// never builds an engine itself: the worker tries the definitions, in
    /// link order after the built-in indexes, when it loads the data.
    pub fn drop_unbuilt(&mut self, unbuilt: &[UnbuiltIndex]) -> Vec<String> {
        unbuilt
            .iter()
            .map(|UnbuiltIndex { sql, name, error }| {
                self.indexes.retain(|kept| kept != sql);
                let Some(name) = name else {
                    return format!("index {sql:?} was left out: {error}");
                };
                for config in [&mut self.a, &mut self.b].into_iter().flatten() {
                    config.retain(|kept| kept != name);
                }
                format!(
                    "index {name} ({sql}) cannot be built: {error}; it was left out of the indexes and both configurations"
                )
            })
            .collect()
    }

    /// Applies one `key=value` pair, or says why it was left at its default.
    fn read_field(&mut self, key: &str, value: &str) -> Result<(), String> {
        let defaults = Self::default();
        match key {
            "seed" => self.seed = number("seed", value, &thousands(defaults.seed))?,
            "scale" => self.scale = scale(value)?,
            "a" => self.a = Some(index_list(value)),
            "b" => self.b = Some(index_list(value)),
            "pattern" => self.pattern = Some(value.to_owned()),
            "lesson" => self.lesson = Some(value.to_owned()),
            "index" => {
                if self.indexes.len() >= MAX_LINK_INDEXES {
                    return Err(format!(
                        "index {value:?} was left out: a link defines at most {MAX_LINK_INDEXES} indexes"
                    ));
                }
                self.indexes.push(value.to_owned());
            }
            "sql" => self.sql = Some(value.to_owned()),
            "reps" => {
                let opened = thousands(u64::from(DEFAULT_REPETITIONS));
                let reps = number("reps", value, &opened)?;
                if !(1..=u64::from(MAX_REPETITIONS)).contains(&reps) {
                    return Err(format!(
                        "reps must be between 1 and {MAX_REPETITIONS}, got {reps}; opened {opened}"
                    ));
                }
                self.repetitions = reps as u32;
            }
            "budget" => self.budget_ms = budget(value)?,
            weights::PARAM => {
                self.weights =
                    Weights::from_param(value).map_err(|e| format!("{e}; opened equal weights"))?
            }
            other if self.planner.read_pair(other, value)? => {}
            other => {
                if let Some(name) = other.strip_prefix(PARAM_PREFIX) {
                    self.params.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        Ok(())
    }
}

/// A whole number field, or the note that it was not one.
fn number(what: &str, value: &str, opened: &str) -> Result<u64, String> {
    value
        .parse::<u64>()
        .map_err(|_| format!("{what} must be a whole number, got {value:?}; opened {opened}"))
}

/// The scale a link asks for, if it is one this page may build.
fn scale(value: &str) -> Result<usize, String> {
    let opened = thousands(DEFAULT_SCALE as u64);
    let too_large = || {
        format!(
            "scale {value} is above the maximum of {} audit events; opened {opened}",
            thousands(MAX_SCALE as u64)
        )
    };
    // All digits but beyond u64 is too large, not malformed.
    if !value.is_empty()
        && value.bytes().all(|b| b.is_ascii_digit())
        && value.parse::<u64>().is_err()
    {
        return Err(too_large());
    }
    match number("scale", value, &opened)? {
        0 => Err(format!("scale must be at least 1; opened {opened}")),
        n if n > MAX_SCALE as u64 => Err(too_large()),
        n => Ok(n as usize),
    }
}

/// Milliseconds as the seconds a link carries: 2000 → "2", 1500 → "1.5".
pub fn seconds(ms: u32) -> String {
    (f64::from(ms) / 1000.0).to_string()
}

/// A link's time budget in seconds, as milliseconds, if it is in range.
pub fn budget(value: &str) -> Result<u32, String> {
    let opened = seconds(DEFAULT_BUDGET_MS);
    let (min, max) = (seconds(MIN_BUDGET_MS), seconds(MAX_BUDGET_MS));
    let out_of_range =
        || format!("budget must be between {min} and {max} seconds, got {value}; opened {opened}");
    let secs: f64 = value.trim().parse().map_err(|_| {
        format!("budget must be a number of seconds, got {value:?}; opened {opened}")
    })?;
    let ms = secs * 1000.0;
    if !ms.is_finite() || ms < f64::from(MIN_BUDGET_MS) || ms > f64::from(MAX_BUDGET_MS) {
        return Err(out_of_range());
    }
    Ok(ms.round() as u32)
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
        assert_eq!(Experiment::from_query(""), (Experiment::default(), vec![]));
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
            budget_ms: 1_500,
            weights: Weights::from_param("audit_trail:3,feature_flags:0").unwrap(),
            indexes: vec![
                "CREATE INDEX mine ON upstream_reportrun (started_at DESC, customer_id) INCLUDE (status)".into(),
            ],
            lesson: Some("covering_index".into()),
            planner: {
                let mut choice = crate::planner::choice::PlannerChoice::memory();
                choice.pg.set("random_page_cost", "1.1").unwrap();
                choice.vacuumed = true;
                choice
            },
        };
        let query = experiment.to_query();
        assert_eq!(Experiment::from_query(&query), (experiment.clone(), vec![]));
        assert_eq!(
            Experiment::from_query(&format!("?{query}")),
            (experiment, vec![])
        );
    }

    #[test]
    fn bad_numbers_name_the_key_and_keep_the_other_fields() {
        let (experiment, notes) = Experiment::from_query("scale=abc&reps=0&seed=-1&pattern=x");
        assert_eq!(experiment.pattern.as_deref(), Some("x"));
        assert_eq!(experiment.scale, DEFAULT_SCALE);
        assert_eq!(experiment.repetitions, DEFAULT_REPETITIONS);
        assert_eq!(experiment.seed, DEFAULT_SEED);
        assert_eq!(notes.len(), 3, "{notes:?}");
        for (note, key) in notes.iter().zip(["scale", "reps", "seed"]) {
            assert!(note.starts_with(key), "{note}");
            assert!(note.contains("; opened "), "{note}");
        }
    }

    #[test]
    fn a_scale_above_the_maximum_opens_the_default_and_says_so() {
        let (experiment, notes) = Experiment::from_query("scale=100000000&seed=3");
        assert_eq!(experiment.scale, DEFAULT_SCALE);
        assert_eq!(experiment.seed, 3);
        assert_eq!(
            notes,
            ["scale 100000000 is above the maximum of 2,000,000 audit events; opened 100,000"]
        );
        let (huge, notes) = Experiment::from_query("scale=99999999999999999999999");
        assert_eq!(huge.scale, DEFAULT_SCALE);
        assert!(notes[0].contains("above the maximum"), "{notes:?}");
        let (largest, notes) = Experiment::from_query(&format!("scale={MAX_SCALE}"));
        assert_eq!((largest.scale, notes), (MAX_SCALE, vec![]));
        assert!(Experiment::from_query("scale=0").1[0].contains("at least 1"));
    }

    #[test]
    fn a_dropped_index_leaves_a_default_configuration_too() {
        let catalog: Vec<IndexDef> = builtin_indexes()
            .into_iter()
            .filter(|i| i.name != "reportrun_cust_status_idx")
            .collect();
        let mut experiment = Experiment {
            a: Some(vec!["reportrun_cust_status_idx".into()]),
            ..Experiment::default()
        };
        assert_eq!(
            experiment.forget_unknown_indexes(&catalog),
            ["reportrun_cust_status_idx"]
        );
        assert!(experiment.config(Slot::A).is_empty());
        assert_eq!(experiment.config(Slot::B).len(), 8);
        assert!(!experiment
            .config(Slot::B)
            .contains(&"reportrun_cust_status_idx".to_owned()));
        // With every index known, the defaults stay defaults.
        let mut untouched = Experiment::default();
        assert!(untouched
            .forget_unknown_indexes(&builtin_indexes())
            .is_empty());
        assert_eq!(untouched, Experiment::default());
    }

    #[test]
    fn a_budget_is_seconds_in_range_or_the_default_with_a_note() {
        let (experiment, notes) = Experiment::from_query("budget=0.5");
        assert_eq!((experiment.budget_ms, notes), (500, vec![]));
        assert_eq!(experiment.to_query(), "budget=0.5");
        assert_eq!(
            Experiment::from_query("budget=600").0.budget_ms,
            MAX_BUDGET_MS
        );
        for bad in ["0", "-1", "abc", "NaN", "inf", "601", "0.05", ""] {
            let (experiment, notes) = Experiment::from_query(&format!("budget={bad}&reps=3"));
            assert_eq!(experiment.budget_ms, DEFAULT_BUDGET_MS, "{bad}");
            assert_eq!(experiment.repetitions, 3, "{bad}");
            assert_eq!(notes.len(), 1, "{bad}: {notes:?}");
            assert!(notes[0].starts_with("budget must be"), "{}", notes[0]);
            assert!(notes[0].ends_with("; opened 2"), "{}", notes[0]);
        }
    }

    #[test]
    fn unknown_keys_are_ignored() {
        let (experiment, notes) = Experiment::from_query("utm_source=x&scale=10000");
        assert_eq!((experiment.scale, notes), (10_000, vec![]));
    }

    mod arbitrary {
        use super::*;
        use proptest::prelude::*;

        /// Index names as a link carries them: no commas, no edge spaces, not empty.
        fn names() -> impl Strategy<Value = Option<Vec<String>>> {
            proptest::option::of(proptest::collection::vec(
                "[a-z_][a-z0-9_ ]{0,12}[a-z0-9_]",
                0..4,
            ))
        }

        fn experiments() -> impl Strategy<Value = Experiment> {
            (
                any::<u64>(),
                1..=MAX_SCALE,
                names(),
                names(),
                proptest::option::of(any::<String>()),
                proptest::collection::btree_map(any::<String>(), any::<String>(), 0..3),
                proptest::option::of(any::<String>()),
                (1..=MAX_REPETITIONS, MIN_BUDGET_MS..=MAX_BUDGET_MS),
            )
                .prop_map(
                    |(seed, scale, a, b, pattern, params, sql, (repetitions, budget_ms))| {
                        Experiment {
                            seed,
                            scale,
                            a,
                            b,
                            pattern,
                            params,
                            sql,
                            repetitions,
                            budget_ms,
                            ..Experiment::default()
                        }
                    },
                )
        }

        proptest! {
            #[test]
            fn any_query_string_parses_without_panicking(query in any::<String>()) {
                let (experiment, _) = Experiment::from_query(&query);
                prop_assert!((1..=MAX_SCALE).contains(&experiment.scale));
                prop_assert!((1..=MAX_REPETITIONS).contains(&experiment.repetitions));
                prop_assert!((MIN_BUDGET_MS..=MAX_BUDGET_MS).contains(&experiment.budget_ms));
            }

            #[test]
            fn query_like_strings_parse_without_panicking(
                query in "[?]?((seed|scale|reps|budget|a|b|sql|pattern|p\\.[a-z]{0,3}|[%&=+.,0-9a-z-]{0,4})=[%&=+.,0-9a-z-]{0,24}&?){0,6}"
            ) {
                let (experiment, _) = Experiment::from_query(&query);
                prop_assert!((1..=MAX_SCALE).contains(&experiment.scale));
            }

            #[test]
            fn every_experiment_round_trips(experiment in experiments()) {
                let query = experiment.to_query();
                prop_assert_eq!(Experiment::from_query(&query), (experiment, vec![]));
            }
        }
    }
}
