//! Statistics gathered like ANALYZE: entry counts and the number of distinct
//! values of every index prefix, read off the sorted index in one pass.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    pub entries: u64,
    /// `distinct_prefixes[i]`: distinct values of the first `i + 1` key columns.
    pub distinct_prefixes: Vec<u64>,
}

impl IndexStats {
    /// `keys` must come in index order, each at least `width` long.
    pub fn analyze<'a, T: PartialEq + 'a>(
        keys: impl Iterator<Item = &'a [T]>,
        width: usize,
    ) -> Self {
        let mut stats = IndexStats {
            entries: 0,
            distinct_prefixes: vec![0; width],
        };
        let mut previous: Option<&[T]> = None;
        for key in keys {
            // Sorted input: a prefix is new exactly from the first column
            // that differs from the previous entry.
            let first_change = match previous {
                None => 0,
                Some(prev) => (0..width).find(|&i| prev[i] != key[i]).unwrap_or(width),
            };
            for count in &mut stats.distinct_prefixes[first_change..] {
                *count += 1;
            }
            stats.entries += 1;
            previous = Some(key);
        }
        stats
    }

    /// Expected entries per distinct value of the first `columns` key columns.
    pub fn rows_per_prefix(&self, columns: usize) -> f64 {
        match columns
            .checked_sub(1)
            .and_then(|i| self.distinct_prefixes.get(i))
        {
            Some(&distinct) if distinct > 0 => self.entries as f64 / distinct as f64,
            _ => self.entries as f64,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_distinct_prefixes_of_sorted_keys() {
        let keys: Vec<Vec<i32>> = vec![
            vec![1, 1, 9],
            vec![1, 1, 10],
            vec![1, 2, 11],
            vec![2, 2, 12],
            vec![2, 2, 13],
        ];
        let stats = IndexStats::analyze(keys.iter().map(Vec::as_slice), 2);
        assert_eq!(stats.entries, 5);
        assert_eq!(stats.distinct_prefixes, [2, 3]);
        assert_eq!(stats.rows_per_prefix(1), 2.5);
        assert!((stats.rows_per_prefix(2) - 5.0 / 3.0).abs() < 1e-9);
        assert_eq!(stats.rows_per_prefix(0), 5.0);
    }
}
