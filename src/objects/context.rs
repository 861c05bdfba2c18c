//! The per-thread table of built-in type objects and preallocated singletons: None,
//! True, False, NotImplemented, Ellipsis, the small ints -5..=256 and the empty tuple.
//!
//! Built on first use (a few hundred small allocations, well under a millisecond) and
//! kept for the life of the thread (H7 of the heap: objects never cross threads).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;

use crate::heap::{Payload, PyObj, TypeRef};

use crate::bytecode::Code;

use super::dict::Dict;
use super::float::Float;
use super::int::{self, Long, NSMALLNEGINTS, NSMALLPOSINTS};
use super::list::List;
use super::none::Singleton;
use super::set::Set;
use super::string::{self, InternKey, Str};
use super::tuple::Tuple;
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
    pub tuple_type: TypeRef,
    pub list_type: TypeRef,
    pub str_type: TypeRef,
    pub dict_type: TypeRef,
    pub set_type: TypeRef,
    pub frozenset_type: TypeRef,
    pub code_type: TypeRef,

    pub none: PyObj,
    pub not_implemented: PyObj,
    pub ellipsis: PyObj,
    pub true_: PyObj,
    pub false_: PyObj,
    /// -5..=256, indexed by value + 5.
    pub small_ints: Vec<PyObj>,
    pub empty_tuple: PyObj,
    pub empty_str: PyObj,
    /// chr(0)..chr(255) made at run time.
    pub latin1: Vec<PyObj>,
    /// sys.intern's table.
    pub(crate) interned: RefCell<HashSet<InternKey>>,
}

thread_local! {
    static CTX: &'static Ctx = Box::leak(Box::new(Ctx::new()));
}

/// This thread's built-in types and singletons.
#[inline]
pub fn ctx() -> &'static Ctx {
    CTX.with(|c| *c)
}

fn builtin<T: Payload>(meta: &TypeRef, name: &'static str, base: &TypeRef) -> TypeRef {
    TypeRef::new::<TypeInfo, T>(
        meta,
        TypeInfo {
            name: Cow::Borrowed(name),
            base: Some(base.clone()),
        },
    )
}

impl Ctx {
    fn new() -> Ctx {
        let type_type = TypeRef::new_metatype(TypeInfo {
            name: Cow::Borrowed("type"),
            base: None,
        });
        let object_type = TypeRef::new::<TypeInfo, Singleton>(
            &type_type,
            TypeInfo {
                name: Cow::Borrowed("object"),
                base: None,
            },
        );
        let t = &type_type;
        let o = &object_type;
        let int_type = builtin::<Long>(t, "int", o);
        let bool_type = builtin::<Long>(t, "bool", &int_type);
        let none_type = builtin::<Singleton>(t, "NoneType", o);
        let notimplemented_type = builtin::<Singleton>(t, "NotImplementedType", o);
        let ellipsis_type = builtin::<Singleton>(t, "ellipsis", o);
        let tuple_type = builtin::<Tuple>(t, "tuple", o);
        let small_ints = (-NSMALLNEGINTS..NSMALLPOSINTS)
            .map(|v| int::alloc_i64(&int_type, v))
            .collect();
        let str_type = builtin::<Str>(t, "str", o);
        let (empty_str, latin1) = string::make_singletons(&str_type);
        let empty_tuple =
            PyObj::new_var(&tuple_type, false, Tuple, 0, []).expect("tiny allocation");
        empty_tuple.gc_untrack(); // () is never tracked (gc.is_tracked(()) is False)
        Ctx {
            none: PyObj::new(&none_type, Singleton),
            not_implemented: PyObj::new(&notimplemented_type, Singleton),
            ellipsis: PyObj::new(&ellipsis_type, Singleton),
            true_: int::alloc_i64(&bool_type, 1),
            false_: int::alloc_i64(&bool_type, 0),
            small_ints,
            empty_tuple,
            empty_str,
            latin1,
            interned: RefCell::new(HashSet::new()),
            str_type,
            float_type: builtin::<Float>(t, "float", o),
            list_type: builtin::<List>(t, "list", o),
            dict_type: builtin::<Dict>(t, "dict", o),
            set_type: builtin::<Set>(t, "set", o),
            frozenset_type: builtin::<Set>(t, "frozenset", o),
            code_type: builtin::<Code>(t, "code", o),
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
