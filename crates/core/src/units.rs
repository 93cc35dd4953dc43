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

/// Bytes in the unit that fits: "812 B", "42.3 KiB", "17.4 MiB".
pub fn bytes(n: u64) -> String {
    match n {
        0..1024 => format!("{n} B"),
        1024..1_048_576 => format!("{:.1} KiB", n as f64 / 1024.0),
        _ => mib(n),
    }
}

/// A share as a whole percentage: 0.956 → "96%".
pub fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
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
        assert_eq!(bytes(812), "812 B");
        assert_eq!(bytes(43_315), "42.3 KiB");
        assert_eq!(bytes(18_245_222), "17.4 MiB");
        assert_eq!(percent(0.956), "96%");
    }
}
