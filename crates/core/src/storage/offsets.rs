//! The end offsets of a packed array's strings (see `entries::Packed`), in
//! about two bytes each instead of four: one 32-bit start per block of
//! `BLOCK` strings, and each string's end as 16 bits past its block's
//! start. Rows and index entries run to tens of bytes, so a block never
//! nears 64 KiB; one that would (a huge cell) turns the whole list into
//! plain 32-bit ends.
use super::memory;

/// Strings per block: its start costs 4 / 32 of a byte per string.
const BLOCK: usize = 32;

#[derive(Debug, Clone)]
pub(crate) enum Ends {
    Narrow {
        /// Where each block's first string starts.
        starts: Vec<u32>,
        /// Each string's end, past its block's start.
        ends: Vec<u16>,
    },
    Wide(Vec<u32>),
}

impl Default for Ends {
    fn default() -> Self {
        Ends::Narrow {
            starts: Vec::new(),
            ends: Vec::new(),
        }
    }
}

impl Ends {
    pub(crate) fn with_capacity(items: usize) -> Self {
        Ends::Narrow {
            starts: Vec::with_capacity(items.div_ceil(BLOCK)),
            ends: Vec::with_capacity(items),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Ends::Narrow { ends, .. } => ends.len(),
            Ends::Wide(ends) => ends.len(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where string `at` ends.
    #[inline]
    pub(crate) fn get(&self, at: usize) -> usize {
        match self {
            Ends::Narrow { starts, ends } => starts[at / BLOCK] as usize + usize::from(ends[at]),
            Ends::Wide(ends) => ends[at] as usize,
        }
    }

    /// Where string `at` starts: where the one before it ends.
    #[inline]
    pub(crate) fn start(&self, at: usize) -> usize {
        match at {
            0 => 0,
            _ => self.get(at - 1),
        }
    }

    /// Appends the end of the next string.
    pub(crate) fn push(&mut self, end: u32) {
        let len = self.len();
        let previous = self.start(len) as u32;
        match self {
            Ends::Narrow { starts, ends } => {
                if len.is_multiple_of(BLOCK) {
                    starts.push(previous);
                }
                if let Ok(offset) = u16::try_from(end - starts[len / BLOCK]) {
                    ends.push(offset);
                    return;
                }
            }
            Ends::Wide(ends) => {
                ends.push(end);
                return;
            }
        }
        self.widen();
        self.push(end);
    }

    /// The same ends as plain 32-bit offsets.
    fn widen(&mut self) {
        let wide = (0..self.len()).map(|at| self.get(at) as u32).collect();
        *self = Ends::Wide(wide);
    }

    pub(crate) fn reserve(&mut self, items: usize) {
        match self {
            Ends::Narrow { starts, ends } => {
                ends.reserve(items);
                starts.reserve((ends.len() + items).div_ceil(BLOCK) - starts.len());
            }
            Ends::Wide(ends) => ends.reserve(items),
        }
    }

    pub(crate) fn reserve_exact(&mut self, items: usize) {
        match self {
            Ends::Narrow { starts, ends } => {
                ends.reserve_exact(items);
                starts.reserve_exact((ends.len() + items).div_ceil(BLOCK) - starts.len());
            }
            Ends::Wide(ends) => ends.reserve_exact(items),
        }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        match self {
            Ends::Narrow { starts, ends } => {
                starts.shrink_to_fit();
                ends.shrink_to_fit();
            }
            Ends::Wide(ends) => ends.shrink_to_fit(),
        }
    }

    /// Heap bytes held.
    pub(crate) fn heap(&self) -> usize {
        match self {
            Ends::Narrow { starts, ends } => {
                memory::allocation(starts.capacity() * size_of::<u32>())
                    + memory::allocation(ends.capacity() * size_of::<u16>())
            }
            Ends::Wide(ends) => memory::allocation(ends.capacity() * size_of::<u32>()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_read_back_narrow_and_after_widening() {
        let mut ends = Ends::default();
        let mut expected = Vec::new();
        let mut end = 0u32;
        for at in 0..1000u32 {
            // Mostly short strings; one block-sized jump widens the list.
            end += if at == 700 { 70_000 } else { at % 50 };
            ends.push(end);
            expected.push(end as usize);
            assert_eq!(matches!(ends, Ends::Wide(_)), at >= 700, "{at}");
        }
        for (at, &end) in expected.iter().enumerate() {
            assert_eq!(ends.get(at), end);
            let start = if at == 0 { 0 } else { expected[at - 1] };
            assert_eq!(ends.start(at), start);
        }
        assert_eq!(ends.len(), 1000);
    }
}
