//! The planner settings PostgreSQL 15's cost model reads (`costsize.c`'s
//! globals and `work_mem`), their defaults, two presets, and a compact
//! link form holding only the settings that differ from the defaults.

use serde::{Deserialize, Serialize};

/// Bytes in one PostgreSQL block (`BLCKSZ`).
pub const BLCKSZ: f64 = 8192.0;

/// The cost settings of `costsize.c` plus the memory ones the planner reads.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PgSettings {
    pub seq_page_cost: f64,
    pub random_page_cost: f64,
    pub cpu_tuple_cost: f64,
    pub cpu_index_tuple_cost: f64,
    pub cpu_operator_cost: f64,
    /// In 8 kB pages, as PostgreSQL keeps it (`effective_cache_size`).
    pub effective_cache_size: f64,
    /// In kB (`work_mem`).
    pub work_mem: f64,
}

/// The two documented starting points of the settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Preset {
    /// PostgreSQL 15's shipped defaults.
    Defaults,
    /// The defaults with `random_page_cost` 1.1, a common SSD setting.
    Ssd,
}

/// Which unit a setting's value is given in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// A plain number (the cost factors).
    Number,
    /// Memory kept in 8 kB blocks (`effective_cache_size`).
    Blocks,
    /// Memory kept in kB (`work_mem`).
    Kilobytes,
}

/// Every setting by its PostgreSQL name, its unit and its field.
const NAMES: [(&str, Unit); 7] = [
    ("seq_page_cost", Unit::Number),
    ("random_page_cost", Unit::Number),
    ("cpu_tuple_cost", Unit::Number),
    ("cpu_index_tuple_cost", Unit::Number),
    ("cpu_operator_cost", Unit::Number),
    ("effective_cache_size", Unit::Blocks),
    ("work_mem", Unit::Kilobytes),
];

impl Default for PgSettings {
    fn default() -> Self {
        Self::defaults()
    }
}

impl PgSettings {
    /// PostgreSQL 15's defaults (`postgresql.conf.sample`, `guc.c`).
    pub fn defaults() -> Self {
        PgSettings {
            seq_page_cost: 1.0,
            random_page_cost: 4.0,
            cpu_tuple_cost: 0.01,
            cpu_index_tuple_cost: 0.005,
            cpu_operator_cost: 0.0025,
            effective_cache_size: 524_288.0,
            work_mem: 4096.0,
        }
    }

    /// The defaults with `random_page_cost = 1.1`.
    pub fn ssd() -> Self {
        PgSettings {
            random_page_cost: 1.1,
            ..Self::defaults()
        }
    }

    pub fn preset(preset: Preset) -> Self {
        match preset {
            Preset::Defaults => Self::defaults(),
            Preset::Ssd => Self::ssd(),
        }
    }

    /// The preset these settings equal, if any.
    pub fn as_preset(&self) -> Option<Preset> {
        [Preset::Defaults, Preset::Ssd]
            .into_iter()
            .find(|p| Self::preset(*p) == *self)
    }

    fn field(&mut self, name: &str) -> Option<&mut f64> {
        Some(match name {
            "seq_page_cost" => &mut self.seq_page_cost,
            "random_page_cost" => &mut self.random_page_cost,
            "cpu_tuple_cost" => &mut self.cpu_tuple_cost,
            "cpu_index_tuple_cost" => &mut self.cpu_index_tuple_cost,
            "cpu_operator_cost" => &mut self.cpu_operator_cost,
            "effective_cache_size" => &mut self.effective_cache_size,
            "work_mem" => &mut self.work_mem,
            _ => return None,
        })
    }

    /// The value of `name` in its own unit, or `None` for an unknown name.
    pub fn get(&self, name: &str) -> Option<f64> {
        let mut copy = *self;
        copy.field(name).map(|v| *v)
    }

    /// `SET name = value` as PostgreSQL reads it: the cost factors take a
    /// non-negative number; `effective_cache_size` and `work_mem` take a
    /// number in their own unit (8 kB blocks, kB) or a PostgreSQL memory
    /// unit (`kB`, `MB`, `GB`, `TB`, e.g. `4GB`, `64MB`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let name = name.trim().to_ascii_lowercase();
        let unit = NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, u)| *u)
            .ok_or_else(|| {
                let known: Vec<&str> = NAMES.iter().map(|(n, _)| *n).collect();
                format!(
                    "unknown setting \"{name}\": expected one of {}",
                    known.join(", ")
                )
            })?;
        let parsed = parse_value(unit, value.trim())
            .map_err(|why| format!("invalid value for setting \"{name}\": \"{value}\" ({why})"))?;
        *self.field(&name).expect("every listed name has a field") = parsed;
        Ok(())
    }

    /// The settings that differ from the defaults as `name=value&…`, in a
    /// fixed order (empty for the defaults); memory in its own unit.
    pub fn to_query(&self) -> String {
        let defaults = Self::defaults();
        NAMES
            .iter()
            .filter(|(n, _)| self.get(n) != defaults.get(n))
            .map(|(n, _)| format!("{n}={}", self.get(n).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The inverse of [`PgSettings::to_query`]: the defaults with each
    /// `name=value` pair applied; the first bad pair is the error.
    pub fn from_query(query: &str) -> Result<Self, String> {
        let mut settings = Self::defaults();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("setting \"{pair}\" has no value (expected name=value)"))?;
            settings.set(name, value)?;
        }
        Ok(settings)
    }
}

/// A value in the setting's unit; memory units convert as PostgreSQL's
/// `parse_int` does (1024-based).
fn parse_value(unit: Unit, text: &str) -> Result<f64, String> {
    let split = text
        .find(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    let (number, suffix) = text.split_at(split);
    let number: f64 = number
        .trim()
        .parse()
        .map_err(|_| "not a number".to_owned())?;
    if !number.is_finite() || number < 0.0 {
        return Err("must be a non-negative number".to_owned());
    }
    let suffix = suffix.trim();
    if suffix.is_empty() {
        return Ok(number);
    }
    let kilobytes = match suffix {
        "B" => number / 1024.0,
        "kB" => number,
        "MB" => number * 1024.0,
        "GB" => number * 1024.0 * 1024.0,
        "TB" => number * 1024.0 * 1024.0 * 1024.0,
        _ => return Err("valid units are B, kB, MB, GB and TB".to_owned()),
    };
    match unit {
        Unit::Number => Err("this setting takes no unit".to_owned()),
        Unit::Kilobytes => Ok(kilobytes.floor()),
        Unit::Blocks => Ok((kilobytes / 8.0).floor()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_presets() {
        let d = PgSettings::defaults();
        assert_eq!(d.random_page_cost, 4.0);
        assert_eq!(d.effective_cache_size, 524_288.0);
        assert_eq!(PgSettings::ssd().random_page_cost, 1.1);
        assert_eq!(d.as_preset(), Some(Preset::Defaults));
        assert_eq!(PgSettings::ssd().as_preset(), Some(Preset::Ssd));
    }

    #[test]
    fn set_accepts_units_and_names_the_setting() {
        let mut s = PgSettings::defaults();
        s.set("effective_cache_size", "4GB").unwrap();
        assert_eq!(s.effective_cache_size, 524_288.0);
        s.set("work_mem", "64MB").unwrap();
        assert_eq!(s.work_mem, 65_536.0);
        s.set("work_mem", "2048").unwrap();
        assert_eq!(s.work_mem, 2048.0);
        s.set("RANDOM_PAGE_COST", "1.1").unwrap();
        assert_eq!(s.random_page_cost, 1.1);
        let e = s.set("random_page_cost", "fast").unwrap_err();
        assert!(e.contains("random_page_cost"), "{e}");
        let e = s.set("random_page_cost", "4MB").unwrap_err();
        assert!(e.contains("no unit"), "{e}");
        let e = s.set("enable_seqscan", "off").unwrap_err();
        assert!(e.contains("enable_seqscan"), "{e}");
        assert!(s.set("work_mem", "-1").is_err());
    }

    #[test]
    fn query_form_holds_only_changes() {
        assert_eq!(PgSettings::defaults().to_query(), "");
        assert_eq!(PgSettings::ssd().to_query(), "random_page_cost=1.1");
        let mut s = PgSettings::ssd();
        s.set("work_mem", "64MB").unwrap();
        let q = s.to_query();
        assert_eq!(q, "random_page_cost=1.1&work_mem=65536");
        assert_eq!(PgSettings::from_query(&q).unwrap(), s);
        assert!(PgSettings::from_query("work_mem").is_err());
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<PgSettings>(&json).unwrap(), s);
    }
}
