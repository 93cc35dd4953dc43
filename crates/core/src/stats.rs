//! Statistics gathered like ANALYZE: entry counts and the number of distinct
//! values of every index prefix, read off the sorted index in one pass at a
//! build and kept exact on every insert and delete afterwards.
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct IndexStats {
    pub entries: u64,
    /// `distinct_prefixes[i]`: distinct values of the first `i + 1` key columns.
    pub distinct_prefixes: Vec<u64>,
}

impl IndexStats {
    /// No entries, over `width` key columns.
    pub fn new(width: usize) -> Self {
        IndexStats {
            entries: 0,
            distinct_prefixes: vec![0; width],
        }
    }

    /// One entry more, sharing its first `shared` key columns with the
    /// closest entry already there (in a sorted pass, the previous one): its
    /// longer prefixes are new.
    pub fn add(&mut self, shared: usize) {
        self.entries += 1;
        for count in self.distinct_prefixes.iter_mut().skip(shared) {
            *count += 1;
        }
    }

    /// One entry fewer, sharing `shared` key columns with the closest entry
    /// that remains: its longer prefixes are gone.
    pub fn remove(&mut self, shared: usize) {
        self.entries = self.entries.saturating_sub(1);
        for count in self.distinct_prefixes.iter_mut().skip(shared) {
            *count = count.saturating_sub(1);
        }
    }

    /// `keys` must come in index order, each at least `width` long.
    pub fn analyze<'a, T: PartialEq + 'a>(
        keys: impl Iterator<Item = &'a [T]>,
        width: usize,
    ) -> Self {
        let mut stats = IndexStats::new(width);
        let mut previous: Option<&[T]> = None;
        for key in keys {
            // Sorted input: a prefix is new exactly from the first column
            // that differs from the previous entry.
            let shared = match previous {
                None => 0,
                Some(prev) => (0..width).find(|&i| prev[i] != key[i]).unwrap_or(width),
            };
            stats.add(shared);
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

    #[test]
    fn adding_and_removing_follow_the_closest_neighbour() {
        let mut stats = IndexStats::analyze([[1, 1], [1, 2]].iter().map(|k| &k[..]), 2);
        // (2, 1): shares nothing with (1, 2).
        stats.add(0);
        assert_eq!(stats.distinct_prefixes, [2, 3]);
        // (1, 2) again under another row key: shares both columns.
        stats.add(2);
        assert_eq!(
            (stats.entries, &stats.distinct_prefixes[..]),
            (4, &[2, 3][..])
        );
        // (2, 1) goes; its closest neighbour (1, 2) shares nothing.
        stats.remove(0);
        assert_eq!(
            (stats.entries, &stats.distinct_prefixes[..]),
            (3, &[1, 2][..])
        );
    }
}
