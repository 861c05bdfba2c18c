//! The array module: array.array (objects::array holds the layout and CPython's
//! growth), its constructor, type slots (repr, len, iteration, items, slices and
//! their assignment and deletion, + * and the in-place forms, comparisons, the
//! typecode / itemsize attributes) and methods, with CPython's messages (one per
//! typecode for out-of-range values).

use super::methods_args::{slice_index, this};
use super::methods_bytes::need_buf;
use crate::bytecode::opcode::CompareOp;
use crate::heap::PyObj;
use crate::objects::args::{as_ssize_t, Args};
use crate::objects::array::{self, Array, ArrayIter, TYPECODES};
use crate::objects::buffer::{Format, Item};
use crate::objects::builtin_function::MethodDef;
use crate::objects::exceptions::{self, type_error, Exc, VmResult};
use crate::objects::iter::self_iter;
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::slice::Slice;
use crate::objects::typeobj::class_slots::hash_not_implemented;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::{bytes, ctx, float, int, list, string, tuple, typeobj};
use crate::vm::ops;
use crate::vm::Vm;

use super::sys::new_module;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of array.array.
pub static METHODS: &[MethodDef] = defs![
    "append" => append, "buffer_info" => buffer_info, "byteswap" => byteswap,
    "count" => count, "extend" => extend, "frombytes" => frombytes,
    "fromlist" => fromlist, "fromunicode" => fromunicode, "index" => index,
    "insert" => insert, "pop" => pop, "remove" => remove, "reverse" => reverse,
    "tobytes" => tobytes, "tolist" => tolist, "tounicode" => tounicode,
    "__copy__" => copy, "__deepcopy__" => deepcopy,
];

static NEW_ARRAY: MethodDef = MethodDef {
    name: "array",
    func: new_array,
};

/// array.array's type slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash_not_implemented),
    richcompare: Some(richcompare),
    iter: Some(iter),
    length: Some(length),
    concat: Some(concat),
    repeat: Some(repeat),
    inplace_concat: Some(inplace_concat),
    inplace_repeat: Some(inplace_repeat),
    subscript: Some(subscript),
    ass_subscript: Some(ass_subscript),
    ..SlotTable::EMPTY
};

/// Register array.array's slots, iterator, methods and constructor (once per thread).
pub fn install() {
    let c = ctx();
    typeobj::install_builtin_slots(&c.array_type, &SLOTS);
    typeobj::install_builtin_slots(
        &c.array_iter_type,
        &SlotTable {
            iter: Some(self_iter),
            iternext: Some(iter_next),
            ..SlotTable::EMPTY
        },
    );
    typeobj::set_new(&c.array_type, &NEW_ARRAY);
    typeobj::add_methods(&c.array_type, METHODS);
}

/// Build the array module.
pub fn make(vm: &mut Vm) -> VmResult<PyObj> {
    let (m, d) = new_module(vm, "array", &[])?;
    let ty = ctx().array_type.as_obj().clone();
    vm.dict_set_str(&d, "array", ty.clone())?;
    vm.dict_set_str(&d, "ArrayType", ty)?;
    vm.dict_set_str(&d, "typecodes", string::new(TYPECODES))?;
    Ok(m)
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "array is being used")
}

fn arr(o: &PyObj) -> VmResult<crate::heap::PRef<'_, Array>> {
    array::borrow(o).ok_or_else(busy)
}

fn arr_mut(o: &PyObj) -> VmResult<crate::heap::PMut<'_, Array>> {
    array::borrow_mut(o).ok_or_else(busy)
}

fn format_of(o: &PyObj) -> VmResult<Format> {
    Ok(arr(o)?.format)
}

fn tc(f: Format) -> char {
    f.0 as char
}

// ----- items ----------------------------------------------------------------------

/// The Python object of an item.
fn item_obj(f: Format, b: &[u8]) -> VmResult<PyObj> {
    Ok(match f.unpack(b) {
        Item::Int(i) => ops::int_obj(&Int::from_i128(i))?,
        Item::Float(x) => float::new(x),
        Item::Wchar(c) => match char::from_u32(c) {
            Some(ch) => string::new(ch.encode_utf8(&mut [0u8; 4])),
            None => {
                let buf = crate::objects::unicode::view::StrBuf::from_code_points(&[c]);
                string::from_buf(&buf).ok_or_else(exceptions::memory_error)?
            }
        },
        Item::Bool(v) => ops::bool_obj(v),
        Item::Char(c) => bytes::new(&[c]),
    })
}

/// The OverflowError of an integer out of a typecode's range.
fn range_error(f: Format, v: &Int) -> Exc {
    let neg = v.is_negative();
    let msg = match (f.0, neg) {
        (b'b', false) => "signed char is greater than maximum",
        (b'b', true) => "signed char is less than minimum",
        (b'B', false) => "unsigned byte integer is greater than maximum",
        (b'B', true) => "unsigned byte integer is less than minimum",
        (b'h', false) => "signed short integer is greater than maximum",
        (b'h', true) => "signed short integer is less than minimum",
        (b'H', false) => "unsigned short is greater than maximum",
        (b'H', true) => "unsigned short is less than minimum",
        (b'i', false) => "signed integer is greater than maximum",
        (b'i', true) => "signed integer is less than minimum",
        (b'I', false) => "unsigned int is greater than maximum",
        (b'I' | b'L', true) => "can't convert negative value to unsigned int",
        (b'l', _) => "Python int too large to convert to C long",
        (b'L', false) => "Python int too large to convert to C unsigned long",
        (b'Q', true) => "can't convert negative int to unsigned",
        _ => "int too big to convert",
    };
    exceptions::named("OverflowError", msg)
}

/// The bytes of `v` as an item of format `f`, with array's messages.
fn pack_item(vm: &mut Vm, f: Format, v: &PyObj, out: &mut [u8]) -> VmResult<()> {
    match f.0 {
        b'u' => {
            let c = string::view(v)
                .filter(|s| s.len() == 1)
                .map(|s| s.char_at(0));
            let Some(c) = c else {
                return Err(type_error("array item must be unicode character"));
            };
            out[..4].copy_from_slice(&c.to_ne_bytes());
            Ok(())
        }
        b'f' | b'd' => {
            let x = if let Some(x) = float::value(v) {
                x
            } else if let Some(i) = int::value(v) {
                i.to_f64()?
            } else if let Some(r) = vm.convert_special(v, "__float__", &[])? {
                float::value(&r).ok_or_else(|| type_error("__float__ returned non-float"))?
            } else {
                return Err(type_error(format!(
                    "must be real number, not {}",
                    typeobj::type_name(v)
                )));
            };
            f.pack_float(x, out);
            Ok(())
        }
        _ => {
            let v = vm.index_arg(v)?;
            let Some(i) = int::value(&v) else {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    typeobj::type_name(&v)
                )));
            };
            match i.to_i128() {
                Some(x) => f.pack_int(x, out).ok_or_else(|| range_error(f, &i)),
                None => Err(range_error(f, &i)),
            }
        }
    }
}

/// The bytes of a sequence of objects as items of format `f`.
fn pack_all(vm: &mut Vm, f: Format, items: &[PyObj]) -> VmResult<Vec<u8>> {
    let k = f.itemsize();
    let mut out = vec![0u8; items.len() * k];
    for (i, x) in items.iter().enumerate() {
        pack_item(vm, f, x, &mut out[i * k..(i + 1) * k])?;
    }
    Ok(out)
}

fn item_at(o: &PyObj, i: usize) -> VmResult<PyObj> {
    let a = arr(o)?;
    let k = a.itemsize();
    let f = a.format;
    let b = a.data()[i * k..(i + 1) * k].to_vec();
    drop(a);
    item_obj(f, &b)
}

/// All items as objects.
fn items_of(o: &PyObj) -> VmResult<Vec<PyObj>> {
    let a = arr(o)?;
    let (f, k) = (a.format, a.itemsize());
    let d = a.data().to_vec();
    drop(a);
    d.chunks_exact(k).map(|c| item_obj(f, c)).collect()
}

// ----- constructor ----------------------------------------------------------------

/// array(typecode[, initializer]).
fn new_array(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let ty = super::constructors::called_type(&args, "array")?;
    if !ty.is(&ctx().array_type) {
        super::subclass::check_subtype(&ty, &ctx().array_type)?;
    }
    let (_, rest) = this(&args);
    if !rest.kwnames.is_empty() && ty.is(&ctx().array_type) {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    let p = rest.pos();
    if p.is_empty() || p.len() > 2 {
        let (what, k) = if p.is_empty() {
            ("at least", 1)
        } else {
            ("at most", 2)
        };
        return Err(type_error(format!(
            "array() takes {what} {k} argument{} ({} given)",
            if k == 1 { "" } else { "s" },
            p.len()
        )));
    }
    let code = match string::view(&p[0]) {
        Some(v) if v.len() == 1 => v.char_at(0),
        Some(_) => {
            return Err(type_error(
                "array() argument 1 must be a unicode character, not str",
            ))
        }
        None => {
            return Err(type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                typeobj::type_name(&p[0])
            )))
        }
    };
    if code > 127 || !TYPECODES.contains(code as u8 as char) {
        return Err(exceptions::value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let f = Format(code as u8);
    let a = match p.get(1) {
        None => Array::with_len(f, 0)?,
        Some(init) => initial(vm, f, init)?,
    };
    Ok(crate::heap::PyObj::new(&ty, a))
}

/// An array of format `f` filled from `init`, allocated as CPython's array_new does.
fn initial(vm: &mut Vm, f: Format, init: &PyObj) -> VmResult<Array> {
    if let Some(v) = string::view(init) {
        if f.0 != b'u' {
            return Err(type_error(format!(
                "cannot use a str to initialize an array with typecode '{}'",
                tc(f)
            )));
        }
        let mut d = Vec::with_capacity(v.len() * 4);
        for c in v.chars() {
            d.extend_from_slice(&c.to_ne_bytes());
        }
        return Ok(Array::from_bytes_exact(f, &d)?);
    }
    if let Some(items) = tuple::items(init) {
        let items = items.to_vec();
        return Ok(Array::from_bytes_exact(f, &pack_all(vm, f, &items)?)?);
    }
    if let Some(l) = list::borrow(init) {
        let items = l.0.clone();
        drop(l);
        return Ok(Array::from_bytes_exact(f, &pack_all(vm, f, &items)?)?);
    }
    if bytes::is_bytes(init) || crate::objects::bytearray::is_bytearray(init) {
        let d = need_buf(init)?.into_owned();
        let mut a = Array::with_len(f, 0)?;
        from_bytes_into(&mut a, &d)?;
        return Ok(a);
    }
    if let Some(other) = array::borrow(init) {
        if other.format == f {
            return Ok(Array::from_bytes_exact(f, other.data())?);
        }
    }
    // Any other iterable: appended one item at a time.
    let it = vm.iter(init)?;
    let mut a = Array::with_len(f, 0)?;
    let k = f.itemsize();
    let mut item = vec![0u8; k];
    while let Some(x) = vm.next(&it)? {
        pack_item(vm, f, &x, &mut item)?;
        let n = a.len();
        a.insert_item(n, &item)?;
    }
    Ok(a)
}

fn from_bytes_into(a: &mut Array, d: &[u8]) -> VmResult<()> {
    if !d.len().is_multiple_of(a.itemsize()) {
        return Err(exceptions::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    Ok(a.extend_bytes(d)?)
}

// ----- slots ----------------------------------------------------------------------

fn repr(rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let vm = Vm::of(rt);
    let f = format_of(o)?;
    let name = typeobj::info(&o.type_obj())
        .name
        .rsplit('.')
        .next()
        .unwrap_or("array")
        .to_string();
    if len(o) == 0 {
        return Ok(format!("{name}('{}')", tc(f)));
    }
    if f.0 == b'u' {
        let s = tounicode_obj(o)?;
        return Ok(format!("{name}('u', {})", vm.repr(&s)?));
    }
    let l = list::new_exact(items_of(o)?);
    Ok(format!("{name}('{}', {})", tc(f), vm.repr(&l)?))
}

fn len(o: &PyObj) -> usize {
    array::borrow(o).map_or(0, |a| a.len())
}

fn length(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    Ok(arr(o)?.len())
}

fn iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    Ok(PyObj::new(
        &ctx().array_iter_type,
        ArrayIter::new(o.clone()),
    ))
}

fn iter_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<ArrayIter>().map_err(|_| busy())?;
    let Some(seq) = s.seq.clone() else {
        return Ok(None);
    };
    let i = s.index;
    if i >= len(&seq) {
        let old = s.seq.take();
        drop(s);
        drop(old);
        return Ok(None);
    }
    s.index = i + 1;
    drop(s);
    item_at(&seq, i).map(Some)
}

fn subscript(_rt: &mut dyn Runtime, o: &PyObj, key: &PyObj) -> VmResult<PyObj> {
    let n = len(o);
    if let Some(i) = super::bytes_type::seq_index(key, n, "array index out of range")? {
        return item_at(o, i);
    }
    if let Some(s) = key.get::<Slice>() {
        let (start, step, cnt) = super::bytes_type::slice_of(s, n)?;
        let a = arr(o)?;
        let k = a.itemsize();
        let f = a.format;
        let mut d = Vec::with_capacity(cnt * k);
        for j in 0..cnt {
            let i = (start + j as i64 * step) as usize;
            d.extend_from_slice(&a.data()[i * k..(i + 1) * k]);
        }
        drop(a);
        return Ok(array::new(Array::from_bytes_exact(f, &d)?));
    }
    Err(type_error("array indices must be integers"))
}

fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let vm = Vm::of(rt);
    let n = len(o);
    let f = format_of(o)?;
    let k = f.itemsize();
    if int::value(key).is_some() {
        let i = super::bytes_type::seq_index(key, n, "array assignment index out of range")?
            .expect("an int");
        match value {
            Some(v) => {
                let mut item = vec![0u8; k];
                pack_item(vm, f, &v, &mut item)?;
                arr_mut(o)?.data_mut()[i * k..(i + 1) * k].copy_from_slice(&item);
            }
            None => arr_mut(o)?.replace_items(i, i + 1, &[])?,
        }
        return Ok(());
    }
    let Some(s) = key.get::<Slice>() else {
        return Err(type_error("array indices must be integers"));
    };
    let (start, step, cnt) = super::bytes_type::slice_of(s, n)?;
    let new: Option<Vec<u8>> = match &value {
        None => None,
        Some(v) => {
            let Some(other) = array::borrow(v) else {
                return Err(type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    typeobj::type_name(v)
                )));
            };
            if other.format != f {
                return Err(type_error("bad argument type for built-in operation"));
            }
            Some(other.data().to_vec())
        }
    };
    let mut a = arr_mut(o)?;
    if step == 1 {
        let lo = start as usize;
        let new = new.unwrap_or_default();
        if new.len() / k != cnt && a.exports() > 0 {
            return Err(exceptions::named(
                "BufferError",
                "cannot resize an array that is exporting buffers",
            ));
        }
        a.replace_items(lo, lo + cnt, &new)?;
        return Ok(());
    }
    let pos: Vec<usize> = (0..cnt)
        .map(|j| (start + j as i64 * step) as usize)
        .collect();
    match new {
        Some(new) => {
            if new.len() / k != cnt {
                return Err(exceptions::value_error(format!(
                    "attempt to assign array of size {} to extended slice of size {cnt}",
                    new.len() / k
                )));
            }
            let d = a.data_mut();
            for (j, p) in pos.iter().enumerate() {
                d[p * k..(p + 1) * k].copy_from_slice(&new[j * k..(j + 1) * k]);
            }
        }
        None => {
            let mut sorted = pos;
            sorted.sort_unstable();
            a.delete_positions(&sorted)?;
        }
    }
    Ok(())
}

/// The other operand of `+` / `+=`: an array of the same typecode.
fn concat_operand(a: &PyObj, b: &PyObj, inplace: bool) -> VmResult<Vec<u8>> {
    let f = format_of(a)?;
    let Some(other) = array::borrow(b) else {
        let t = typeobj::type_name(b);
        return Err(type_error(if inplace {
            format!("can only extend array with array (not \"{t}\")")
        } else {
            format!("can only append array (not \"{t}\") to array")
        }));
    };
    if other.format != f {
        return Err(if inplace {
            type_error("can only extend with array of same kind")
        } else {
            type_error("bad argument type for built-in operation")
        });
    }
    Ok(other.data().to_vec())
}

fn concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let od = concat_operand(a, b, false)?;
    let f = format_of(a)?;
    let mut d = arr(a)?.data().to_vec();
    d.extend_from_slice(&od);
    Ok(array::new(Array::from_bytes_exact(f, &d)?))
}

fn inplace_concat(_rt: &mut dyn Runtime, a: &PyObj, b: &PyObj) -> VmResult<PyObj> {
    let od = concat_operand(a, b, true)?;
    arr_mut(a)?.extend_bytes(&od)?;
    Ok(a.clone())
}

/// The items of `seq` repeated `n` times, as bytes.
fn repeated(seq: &PyObj, n: i64) -> VmResult<(Format, Vec<u8>)> {
    let n = n.max(0) as usize;
    let (f, d) = {
        let x = arr(seq)?;
        (x.format, x.data().to_vec())
    };
    let total = d
        .len()
        .checked_mul(n)
        .filter(|t| *t < isize::MAX as usize / 2)
        .ok_or_else(exceptions::memory_error)?;
    let mut v = crate::objects::room::vec_with_capacity(total)?;
    if !d.is_empty() {
        for _ in 0..n {
            v.extend_from_slice(&d);
        }
    }
    Ok((f, v))
}

fn repeat(_rt: &mut dyn Runtime, seq: &PyObj, n: i64) -> VmResult<PyObj> {
    let (f, v) = repeated(seq, n)?;
    Ok(array::new(Array::from_bytes_exact(f, &v)?))
}

/// `a *= n`: one resize, then the items copied in place (nothing for an empty array).
fn inplace_repeat(_rt: &mut dyn Runtime, a: &PyObj, n: i64) -> VmResult<PyObj> {
    let (f, d) = {
        let x = arr(a)?;
        (x.format, x.data().to_vec())
    };
    if !d.is_empty() {
        let n = n.max(0) as usize;
        let total = d
            .len()
            .checked_mul(n)
            .ok_or_else(exceptions::memory_error)?;
        let mut m = arr_mut(a)?;
        m.resize(total / f.itemsize())?;
        for chunk in m.data_mut().chunks_mut(d.len()) {
            chunk.copy_from_slice(&d);
        }
    }
    Ok(a.clone())
}

/// Arrays compare item by item, by value; anything else is NotImplemented.
fn richcompare(rt: &mut dyn Runtime, a: &PyObj, b: &PyObj, op: CompareOp) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    if !a.is_a::<Array>() || !b.is_a::<Array>() {
        return Ok(ctx().not_implemented.clone());
    }
    let (x, y) = (items_of(a)?, items_of(b)?);
    if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
        return Ok(ops::bool_obj(op == CompareOp::Ne));
    }
    for (p, q) in x.iter().zip(&y) {
        if !vm.equal(p, q)? {
            return Ok(ops::bool_obj(ops::compare_bool(vm, p, q, op)?));
        }
    }
    Ok(ops::bool_obj(op.holds(Some(x.len().cmp(&y.len())))))
}

// ----- methods --------------------------------------------------------------------

fn none() -> PyObj {
    ctx().none.clone()
}

fn append(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("append")?;
    let f = format_of(s)?;
    let mut item = vec![0u8; f.itemsize()];
    pack_item(vm, f, x, &mut item)?;
    let mut a = arr_mut(s)?;
    let n = a.len();
    a.insert_item(n, &item)?;
    Ok(none())
}

fn extend(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("extend")?;
    let f = format_of(s)?;
    if let Some(other) = array::borrow(x) {
        if other.format != f {
            return Err(type_error("can only extend with array of same kind"));
        }
        let d = other.data().to_vec();
        drop(other);
        arr_mut(s)?.extend_bytes(&d)?;
        return Ok(none());
    }
    let it = vm.iter(x)?;
    let mut item = vec![0u8; f.itemsize()];
    while let Some(v) = vm.next(&it)? {
        pack_item(vm, f, &v, &mut item)?;
        let mut a = arr_mut(s)?;
        let n = a.len();
        a.insert_item(n, &item)?;
    }
    Ok(none())
}

fn insert(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let a = args.range("insert", 2, 2)?;
    let i = as_ssize_t(&vm.index_arg(&a[0])?)?;
    let f = format_of(s)?;
    let mut item = vec![0u8; f.itemsize()];
    pack_item(vm, f, &a[1], &mut item)?;
    let mut m = arr_mut(s)?;
    let n = m.len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    m.insert_item(i, &item)?;
    Ok(none())
}

fn pop(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let a = args.range("pop", 0, 1)?;
    let i = match a.first() {
        Some(x) => as_ssize_t(&vm.index_arg(x)?)?,
        None => -1,
    };
    let n = len(s) as i64;
    if n == 0 {
        return Err(exceptions::named("IndexError", "pop from empty array"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(exceptions::named("IndexError", "pop index out of range"));
    }
    let v = item_at(s, j as usize)?;
    arr_mut(s)?.replace_items(j as usize, j as usize + 1, &[])?;
    Ok(v)
}

/// The first index in start..stop of an item equal to `x`.
fn find(vm: &mut Vm, s: &PyObj, x: &PyObj, start: usize, stop: usize) -> VmResult<Option<usize>> {
    let items = items_of(s)?;
    for (i, it) in items.iter().enumerate().take(stop).skip(start) {
        if vm.equal(it, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn index(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let a = args.range("index", 1, 3)?;
    let n = len(s) as i64;
    let adjust = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) } as usize;
    let start = adjust(slice_index(a.get(1), false)?.unwrap_or(0));
    let stop = adjust(slice_index(a.get(2), false)?.unwrap_or(i64::MAX));
    match find(vm, s, &a[0], start, stop)? {
        Some(i) => Ok(int::new_i64(i as i64)),
        None => Err(exceptions::value_error("array.index(x): x not in array")),
    }
}

fn count(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("count")?;
    let mut c = 0;
    for it in items_of(s)? {
        if vm.equal(&it, x)? {
            c += 1;
        }
    }
    Ok(int::new_i64(c))
}

fn remove(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("remove")?;
    match find(vm, s, x, 0, len(s))? {
        Some(i) => {
            arr_mut(s)?.replace_items(i, i + 1, &[])?;
            Ok(none())
        }
        None => Err(exceptions::value_error("array.remove(x): x not in array")),
    }
}

fn reverse(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("reverse")?;
    let mut a = arr_mut(s)?;
    let k = a.itemsize();
    let d = a.data_mut();
    let n = d.len() / k;
    for i in 0..n / 2 {
        for b in 0..k {
            d.swap(i * k + b, (n - 1 - i) * k + b);
        }
    }
    Ok(none())
}

fn byteswap(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("byteswap")?;
    let mut a = arr_mut(s)?;
    let k = a.itemsize();
    for c in a.data_mut().chunks_exact_mut(k) {
        c.reverse();
    }
    Ok(none())
}

fn buffer_info(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("buffer_info")?;
    let a = arr(s)?;
    let addr = if a.allocated() == 0 {
        0
    } else {
        a.data().as_ptr() as usize as i64
    };
    let n = a.len() as i64;
    drop(a);
    Ok(tuple::pair(int::new_i64(addr), int::new_i64(n)))
}

fn frombytes(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let d = need_buf(args.one("frombytes")?)?.into_owned();
    let mut a = arr_mut(s)?;
    from_bytes_into(&mut a, &d)?;
    Ok(none())
}

fn tobytes(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("tobytes")?;
    let d = arr(s)?.data().to_vec();
    bytes::try_new(&d).ok_or_else(exceptions::memory_error)
}

fn fromlist(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let (s, args) = this(&args);
    let x = args.one("fromlist")?;
    let Some(l) = list::borrow(x) else {
        return Err(type_error("arg must be list"));
    };
    let items = l.0.clone();
    drop(l);
    let f = format_of(s)?;
    let d = pack_all(vm, f, &items)?;
    arr_mut(s)?.extend_bytes(&d)?;
    Ok(none())
}

fn tolist(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("tolist")?;
    Ok(list::new_exact(items_of(s)?))
}

fn fromunicode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let x = args.one("fromunicode")?;
    let Some(v) = string::view(x) else {
        return Err(type_error(format!(
            "fromunicode() argument must be str, not {}",
            typeobj::type_name(x)
        )));
    };
    if format_of(s)?.0 != b'u' {
        return Err(exceptions::value_error(
            "fromunicode() may only be called on unicode type arrays",
        ));
    }
    let mut d = Vec::with_capacity(v.len() * 4);
    for c in v.chars() {
        d.extend_from_slice(&c.to_ne_bytes());
    }
    arr_mut(s)?.extend_bytes(&d)?;
    Ok(none())
}

fn tounicode_obj(s: &PyObj) -> VmResult<PyObj> {
    let a = arr(s)?;
    if a.format.0 != b'u' {
        return Err(exceptions::value_error(
            "tounicode() may only be called on unicode type arrays",
        ));
    }
    let cps: Vec<u32> = a
        .data()
        .chunks_exact(4)
        .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    drop(a);
    let buf = crate::objects::unicode::view::StrBuf::from_code_points(&cps);
    string::from_buf(&buf).ok_or_else(exceptions::memory_error)
}

fn tounicode(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("tounicode")?;
    tounicode_obj(s)
}

fn copy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("__copy__")?;
    let a = arr(s)?;
    let made = Array::from_bytes_exact(a.format, a.data())?;
    drop(a);
    Ok(array::new(made))
}

fn deepcopy(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.one("__deepcopy__")?;
    let a = arr(s)?;
    let made = Array::from_bytes_exact(a.format, a.data())?;
    drop(a);
    Ok(array::new(made))
}
