//! HTTP dates (RFC 9110 §5.6.7) as seconds since the Unix epoch: the
//! IMF-fixdate servers send, and the two obsolete forms recipients must
//! still read (RFC 850, asctime).

/// Seconds since 1970-01-01T00:00:00Z, or none when `value` is no HTTP date.
pub fn seconds_since_epoch(value: &str) -> Option<i64> {
    let tokens: Vec<&str> = value.split(|c: char| c.is_ascii_whitespace() || matches!(c, ',' | '-' | ':')).filter(|t| !t.is_empty()).collect();
    // The weekday leads every form; it says nothing the date does not.
    let tokens = match tokens.split_first() {
        Some((first, rest)) if first.chars().all(|c| c.is_ascii_alphabetic()) && month(first).is_none() => rest,
        _ => &tokens[..],
    };
    let (day, month_name, year, hour, minute, second) = match tokens {
        // "06 Nov 1994 08:49:37 GMT", RFC 850's "06-Nov-94 08:49:37 GMT"
        [day, month_name, year, hour, minute, second, zone] if zone.eq_ignore_ascii_case("GMT") => (day, month_name, year, hour, minute, second),
        // asctime: "Nov  6 08:49:37 1994"
        [month_name, day, hour, minute, second, year] => (day, month_name, year, hour, minute, second),
        _ => return None,
    };
    let number = |text: &str, max: i64| text.parse::<i64>().ok().filter(|n| (0..=max).contains(n));
    let mut year = number(year, 9999)?;
    if year < 100 {
        // RFC 850's two digits: the century that puts the date nearest (RFC 9110 says
        // within 50 years of now; with no clock to trust, 1970 to 2069 will do).
        year += if year < 70 { 2000 } else { 1900 };
    }
    let (day, hour, minute, second) = (number(day, 31)?, number(hour, 23)?, number(minute, 59)?, number(second, 60)?);
    if day == 0 {
        return None;
    }
    Some(days_from_civil(year, month(month_name)?, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

fn month(name: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    MONTHS.iter().position(|m| m.eq_ignore_ascii_case(name)).map(|i| i as i64 + 1)
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`: years counted from March, so the
/// leap day ends the year).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_of_one_instant_agree() {
        // RFC 9110's own example: 784111777.
        for form in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            assert_eq!(seconds_since_epoch(form), Some(784_111_777), "{form}");
        }
    }

    #[test]
    fn dates_across_leap_days_and_centuries() {
        assert_eq!(seconds_since_epoch("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(seconds_since_epoch("Tue, 29 Feb 2000 12:00:00 GMT"), Some(951_825_600));
        assert_eq!(seconds_since_epoch("Sat, 28 Nov 2026 17:30:05 GMT"), Some(1_795_887_005));
        assert_eq!(seconds_since_epoch("Wednesday, 01-Mar-28 00:00:00 GMT"), Some(1_835_481_600));
    }

    #[test]
    fn anything_else_is_no_date() {
        for bad in
            ["120", "", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:00:00 GMT", "soon"]
        {
            assert_eq!(seconds_since_epoch(bad), None, "{bad}");
        }
    }
}
