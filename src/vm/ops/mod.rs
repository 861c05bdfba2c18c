//! Operations on objects used by the eval loop and the builtins: truth, hashing,
//! membership, formatting, and (in the submodules) arithmetic, comparison, repr,
//! subscripts, iteration and attributes.

mod arith;
mod attr;
mod compare;
mod dictview;
pub mod dunder;
mod generic_attr;
mod iter;
mod percent;
mod repr;
mod special;
mod subscr;
mod typecache;

pub use crate::objects::exception_attrs::{set_traceback, traceback_object};
pub(crate) use arith::binary_op_after_left;
pub use arith::{
    absolute, binary_op, bool_obj, divmod, int_obj, power3, unary_op, unsupported_operands,
};
pub(crate) use attr::{attribute_error, no_attribute};
pub(crate) use compare::recursion_error;
pub use compare::{compare, compare_bool};
pub use iter::char_str;
pub use repr::ascii_escape;
pub(crate) use typecache::TypeCache;

use crate::error::PyResult;
use crate::heap::PyObj;
use crate::objects::context::Ctx;
use crate::objects::numeric::{format_float, format_int};
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::unicode::methods_format::format_str;
use crate::objects::unicode::view::StrView;
use crate::objects::{ctx, dict, float, int, list, protocol, range, set, string, tuple, typeobj};

use super::Vm;
use crate::objects::exceptions::{self, VmResult};

/// The key equality the dict and set tables use (`__eq__` of the built-in types).
pub fn table_eq(_vm: &mut Vm) -> impl FnMut(&PyObj, &PyObj) -> PyResult<bool> {
    |a: &PyObj, b: &PyObj| protocol::eq(a, b)
}

/// `stored == probe` answers for the keys of a table whose hash equals the probe's,
/// found with the classes' `__eq__` before the table is borrowed (see table_key.rs):
/// the candidates in probe order, up to the first equal one.
pub struct EqAnswers(Vec<(PyObj, bool)>);

impl EqAnswers {
    /// The table's equality callback: these answers, else the built-in equality.
    pub fn eq(&self) -> impl FnMut(&PyObj, &PyObj) -> PyResult<bool> + '_ {
        move |a: &PyObj, b: &PyObj| {
            if let Some((_, r)) = self.0.iter().find(|(c, _)| c.is(a)) {
                return Ok(*r);
            }
            protocol::eq(a, b)
        }
    }
}

impl Vm {
    /// The `__eq__` answers a set lookup of `key` (hash `h`) in `table` needs; empty
    /// unless a class instance is involved. (Dicts call `__eq__` during the lookup,
    /// with no borrow held: objects/dict.rs.)
    pub fn prepare_eq(&mut self, table: &PyObj, key: &PyObj, h: i64) -> VmResult<EqAnswers> {
        // Class instances, weak references (whose referents compare), and tuples
        // holding them need the VM's equality.
        let is_heap = crate::objects::set_eq::needs_vm;
        if !is_heap(key) {
            // The common case, answered without collecting: no class instance among
            // the candidates either.
            let any = if let Some(s) = set::borrow(table) {
                let mut any = false;
                s.0.for_each_candidate(h, &mut |_, k| {
                    any = is_heap(k);
                    any
                });
                any
            } else {
                false
            };
            if !any {
                return Ok(EqAnswers(Vec::new()));
            }
        }
        let mut cands: Vec<PyObj> = Vec::new();
        let mut take = |_: usize, k: &PyObj| {
            cands.push(k.clone());
            false
        };
        if let Some(s) = set::borrow(table) {
            s.0.for_each_candidate(h, &mut take);
        }
        let mut answers = Vec::new();
        if !is_heap(key) && !cands.iter().any(is_heap) {
            return Ok(EqAnswers(answers));
        }
        for c in cands {
            if c.is(key) {
                break;
            }
            let r = self.equal(&c, key)?;
            answers.push((c, r));
            if r {
                break;
            }
        }
        Ok(EqAnswers(answers))
    }
}

/// Concatenate str objects (BUILD_STRING), written straight into the new str (one
/// view per part, no intermediate buffer).
pub fn concat_strs(parts: &[PyObj]) -> VmResult<PyObj> {
    let views: smallvec::SmallVec<[StrView<'_>; 8]> = parts
        .iter()
        .map(|p| string::view(p).ok_or_else(|| exceptions::type_error("BUILD_STRING of a non-str")))
        .collect::<VmResult<_>>()?;
    string::from_parts(views.iter().copied()).map_err(|too_long| {
        if too_long {
            exceptions::named("OverflowError", "strings are too large to concat")
        } else {
            exceptions::memory_error()
        }
    })
}

/// len(o) for CALL_NO_KW_LEN: an exact list, tuple or dict by one compare of the type
/// pointer, else `len_of` for the other built-in types; None for an instance of a
/// class (its __len__ takes the general call). Out of the eval loop's body.
#[inline(never)]
pub fn builtin_len(o: &PyObj, c: &Ctx) -> Option<VmResult<usize>> {
    if let Some(l) = o.borrow_exact(&c.list_exact) {
        return Some(Ok(l.0.len()));
    }
    if let Some((_, items)) = o.var_exact(&c.tuple_exact) {
        return Some(Ok(items.len()));
    }
    if o.vtable().heap_type {
        return None;
    }
    len_of(o)
}

/// len(obj) of a sized built-in object (CPython's sq_length / mp_length): None when
/// it has no length; OverflowError for a range longer than an index can be.
pub fn len_of(o: &PyObj) -> Option<VmResult<usize>> {
    if let Some(n) = string::len(o) {
        return Some(Ok(n));
    }
    if let Some(t) = tuple::items(o) {
        return Some(Ok(t.len()));
    }
    if let Some(l) = list::borrow(o) {
        return Some(Ok(l.0.len()));
    }
    if let Some(n) = dict::len(o).or_else(|| set::len(o)) {
        return Some(Ok(n));
    }
    if let Some(r) = o.get::<range::Range>() {
        return Some(int::as_i64(&r.length).map(|n| n as usize).ok_or_else(|| {
            exceptions::named(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            )
        }));
    }
    None
}

impl Vm {
    /// bool(obj): True, False and None by identity and an exact int by its digits,
    /// inline (what POP_JUMP_IF_* meets most); the rest in `truthy_slow`.
    #[inline]
    pub fn truthy(&mut self, o: &PyObj) -> VmResult<bool> {
        let c = self.ctx;
        if o.is(&c.true_) {
            return Ok(true);
        }
        if o.is(&c.false_) || o.is(&c.none) {
            return Ok(false);
        }
        if let Some(nonzero) = int::exact_nonzero(o, &c.int_exact) {
            return Ok(nonzero);
        }
        self.truthy_slow(o)
    }

    /// bool(obj) past the identity tests: the type's bool slot, then its length
    /// slot; anything else is true.
    #[inline(never)]
    fn truthy_slow(&mut self, o: &PyObj) -> VmResult<bool> {
        let ty = o.type_obj();
        let s = slots_of_type(&ty);
        if let Some(f) = s.bool.get() {
            return f(self, o);
        }
        if let Some(f) = s.length.get() {
            return Ok(f(self, o)? > 0);
        }
        Ok(true)
    }

    /// hash(obj): an exact str's cached hash and an exact int's value first (the
    /// dict subscript forms' keys), then the type's hash slot.
    #[inline]
    pub fn hash(&mut self, o: &PyObj) -> VmResult<i64> {
        let c = self.ctx;
        if o.is_type(&c.str_type) {
            if let Some(h) = string::cached_hash(o) {
                return Ok(h);
            }
        } else if let Some(i) = int::exact_index(o, &c.int_exact) {
            // Below 2**30: its own hash.
            return Ok(i as i64);
        }
        self.hash_slot(o)
    }

    /// hash(obj) through the type's slot (a str's first hash computed and kept).
    #[inline(never)]
    fn hash_slot(&mut self, o: &PyObj) -> VmResult<i64> {
        if o.is_type(&ctx().str_type) {
            if let Some(h) = string::hash(o) {
                return Ok(h);
            }
        }
        match slots_of_type(&o.type_obj()).hash.get() {
            Some(f) => f(self, o),
            None => Err(exceptions::type_error(format!(
                "unhashable type: '{}'",
                typeobj::type_name(o)
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &PyObj, item: &PyObj) -> VmResult<bool> {
        if let Some(f) = slots_of_type(&container.type_obj()).contains.get() {
            return f(self, container, item);
        }
        // CPython's _PySequence_IterSearch.
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(_) => {
                return Err(exceptions::type_error(format!(
                    "argument of type '{}' is not iterable",
                    typeobj::type_name(container)
                )))
            }
        };
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.equal(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// format(value, spec) (CPython's PyObject_Format): `__format__` looked up on the
    /// value's type and called with the spec; its result must be a str. An exact str,
    /// int or float with an empty spec is the fast path CPython also takes; with a spec
    /// they go straight to their own `__format__` code.
    pub fn format(&mut self, v: &PyObj, spec: Option<&PyObj>) -> VmResult<PyObj> {
        let c = ctx();
        let spec = spec.unwrap_or(&c.empty_str);
        if string::view(spec).is_some_and(|s| s.is_empty()) {
            if v.is_type(&c.str_type) {
                return Ok(v.clone());
            }
            if let Some(i) = int::exact_i64(v, &c.int_exact) {
                return int::decimal_str(i);
            }
            if v.is_type(&c.int_type) || v.is_type(&c.float_type) {
                return self.str_obj(v);
            }
        }
        // The exact built-in numbers and str: their own `__format__`, without the
        // lookup and the bound call.
        if v.is_type(&c.int_type) || v.is_type(&c.float_type) || v.is_type(&c.str_type) {
            if let Some(text) = string::as_str(spec) {
                return self.format_builtin(v, &text);
            }
        }
        let Some(r) = self.call_special(v, "__format__", std::slice::from_ref(spec))? else {
            return Err(exceptions::type_error(format!(
                "Type {} doesn't define __format__",
                typeobj::type_name(v)
            )));
        };
        if string::view(&r).is_none() {
            return Err(exceptions::type_error(format!(
                "__format__ must return a str, not {}",
                typeobj::type_name(&r)
            )));
        }
        Ok(r)
    }

    /// The `__format__` of int, float, str and complex for a spec: an empty spec is
    /// `str(v)`; otherwise the format mini-language of v's built-in payload.
    pub fn format_builtin(&mut self, v: &PyObj, spec: &str) -> VmResult<PyObj> {
        if spec.is_empty() {
            return self.str_obj(v);
        }
        // bool formats as an int once a spec is given: format(True, '^5') is '  1  '.
        let out = if let Some(i) = int::value(v) {
            format_int(&i, spec)?
        } else if let Some(f) = float::value(v) {
            format_float(f, spec)?
        } else if let Some(s) = string::as_str(v) {
            format_str(&s, spec)?.into_owned()
        } else if let Some(z) = crate::objects::complex::value(v) {
            crate::objects::numeric::complex::format(z, spec)?
        } else {
            return Err(exceptions::type_error(format!(
                "unsupported format string passed to {}.__format__",
                typeobj::type_name(v)
            )));
        };
        Ok(string::new(&out))
    }

    /// Interactive display of an expression's value (sys.displayhook): print its
    /// repr unless it is None, and bind it to `_` in builtins.
    pub fn display_hook(&mut self, v: &PyObj) -> VmResult<()> {
        if let Some(hook) = self.replaced_sys_hook("displayhook") {
            self.call(
                &hook,
                crate::objects::args::Args::positional(std::slice::from_ref(v)),
            )?;
            return Ok(());
        }
        self.default_display_hook(v)
    }

    /// sys.__displayhook__: print repr(v) unless it is None, and bind it to `_`.
    pub fn default_display_hook(&mut self, v: &PyObj) -> VmResult<()> {
        if v.is(&ctx().none) {
            return Ok(());
        }
        let r = self.repr(v)?;
        self.write_stdout(&r);
        self.write_stdout("\n");
        let b = self.builtins.clone();
        self.dict_set_str(&b, "_", v.clone())
    }

    /// Write text to the buffered standard output.
    /// CPython's TextIOWrapper.write for a stream that is not line-buffered: text
    /// collects in `text_pending` until a chunk (8192 bytes) is full.
    pub fn write_stdout(&mut self, s: &str) {
        const CHUNK: usize = 8192;
        let b = s.as_bytes();
        if self.text_pending.len() + b.len() > CHUNK {
            self.flush_text_pending();
        }
        if b.len() >= CHUNK {
            // It would be passed on at once: skip the copy.
            self.write_stdout_bytes(b);
            return;
        }
        self.text_pending.extend_from_slice(b);
        if self.text_pending.len() >= CHUNK {
            self.flush_text_pending();
        }
    }
}
