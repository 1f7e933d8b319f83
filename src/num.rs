//! The one number formatter, and decimal parsing, without core's float formatting
//! (`{:.N}`: flt2dec) or float parsing (`str::parse::<f64>`: dec2flt), which together cost
//! ~14 KB of wasm before wasm-opt. Pure Rust, no web crates.
//!
//! Every visible number goes through [`push_rounded`] (half away from zero, as people
//! round: 0.25 → "0.3"), so one value prints the same everywhere. [`parse_decimal`] reads
//! plain decimals ("7", "7.25", ".5", "-0") exactly as `str::parse::<f64>` does.

/// `v` rounded to a whole number ("7", "-3"). See [`push_rounded`].
pub fn fixed0(v: f64) -> String {
    let mut s = String::new();
    push_rounded(&mut s, v, 0);
    s
}

/// `v` rounded to one decimal ("7.3", "12.0", "0.3" for 0.25). See [`push_rounded`].
pub fn fixed1(v: f64) -> String {
    let mut s = String::new();
    push_rounded(&mut s, v, 1);
    s
}

/// A number of tenths as a decimal: 726 → "72.6", 0 → "0.0".
pub fn tenths_text(t: u64) -> String {
    let mut s = String::with_capacity(6);
    push_u64(&mut s, t / 10);
    s.push('.');
    push_u64(&mut s, t % 10);
    s
}

/// `v` rounded to at most `places` decimals with trailing zeros dropped: "8", "7.5", "7.25".
pub fn trimmed(v: f64, places: u32) -> String {
    let mut s = String::new();
    push_trimmed(&mut s, v, places);
    s
}

/// Appends [`trimmed`] to `out`.
pub fn push_trimmed(out: &mut String, v: f64, places: u32) {
    let start = out.len();
    push_rounded(out, v, places);
    // Byte scans: '.' and '0' are ASCII.
    if out
        .as_bytes()
        .get(start..)
        .is_some_and(|b| b.contains(&b'.'))
    {
        while out.ends_with('0') {
            out.pop();
        }
        if out.ends_with('.') {
            out.pop();
        }
    }
}

/// Appends `v` rounded half away from zero to `places` (0–3) decimals, always writing
/// that many: the one rounding of every number the widget shows, so a value prints the
/// same in reasons, tables, bars and exports. Negative values that round to zero print
/// without a sign; a non-finite value prints "?".
pub fn push_rounded(out: &mut String, v: f64, places: u32) {
    if !v.is_finite() {
        out.push('?');
        return;
    }
    let places = places.min(3);
    let unit = 10u64.pow(places);
    let scaled = (v * unit as f64).round();
    if scaled.abs() >= 9_007_199_254_740_992.0 {
        // Beyond 2^53 every double is whole: its exact digits.
        if scaled < 0.0 {
            out.push('-');
        }
        push_whole(out, v.abs().round());
        return;
    }
    let n = scaled as i64;
    if n < 0 {
        out.push('-');
    }
    let a = n.unsigned_abs();
    push_u64(out, a / unit);
    if places > 0 {
        out.push('.');
        let frac = a % unit;
        let mut div = unit / 10;
        while div > 0 {
            push_u64(out, frac / div % 10);
            div /= 10;
        }
    }
}

/// Appends the decimal digits of `n` in one go (pushing char by char was a visible cost).
pub fn push_u64(out: &mut String, mut n: u64) {
    if n < 10 {
        out.push(char::from(b'0' + n as u8));
        return;
    }
    let mut buf = [0u8; 20];
    let mut start = buf.len();
    for slot in buf.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(
        buf.get(start..)
            .and_then(|d| std::str::from_utf8(d).ok())
            .unwrap_or("?"),
    );
}

/// Exact decimal digits of a whole, finite, non-negative double (any size).
fn push_whole(out: &mut String, a: f64) {
    if a < 18_446_744_073_709_551_616.0 {
        push_u64(out, a as u64);
        return;
    }
    // a = m · 2^k with m < 2^53: double m in base 10^9, k times.
    let bits = a.to_bits();
    let k = ((bits >> 52) & 0x7ff) as i32 - 1075;
    let m = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut limbs: Vec<u32> = vec![(m % 1_000_000_000) as u32, (m / 1_000_000_000) as u32];
    for _ in 0..k {
        let mut carry = 0u32;
        for l in limbs.iter_mut() {
            let x = *l * 2 + carry;
            carry = u32::from(x >= 1_000_000_000);
            *l = x - carry * 1_000_000_000;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut iter = limbs.iter().rev();
    if let Some(&top) = iter.next() {
        push_u64(out, u64::from(top));
    }
    for &l in iter {
        let mut digits = [b'0'; 9];
        let mut x = l;
        for d in digits.iter_mut().rev() {
            *d = b'0' + (x % 10) as u8;
            x /= 10;
        }
        for &b in &digits {
            out.push(char::from(b));
        }
    }
}

/// A plain decimal — optional sign, digits, optional `.` and digits, at least one digit — as
/// `str::parse::<f64>` reads it. Exponents, "inf" and "nan" are not accepted, nor numbers with
/// more than 15–16 significant digits (the exact shortcut below needs the digits to fit in
/// 2^53; nothing this crate writes comes near).
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let frac = frac.trim_end_matches('0');
    if int.is_empty() && frac.is_empty() && !body.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if frac.len() > 22 {
        return None;
    }
    let mut m: u64 = 0;
    for c in int.bytes().chain(frac.bytes()) {
        if !c.is_ascii_digit() {
            return None;
        }
        m = m * 10 + u64::from(c - b'0');
        if m > 1 << 53 {
            return None;
        }
    }
    // m ≤ 2^53 and 10^len ≤ 10^22 are exact doubles, so one division rounds correctly.
    let mut scale = 1.0;
    for _ in 0..frac.len() {
        scale *= 10.0;
    }
    let v = m as f64 / scale;
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero_like_the_reference() {
        let mut vals = vec![
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            0.45,
            0.5,
            1.5,
            2.5,
            -2.5,
            -0.04,
            -0.4,
            62.5,
            84.49,
            84.5,
            85.5,
            99.95,
            100.0,
            1e-300,
            5e-324,
            0.1 + 0.2,
            1.0 / 3.0,
            2.0 / 3.0,
            6.05,
            6.15,
            9.007_199_254_740_991e15,
            9.007_199_254_740_992e15,
            1.8e19,
            1e22,
            1.234e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Deterministic pseudo-random values across magnitudes, and every tenth/hundredth tie.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            vals.push(f64::from_bits(x));
            vals.push((x % 2_000_000) as f64 / 1000.0 - 1000.0);
        }
        for i in 0..20000 {
            vals.push(f64::from(i) / 100.0);
            vals.push(f64::from(i) * 0.05);
            vals.push(f64::from(i) / 20.0 + 0.000_000_000_000_1);
        }
        // Reference: round the scaled value (half away from zero), then core's exact text.
        fn reference(v: f64, places: i32) -> String {
            if !v.is_finite() {
                return "?".to_string();
            }
            let unit = 10f64.powi(places);
            let r = (v * unit).round();
            let r = if r == 0.0 { 0.0 } else { r };
            if r.abs() >= 9_007_199_254_740_992.0 {
                return format!("{:.0}", v.round());
            }
            format!("{:.*}", places as usize, r / unit)
        }
        for v in vals {
            assert_eq!(fixed0(v), reference(v, 0), "{v:e}");
            assert_eq!(fixed1(v), reference(v, 1), "{v:e}");
            let mut s = String::new();
            push_rounded(&mut s, v, 2);
            assert_eq!(s, reference(v, 2), "{v:e}");
        }
        assert_eq!(fixed1(0.25), "0.3");
        assert_eq!(fixed1(-0.04), "0.0");
        assert_eq!(fixed0(72.5), "73");
        assert_eq!(trimmed(7.25, 2), "7.25");
        assert_eq!(trimmed(7.5, 2), "7.5");
        assert_eq!(trimmed(8.0, 1), "8");
        assert_eq!(trimmed(-0.001, 2), "0");
    }

    #[test]
    fn parse_matches_core_parse() {
        for s in [
            "0",
            "-0",
            "+5",
            "7",
            "7.5",
            "7.25",
            "10",
            "10.00",
            ".5",
            "5.",
            "0.1",
            "0.3",
            "3.3333333",
            "007.50",
            "123456789012345",
            "0.000000000000001",
            "1.000000000000000000",
        ] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        for i in 0..=100_000 {
            let s = format!("{}.{:02}", i / 100, i % 100);
            assert_eq!(parse_decimal(&s), s.parse::<f64>().ok(), "{s}");
        }
        for s in [
            "",
            ".",
            "-",
            "+",
            "1e1",
            "inf",
            "NaN",
            "1.2.3",
            "1,5",
            " 1",
            "--1",
            "12345678901234567",
        ] {
            assert_eq!(parse_decimal(s), None, "{s}");
        }
    }
}
