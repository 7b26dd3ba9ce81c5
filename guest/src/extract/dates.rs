//! Date normalisation to ISO 8601: `2020-03-12`, `2020-03-12T10:00:00Z`
//! stay as they are (time kept when the source has one); textual dates
//! ("March 12, 2020", "12 Mar 2020", "12.03.2020") become `YYYY-MM-DD`.

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // German, French, Spanish month names seen on news sites.
    ("januar", 1),
    ("februar", 2),
    ("märz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Spanish abbreviations that differ from the English ones ("04-ago-2021").
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
];

fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|&(_, n)| n)
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn ymd(y: u32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// How a page writes a numeric date whose first two numbers could both be
/// the month: "03/10/2023" is 10 March in the US and 3 October in Britain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NumericOrder {
    #[default]
    MonthFirst,
    DayFirst,
}

impl NumericOrder {
    /// The order a page in language `tag` (`en-GB`, `fr`) writes. English
    /// without a region is read as American, as are Canada and the
    /// Philippines; other English-speaking regions and other languages
    /// write the day first.
    pub fn of_language(tag: &str) -> NumericOrder {
        let mut parts = tag.split(['-', '_']);
        let language = parts.next().unwrap_or("").to_ascii_lowercase();
        let region = parts.next().unwrap_or("").to_ascii_uppercase();
        match (language.as_str(), region.as_str()) {
            ("", _) | ("en", "" | "US" | "CA" | "PH") => NumericOrder::MonthFirst,
            _ => NumericOrder::DayFirst,
        }
    }
}

/// Normalise a date string; `None` when no plausible date is found.
/// Numeric dates are read month first unless the first number cannot be a
/// month; see `normalize_as`.
pub fn normalize(raw: &str) -> Option<String> {
    normalize_as(raw, NumericOrder::MonthFirst)
}

/// Normalise a date string written in `order`.
pub fn normalize_as(raw: &str, order: NumericOrder) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(iso) = iso_prefix(s) {
        return Some(iso);
    }
    textual(s, order)
}

/// A timestamp whose offset is written `+0000` gets `+00:00`: ISO 8601
/// writes the offset the way it writes the time (with colons).
fn with_extended_offset(mut ts: String) -> String {
    let time = ts.find('T').map_or("", |t| &ts[t..]);
    if let Some(sign) = time.rfind(['+', '-']) {
        let offset = &time[sign + 1..];
        if offset.len() == 4 && offset.bytes().all(|b| b.is_ascii_digit()) {
            let at = ts.len() - 2;
            ts.insert(at, ':');
        }
    }
    ts
}

/// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD` at the start (an ISO timestamp
/// is returned whole, normalised to `-` separators).
fn iso_prefix(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    if b.len() >= 10 && (b[4] == b'-' || b[4] == b'/' || b[4] == b'.') && b[7] == b[4] {
        let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        if !valid(y, m, d) {
            return None;
        }
        let rest = &s[10..];
        if b[4] == b'-' && (rest.starts_with('T') || rest.starts_with(' ')) && rest.len() >= 6 && rest.as_bytes()[1].is_ascii_digit() {
            // The timestamp ends where its characters do (a JSON-LD value
            // quoted twice leaves a '"' after it).
            let ts: String = s.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | 'T' | '.' | '+' | 'Z')).collect();
            return Some(if rest.starts_with(' ') { ymd(y, m, d) } else { with_extended_offset(ts) });
        }
        return Some(ymd(y, m, d));
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) && (b.len() == 8 || !b[8].is_ascii_digit()) {
        let (y, m, d) = (digits(0..4)?, digits(4..6)?, digits(6..8)?);
        if valid(y, m, d) {
            return Some(ymd(y, m, d));
        }
    }
    None
}

/// Find a date written in words or as day-first numbers anywhere in `s`.
fn textual(s: &str, order: NumericOrder) -> Option<String> {
    // An ISO date after some words ("Updated: 2021-01-05").
    for (pos, _) in s.char_indices().filter(|&(p, c)| c.is_ascii_digit() && (p == 0 || !s.as_bytes()[p - 1].is_ascii_digit())) {
        if let Some(iso) = iso_prefix(&s[pos..]) {
            return Some(iso);
        }
    }
    let tokens: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-' || c == '|').filter(|t| !t.is_empty()).collect();
    let number = |t: &str| -> Option<u32> {
        let t = t.trim_end_matches(|c: char| c.is_alphabetic() || c == '.'); // 12th, 1st., 3.
        if !t.is_empty() && t.len() <= 4 && t.bytes().all(|c| c.is_ascii_digit()) {
            t.parse().ok()
        } else {
            None
        }
    };
    for w in 0..tokens.len() {
        {
            // Month D, YYYY
            if let Some(m) = month_number(tokens[w]) {
                if let (Some(d), Some(y)) = (tokens.get(w + 1).and_then(|t| number(t)), tokens.get(w + 2).and_then(|t| number(t))) {
                    if valid(y, m, d) {
                        return Some(ymd(y, m, d));
                    }
                }
                // Month YYYY: first of the month is a guess; precision is the year-month.
            }
            // YYYY Month D, as citations write it ("2023 Jan 7;15(1):e33475").
            if let (Some(y), Some(m)) = (number(tokens[w]), tokens.get(w + 1).and_then(|t| month_number(t))) {
                if let Some(d) = tokens.get(w + 2).and_then(|t| number(t.split(';').next().unwrap_or(t))) {
                    if tokens[w].len() == 4 && valid(y, m, d) {
                        return Some(ymd(y, m, d));
                    }
                }
            }
            // D Month YYYY (also "12. März 2020", "12 de marzo de 2020")
            if let Some(d) = number(tokens[w]) {
                let mut k = w + 1;
                if tokens.get(k).is_some_and(|t| *t == "de" || *t == "of") {
                    k += 1;
                }
                if let Some(m) = tokens.get(k).and_then(|t| month_number(t)) {
                    let mut k2 = k + 1;
                    if tokens.get(k2).is_some_and(|t| *t == "de") {
                        k2 += 1;
                    }
                    if let Some(y) = tokens.get(k2).and_then(|t| number(t)) {
                        if valid(y, m, d) {
                            return Some(ymd(y, m, d));
                        }
                    }
                }
            }
        }
        // D.M.YYYY (European numeric)
        let parts: Vec<&str> = tokens[w].split('.').collect();
        if parts.len() == 3 {
            if let (Some(d), Some(m), Some(y)) = (number(parts[0]), number(parts[1]), number(parts[2])) {
                if parts[2].len() == 4 && valid(y, m, d) {
                    return Some(ymd(y, m, d));
                }
            }
        }
    }
    // M/D/YYYY (US numeric), also after a weekday ("Thu, 09/25/2025 - 11:38");
    // D/M/YYYY when the page writes the day first or the first number
    // cannot be a month ("25/03/2024"). With hyphens (vBulletin's
    // "11-29-2024, 09:03 AM") only when the order is certain: American
    // pages write slashes, and "02-12-2025" on an English page is as often
    // 2 December as 12 February.
    s.split_whitespace().find_map(|word| {
        let word = word.trim_matches(|c: char| !c.is_ascii_digit());
        let hyphens = !word.contains('/');
        let parts: Vec<&str> = word.split(if hyphens { '-' } else { '/' }).collect();
        if parts.len() != 3 || parts[2].len() != 4 {
            return None;
        }
        let (m, d, y): (u32, u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
        if hyphens && order == NumericOrder::MonthFirst && reads_both_ways(y, m, d) {
            return None;
        }
        let (m, d) = if m > 12 || (order == NumericOrder::DayFirst && d <= 12) { (d, m) } else { (m, d) };
        valid(y, m, d).then(|| ymd(y, m, d))
    })
}

/// Both readings of a hyphenated numeric date that an English page leaves
/// open ("02-12-2025": 12 February or 2 December), month first, then day
/// first; `None` for anything else.
pub fn open_readings(raw: &str) -> Option<[String; 2]> {
    let parts: Vec<&str> = raw.trim().split('-').collect();
    if parts.len() != 3 || parts[2].len() != 4 || !parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (a, b, y): (u32, u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?);
    reads_both_ways(y, a, b).then(|| [ymd(y, a, b), ymd(y, b, a)])
}

/// Whether `a` and `b` name two different days as month and day either way round.
fn reads_both_ways(y: u32, a: u32, b: u32) -> bool {
    a != b && valid(y, a, b) && valid(y, b, a)
}

/// The day a URL path names as `/2025/12/18/` or as a segment starting
/// `2025-12-18` (blog permalinks): the day the post was published, in the
/// site's own time zone.
pub fn in_url_path(path: &str) -> Option<String> {
    // Exactly `n` digits, as a number.
    let number = |s: &str, n: usize| (s.len() == n && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    // The month as two digits or as a name ("/2023/october/03/", "/2025/dec/04/").
    let day = |y: &str, m: &str, d: &str| {
        let m = number(m, 2).or_else(|| month_number(m))?;
        let (y, d) = (number(y, 4)?, number(d, 2).or_else(|| number(d, 1))?);
        valid(y, m, d).then(|| ymd(y, m, d))
    };
    let parts: Vec<&str> = path.split('/').collect();
    let nested = parts.windows(3).find_map(|w| day(w[0], w[1], w[2]));
    nested.or_else(|| {
        parts.iter().find_map(|seg| {
            let bytes = seg.as_bytes();
            let shaped = bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' && bytes.get(10).is_none_or(|b| !b.is_ascii_digit());
            shaped.then(|| day(seg.get(..4)?, seg.get(5..7)?, seg.get(8..10)?)).flatten()
        })
    })
}

/// Days from `a` to `b` (both `YYYY-MM-DD`), negative when `b` is earlier.
pub fn days_apart(a: &str, b: &str) -> Option<i64> {
    Some(day_number(b)? - day_number(a)?)
}

/// The furthest UTC offsets in use, in minutes (UTC−12:00 to UTC+14:00).
const EARLIEST_OFFSET_MINUTES: i64 = -12 * 60;
const LATEST_OFFSET_MINUTES: i64 = 14 * 60;

/// The calendar days, counted from the timestamp's own day, on which an
/// instant written with a UTC offset ("2025-12-19T22:02:58Z") falls in
/// some time zone: 22:02 UTC is the 19th or the 20th somewhere, never the
/// 18th. `None` without a time and an offset (a day, or a local time).
pub fn days_reachable(timestamp: &str) -> Option<std::ops::RangeInclusive<i64>> {
    let number = |range: std::ops::Range<usize>| timestamp.get(range).and_then(|t| t.parse::<i64>().ok());
    if timestamp.get(10..11) != Some("T") {
        return None;
    }
    let minutes = number(11..13)? * 60 + number(14..16)?;
    let zone = timestamp.get(16..)?;
    let offset = if zone.ends_with('Z') {
        0
    } else {
        let at = zone.rfind(['+', '-'])?;
        let sign = if zone[at..].starts_with('-') { -1 } else { 1 };
        let digits: String = zone[at + 1..].chars().filter(char::is_ascii_digit).collect();
        let (hours, mins) = (digits.get(..2)?.parse::<i64>().ok()?, digits.get(2..4).map_or(Some(0), |m| m.parse::<i64>().ok())?);
        sign * (hours * 60 + mins)
    };
    let utc = minutes - offset;
    Some((utc + EARLIEST_OFFSET_MINUTES).div_euclid(1440)..=(utc + LATEST_OFFSET_MINUTES).div_euclid(1440))
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * m + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// How a line stating when the page was published or changed opens
/// ("Last updated March 3, 2025", "Posted on …"): bylines and the
/// introduction scan read these lines as datelines.
pub const DATE_STAMP_OPENINGS: &[&str] = &["last updated", "updated", "last modified", "posted", "published"];

/// Words that may stand beside a date on a dateline ("Updated on Monday,
/// March 3, 2025 at 10:00 am").
const DATELINE_WORDS: &[&str] = &[
    "published", "updated", "posted", "last", "modified", "on", "at", "date", "am", "pm", "utc", "gmt", "asked", "answered", "commented", "edited", "replied",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
];

/// Whether a line is nothing but a date, with at most a label and a time:
/// a dateline, not a sentence that mentions a date.
pub fn is_dateline(line: &str) -> bool {
    let words: Vec<&str> = line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '•')).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    let plain = |w: &str| w.trim_matches(|c: char| matches!(c, ':' | '.' | '(' | ')')).to_lowercase();
    words.iter().all(|w| {
        let w = plain(w);
        w.is_empty()
            || w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '-' | '/' | '.' | '+'))
            || w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).chars().all(|c| c.is_ascii_digit()) && w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || month_number(&w).is_some()
            || DATELINE_WORDS.contains(&w.as_str())
    }) && normalize(line).is_some()
}

/// Units of a relative time ("3 days ago", "2h ago").
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "s", "minute", "minutes", "min", "mins", "m", "hour", "hours", "hr", "hrs", "h", "day", "days", "d", "week", "weeks",
    "wk", "wks", "w", "month", "months", "mo", "mos", "year", "years", "yr", "yrs", "y",
];

/// Whether a line is nothing but a relative time ("3 days ago", "Posted an
/// hour ago", "2h ago"): a dateline as listings and threads show it.
pub fn is_relative_time(line: &str) -> bool {
    let words: Vec<String> = line.split_whitespace().map(|w| w.trim_matches(|c: char| matches!(c, '.' | ',' | '(' | ')' | '·')).to_lowercase()).collect();
    let Some((ago, rest)) = words.split_last() else { return false };
    if ago != "ago" || rest.len() > 4 {
        return false;
    }
    let amount = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || matches!(w, "a" | "an" | "one");
    let (label, span) = match rest {
        [label @ .., n, unit] if amount(n) && TIME_UNITS.contains(&unit.as_str()) => (label, true),
        [label @ .., glued] => (label, glued.find(|c: char| !c.is_ascii_digit()).is_some_and(|at| at > 0 && TIME_UNITS.contains(&&glued[at..]))),
        [] => return false,
    };
    span && label.iter().all(|w| DATELINE_WORDS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::{days_reachable, in_url_path, is_dateline, is_relative_time, normalize, normalize_as, open_readings, NumericOrder};

    #[test]
    fn an_instant_reaches_the_days_some_time_zone_gives_it() {
        assert_eq!(days_reachable("2025-12-19T22:02:58.705Z"), Some(0..=1));
        assert_eq!(days_reachable("2025-12-19T04:25:38+05:00"), Some(-1..=0));
        assert_eq!(days_reachable("2025-05-14T19:30:03-07:00"), Some(0..=1));
        assert_eq!(days_reachable("2025-05-14T12:00:00+0000"), Some(0..=1));
        assert_eq!(days_reachable("2025-05-14"), None);
        assert_eq!(days_reachable("2025-05-14T19:30:03"), None);
    }

    #[test]
    fn relative_times() {
        for line in ["3 days ago", "an hour ago", "2h ago", "Posted 5 minutes ago", "1 yr. ago"] {
            assert!(is_relative_time(line), "{line}");
        }
        for line in ["ago", "3 days", "Two days ago we shipped the fix", "the day ago", "h ago"] {
            assert!(!is_relative_time(line), "{line}");
        }
    }

    #[test]
    fn a_permalink_names_its_day() {
        assert_eq!(in_url_path("/2025/12/18/comfort-watches/").as_deref(), Some("2025-12-18"));
        assert_eq!(in_url_path("/blog/2025/12/18").as_deref(), Some("2025-12-18"));
        assert_eq!(in_url_path("/2025/13/18/x"), None);
        assert_eq!(in_url_path("/2025/12/x"), None);
        assert_eq!(in_url_path("/12345/12/18/x"), None);
        assert_eq!(in_url_path("/articles/2025-12-15+Rust+GCC").as_deref(), Some("2025-12-15"));
        assert_eq!(in_url_path("/2025-12-150"), None);
        assert_eq!(in_url_path("/20é5-12-15"), None);
        assert_eq!(in_url_path("/blog/2023/october/03/wine-styles/").as_deref(), Some("2023-10-03"));
        assert_eq!(in_url_path("/2025/dec/4/column").as_deref(), Some("2025-12-04"));
        assert_eq!(in_url_path("/2025/decade/04/x"), None);
    }

    #[test]
    fn numeric_dates_follow_the_page_language() {
        let british = NumericOrder::of_language("en-GB");
        assert_eq!(british, NumericOrder::DayFirst);
        assert_eq!(NumericOrder::of_language("fr"), NumericOrder::DayFirst);
        assert_eq!(NumericOrder::of_language("en"), NumericOrder::MonthFirst);
        assert_eq!(NumericOrder::of_language("en_US"), NumericOrder::MonthFirst);
        assert_eq!(normalize_as("03/10/2023", british).as_deref(), Some("2023-10-03"));
        assert_eq!(normalize_as("03/10/2023", NumericOrder::MonthFirst).as_deref(), Some("2023-03-10"));
        // Unambiguous either way, and never a month 13.
        assert_eq!(normalize_as("09/25/2025", british).as_deref(), Some("2025-09-25"));
        assert_eq!(normalize_as("25/03/2024", NumericOrder::MonthFirst).as_deref(), Some("2024-03-25"));
    }

    #[test]
    fn an_open_hyphenated_date_has_two_readings() {
        assert_eq!(open_readings(" 02-12-2025 "), Some(["2025-02-12".to_string(), "2025-12-02".to_string()]));
        // A number above 12 is the day; the same number twice reads one way.
        assert_eq!(open_readings("02-13-2025"), None);
        assert_eq!(open_readings("05-05-2025"), None);
        assert_eq!(open_readings("02/12/2025"), None);
        assert_eq!(open_readings("2025-02-12"), None);
    }

    #[test]
    fn iso_forms() {
        assert_eq!(normalize("2020-03-12").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("2020-03-12T10:00:00+01:00").as_deref(), Some("2020-03-12T10:00:00+01:00"));
        assert_eq!(normalize("2020/03/12").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("20200312").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("2020-03-12 10:00").as_deref(), Some("2020-03-12"));
    }

    #[test]
    fn datelines() {
        assert!(is_dateline("Updated on March 3, 2025"));
        assert!(is_dateline("Mon, 3 Mar 2025 10:00 am"));
        assert!(is_dateline("2025-03-03"));
        assert!(is_dateline("2024-06-02 10:11:12 +00:00"));
        assert!(!is_dateline("The law changed on March 3, 2025"));
        assert!(!is_dateline("March 2025 archive"));
    }

    #[test]
    fn textual_forms() {
        assert_eq!(normalize("March 12, 2020").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("Published on 12 Mar 2020").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("Sept. 3rd, 2021").as_deref(), Some("2021-09-03"));
        assert_eq!(normalize("12. März 2020").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("12.03.2020").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("3/12/2020").as_deref(), Some("2020-03-12"));
        assert_eq!(normalize("Thu, 09/25/2025 - 11:38").as_deref(), Some("2025-09-25"));
        assert_eq!(normalize("25/03/2024").as_deref(), Some("2024-03-25"));
        assert_eq!(normalize("\"2025-12-17T13:22:47Z\"").as_deref(), Some("2025-12-17T13:22:47Z"));
        assert_eq!(normalize("2025-12-17T13:22:47+05:30 (IST)").as_deref(), Some("2025-12-17T13:22:47+05:30"));
        assert_eq!(normalize("2026-03-03T09:47:05.754000+0000").as_deref(), Some("2026-03-03T09:47:05.754000+00:00"));
        assert_eq!(normalize("2026-03-03T09:47:05-0500").as_deref(), Some("2026-03-03T09:47:05-05:00"));
        assert_eq!(normalize("Updated: 2021-01-05").as_deref(), Some("2021-01-05"));
        assert_eq!(normalize("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(normalize("Cureus. 2023 Jan 7;15(1):e33475").as_deref(), Some("2023-01-07"));
        assert_eq!(normalize("11-29-2024, 09:03 AM").as_deref(), Some("2024-11-29"));
        assert_eq!(normalize("on 04-ago-2021 5:11:10").as_deref(), Some("2021-08-04"));
        assert_eq!(normalize_as("03-10-2023", NumericOrder::DayFirst).as_deref(), Some("2023-10-03"));
        assert_eq!(normalize("02-12-2025"), None);
    }

    #[test]
    fn rejects_nonsense() {
        assert_eq!(normalize("hello"), None);
        assert_eq!(normalize("2020-13-45"), None);
        assert_eq!(normalize("May I help you 2"), None);
        assert_eq!(normalize("3 days ago 2021"), None);
        assert_eq!(normalize("2021 May 45"), None);
        assert_eq!(normalize("555-123-4567"), None);
    }
}
