//! The `__text_signature__` and `__doc__` python3 shows for each slot wrapper
//! (`int.__add__.__doc__` is "Return self+value."): the texts are what python3
//! prints, laid out here as a table by name.

use super::slots::SlotId;

/// `(self, value)` operators: the doc of `__x__` is "Return self<op>value." and of
/// `__rx__` "Return value<op>self.".
const BINARY: &[(&str, &str)] = &[
    ("add", "+"),
    ("sub", "-"),
    ("mul", "*"),
    ("mod", "%"),
    ("lshift", "<<"),
    ("rshift", ">>"),
    ("and", "&"),
    ("xor", "^"),
    ("or", "|"),
    ("floordiv", "//"),
    ("truediv", "/"),
    ("matmul", "@"),
];

/// Rich comparisons: "Return self<op>value.".
const COMPARE: &[(&str, &str)] = &[
    ("lt", "<"),
    ("le", "<="),
    ("eq", "=="),
    ("ne", "!="),
    ("gt", ">"),
    ("ge", ">="),
];

/// Everything else: name, signature, doc.
const OTHER: &[(&str, &str, &str)] = &[
    ("__repr__", "($self, /)", "Return repr(self)."),
    ("__str__", "($self, /)", "Return str(self)."),
    ("__hash__", "($self, /)", "Return hash(self)."),
    ("__iter__", "($self, /)", "Implement iter(self)."),
    ("__next__", "($self, /)", "Implement next(self)."),
    ("__len__", "($self, /)", "Return len(self)."),
    ("__neg__", "($self, /)", "-self"),
    ("__pos__", "($self, /)", "+self"),
    ("__abs__", "($self, /)", "abs(self)"),
    ("__bool__", "($self, /)", "True if self else False"),
    ("__invert__", "($self, /)", "~self"),
    ("__int__", "($self, /)", "int(self)"),
    ("__float__", "($self, /)", "float(self)"),
    (
        "__index__",
        "($self, /)",
        "Return self converted to an integer, if self is suitable for use as an index into a list.",
    ),
    (
        "__divmod__",
        "($self, value, /)",
        "Return divmod(self, value).",
    ),
    (
        "__rdivmod__",
        "($self, value, /)",
        "Return divmod(value, self).",
    ),
    (
        "__pow__",
        "($self, value, mod=None, /)",
        "Return pow(self, value, mod).",
    ),
    (
        "__rpow__",
        "($self, value, mod=None, /)",
        "Return pow(value, self, mod).",
    ),
    ("__ipow__", "($self, value, /)", "Return self**=value."),
    (
        "__getattribute__",
        "($self, name, /)",
        "Return getattr(self, name).",
    ),
    (
        "__setattr__",
        "($self, name, value, /)",
        "Implement setattr(self, name, value).",
    ),
    (
        "__delattr__",
        "($self, name, /)",
        "Implement delattr(self, name).",
    ),
    (
        "__call__",
        "($self, /, *args, **kwargs)",
        "Call self as a function.",
    ),
    (
        "__init__",
        "($self, /, *args, **kwargs)",
        "Initialize self.  See help(type(self)) for accurate signature.",
    ),
    (
        "__get__",
        "($self, instance, owner=None, /)",
        "Return an attribute of instance, which is of type owner.",
    ),
    (
        "__set__",
        "($self, instance, value, /)",
        "Set an attribute of instance to value.",
    ),
    (
        "__delete__",
        "($self, instance, /)",
        "Delete an attribute of instance.",
    ),
    ("__getitem__", "($self, key, /)", "Return self[key]."),
    (
        "__setitem__",
        "($self, key, value, /)",
        "Set self[key] to value.",
    ),
    ("__delitem__", "($self, key, /)", "Delete self[key]."),
    ("__contains__", "($self, key, /)", "Return key in self."),
];

/// The signature and doc of the slot wrapper `name` of slot `slot`.
pub fn slot_doc(name: &str, slot: SlotId) -> Option<(&'static str, String)> {
    const VALUE: &str = "($self, value, /)";
    // The sequence forms of += and *= say "Implement"; the number forms "Return".
    match (name, slot) {
        ("__iadd__", SlotId::inplace_concat) => {
            return Some((VALUE, "Implement self+=value.".into()))
        }
        ("__imul__", SlotId::inplace_repeat) => {
            return Some((VALUE, "Implement self*=value.".into()))
        }
        _ => {}
    }
    if let Some((_, sig, doc)) = OTHER.iter().find(|(n, _, _)| *n == name) {
        return Some((sig, (*doc).into()));
    }
    let bare = name.strip_prefix("__")?.strip_suffix("__")?;
    if let Some((_, op)) = COMPARE.iter().find(|(n, _)| *n == bare) {
        return Some((VALUE, format!("Return self{op}value.")));
    }
    if let Some((_, op)) = BINARY.iter().find(|(n, _)| *n == bare) {
        return Some((VALUE, format!("Return self{op}value.")));
    }
    if let Some(b) = bare.strip_prefix('r') {
        if let Some((_, op)) = BINARY.iter().find(|(n, _)| *n == b) {
            return Some((VALUE, format!("Return value{op}self.")));
        }
    }
    if let Some(b) = bare.strip_prefix('i') {
        if let Some((_, op)) = BINARY.iter().find(|(n, _)| *n == b) {
            return Some((VALUE, format!("Return self{op}=value.")));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_by_name() {
        let d = |n, s| slot_doc(n, s).map(|(sig, doc)| format!("{sig} {doc}"));
        assert_eq!(
            d("__add__", SlotId::add).as_deref(),
            Some("($self, value, /) Return self+value.")
        );
        assert_eq!(
            d("__rsub__", SlotId::subtract).as_deref(),
            Some("($self, value, /) Return value-self.")
        );
        assert_eq!(
            d("__ixor__", SlotId::inplace_xor).as_deref(),
            Some("($self, value, /) Return self^=value.")
        );
        assert_eq!(
            d("__iadd__", SlotId::inplace_concat).as_deref(),
            Some("($self, value, /) Implement self+=value.")
        );
        assert_eq!(
            d("__le__", SlotId::richcompare).as_deref(),
            Some("($self, value, /) Return self<=value.")
        );
        assert_eq!(
            d("__len__", SlotId::length).as_deref(),
            Some("($self, /) Return len(self).")
        );
        assert_eq!(
            d("__rand__", SlotId::and).as_deref(),
            Some("($self, value, /) Return value&self.")
        );
    }
}
