//! The slot table every type object carries (CPython's PyTypeObject slots, with the
//! tp_as_number / tp_as_sequence / tp_as_mapping tables flattened into one).
//!
//! A built-in type fills the slots of its behaviour in its own file (a `SlotTable`
//! constant) and inherits the rest from its base, as PyType_Ready does. A class gets
//! its slots from its MRO (slotdefs.rs): a slot whose special methods all resolve to
//! one built-in type's slot wrapper takes that built-in function itself (so a `list`
//! subclass that overrides nothing runs list's code); a slot with a method written in
//! Python gets the generic function that calls it (class_slots.rs). Operations
//! dispatch through these slots (vm/ops, CPython's abstract.c).
//!
//! Every slot function takes the running interpreter first (`&mut dyn Runtime`).

use std::cell::Cell;

use crate::bytecode::opcode::{BinaryOp, CompareOp};
use crate::heap::{PyObj, TypeRef};
use crate::objects::args::Args;
use crate::objects::exceptions::VmResult;
use crate::objects::runtime::Runtime;

/// repr / str: the text (CPython's slots return a str object).
pub type TextFn = fn(&mut dyn Runtime, &PyObj) -> VmResult<String>;
/// tp_hash.
pub type HashFn = fn(&mut dyn Runtime, &PyObj) -> VmResult<i64>;
/// tp_richcompare: a result object, or NotImplemented.
pub type RichCmpFn = fn(&mut dyn Runtime, &PyObj, &PyObj, CompareOp) -> VmResult<PyObj>;
/// Unary slots (tp_iter, nb_negative, nb_index, ...).
pub type UnaryFn = fn(&mut dyn Runtime, &PyObj) -> VmResult<PyObj>;
/// Binary slots (nb_add, sq_concat, mp_subscript, ...). A number slot is called with
/// the operands in their order, whichever of them owns the slot, and answers
/// NotImplemented for operands it does not handle.
pub type BinaryFn = fn(&mut dyn Runtime, &PyObj, &PyObj) -> VmResult<PyObj>;
/// nb_power / nb_inplace_power: base, exponent, modulus (None when absent).
pub type TernaryFn = fn(&mut dyn Runtime, &PyObj, &PyObj, &PyObj) -> VmResult<PyObj>;
/// tp_iternext: the next item, None when exhausted.
pub type NextFn = fn(&mut dyn Runtime, &PyObj) -> VmResult<Option<PyObj>>;
/// nb_bool.
pub type InquiryFn = fn(&mut dyn Runtime, &PyObj) -> VmResult<bool>;
/// sq_length / mp_length.
pub type LenFn = fn(&mut dyn Runtime, &PyObj) -> VmResult<usize>;
/// sq_repeat: the sequence repeated `n` times (n may be negative: empty).
pub type RepeatFn = fn(&mut dyn Runtime, &PyObj, i64) -> VmResult<PyObj>;
/// sq_contains.
pub type ContainsFn = fn(&mut dyn Runtime, &PyObj, &PyObj) -> VmResult<bool>;
/// mp_ass_subscript: set (Some) or delete (None) an item.
pub type AssSubFn = fn(&mut dyn Runtime, &PyObj, &PyObj, Option<PyObj>) -> VmResult<()>;
/// tp_getattro: the attribute, or an AttributeError.
pub type GetattrFn = fn(&mut dyn Runtime, &PyObj, &PyObj) -> VmResult<PyObj>;
/// tp_setattro: set (Some) or delete (None).
pub type SetattrFn = fn(&mut dyn Runtime, &PyObj, &PyObj, Option<PyObj>) -> VmResult<()>;
/// tp_descr_get: the descriptor, the instance (None when looked up on the class) and
/// the class.
pub type DescrGetFn = fn(&mut dyn Runtime, &PyObj, Option<&PyObj>, &TypeRef) -> VmResult<PyObj>;
/// tp_descr_set: the descriptor, the instance, the value (None: delete).
pub type DescrSetFn = fn(&mut dyn Runtime, &PyObj, &PyObj, Option<PyObj>) -> VmResult<()>;
/// tp_call.
pub type CallFn = fn(&mut dyn Runtime, &PyObj, Args<'_>) -> VmResult<PyObj>;
/// tp_init.
pub type InitFn = fn(&mut dyn Runtime, &PyObj, Args<'_>) -> VmResult<()>;

/// A slot function of any kind (what a slot wrapper holds).
#[derive(Clone, Copy)]
pub enum AnySlot {
    Text(TextFn),
    Hash(HashFn),
    RichCmp(RichCmpFn),
    Unary(UnaryFn),
    Binary(BinaryFn),
    Ternary(TernaryFn),
    Next(NextFn),
    Inquiry(InquiryFn),
    Len(LenFn),
    Repeat(RepeatFn),
    Contains(ContainsFn),
    AssSub(AssSubFn),
    Getattr(GetattrFn),
    Setattr(SetattrFn),
    DescrGet(DescrGetFn),
    DescrSet(DescrSetFn),
    Call(CallFn),
    Init(InitFn),
}

impl AnySlot {
    /// The function's address, to tell whether two slots hold the same function.
    pub fn addr(self) -> usize {
        match self {
            AnySlot::Text(f) => f as usize,
            AnySlot::Hash(f) => f as usize,
            AnySlot::RichCmp(f) => f as usize,
            AnySlot::Unary(f) => f as usize,
            AnySlot::Binary(f) => f as usize,
            AnySlot::Ternary(f) => f as usize,
            AnySlot::Next(f) => f as usize,
            AnySlot::Inquiry(f) => f as usize,
            AnySlot::Len(f) => f as usize,
            AnySlot::Repeat(f) => f as usize,
            AnySlot::Contains(f) => f as usize,
            AnySlot::AssSub(f) => f as usize,
            AnySlot::Getattr(f) => f as usize,
            AnySlot::Setattr(f) => f as usize,
            AnySlot::DescrGet(f) => f as usize,
            AnySlot::DescrSet(f) => f as usize,
            AnySlot::Call(f) => f as usize,
            AnySlot::Init(f) => f as usize,
        }
    }
}

macro_rules! slot_tables {
    ($($(#[$doc:meta])* $field:ident : $fty:ty => $variant:ident,)*) => {
        /// The slots a type fills, as a constant (built-in types write one in their
        /// own file; unset slots are inherited from the base).
        #[derive(Clone, Copy)]
        pub struct SlotTable {
            $($(#[$doc])* pub $field: Option<$fty>,)*
        }

        impl SlotTable {
            /// No slot filled.
            pub const EMPTY: SlotTable = SlotTable { $($field: None,)* };

            /// Is no slot filled?
            pub fn is_empty(&self) -> bool {
                true $(&& self.$field.is_none())*
            }
        }

        /// A type's slots. Cells: a class's slots change when a special method is
        /// assigned to it or to a base after it was made (slotdefs.rs).
        #[derive(Default)]
        pub struct Slots {
            $($(#[$doc])* pub $field: Cell<Option<$fty>>,)*
        }

        /// Names each slot.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum SlotId {
            $($field,)*
        }

        impl SlotId {
            /// Every slot.
            pub const ALL: &'static [SlotId] = &[$(SlotId::$field,)*];
        }

        impl Slots {
            /// Slots set from a table.
            pub fn from_table(t: &SlotTable) -> Slots {
                Slots { $($field: Cell::new(t.$field),)* }
            }

            /// Set every slot from a table.
            pub fn set_all(&self, t: &SlotTable) {
                $(self.$field.set(t.$field);)*
            }

            /// Fill every unset slot from `base` (PyType_Ready's inherit_slots).
            pub fn inherit(&self, base: &Slots) {
                $(if self.$field.get().is_none() {
                    self.$field.set(base.$field.get());
                })*
            }

            /// The function in slot `id`.
            pub fn get(&self, id: SlotId) -> Option<AnySlot> {
                match id {
                    $(SlotId::$field => self.$field.get().map(AnySlot::$variant),)*
                }
            }

            /// Put `f` (which must be of the slot's kind; anything else empties it)
            /// in slot `id`.
            pub fn set(&self, id: SlotId, f: Option<AnySlot>) {
                match id {
                    $(SlotId::$field => self.$field.set(match f {
                        Some(AnySlot::$variant(g)) => Some(g),
                        _ => None,
                    }),)*
                }
            }
        }

        impl SlotTable {
            /// The function in slot `id`.
            pub fn get(&self, id: SlotId) -> Option<AnySlot> {
                match id {
                    $(SlotId::$field => self.$field.map(AnySlot::$variant),)*
                }
            }

            /// Put `f` (of the slot's kind) in slot `id`.
            pub fn set(&mut self, id: SlotId, f: Option<AnySlot>) {
                match id {
                    $(SlotId::$field => self.$field = match f {
                        Some(AnySlot::$variant(g)) => Some(g),
                        _ => None,
                    },)*
                }
            }
        }
    };
}

slot_tables! {
    /// tp_repr.
    repr: TextFn => Text,
    /// tp_str.
    str: TextFn => Text,
    /// tp_hash.
    hash: HashFn => Hash,
    /// tp_richcompare.
    richcompare: RichCmpFn => RichCmp,
    /// tp_iter.
    iter: UnaryFn => Unary,
    /// tp_iternext.
    iternext: NextFn => Next,
    /// tp_getattro.
    getattro: GetattrFn => Getattr,
    /// tp_setattro.
    setattro: SetattrFn => Setattr,
    /// tp_descr_get.
    descr_get: DescrGetFn => DescrGet,
    /// tp_descr_set.
    descr_set: DescrSetFn => DescrSet,
    /// tp_call.
    call: CallFn => Call,
    /// tp_init.
    init: InitFn => Init,
    add: BinaryFn => Binary,
    subtract: BinaryFn => Binary,
    multiply: BinaryFn => Binary,
    matrix_multiply: BinaryFn => Binary,
    true_divide: BinaryFn => Binary,
    floor_divide: BinaryFn => Binary,
    remainder: BinaryFn => Binary,
    divmod: BinaryFn => Binary,
    power: TernaryFn => Ternary,
    lshift: BinaryFn => Binary,
    rshift: BinaryFn => Binary,
    and: BinaryFn => Binary,
    or: BinaryFn => Binary,
    xor: BinaryFn => Binary,
    inplace_add: BinaryFn => Binary,
    inplace_subtract: BinaryFn => Binary,
    inplace_multiply: BinaryFn => Binary,
    inplace_matrix_multiply: BinaryFn => Binary,
    inplace_true_divide: BinaryFn => Binary,
    inplace_floor_divide: BinaryFn => Binary,
    inplace_remainder: BinaryFn => Binary,
    inplace_power: TernaryFn => Ternary,
    inplace_lshift: BinaryFn => Binary,
    inplace_rshift: BinaryFn => Binary,
    inplace_and: BinaryFn => Binary,
    inplace_or: BinaryFn => Binary,
    inplace_xor: BinaryFn => Binary,
    negative: UnaryFn => Unary,
    positive: UnaryFn => Unary,
    absolute: UnaryFn => Unary,
    invert: UnaryFn => Unary,
    /// nb_bool.
    bool: InquiryFn => Inquiry,
    /// nb_int.
    int: UnaryFn => Unary,
    /// nb_float.
    float: UnaryFn => Unary,
    /// nb_index.
    index: UnaryFn => Unary,
    /// sq_length / mp_length.
    length: LenFn => Len,
    /// sq_concat: `+` of two sequences, tried after the number slots.
    concat: BinaryFn => Binary,
    /// sq_repeat.
    repeat: RepeatFn => Repeat,
    /// sq_inplace_concat.
    inplace_concat: BinaryFn => Binary,
    /// sq_inplace_repeat.
    inplace_repeat: RepeatFn => Repeat,
    /// sq_contains.
    contains: ContainsFn => Contains,
    /// mp_subscript.
    subscript: BinaryFn => Binary,
    /// mp_ass_subscript.
    ass_subscript: AssSubFn => AssSub,
}

impl Slots {
    /// The number slot of a binary operator (`inplace` for `a op= b`), and of `**`.
    pub fn binary(&self, op: BinaryOp, inplace: bool) -> Option<BinaryFn> {
        use BinaryOp::*;
        let cell = match (op, inplace) {
            (Add, false) => &self.add,
            (Subtract, false) => &self.subtract,
            (Multiply, false) => &self.multiply,
            (MatrixMultiply, false) => &self.matrix_multiply,
            (TrueDivide, false) => &self.true_divide,
            (FloorDivide, false) => &self.floor_divide,
            (Remainder, false) => &self.remainder,
            (Lshift, false) => &self.lshift,
            (Rshift, false) => &self.rshift,
            (And, false) => &self.and,
            (Or, false) => &self.or,
            (Xor, false) => &self.xor,
            (Add, true) => &self.inplace_add,
            (Subtract, true) => &self.inplace_subtract,
            (Multiply, true) => &self.inplace_multiply,
            (MatrixMultiply, true) => &self.inplace_matrix_multiply,
            (TrueDivide, true) => &self.inplace_true_divide,
            (FloorDivide, true) => &self.inplace_floor_divide,
            (Remainder, true) => &self.inplace_remainder,
            (Lshift, true) => &self.inplace_lshift,
            (Rshift, true) => &self.inplace_rshift,
            (And, true) => &self.inplace_and,
            (Or, true) => &self.inplace_or,
            (Xor, true) => &self.inplace_xor,
            (Power, _) => return None,
        };
        cell.get()
    }

    /// nb_power or nb_inplace_power.
    pub fn power(&self, inplace: bool) -> Option<TernaryFn> {
        if inplace {
            self.inplace_power.get()
        } else {
            self.power.get()
        }
    }
}
