//! How often each documented pattern runs in the workload: a weight per
//! pattern (1 unless set), carried in a link as `w=audit_trail:3,feature_flags:0`.
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::patterns;

/// The highest weight one pattern may carry.
pub const MAX_WEIGHT: u32 = 10_000;
/// A pattern's weight when none is set: every pattern counts the same.
pub const DEFAULT_WEIGHT: u32 = 1;
/// The link's key for the weights.
pub const PARAM: &str = "w";

/// Weights that differ from the default, by pattern id.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct Weights {
    set: BTreeMap<String, u32>,
}

impl Weights {
    /// The weight of a pattern (the default when none is set).
    pub fn of(&self, pattern: &str) -> u32 {
        self.set.get(pattern).copied().unwrap_or(DEFAULT_WEIGHT)
    }

    /// Sets a pattern's weight; an unknown pattern or a weight past
    /// [`MAX_WEIGHT`] is refused and nothing changes.
    pub fn set(&mut self, pattern: &str, weight: u32) -> Result<(), String> {
        if patterns::find(pattern).is_none() {
            return Err(format!("no documented pattern is called {pattern:?}"));
        }
        if weight > MAX_WEIGHT {
            return Err(format!(
                "the weight of {pattern} must be at most {MAX_WEIGHT}, got {weight}"
            ));
        }
        if weight == DEFAULT_WEIGHT {
            self.set.remove(pattern);
        } else {
            self.set.insert(pattern.to_owned(), weight);
        }
        Ok(())
    }

    /// Every pattern at its default weight.
    pub fn is_default(&self) -> bool {
        self.set.is_empty()
    }

    /// The link's value: `pattern:weight` pairs, comma-separated, in id order.
    pub fn to_param(&self) -> String {
        self.set
            .iter()
            .map(|(pattern, weight)| format!("{pattern}:{weight}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Reads a link's value; the first bad pair is the error, naming what is
    /// wrong with it.
    pub fn from_param(value: &str) -> Result<Self, String> {
        let mut weights = Self::default();
        for pair in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((pattern, weight)) = pair.split_once(':') else {
                return Err(format!("a weight is written pattern:number, got {pair:?}"));
            };
            let weight: u32 = weight.trim().parse().map_err(|_| {
                format!("the weight of {pattern} must be a whole number, got {weight:?}")
            })?;
            weights.set(pattern.trim(), weight)?;
        }
        Ok(weights)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_round_trip_and_default_to_one() {
        let mut weights = Weights::default();
        assert_eq!(weights.of("audit_trail"), 1);
        weights.set("audit_trail", 3).unwrap();
        weights.set("feature_flags", 0).unwrap();
        assert_eq!(weights.to_param(), "audit_trail:3,feature_flags:0");
        assert_eq!(
            Weights::from_param(&weights.to_param()),
            Ok(weights.clone())
        );
        weights.set("audit_trail", 1).unwrap();
        assert_eq!(weights.to_param(), "feature_flags:0");
        assert!(Weights::from_param("").unwrap().is_default());
    }

    #[test]
    fn bad_weights_name_the_problem_and_change_nothing() {
        let mut weights = Weights::from_param("audit_trail:2").unwrap();
        let before = weights.clone();
        assert!(weights.set("nope", 2).unwrap_err().contains("\"nope\""));
        assert!(weights.set("audit_trail", MAX_WEIGHT + 1).is_err());
        assert_eq!(weights, before);
        for (bad, says) in [
            ("audit_trail", "pattern:number"),
            ("audit_trail:x", "whole number"),
            ("audit_trail:-1", "whole number"),
            ("nope:1", "no documented pattern"),
            ("audit_trail:99999", "at most"),
        ] {
            let error = Weights::from_param(bad).unwrap_err();
            assert!(error.contains(says), "{bad}: {error}");
        }
    }
}
