//! Date parsing: ISO 8601, RFC 2822, Unix timestamps, numeric day-first and
//! month-first forms, month names in about twenty languages, CJK dates, and
//! relative dates ("3 hours ago") against a reference time.
//!
//! Everything works on short strings (attribute values, the text of one small
//! element); no regex here is ever run over a whole page.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// A calendar date, with the time of day and UTC offset when the source gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime {
    pub y: i32,
    pub m: u32,
    pub d: u32,
    /// Hours, minutes, seconds.
    pub time: Option<(u32, u32, u32)>,
    /// Offset from UTC in minutes.
    pub offset: Option<i32>,
}

impl DateTime {
    pub fn ymd(y: i32, m: u32, d: u32) -> Option<DateTime> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(DateTime {
            y,
            m,
            d,
            time: None,
            offset: None,
        })
    }

    /// ISO 8601: the day alone, with the time when known, with the offset when known.
    pub fn iso(&self) -> String {
        let day = format!("{:04}-{:02}-{:02}", self.y, self.m, self.d);
        match self.time {
            Some((h, mi, s)) => {
                let mut out = format!("{day}T{h:02}:{mi:02}:{s:02}");
                if let Some(off) = self.offset {
                    let sign = if off < 0 { '-' } else { '+' };
                    let a = off.abs();
                    out.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
                }
                out
            }
            None => day,
        }
    }

    /// Days since 1970-01-01.
    pub fn day_number(&self) -> i64 {
        days_from_civil(self.y, self.m, self.d)
    }

    /// Seconds since the epoch; local midnight when no time is known.
    pub fn epoch(&self) -> i64 {
        let (h, mi, s) = self.time.unwrap_or((0, 0, 0));
        self.day_number() * 86_400 + i64::from(h * 3600 + mi * 60 + s)
            - i64::from(self.offset.unwrap_or(0)) * 60
    }

    pub fn from_epoch(secs: i64) -> DateTime {
        let days = secs.div_euclid(86_400);
        let rem = secs.rem_euclid(86_400) as u32;
        let (y, m, d) = civil_from_days(days);
        DateTime {
            y,
            m,
            d,
            time: Some((rem / 3600, rem / 60 % 60, rem % 60)),
            offset: Some(0),
        }
    }

    /// The same date without time of day.
    pub fn day_only(&self) -> DateTime {
        DateTime {
            time: None,
            offset: None,
            ..*self
        }
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since the epoch of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// Month names and abbreviations, lower case, without a trailing dot:
/// English, German, French, Spanish, Italian, Portuguese, Dutch, Polish,
/// Turkish, Russian, Ukrainian, Czech, Scandinavian, Indonesian, Romanian,
/// Hungarian, Finnish, Greek, Croatian.
static MONTHS: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    const TABLE: [&str; 12] = [
        "january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari styczeń stycznia styczen ocak январь января янв січня січень ledna leden ianuarie ian január tammikuuta tammikuu ιανουαρίου ιανουάριος ιαν siječnja siječanj",
        "february feb febr februar février fevrier févr fevr febrero febbraio fevereiro fev februari luty lutego şubat subat февраль февраля фев лютого лютий února únor februarie február helmikuuta helmikuu φεβρουαρίου φεβρουάριος φεβ veljače veljača",
        "march mar märz maerz mär mrz mars marzo março marco maart mrt marzec marca mart март марта березня березень března březen martie március maaliskuuta maaliskuu μαρτίου μάρτιος μαρ maret ožujka ožujak",
        "april apr avril avr abril abr aprile kwiecień kwietnia kwiecien nisan апрель апреля апр квітня квітень dubna duben aprilie április huhtikuuta huhtikuu απριλίου απρίλιος απρ travnja travanj",
        "may mai mayo maggio mag maio mei maj maja mayıs mayis май мая травня травень května květen május toukokuuta toukokuu μαΐου μαΐου μάιος μαϊ svibnja svibanj",
        "june jun juni juin junio giugno giu junho czerwiec czerwca haziran июнь июня июн червня червень června červen iunie június kesäkuuta kesäkuu ιουνίου ιούνιος ιουν lipnja lipanj",
        "july jul juli juillet juil julio luglio lug julho lipiec lipca temmuz июль июля июл липня липень července červenec iulie július heinäkuuta heinäkuu ιουλίου ιούλιος ιουλ srpnja srpanj",
        "august aug août aout agosto ago augustus agustus sierpień sierpnia sierpien ağustos agustos август августа авг серпня серпень srpna srpen augusti augusztus elokuuta elokuu αυγούστου αύγουστος αυγ kolovoza kolovoz",
        "september sep sept septembre septiembre setiembre settembre set setembro wrzesień września wrzesien wrzesnia eylül eylul сентябрь сентября сен вересня вересень září septembrie szeptember syyskuuta syyskuu σεπτεμβρίου σεπτέμβριος σεπ rujna rujan",
        "october oct oktober okt octobre octubre ottobre ott outubro out październik października pazdziernik pazdziernika ekim октябрь октября окт жовтня жовтень října říjen octombrie október lokakuuta lokakuu οκτωβρίου οκτώβριος οκτ listopada listopad",
        "november nov novembre noviembre novembro listopad listopada kasım kasim ноябрь ноября ноя листопада листопад listopadu noiembrie marraskuuta marraskuu νοεμβρίου νοέμβριος νοε studenoga studeni",
        "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro desember grudzień grudnia grudzien aralık aralik декабрь декабря дек грудня грудень prosince prosinec decembrie december joulukuuta joulukuu δεκεμβρίου δεκέμβριος δεκ prosinca prosinac",
    ];
    let mut map = HashMap::new();
    for (i, names) in TABLE.iter().enumerate() {
        for n in names.split(' ') {
            // Polish/Czech/Croatian "listopad" is November in Polish and Czech,
            // October in Croatian; the first (Polish) reading wins.
            map.entry(n).or_insert(i as u32 + 1);
        }
    }
    map
});

/// The month number of a month name or abbreviation in any supported language.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.chars().count() < 3 {
        return None;
    }
    if let Some(&m) = MONTHS.get(w) {
        return Some(m);
    }
    let lower = w.to_lowercase();
    MONTHS.get(lower.as_str()).copied()
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    )
    .expect("valid regex")
});
static YMD_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s?([/.])\s?(\d{1,2})\s?[/.]\s?(\d{1,2})").expect("valid regex")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})\s?([./-])\s?(\d{1,2})\s?[./-]\s?(\d{4}|\d{2})").expect("valid regex")
});
static D_MON_Y: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(\d{1,2})(?:st|nd|rd|th|er|e|º|°|\.|-)?\s*(?:de\s+|of\s+)?(\p{L}{3,}\.?)(?:\s+de)?\s*[,-]?\s*(\d{4})",
    )
    .expect("valid regex")
});
static MON_D_Y: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\p{L}{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})").expect("valid regex")
});
static Y_MON_D: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\.?\s+(\p{L}{3,})\.?\s+(\d{1,2})").expect("valid regex"));
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})").expect("valid regex")
});
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[,|@\-–—]|at|um|à|a las|alle|às|в)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*(?i:(am|pm|a\.m\.|p\.m\.))?\s*(Z\b|UTC|GMT|[+-]\d{2}:?\d{2})?")
        .expect("valid regex")
});
static RFC2822: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4})?")
        .expect("valid regex")
});

fn num<T: std::str::FromStr>(c: &Captures<'_>, i: usize) -> Option<T> {
    c.get(i)?.as_str().parse().ok()
}

/// True when the byte before `start` or at `end` is an ASCII digit, i.e. the
/// match is a piece of a longer number.
fn glued(s: &str, start: usize, end: usize) -> bool {
    let b = s.as_bytes();
    (start > 0 && b[start - 1].is_ascii_digit()) || b.get(end).is_some_and(|c| c.is_ascii_digit())
}

fn parse_offset(s: &str) -> Option<i32> {
    match s {
        "Z" | "UT" | "UTC" | "GMT" => Some(0),
        _ => {
            let sign = if s.starts_with('-') { -1 } else { 1 };
            let digits: String = s[1..].chars().filter(char::is_ascii_digit).collect();
            let h: i32 = digits.get(..2)?.parse().ok()?;
            let m: i32 = digits.get(2..4).and_then(|m| m.parse().ok()).unwrap_or(0);
            (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
        }
    }
}

fn with_time(
    mut dt: DateTime,
    h: Option<u32>,
    mi: Option<u32>,
    s: Option<u32>,
    off: Option<&str>,
) -> DateTime {
    if let (Some(h), Some(mi)) = (h, mi) {
        if h < 24 && mi < 60 && s.unwrap_or(0) < 61 {
            dt.time = Some((h, mi, s.unwrap_or(0).min(59)));
            dt.offset = off.and_then(parse_offset);
        }
    }
    dt
}

/// Two-digit years: 00–69 are 20xx, the rest 19xx.
fn full_year(y: u32, digits: usize) -> i32 {
    if digits == 2 {
        if y < 70 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }
    } else {
        y as i32
    }
}

/// A date found in a text, with its byte span.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub date: DateTime,
    pub start: usize,
    pub end: usize,
}

/// How to read ambiguous numeric dates such as `02/03/2022`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Day first (most of the world).
    #[default]
    DayFirst,
    /// Month first (United States).
    MonthFirst,
}

/// The first date expression in `s` (leftmost), any supported format.
pub fn find(s: &str, order: Order) -> Option<Found> {
    // Every format needs a day and a year: four ASCII digits at least
    // (`1.2.21`); most texts have fewer and skip the regexes.
    s.bytes().filter(u8::is_ascii_digit).nth(3)?;
    let mut best: Option<Found> = None;
    // The earliest date in the text wins.
    let mut consider = |date: DateTime, m: &regex::Match<'_>| {
        if best.is_none_or(|b| m.start() < b.start) {
            best = Some(Found {
                date,
                start: m.start(),
                end: m.end(),
            });
        }
    };
    for c in ISO.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        let day_end = c.get(3).expect("day").end();
        if glued(s, m.start(), day_end) {
            continue;
        }
        if let (Some(y), Some(mo), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(dt) = DateTime::ymd(y, mo, d) {
                let dt = with_time(
                    dt,
                    num(&c, 4),
                    num(&c, 5),
                    num(&c, 6),
                    c.get(7).map(|m| m.as_str()),
                );
                consider(dt, &m);
                break;
            }
        }
    }
    for c in YMD_SEP.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        if glued(s, m.start(), m.end()) {
            continue;
        }
        if let (Some(y), Some(mo), Some(d)) = (num(&c, 1), num(&c, 3), num(&c, 4)) {
            if let Some(dt) = DateTime::ymd(y, mo, d) {
                consider(dt, &m);
                break;
            }
        }
    }
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).expect("group 0");
        if glued(s, m.start(), m.end()) {
            continue;
        }
        let sep = &c[2];
        let ylen = c[4].len();
        // "1-2-22" style dashes with two-digit years are too often scores or codes.
        if ylen == 2 && sep == "-" {
            continue;
        }
        let (Some(a), Some(b), Some(y)) = (num::<u32>(&c, 1), num::<u32>(&c, 3), num::<u32>(&c, 4))
        else {
            continue;
        };
        let y = full_year(y, ylen);
        let month_first = if a > 12 {
            false
        } else if b > 12 {
            true
        } else {
            // Dots are never month-first.
            order == Order::MonthFirst && sep != "."
        };
        let (d, mo) = if month_first { (b, a) } else { (a, b) };
        if let Some(dt) = DateTime::ymd(y, mo, d) {
            consider(dt, &m);
            break;
        }
    }
    // Dates with a month name, in the three orders the web writes them:
    // (pattern, capture group of the month, of the day, of the year).
    let named: [(&Regex, usize, usize, usize); 3] = [
        (&D_MON_Y, 2, 1, 3),
        (&MON_D_Y, 1, 2, 3),
        (&Y_MON_D, 2, 3, 1),
    ];
    for (re, g_month, g_day, g_year) in named {
        for c in re.captures_iter(s) {
            let m = c.get(0).expect("group 0");
            if glued(s, m.start(), m.end()) {
                continue;
            }
            let Some(mo) = month_number(&c[g_month]) else {
                continue;
            };
            if let (Some(d), Some(y)) = (num(&c, g_day), num(&c, g_year)) {
                if let Some(dt) = DateTime::ymd(y, mo, d) {
                    consider(dt, &m);
                    break;
                }
            }
        }
    }
    if let Some(c) = CJK.captures(s) {
        let m = c.get(0).expect("group 0");
        if let (Some(y), Some(mo), Some(d)) = (num(&c, 1), num(&c, 2), num(&c, 3)) {
            if let Some(dt) = DateTime::ymd(y, mo, d) {
                consider(dt, &m);
            }
        }
    }
    let mut best = best?;
    if best.date.time.is_none() {
        // A time of day right after the date ("28.02.2022, 09:30").
        if let Some(c) = TIME_AFTER.captures(&s[best.end..]) {
            let (h, mi, sec) = (num::<u32>(&c, 1), num::<u32>(&c, 2), num::<u32>(&c, 3));
            let h = match (h, c.get(4).map(|m| m.as_str().to_ascii_lowercase())) {
                (Some(h), Some(ap)) if ap.starts_with('p') && h < 12 => Some(h + 12),
                (Some(12), Some(ap)) if ap.starts_with('a') => Some(0),
                (h, _) => h,
            };
            best.date = with_time(best.date, h, mi, sec, c.get(5).map(|m| m.as_str()));
            best.end += c.get(0).expect("group 0").end();
        }
    }
    Some(best)
}

/// Parse a value from structured metadata (a `content` or `datetime`
/// attribute, a JSON-LD string): ISO 8601, RFC 2822, a Unix timestamp,
/// `YYYYMMDD`, or any free-form date [`find`] knows.
pub fn parse_value(s: &str) -> Option<DateTime> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.len() {
            // YYYYMMDD
            8 => DateTime::ymd(
                s[..4].parse().ok()?,
                s[4..6].parse().ok()?,
                s[6..].parse().ok()?,
            ),
            // Seconds or milliseconds since the epoch.
            10 => Some(DateTime::from_epoch(s.parse().ok()?)),
            13 => Some(DateTime::from_epoch(s.parse::<i64>().ok()? / 1000)),
            _ => None,
        };
    }
    if let Some(c) = RFC2822.captures(s) {
        if let (Some(d), Some(mo), Some(y)) = (num(&c, 1), month_number(&c[2]), num(&c, 3)) {
            if let Some(dt) = DateTime::ymd(y, mo, d) {
                return Some(with_time(
                    dt,
                    num(&c, 4),
                    num(&c, 5),
                    num(&c, 6),
                    c.get(7).map(|m| m.as_str()),
                ));
            }
        }
    }
    find(s, Order::DayFirst).map(|f| f.date)
}

static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(\d+|an?|one)\s+(second|sec|minute|min|hour|hr|day|week|month|year)s?\s+ago|vor\s+(\d+|einer?|einem)\s+(sekunde|minute|stunde|tag|woche|monat|jahr)\w*|il\s+y\s+a\s+(\d+|une?)\s+(seconde|minute|heure|jour|semaine|mois|an)s?|hace\s+(\d+|una?)\s+(segundo|minuto|hora|día|dia|semana|mes|año)\w*|(\d+)\s+(saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce|(\d+)\s+(секунд|минут|час|дн|день|недел|месяц|год|лет)\w*\s+назад)",
    )
    .expect("valid regex")
});
static YESTERDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(today|heute|aujourd'hui|hoy|oggi|hoje|vandaag|dzisiaj|bugün|сегодня)|(yesterday|gestern|hier|ayer|ieri|ontem|gisteren|wczoraj|dün|вчера))\b")
        .expect("valid regex")
});

fn unit_seconds(unit: &str) -> i64 {
    let u = unit.to_lowercase();
    let starts = |p: &[&str]| p.iter().any(|x| u.starts_with(x));
    if starts(&["sec", "sek", "seg", "san", "секунд"]) {
        1
    } else if starts(&["min", "dak", "минут"]) {
        60
    } else if starts(&["h", "stunde", "saat", "час"]) {
        3600
    } else if starts(&["d", "tag", "jour", "gün", "дн", "день"]) {
        86_400
    } else if starts(&["w", "sem", "haf", "недел"]) {
        7 * 86_400
    } else if starts(&["mo", "mes", "ay", "месяц"]) {
        30 * 86_400
    } else {
        365 * 86_400
    }
}

/// A relative date ("3 hours ago", "vor 2 Tagen", "yesterday") resolved against `now`.
pub fn find_relative(s: &str, now: i64) -> Option<DateTime> {
    if let Some(c) = RELATIVE.captures(s) {
        let (n, unit) = (1..c.len())
            .step_by(2)
            .find_map(|i| Some((c.get(i)?.as_str(), c.get(i + 1)?.as_str())))?;
        let n: i64 = n.parse().unwrap_or(1);
        let at = now - n * unit_seconds(unit);
        return Some(DateTime::from_epoch(at).day_only());
    }
    let c = YESTERDAY.captures(s)?;
    let back = if c.get(1).is_some() { 0 } else { 86_400 };
    Some(DateTime::from_epoch(now - back).day_only())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse_value(s).map(|d| d.iso())
    }

    #[test]
    fn four_digits_needed() {
        let day = |s: &str| find(s, Order::DayFirst).map(|f| f.date.iso());
        assert_eq!(day("1.2.21").as_deref(), Some("2021-02-01"));
        assert_eq!(day("May 5, 20"), None);
        assert_eq!(day("no digits here"), None);
    }

    #[test]
    fn iso_and_rfc() {
        assert_eq!(
            iso("2022-02-28T09:30:00+03:00").as_deref(),
            Some("2022-02-28T09:30:00+03:00")
        );
        assert_eq!(
            iso("2022-02-28T09:30:00.000Z").as_deref(),
            Some("2022-02-28T09:30:00+00:00")
        );
        assert_eq!(iso("2022-02-28").as_deref(), Some("2022-02-28"));
        assert_eq!(
            iso("2022-02-28 09:30").as_deref(),
            Some("2022-02-28T09:30:00")
        );
        assert_eq!(
            iso("Mon, 28 Feb 2022 09:30:00 +0300").as_deref(),
            Some("2022-02-28T09:30:00+03:00")
        );
        assert_eq!(iso("20220228").as_deref(), Some("2022-02-28"));
        assert_eq!(
            iso("1646040600").as_deref(),
            Some("2022-02-28T09:30:00+00:00")
        );
        assert_eq!(iso("2022-02-30"), None);
    }

    #[test]
    fn dashed_month_name() {
        let day = |s: &str| find(s, Order::DayFirst).map(|f| f.date.iso());
        assert_eq!(day("Filed 28-Feb-2022").as_deref(), Some("2022-02-28"));
        assert_eq!(day("28-February-2022").as_deref(), Some("2022-02-28"));
    }

    #[test]
    fn languages() {
        for s in [
            "28 février 2022",
            "28.02.2022",
            "Feb 28, 2022",
            "February 28th, 2022",
            "28 февраля 2022",
            "28. Februar 2022",
            "28 de febrero de 2022",
            "28 febbraio 2022",
            "28 de fevereiro de 2022",
            "28 februari 2022",
            "28 lutego 2022",
            "28 Şubat 2022",
            "2022年2月28日",
            "Publié le 28/02/2022 à 10h30",
            "2022/02/28",
        ] {
            let f = find(s, Order::DayFirst).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(f.date.day_only().iso(), "2022-02-28", "{s}");
        }
    }

    #[test]
    fn numeric_order() {
        let us = find("03/04/2022", Order::MonthFirst).expect("date");
        assert_eq!((us.date.m, us.date.d), (3, 4));
        let eu = find("03/04/2022", Order::DayFirst).expect("date");
        assert_eq!((eu.date.m, eu.date.d), (4, 3));
        assert!(find("order 1234567/2022", Order::DayFirst).is_none());
        let t = find("Feb 28, 2022 at 9:30 pm", Order::DayFirst).expect("date");
        assert_eq!(t.date.iso(), "2022-02-28T21:30:00");
    }

    #[test]
    fn relative() {
        let now = DateTime::ymd(2022, 3, 1).expect("valid").epoch() + 12 * 3600;
        assert_eq!(
            find_relative("3 hours ago", now)
                .map(|d| d.iso())
                .as_deref(),
            Some("2022-03-01")
        );
        assert_eq!(
            find_relative("vor 2 Tagen", now)
                .map(|d| d.iso())
                .as_deref(),
            Some("2022-02-27")
        );
        assert_eq!(
            find_relative("Yesterday", now).map(|d| d.iso()).as_deref(),
            Some("2022-02-28")
        );
        assert_eq!(find_relative("no date", now), None);
    }

    #[test]
    fn epoch_roundtrip() {
        let d = DateTime::ymd(2000, 2, 29).expect("valid");
        assert_eq!(DateTime::from_epoch(d.epoch()).day_only(), d);
    }
}
