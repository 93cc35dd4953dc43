//! An index as one byte string: what a build in another worker hands the
//! engine (see `crate::background`). It carries the index's definition and
//! statistics, its entries in index order (keys and INCLUDE cells as packed
//! arrays) and a digest of the table rows it was built over, so an image
//! can only be installed over exactly those rows.
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::entries::Packed;
use super::rows::TableRows;
use crate::catalog::IndexDef;
use crate::stats::IndexStats;

/// The first bytes of every image, with its format's version.
const MAGIC: &[u8; 8] = b"seekidx1";

#[derive(Serialize, Deserialize)]
struct Header {
    def: IndexDef,
    stats: IndexStats,
    table_rows: u64,
    table_digest: u64,
}

/// A decoded image, checked for shape but not yet against a table.
pub(crate) struct IndexImage {
    pub(crate) def: IndexDef,
    pub(crate) stats: IndexStats,
    pub(crate) table_rows: u64,
    pub(crate) table_digest: u64,
    pub(crate) keys: Packed,
    pub(crate) include: Packed,
}

/// An image to write: the index's own arrays where no write came since its
/// build, so that making it copies nothing.
pub struct ImageBytes<'a> {
    /// The magic bytes, the header's length and the header.
    head: Vec<u8>,
    keys: Cow<'a, Packed>,
    include: Cow<'a, Packed>,
}

impl<'a> ImageBytes<'a> {
    pub(crate) fn new(
        def: &IndexDef,
        stats: &IndexStats,
        (table_rows, table_digest): (u64, u64),
        (keys, include): (Cow<'a, Packed>, Cow<'a, Packed>),
    ) -> Self {
        let header = serde_json::to_vec(&Header {
            def: def.clone(),
            stats: stats.clone(),
            table_rows,
            table_digest,
        })
        .expect("an index header serializes");
        let mut head = Vec::with_capacity(16 + header.len());
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&(header.len() as u64).to_le_bytes());
        head.extend_from_slice(&header);
        Self {
            head,
            keys,
            include,
        }
    }

    /// The bytes `write` hands on, in all.
    pub fn byte_len(&self) -> usize {
        self.head.len() + self.keys.written_len() + self.include.written_len()
    }

    /// Hands `sink` the image piece by piece, in order.
    pub fn write(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&self.head);
        self.keys.write_parts(sink);
        self.include.write_parts(sink);
    }

    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.byte_len());
        self.write(&mut |part| out.extend_from_slice(part));
        out
    }
}

impl IndexImage {
    /// Reads an image from `source` straight into the arrays it becomes:
    /// the image itself is never held whole (in the worker it stays a
    /// JavaScript buffer), so installing an index costs its own size.
    pub(crate) fn decode(source: &dyn ByteSource) -> Result<Self, String> {
        let mut input = Cursor::new(source);
        let mut magic = [0u8; 8];
        input.read(&mut magic)?;
        if &magic != MAGIC {
            return Err("not an index image of this version".to_owned());
        }
        let header_len =
            usize::try_from(input.u64()?).map_err(|_| "an index image's header is too long")?;
        let mut header = vec![0u8; input.check(header_len)?];
        input.read(&mut header)?;
        let header: Header = serde_json::from_slice(&header)
            .map_err(|e| format!("an index image's header does not read: {e}"))?;
        let keys = Packed::read_from(&mut input)?;
        let include = Packed::read_from(&mut input)?;
        if !input.finished() {
            return Err("an index image has bytes past its end".to_owned());
        }
        if !include.is_empty() && include.len() != keys.len() {
            return Err("an index image's INCLUDE cells do not match its keys".to_owned());
        }
        if (1..keys.len()).any(|at| keys.get(at - 1) >= keys.get(at)) {
            return Err("an index image's keys are not in index order".to_owned());
        }
        if header.stats.entries != keys.len() as u64 {
            return Err("an index image's statistics do not match its keys".to_owned());
        }
        Ok(Self {
            def: header.def,
            stats: header.stats,
            table_rows: header.table_rows,
            table_digest: header.table_digest,
            keys,
            include,
        })
    }
}

/// Where an image (or a chunk of rows, see `build::Encoded`) is read
/// from: bytes in memory, or (in a worker) the JavaScript buffer it
/// arrived in.
pub trait ByteSource {
    fn byte_len(&self) -> usize;
    /// Copies `into.len()` bytes from `at`; the caller keeps in bounds.
    fn read(&self, at: usize, into: &mut [u8]);
}

impl ByteSource for Vec<u8> {
    fn byte_len(&self) -> usize {
        self.len()
    }

    fn read(&self, at: usize, into: &mut [u8]) {
        into.copy_from_slice(&self[at..at + into.len()]);
    }
}

/// Reads an `ByteSource` in order.
pub(crate) struct Cursor<'a> {
    source: &'a dyn ByteSource,
    at: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(source: &'a dyn ByteSource) -> Self {
        Self { source, at: 0 }
    }

    /// Whether every byte was read.
    pub(crate) fn finished(&self) -> bool {
        self.at == self.source.byte_len()
    }

    /// `len`, if that many bytes are left.
    pub(crate) fn check(&self, len: usize) -> Result<usize, String> {
        match self.at.checked_add(len) {
            Some(end) if end <= self.source.byte_len() => Ok(len),
            _ => Err("an index image ends too soon".to_owned()),
        }
    }

    pub(crate) fn read(&mut self, into: &mut [u8]) -> Result<(), String> {
        self.check(into.len())?;
        self.source.read(self.at, into);
        self.at += into.len();
        Ok(())
    }

    pub(crate) fn u64(&mut self) -> Result<u64, String> {
        let mut bytes = [0u8; 8];
        self.read(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }
}

/// A digest of `rows` as they are shared with a builder (every row key and
/// row, in key order): two tables of the same rows agree on it, any
/// difference in a row changes it (not cryptographically; it guards
/// against mistakes, not an adversary).
pub(crate) fn digest(rows: &TableRows) -> u64 {
    let mut state = Digest(0x9e37_79b9_7f4a_7c15);
    rows.shared().write(&mut |part| state.bytes(part));
    state.0
}

/// Eight bytes at a time: a multiply and a rotation per word.
struct Digest(u64);

impl Digest {
    fn word(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0xff51_afd7_ed55_8ccd)
            .rotate_left(29);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.word(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.word(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.word(u64::from_le_bytes(tail));
    }
}
