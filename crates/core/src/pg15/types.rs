//! PostgreSQL's view of a column: the type `dump.rs` writes for
//! `Dialect::Postgres`, its storage (`typlen`, `typalign`, varlena), the
//! on-disk size of one value, the type's ordering and `convert_to_scalar`.

use std::cmp::Ordering;

use gluesql_core::ast::DataType;
use gluesql_core::chrono::{NaiveDate, NaiveDateTime};
use gluesql_core::data::Value;
use serde::{Deserialize, Serialize};

/// A PostgreSQL column type, as far as sizes and statistics need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PgType {
    Bool,
    Int2,
    Int4,
    Int8,
    Float8,
    Numeric,
    Text,
    Jsonb,
    Date,
    Time,
    Timestamptz,
    Uuid,
    Bytea,
}

/// `typalign`: the alignment of a type's values inside a tuple.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Char,
    Short,
    Int,
    Double,
}

impl Align {
    pub fn bytes(self) -> usize {
        match self {
            Align::Char => 1,
            Align::Short => 2,
            Align::Int => 4,
            Align::Double => 8,
        }
    }
}

/// `MAXALIGN` on x86-64: 8 bytes.
pub fn maxalign(len: usize) -> usize {
    align_to(len, 8)
}

pub fn align_to(len: usize, align: usize) -> usize {
    len.div_ceil(align) * align
}

/// The largest data part of a varlena whose header can be one byte
/// (`VARATT_SHORT_MAX` 127 minus the header).
const SHORT_VARLENA_MAX_DATA: usize = 126;

impl PgType {
    /// The type `dump::Dialect::Postgres` writes for a GlueSQL column:
    /// TIMESTAMP as timestamptz, INT as integer, FLOAT as double precision,
    /// DECIMAL and the 128-bit integers as numeric, JSON text as jsonb
    /// (`is_json`, as `dump::is_json_column` says), and everything the dump
    /// writes as TEXT (UUID included) as text.
    pub fn from_gluesql(data_type: &DataType, is_json: bool) -> PgType {
        match data_type {
            DataType::Boolean => PgType::Bool,
            DataType::Int8 | DataType::Int16 | DataType::Uint8 => PgType::Int2,
            DataType::Int32 | DataType::Int | DataType::Uint16 => PgType::Int4,
            DataType::Uint32 => PgType::Int8,
            DataType::Int128 | DataType::Uint64 | DataType::Uint128 | DataType::Decimal => {
                PgType::Numeric
            }
            DataType::Float32 | DataType::Float => PgType::Float8,
            DataType::Date => PgType::Date,
            DataType::Timestamp => PgType::Timestamptz,
            DataType::Time => PgType::Time,
            DataType::Text if is_json => PgType::Jsonb,
            _ => PgType::Text,
        }
    }

    /// `typlen`: the fixed size in bytes, or `None` for a varlena.
    pub fn typlen(self) -> Option<usize> {
        match self {
            PgType::Bool => Some(1),
            PgType::Int2 => Some(2),
            PgType::Int4 | PgType::Date => Some(4),
            PgType::Int8 | PgType::Float8 | PgType::Time | PgType::Timestamptz => Some(8),
            PgType::Uuid => Some(16),
            PgType::Numeric | PgType::Text | PgType::Jsonb | PgType::Bytea => None,
        }
    }

    /// `typalign`.
    pub fn align(self) -> Align {
        match self {
            PgType::Bool | PgType::Uuid => Align::Char,
            PgType::Int2 => Align::Short,
            PgType::Int4 | PgType::Date => Align::Int,
            PgType::Numeric | PgType::Text | PgType::Jsonb | PgType::Bytea => Align::Int,
            PgType::Int8 | PgType::Float8 | PgType::Time | PgType::Timestamptz => Align::Double,
        }
    }

    /// The size of a value's varlena data (without its header), or `None`
    /// for a fixed-size type.
    fn varlena_data(self, value: &Value) -> Option<usize> {
        match self {
            PgType::Text => Some(text_of(value).len()),
            PgType::Bytea => Some(match value {
                Value::Bytea(b) => b.len(),
                other => text_of(other).len(),
            }),
            PgType::Numeric => Some(numeric_data_size(&text_of(value))),
            PgType::Jsonb => Some(jsonb_data_size(&text_of(value))),
            _ => None,
        }
    }

    /// How a non-null value sits in a heap or index tuple: its alignment
    /// (none for a one-byte-header varlena) and its size, as
    /// `heap_compute_data_size` counts it. Varlenas under 127 bytes get a
    /// 1-byte header; longer ones a 4-byte header (no TOAST compression is
    /// modelled: values here are far below `TOAST_TUPLE_THRESHOLD`).
    pub fn stored(self, value: &Value) -> (usize, usize) {
        match (self.typlen(), self.varlena_data(value)) {
            (Some(len), _) => (self.align().bytes(), len),
            (None, Some(data)) if data <= SHORT_VARLENA_MAX_DATA => (1, data + 1),
            (None, Some(data)) => (4, data + 4),
            (None, None) => unreachable!("every varlena type has a data size"),
        }
    }

    /// The width ANALYZE records for a value (`VARSIZE_ANY` of the stored
    /// datum for a varlena, `typlen` otherwise).
    pub fn stored_width(self, value: &Value) -> usize {
        self.stored(value).1
    }

    /// Whether the type's btree opclass is "equalimage" (deduplication is
    /// allowed): not numeric (display scale) nor float8 (-0 = +0).
    pub fn btree_equalimage(self) -> bool {
        !matches!(self, PgType::Numeric | PgType::Float8)
    }
}

/// A value's text, as its text input would read it.
pub fn text_of(value: &Value) -> String {
    match value {
        Value::Str(s) => s.clone(),
        other => String::from(other.clone()),
    }
}

/// numeric's data size: a 2-byte short header plus 2 bytes per base-10000
/// digit once leading and trailing zero digits are stripped (`make_result`).
fn numeric_data_size(text: &str) -> usize {
    let digits = text.trim_start_matches(['-', '+']);
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    let int_part = int_part.trim_start_matches('0');
    let frac_part = frac_part.trim_end_matches('0');
    // Group the integer digits from the point leftwards, the fraction's
    // from the point rightwards, four at a time.
    let mut groups: Vec<bool> = Vec::new(); // true: a non-zero group
    let int_groups = int_part.len().div_ceil(4);
    let padded_int = format!("{:0>width$}", int_part, width = int_groups * 4);
    for chunk in padded_int.as_bytes().chunks(4) {
        groups.push(chunk.iter().any(|&c| c != b'0'));
    }
    let frac_groups = frac_part.len().div_ceil(4);
    let padded_frac = format!("{:0<width$}", frac_part, width = frac_groups * 4);
    for chunk in padded_frac.as_bytes().chunks(4) {
        groups.push(chunk.iter().any(|&c| c != b'0'));
    }
    let first = groups.iter().position(|g| *g);
    let last = groups.iter().rposition(|g| *g);
    let ndigits = match (first, last) {
        (Some(f), Some(l)) => l - f + 1,
        _ => 0,
    };
    2 + 2 * ndigits
}

/// jsonb's data size (without the varlena header), as `convertToJsonb`
/// lays it out: a 4-byte container header, a 4-byte JEntry per element
/// (two per object pair), keys sorted by (length, bytes) and deduplicated,
/// then the values; numerics and nested containers padded to 4 bytes
/// (counted from the varlena's start). Text that is not JSON counts as a
/// jsonb string.
fn jsonb_data_size(text: &str) -> usize {
    let parsed: serde_json::Value =
        serde_json::from_str(text).unwrap_or(serde_json::Value::String(text.to_owned()));
    // The buffer starts with the 4-byte varlena header.
    let end = match &parsed {
        serde_json::Value::Array(_) | serde_json::Value::Object(_) => jsonb_container(&parsed, 4),
        // A raw scalar is stored as a one-element array flagged scalar.
        scalar => jsonb_container(&serde_json::Value::Array(vec![scalar.clone()]), 4),
    };
    end - 4
}

/// Lays out a container at `offset` and returns the offset after it.
fn jsonb_container(value: &serde_json::Value, offset: usize) -> usize {
    let children: Vec<&serde_json::Value> = match value {
        serde_json::Value::Array(items) => items.iter().collect(),
        serde_json::Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by(|a, b| a.len().cmp(&b.len()).then(a.as_bytes().cmp(b.as_bytes())));
            keys.dedup();
            let mut pos = offset + 4 + 8 * keys.len();
            pos += keys.iter().map(|k| k.len()).sum::<usize>();
            for key in keys {
                pos = jsonb_scalar_or_container(&map[key], pos);
            }
            return pos;
        }
        _ => unreachable!("containers only"),
    };
    let mut pos = offset + 4 + 4 * children.len();
    for child in children {
        pos = jsonb_scalar_or_container(child, pos);
    }
    pos
}

fn jsonb_scalar_or_container(value: &serde_json::Value, pos: usize) -> usize {
    match value {
        serde_json::Value::Null | serde_json::Value::Bool(_) => pos,
        serde_json::Value::String(s) => pos + s.len(),
        // A numeric inside jsonb keeps its 4-byte varlena header.
        serde_json::Value::Number(n) => align_to(pos, 4) + 4 + numeric_data_size(&n.to_string()),
        container => jsonb_container(container, align_to(pos, 4)),
    }
}

/// The type's btree order between two non-null values (text in the C
/// collation: byte order). Values of unrelated kinds compare by kind so the
/// order stays total.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    if let (Some(x), Some(y)) = (as_i128(a), as_i128(b)) {
        return x.cmp(&y);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Decimal(x), Value::Decimal(y)) => x.cmp(y),
        (Value::Timestamp(x), Value::Timestamp(y)) => x.cmp(y),
        (Value::Date(x), Value::Date(y)) => x.cmp(y),
        (Value::Time(x), Value::Time(y)) => x.cmp(y),
        (Value::Uuid(x), Value::Uuid(y)) => x.cmp(y),
        (Value::Bytea(x), Value::Bytea(y)) => x.cmp(y),
        _ => match (as_f64(a), as_f64(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            _ => text_of(a).as_bytes().cmp(text_of(b).as_bytes()),
        },
    }
}

/// Equality in the type's btree opclass.
pub fn equal(a: &Value, b: &Value) -> bool {
    compare(a, b) == Ordering::Equal
}

fn as_i128(v: &Value) -> Option<i128> {
    Some(match v {
        Value::I8(x) => *x as i128,
        Value::I16(x) => *x as i128,
        Value::I32(x) => *x as i128,
        Value::I64(x) => *x as i128,
        Value::I128(x) => *x,
        Value::U8(x) => *x as i128,
        Value::U16(x) => *x as i128,
        Value::U32(x) => *x as i128,
        Value::U64(x) => *x as i128,
        Value::U128(x) => i128::try_from(*x).ok()?,
        _ => return None,
    })
}

fn as_f64(v: &Value) -> Option<f64> {
    use rust_decimal::prelude::ToPrimitive;
    match v {
        Value::F32(x) => Some(*x as f64),
        Value::F64(x) => Some(*x),
        Value::Decimal(d) => d.to_f64(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        other => as_i128(other).map(|x| x as f64),
    }
}

fn pg_epoch() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2000, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid date")
}

/// `convert_to_scalar` for the non-string types: numbers and booleans as
/// themselves (`convert_numeric_to_scalar`), date and timestamp as
/// microseconds since 2000-01-01 and time as microseconds since midnight
/// (`convert_timevalue_to_scalar`). `None` for strings and other kinds.
pub fn numeric_scalar(v: &Value) -> Option<f64> {
    match v {
        Value::Timestamp(t) => Some((*t - pg_epoch()).num_microseconds()? as f64),
        Value::Date(d) => {
            let t = d.and_hms_opt(0, 0, 0)?;
            Some((t - pg_epoch()).num_microseconds()? as f64)
        }
        Value::Time(t) => {
            let midnight = gluesql_core::chrono::NaiveTime::from_hms_opt(0, 0, 0)?;
            Some((*t - midnight).num_microseconds()? as f64)
        }
        other => as_f64(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varlena_headers_and_alignment() {
        let short = Value::Str("x".repeat(126));
        assert_eq!(PgType::Text.stored(&short), (1, 127));
        let long = Value::Str("x".repeat(127));
        assert_eq!(PgType::Text.stored(&long), (4, 131));
        assert_eq!(PgType::Int4.stored(&Value::I64(5)), (4, 4));
        assert_eq!(PgType::Timestamptz.align(), Align::Double);
    }

    #[test]
    fn numeric_sizes_follow_base_10000_digits() {
        // 1 header byte + 2-byte short numeric header + 2 per digit group.
        assert_eq!(PgType::Numeric.stored(&Value::Str("0".into())).1, 3);
        assert_eq!(PgType::Numeric.stored(&Value::Str("12345".into())).1, 7);
        assert_eq!(PgType::Numeric.stored(&Value::Str("10000".into())).1, 5);
        assert_eq!(PgType::Numeric.stored(&Value::Str("1.5".into())).1, 7);
    }

    #[test]
    fn jsonb_sizes() {
        // {"a": 1}: header 4 + 2 JEntries 8 + key 1, numeric padded to 4
        // from the varlena start (4+13=17 -> 20) + 4 + 4.
        assert_eq!(jsonb_data_size(r#"{"a": 1}"#), 24);
        assert_eq!(jsonb_data_size(r#"{}"#), 4);
        assert_eq!(jsonb_data_size(r#""ab""#), 4 + 4 + 2);
    }

    #[test]
    fn order_and_scalars() {
        assert_eq!(compare(&Value::I64(2), &Value::I32(10)), Ordering::Less);
        assert_eq!(
            compare(&Value::Str("B".into()), &Value::Str("a".into())),
            Ordering::Less
        );
        let t = pg_epoch() + gluesql_core::chrono::Duration::seconds(1);
        assert_eq!(numeric_scalar(&Value::Timestamp(t)), Some(1e6));
        assert_eq!(
            PgType::from_gluesql(&DataType::Timestamp, false),
            PgType::Timestamptz
        );
        assert_eq!(PgType::from_gluesql(&DataType::Text, true), PgType::Jsonb);
        assert_eq!(PgType::from_gluesql(&DataType::Int, false), PgType::Int4);
    }
}
