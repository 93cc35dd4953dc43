//! Numbers as a person reads them, the same in the page, the CLI and every
//! export: digit groups, durations in the unit that fits, sizes in MiB.

/// 12345678 as "12,345,678".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Microseconds in the unit a person reads fastest: "850 µs", "1.25 ms", "2.10 s".
pub fn micros(us: f64) -> String {
    if us >= 1_000_000.0 {
        format!("{:.2} s", us / 1_000_000.0)
    } else if us >= 1_000.0 {
        format!("{:.2} ms", us / 1_000.0)
    } else {
        format!("{us:.0} µs")
    }
}

/// Bytes in mebibytes, one decimal: 1048576 → "1.0 MiB".
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / 1_048_576.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(50_000_000), "50,000,000");
    }

    #[test]
    fn durations_pick_their_unit() {
        assert_eq!(micros(850.0), "850 µs");
        assert_eq!(micros(1_250.0), "1.25 ms");
        assert_eq!(micros(2_100_000.0), "2.10 s");
    }

    #[test]
    fn sizes_are_mebibytes() {
        assert_eq!(mib(1_048_576), "1.0 MiB");
        assert_eq!(mib(3 << 19), "1.5 MiB");
    }
}
