//! SQLite's `LogEst`: a count as ten times its base-2 logarithm, in an
//! `i16`, with SQLite's own rounding (util.c: `sqlite3LogEst`,
//! `sqlite3LogEstAdd`, `sqlite3LogEstToInt`; where.c: `estLog`). Every cost
//! and row estimate of the SQLite model is one, so comparisons tie exactly
//! where SQLite's do.

/// `10 * log2(x)`, rounded as SQLite rounds it.
pub(crate) type LogEst = i16;

/// `sqlite3LogEst`: an integer as a LogEst (0 for 0 and 1).
pub(crate) fn from_int(x: u64) -> LogEst {
    const FRACTION: [i16; 8] = [0, 2, 3, 5, 6, 7, 8, 9];
    let mut x = x;
    let mut y: i16 = 40;
    if x < 8 {
        if x < 2 {
            return 0;
        }
        while x < 8 {
            y -= 10;
            x <<= 1;
        }
    } else {
        let shift = 60 - x.leading_zeros() as i16;
        y += shift * 10;
        x >>= shift;
    }
    FRACTION[(x & 7) as usize] + y - 10
}

/// `sqlite3LogEstAdd`: the LogEst of the sum of two counts.
pub(crate) fn add(a: LogEst, b: LogEst) -> LogEst {
    const STEP: [i16; 32] = [
        10, 10, 9, 9, 8, 8, 7, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2,
        2, 2,
    ];
    let (high, low) = if a >= b { (a, b) } else { (b, a) };
    if high > low + 49 {
        high
    } else if high > low + 31 {
        high + 1
    } else {
        high + STEP[(high - low) as usize]
    }
}

/// `sqlite3LogEstToInt`: back to a count (1 for an estimate below one).
pub(crate) fn to_int(x: LogEst) -> u64 {
    let x = x.max(0);
    let mut n = (x % 10) as u64;
    let x = x / 10;
    if n >= 5 {
        n -= 2;
    } else if n >= 1 {
        n -= 1;
    }
    if x > 60 {
        return i64::MAX as u64;
    }
    if x >= 3 {
        (n + 8) << (x - 3)
    } else {
        (n + 8) >> (3 - x)
    }
}

/// `estLog`: the LogEst of the logarithm of a count given as a LogEst.
pub(crate) fn est_log(n: LogEst) -> LogEst {
    if n <= 10 {
        0
    } else {
        from_int(n as u64) - 33
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_values_sqlite_asserts_in_its_source() {
        // where.c asserts these conversions next to its tuning constants.
        assert_eq!(from_int(2), 10);
        assert_eq!(from_int(4), 20);
        assert_eq!(from_int(10), 33);
        assert_eq!(from_int(15), 39);
        assert_eq!(from_int(18), 42);
        assert_eq!(from_int(20), 43);
        assert_eq!(from_int(25), 46);
        assert_eq!(from_int(28), 48);
        assert_eq!(from_int(1), 0);
        assert_eq!(from_int(1_000_000), 199);
    }

    #[test]
    fn sums_and_round_trips() {
        assert_eq!(add(0, 0), 10, "1 + 1 = 2");
        assert_eq!(add(33, 33), 43, "10 + 10 = 20");
        assert_eq!(add(100, 10), 100, "a far smaller term vanishes");
        assert_eq!(to_int(33), 10);
        assert_eq!(to_int(0), 1);
        assert_eq!(est_log(from_int(1024)), from_int(100) - 33);
    }
}
