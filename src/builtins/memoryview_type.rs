//! memoryview: its constructor, type slots (repr, len, iteration, items and slices,
//! item assignment, the attributes nbytes / itemsize / format / ndim / shape /
//! strides / readonly / obj / ...) and methods (tolist, tobytes, hex, cast, release,
//! toreadonly, the context manager), with CPython's messages. Items are packed and
//! unpacked with the view's format; slices are new views of the same exporter.

use super::methods_args::this;
use super::methods_bytes::hex_args;
use crate::heap::PyObj;
use crate::objects::args::Args;
use crate::objects::buffer::{self, Format, Item, MemIter};
use crate::objects::builtin_function::MethodDef;
use crate::objects::bytes_algo as alg;
use crate::objects::exceptions::{self, type_error, Exc, VmResult};
use crate::objects::iter::self_iter;
use crate::objects::memoryview::{self, MemoryView};
use crate::objects::numeric::Int;
use crate::objects::runtime::Runtime;
use crate::objects::slice::Slice;
use crate::objects::typeobj::slots::SlotTable;
use crate::objects::{bytes, ctx, float, int, list, string, tuple, typeobj};
use crate::vm::ops::{self, bool_obj};
use crate::vm::Vm;

macro_rules! defs {
    ($($name:literal => $f:path),* $(,)?) => {
        &[$(MethodDef { name: $name, func: $f }),*]
    };
}

/// The methods of memoryview.
pub static METHODS: &[MethodDef] = defs![
    "tolist" => tolist, "tobytes" => tobytes, "hex" => hex, "release" => release,
    "cast" => cast, "toreadonly" => toreadonly, "__enter__" => enter, "__exit__" => exit,
];

static NEW_MEMORYVIEW: MethodDef = MethodDef {
    name: "memoryview",
    func: new_memoryview,
};

/// memoryview's type slots.
pub const SLOTS: SlotTable = SlotTable {
    repr: Some(repr),
    hash: Some(hash),
    richcompare: Some(richcompare),
    iter: Some(iter),
    length: Some(length),
    subscript: Some(subscript),
    ass_subscript: Some(ass_subscript),
    ..SlotTable::EMPTY
};

/// Register memoryview's slots, iterator, methods and constructor.
pub fn install() {
    let c = ctx();
    typeobj::install_builtin_slots(&c.memoryview_type, &SLOTS);
    typeobj::install_builtin_slots(
        &c.memory_iter_type,
        &SlotTable {
            iter: Some(self_iter),
            iternext: Some(iter_next),
            ..SlotTable::EMPTY
        },
    );
    typeobj::set_new(&c.memoryview_type, &NEW_MEMORYVIEW);
    typeobj::add_methods(&c.memoryview_type, METHODS);
}

fn busy() -> Exc {
    exceptions::named("RuntimeError", "memoryview is being used")
}

fn view(o: &PyObj) -> VmResult<crate::heap::PRef<'_, MemoryView>> {
    memoryview::borrow(o).ok_or_else(busy)
}

/// The view's geometry, or the released error.
fn geometry(o: &PyObj) -> VmResult<(PyObj, usize, usize, isize, Format)> {
    Ok(memoryview::geometry(o)?)
}

/// A new memoryview object of `obj` (any exporter, or another memoryview).
pub(super) fn memoryview_of(obj: &PyObj) -> VmResult<PyObj> {
    if obj.is_a::<MemoryView>() {
        let v = view(obj)?;
        let d = v.derive(v.start, v.len, v.stride, v.format)?;
        drop(v);
        return Ok(memoryview::new(d));
    }
    match memoryview::view_of(obj) {
        Some(v) => Ok(memoryview::new(v?)),
        None => Err(type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            typeobj::type_name(obj)
        ))),
    }
}

/// memoryview(object).
fn new_memoryview(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (_, rest) = this(&args);
    let a = rest.clinic("memoryview", &["object"], 1)?;
    memoryview_of(a[0].expect("required"))
}

// ----- items ----------------------------------------------------------------------

fn unsupported_format(f: Format) -> Exc {
    exceptions::named(
        "NotImplementedError",
        format!("memoryview: format {} not supported", f.0 as char),
    )
}

/// The Python object for an unpacked item.
fn item_obj(f: Format, it: Item) -> VmResult<PyObj> {
    Ok(match it {
        Item::Int(i) => ops::int_obj(&Int::from_i128(i))?,
        Item::Float(x) => float::new(x),
        Item::Bool(b) => bool_obj(b),
        Item::Char(c) => bytes::new(&[c]),
        Item::Wchar(_) => return Err(unsupported_format(f)),
    })
}

/// The bytes of `v` packed in format `f` into `out`, with memoryview's messages.
fn pack(vm: &mut Vm, f: Format, v: &PyObj, out: &mut [u8]) -> VmResult<()> {
    let invalid_type = || {
        type_error(format!(
            "memoryview: invalid type for format '{}'",
            f.0 as char
        ))
    };
    let invalid_value = || {
        exceptions::value_error(format!(
            "memoryview: invalid value for format '{}'",
            f.0 as char
        ))
    };
    match f.0 {
        b'?' => {
            out[0] = u8::from(vm.truthy(v)?);
            Ok(())
        }
        b'c' => match bytes::data(v) {
            Some([c]) => {
                out[0] = *c;
                Ok(())
            }
            Some(_) => Err(invalid_value()),
            None => Err(invalid_type()),
        },
        b'f' | b'd' => {
            let x = if let Some(x) = float::value(v) {
                x
            } else if let Some(i) = int::value(v) {
                i.to_f64()?
            } else {
                return Err(invalid_type());
            };
            f.pack_float(x, out);
            Ok(())
        }
        b'w' | b'u' => Err(unsupported_format(f)),
        _ => {
            let v = if v.vtable().heap_type {
                vm.index_arg(v)?
            } else {
                v.clone()
            };
            let Some(i) = int::value(&v) else {
                return Err(invalid_type());
            };
            let i = i.to_i128().ok_or_else(invalid_value)?;
            f.pack_int(i, out).ok_or_else(invalid_value)
        }
    }
}

fn item_at(o: &PyObj, i: usize) -> VmResult<PyObj> {
    let (exp, start, _, stride, f) = geometry(o)?;
    if matches!(f.0, b'w' | b'u') {
        return Err(unsupported_format(f));
    }
    let k = f.itemsize();
    let off = (start as isize + i as isize * stride) as usize;
    let it = buffer::with_export(&exp, |all| f.unpack(&all[off..off + k]))?;
    item_obj(f, it)
}

// ----- slots ----------------------------------------------------------------------

fn hash(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<i64> {
    match buffer::hash(o) {
        Some(h) => Ok(h?),
        None => Ok(0),
    }
}

/// == and != with any buffer, item by item by value; NotImplemented otherwise.
fn richcompare(
    _rt: &mut dyn Runtime,
    a: &PyObj,
    b: &PyObj,
    op: crate::bytecode::opcode::CompareOp,
) -> VmResult<PyObj> {
    use crate::bytecode::opcode::CompareOp;
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) || !buffer::is_buffer(b) {
        return Ok(ctx().not_implemented.clone());
    }
    let eq = match buffer::eq(a, b) {
        Some(r) => r?,
        None => false,
    };
    Ok(bool_obj(eq == (op == CompareOp::Eq)))
}

fn repr(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<String> {
    let released = view(o)?.is_released();
    let what = if released {
        "released memory"
    } else {
        "memory"
    };
    Ok(format!("<{what} at 0x{:x}>", o.id()))
}

fn length(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<usize> {
    let v = view(o)?;
    v.exporter()?;
    Ok(v.len)
}

fn iter(_rt: &mut dyn Runtime, o: &PyObj) -> VmResult<PyObj> {
    let (_, _, n, _, f) = geometry(o)?;
    if matches!(f.0, b'w' | b'u') {
        return Err(unsupported_format(f));
    }
    Ok(PyObj::new(
        &ctx().memory_iter_type,
        MemIter::new(o.clone(), n),
    ))
}

fn iter_next(_rt: &mut dyn Runtime, it: &PyObj) -> VmResult<Option<PyObj>> {
    let mut s = it.borrow_mut::<MemIter>().map_err(|_| busy())?;
    let Some(seq) = s.seq.clone() else {
        return Ok(None);
    };
    let i = s.index;
    if i >= s.len {
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
    let (_, _, n, _, _) = geometry(o)?;
    if let Some(v) = int::value(key) {
        let i = v.to_i64().unwrap_or(i64::MAX);
        let i = if i < 0 { i + n as i64 } else { i };
        if i < 0 || i >= n as i64 {
            return Err(exceptions::named(
                "IndexError",
                "index out of bounds on dimension 1",
            ));
        }
        return item_at(o, i as usize);
    }
    if let Some(s) = key.get::<Slice>() {
        let (start, step, k) = super::bytes_type::slice_of(s, n)?;
        let v = view(o)?;
        let new_start = if k == 0 {
            v.start
        } else {
            v.offset(start as usize)
        };
        let d = v.derive(new_start, k, v.stride * step as isize, v.format)?;
        drop(v);
        return Ok(memoryview::new(d));
    }
    if tuple::items(key).is_some() {
        return Err(exceptions::named(
            "NotImplementedError",
            "sub-views are not implemented",
        ));
    }
    Err(type_error("memoryview: invalid slice key"))
}

fn ass_subscript(
    rt: &mut dyn Runtime,
    o: &PyObj,
    key: &PyObj,
    value: Option<PyObj>,
) -> VmResult<()> {
    let vm = Vm::of(rt);
    let (exp, start, n, stride, f) = geometry(o)?;
    if view(o)?.readonly {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(type_error("cannot delete memory"));
    };
    let k = f.itemsize();
    if let Some(v) = int::value(key) {
        let i = v.to_i64().unwrap_or(i64::MAX);
        let i = if i < 0 { i + n as i64 } else { i };
        if i < 0 || i >= n as i64 {
            return Err(exceptions::named(
                "IndexError",
                "index out of bounds on dimension 1",
            ));
        }
        let mut item = vec![0u8; k];
        pack(vm, f, &value, &mut item)?;
        let off = (start as isize + i as isize * stride) as usize;
        buffer::with_export_mut(&exp, |all| all[off..off + k].copy_from_slice(&item))?;
        return Ok(());
    }
    let Some(s) = key.get::<Slice>() else {
        return Err(type_error("memoryview: invalid slice key"));
    };
    let (sstart, step, cnt) = super::bytes_type::slice_of(s, n)?;
    // The source: a buffer of the same format and length.
    let src_format = if value.is_a::<MemoryView>() {
        Some(geometry(&value)?.4)
    } else {
        buffer::exporter_info(&value)
            .transpose()?
            .map(|(f, _, _)| f)
    };
    let Some(src_format) = src_format else {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            typeobj::type_name(&value)
        )));
    };
    let data = buffer::to_vec(&value).expect("a buffer")?;
    if src_format != f || data.len() != cnt * k {
        return Err(exceptions::value_error(
            "memoryview assignment: lvalue and rvalue have different structures",
        ));
    }
    buffer::with_export_mut(&exp, |all| {
        for j in 0..cnt {
            let off = (start as isize + (sstart + j as i64 * step) as isize * stride) as usize;
            all[off..off + k].copy_from_slice(&data[j * k..(j + 1) * k]);
        }
    })?;
    Ok(())
}

// ----- methods --------------------------------------------------------------------

fn tolist(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("tolist")?;
    let (f, items) = memoryview::items(s)?;
    if matches!(f.0, b'w' | b'u') {
        return Err(unsupported_format(f));
    }
    let objs = items
        .into_iter()
        .map(|it| item_obj(f, it))
        .collect::<VmResult<Vec<_>>>()?;
    Ok(list::new_exact(objs))
}

fn tobytes(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("tobytes", &["order"], 0)?;
    if let Some(o) = a[0].filter(|o| !o.is(&ctx().none)) {
        let ok = string::as_str(o).is_some_and(|t| matches!(t.as_ref(), "C" | "F" | "A"));
        if !ok {
            return Err(exceptions::value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    let d = memoryview::with_view_bytes(s, <[u8]>::to_vec)?;
    bytes::try_new(&d).ok_or_else(exceptions::memory_error)
}

fn hex(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let (sep, per) = hex_args(&args)?;
    let text = memoryview::with_view_bytes(s, |d| alg::hex(d, sep, per))?;
    Ok(string::new(&text))
}

fn release(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("release")?;
    memoryview::release(s);
    Ok(ctx().none.clone())
}

fn toreadonly(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("toreadonly")?;
    let v = view(s)?;
    let mut d = v.derive(v.start, v.len, v.stride, v.format)?;
    drop(v);
    d.readonly = true;
    Ok(memoryview::new(d))
}

fn enter(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    args.none("__enter__")?;
    geometry(s)?;
    Ok(s.clone())
}

fn exit(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, _) = this(&args);
    memoryview::release(s);
    Ok(ctx().none.clone())
}

/// cast(format, shape=None): a view of the same bytes with another format
/// (one-dimensional shapes only).
fn cast(_rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let (s, args) = this(&args);
    let a = args.clinic("cast", &["format", "shape"], 1)?;
    let fobj = a[0].expect("required");
    let Some(ftext) = string::as_str(fobj) else {
        return Err(type_error(format!(
            "cast() argument 'format' must be str, not {}",
            typeobj::type_name(fobj)
        )));
    };
    let Some(dest) = Format::parse(&ftext).filter(|f| f.0 != b'u') else {
        return Err(exceptions::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let v = view(s)?;
    v.exporter()?;
    if !v.contiguous() {
        return Err(type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let byte_fmt = |f: Format| matches!(f.0, b'B' | b'b' | b'c');
    if !byte_fmt(v.format) && !byte_fmt(dest) {
        return Err(type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    let nbytes = v.nbytes();
    let k = dest.itemsize();
    if let Some(shape) = a[1].filter(|x| !x.is(&ctx().none)) {
        let dims: Vec<PyObj> = match tuple::items(shape) {
            Some(t) => t.to_vec(),
            None => match list::borrow(shape) {
                Some(l) => l.0.clone(),
                None => return Err(type_error("shape must be a list or a tuple")),
            },
        };
        let mut product: usize = 1;
        for d in &dims {
            let Some(x) = int::as_i64(d) else {
                return Err(type_error(
                    "memoryview.cast(): elements of shape must be integers",
                ));
            };
            if x <= 0 {
                return Err(exceptions::value_error(
                    "memoryview.cast(): elements of shape must be integers > 0",
                ));
            }
            product = product.saturating_mul(x as usize);
        }
        if product.saturating_mul(k) != nbytes {
            return Err(type_error(
                "memoryview: product(shape) * itemsize != buffer size",
            ));
        }
        if dims.len() != 1 {
            return Err(exceptions::named(
                "NotImplementedError",
                "glasspy's memoryview has one dimension only",
            ));
        }
    } else if nbytes % k != 0 {
        return Err(type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let mut d = v.derive(v.start, nbytes / k, k as isize, dest)?;
    drop(v);
    d.at_prefix = ftext.starts_with('@');
    Ok(memoryview::new(d))
}
