//! What SQLite knows of a table before planning: `sqlite_stat1` as ANALYZE
//! writes it (rows, then rows per distinct value of each key prefix), the
//! row widths it guesses from the declared column types, and its list of
//! indexes, newest first, behind the rowid table itself.
use super::logest::{self, LogEst};
use crate::catalog::builtin_indexes;
use crate::dump::{type_sql, Dialect};
use crate::storage::index::SecondaryIndex;
use crate::storage::Table;

/// One b-tree SQLite may read the table through: the rowid table (the
/// INTEGER PRIMARY KEY) or an index.
pub(super) struct Probe<'t> {
    /// `None`: the rowid table.
    pub(super) index: Option<&'t SecondaryIndex>,
    /// SQLite's key columns: the index's keys, then its INCLUDE columns
    /// (the dump makes them trailing key columns); the rowid table's is the
    /// primary key.
    pub(super) columns: Vec<usize>,
    /// Leading columns the storage can seek on (the index's own keys).
    pub(super) seekable: usize,
    pub(super) desc: Vec<bool>,
    /// `aiRowLogEst`: rows, then rows per distinct value of each prefix.
    pub(super) row_est: Vec<LogEst>,
    /// `szIdxRow`.
    pub(super) size: LogEst,
    /// Holds every column the statement reads.
    pub(super) covering: bool,
    /// ANALYZE left `sqlite_stat1` and `sqlite_stat4` rows for it.
    pub(super) analyzed: bool,
}

impl Probe<'_> {
    pub(super) fn is_rowid(&self) -> bool {
        self.index.is_none()
    }

    pub(super) fn name(&self) -> Option<&str> {
        self.index.map(|i| i.def.name.as_str())
    }
}

/// The table as SQLite's planner sees it.
pub(super) struct TableStat<'t> {
    /// `szTabRow`.
    pub(super) size: LogEst,
    /// The primary key is an INTEGER PRIMARY KEY: the rowid itself.
    pub(super) rowid_alias: bool,
    /// The rowid table first, then the indexes newest first.
    pub(super) probes: Vec<Probe<'t>>,
}

/// `szEst` of a declared type, as `sqlite3AffinityType` guesses it: an
/// integer is 1, text or a blob about 20 bytes (5), `CHAR(k)` k/4 + 1.
fn size_estimate(declared: &str) -> u32 {
    let upper = declared.to_ascii_uppercase();
    let width = if upper.contains("INT") {
        0
    } else if let Some(at) = upper.find("CHAR") {
        upper[at..]
            .split(|c: char| !c.is_ascii_digit())
            .find(|s| !s.is_empty())
            .and_then(|d| d.parse().ok())
            .unwrap_or(16)
    } else if ["CLOB", "TEXT", "BLOB"].iter().any(|t| upper.contains(t)) {
        16
    } else {
        0
    };
    (width / 4 + 1).min(255)
}

/// ANALYZE's figure for a prefix: rows per distinct value rounded up, but
/// 1 when that would be 2 for a nearly unique prefix (analyze.c `statGet`).
fn per_distinct(rows: u64, distinct: u64) -> u64 {
    if distinct == 0 {
        return rows;
    }
    let value = rows.div_ceil(distinct);
    if value == 2 && rows * 10 <= distinct * 11 {
        1
    } else {
        value
    }
}

/// The dump's creation order: built-in indexes in catalog order, then any
/// other (a user's) after them. SQLite lists the newest first.
fn creation_rank(name: &str) -> usize {
    builtin_indexes()
        .iter()
        .position(|d| d.name == name)
        .unwrap_or(usize::MAX)
}

impl<'t> TableStat<'t> {
    pub(super) fn of(
        table: &'t Table,
        visible: &crate::catalog::IndexSet,
        covers: impl Fn(&SecondaryIndex) -> bool,
    ) -> Self {
        let defs = table.schema.column_defs.as_deref().unwrap_or_default();
        let column_size = |i: usize| {
            defs.get(i).map_or(1, |c| {
                size_estimate(type_sql(
                    Dialect::Sqlite,
                    &table.schema.table_name,
                    &c.name,
                    &c.data_type,
                ))
            })
        };
        let rowid_alias = table.primary_key.is_some_and(|pk| {
            defs.get(pk).is_some_and(|c| {
                type_sql(
                    Dialect::Sqlite,
                    &table.schema.table_name,
                    &c.name,
                    &c.data_type,
                ) == "INTEGER"
            })
        });
        let width: u32 = (0..defs.len()).map(column_size).sum::<u32>() + u32::from(!rowid_alias);
        let rows = logest::from_int(table.row_count() as u64);
        let size = logest::from_int(u64::from(width) * 4);
        let mut indexes: Vec<&SecondaryIndex> = table
            .indexes
            .values()
            .filter(|i| visible.contains(&i.def.name))
            .collect();
        indexes.sort_by(|a, b| {
            creation_rank(&b.def.name)
                .cmp(&creation_rank(&a.def.name))
                .then_with(|| b.def.name.cmp(&a.def.name))
        });
        let mut probes = vec![Probe {
            index: None,
            columns: table.primary_key.into_iter().collect(),
            seekable: 1,
            desc: vec![false],
            row_est: vec![rows, 0],
            // TUNING (where.c): interior rows of the rowid table are small.
            size: 3,
            covering: true,
            analyzed: false,
        }];
        probes.extend(indexes.into_iter().map(|index| {
            let columns: Vec<usize> = index
                .key_columns
                .iter()
                .chain(&index.include_columns)
                .copied()
                .collect();
            let mut desc: Vec<bool> = index.def.keys.iter().map(|k| k.desc).collect();
            desc.resize(columns.len(), false);
            let stats = &index.stats;
            let mut row_est = vec![logest::from_int(stats.entries)];
            let mut last = stats.entries;
            for i in 0..columns.len() {
                if let Some(&distinct) = stats.distinct_prefixes.get(i) {
                    last = per_distinct(stats.entries, distinct);
                }
                row_est.push(logest::from_int(last));
            }
            let index_width: u32 = columns.iter().map(|&c| column_size(c)).sum::<u32>() + 1;
            Probe {
                index: Some(index),
                seekable: index.key_columns.len(),
                desc,
                row_est,
                size: logest::from_int(u64::from(index_width) * 4),
                covering: covers(index),
                analyzed: stats.entries > 0,
                columns,
            }
        }));
        TableStat {
            size,
            rowid_alias,
            probes,
        }
    }

    /// ANALYZE left stat4 samples for the table (some index has rows).
    pub(super) fn has_samples(&self) -> bool {
        self.probes.iter().any(|p| p.analyzed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_types_as_sqlite_sizes_them() {
        assert_eq!(size_estimate("INTEGER"), 1);
        assert_eq!(size_estimate("TEXT"), 5);
        assert_eq!(size_estimate("TIMESTAMP"), 1);
        assert_eq!(size_estimate("VARCHAR(100)"), 26);
        assert_eq!(size_estimate("BOOLEAN"), 1);
    }

    #[test]
    fn stat1_rounds_up_except_nearly_unique() {
        assert_eq!(per_distinct(100, 10), 10);
        assert_eq!(per_distinct(101, 10), 11);
        assert_eq!(per_distinct(105, 100), 1, "1.05 rows per value stays 1");
        assert_eq!(per_distinct(150, 100), 2);
    }
}
