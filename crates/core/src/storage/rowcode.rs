//! A stored row as one byte string: each cell in the ascending index-key
//! encoding (see `keycode`), so a load allocates once per row instead of
//! once per string, and an index key is the row's key cells copied out.
//! Values that are no key (maps, lists, points) and DECIMAL, whose key
//! form drops the scale, get row-only tags.
use std::collections::BTreeMap;

use gluesql_core::data::{Point, Value};
use gluesql_core::error::{Error, Result};
use rust_decimal::Decimal;

use super::keycode;

const DECIMAL: u8 = 0xF0;
const MAP: u8 = 0xF1;
const LIST: u8 = 0xF2;
const POINT: u8 = 0xF3;

fn corrupt(what: &str) -> Error {
    Error::StorageMsg(format!("corrupt row: {what}"))
}

fn encode_cell(value: &Value, out: &mut Vec<u8>) -> Result<()> {
    match value {
        Value::Decimal(d) => {
            out.push(DECIMAL);
            out.extend_from_slice(&d.serialize());
        }
        Value::Map(map) => {
            out.push(MAP);
            out.extend_from_slice(&(map.len() as u32).to_be_bytes());
            for (key, value) in map {
                keycode::encode_value(&Value::Str(key.clone()), false, out)?;
                encode_cell(value, out)?;
            }
        }
        Value::List(items) => {
            out.push(LIST);
            out.extend_from_slice(&(items.len() as u32).to_be_bytes());
            for item in items {
                encode_cell(item, out)?;
            }
        }
        Value::Point(p) => {
            out.push(POINT);
            out.extend_from_slice(&p.x.to_bits().to_be_bytes());
            out.extend_from_slice(&p.y.to_bits().to_be_bytes());
        }
        other => keycode::encode_value(other, false, out)?,
    }
    Ok(())
}

/// The row's cells in one allocation.
pub(crate) fn encode(row: &[Value], scratch: &mut Vec<u8>) -> Result<Box<[u8]>> {
    scratch.clear();
    for value in row {
        encode_cell(value, scratch)?;
    }
    Ok(scratch.as_slice().into())
}

fn array<const N: usize>(bytes: &[u8], at: usize) -> Result<[u8; N]> {
    bytes
        .get(at..at + N)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| corrupt("a cell ends early"))
}

fn count(bytes: &[u8], at: usize) -> Result<usize> {
    Ok(u32::from_be_bytes(array(bytes, at)?) as usize)
}

/// Whether the cell at `at` is in index-key form.
pub(crate) fn is_key_form(bytes: &[u8], at: usize) -> bool {
    !matches!(bytes.get(at), Some(&(DECIMAL | MAP | LIST | POINT)))
}

/// The cell at `at`, and where the next one starts.
pub(crate) fn decode_cell(bytes: &[u8], at: usize) -> Result<(Value, usize)> {
    let tag = *bytes.get(at).ok_or_else(|| corrupt("a missing cell"))?;
    Ok(match tag {
        DECIMAL => (
            Value::Decimal(Decimal::deserialize(array(bytes, at + 1)?)),
            at + 17,
        ),
        MAP => {
            let mut map = BTreeMap::new();
            let mut next = at + 5;
            for _ in 0..count(bytes, at + 1)? {
                let (key, after) = keycode::decode(bytes, next, false)?;
                let (value, after) = decode_cell(bytes, after)?;
                map.insert(String::from(Value::from(key)), value);
                next = after;
            }
            (Value::Map(map), next)
        }
        LIST => {
            let items = count(bytes, at + 1)?;
            let mut list = Vec::with_capacity(items.min(bytes.len()));
            let mut next = at + 5;
            for _ in 0..items {
                let (value, after) = decode_cell(bytes, next)?;
                list.push(value);
                next = after;
            }
            (Value::List(list), next)
        }
        POINT => {
            let x = f64::from_bits(u64::from_be_bytes(array(bytes, at + 1)?));
            let y = f64::from_bits(u64::from_be_bytes(array(bytes, at + 9)?));
            (Value::Point(Point { x, y }), at + 17)
        }
        _ => {
            let (key, next) = keycode::decode(bytes, at, false)?;
            (Value::from(key), next)
        }
    })
}

/// Where the cell at `at` ends.
#[inline]
pub(crate) fn skip_cell(bytes: &[u8], at: usize) -> Result<usize> {
    match bytes.get(at) {
        Some(&(DECIMAL | POINT)) => Ok(at + 17),
        Some(&(MAP | LIST)) => Ok(decode_cell(bytes, at)?.1),
        _ => keycode::skip(bytes, at, false),
    }
}

/// Every cell of a row.
pub(crate) fn decode(bytes: &[u8]) -> Result<Vec<Value>> {
    let mut row = Vec::with_capacity(16);
    let mut at = 0;
    while at < bytes.len() {
        let (value, next) = decode_cell(bytes, at)?;
        row.push(value);
        at = next;
    }
    Ok(row)
}

/// The cells of a row that `wanted` marks (by column), the others NULL:
/// skipping a cell costs far less than decoding it.
pub(crate) fn decode_columns(bytes: &[u8], wanted: &[bool]) -> Result<Vec<Value>> {
    let mut row = Vec::with_capacity(wanted.len());
    let mut at = 0;
    while at < bytes.len() {
        if wanted.get(row.len()).copied().unwrap_or(true) {
            let (value, next) = decode_cell(bytes, at)?;
            row.push(value);
            at = next;
        } else {
            row.push(Value::Null);
            at = skip_cell(bytes, at)?;
        }
    }
    Ok(row)
}

/// Where each of the first `cells` cells starts, plus where the last of
/// them ends, into `starts`.
pub(crate) fn cell_starts(bytes: &[u8], cells: usize, starts: &mut Vec<usize>) -> Result<()> {
    starts.clear();
    let mut at = 0;
    while at < bytes.len() && starts.len() < cells {
        starts.push(at);
        at = skip_cell(bytes, at)?;
    }
    starts.push(at);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_round_trip_exactly() {
        let row = vec![
            Value::I64(7),
            Value::Str("a\0b".into()),
            Value::Null,
            Value::Decimal(Decimal::new(100, 2)),
            Value::Map(BTreeMap::from([
                (
                    "k".to_owned(),
                    Value::List(vec![Value::Bool(true), Value::Null]),
                ),
                ("\0".to_owned(), Value::F64(-0.0)),
            ])),
            Value::Point(Point { x: 1.5, y: -2.0 }),
            Value::Str(String::new()),
        ];
        let bytes = encode(&row, &mut Vec::new()).unwrap();
        let back = decode(&bytes).unwrap();
        assert_eq!(format!("{row:?}"), format!("{back:?}"));
        let mut starts = Vec::new();
        cell_starts(&bytes, usize::MAX, &mut starts).unwrap();
        assert_eq!(starts.len(), row.len() + 1);
        assert!(is_key_form(&bytes, starts[1]) && !is_key_form(&bytes, starts[3]));
        assert_eq!(
            decode_cell(&bytes, starts[6]).unwrap().0,
            Value::Str(String::new())
        );
        let some = decode_columns(&bytes, &[false, true, false, true]).unwrap();
        assert_eq!(some.len(), row.len());
        assert_eq!(some[1], row[1]);
        assert_eq!(format!("{:?}", some[3]), format!("{:?}", row[3]));
        assert!(some[0].is_null() && some[2].is_null());
        // Past the mask, every cell is decoded.
        assert_eq!(some[6], Value::Str(String::new()));
    }
}
