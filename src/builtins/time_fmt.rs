//! The calendar side of the time module: struct_time, gmtime / localtime / mktime,
//! asctime / ctime, strftime (the C library's directives, English names), the local
//! time zone (read from the TZif file TZ names or /etc/localtime), and process_time.

use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::exceptions::{self, type_error, value_error, VmResult};
use crate::objects::runtime::Runtime;
use crate::objects::{ctx, float, int, string, tuple, typeobj};
use crate::vm::Vm;

/// A broken-down time (C's struct tm, with CPython's conventions: month 1-12, weekday
/// 0 = Monday, yearday 1-366).
#[derive(Clone, Debug)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: String,
    pub gmtoff: i64,
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// The broken-down UTC time of `t` seconds since the epoch, shifted by `off`.
fn breakdown(t: i64, off: i64, isdst: i64, zone: &str) -> Tm {
    let local = t + off;
    let days = local.div_euclid(86400);
    let secs = local.rem_euclid(86400);
    let (y, m, d) = civil_from_days(days);
    Tm {
        year: y,
        mon: m,
        mday: d,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 3).rem_euclid(7),
        yday: days - days_from_civil(y, 1, 1) + 1,
        isdst,
        zone: zone.to_string(),
        gmtoff: off,
    }
}

pub fn gmtime_of(t: i64) -> Tm {
    breakdown(t, 0, 0, "GMT")
}

// ----- the local time zone -------------------------------------------------------

struct Zone {
    /// (transition time, index into types), in order.
    transitions: Vec<(i64, usize)>,
    /// (utc offset, is dst, abbreviation).
    types: Vec<(i64, bool, String)>,
}

fn parse_tzif(b: &[u8]) -> Option<Zone> {
    if b.len() < 44 || &b[..4] != b"TZif" {
        return None;
    }
    let be32 = |p: usize| -> Option<i64> {
        Some(i64::from(i32::from_be_bytes(
            b.get(p..p + 4)?.try_into().ok()?,
        )))
    };
    let counts = |p: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, x) in c.iter_mut().enumerate() {
            *x = be32(p + 20 + 4 * i)? as usize;
        }
        Some(c)
    };
    let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0)?;
    let version = b[4];
    let (start, tsize, [_, _, leap2, timecnt2, typecnt2, charcnt2]) = if version >= b'2' {
        let v1 = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
        (v1 + 44, 8, counts(v1)?)
    } else {
        (44, 4, [isut, isstd, leap, timecnt, typecnt, charcnt])
    };
    let _ = leap2;
    let mut p = start;
    let mut times = Vec::with_capacity(timecnt2);
    for _ in 0..timecnt2 {
        let t = if tsize == 8 {
            i64::from_be_bytes(b.get(p..p + 8)?.try_into().ok()?)
        } else {
            be32(p)?
        };
        times.push(t);
        p += tsize;
    }
    let idx: Vec<usize> = b
        .get(p..p + timecnt2)?
        .iter()
        .map(|&x| x as usize)
        .collect();
    p += timecnt2;
    let mut raw_types = Vec::with_capacity(typecnt2);
    for _ in 0..typecnt2 {
        let off = be32(p)?;
        let dst = b[p + 4] != 0;
        let ai = b[p + 5] as usize;
        raw_types.push((off, dst, ai));
        p += 6;
    }
    let chars = b.get(p..p + charcnt2)?;
    let types = raw_types
        .into_iter()
        .map(|(off, dst, ai)| {
            let end = chars[ai.min(chars.len())..]
                .iter()
                .position(|&c| c == 0)
                .map_or(chars.len(), |e| ai + e);
            let abbr = String::from_utf8_lossy(&chars[ai.min(chars.len())..end]).into_owned();
            (off, dst, abbr)
        })
        .collect();
    Some(Zone {
        transitions: times.into_iter().zip(idx).collect(),
        types,
    })
}

fn load_zone() -> Zone {
    let utc = || Zone {
        transitions: vec![],
        types: vec![(0, false, "UTC".to_string())],
    };
    let path = match std::env::var("TZ") {
        Ok(tz) if tz.is_empty() => return utc(),
        Ok(tz) => {
            let name = tz.trim_start_matches(':');
            if name.starts_with('/') {
                name.to_string()
            } else {
                format!("/usr/share/zoneinfo/{name}")
            }
        }
        Err(_) => "/etc/localtime".to_string(),
    };
    std::fs::read(path)
        .ok()
        .and_then(|b| parse_tzif(&b))
        .filter(|z| !z.types.is_empty())
        .unwrap_or_else(utc)
}

/// (offset, dst, abbreviation) of local time at `t`.
fn local_type(t: i64) -> (i64, bool, String) {
    let z = load_zone();
    let i = match z.transitions.iter().rposition(|(tt, _)| *tt <= t) {
        Some(k) => z.transitions[k].1,
        None => z.types.iter().position(|(_, dst, _)| !dst).unwrap_or(0),
    };
    z.types.get(i).cloned().unwrap_or((0, false, "UTC".into()))
}

pub fn localtime_of(t: i64) -> Tm {
    let (off, dst, abbr) = local_type(t);
    breakdown(t, off, i64::from(dst), &abbr)
}

/// (timezone, altzone, daylight, (std name, dst name)) as the time module shows them.
fn zone_info() -> (i64, i64, bool, String, String) {
    let z = load_zone();
    let std = z
        .types
        .iter()
        .rev()
        .find(|t| !t.1)
        .cloned()
        .unwrap_or((0, false, "UTC".into()));
    let dst = z.types.iter().rev().find(|t| t.1).cloned();
    let daylight = dst.is_some();
    let dst = dst.unwrap_or_else(|| std.clone());
    (-std.0, -dst.0, daylight, std.2, dst.2)
}

// ----- struct_time ---------------------------------------------------------------

/// The Python part of the time module: struct_time.
pub const TIME_PY: &str = r#"
class struct_time(tuple):
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:9])
        self._rest = seq[9:] + (None,) * (11 - len(seq))
        return self
    def __repr__(self):
        names = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
                 "tm_wday", "tm_yday", "tm_isdst")
        return "time.struct_time(" + ", ".join(n + "=" + repr(v) for n, v in zip(names, self)) + ")"
    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._rest[0])
    tm_gmtoff = property(lambda self: self._rest[1])
"#;

fn struct_time(vm: &mut Vm, tm: &Tm) -> VmResult<PyObj> {
    let m = vm.import(&string::intern_str("time"))?;
    let cls = vm.getattr(&m, &string::intern_str("struct_time"))?;
    let i = int::new_i64;
    let t = tuple::new(vec![
        i(tm.year),
        i(tm.mon),
        i(tm.mday),
        i(tm.hour),
        i(tm.min),
        i(tm.sec),
        i(tm.wday),
        i(tm.yday),
        i(tm.isdst),
        string::new(&tm.zone),
        i(tm.gmtoff),
    ]);
    vm.call(&cls, Args::positional(&[t]))
}

/// A time argument (None: now) as whole seconds.
fn secs_arg(o: Option<&PyObj>) -> VmResult<i64> {
    match o {
        None => Ok(now_secs()),
        Some(v) if v.is(&ctx().none) => Ok(now_secs()),
        Some(v) => {
            if let Some(f) = float::value(v) {
                if f.is_nan() {
                    return Err(value_error("Invalid value NaN (not a number)"));
                }
                if !f.is_finite() || f.abs() > 1e18 {
                    return Err(exceptions::named(
                        "OverflowError",
                        "timestamp out of range for platform time_t",
                    ));
                }
                return Ok(f.trunc() as i64);
            }
            if let Some(n) = int::value(v) {
                return n.to_i64().ok_or_else(|| {
                    exceptions::named(
                        "OverflowError",
                        "timestamp out of range for platform time_t",
                    )
                });
            }
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                typeobj::type_name(v)
            )))
        }
    }
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// A struct_time or 9-tuple argument (None: `default`).
fn tm_arg(vm: &mut Vm, o: Option<&PyObj>, fname: &str, local_default: bool) -> VmResult<Tm> {
    let o = match o.filter(|o| !o.is(&ctx().none)) {
        Some(o) => o,
        None => {
            let t = now_secs();
            return Ok(if local_default {
                localtime_of(t)
            } else {
                gmtime_of(t)
            });
        }
    };
    if tuple::items(o).is_none() {
        return Err(type_error("Tuple or struct_time argument required"));
    }
    let items = vm.collect_iter(o)?;
    if items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut v = [0i64; 9];
    for (x, it) in v.iter_mut().zip(&items) {
        *x = match int::value(it) {
            Some(n) => n.to_i64().unwrap_or(i64::MAX),
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    typeobj::type_name(it)
                )))
            }
        };
    }
    let (zone, gmtoff) = match vm.getattr(o, &string::intern_str("tm_zone")) {
        Ok(z) if !z.is(&ctx().none) => {
            let off = vm
                .getattr(o, &string::intern_str("tm_gmtoff"))
                .ok()
                .and_then(|g| int::as_i64(&g))
                .unwrap_or(0);
            (string::as_str(&z).unwrap_or_default().into_owned(), off)
        }
        _ => (String::new(), 0),
    };
    Ok(Tm {
        year: v[0],
        mon: v[1],
        mday: v[2],
        hour: v[3],
        min: v[4],
        sec: v[5],
        wday: v[6],
        yday: v[7],
        isdst: v[8],
        zone,
        gmtoff,
    })
}

/// CPython's checktm (after its fix-ups of 0 month / day / yearday).
fn check_tm(tm: &mut Tm) -> VmResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    }
    if tm.mday == 0 {
        tm.mday = 1;
    }
    if tm.yday == 0 {
        tm.yday = 1;
    }
    let checks: [(bool, &str); 8] = [
        (!(1..=12).contains(&tm.mon), "month out of range"),
        (!(1..=31).contains(&tm.mday), "day of month out of range"),
        (!(0..=23).contains(&tm.hour), "hour out of range"),
        (!(0..=59).contains(&tm.min), "minute out of range"),
        (!(0..=61).contains(&tm.sec), "seconds out of range"),
        (tm.wday < 0, "day of week out of range"),
        (!(1..=366).contains(&tm.yday), "day of year out of range"),
        (false, ""),
    ];
    for (bad, msg) in checks {
        if bad {
            return Err(value_error(msg));
        }
    }
    tm.wday = tm.wday.rem_euclid(7);
    tm.isdst = tm.isdst.clamp(-1, 1);
    Ok(())
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn asctime_text(tm: &Tm) -> String {
    format!(
        "{} {} {:2} {:02}:{:02}:{:02} {}",
        &DAYS[tm.wday.rem_euclid(7) as usize][..3],
        &MONTHS[(tm.mon - 1).clamp(0, 11) as usize][..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

/// ISO 8601 week-based year and week of a date.
fn iso_week(tm: &Tm) -> (i64, i64) {
    let wday = tm.wday; // Monday = 0
    let yday = tm.yday - 1;
    let mut year = tm.year;
    let mut week = (yday - wday + 10) / 7;
    if week < 1 {
        year -= 1;
        let prev_days = if is_leap(year) { 366 } else { 365 };
        week = (yday + prev_days - wday + 10) / 7;
    } else {
        let days = if is_leap(year) { 366 } else { 365 };
        if yday - wday + 3 >= days {
            year += 1;
            week = 1;
        }
    }
    (year, week)
}

/// strftime on a checked broken-down time.
pub fn strftime_text(fmt: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars().peekable();
    let sun_wday = (tm.wday + 1) % 7; // Sunday = 0
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let s = match d {
            'a' => DAYS[tm.wday as usize][..3].to_string(),
            'A' => DAYS[tm.wday as usize].to_string(),
            'b' | 'h' => MONTHS[(tm.mon - 1) as usize][..3].to_string(),
            'B' => MONTHS[(tm.mon - 1) as usize].to_string(),
            'c' => asctime_text(tm),
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'd' => format!("{:02}", tm.mday),
            'D' => format!(
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'e' => format!("{:2}", tm.mday),
            'F' => format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'G' => iso_week(tm).0.to_string(),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{:02}", (tm.hour + 11) % 12 + 1),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:2}", tm.hour),
            'l' => format!("{:2}", (tm.hour + 11) % 12 + 1),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".into(),
            'p' => if tm.hour < 12 { "AM" } else { "PM" }.into(),
            'P' => if tm.hour < 12 { "am" } else { "pm" }.into(),
            'r' => format!(
                "{:02}:{:02}:{:02} {}",
                (tm.hour + 11) % 12 + 1,
                tm.min,
                tm.sec,
                if tm.hour < 12 { "AM" } else { "PM" }
            ),
            'R' => format!("{:02}:{:02}", tm.hour, tm.min),
            's' => {
                let days = days_from_civil(tm.year, tm.mon, tm.mday);
                (days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec - tm.gmtoff).to_string()
            }
            'S' => format!("{:02}", tm.sec),
            't' => "\t".into(),
            'T' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'u' => (tm.wday + 1).to_string(),
            'U' => format!("{:02}", (tm.yday - 1 + 7 - sun_wday) / 7),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => sun_wday.to_string(),
            'W' => format!("{:02}", (tm.yday - 1 + 7 - tm.wday) / 7),
            'x' => format!(
                "{:02}/{:02}/{:02}",
                tm.mon,
                tm.mday,
                tm.year.rem_euclid(100)
            ),
            'X' => format!("{:02}:{:02}:{:02}", tm.hour, tm.min, tm.sec),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => {
                let o = tm.gmtoff;
                let sign = if o < 0 { '-' } else { '+' };
                format!("{sign}{:02}{:02}", o.abs() / 3600, o.abs() % 3600 / 60)
            }
            'Z' => tm.zone.clone(),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

// ----- the functions ---------------------------------------------------------------

pub fn gmtime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("gmtime", 0, 1)?;
    let t = secs_arg(a.first())?;
    struct_time(vm, &gmtime_of(t))
}

pub fn localtime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("localtime", 0, 1)?;
    let t = secs_arg(a.first())?;
    struct_time(vm, &localtime_of(t))
}

pub fn mktime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let o = args.one("mktime")?;
    let tm = tm_arg(vm, Some(o), "mktime", true)?;
    // Normalise like C's mktime: the fields may be out of range.
    let mon0 = tm.mon - 1;
    let year = tm.year + mon0.div_euclid(12);
    let mon = mon0.rem_euclid(12) + 1;
    let days = days_from_civil(year, mon, 1) + tm.mday - 1;
    let wall = days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
    // The offset in force at that wall time (two tries cover transitions).
    let mut t = wall - local_type(wall).0;
    t = wall - local_type(t).0;
    Ok(float::new(t as f64))
}

pub fn asctime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("asctime", 0, 1)?;
    let mut tm = tm_arg(vm, a.first(), "asctime", true)?;
    check_tm(&mut tm)?;
    Ok(string::new(&asctime_text(&tm)))
}

pub fn ctime(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let a = args.range("ctime", 0, 1)?;
    let t = secs_arg(a.first())?;
    Ok(string::new(&asctime_text(&localtime_of(t))))
}

pub fn strftime(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("strftime", 1, 2)?;
    let Some(fmt) = string::as_str(&a[0]) else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            typeobj::type_name(&a[0])
        )));
    };
    let fmt = fmt.into_owned();
    let mut tm = tm_arg(vm, a.get(1), "strftime", true)?;
    check_tm(&mut tm)?;
    if tm.zone.is_empty() && a.get(1).is_some() {
        // A plain tuple: the zone of local time (as the C library fills it).
        let (_, _, _, std, dst) = zone_info();
        tm.zone = if tm.isdst > 0 { dst } else { std };
        tm.gmtoff = 0;
    }
    Ok(string::new(&strftime_text(&fmt, &tm)))
}

/// CPU time of this process (user + system), in nanoseconds.
fn process_nanos() -> i64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|x| x.parse::<i64>().ok()).unwrap_or(0);
    // Fields 14 and 15 of the file (utime, stime), counted after the command name.
    (ticks(11) + ticks(12)) * 10_000_000
}

pub fn process_time(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("process_time")?;
    Ok(float::new(process_nanos() as f64 * 1e-9))
}

pub fn process_time_ns(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    args.none("process_time_ns")?;
    Ok(int::new_i64(process_nanos()))
}

/// Put timezone / altzone / daylight / tzname and struct_time into the module.
pub fn install(vm: &mut Vm, d: &PyObj) -> VmResult<()> {
    let (tz, alt, daylight, std, dst) = zone_info();
    vm.dict_set_str(d, "timezone", int::new_i64(tz))?;
    vm.dict_set_str(d, "altzone", int::new_i64(alt))?;
    vm.dict_set_str(d, "daylight", int::new_i64(i64::from(daylight)))?;
    vm.dict_set_str(
        d,
        "tzname",
        tuple::pair(string::new(&std), string::new(&dst)),
    )?;
    super::os::run_python_part(vm, d, TIME_PY, "<frozen time>")
}
