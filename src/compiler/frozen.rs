//! The frozen form of a code object: a compact byte string that a module's compiled
//! code is written to once (for the bundled library, ahead of time: see
//! builtins/bundled.rs) and read back at import instead of lexing, parsing and
//! compiling the source again. glasspy's own format, in the spirit of CPython's marshal.
//!
//! Layout: the magic `GPYC`, the format version (u32, little-endian), the key (u64,
//! little-endian: the caller's proof that the form belongs to this source and this
//! compiler), then one object. An object is a tag byte and its body:
//!
//! ```text
//!     N T F E            None, True, False, Ellipsis (no body)
//!     i <zigzag>         an int that fits an i64
//!     I <sign> <n> <d>*  another int: sign byte, count, 30-bit digits (least first)
//!     f <8 bytes>        a float (IEEE bits, little-endian); c: two of them, a complex
//!     s <n> <utf-8>      a str; n: the same, interned
//!     b <n> <bytes>      a bytes object
//!     t <n> <obj>*       a tuple; z: the same, a frozenset (see `Writer::object`)
//!     C <code fields>    a code object (see `write_code`)
//!     r <index>          the object that got `index` earlier
//! ```
//!
//! Numbers written `<n>` are LEB128 varints. Every object but the four singletons gets
//! the next index once it is complete (children before their container), in the writer
//! and the reader alike, so an object shared in the original (one constant used by two
//! functions, a name used everywhere) is one object again after loading. A code
//! object's filename is not stored: the loader is given it.
//!
//! Reading never trusts the bytes: a bad magic, another version or key, a truncated or
//! malformed body gives None and the caller compiles the source instead.

use crate::bytecode::code::{ExceptEntry, GlobalCache, Instr, Location};
use crate::bytecode::Op;
use crate::heap::PyObj;
use crate::objects::code::Code;
use crate::objects::settable::SetTable;
use crate::objects::{bytes, complex, ctx, float, int, protocol, set, string, tuple};
use std::collections::HashMap;

const MAGIC: &[u8; 4] = b"GPYC";

/// Bumped whenever the layout above changes (the key changes too, since the key hashes
/// this file, but the version makes a reader's refusal explicit).
pub const VERSION: u32 = 1;

/// Nesting deeper than this is refused (bundled code nests far less).
const MAX_DEPTH: usize = 200;

/// The frozen form of `code` carrying `key`. None when it holds something this format
/// cannot carry (a str with a lone surrogate, a constant of another type).
pub fn freeze(code: &PyObj, key: u64) -> Option<Vec<u8>> {
    let mut w = Writer {
        out: Vec::with_capacity(4096),
        refs: HashMap::new(),
    };
    w.out.extend_from_slice(MAGIC);
    w.out.extend_from_slice(&VERSION.to_le_bytes());
    w.out.extend_from_slice(&key.to_le_bytes());
    w.object(code, 0)?;
    Some(w.out)
}

/// The key a frozen form carries, if it is one of this version.
pub fn key_of(data: &[u8]) -> Option<u64> {
    if data.get(..4)? != MAGIC {
        return None;
    }
    let version = u32::from_le_bytes(data.get(4..8)?.try_into().ok()?);
    if version != VERSION {
        return None;
    }
    Some(u64::from_le_bytes(data.get(8..16)?.try_into().ok()?))
}

/// The code object frozen in `data`, with `filename` as co_filename of it and of every
/// code object inside. None unless `data` is of this version, carries `key` and is
/// well formed to its end.
pub fn thaw(data: &[u8], key: u64, filename: &str) -> Option<PyObj> {
    if key_of(data)? != key {
        return None;
    }
    let mut r = Reader {
        data,
        pos: 16,
        refs: Vec::new(),
        filename: string::new(filename),
    };
    let code = r.object(0)?;
    (r.pos == data.len() && code.get::<Code>().is_some()).then_some(code)
}

struct Writer {
    out: Vec<u8>,
    /// Object address -> index, for the objects written so far.
    refs: HashMap<usize, u32>,
}

impl Writer {
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }

    fn signed(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }

    fn text(&mut self, s: &[u8]) {
        self.varint(s.len() as u64);
        self.out.extend_from_slice(s);
    }

    fn object(&mut self, o: &PyObj, depth: usize) -> Option<()> {
        let c = ctx();
        for (single, tag) in [
            (&c.none, b'N'),
            (&c.true_, b'T'),
            (&c.false_, b'F'),
            (&c.ellipsis, b'E'),
        ] {
            if o.is(single) {
                self.out.push(tag);
                return Some(());
            }
        }
        if let Some(&i) = self.refs.get(&o.id()) {
            self.out.push(b'r');
            self.varint(u64::from(i));
            return Some(());
        }
        if depth > MAX_DEPTH {
            return None;
        }
        if o.is_type(&c.int_type) {
            if let Some(v) = int::as_i64(o) {
                self.out.push(b'i');
                self.signed(v);
            } else {
                let (negative, digits) = int::digits(o)?;
                self.out.push(b'I');
                self.out.push(u8::from(negative));
                self.varint(digits.len() as u64);
                for &d in digits {
                    self.varint(u64::from(d));
                }
            }
        } else if o.is_type(&c.float_type) {
            self.out.push(b'f');
            self.out
                .extend_from_slice(&float::value(o)?.to_bits().to_le_bytes());
        } else if o.is_type(&c.complex_type) {
            let z = complex::value(o)?;
            self.out.push(b'c');
            self.out.extend_from_slice(&z.re.to_bits().to_le_bytes());
            self.out.extend_from_slice(&z.im.to_bits().to_le_bytes());
        } else if o.is_type(&c.str_type) {
            let s = string::as_str(o)?;
            self.out
                .push(if string::is_interned(o) { b'n' } else { b's' });
            self.text(s.as_bytes());
        } else if o.is_type(&c.bytes_type) {
            self.out.push(b'b');
            self.text(bytes::data(o)?);
        } else if o.is_type(&c.tuple_type) || o.is_type(&c.frozenset_type) {
            let frozen = o.is_type(&c.frozenset_type);
            let items = if frozen {
                // Table order follows the str hashes, which change from run to run: the
                // elements go in the order of their own frozen bytes, so that the same
                // source always freezes to the same bytes.
                let mut keyed = Vec::new();
                for x in set::elements(o)? {
                    let mut alone = Writer {
                        out: Vec::new(),
                        refs: HashMap::new(),
                    };
                    alone.object(&x, depth + 1)?;
                    keyed.push((alone.out, x));
                }
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                keyed.into_iter().map(|(_, x)| x).collect()
            } else {
                tuple::items(o)?.to_vec()
            };
            self.out.push(if frozen { b'z' } else { b't' });
            self.varint(items.len() as u64);
            for x in &items {
                self.object(x, depth + 1)?;
            }
        } else if o.is_type(&c.code_type) {
            self.out.push(b'C');
            self.write_code(o, depth)?;
        } else {
            return None;
        }
        let i = self.refs.len() as u32;
        self.refs.insert(o.id(), i);
        Some(())
    }

    /// A code object's fields: name, qualname, the numbers, the instructions, the
    /// locations (line as a difference from the previous one), consts, the name
    /// tuples, cell2arg (0 for none, else the argument index + 1) and the
    /// exception table.
    fn write_code(&mut self, o: &PyObj, depth: usize) -> Option<()> {
        let code = o.get::<Code>()?;
        self.object(&code.name, depth + 1)?;
        self.object(&code.qualname, depth + 1)?;
        for n in [
            code.firstlineno,
            code.argcount,
            code.posonlyargcount,
            code.kwonlyargcount,
            code.flags,
            code.max_stack,
        ] {
            self.varint(u64::from(n));
        }
        self.varint(code.instrs.len() as u64);
        // As compiled: specialized forms are the running code's business.
        for i in &code.compiled() {
            self.out.push(i.op as u8);
            self.varint(u64::from(i.arg));
        }
        // One location per instruction (the count is the instructions').
        let mut line = 0i64;
        for l in &code.locations {
            self.signed(i64::from(l.line) - line);
            line = i64::from(l.line);
            self.signed(i64::from(l.end_line) - line);
            self.varint(u64::from(l.col));
            self.varint(u64::from(l.end_col));
        }
        for list in [
            &code.consts,
            &code.names,
            &code.varnames,
            &code.cellvars,
            &code.freevars,
        ] {
            self.varint(list.len() as u64);
            for x in list {
                self.object(x, depth + 1)?;
            }
        }
        self.varint(code.cell2arg.len() as u64);
        for a in &code.cell2arg {
            self.varint(a.map_or(0, |i| u64::from(i) + 1));
        }
        self.varint(code.exception_table.len() as u64);
        for e in &code.exception_table {
            for n in [e.start, e.end, e.target, e.depth] {
                self.varint(u64::from(n));
            }
        }
        Some(())
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// The objects read so far that `r` can name, by index.
    refs: Vec<PyObj>,
    filename: PyObj,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.varint()?).ok()
    }

    /// A count of things that each take at least one byte (so a corrupt count cannot
    /// make the reader reserve more than the data could hold).
    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.data.len() - self.pos).then_some(n)
    }

    fn signed(&mut self) -> Option<i64> {
        let v = self.varint()?;
        Some(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(u64::from_le_bytes(
            self.take(8)?.try_into().ok()?,
        )))
    }

    fn text(&mut self) -> Option<&str> {
        let n = self.count()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn objects(&mut self, depth: usize) -> Option<Vec<PyObj>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.object(depth + 1)?);
        }
        Some(v)
    }

    fn object(&mut self, depth: usize) -> Option<PyObj> {
        let c = ctx();
        if depth > MAX_DEPTH {
            return None;
        }
        let o = match self.byte()? {
            b'N' => return Some(c.none.clone()),
            b'T' => return Some(c.true_.clone()),
            b'F' => return Some(c.false_.clone()),
            b'E' => return Some(c.ellipsis.clone()),
            b'r' => {
                let i = usize::try_from(self.varint()?).ok()?;
                return self.refs.get(i).cloned();
            }
            b'i' => int::new_i64(self.signed()?),
            b'I' => {
                let negative = self.byte()? != 0;
                let n = self.count()?;
                let mut digits = Vec::with_capacity(n);
                for _ in 0..n {
                    digits.push(self.u32()?);
                }
                int::from_digits(negative, &digits)?
            }
            b'f' => float::new(self.f64()?),
            b'c' => {
                let re = self.f64()?;
                complex::new(re, self.f64()?)
            }
            b's' => string::try_new(self.text()?)?,
            b'n' => string::intern_str(self.text()?),
            b'b' => {
                let n = self.count()?;
                bytes::try_new(self.take(n)?)?
            }
            b't' => {
                let items = self.objects(depth)?;
                if items.is_empty() {
                    c.empty_tuple.clone()
                } else {
                    let t = tuple::try_new(items)?;
                    t.gc_untrack(); // constants are never tracked
                    t
                }
            }
            b'z' => {
                let mut table = SetTable::new();
                for x in self.objects(depth)? {
                    let h = protocol::hash(&x).ok()?;
                    let mut eq = |a: &PyObj, b: &PyObj| protocol::eq(a, b);
                    table.add(x, h, &mut eq).ok()?;
                }
                set::new_frozen(table)
            }
            b'C' => self.code(depth)?,
            _ => return None,
        };
        self.refs.push(o.clone());
        Some(o)
    }

    fn code(&mut self, depth: usize) -> Option<PyObj> {
        let name = self.object(depth + 1)?;
        let qualname = self.object(depth + 1)?;
        let mut nums = [0u32; 6];
        for n in &mut nums {
            *n = self.u32()?;
        }
        let [firstlineno, argcount, posonlyargcount, kwonlyargcount, flags, max_stack] = nums;
        let n = self.count()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op = *Op::ALL.get(usize::from(self.byte()?))?;
            if op != op.deopt() {
                return None; // never written: a specialized form is a bad body
            }
            instrs.push(Instr {
                op,
                arg: self.u32()?,
            });
        }
        let mut locations = Vec::with_capacity(n);
        let mut line = 0i64;
        for _ in 0..n {
            line += self.signed()?;
            let end_line = line + self.signed()?;
            locations.push(Location {
                line: u32::try_from(line).ok()?,
                end_line: u32::try_from(end_line).ok()?,
                col: self.u32()?,
                end_col: self.u32()?,
            });
        }
        let consts = self.objects(depth)?;
        let names = self.objects(depth)?;
        let varnames = self.objects(depth)?;
        let cellvars = self.objects(depth)?;
        let freevars = self.objects(depth)?;
        let n = self.count()?;
        let mut cell2arg = Vec::with_capacity(n);
        for _ in 0..n {
            cell2arg.push(self.u32()?.checked_sub(1));
        }
        let n = self.count()?;
        let mut exception_table = Vec::with_capacity(n);
        for _ in 0..n {
            exception_table.push(ExceptEntry {
                start: self.u32()?,
                end: self.u32()?,
                target: self.u32()?,
                depth: self.u32()?,
            });
        }
        let code = Code {
            name,
            qualname,
            filename: self.filename.clone(),
            firstlineno,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            plain_args: Code::plain_args_of(
                argcount,
                kwonlyargcount,
                flags,
                cell2arg.len(),
                freevars.len(),
            ),
            instrs: Code::instrs_from(instrs),
            locations,
            consts,
            global_cache: vec![std::cell::Cell::new(GlobalCache::default()); names.len()],
            warmup: std::cell::Cell::new(crate::bytecode::code::WARMUP),
            caches: std::cell::OnceCell::new(),
            poly: Default::default(),
            names,
            varnames,
            cellvars,
            freevars,
            cell2arg,
            exception_table,
            max_stack,
        };
        Some(PyObj::new(&ctx().code_type, code))
    }
}

#[cfg(test)]
mod tests;
