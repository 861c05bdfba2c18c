//! The `_random` module: `_random.Random`, CPython's Mersenne Twister (MT19937, the
//! reference generator of Matsumoto and Nishimura) with CPython's seeding, so a
//! seeded generator gives python3's sequence. random.py (bundled, Python) builds the
//! distributions on its random() and getrandbits().
//!
//! Seeding (CPython's random_seed): None reads 624 words from the system's entropy;
//! an int seeds with its absolute value; anything else with its hash (as an unsigned
//! 64-bit number). The number is
//! cut into 32-bit words, least significant first (at least one), which
//! init_by_array mixes into the state.

use std::borrow::Cow;

use num_bigint::{BigInt, Sign};

use super::methods_args::this;
use crate::heap::{Payload, PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, type_error, value_error, Exc, VmResult};
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::{self, TypeInfo};
use crate::objects::{bytes, ctx, float, int, tuple};
use crate::vm::Vm;

use super::sys::new_module;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the position of the next one.
pub struct Mt {
    index: usize,
    state: [u32; N],
}

impl Payload for Mt {
    type Item = ();
    const NAME: &'static str = "_random.Random";
    const MUTABLE: bool = true;
}

impl Mt {
    fn new() -> Mt {
        Mt {
            index: N + 1,
            state: [0; N],
        }
    }

    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn next_u32(&mut self) -> u32 {
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits (genrand_res53).
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

fn new_type<T: Payload>(name: &'static str) -> TypeRef {
    let c = ctx();
    TypeRef::new::<TypeInfo, T>(
        &c.type_type,
        TypeInfo::new(Cow::Borrowed(name), Some(c.object_type.clone())),
    )
}

thread_local! {
    static RANDOM_TYPE: TypeRef = new_type::<Mt>("_random.Random");
}

fn random_type() -> TypeRef {
    RANDOM_TYPE.with(|t| t.clone())
}

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

static METHODS: &[MethodDef] = defs![
    "random" => random, "seed" => seed, "getstate" => getstate,
    "setstate" => setstate, "getrandbits" => getrandbits, "__init__" => init,
];

static FUNCTIONS: &[MethodDef] = defs![
    "_sha512_digest" => sha512_digest, "_urandom" => urandom,
];

static NEW_RANDOM: MethodDef = MethodDef {
    name: "Random",
    func: new_random,
};

/// Register _random.Random's methods and constructor (once per thread).
pub fn install_types() {
    let t = random_type();
    typeobj::install_builtin_slots(&t, &crate::objects::typeobj::slots::SlotTable::EMPTY);
    typeobj::set_new(&t, &NEW_RANDOM);
    typeobj::add_methods(&t, METHODS);
    crate::vm::allow_subclassing(&t);
}

/// Build the `_random` module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "_random", FUNCTIONS)?;
    vm.dict_set_str(&d, "Random", random_type().as_obj().clone())?;
    Ok(m)
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "random generator is being used")
}

fn with_mt<R>(o: &PyObj, f: impl FnOnce(&mut Mt) -> R) -> VmResult<R> {
    let mut m = o.borrow_mut::<Mt>().map_err(|e| {
        if o.is_a::<Mt>() {
            busy()
        } else {
            let _ = e;
            type_error(format!(
                "descriptor requires a '_random.Random' object but received a '{}'",
                typeobj::type_name(o)
            ))
        }
    })?;
    Ok(f(&mut m))
}

/// `n` bytes from the system's entropy source.
pub fn entropy(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut out = vec![0u8; n];
    let ok = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut out))
        .is_ok();
    if !ok {
        // No entropy device: the time and the process id, as CPython's fallback.
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mut x = t ^ ((std::process::id() as u128) << 64);
        for b in out.iter_mut() {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            *b = (x >> 56) as u8;
        }
    }
    out
}

/// random_seed: seed `o` from `arg` (None: from the system's entropy).
fn seed_from(vm: &mut Vm, o: &PyObj, arg: Option<&PyObj>) -> VmResult<()> {
    let arg = arg.filter(|a| !a.is(&ctx().none));
    let Some(arg) = arg else {
        let raw = entropy(N * 4);
        let key: Vec<u32> = raw
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        return with_mt(o, |m| m.init_by_array(&key));
    };
    let n: BigInt = match int::value(arg) {
        Some(v) => v.to_bigint(),
        // The hash as a C size_t: a negative one wraps around.
        None => BigInt::from(vm.hash(arg)? as u64),
    };
    let mut key = n.magnitude().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    with_mt(o, |m| m.init_by_array(&key))
}

// ----- construction -----------------------------------------------------------------

/// Random.__new__: an unseeded generator; _random.Random itself is seeded from its
/// argument, as its __init__ does.
fn new_random(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let ty = super::constructors::called_type(&args, "Random")?;
    let base = random_type();
    if !ty.is(&base) {
        super::subclass::check_subtype(&ty, &base)?;
    }
    let o = PyObj::new(&ty, Mt::new());
    if ty.is(&base) {
        let (_, rest) = this(&args);
        init_with(Vm::of(rt), &o, rest)?;
    }
    Ok(o)
}

fn init_with(vm: &mut Vm, o: &PyObj, args: Args<'_>) -> VmResult<()> {
    args.no_kw("Random")?;
    let p = args.pos();
    if p.len() > 1 {
        return Err(type_error("Random() requires 0 or 1 argument"));
    }
    seed_from(vm, o, p.first())
}

fn init(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    init_with(Vm::of(rt), s, rest)?;
    Ok(ctx().none.clone())
}

// ----- methods ----------------------------------------------------------------------

fn random(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    rest.none("random")?;
    Ok(float::new(with_mt(s, |m| m.random())?))
}

fn seed(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let a = rest.range("seed", 0, 1)?;
    seed_from(Vm::of(rt), s, a.first())?;
    Ok(ctx().none.clone())
}

fn getstate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    rest.none("getstate")?;
    let (st, idx) = with_mt(s, |m| (m.state, m.index))?;
    let mut items: Vec<PyObj> = st.iter().map(|w| int::new_i64(*w as i64)).collect();
    items.push(int::new_i64(idx as i64));
    Ok(tuple::new(items))
}

fn setstate(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, rest) = this(&args);
    let st = rest.one("setstate")?;
    let Some(items) = tuple::items(st) else {
        return Err(type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (w, o) in words.iter_mut().zip(items) {
        let Some(v) = int::value(o) else {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                typeobj::type_name(o)
            )));
        };
        *w = match v.to_i64() {
            Some(x) if (0..=u32::MAX as i64).contains(&x) => x as u32,
            Some(x) if x < 0 => {
                return Err(exceptions::named(
                    "OverflowError",
                    "can't convert negative value to unsigned int",
                ))
            }
            _ => {
                return Err(exceptions::named(
                    "OverflowError",
                    "Python int too large to convert to C unsigned long",
                ))
            }
        };
    }
    let idx = int::as_i64(&items[N]).ok_or_else(|| {
        exceptions::named("OverflowError", "Python int too large to convert to C long")
    })?;
    if !(0..=N as i64).contains(&idx) {
        return Err(value_error("invalid state"));
    }
    with_mt(s, |m| {
        m.state = words;
        m.index = idx as usize;
    })?;
    Ok(ctx().none.clone())
}

fn getrandbits(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, rest) = this(&args);
    let k = rest.one("getrandbits")?;
    let k = vm.index_arg(k)?;
    let Some(k) = int::as_i64(&k) else {
        return Err(exceptions::named(
            "OverflowError",
            "Python int too large to convert to C int",
        ));
    };
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(exceptions::named(
            "OverflowError",
            "Python int too large to convert to C int",
        ));
    }
    if k == 0 {
        return Ok(int::new_i64(0));
    }
    if k <= 32 {
        let r = with_mt(s, |m| m.next_u32() >> (32 - k))?;
        return Ok(int::new_i64(r as i64));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let ws = with_mt(s, |m| {
        let mut left = k;
        let mut ws = Vec::with_capacity(words);
        for _ in 0..words {
            let mut r = m.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            ws.push(r);
            left -= 32;
        }
        ws
    })?;
    let v = BigInt::from_slice(Sign::Plus, &ws);
    crate::vm::ops::int_obj(&Int::from_bigint(v))
}

// ----- helpers for random.py ----------------------------------------------------------

/// _sha512_digest(data): the SHA-512 digest of bytes or a bytearray.
fn sha512_digest(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("_sha512_digest")?;
    let data = super::methods_bytes::need_buf(o)?.into_owned();
    Ok(bytes::new(&super::sha512::digest(&data)))
}

/// _urandom(n): n bytes from the system's entropy.
fn urandom(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let o = args.one("_urandom")?;
    let n = crate::objects::args::as_ssize_t(o)?;
    if n < 0 {
        return Err(value_error("negative argument not allowed"));
    }
    Ok(bytes::new(&entropy(n as usize)))
}
