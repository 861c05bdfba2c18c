//! repr(), str() and ascii(): through the type's repr and str slots (each type's own
//! file says how it prints; a class's `__repr__` / `__str__` run through its slots).

use crate::heap::{PyObj, TypeRef};
use crate::objects::typeobj::slotdefs::slots_of_type;
use crate::objects::{ctx, string};

use super::super::Vm;
use crate::objects::exceptions::VmResult;

impl Vm {
    /// repr(obj) as a str object.
    pub fn repr_obj(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let s = self.repr(o)?;
        Ok(string::new(&s))
    }

    /// str(obj) as a str object (a str is returned as itself).
    pub fn str_obj(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let c = ctx();
        if o.is_type(&c.str_type) {
            return Ok(o.clone());
        }
        if let Some(i) = crate::objects::int::exact_i64(o, &c.int_exact) {
            return crate::objects::int::decimal_str(i);
        }
        let s = self.str(o)?;
        Ok(string::new(&s))
    }

    /// ascii(obj): repr with non-ASCII characters escaped.
    pub fn ascii_obj(&mut self, o: &PyObj) -> VmResult<PyObj> {
        let r = self.repr(o)?;
        Ok(string::new(&ascii_escape(&r)))
    }

    /// repr(obj) as Rust text: the type's repr slot.
    pub fn repr(&mut self, o: &PyObj) -> VmResult<String> {
        let f = slots_of_type(&o.type_obj()).repr.get();
        match f {
            Some(f) => f(self, o),
            None => Ok(crate::objects::object::default_repr(o)),
        }
    }

    /// str(obj) as Rust text: the type's str slot (object's falls back to repr).
    pub fn str(&mut self, o: &PyObj) -> VmResult<String> {
        let f = slots_of_type(&o.type_obj()).str.get();
        match f {
            Some(f) => f(self, o),
            None => self.repr(o),
        }
    }

    /// `module.qualname` of a class (just the name for built-in types).
    pub fn class_display_name(&mut self, ty: &TypeRef) -> String {
        crate::objects::object::class_display_name(ty)
    }
}

/// Escape non-ASCII characters as ascii() does.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        let c = ch as u32;
        match c {
            0..=0x7f => out.push(ch),
            0x80..=0xff => out.push_str(&format!("\\x{c:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{c:04x}")),
            _ => out.push_str(&format!("\\U{c:08x}")),
        }
    }
    out
}
