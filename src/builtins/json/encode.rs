//! The JSON encoder: one loop with an explicit stack of the lists and dicts being
//! written. Its checks, messages and output are CPython's (the C encoder's, or with an
//! indent the Python encoder's, whose messages differ slightly).

use std::collections::HashMap;

use super::*;
use crate::bytecode::opcode::CompareOp;
use crate::objects::dict::Dict;
use crate::objects::exceptions::value_error;
use crate::objects::list::List;
use crate::objects::numeric::float_repr;
use crate::objects::numeric::intstr::int_to_decimal;
use crate::objects::{dict, float, list, tuple};

/// The text being made: UTF-8 until a lone surrogate must be written as it is.
#[derive(Default)]
pub(super) struct Out {
    text: String,
    wide: Option<Vec<u32>>,
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Out {
    fn push_str(&mut self, s: &str) {
        match &mut self.wide {
            None => self.text.push_str(s),
            Some(w) => w.extend(s.chars().map(|c| c as u32)),
        }
    }

    fn push_cp(&mut self, c: u32) {
        if let Some(w) = &mut self.wide {
            w.push(c);
            return;
        }
        match char::from_u32(c) {
            Some(ch) => self.text.push(ch),
            None => {
                let mut w: Vec<u32> = self.text.chars().map(|c| c as u32).collect();
                w.push(c);
                self.wide = Some(w);
            }
        }
    }

    fn u_escape(&mut self, c: u32) {
        let mut b = *b"\\u0000";
        for k in 0..4 {
            b[5 - k] = HEX[((c >> (4 * k)) & 0xf) as usize];
        }
        self.push_str(std::str::from_utf8(&b).unwrap_or_default());
    }

    /// A str as a JSON string, quotes included (encode_basestring[_ascii]).
    pub(super) fn string(&mut self, v: StrView<'_>, ascii: bool) {
        self.push_str("\"");
        if let (StrView::Ascii(a), None) = (v, &self.wide) {
            // The common case: copy runs that need no escape.
            let a = crate::objects::unicode::view::ascii_text(a);
            let bytes = a.as_bytes();
            let mut start = 0;
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'"' || b == b'\\' || b < 0x20 || (ascii && b == 0x7f) {
                    self.text.push_str(&a[start..i]);
                    self.escape(b as u32, ascii);
                    start = i + 1;
                }
            }
            self.text.push_str(&a[start..]);
        } else {
            for c in v.chars() {
                self.escape(c, ascii);
            }
        }
        self.push_str("\"");
    }

    fn escape(&mut self, c: u32, ascii: bool) {
        match c {
            0x22 => self.push_str("\\\""),
            0x5c => self.push_str("\\\\"),
            0x0a => self.push_str("\\n"),
            0x0d => self.push_str("\\r"),
            0x09 => self.push_str("\\t"),
            0x08 => self.push_str("\\b"),
            0x0c => self.push_str("\\f"),
            c if c < 0x20 => self.u_escape(c),
            c if ascii && c > 0x7e => {
                if c >= 0x10000 {
                    let v = c - 0x10000;
                    self.u_escape(0xd800 | (v >> 10));
                    self.u_escape(0xdc00 | (v & 0x3ff));
                } else {
                    self.u_escape(c);
                }
            }
            c => self.push_cp(c),
        }
    }

    pub(super) fn finish(self) -> VmResult<PyObj> {
        let r = match self.wide {
            None => string::try_new(&self.text),
            Some(w) => {
                string::from_buf(&crate::objects::unicode::view::StrBuf::from_code_points(&w))
            }
        };
        r.ok_or_else(crate::objects::exceptions::memory_error)
    }
}

/// An open list or dict (or a value `default` made, whose marker goes when it is done).
enum Frame {
    Seq {
        items: Vec<PyObj>,
        next: usize,
        marker: Option<usize>,
    },
    Map {
        items: Vec<(PyObj, PyObj)>,
        next: usize,
        written: usize,
        marker: Option<usize>,
    },
    Default {
        marker: Option<usize>,
    },
}

struct Encoder {
    default: Option<PyObj>,
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    allow_nan: bool,
    ascii: bool,
    /// The containers being written (by id; holding them keeps their ids unique).
    markers: Option<HashMap<usize, PyObj>>,
    out: Out,
    /// Open lists and dicts (the indent level).
    level: usize,
    /// enter_recursive calls not yet left.
    entered: usize,
}

fn opt(o: &PyObj) -> Option<PyObj> {
    (!o.is(&ctx().none)).then(|| o.clone())
}

/// A str argument; TypeError with CPython's make_encoder() message otherwise.
fn str_of(o: &PyObj, argno: usize) -> VmResult<String> {
    string::as_str(o).map(|s| s.into_owned()).ok_or_else(|| {
        type_error(format!(
            "make_encoder() argument {argno} must be str, not {}",
            typeobj::type_name(o)
        ))
    })
}

/// `_json.encode(obj, default, indent, key_separator, item_separator, sort_keys,
/// skipkeys, allow_nan, ensure_ascii, check_circular)` -> str.
pub(super) fn encode(rt: &mut dyn Runtime, args: Args<'_>) -> VmResult<PyObj> {
    let vm = Vm::of(rt);
    let a = args.range("encode", 10, 10)?;
    let indent = match opt(&a[2]) {
        Some(i) => Some(str_of(&i, 4)?),
        None => None,
    };
    let mut e = Encoder {
        default: opt(&a[1]),
        indent,
        key_sep: str_of(&a[3], 5)?,
        item_sep: str_of(&a[4], 6)?,
        sort_keys: vm.truthy(&a[5])?,
        skipkeys: vm.truthy(&a[6])?,
        allow_nan: vm.truthy(&a[7])?,
        ascii: vm.truthy(&a[8])?,
        markers: if vm.truthy(&a[9])? {
            Some(HashMap::new())
        } else {
            None
        },
        out: Out::default(),
        level: 0,
        entered: 0,
    };
    let r = e.run(vm, a[0].clone());
    for _ in 0..e.entered {
        vm.leave_recursive();
    }
    r?;
    e.out.finish()
}

impl Encoder {
    fn enter(&mut self, vm: &mut Vm) -> VmResult<()> {
        if self.indent.is_some() {
            vm.enter_recursive(" while calling a Python object")?;
        } else {
            vm.enter_recursive(" while encoding a JSON object")?;
        }
        self.entered += 1;
        Ok(())
    }

    fn leave(&mut self, vm: &mut Vm) {
        vm.leave_recursive();
        self.entered -= 1;
    }

    fn mark(&mut self, o: &PyObj) -> VmResult<Option<usize>> {
        let Some(m) = &mut self.markers else {
            return Ok(None);
        };
        if m.insert(o.id(), o.clone()).is_some() {
            return Err(value_error("Circular reference detected"));
        }
        Ok(Some(o.id()))
    }

    fn unmark(&mut self, marker: Option<usize>) {
        if let (Some(m), Some(id)) = (&mut self.markers, marker) {
            m.remove(&id);
        }
    }

    fn newline(&mut self) {
        if let Some(ind) = &self.indent {
            let mut s = String::with_capacity(1 + ind.len() * self.level);
            s.push('\n');
            for _ in 0..self.level {
                s.push_str(ind);
            }
            self.out.push_str(&s);
        }
    }

    fn float(&mut self, v: f64, o: &PyObj) -> VmResult<String> {
        if v.is_finite() {
            return Ok(float_repr(v));
        }
        if !self.allow_nan {
            return Err(value_error(if self.indent.is_some() {
                format!(
                    "Out of range float values are not JSON compliant: {}",
                    float_repr(v)
                )
            } else {
                let _ = o;
                "Out of range float values are not JSON compliant".to_string()
            }));
        }
        Ok(if v.is_nan() {
            "NaN"
        } else if v > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    /// A dict key as the text of a JSON string's contents (None: skipped).
    fn key(&mut self, k: &PyObj) -> VmResult<Option<String>> {
        let c = ctx();
        if string::view(k).is_some() {
            return Ok(Some(String::new()));
        }
        if let Some(v) = float::value(k) {
            return self.float(v, k).map(Some);
        }
        if k.is(&c.true_) {
            return Ok(Some("true".into()));
        }
        if k.is(&c.false_) {
            return Ok(Some("false".into()));
        }
        if k.is(&c.none) {
            return Ok(Some("null".into()));
        }
        if let Some(v) = int::value(k) {
            return Ok(Some(int_to_decimal(&v).map_err(Exc::from)?));
        }
        if self.skipkeys {
            return Ok(None);
        }
        Err(type_error(format!(
            "keys must be str, int, float, bool or None, not {}",
            typeobj::type_name(k)
        )))
    }

    /// Write `o`, or open its frame; a value `default` makes for it is written in
    /// turn (a loop, not recursion: each `default` result counts one level).
    fn value(&mut self, vm: &mut Vm, o: PyObj, stack: &mut Vec<Frame>) -> VmResult<()> {
        let mut o = o;
        while let Some(new) = self.value_once(vm, o, stack)? {
            o = new;
        }
        Ok(())
    }

    /// Write `o` or open its frame; Some(replacement) when `default` was called.
    fn value_once(
        &mut self,
        vm: &mut Vm,
        o: PyObj,
        stack: &mut Vec<Frame>,
    ) -> VmResult<Option<PyObj>> {
        let c = ctx();
        if o.is(&c.none) {
            self.out.push_str("null");
        } else if o.is(&c.true_) {
            self.out.push_str("true");
        } else if o.is(&c.false_) {
            self.out.push_str("false");
        } else if let Some(v) = string::view(&o) {
            self.out.string(v, self.ascii);
        } else if let Some(v) = int::as_i64(&o) {
            self.out.push_str(&v.to_string());
        } else if let Some(v) = int::value(&o) {
            self.out.push_str(&int_to_decimal(&v).map_err(Exc::from)?);
        } else if let Some(v) = float::value(&o) {
            let s = self.float(v, &o)?;
            self.out.push_str(&s);
        } else if o.is_a::<List>() || tuple::items(&o).is_some() {
            let items = match tuple::items(&o) {
                Some(t) => t.to_vec(),
                None => list::borrow(&o).map(|l| l.0.clone()).unwrap_or_default(),
            };
            if items.is_empty() {
                self.out.push_str("[]");
                return Ok(None);
            }
            let marker = self.mark(&o)?;
            self.enter(vm)?;
            self.out.push_str("[");
            self.level += 1;
            stack.push(Frame::Seq {
                items,
                next: 0,
                marker,
            });
        } else if o.is_a::<Dict>() {
            let mut items = dict::items(&o).unwrap_or_default();
            if items.is_empty() {
                self.out.push_str("{}");
                return Ok(None);
            }
            let marker = self.mark(&o)?;
            self.enter(vm)?;
            if self.sort_keys {
                items = sorted_items(vm, items)?;
            }
            self.out.push_str("{");
            self.level += 1;
            stack.push(Frame::Map {
                items,
                next: 0,
                written: 0,
                marker,
            });
        } else {
            let marker = self.mark(&o)?;
            let Some(default) = self.default.clone() else {
                return Err(type_error(format!(
                    "Object of type {} is not JSON serializable",
                    typeobj::type_name(&o)
                )));
            };
            let new = vm.call(&default, Args::positional(&[o]))?;
            self.enter(vm)?;
            stack.push(Frame::Default { marker });
            return Ok(Some(new));
        }
        Ok(None)
    }

    fn run(&mut self, vm: &mut Vm, root: PyObj) -> VmResult<()> {
        let mut stack: Vec<Frame> = Vec::new();
        self.value(vm, root, &mut stack)?;
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(());
            };
            let next = match top {
                Frame::Seq { items, next, .. } => {
                    if *next < items.len() {
                        let first = *next == 0;
                        let item = items[*next].clone();
                        *next += 1;
                        if !first {
                            let sep = std::mem::take(&mut self.item_sep);
                            self.out.push_str(&sep);
                            self.item_sep = sep;
                        }
                        self.newline();
                        Some(item)
                    } else {
                        None
                    }
                }
                Frame::Map {
                    items,
                    next,
                    written,
                    ..
                } => {
                    let mut found = None;
                    while *next < items.len() {
                        let (k, v) = items[*next].clone();
                        *next += 1;
                        if let Some(text) = self.key(&k)? {
                            found = Some((k, text, v));
                            break;
                        }
                    }
                    match found {
                        Some((k, text, v)) => {
                            if *written > 0 {
                                let sep = std::mem::take(&mut self.item_sep);
                                self.out.push_str(&sep);
                                self.item_sep = sep;
                            }
                            *written += 1;
                            self.newline();
                            match string::view(&k) {
                                Some(view) => self.out.string(view, self.ascii),
                                None => {
                                    self.out.push_str("\"");
                                    self.out.push_str(&text);
                                    self.out.push_str("\"");
                                }
                            }
                            let sep = std::mem::take(&mut self.key_sep);
                            self.out.push_str(&sep);
                            self.key_sep = sep;
                            Some(v)
                        }
                        None => None,
                    }
                }
                Frame::Default { .. } => None,
            };
            match next {
                Some(v) => self.value(vm, v, &mut stack)?,
                None => self.close(vm, &mut stack),
            }
        }
    }

    /// Close the innermost frame.
    fn close(&mut self, vm: &mut Vm, stack: &mut Vec<Frame>) {
        let Some(f) = stack.pop() else { return };
        match f {
            Frame::Seq { marker, .. } => {
                self.level -= 1;
                self.newline();
                self.out.push_str("]");
                self.unmark(marker);
            }
            Frame::Map { marker, .. } => {
                self.level -= 1;
                self.newline();
                self.out.push_str("}");
                self.unmark(marker);
            }
            Frame::Default { marker } => self.unmark(marker),
        }
        self.leave(vm);
    }
}

/// The items sorted as Python's sorted(d.items()) sorts them (TypeError for keys
/// that do not compare).
fn sorted_items(vm: &mut Vm, mut items: Vec<(PyObj, PyObj)>) -> VmResult<Vec<(PyObj, PyObj)>> {
    // Insertion sort by key with Python's <, stopping at the first error (keys are
    // distinct, so values are never compared). Merge sort would be faster; dicts of
    // JSON documents are small.
    let mut err = None;
    let mut sorted: Vec<(PyObj, PyObj)> = Vec::with_capacity(items.len());
    for it in items.drain(..) {
        if err.is_some() {
            break;
        }
        // binary search for the insertion point
        let (mut lo, mut hi) = (0, sorted.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match vm.compare_bool(&it.0, &sorted[mid].0, CompareOp::Lt) {
                Ok(true) => hi = mid,
                Ok(false) => lo = mid + 1,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        sorted.insert(lo, it);
    }
    match err {
        Some(e) => Err(e),
        None => Ok(sorted),
    }
}
