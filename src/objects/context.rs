//! The per-thread table of built-in type objects and preallocated singletons: None,
//! True, False, NotImplemented, Ellipsis, the small ints -5..=256 and the empty tuple.
//!
//! Built on first use (a few hundred small allocations, well under a millisecond) and
//! kept for the life of the thread (H7 of the heap: objects never cross threads).

use std::borrow::Cow;
use std::cell::RefCell;

use crate::heap::{ExactType, Payload, PyObj, TypeRef};

use crate::objects::code::Code;

use super::array::{Array, ArrayIter};
use super::buffer::{BytesIter, MemIter};
use super::builtin_function::{BuiltinFunction, ClassMethodDescr, MethodDescr};
use super::bytearray::ByteArray;
use super::bytes::{self, Bytes};
use super::cell::Cell;
use super::complex::Complex;
use super::descr::{Descr, Property, Super, Wrapper};
use super::dict::Dict;
use super::exception::{ExcObj, Traceback, HIERARCHY};
use super::float::Float;
use super::function::Function;
use super::generator::Generator;
use super::int::{self, Long, NSMALLNEGINTS};
use super::iter::{DictIter, GetItemIter, SeqIter, SetIter};
use super::list::List;
use super::memoryview::{ManagedBuffer, MemoryView};
use super::method::Method;
use super::module::Module;
use super::none::Singleton;
use super::range::{Range, RangeIter};
use super::set::Set;
use super::slice::Slice;
use super::string::{self, Str};
use super::tuple::Tuple;
use super::typeobj::slots::SlotTable;
use super::typeobj::wrapper::{self, MethodWrapper, SlotWrapper};
use super::typeobj::TypeInfo;

/// Built-in types and singletons of this thread.
pub struct Ctx {
    pub type_type: TypeRef,
    pub object_type: TypeRef,
    pub none_type: TypeRef,
    pub notimplemented_type: TypeRef,
    pub ellipsis_type: TypeRef,
    pub int_type: TypeRef,
    pub bool_type: TypeRef,
    pub float_type: TypeRef,
    /// int and float as types of their payloads: what the specialized instructions'
    /// guards read a value through (one compare of the type pointer).
    pub int_exact: ExactType<Long>,
    pub float_exact: ExactType<Float>,
    /// tuple, list and dict likewise (list and dict through `PyObj::borrow_exact`).
    pub tuple_exact: ExactType<Tuple>,
    pub list_exact: ExactType<List>,
    pub dict_exact: ExactType<Dict>,
    /// function and code likewise: what a call's frame push reads the callee through
    /// (neither type can be subclassed).
    pub function_exact: ExactType<Function>,
    pub code_exact: ExactType<Code>,
    pub tuple_type: TypeRef,
    pub list_type: TypeRef,
    pub str_type: TypeRef,
    pub dict_type: TypeRef,
    pub set_type: TypeRef,
    pub frozenset_type: TypeRef,
    pub code_type: TypeRef,
    pub cell_type: TypeRef,
    pub function_type: TypeRef,
    pub generator_type: TypeRef,
    pub method_type: TypeRef,
    pub builtin_function_type: TypeRef,
    pub method_descriptor_type: TypeRef,
    pub classmethod_descriptor_type: TypeRef,
    /// weakref.ReferenceType (its slots and methods come from builtins/weakref_mod.rs;
    /// made here so the type layer can keep weak references to subclasses).
    pub weakref_type: TypeRef,
    pub range_type: TypeRef,
    pub range_iter_type: TypeRef,
    pub slice_type: TypeRef,
    pub module_type: TypeRef,
    pub list_iter_type: TypeRef,
    pub tuple_iter_type: TypeRef,
    pub str_iter_type: TypeRef,
    pub dict_keyiter_type: TypeRef,
    pub dict_valueiter_type: TypeRef,
    pub dict_itemiter_type: TypeRef,
    pub set_iter_type: TypeRef,
    pub staticmethod_type: TypeRef,
    pub classmethod_type: TypeRef,
    pub property_type: TypeRef,
    pub member_descriptor_type: TypeRef,
    pub getset_descriptor_type: TypeRef,
    pub super_type: TypeRef,
    pub getitem_iter_type: TypeRef,
    pub traceback_type: TypeRef,
    pub bytes_type: TypeRef,
    pub bytearray_type: TypeRef,
    pub memoryview_type: TypeRef,
    /// The managed buffer between memoryviews and their exporter.
    pub managedbuffer_type: TypeRef,
    pub complex_type: TypeRef,
    /// array.array (a type of the `array` module, made with the built-in types).
    pub array_type: TypeRef,
    pub bytes_iter_type: TypeRef,
    pub bytearray_iter_type: TypeRef,
    pub memory_iter_type: TypeRef,
    pub array_iter_type: TypeRef,
    pub wrapper_descriptor_type: TypeRef,
    pub method_wrapper_type: TypeRef,
    /// The built-in exception classes, in `exception::HIERARCHY` order.
    pub exc_types: Vec<TypeRef>,
    /// The VM's marker for an empty stack slot (CPython's NULL); never seen by Python.
    pub null: PyObj,

    pub none: PyObj,
    pub not_implemented: PyObj,
    pub ellipsis: PyObj,
    pub true_: PyObj,
    pub false_: PyObj,
    /// -5..=256, indexed by value + 5: an array in the context itself, so that
    /// `int::new_i64` reaches one with a load fewer than through a Vec.
    pub small_ints: [PyObj; int::SMALL_INTS],
    pub empty_tuple: PyObj,
    pub empty_str: PyObj,
    /// chr(0)..chr(255) made at run time.
    pub latin1: Vec<PyObj>,
    pub empty_bytes: PyObj,
    /// The 256 one-byte bytes objects.
    pub byte_chars: Vec<PyObj>,
    /// sys.intern's table.
    pub(crate) interned: RefCell<super::string::InternTable>,
}

thread_local! {
    // const-initialised: an access is a TLS load and a branch, no lazy-init check.
    static CTX: std::cell::Cell<Option<&'static Ctx>> = const { std::cell::Cell::new(None) };
}

/// This thread's built-in types and singletons.
#[inline]
pub fn ctx() -> &'static Ctx {
    CTX.with(|c| match c.get() {
        Some(x) => x,
        None => init_ctx(c),
    })
}

#[cold]
fn init_ctx(cell: &std::cell::Cell<Option<&'static Ctx>>) -> &'static Ctx {
    let x: &'static Ctx = Box::leak(Box::new(Ctx::new()));
    cell.set(Some(x));
    super::string::intern_start_chars();
    x.install_slots();
    x
}

/// Room in the intern table for the names start-up interns (between 449 and 896 of
/// them: the 1024 buckets growth reached anyway), made at once instead of grown and
/// rehashed nine times on the way.
const INTERNED_AT_START: usize = 896;

fn builtin<T: Payload>(meta: &TypeRef, name: &'static str, base: &TypeRef) -> TypeRef {
    TypeRef::new::<TypeInfo, T>(meta, TypeInfo::new(Cow::Borrowed(name), Some(base.clone())))
}

/// A built-in type whose exact instances go on free lists when freed, as `T` asks
/// (float, tuple, list, dict and the one-slice cache: CPython 3.11's free lists).
fn builtin_with_free_lists<T: Payload>(
    meta: &TypeRef,
    name: &'static str,
    base: &TypeRef,
) -> TypeRef {
    let info = TypeInfo::new(Cow::Borrowed(name), Some(base.clone()));
    TypeRef::new_with_free_lists::<TypeInfo, T>(meta, info)
}

/// The built-in exception classes, each subclassing its base in HIERARCHY.
fn exception_types(meta: &TypeRef, object: &TypeRef) -> Vec<TypeRef> {
    let mut made: Vec<TypeRef> = Vec::with_capacity(HIERARCHY.len());
    for (name, base) in HIERARCHY {
        let base = HIERARCHY
            .iter()
            .position(|(n, _)| n == base)
            .map_or(object, |i| &made[i]);
        let ty = builtin::<ExcObj>(meta, name, base);
        made.push(ty);
    }
    made
}

impl Ctx {
    /// Every built-in type object of this thread.
    pub fn all_types(&self) -> impl Iterator<Item = &TypeRef> {
        [
            &self.type_type,
            &self.object_type,
            &self.none_type,
            &self.notimplemented_type,
            &self.ellipsis_type,
            &self.int_type,
            &self.bool_type,
            &self.float_type,
            &self.tuple_type,
            &self.list_type,
            &self.str_type,
            &self.dict_type,
            &self.set_type,
            &self.frozenset_type,
            &self.code_type,
            &self.cell_type,
            &self.function_type,
            &self.generator_type,
            &self.method_type,
            &self.builtin_function_type,
            &self.method_descriptor_type,
            &self.classmethod_descriptor_type,
            &self.range_type,
            &self.range_iter_type,
            &self.slice_type,
            &self.module_type,
            &self.list_iter_type,
            &self.tuple_iter_type,
            &self.str_iter_type,
            &self.dict_keyiter_type,
            &self.dict_valueiter_type,
            &self.dict_itemiter_type,
            &self.set_iter_type,
            &self.staticmethod_type,
            &self.classmethod_type,
            &self.property_type,
            &self.member_descriptor_type,
            &self.getset_descriptor_type,
            &self.super_type,
            &self.getitem_iter_type,
            &self.traceback_type,
            &self.bytes_type,
            &self.bytearray_type,
            &self.memoryview_type,
            &self.managedbuffer_type,
            &self.complex_type,
            &self.array_type,
            &self.bytes_iter_type,
            &self.bytearray_iter_type,
            &self.memory_iter_type,
            &self.array_iter_type,
            &self.wrapper_descriptor_type,
            &self.method_wrapper_type,
        ]
        .into_iter()
        .chain(&self.exc_types)
    }

    /// Give each built-in type its slots and their wrappers, base types first (run
    /// once the table exists: the wrappers are objects of its types).
    fn install_slots(&self) {
        let tables: [(&TypeRef, &SlotTable); 47] = [
            (&self.list_iter_type, &super::iter::SEQ_ITER_SLOTS),
            (&self.tuple_iter_type, &super::iter::SEQ_ITER_SLOTS),
            (&self.str_iter_type, &super::iter::SEQ_ITER_SLOTS),
            (&self.dict_keyiter_type, &super::iter::DICT_ITER_SLOTS),
            (&self.dict_valueiter_type, &super::iter::DICT_ITER_SLOTS),
            (&self.dict_itemiter_type, &super::iter::DICT_ITER_SLOTS),
            (&self.set_iter_type, &super::iter::SET_ITER_SLOTS),
            (&self.getitem_iter_type, &super::iter::GETITEM_ITER_SLOTS),
            (&self.range_iter_type, &super::range::ITER_SLOTS),
            (&self.generator_type, &super::generator::SLOTS),
            (&self.object_type, &super::object::SLOTS),
            (&self.type_type, &super::typeobj::SLOTS),
            (&self.wrapper_descriptor_type, &wrapper::DESCRIPTOR_SLOTS),
            (&self.method_wrapper_type, &wrapper::METHOD_SLOTS),
            (&self.none_type, &super::none::NONE_SLOTS),
            (
                &self.notimplemented_type,
                &super::none::NOT_IMPLEMENTED_SLOTS,
            ),
            (&self.ellipsis_type, &super::none::ELLIPSIS_SLOTS),
            (&self.int_type, &super::int::SLOTS),
            (&self.bool_type, &super::int::BOOL_SLOTS),
            (&self.float_type, &super::float::SLOTS),
            (&self.str_type, &super::string::SLOTS),
            (&self.tuple_type, &super::tuple::SLOTS),
            (&self.list_type, &super::list::SLOTS),
            (&self.dict_type, &super::dict::SLOTS),
            (&self.set_type, &super::set::SLOTS),
            (&self.frozenset_type, &super::set::FROZENSET_SLOTS),
            (&self.range_type, &super::range::SLOTS),
            (&self.slice_type, &super::slice::SLOTS),
            (&self.function_type, &super::function::SLOTS),
            (&self.method_type, &super::method::SLOTS),
            (&self.module_type, &super::module::SLOTS),
            (&self.builtin_function_type, &super::builtin_function::SLOTS),
            (
                &self.method_descriptor_type,
                &super::builtin_function::DESCR_SLOTS,
            ),
            (
                &self.classmethod_descriptor_type,
                &super::builtin_function::CLASSMETHOD_DESCR_SLOTS,
            ),
            (&self.code_type, &super::code::SLOTS),
            (&self.cell_type, &super::cell::SLOTS),
            (self.exc_type("BaseException"), &super::exception::SLOTS),
            (
                self.exc_type("UnicodeEncodeError"),
                &super::codecs::UNICODE_ERROR_SLOTS,
            ),
            (
                self.exc_type("UnicodeDecodeError"),
                &super::codecs::UNICODE_ERROR_SLOTS,
            ),
            (self.exc_type("OSError"), &super::exception::OSERROR_SLOTS),
            (
                self.exc_type("SyntaxError"),
                &super::exception::SYNTAX_ERROR_SLOTS,
            ),
            (&self.staticmethod_type, &super::descr::STATICMETHOD_SLOTS),
            (&self.classmethod_type, &super::descr::CLASSMETHOD_SLOTS),
            (&self.property_type, &super::descr::PROPERTY_SLOTS),
            (&self.member_descriptor_type, &super::descr::DESCR_SLOTS),
            (&self.getset_descriptor_type, &super::descr::DESCR_SLOTS),
            (&self.super_type, &super::descr::SUPER_SLOTS),
        ];
        let rest = self.all_types().filter(|t| !t.is(&self.object_type));
        for ty in std::iter::once(&self.object_type).chain(rest) {
            let table = tables
                .iter()
                .find(|(t, _)| t.is(ty))
                .map_or(&SlotTable::EMPTY, |(_, s)| *s);
            super::typeobj::install_builtin_slots(ty, table);
        }
        for ty in [
            &self.function_type,
            &self.method_descriptor_type,
            &self.wrapper_descriptor_type,
        ] {
            super::typeobj::set_method_descriptor(ty);
        }
    }

    /// The built-in exception class called `name`.
    pub fn exc_type(&self, name: &str) -> &TypeRef {
        let i = HIERARCHY
            .iter()
            .position(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no built-in exception {name}"));
        &self.exc_types[i]
    }

    fn new() -> Ctx {
        let type_type = TypeRef::new_metatype(TypeInfo::new(Cow::Borrowed("type"), None));
        let object_type = TypeRef::new::<TypeInfo, Singleton>(
            &type_type,
            TypeInfo::new(Cow::Borrowed("object"), None),
        );
        super::typeobj::info(&type_type).set_base(object_type.clone());
        let t = &type_type;
        let o = &object_type;
        let int_type = builtin::<Long>(t, "int", o);
        let bool_type = builtin::<Long>(t, "bool", &int_type);
        let none_type = builtin::<Singleton>(t, "NoneType", o);
        let notimplemented_type = builtin::<Singleton>(t, "NotImplementedType", o);
        let ellipsis_type = builtin::<Singleton>(t, "ellipsis", o);
        let tuple_type = builtin_with_free_lists::<Tuple>(t, "tuple", o);
        let small_ints =
            std::array::from_fn(|i| int::alloc_i64(&int_type, i as i64 - NSMALLNEGINTS));
        let str_type = builtin::<Str>(t, "str", o);
        let (empty_str, latin1) = string::make_singletons(&str_type);
        let bytes_type = builtin::<Bytes>(t, "bytes", o);
        let (empty_bytes, byte_chars) = bytes::make_singletons(&bytes_type);
        let empty_tuple =
            PyObj::new_var(&tuple_type, false, Tuple, 0, []).expect("tiny allocation");
        empty_tuple.gc_untrack(); // () is never tracked (gc.is_tracked(()) is False)
        let float_type = builtin_with_free_lists::<Float>(t, "float", o);
        let list_type = builtin_with_free_lists::<List>(t, "list", o);
        let dict_type = builtin_with_free_lists::<Dict>(t, "dict", o);
        let code_type = builtin::<Code>(t, "code", o);
        let function_type = builtin::<Function>(t, "function", o);
        Ctx {
            int_exact: ExactType::new(&int_type).expect("int holds Long"),
            float_exact: ExactType::new(&float_type).expect("float holds Float"),
            tuple_exact: ExactType::new(&tuple_type).expect("tuple holds Tuple"),
            list_exact: ExactType::new(&list_type).expect("list holds List"),
            dict_exact: ExactType::new(&dict_type).expect("dict holds Dict"),
            none: PyObj::new(&none_type, Singleton),
            not_implemented: PyObj::new(&notimplemented_type, Singleton),
            ellipsis: PyObj::new(&ellipsis_type, Singleton),
            true_: int::alloc_i64(&bool_type, 1),
            false_: int::alloc_i64(&bool_type, 0),
            small_ints,
            empty_tuple,
            empty_str,
            latin1,
            interned: RefCell::new(string::InternTable::with_capacity_and_hasher(
                INTERNED_AT_START,
                Default::default(),
            )),
            str_type,
            float_type,
            list_type,
            dict_type,
            set_type: builtin::<Set>(t, "set", o),
            frozenset_type: builtin::<Set>(t, "frozenset", o),
            code_exact: ExactType::new(&code_type).expect("code holds Code"),
            code_type,
            cell_type: builtin::<Cell>(t, "cell", o),
            function_exact: ExactType::new(&function_type).expect("function holds Function"),
            function_type,
            generator_type: builtin::<Generator>(t, "generator", o),
            method_type: builtin::<Method>(t, "method", o),
            builtin_function_type: builtin::<BuiltinFunction>(t, "builtin_function_or_method", o),
            method_descriptor_type: builtin::<MethodDescr>(t, "method_descriptor", o),
            weakref_type: builtin::<crate::heap::WeakRef>(t, "weakref.ReferenceType", o),
            classmethod_descriptor_type: builtin::<ClassMethodDescr>(
                t,
                "classmethod_descriptor",
                o,
            ),
            range_type: builtin::<Range>(t, "range", o),
            range_iter_type: builtin::<RangeIter>(t, "range_iterator", o),
            slice_type: builtin_with_free_lists::<Slice>(t, "slice", o),
            module_type: builtin::<Module>(t, "module", o),
            list_iter_type: builtin::<SeqIter>(t, "list_iterator", o),
            tuple_iter_type: builtin::<SeqIter>(t, "tuple_iterator", o),
            str_iter_type: builtin::<SeqIter>(t, "str_ascii_iterator", o),
            dict_keyiter_type: builtin::<DictIter>(t, "dict_keyiterator", o),
            dict_valueiter_type: builtin::<DictIter>(t, "dict_valueiterator", o),
            dict_itemiter_type: builtin::<DictIter>(t, "dict_itemiterator", o),
            set_iter_type: builtin::<SetIter>(t, "set_iterator", o),
            staticmethod_type: builtin::<Wrapper>(t, "staticmethod", o),
            classmethod_type: builtin::<Wrapper>(t, "classmethod", o),
            property_type: builtin::<Property>(t, "property", o),
            member_descriptor_type: builtin::<Descr>(t, "member_descriptor", o),
            getset_descriptor_type: builtin::<Descr>(t, "getset_descriptor", o),
            super_type: builtin::<Super>(t, "super", o),
            getitem_iter_type: builtin::<GetItemIter>(t, "iterator", o),
            traceback_type: builtin::<Traceback>(t, "traceback", o),
            bytearray_type: builtin::<ByteArray>(t, "bytearray", o),
            memoryview_type: builtin::<MemoryView>(t, "memoryview", o),
            managedbuffer_type: builtin::<ManagedBuffer>(t, "managedbuffer", o),
            complex_type: builtin::<Complex>(t, "complex", o),
            array_type: builtin::<Array>(t, "array.array", o),
            bytes_iter_type: builtin::<BytesIter>(t, "bytes_iterator", o),
            bytearray_iter_type: builtin::<BytesIter>(t, "bytearray_iterator", o),
            memory_iter_type: builtin::<MemIter>(t, "memory_iterator", o),
            array_iter_type: builtin::<ArrayIter>(t, "array.arrayiterator", o),
            bytes_type,
            empty_bytes,
            byte_chars,
            wrapper_descriptor_type: builtin::<SlotWrapper>(t, "wrapper_descriptor", o),
            method_wrapper_type: builtin::<MethodWrapper>(t, "method-wrapper", o),
            exc_types: exception_types(t, o),
            null: PyObj::new(&builtin::<Singleton>(t, "NULL", o), Singleton),
            int_type,
            bool_type,
            none_type,
            notimplemented_type,
            ellipsis_type,
            tuple_type,
            object_type,
            type_type,
        }
    }
}
