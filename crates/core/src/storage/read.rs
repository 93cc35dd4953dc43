//! What every read does with a table row it reaches: count it as
//! examined (which checks the statement's budget), check the spec's
//! filter on the encoded row, and decode only the columns asked for.
use gluesql_core::data::{Key, Value};
use gluesql_core::error::Result;

use super::access::AccessSpec;
use super::filter::RowFilter;
use super::rows::decoded_key;
use super::{rowcode, SeekStorage, Table};

pub(crate) struct RowReader {
    filter: Option<RowFilter>,
    /// Columns to decode, by position; `None` decodes all.
    wanted: Option<Vec<bool>>,
}

impl RowReader {
    pub(crate) fn new(table: &Table, spec: &AccessSpec) -> Result<Self> {
        let filter = spec.filter.as_ref().map(RowFilter::new).transpose()?;
        let wanted = spec.columns.as_ref().map(|columns| {
            let mut wanted = vec![false; table.schema.column_defs.as_ref().map_or(0, Vec::len)];
            for &column in columns {
                if let Some(slot) = wanted.get_mut(column) {
                    *slot = true;
                }
            }
            wanted
        });
        Ok(Self { filter, wanted })
    }

    /// The row under the encoded `key`, counted as examined; `None` when
    /// the filter rejects it (a rejected row was still read).
    pub(crate) fn read(
        &mut self,
        storage: &SeekStorage,
        key: &[u8],
        row: &[u8],
    ) -> Option<Result<(Key, Vec<Value>)>> {
        if let Err(error) = storage.examine() {
            return Some(Err(error));
        }
        match self.filter.as_mut().map_or(Ok(true), |f| f.passes(row)) {
            Ok(true) => Some(decoded_key(key).and_then(|key| Ok((key, self.decode(row)?)))),
            Ok(false) => None,
            Err(error) => Some(Err(error)),
        }
    }

    fn decode(&self, row: &[u8]) -> Result<Vec<Value>> {
        match &self.wanted {
            Some(wanted) => rowcode::decode_columns(row, wanted),
            None => rowcode::decode(row),
        }
    }
}
