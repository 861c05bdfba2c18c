//! str hashing exactly as CPython 3.11 on 64-bit: SipHash-1-3 over the code-unit bytes
//! of the str's kind, keyed by the per-process hash secret (PYTHONHASHSEED).

use std::fmt;
use std::sync::OnceLock;

use super::ctype::is_ascii_space;
use super::kind::{classify, Kind};
use super::view::StrView;

/// CPython's _Py_HashSecret: 24 bytes, of which SipHash uses the first 16 as k0, k1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSecret {
    pub bytes: [u8; 24],
}

impl HashSecret {
    #[inline]
    pub fn k0(&self) -> u64 {
        u64::from_ne_bytes(self.bytes[0..8].try_into().unwrap_or_default())
    }
    #[inline]
    pub fn k1(&self) -> u64 {
        u64::from_ne_bytes(self.bytes[8..16].try_into().unwrap_or_default())
    }

    /// The secret for a given seed, as _Py_HashRandomization_Init computes it.
    pub fn from_seed(seed: HashSeed) -> HashSecret {
        let mut bytes = [0u8; 24];
        match seed {
            HashSeed::Fixed(0) => {}
            HashSeed::Fixed(x0) => lcg_urandom(x0, &mut bytes),
            HashSeed::Random => random_fill(&mut bytes),
        }
        HashSecret { bytes }
    }
}

/// CPython's lcg_urandom: the deterministic fill used for PYTHONHASHSEED=N.
fn lcg_urandom(x0: u32, buf: &mut [u8]) {
    let mut x = x0;
    for b in buf {
        x = x.wrapping_mul(214013).wrapping_add(2531011);
        *b = (x >> 16) as u8;
    }
}

/// Random secret bytes from std's OS-seeded RandomState (no file I/O, one getrandom).
fn random_fill(buf: &mut [u8; 24]) {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut h = RandomState::new().build_hasher();
    for (i, chunk) in buf.chunks_mut(8).enumerate() {
        h.write_usize(i);
        chunk.copy_from_slice(&h.finish().to_ne_bytes());
    }
}

/// The parsed PYTHONHASHSEED setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashSeed {
    /// Unset, empty or "random".
    Random,
    /// 0 gives the all-zero secret; 1..=4294967295 the lcg_urandom fill.
    Fixed(u32),
}

/// An invalid PYTHONHASHSEED. Display gives python3's complete stderr; exit status 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashSeedError;

impl fmt::Display for HashSeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" \
             or an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n",
        )
    }
}

/// Parses PYTHONHASHSEED as CPython's config_init_hash_seed (C strtoul: leading
/// whitespace and one sign allowed, nothing after the digits). An empty value counts
/// as unset, as _Py_GetEnv treats it.
pub fn parse_hash_seed(value: Option<&str>) -> Result<HashSeed, HashSeedError> {
    let v = match value {
        None | Some("") | Some("random") => return Ok(HashSeed::Random),
        Some(v) => v,
    };
    let t = v.trim_start_matches(|c: char| c.is_ascii() && is_ascii_space(c as u8));
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(HashSeedError);
    }
    // strtoul saturates on overflow (ERANGE) and negates modulo 2**64.
    let mut n: u64 = 0;
    for b in digits.bytes() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or(HashSeedError)?;
    }
    let n = if neg { n.wrapping_neg() } else { n };
    u32::try_from(n)
        .map(HashSeed::Fixed)
        .map_err(|_| HashSeedError)
}

static SECRET: OnceLock<HashSecret> = OnceLock::new();

/// Reads PYTHONHASHSEED and fixes this process's secret. The CLI calls it at start-up
/// and, on error, prints the error to stderr and exits with status 1 as python3 does.
pub fn init_hash_secret() -> Result<&'static HashSecret, HashSeedError> {
    if let Some(s) = SECRET.get() {
        return Ok(s);
    }
    let env = std::env::var("PYTHONHASHSEED").ok();
    let seed = parse_hash_seed(env.as_deref())?;
    Ok(SECRET.get_or_init(|| HashSecret::from_seed(seed)))
}

/// The process's secret, computed once. Without a prior `init_hash_secret` an invalid
/// PYTHONHASHSEED falls back to a random secret.
#[inline]
pub fn hash_secret() -> &'static HashSecret {
    match SECRET.get() {
        Some(s) => s,
        None => init_hash_secret()
            .unwrap_or_else(|_| SECRET.get_or_init(|| HashSecret::from_seed(HashSeed::Random))),
    }
}

/// Incremental SipHash-1-3 (one compression round, three finalisation rounds).
#[derive(Clone, Debug)]
pub struct SipHasher13 {
    v: [u64; 4],
    tail: u64,
    ntail: usize,
    total: usize,
}

impl SipHasher13 {
    pub fn new(k0: u64, k1: u64) -> Self {
        SipHasher13 {
            v: [
                k0 ^ 0x736f_6d65_7073_6575,
                k1 ^ 0x646f_7261_6e64_6f6d,
                k0 ^ 0x6c79_6765_6e65_7261,
                k1 ^ 0x7465_6462_7974_6573,
            ],
            tail: 0,
            ntail: 0,
            total: 0,
        }
    }

    #[inline(always)]
    fn round(v: &mut [u64; 4]) {
        v[0] = v[0].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(13) ^ v[0];
        v[0] = v[0].rotate_left(32);
        v[2] = v[2].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(16) ^ v[2];
        v[0] = v[0].wrapping_add(v[3]);
        v[3] = v[3].rotate_left(21) ^ v[0];
        v[2] = v[2].wrapping_add(v[1]);
        v[1] = v[1].rotate_left(17) ^ v[2];
        v[2] = v[2].rotate_left(32);
    }

    #[inline(always)]
    fn compress(&mut self, m: u64) {
        self.v[3] ^= m;
        Self::round(&mut self.v);
        self.v[0] ^= m;
    }

    /// Feeds bytes.
    pub fn write(&mut self, mut data: &[u8]) {
        self.total += data.len();
        if self.ntail > 0 {
            while self.ntail < 8 {
                let Some((&b, rest)) = data.split_first() else {
                    return;
                };
                self.tail |= u64::from(b) << (8 * self.ntail);
                self.ntail += 1;
                data = rest;
            }
            let m = self.tail;
            self.compress(m);
            self.tail = 0;
            self.ntail = 0;
        }
        let mut words = data.chunks_exact(8);
        for w in &mut words {
            self.compress(u64::from_le_bytes(w.try_into().unwrap_or_default()));
        }
        for &b in words.remainder() {
            self.tail |= u64::from(b) << (8 * self.ntail);
            self.ntail += 1;
        }
    }

    pub fn finish(mut self) -> u64 {
        let b = ((self.total as u64) << 56) | self.tail;
        self.compress(b);
        self.v[2] ^= 0xff;
        for _ in 0..3 {
            Self::round(&mut self.v);
        }
        self.v[0] ^ self.v[1] ^ self.v[2] ^ self.v[3]
    }
}

/// SipHash-1-3 of `data` keyed by (k0, k1).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut h = SipHasher13::new(k0, k1);
    h.write(data);
    h.finish()
}

/// CPython's _Py_HashBytes: 0 for no bytes, -1 mapped to -2.
pub fn hash_bytes_with(secret: &HashSecret, data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13(secret.k0(), secret.k1(), data) as i64)
}

#[inline]
fn fix_minus_one(x: i64) -> i64 {
    if x == -1 {
        -2
    } else {
        x
    }
}

/// hash() of a canonical view (as stored in a str object) under `secret`.
pub fn hash_view_with(secret: &HashSecret, v: StrView<'_>) -> i64 {
    hash_bytes_with(secret, v.as_bytes())
}

/// hash() of a canonical view under this process's secret.
#[inline]
pub fn hash_view(v: StrView<'_>) -> i64 {
    hash_view_with(hash_secret(), v)
}

/// hash() of the Python str equal to `s`, without building its PEP 393 form.
pub fn hash_str_with(secret: &HashSecret, s: &str) -> i64 {
    let (kind, n) = classify(s);
    if n == 0 {
        return 0;
    }
    if kind == Kind::Ascii {
        return hash_bytes_with(secret, s.as_bytes());
    }
    let mut h = SipHasher13::new(secret.k0(), secret.k1());
    let mut buf = [0u8; 64];
    let mut used = 0;
    let w = kind.width();
    for ch in s.chars() {
        let c = ch as u32;
        match w {
            1 => buf[used] = c as u8,
            2 => buf[used..used + 2].copy_from_slice(&(c as u16).to_ne_bytes()),
            _ => buf[used..used + 4].copy_from_slice(&c.to_ne_bytes()),
        }
        used += w;
        if used == buf.len() {
            h.write(&buf);
            used = 0;
        }
    }
    h.write(&buf[..used]);
    fix_minus_one(h.finish() as i64)
}

/// hash() of the Python str equal to `s` under this process's secret.
#[inline]
pub fn hash_str(s: &str) -> i64 {
    hash_str_with(hash_secret(), s)
}

#[cfg(test)]
mod tests {
    use super::super::test_data::{HASH_SEED0, HASH_SEED12345};
    use super::super::view::StrBuf;
    use super::*;

    #[test]
    fn hashes_match_cpython_seed0_and_seed12345() {
        for (seed, table) in [(0u32, HASH_SEED0), (12345, HASH_SEED12345)] {
            let secret = HashSecret::from_seed(HashSeed::Fixed(seed));
            for &(s, h) in table {
                assert_eq!(hash_str_with(&secret, s), h, "seed {seed} {s:?}");
                let buf = StrBuf::from_text(s);
                assert_eq!(hash_view_with(&secret, buf.view()), h, "view {s:?}");
            }
        }
    }

    #[test]
    fn incremental_siphash_equals_one_shot() {
        let data: Vec<u8> = (0..200u32).map(|i| (i * 37 % 251) as u8).collect();
        for len in 0..data.len() {
            for split in [0, 1, 3, 7, 8, 9, len / 2] {
                let split = split.min(len);
                let mut h = SipHasher13::new(1, 2);
                h.write(&data[..split]);
                h.write(&data[split..len]);
                assert_eq!(h.finish(), siphash13(1, 2, &data[..len]));
            }
        }
    }

    #[test]
    fn seed_parsing_follows_cpython() {
        assert_eq!(parse_hash_seed(None), Ok(HashSeed::Random));
        assert_eq!(parse_hash_seed(Some("")), Ok(HashSeed::Random));
        assert_eq!(parse_hash_seed(Some("random")), Ok(HashSeed::Random));
        assert_eq!(parse_hash_seed(Some("0")), Ok(HashSeed::Fixed(0)));
        assert_eq!(parse_hash_seed(Some(" 5")), Ok(HashSeed::Fixed(5)));
        assert_eq!(parse_hash_seed(Some("+5")), Ok(HashSeed::Fixed(5)));
        assert_eq!(
            parse_hash_seed(Some("4294967295")),
            Ok(HashSeed::Fixed(u32::MAX))
        );
        for bad in [
            "abc",
            "4294967296",
            "-1",
            "5 ",
            "5x",
            "-",
            "99999999999999999999999",
        ] {
            assert_eq!(parse_hash_seed(Some(bad)), Err(HashSeedError), "{bad:?}");
        }
        // Bytes of `PYTHONHASHSEED=abc python3 -c 1 2>&1` (exit status 1).
        assert_eq!(
            HashSeedError.to_string(),
            "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" or \
             an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n"
        );
    }

    #[test]
    fn random_secrets_differ_and_fixed_ones_do_not() {
        let a = HashSecret::from_seed(HashSeed::Random);
        let b = HashSecret::from_seed(HashSeed::Random);
        assert_ne!(a, b);
        assert_eq!(HashSecret::from_seed(HashSeed::Fixed(0)).bytes, [0u8; 24]);
        assert_eq!(
            HashSecret::from_seed(HashSeed::Fixed(7)),
            HashSecret::from_seed(HashSeed::Fixed(7))
        );
        // The process secret is fixed once and the empty string hashes to 0.
        assert_eq!(hash_secret(), hash_secret());
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_str("abc"), hash_view(StrView::Ascii(b"abc")));
    }
}
