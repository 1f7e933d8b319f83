//! ISO calendar dates without a date library: parse "YYYY-MM-DD" and count days.

use std::fmt;

/// A proleptic-Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` and rejects impossible days (2023-02-29, 2029-13-01).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let year = i32::try_from(year).ok()?;
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Years (of 365.2425 days) from `self` to `later`; negative if `later` is earlier.
    pub fn years_until(self, later: Date) -> f64 {
        (later.days_since_epoch() - self.days_since_epoch()) as f64 / 365.2425
    }

    /// Fractional year, e.g. 2024-07-01 → ~2024.5; used for the timeline axis.
    pub fn as_year_fraction(self) -> f64 {
        let start = Date {
            year: self.year,
            month: 1,
            day: 1,
        }
        .days_since_epoch();
        let len = if is_leap(self.year) { 366.0 } else { 365.0 };
        f64::from(self.year) + (self.days_since_epoch() - start) as f64 / len
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A dataset date as the validator reads it: the published text of a dataset as read
/// ([`super::RawDataset`]), or a day already parsed ([`super::Dataset`]).
pub trait AsDate: Clone {
    /// The day, or the text that names none.
    fn as_date(&self) -> Result<Date, &str>;
}

impl AsDate for String {
    fn as_date(&self) -> Result<Date, &str> {
        Date::parse(self).ok_or(self.as_str())
    }
}

impl AsDate for Date {
    fn as_date(&self) -> Result<Date, &str> {
        Ok(*self)
    }
}

/// Written as its ISO text, so a typed dataset serialises as the file it was read from.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Read from ISO text only (a dataset is read as [`super::RawDataset`], whose validator
/// reports a bad date with its path; this is for values already known to be days).
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<De: serde::Deserializer<'de>>(de: De) -> Result<Self, De::Error> {
        let text = String::deserialize(de)?;
        Date::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a date")))
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2029-05-31"),
            Some(Date {
                year: 2029,
                month: 5,
                day: 31
            })
        );
        for bad in [
            "2029-13-01",
            "2023-02-29",
            "2029-5-31",
            "20290531",
            "2029-05-3x",
            "",
            "２０２９-05-31",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn counts_days() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
        let a = Date::parse("2024-06-30").unwrap();
        let b = Date::parse("2029-06-30").unwrap();
        assert!((a.years_until(b) - 5.0).abs() < 0.01);
        assert_eq!(a.to_string(), "2024-06-30");
    }
}
