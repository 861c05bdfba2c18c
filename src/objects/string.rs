//! str: CPython 3.11's compact PEP 393 layout. A 48-byte header (object header,
//! ob_size, then hash, length and state) followed inline by the characters in the
//! narrowest kind that holds them (1, 2 or 4 bytes each) and a NUL unit:
//! ASCII 49 + n bytes, otherwise 72 + width * (n + 1), as sys.getsizeof reports in
//! CPython. Non-ASCII strings carry CPython's 24 more header bytes (utf8_length, the
//! slot of a cached UTF-8 copy, wstr_length) at the start of the inline area: we keep
//! utf8_length there and the other two are zero.
//!
//! '' and the 256 one-character Latin-1 strings are preallocated singletons. Interned
//! strings live in a per-thread table; see `intern`.

use std::borrow::Cow;
use std::cell::Cell;

use crate::heap::{Payload, PyObj};

use super::context::ctx;
use super::unicode::hash::hash_view;
use super::unicode::kind::{classify, data_size, encode_into, header_size, Kind};
use super::unicode::view::{concat_iter_into, write_view_data, StrBuf, StrView};
use crate::bytecode::opcode::CompareOp;
use crate::objects::exceptions;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;
use crate::objects::typeobj::slots::SlotTable;

/// Bytes of the non-ASCII header extension at the start of the inline area.
const EXT: usize = 24;
/// Object flag bit: this string is the one in the intern table.
const INTERNED: u32 = 0;

/// The fixed part of a str's payload (the characters are the inline items).
pub struct Str {
    /// Cached hash; -1 until first computed (a str hash is never -1).
    hash: Cell<i64>,
    /// Length in code points.
    length: usize,
    /// CPython's state word: here just the kind.
    kind: Kind,
}

impl Payload for Str {
    type Item = u8;
    const NAME: &'static str = "str";
}

fn ext_len(kind: Kind) -> usize {
    header_size(kind) - header_size(Kind::Ascii)
}

/// Allocate a str of `kind` and `n` code points whose data area is written by `write`.
/// Bypasses the singletons and the intern table.
pub(crate) fn alloc_with(
    ty: &crate::heap::TypeRef,
    kind: Kind,
    n: usize,
    utf8_len: usize,
    write: impl FnOnce(&mut [u8]),
) -> Option<PyObj> {
    let ext = ext_len(kind);
    let total = ext.checked_add(data_size(kind, n))?;
    let payload = Str {
        hash: Cell::new(-1),
        length: n,
        kind,
    };
    PyObj::new_var_filled(ty, false, payload, total, |bytes: &mut [u8]| {
        if ext == EXT {
            bytes[..8].copy_from_slice(&(utf8_len as u64).to_ne_bytes());
        }
        write(&mut bytes[ext..]);
    })
}

/// The str for `s`: a singleton for '' and one Latin-1 character, else a new object.
/// Past the memory limit a large one is still served (`heap::served`): MemoryError
/// comes at the next instruction.
pub fn new(s: &str) -> PyObj {
    try_new(s)
        .or_else(|| crate::heap::served(|| try_new(s)))
        .expect("out of memory building a str")
}

/// As `new`, but None when memory runs out (the caller raises MemoryError).
pub fn try_new(s: &str) -> Option<PyObj> {
    let c = ctx();
    let (kind, n) = classify(s);
    match s.chars().next() {
        None => return Some(c.empty_str.clone()),
        Some(ch) if n == 1 && (ch as u32) < 256 => return Some(c.latin1[ch as usize].clone()),
        _ => {}
    }
    if kind == Kind::Ascii {
        return alloc_ascii(&c.str_type, n, &[s.as_bytes(), b"\0"]);
    }
    alloc_with(&c.str_type, kind, n, s.len(), |d| {
        encode_into(s, kind, n, d)
    })
}

/// `try_new` for text the caller knows is ASCII (a piece of an ASCII str): no kind
/// scan. Same singletons as `new`.
pub fn try_new_ascii(s: &[u8]) -> Option<PyObj> {
    debug_assert!(s.is_ascii(), "try_new_ascii of non-ASCII text");
    let c = ctx();
    match s {
        [] => Some(c.empty_str.clone()),
        &[b] => Some(c.latin1[b as usize].clone()),
        b => alloc_ascii(&c.str_type, b.len(), &[b, b"\0"]),
    }
}

/// The str holding the characters of `v` (same singletons as `new`).
pub fn from_view(v: StrView<'_>) -> Option<PyObj> {
    let c = ctx();
    match v.len() {
        0 => return Some(c.empty_str.clone()),
        1 if v.char_at(0) < 256 => return Some(c.latin1[v.char_at(0) as usize].clone()),
        _ => {}
    }
    // The UTF-8 length is kept only for non-ASCII strings (for ASCII it is the length).
    let utf8_len = if v.kind() == Kind::Ascii {
        v.len()
    } else {
        v.chars()
            .map(|u| char::from_u32(u).map_or(3, char::len_utf8))
            .sum()
    };
    alloc_with(&c.str_type, v.kind(), v.len(), utf8_len, |d| {
        write_view_data(v, d)
    })
}

/// A new object of `ty` (str or a subclass of it) holding the characters of `v`:
/// no singletons, no interning (str.__new__ for a subclass). None if memory runs out.
pub fn from_view_typed(ty: &crate::heap::TypeRef, v: StrView<'_>) -> Option<PyObj> {
    let utf8_len = if v.kind() == Kind::Ascii {
        v.len()
    } else {
        v.chars()
            .map(|u| char::from_u32(u).map_or(3, char::len_utf8))
            .sum()
    };
    alloc_with(ty, v.kind(), v.len(), utf8_len, |d| write_view_data(v, d))
}

/// `a + b` for two ASCII strs of which neither is empty, copied straight from their
/// data (no views, no intermediate buffer). None when they are not both ASCII or
/// memory runs out (the caller takes the general path, which reports it).
pub fn concat_ascii(a: &PyObj, b: &PyObj) -> Option<PyObj> {
    let (sa, da) = payload(a)?;
    let (sb, db) = payload(b)?;
    if sa.kind != Kind::Ascii || sb.kind != Kind::Ascii || sa.length == 0 || sb.length == 0 {
        return None;
    }
    let (xa, xb) = (&da[..sa.length], &db[..sb.length]);
    let n = xa.len().checked_add(xb.len())?;
    alloc_ascii(&ctx().str_type, n, &[xa, xb, b"\0"])
}

/// `left + right` where the result goes back to the variable `left` was just taken
/// from (CPython 3.11's BINARY_OP_INPLACE_ADD_UNICODE, through PyUnicode_Append):
/// both are exact strs. When that variable held `left`'s only other reference (the
/// count is now 1), `left` has no cached hash, is not interned, and `right`'s kind
/// is no wider than `left`'s (and not wider than ASCII when `left` is ASCII: the
/// header would change size), `left` is resized and `right` appended to it (the
/// object may move, as CPython's realloc may). Otherwise a new str, as `a + b`; and
/// '' + `right` is `right` itself.
pub fn append(left: PyObj, right: &PyObj) -> VmResult<PyObj> {
    let c = ctx();
    if left.is(&c.empty_str) {
        return Ok(right.clone());
    }
    let (Some(sl), Some((sr, dr))) = (left.get::<Str>(), payload(right)) else {
        return concat(&left, right);
    };
    if sr.length == 0 {
        return Ok(left);
    }
    let modifiable = left.refcnt() == 1
        && sl.hash.get() == -1
        && !is_interned(&left)
        && left.is_type(&c.str_type)
        && sr.kind <= sl.kind;
    let (kind, la, lb) = (sl.kind, sl.length, sr.length);
    let Some((n, total)) = modifiable.then(|| appended_size(kind, la, lb)).flatten() else {
        return concat(&left, right);
    };
    let (w, ext) = (kind.width(), ext_len(kind));
    // `right`'s code units, copied as they are when of `left`'s width.
    let ext_r = ext_len(sr.kind);
    let same = (sr.kind == kind).then(|| &dr[ext_r..ext_r + w * lb]);
    // The UTF-8 length, kept for non-ASCII strings only.
    let utf8 = (ext == EXT).then(|| utf8_len(&left) + utf8_len(right));
    let keep = ext + w * la;
    let payload = Str {
        hash: Cell::new(-1),
        length: n,
        kind,
    };
    let resized = left.resize_var(total, keep, payload, |items: &mut [u8]| {
        if let Some(u) = utf8 {
            items[..8].copy_from_slice(&(u as u64).to_ne_bytes());
        }
        match same {
            // The NUL after them is zeroed already.
            Some(units) => items[keep..keep + units.len()].copy_from_slice(units),
            None => {
                let rv = view(right).expect("a str");
                concat_iter_into(std::iter::once(rv), kind, &mut items[keep..])
            }
        }
    });
    match resized {
        Ok(s) => Ok(s),
        // Named elsewhere after all, or no memory for the larger block: the copy says
        // which (MemoryError if memory is short).
        Err(l) => concat(&l, right),
    }
}

/// The length and the data size (header extension, units, NUL) of a str of `kind`
/// holding `la + lb` characters; None past what a str can hold.
fn appended_size(kind: Kind, la: usize, lb: usize) -> Option<(usize, usize)> {
    let n = la.checked_add(lb).filter(|&n| n <= isize::MAX as usize)?;
    let total = n
        .checked_add(1)?
        .checked_mul(kind.width())?
        .checked_add(ext_len(kind))?;
    Some((n, total))
}

/// The UTF-8 length of a str's characters: its length for ASCII, else what its
/// header keeps.
fn utf8_len(obj: &PyObj) -> usize {
    match payload(obj) {
        Some((s, _)) if s.kind == Kind::Ascii => s.length,
        Some((_, items)) => {
            let mut b = [0u8; 8];
            b.copy_from_slice(&items[..8]);
            u64::from_ne_bytes(b) as usize
        }
        None => 0,
    }
}

/// An ASCII str of `n` characters whose data (with its NUL) is `parts` one after
/// another, copied once (nothing zeroed first). Bypasses the singletons and the
/// intern table.
fn alloc_ascii(ty: &crate::heap::TypeRef, n: usize, parts: &[&[u8]]) -> Option<PyObj> {
    let payload = Str {
        hash: Cell::new(-1),
        length: n,
        kind: Kind::Ascii,
    };
    debug_assert_eq!(ext_len(Kind::Ascii), 0);
    PyObj::new_var_concat(ty, false, payload, parts)
}

/// The str holding the concatenation of `parts`, an iterator walked twice (the
/// kind and length, then the characters, written straight into the new object as
/// CPython's join does: no intermediate buffer). '' is the singleton; one character
/// is a new str, as CPython's join and BUILD_STRING make it (not the one-character
/// singleton `from_view` gives). Err(true): the length overflows; Err(false): memory
/// ran out.
pub fn from_parts<'a, I>(parts: I) -> Result<PyObj, bool>
where
    I: Iterator<Item = StrView<'a>> + Clone,
{
    let (mut kind, mut n) = (Kind::Ascii, 0usize);
    for p in parts.clone() {
        kind = kind.max(p.kind());
        n = n
            .checked_add(p.len())
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or(true)?;
    }
    if n == 0 {
        return Ok(ctx().empty_str.clone());
    }
    let utf8_len = if kind == Kind::Ascii {
        n
    } else {
        parts
            .clone()
            .flat_map(|p| p.chars())
            .map(|u| char::from_u32(u).map_or(3, char::len_utf8))
            .sum()
    };
    alloc_with(&ctx().str_type, kind, n, utf8_len, |d| {
        concat_iter_into(parts, kind, d)
    })
    .ok_or(false)
}

/// A new ASCII str of `n` characters that `fill` writes (ASCII bytes only), straight
/// into the object (no singletons: callers keep those for n <= 1). None when memory
/// runs out.
pub fn ascii_with(n: usize, fill: impl FnOnce(&mut [u8])) -> Option<PyObj> {
    alloc_with(&ctx().str_type, Kind::Ascii, n, n, |d| {
        fill(&mut d[..n]);
        d[n] = 0;
    })
}

/// The str holding a string buffer built by the unicode functions.
pub fn from_buf(b: &StrBuf) -> Option<PyObj> {
    from_view(b.view())
}

/// The payload of a str object.
fn payload(obj: &PyObj) -> Option<(&Str, &[u8])> {
    Some((obj.get::<Str>()?, obj.items::<Str>()?))
}

/// A view of a str object's characters.
pub fn view(obj: &PyObj) -> Option<StrView<'_>> {
    let (s, items) = payload(obj)?;
    Some(StrView::from_data(
        s.kind,
        s.length,
        &items[ext_len(s.kind)..],
    ))
}

/// The characters as Rust text (borrowed for ASCII). Lone surrogates give None.
pub fn as_str(obj: &PyObj) -> Option<Cow<'_, str>> {
    view(obj)?.to_str()
}

/// Are the characters of str `obj` the ASCII text `text`? Compares the bytes, with no
/// character view made.
pub fn is_ascii_text(obj: &PyObj, text: &str) -> bool {
    match payload(obj) {
        Some((s, items)) => {
            s.kind == Kind::Ascii && s.length == text.len() && &items[..s.length] == text.as_bytes()
        }
        None => false,
    }
}

/// len(s).
pub fn len(obj: &PyObj) -> Option<usize> {
    obj.get::<Str>().map(|s| s.length)
}

/// hash(s), computed once and cached in the object as CPython does.
pub fn hash(obj: &PyObj) -> Option<i64> {
    let s = obj.get::<Str>()?;
    let h = s.hash.get();
    if h != -1 {
        return Some(h);
    }
    let h = hash_view(view(obj)?);
    s.hash.set(h);
    Some(h)
}

/// The hash a str has kept (None: not computed yet, or not a str).
#[inline]
pub fn cached_hash(obj: &PyObj) -> Option<i64> {
    let h = obj.get::<Str>()?.hash.get();
    (h != -1).then_some(h)
}

/// hash(s) of an exact str (not a subclass instance): None for anything else. One
/// look at the vtable answers both questions.
#[inline]
pub fn exact_hash(obj: &PyObj) -> Option<i64> {
    if obj.vtable().heap_type {
        return None;
    }
    let h = obj.get::<Str>()?.hash.get();
    if h != -1 {
        return Some(h);
    }
    hash(obj)
}

/// Equal characters?
pub fn eq(a: &PyObj, b: &PyObj) -> bool {
    if a.is(b) {
        return true;
    }
    match (view(a), view(b)) {
        (Some(x), Some(y)) => x.eq_view(&y),
        _ => false,
    }
}

/// Is this string the one held by the intern table?
pub fn is_interned(obj: &PyObj) -> bool {
    obj.obj_flag(INTERNED)
}

/// sys.intern: the interned string equal to `obj`, interning `obj` itself when none is
/// yet. The table's own reference is not counted by sys.getrefcount (as in CPython,
/// whose interned dict's references are uncounted); interned strings then live as long
/// as the thread, as CPython 3.12's immortal interned strings do.
pub fn intern(obj: PyObj) -> PyObj {
    if is_interned(&obj) {
        return obj;
    }
    let c = ctx();
    let key = InternKey(obj);
    let mut table = c.interned.borrow_mut();
    if let Some(existing) = table.get(&key) {
        return existing.0.clone();
    }
    key.0.set_obj_flag(INTERNED, true);
    let obj = key.0.clone();
    table.insert(key);
    obj
}

/// The one-character strings CPython 3.11 has already interned when a script starts
/// (names and constants of the modules frozen into its binary). They are objects of
/// their own, not the Latin-1 singletons `chr` and indexing return: a script's constant
/// 'q' is the interned one, so `'q' is chr(113)` is False in python3 while
/// `'g' is chr(103)` is True ('g' was not interned first, so the constant interns the
/// singleton). Measured with python3 -I -S and without -S: the same 29 characters.
const INTERNED_CHARS_AT_START: &[u8] = b"BCLST_abcdefhijklmnopqrstvwxy";

/// Intern CPython's start-up one-character strings (`INTERNED_CHARS_AT_START`), before
/// anything else can intern those characters' singletons.
pub(crate) fn intern_start_chars() {
    let c = ctx();
    for &ch in INTERNED_CHARS_AT_START {
        let o = alloc_ascii(&c.str_type, 1, &[&[ch], b"\0"]).expect("tiny allocation");
        intern(o);
    }
}

/// Intern Rust text (names, attribute names, identifier-like constants). ASCII text
/// already in the table is found without making a str object.
pub fn intern_str(s: &str) -> PyObj {
    if s.is_ascii() {
        let v = StrView::Ascii(s.as_bytes());
        let q = TextKey {
            v,
            hash: hash_view(v),
        };
        if let Some(k) = ctx().interned.borrow().get(&q as &dyn InternLookup) {
            return k.0.clone();
        }
        // New to the table: its hash is known already.
        let o = new(s);
        if let Some(st) = o.get::<Str>() {
            st.hash.set(q.hash);
        }
        return intern(o);
    }
    intern(new(s))
}

/// What the intern table is searched by: a str object's characters or Rust text's,
/// with the str hash of either (equal characters, equal hashes).
pub(crate) trait InternLookup {
    fn str_hash(&self) -> i64;
    fn chars(&self) -> Option<StrView<'_>>;
}

impl InternLookup for InternKey {
    fn str_hash(&self) -> i64 {
        hash(&self.0).unwrap_or(0)
    }
    fn chars(&self) -> Option<StrView<'_>> {
        view(&self.0)
    }
}

/// ASCII text looked up in the intern table.
struct TextKey<'a> {
    v: StrView<'a>,
    hash: i64,
}

impl InternLookup for TextKey<'_> {
    fn str_hash(&self) -> i64 {
        self.hash
    }
    fn chars(&self) -> Option<StrView<'_>> {
        Some(self.v)
    }
}

impl<'a> std::borrow::Borrow<dyn InternLookup + 'a> for InternKey {
    fn borrow(&self) -> &(dyn InternLookup + 'a) {
        self
    }
}

impl std::hash::Hash for dyn InternLookup + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_i64(self.str_hash());
    }
}

impl PartialEq for dyn InternLookup + '_ {
    fn eq(&self, other: &Self) -> bool {
        match (self.chars(), other.chars()) {
            (Some(a), Some(b)) => a.eq_view(&b),
            _ => false,
        }
    }
}

impl Eq for dyn InternLookup + '_ {}

/// Number of strings in this thread's intern table.
pub fn interned_count() -> usize {
    ctx().interned.borrow().len()
}

/// A key of the intern table: hashes and compares by characters.
pub(crate) struct InternKey(PyObj);

/// The intern table: its keys hash by their str hash (`Hash for InternKey`), which is
/// SipHash-1-3 of the characters already, so the table's hasher passes it through
/// instead of hashing it a second time (start-up interns a few thousand names).
pub(crate) type InternTable =
    std::collections::HashSet<InternKey, std::hash::BuildHasherDefault<StrHashPass>>;

/// A hasher that keeps the one i64 written to it (the str hash).
#[derive(Default)]
pub(crate) struct StrHashPass(u64);

impl std::hash::Hasher for StrHashPass {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Not used by the intern table's keys; any bytes still mix in.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_i64(&mut self, i: i64) {
        self.0 = i as u64;
    }
}

impl std::hash::Hash for InternKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Must match `dyn InternLookup`'s hash.
        state.write_i64(hash(&self.0).unwrap_or(0));
    }
}

impl PartialEq for InternKey {
    fn eq(&self, other: &Self) -> bool {
        eq(&self.0, &other.0)
    }
}

impl Eq for InternKey {}

/// Build the '' and one-character singletons (called while the context is built).
pub(crate) fn make_singletons(ty: &crate::heap::TypeRef) -> (PyObj, Vec<PyObj>) {
    let empty = alloc_with(ty, Kind::Ascii, 0, 0, |d| d[0] = 0).expect("tiny allocation");
    let latin1 = (0u32..256)
        .map(|c| {
            let kind = if c < 128 { Kind::Ascii } else { Kind::Latin1 };
            let utf8 = char::from_u32(c).map_or(1, char::len_utf8);
            alloc_with(ty, kind, 1, utf8, |d| d[0] = c as u8).expect("tiny allocation")
        })
        .collect();
    (empty, latin1)
}

fn str_repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(super::unicode::repr::repr_view(view(o).expect("a str")))
}

fn str_str(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    Ok(view(o).expect("a str").to_str_lossy().into_owned())
}

fn str_hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    Ok(hash(o).expect("a str"))
}

/// str's comparisons, with strs only.
fn str_richcompare(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let c = ctx();
    let (Some(x), Some(y)) = (view(a), view(b)) else {
        return Ok(c.not_implemented.clone());
    };
    let holds = match op {
        CompareOp::Eq => x.eq_view(&y),
        CompareOp::Ne => !x.eq_view(&y),
        _ => op.holds(Some(x.cmp_view(&y))),
    };
    Ok(if holds { &c.true_ } else { &c.false_ }.clone())
}

/// `a + b` for two strs (str's sq_concat): a new str, or one of them when the other is
/// empty and it is an exact str.
fn str_concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    concat(a, b)
}

/// `a + b` for a str `a` (str's sq_concat, without the runtime).
pub fn concat(a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if let Some(s) = concat_ascii(a, b) {
        return Ok(s);
    }
    let (Some(x), Some(y)) = (view(a), view(b)) else {
        return Err(exceptions::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            super::typeobj::type_name(b)
        )));
    };
    let str_type = &ctx().str_type;
    if y.is_empty() && a.is_type(str_type) {
        return Ok(a.clone());
    }
    if x.is_empty() && b.is_type(str_type) {
        return Ok(b.clone());
    }
    let buf = super::unicode::view::concat(&[x, y])?;
    from_buf(&buf).ok_or_else(exceptions::memory_error)
}

/// `s * n` (str's sq_repeat).
fn str_repeat(_rt: &mut dyn Runtime, s: &PyObj, n: i64) -> VmResult<PyObj> {
    if n == 1 && s.is_type(&ctx().str_type) {
        return Ok(s.clone());
    }
    let buf = super::unicode::view::repeat(view(s).expect("a str"), n.max(0))?;
    from_buf(&buf).ok_or_else(exceptions::memory_error)
}

/// `fmt % args` (str's nb_remainder): NotImplemented when the left is not a str.
fn str_mod(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    if view(a).is_none() {
        return Ok(ctx().not_implemented.clone());
    }
    rt.percent_format(a, b)
}

fn str_len(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(len(o).expect("a str"))
}

fn str_iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(super::iter::seq_iter(&ctx().str_iter_type, o.clone()))
}

/// `sub in s`: substring search; only a str may be looked for.
fn str_contains(_rt: &mut dyn Runtime, s: &PyObj, item: &PyObj) -> VmResult<bool> {
    let hay = view(s).expect("a str");
    match view(item) {
        Some(needle) => Ok(super::unicode::methods_view::contains_view(hay, needle)),
        None => Err(exceptions::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            super::typeobj::type_name(item)
        ))),
    }
}

/// str's slots.
pub const SLOTS: SlotTable = SlotTable {
    getattro: Some(crate::objects::object::generic_getattr),
    repr: Some(str_repr),
    str: Some(str_str),
    hash: Some(str_hash),
    richcompare: Some(str_richcompare),
    concat: Some(str_concat),
    repeat: Some(str_repeat),
    remainder: Some(str_mod),
    length: Some(str_len),
    iter: Some(str_iter),
    contains: Some(str_contains),
    subscript: Some(str_subscript),
    ..SlotTable::EMPTY
};

/// str[i] (a one-character str), str[a:b:c] (unicode_subscript); a full slice of an
/// exact str is itself.
fn str_subscript(rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let key = super::slice::index_key(rt, key)?;
    let v = view(o).expect("a str");
    if let Some(i) = super::slice::seq_index(&key, v.len(), "string index out of range")? {
        return Ok(super::iter::char_str(v.char_at(i)));
    }
    if let Some(s) = key.get::<super::slice::Slice>() {
        let (start, stop, step) = super::slice::parts(s)?;
        let (start, _, n) = super::slice::adjust_indices(v.len() as i64, start, stop, step);
        if step == 1 && n as usize == v.len() && !o.vtable().heap_type {
            return Ok(o.clone());
        }
        let buf = v.slice(start, step, n.max(0) as usize);
        return from_buf(&buf).ok_or_else(super::exceptions::memory_error);
    }
    Err(super::exceptions::type_error(format!(
        "string indices must be integers, not '{}'",
        super::typeobj::type_name(&key)
    )))
}
