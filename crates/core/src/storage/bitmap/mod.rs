//! Bitmap heap scans, as PostgreSQL runs them: each index range yields
//! the row keys of its entries (a Bitmap Index Scan: one `idx_scan`, one
//! `idx_tup_read` per entry, no row fetched), the sets are intersected
//! (BitmapAnd, which stops at the first empty part) and united
//! (BitmapOr), and the rows are fetched once each in row-key order (the
//! table's physical order), rechecked against the spec's filter.
mod rowset;

use gluesql_core::error::{Error, Result};
use gluesql_core::store::RowIter;

use super::access::BitmapSource;
use super::read::RowReader;
use super::{bump, SeekStorage, Table};
pub(crate) use rowset::RowSet;

/// Index entries between two looks at the clock while gathering: no row
/// is handed out then, so the row counter's own checks do not run.
const CLOCK_EVERY: u64 = 4_096;

/// The rows `source` selects, fetched in row-key order.
pub(crate) fn scan<'a>(
    storage: &'a SeekStorage,
    table: &'a Table,
    source: &BitmapSource,
    mut reader: RowReader,
) -> Result<RowIter<'a>> {
    let mut gather = Gather {
        storage,
        table,
        read: 0,
    };
    let keys = gather.keys(source)?.into_keys();
    Ok(Box::new(keys.into_iter().filter_map(move |key| {
        // Every key came from a live entry, whose row is in the table.
        let row = table.rows.get(key)?;
        bump(&storage.table_lookups);
        reader.read(storage, key, row)
    })))
}

struct Gather<'a> {
    storage: &'a SeekStorage,
    table: &'a Table,
    /// Entries read so far by this scan.
    read: u64,
}

impl<'a> Gather<'a> {
    fn keys(&mut self, source: &BitmapSource) -> Result<RowSet<'a>> {
        match source {
            BitmapSource::Index(range) => self.range(range),
            BitmapSource::And(parts) => {
                let mut parts = parts.iter();
                let first = parts.next().map(|p| self.keys(p)).transpose()?;
                let mut keys = first.unwrap_or_default();
                for part in parts {
                    if keys.is_empty() {
                        break;
                    }
                    keys = keys.and(&self.keys(part)?);
                }
                Ok(keys)
            }
            BitmapSource::Or(parts) => {
                parts.iter().try_fold(
                    RowSet::default(),
                    |keys, part| Ok(keys.or(self.keys(part)?)),
                )
            }
        }
    }

    /// The row keys of one index range's entries.
    fn range(&mut self, range: &super::access::IndexRange) -> Result<RowSet<'a>> {
        let index =
            self.table.indexes.get(&range.index).ok_or_else(|| {
                Error::StorageMsg(format!("index {} does not exist", range.index))
            })?;
        let tally = self.storage.usage.scan_started(&range.index);
        let mut keys = Vec::new();
        for (bytes, _) in index.seek_range(range.key_range(), false)? {
            bump(&self.storage.index_entries);
            tally.entry_read();
            keys.push(index.row_key(bytes)?);
            self.read += 1;
            if self.read.is_multiple_of(CLOCK_EVERY) {
                let done = format!("{} index entries read", crate::units::thousands(self.read));
                self.storage.check_time(&done)?;
            }
        }
        Ok(RowSet::from_keys(keys))
    }
}
