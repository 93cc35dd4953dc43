//! Index keys as byte strings whose byte order is the index order, so a
//! build sorts flat keys with `memcmp` and an entry owns no strings.
//!
//! Each column is a type tag and a fixed-width, tag-sized or escaped
//! payload, which makes every column's encoding prefix-free: comparing two keys byte by
//! byte compares them column by column, and a DESC column is the same bytes
//! inverted. NULL's tag is 0xFF, so NULL sorts last ascending and first
//! descending, as `Key::None` does. Within one type the order is `Key`'s;
//! one column holds one type (GlueSQL casts values to the column type), so
//! the order between types never matters.
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use gluesql_core::chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use gluesql_core::data::{Interval, Key, Value};
use gluesql_core::error::{Error, Result};
use rust_decimal::Decimal;

const BOOL: u8 = 1;
const I8: u8 = 2;
const I16: u8 = 3;
const I32: u8 = 4;
const I128: u8 = 6;
const U8: u8 = 7;
const U16: u8 = 8;
const U32: u8 = 9;
const U64: u8 = 10;
const U128: u8 = 11;
const F32: u8 = 12;
const F64: u8 = 13;
const DECIMAL: u8 = 14;
const STR: u8 = 15;
const BYTEA: u8 = 16;
const DATE: u8 = 17;
const TIMESTAMP: u8 = 18;
const TIME: u8 = 19;
const INTERVAL: u8 = 20;
const UUID: u8 = 21;
const INET: u8 = 22;
pub(crate) const NULL: u8 = 0xFF;
/// The tag of an I64 zero. An I64 takes only the bytes its value needs,
/// and its tag says how many: `I64_ZERO + n` for n bytes of a positive
/// value, `I64_ZERO - 1 - n` for n bytes of a negative one (its low bytes;
/// the rest are all ones). More bytes mean farther from zero, so byte order
/// stays value order, and row ids, counts and foreign keys, small numbers
/// all, take two to four bytes instead of nine.
const I64_ZERO: u8 = 0x39;
const I64_LOWEST: u8 = I64_ZERO - 9;
const I64_HIGHEST: u8 = I64_ZERO + 8;

/// Bytes kept inline; longer keys go to the heap. 62 holds every built-in
/// index key (the longest action name with customer, timestamp and id).
const INLINE: usize = 62;

/// One encoded index key: inline when short, so sorting a build's keys
/// moves flat bytes and compares them without chasing pointers.
#[derive(Clone)]
pub(crate) enum IndexKey {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<[u8]>),
}

impl IndexKey {
    pub(crate) fn new(bytes: &[u8]) -> Self {
        if bytes.len() <= INLINE {
            let mut inline = [0; INLINE];
            inline[..bytes.len()].copy_from_slice(bytes);
            IndexKey::Inline {
                len: bytes.len() as u8,
                bytes: inline,
            }
        } else {
            IndexKey::Heap(bytes.into())
        }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            IndexKey::Inline { len, bytes } => &bytes[..usize::from(*len)],
            IndexKey::Heap(bytes) => bytes,
        }
    }

    /// Heap bytes behind the key, beyond its inline size.
    pub(crate) fn heap_len(&self) -> usize {
        match self {
            IndexKey::Inline { .. } => 0,
            IndexKey::Heap(bytes) => bytes.len(),
        }
    }
}

impl std::borrow::Borrow<[u8]> for IndexKey {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl PartialEq for IndexKey {
    fn eq(&self, other: &Self) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for IndexKey {}

impl Ord for IndexKey {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.as_bytes(), other.as_bytes());
        // Byte order, with the first eight bytes as one big-endian word:
        // most comparisons of a build's sort end there.
        if let (Some(x), Some(y)) = (a.first_chunk::<8>(), b.first_chunk::<8>()) {
            match u64::from_be_bytes(*x).cmp(&u64::from_be_bytes(*y)) {
                Ordering::Equal => a[8..].cmp(&b[8..]),
                unequal => unequal,
            }
        } else {
            a.cmp(b)
        }
    }
}

impl PartialOrd for IndexKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for IndexKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl std::fmt::Debug for IndexKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IndexKey({:02x?})", self.as_bytes())
    }
}

/// An I64 as its length-carrying tag and its significant bytes.
fn compact_i64(v: i64, out: &mut Vec<u8>) {
    // Bytes that differ from the sign's filler (0x00 above a positive
    // value, 0xFF above a negative one).
    let magnitude = if v < 0 { !v } else { v };
    let n = (64 - magnitude.leading_zeros()).div_ceil(8) as u8;
    out.push(if v < 0 {
        I64_ZERO - 1 - n
    } else {
        I64_ZERO + n
    });
    out.extend_from_slice(&v.to_be_bytes()[usize::from(8 - n)..]);
}

/// Payload bytes after an I64 tag.
fn i64_len(tag: u8) -> usize {
    usize::from(if tag >= I64_ZERO {
        tag - I64_ZERO
    } else {
        I64_ZERO - 1 - tag
    })
}

fn signed<const N: usize>(be: [u8; N], out: &mut Vec<u8>) {
    out.push(be[0] ^ 0x80);
    out.extend_from_slice(&be[1..]);
}

/// Escapes `escaped` writes for the two lowest bytes, after `ESCAPE`.
const ESCAPE: u8 = 1;
const ESCAPED_ZERO: u8 = 1;
const ESCAPED_ONE: u8 = 2;

/// Bytes with 0x00 escaped as 01 01 and 0x01 as 01 02, ended by one 0x00:
/// every byte of the payload is then above the end, so the encoding is
/// prefix-free and a shorter string still sorts before its extensions, and
/// the escapes keep the order of the bytes they stand for. Text rarely
/// holds either byte, so a string costs its bytes and two.
fn escaped(bytes: &[u8], out: &mut Vec<u8>) {
    if memchr::memchr2(0, ESCAPE, bytes).is_none() {
        out.extend_from_slice(bytes);
    } else {
        for &b in bytes {
            match b {
                0 => out.extend_from_slice(&[ESCAPE, ESCAPED_ZERO]),
                ESCAPE => out.extend_from_slice(&[ESCAPE, ESCAPED_ONE]),
                b => out.push(b),
            }
        }
    }
    out.push(0);
}

/// The byte an escape stands for.
fn unescaped(b: u8) -> Result<u8> {
    match b {
        ESCAPED_ZERO => Ok(0),
        ESCAPED_ONE => Ok(ESCAPE),
        _ => Err(corrupt("a bad escape in a string key")),
    }
}

fn float_bits32(v: f32) -> u32 {
    let bits = v.to_bits();
    // `total_cmp` order: negatives reversed below positives.
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

fn float_bits64(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// The value as sign, integer part and 28 fractional digits. Equal values
/// of different scales (1.0, 1.00) encode alike and decode normalized.
fn decimal(v: &Decimal, out: &mut Vec<u8>) {
    let negative = v.is_sign_negative() && !v.is_zero();
    let magnitude = v.abs();
    let int = magnitude.trunc().mantissa() as u128;
    let fract = magnitude.fract();
    let fract = fract.mantissa() as u128 * 10u128.pow(28 - fract.scale());
    let mut payload = [0u8; 24];
    payload[..12].copy_from_slice(&int.to_be_bytes()[4..]);
    payload[12..].copy_from_slice(&fract.to_be_bytes()[4..]);
    if negative {
        out.push(0);
        out.extend(payload.iter().map(|b| !b));
    } else {
        out.push(1);
        out.extend_from_slice(&payload);
    }
}

fn date_days(date: &NaiveDate) -> [u8; 4] {
    (date.num_days_from_ce() as u32 ^ 1 << 31).to_be_bytes()
}

/// Seconds since midnight and nanoseconds (a leap second's reach past 1e9)
/// in 48 bits.
fn time_bits(time: &NaiveTime) -> [u8; 6] {
    let bits = u64::from(time.num_seconds_from_midnight()) << 31 | u64::from(time.nanosecond());
    let be = bits.to_be_bytes();
    [be[2], be[3], be[4], be[5], be[6], be[7]]
}

/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// Seconds since 1970 and nanoseconds, each as a compact I64: (seconds,
/// nanoseconds) order is the timestamp's (a leap second's nanoseconds run
/// past 1e9 within its second), and a timestamp of whole seconds from
/// these decades takes seven bytes, not eleven.
fn timestamp(t: &NaiveDateTime, out: &mut Vec<u8>) {
    out.push(TIMESTAMP);
    let days = i64::from(t.date().num_days_from_ce()) - EPOCH_DAYS_FROM_CE;
    let seconds = days * 86_400 + i64::from(t.time().num_seconds_from_midnight());
    compact_i64(seconds, out);
    compact_i64(i64::from(t.time().nanosecond()), out);
}

fn inet(ip: &IpAddr, out: &mut Vec<u8>) {
    out.push(INET);
    match ip {
        IpAddr::V4(v4) => {
            out.push(0);
            out.extend_from_slice(&v4.octets());
        }
        IpAddr::V6(v6) => {
            out.push(1);
            out.extend_from_slice(&v6.octets());
        }
    }
}

fn interval(i: &Interval, out: &mut Vec<u8>) {
    out.push(INTERVAL);
    // `Key` puts every microsecond interval before every month interval.
    match i {
        Interval::Microsecond(v) => {
            out.push(0);
            signed(v.to_be_bytes(), out);
        }
        Interval::Month(v) => {
            out.push(1);
            signed(v.to_be_bytes(), out);
        }
    }
}

pub(crate) fn invert_from(out: &mut [u8], start: usize) {
    for b in &mut out[start..] {
        *b = !*b;
    }
}

/// Appends one column, inverted when `desc`.
pub(crate) fn encode_value(value: &Value, desc: bool, out: &mut Vec<u8>) -> Result<()> {
    let start = out.len();
    match value {
        Value::Null => out.push(NULL),
        Value::Bool(v) => out.extend_from_slice(&[BOOL, u8::from(*v)]),
        Value::I8(v) => {
            out.push(I8);
            signed(v.to_be_bytes(), out);
        }
        Value::I16(v) => {
            out.push(I16);
            signed(v.to_be_bytes(), out);
        }
        Value::I32(v) => {
            out.push(I32);
            signed(v.to_be_bytes(), out);
        }
        Value::I64(v) => compact_i64(*v, out),
        Value::I128(v) => {
            out.push(I128);
            signed(v.to_be_bytes(), out);
        }
        Value::U8(v) => out.extend_from_slice(&[U8, *v]),
        Value::U16(v) => {
            out.push(U16);
            out.extend_from_slice(&v.to_be_bytes());
        }
        Value::U32(v) => {
            out.push(U32);
            out.extend_from_slice(&v.to_be_bytes());
        }
        Value::U64(v) => {
            out.push(U64);
            out.extend_from_slice(&v.to_be_bytes());
        }
        Value::U128(v) => {
            out.push(U128);
            out.extend_from_slice(&v.to_be_bytes());
        }
        Value::F32(v) => {
            out.push(F32);
            out.extend_from_slice(&float_bits32(*v).to_be_bytes());
        }
        Value::F64(v) => {
            out.push(F64);
            out.extend_from_slice(&float_bits64(*v).to_be_bytes());
        }
        Value::Decimal(v) => {
            out.push(DECIMAL);
            decimal(v, out);
        }
        Value::Str(s) => {
            out.push(STR);
            escaped(s.as_bytes(), out);
        }
        Value::Bytea(b) => {
            out.push(BYTEA);
            escaped(b, out);
        }
        Value::Date(d) => {
            out.push(DATE);
            out.extend_from_slice(&date_days(d));
        }
        Value::Timestamp(t) => timestamp(t, out),
        Value::Time(t) => {
            out.push(TIME);
            out.extend_from_slice(&time_bits(t));
        }
        Value::Interval(i) => interval(i, out),
        Value::Uuid(v) => {
            out.push(UUID);
            out.extend_from_slice(&v.to_be_bytes());
        }
        Value::Inet(ip) => inet(ip, out),
        // The same refusals as `Key::try_from`.
        Value::Map(_) | Value::List(_) | Value::Point(_) => {
            Key::try_from(value)?;
            unreachable!("maps, lists and points are not keys");
        }
    }
    if desc {
        invert_from(out, start);
    }
    Ok(())
}

/// Appends a row key (always ascending).
pub(crate) fn encode_key(key: &Key, out: &mut Vec<u8>) {
    match key {
        Key::I64(v) => compact_i64(*v, out),
        Key::Str(s) => {
            out.push(STR);
            escaped(s.as_bytes(), out);
        }
        other => encode_value(&Value::from(other.clone()), false, out)
            .expect("every key converts to a value that is a key"),
    }
}

/// Reads one column, undoing the inversion of a DESC column.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    mask: u8,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let b = self
            .bytes
            .get(self.at)
            .ok_or_else(|| corrupt("a key ends early"))?;
        self.at += 1;
        Ok(b ^ self.mask)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut out = [0; N];
        for b in &mut out {
            *b = self.byte()?;
        }
        Ok(out)
    }

    /// The payload of an I64 whose tag was `tag`.
    fn compact_i64(&mut self, tag: u8) -> Result<i64> {
        let fill = if tag >= I64_ZERO { 0 } else { 0xFF };
        let mut be = [fill; 8];
        for b in &mut be[8 - i64_len(tag)..] {
            *b = self.byte()?;
        }
        Ok(i64::from_be_bytes(be))
    }

    /// A compact I64 inside another type's payload, its tag checked.
    fn inner_i64(&mut self) -> Result<i64> {
        match self.byte()? {
            tag @ I64_LOWEST..=I64_HIGHEST => self.compact_i64(tag),
            tag => Err(corrupt(&format!("tag {tag} where an I64 belongs"))),
        }
    }

    fn skip_compact_i64(&mut self) -> Result<()> {
        match self.byte()? {
            tag @ I64_LOWEST..=I64_HIGHEST => {
                self.at += i64_len(tag);
                Ok(())
            }
            tag => Err(corrupt(&format!("tag {tag} where an I64 belongs"))),
        }
    }

    fn timestamp(&mut self) -> Result<NaiveDateTime> {
        let seconds = self.inner_i64()?;
        let nanoseconds = self.inner_i64()?;
        let days = seconds.div_euclid(86_400) + EPOCH_DAYS_FROM_CE;
        let date = i32::try_from(days)
            .ok()
            .and_then(NaiveDate::from_num_days_from_ce_opt);
        let time = u32::try_from(nanoseconds).ok().and_then(|nanoseconds| {
            NaiveTime::from_num_seconds_from_midnight_opt(
                seconds.rem_euclid(86_400) as u32,
                nanoseconds,
            )
        });
        match (date, time) {
            (Some(date), Some(time)) => Ok(date.and_time(time)),
            _ => Err(corrupt("a bad timestamp")),
        }
    }

    fn signed<const N: usize>(&mut self) -> Result<[u8; N]> {
        let mut out = self.array::<N>()?;
        out[0] ^= 0x80;
        Ok(out)
    }

    fn escaped(&mut self) -> Result<Vec<u8>> {
        if self.mask == 0 {
            // Ascending (every stored row): the end is the first zero, and
            // the run before it is the string unless it holds an escape.
            let rest = &self.bytes[self.at.min(self.bytes.len())..];
            let end =
                memchr::memchr(0, rest).ok_or_else(|| corrupt("an unterminated string key"))?;
            let payload = &rest[..end];
            self.at += end + 1;
            if memchr::memchr(ESCAPE, payload).is_none() {
                return Ok(payload.to_vec());
            }
            let mut out = Vec::with_capacity(payload.len());
            let mut bytes = payload.iter();
            while let Some(&b) = bytes.next() {
                out.push(match b {
                    ESCAPE => unescaped(*bytes.next().ok_or_else(|| corrupt("a cut escape"))?)?,
                    b => b,
                });
            }
            return Ok(out);
        }
        let mut out = Vec::new();
        loop {
            match self.byte()? {
                0 => return Ok(out),
                ESCAPE => out.push(unescaped(self.byte()?)?),
                b => out.push(b),
            }
        }
    }

    fn skip_escaped(&mut self) -> Result<()> {
        if self.mask == 0 {
            let rest = &self.bytes[self.at.min(self.bytes.len())..];
            let end =
                memchr::memchr(0, rest).ok_or_else(|| corrupt("an unterminated string key"))?;
            self.at += end + 1;
            return Ok(());
        }
        // An escape's second byte is never zero, so the end is still the
        // first zero.
        while self.byte()? != 0 {}
        Ok(())
    }

    fn date(&mut self) -> Result<NaiveDate> {
        let days = u32::from_be_bytes(self.array()?) ^ 1 << 31;
        NaiveDate::from_num_days_from_ce_opt(days as i32).ok_or_else(|| corrupt("a bad date"))
    }

    fn time(&mut self) -> Result<NaiveTime> {
        let b: [u8; 6] = self.array()?;
        let bits = u64::from_be_bytes([0, 0, b[0], b[1], b[2], b[3], b[4], b[5]]);
        NaiveTime::from_num_seconds_from_midnight_opt((bits >> 31) as u32, bits as u32 & !(1 << 31))
            .ok_or_else(|| corrupt("a bad time"))
    }

    fn key(&mut self) -> Result<Key> {
        Ok(match self.byte()? {
            NULL => Key::None,
            BOOL => Key::Bool(self.byte()? == 1),
            I8 => Key::I8(i8::from_be_bytes(self.signed()?)),
            I16 => Key::I16(i16::from_be_bytes(self.signed()?)),
            I32 => Key::I32(i32::from_be_bytes(self.signed()?)),
            tag @ I64_LOWEST..=I64_HIGHEST => Key::I64(self.compact_i64(tag)?),
            I128 => Key::I128(i128::from_be_bytes(self.signed()?)),
            U8 => Key::U8(self.byte()?),
            U16 => Key::U16(u16::from_be_bytes(self.array()?)),
            U32 => Key::U32(u32::from_be_bytes(self.array()?)),
            U64 => Key::U64(u64::from_be_bytes(self.array()?)),
            U128 => Key::U128(u128::from_be_bytes(self.array()?)),
            F32 => {
                let bits = u32::from_be_bytes(self.array()?);
                let bits = if bits >> 31 == 1 {
                    bits & !(1 << 31)
                } else {
                    !bits
                };
                Key::F32(f32::from_bits(bits).into())
            }
            F64 => {
                let bits = u64::from_be_bytes(self.array()?);
                let bits = if bits >> 63 == 1 {
                    bits & !(1 << 63)
                } else {
                    !bits
                };
                Key::F64(f64::from_bits(bits).into())
            }
            DECIMAL => {
                let negative = self.byte()? == 0;
                let mut payload: [u8; 24] = self.array()?;
                if negative {
                    payload.iter_mut().for_each(|b| *b = !*b);
                }
                let mut int = [0u8; 16];
                int[4..].copy_from_slice(&payload[..12]);
                let mut fract = [0u8; 16];
                fract[4..].copy_from_slice(&payload[12..]);
                let int = Decimal::from_i128_with_scale(u128::from_be_bytes(int) as i128, 0);
                let fract = Decimal::from_i128_with_scale(u128::from_be_bytes(fract) as i128, 28);
                let value = (int + fract).normalize();
                Key::Decimal(if negative { -value } else { value })
            }
            STR => {
                Key::Str(String::from_utf8(self.escaped()?).map_err(|_| corrupt("a string key"))?)
            }
            BYTEA => Key::Bytea(self.escaped()?),
            DATE => Key::Date(self.date()?),
            TIMESTAMP => Key::Timestamp(self.timestamp()?),
            TIME => Key::Time(self.time()?),
            INTERVAL => Key::Interval(match self.byte()? {
                0 => Interval::Microsecond(i64::from_be_bytes(self.signed()?)),
                _ => Interval::Month(i32::from_be_bytes(self.signed()?)),
            }),
            UUID => Key::Uuid(u128::from_be_bytes(self.array()?)),
            INET => Key::Inet(match self.byte()? {
                0 => IpAddr::V4(Ipv4Addr::from(self.array::<4>()?)),
                _ => IpAddr::V6(Ipv6Addr::from(self.array::<16>()?)),
            }),
            tag => return Err(corrupt(&format!("unknown key tag {tag}"))),
        })
    }

    fn skip(&mut self) -> Result<()> {
        let fixed = match self.byte()? {
            NULL => 0,
            BOOL | I8 | U8 => 1,
            I16 | U16 => 2,
            I32 | U32 | F32 | DATE => 4,
            TIME => 6,
            tag @ I64_LOWEST..=I64_HIGHEST => i64_len(tag),
            U64 | F64 => 8,
            TIMESTAMP => {
                self.skip_compact_i64()?;
                return self.skip_compact_i64();
            }
            I128 | U128 | UUID => 16,
            DECIMAL => 25,
            INTERVAL => {
                if self.byte()? == 0 {
                    8
                } else {
                    4
                }
            }
            INET => {
                if self.byte()? == 0 {
                    4
                } else {
                    16
                }
            }
            STR | BYTEA => return self.skip_escaped(),
            tag => return Err(corrupt(&format!("unknown key tag {tag}"))),
        };
        self.at += fixed;
        Ok(())
    }
}

fn corrupt(what: &str) -> Error {
    Error::StorageMsg(format!("corrupt index key: {what}"))
}

fn mask(desc: bool) -> u8 {
    if desc {
        0xFF
    } else {
        0
    }
}

/// The column starting at `at`, and where the next one starts.
#[inline]
pub(crate) fn decode(bytes: &[u8], at: usize, desc: bool) -> Result<(Key, usize)> {
    // Row keys and integer cells, the most decoded, read in place.
    if let (false, Some(&tag @ I64_LOWEST..=I64_HIGHEST)) = (desc, bytes.get(at)) {
        let end = at + 1 + i64_len(tag);
        if let Some(payload) = bytes.get(at + 1..end) {
            let mut be = [if tag >= I64_ZERO { 0 } else { 0xFF }; 8];
            be[8 - payload.len()..].copy_from_slice(payload);
            return Ok((Key::I64(i64::from_be_bytes(be)), end));
        }
    }
    let mut reader = Reader {
        bytes,
        at,
        mask: mask(desc),
    };
    let key = reader.key()?;
    Ok((key, reader.at))
}

/// Where the ascending I64 at `at` ends, if one starts there.
#[inline]
fn skip_ascending_i64(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at) {
        Some(&tag @ I64_LOWEST..=I64_HIGHEST) => Some(at + 1 + i64_len(tag)),
        _ => None,
    }
}

/// `skip` for the ascending forms that every stored row's scan skips most
/// (integers, strings, timestamps), read in place; `None` leaves the
/// column to the general reader.
#[inline]
fn skip_ascending(bytes: &[u8], at: usize) -> Option<usize> {
    match *bytes.get(at)? {
        I64_LOWEST..=I64_HIGHEST => skip_ascending_i64(bytes, at),
        STR | BYTEA => {
            let end = memchr::memchr(0, bytes.get(at + 1..)?)?;
            Some(at + end + 2)
        }
        TIMESTAMP => skip_ascending_i64(bytes, skip_ascending_i64(bytes, at + 1)?),
        _ => None,
    }
}

/// Where the column starting at `at` ends.
#[inline]
pub(crate) fn skip(bytes: &[u8], at: usize, desc: bool) -> Result<usize> {
    if !desc {
        if let Some(end) = skip_ascending(bytes, at) {
            return Ok(end);
        }
    }
    skip_with_reader(bytes, at, desc)
}

fn skip_with_reader(bytes: &[u8], at: usize, desc: bool) -> Result<usize> {
    let mut reader = Reader {
        bytes,
        at,
        mask: mask(desc),
    };
    reader.skip()?;
    Ok(reader.at)
}

/// The smallest byte string above every string that starts with `prefix`;
/// `None` when nothing is (an empty or all-0xFF prefix).
pub(crate) fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let last = prefix.iter().rposition(|&b| b != 0xFF)?;
    let mut next = prefix[..=last].to_vec();
    next[last] += 1;
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gluesql_core::chrono::DateTime;

    fn enc(value: &Value, desc: bool) -> Vec<u8> {
        let mut out = Vec::new();
        encode_value(value, desc, &mut out).unwrap();
        out
    }

    fn ts(seconds: i64, nanos: u32) -> Value {
        Value::Timestamp(
            DateTime::from_timestamp(seconds, nanos)
                .unwrap()
                .naive_utc(),
        )
    }

    /// Values of one type in `Key` order, then NULL.
    fn ladders() -> Vec<Vec<Value>> {
        vec![
            vec![Value::Bool(false), Value::Bool(true)],
            vec![
                Value::I8(i8::MIN),
                Value::I8(-1),
                Value::I8(0),
                Value::I8(i8::MAX),
            ],
            vec![Value::I32(-70_000), Value::I32(-1), Value::I32(3)],
            // Every length of the compact form, on both sides of each
            // length's edges.
            i64_edges().into_iter().map(Value::I64).collect(),
            vec![Value::I128(-1), Value::I128(0), Value::I128(i128::MAX)],
            vec![Value::U16(0), Value::U16(300), Value::U16(u16::MAX)],
            vec![Value::U64(0), Value::U64(1), Value::U64(u64::MAX)],
            vec![
                Value::F64(f64::NEG_INFINITY),
                Value::F64(-2.5),
                Value::F64(-0.0),
                Value::F64(0.0),
                Value::F64(1e-300),
                Value::F64(7.0),
                Value::F64(f64::NAN),
            ],
            vec![Value::F32(-1.5), Value::F32(0.0), Value::F32(2.25)],
            vec![
                Value::Decimal(Decimal::new(-1505, 2)),
                Value::Decimal(Decimal::new(-15, 1)),
                Value::Decimal(Decimal::new(0, 0)),
                Value::Decimal(Decimal::new(1, 3)),
                Value::Decimal(Decimal::new(15, 1)),
                Value::Decimal(Decimal::new(1505, 2)),
                Value::Decimal(Decimal::MAX),
            ],
            vec![
                Value::Str(String::new()),
                Value::Str("\0".into()),
                Value::Str("\0\0".into()),
                Value::Str("\0\u{1}".into()),
                Value::Str("\0a".into()),
                Value::Str("\u{1}".into()),
                Value::Str("\u{1}\0".into()),
                Value::Str("\u{1}\u{1}".into()),
                Value::Str("\u{1}\u{2}".into()),
                Value::Str("\u{2}".into()),
                Value::Str("a".into()),
                Value::Str("a\0".into()),
                Value::Str("a\u{1}".into()),
                Value::Str("a\u{2}".into()),
                Value::Str("ab".into()),
                Value::Str("b".into()),
                Value::Str("é".into()),
            ],
            vec![
                Value::Bytea(vec![]),
                Value::Bytea(vec![0]),
                Value::Bytea(vec![0, 0xFF]),
                Value::Bytea(vec![1]),
                Value::Bytea(vec![1, 0]),
                Value::Bytea(vec![2]),
                Value::Bytea(vec![0xFF, 0]),
                Value::Bytea(vec![0xFF, 1]),
            ],
            vec![
                Value::Timestamp(NaiveDateTime::MIN),
                ts(-100_000_000_000, 0),
                ts(0, 0),
                ts(0, 1),
                ts(1_769_385_599, 999_999_999),
                // A leap second: nanoseconds past 1e9 within 23:59:59.
                ts(1_769_385_599, 1_500_000_000),
                ts(1_769_385_600, 0),
                ts(1_769_385_600, 999_999_999),
                ts(1_769_385_601, 0),
                Value::Timestamp(NaiveDateTime::MAX),
            ],
            vec![
                Value::Date(NaiveDate::from_ymd_opt(-40, 1, 1).unwrap()),
                Value::Date(NaiveDate::from_ymd_opt(2026, 1, 26).unwrap()),
            ],
            vec![
                Value::Time(NaiveTime::from_hms_opt(0, 0, 0).unwrap()),
                Value::Time(NaiveTime::from_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap()),
            ],
            vec![
                Value::Interval(Interval::Microsecond(-3)),
                Value::Interval(Interval::Microsecond(9)),
                Value::Interval(Interval::Month(-2)),
                Value::Interval(Interval::Month(1)),
            ],
            vec![Value::Uuid(1), Value::Uuid(u128::MAX)],
            vec![
                Value::Inet("10.0.0.1".parse().unwrap()),
                Value::Inet("192.168.0.1".parse().unwrap()),
                Value::Inet("::1".parse().unwrap()),
            ],
        ]
    }

    #[test]
    fn byte_order_is_key_order_both_ways_and_values_round_trip() {
        for mut ladder in ladders() {
            ladder.push(Value::Null);
            for desc in [false, true] {
                let encoded: Vec<Vec<u8>> = ladder.iter().map(|v| enc(v, desc)).collect();
                for (i, (a, ea)) in ladder.iter().zip(&encoded).enumerate() {
                    let ka = Key::try_from(a).unwrap();
                    let (back, end) = decode(ea, 0, desc).unwrap();
                    assert_eq!(end, ea.len(), "{a:?}");
                    assert_eq!(skip(ea, 0, desc).unwrap(), ea.len(), "{a:?}");
                    assert_eq!(
                        back.cmp(&ka),
                        Ordering::Equal,
                        "{a:?} came back as {back:?}"
                    );
                    for (b, eb) in ladder.iter().zip(&encoded).skip(i + 1) {
                        let expected = if desc {
                            Ordering::Greater
                        } else {
                            Ordering::Less
                        };
                        assert_eq!(ea.cmp(eb), expected, "{a:?} vs {b:?} desc {desc}");
                        // Prefix-free: no column's bytes start another's.
                        assert!(!eb.starts_with(ea) && !ea.starts_with(eb), "{a:?} {b:?}");
                    }
                }
            }
        }
    }

    /// Sorted I64s at and around every boundary between payload lengths.
    fn i64_edges() -> Vec<i64> {
        let mut edges = vec![i64::MIN, i64::MIN + 1, i64::MAX - 1, i64::MAX];
        for bits in (0..63).step_by(8) {
            let edge = 1i64 << bits;
            edges.extend([edge - 1, edge, edge + 1, -edge - 1, -edge, -edge + 1]);
        }
        edges.sort_unstable();
        edges.dedup();
        edges
    }

    #[test]
    fn i64s_take_the_bytes_they_need_and_keep_their_order() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        let mut values = i64_edges();
        for _ in 0..20_000 {
            // Values of every magnitude, not only huge ones.
            let bits = rng.gen_range(0..64);
            values.push(rng.gen::<i64>() >> bits);
        }
        for desc in [false, true] {
            let mut encoded: Vec<(Vec<u8>, i64)> = values
                .iter()
                .map(|&v| (enc(&Value::I64(v), desc), v))
                .collect();
            encoded.sort();
            for pair in encoded.windows(2) {
                let ((a, x), (b, y)) = (&pair[0], &pair[1]);
                assert_eq!(a == b, x == y, "{x} {y}");
                assert!(if desc { x >= y } else { x <= y }, "{x} {y} desc {desc}");
                assert!(a == b || !b.starts_with(a), "{x} {y}");
            }
            for (bytes, v) in &encoded {
                assert_eq!(decode(bytes, 0, desc).unwrap().0, Key::I64(*v));
                assert_eq!(skip(bytes, 0, desc).unwrap(), bytes.len());
            }
        }
        let len = |v: i64| enc(&Value::I64(v), false).len();
        assert_eq!([len(0), len(-1), len(255), len(-256)], [1, 1, 2, 2]);
        assert_eq!([len(1_000_000), len(i64::MIN), len(i64::MAX)], [4, 9, 9]);
        let mut key = Vec::new();
        encode_key(&Key::I64(-300), &mut key);
        assert_eq!(key, enc(&Value::I64(-300), false));
        // A timestamp is two of them behind its tag.
        assert_eq!(enc(&ts(1_769_385_600, 0), false).len(), 7);
    }

    #[test]
    fn byte_strings_keep_their_order_with_escapes_anywhere() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(12);
        // Short strings over the bytes that escape and their neighbours,
        // so that shared prefixes, escapes and ends meet often.
        let alphabet = [0u8, 1, 2, 0xFE, 0xFF];
        let values: Vec<Vec<u8>> = (0..4000)
            .map(|_| {
                (0..rng.gen_range(0..5))
                    .map(|_| alphabet[rng.gen_range(0..alphabet.len())])
                    .collect()
            })
            .collect();
        for desc in [false, true] {
            let mut encoded: Vec<(Vec<u8>, &Vec<u8>)> = values
                .iter()
                .map(|v| {
                    let mut bytes = enc(&Value::Bytea(v.clone()), desc);
                    // A second column after it must not change the order.
                    encode_value(&Value::I64(-7), desc, &mut bytes).unwrap();
                    (bytes, v)
                })
                .collect();
            encoded.sort();
            for pair in encoded.windows(2) {
                let ((a, x), (b, y)) = (&pair[0], &pair[1]);
                assert_eq!(a == b, x == y, "{x:?} {y:?}");
                assert!(if desc { x >= y } else { x <= y }, "{x:?} {y:?}");
            }
            for (bytes, v) in &encoded {
                let (back, next) = decode(bytes, 0, desc).unwrap();
                assert_eq!(back, Key::Bytea(v.to_vec()));
                assert_eq!(skip(bytes, 0, desc).unwrap(), next);
                assert_eq!(decode(bytes, next, desc).unwrap().0, Key::I64(-7));
            }
        }
        assert_eq!(enc(&Value::Str("abc".into()), false).len(), 5);
    }

    #[test]
    fn exact_values_round_trip() {
        for ladder in ladders() {
            for value in ladder {
                let (back, _) = decode(&enc(&value, false), 0, false).unwrap();
                let back = Value::from(back);
                match (&value, &back) {
                    (Value::Decimal(a), Value::Decimal(b)) => assert_eq!(a, b),
                    (Value::F64(a), Value::F64(b)) => assert_eq!(a.to_bits(), b.to_bits()),
                    _ => assert_eq!(format!("{value:?}"), format!("{back:?}")),
                }
            }
        }
    }

    #[test]
    fn columns_compare_one_after_another() {
        let key = |a: &str, b: i64| {
            let mut out = Vec::new();
            encode_value(&Value::Str(a.into()), false, &mut out).unwrap();
            encode_value(&Value::I64(b), true, &mut out).unwrap();
            out
        };
        assert!(key("a", 5) < key("a", 1));
        assert!(key("a", 1) < key("ab", 9));
        assert!(key("ab", 9) < key("b", 9));
    }

    #[test]
    fn successor_bounds_a_prefix() {
        assert_eq!(successor(&[1, 2]), Some(vec![1, 3]));
        assert_eq!(successor(&[1, 0xFF]), Some(vec![2]));
        assert_eq!(successor(&[0xFF]), None);
        assert_eq!(successor(&[]), None);
    }

    #[test]
    fn long_keys_live_on_the_heap_and_compare_the_same() {
        let long = IndexKey::new(&[7; 100]);
        let short = IndexKey::new(&[7; 10]);
        assert_eq!(long.heap_len(), 100);
        assert_eq!(short.heap_len(), 0);
        assert!(short < long);
        assert_eq!(std::mem::size_of::<IndexKey>(), 64);
    }
}
