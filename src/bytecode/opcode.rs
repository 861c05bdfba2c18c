//! The one opcode table. Every opcode is defined here once, with its stack effect
//! written as `(before -- after)` and as a number; the compiler, the VM and the
//! disassembler all read this table.
//!
//! Notation: `arg` is the instruction's operand. `NULL` is an empty stack slot (CPython
//! 3.11's NULL, used below a callable that is not a method). `[n]` means n items.
//! Jump operands are absolute instruction indices.

/// Declares `Op`, its names, its effect strings and its stack deltas from one list.
macro_rules! opcodes {
    ($( $(#[$doc:meta])* $name:ident $effect:literal |$arg:ident| $delta:expr $(=> $base:ident)? ;)*) => {
        /// A bytecode operation.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op {
            $( $(#[$doc])* $name, )*
        }

        impl Op {
            /// Every opcode, in table order.
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// The opcode's name as the disassembler prints it.
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name),)* }
            }

            /// The stack effect in `(before -- after)` notation.
            pub fn effect(self) -> &'static str {
                match self { $(Op::$name => $effect,)* }
            }

            /// The instruction as compiled: a specialized form's family (CPython's
            /// _PyOpcode_Deopt); every other opcode is its own.
            pub fn deopt(self) -> Op {
                match self { $(Op::$name => opcodes!(@base $name $($base)?),)* }
            }

            /// Net change of the stack depth when the instruction falls through.
            #[allow(unused_variables)]
            pub fn stack_delta(self, oparg: i32) -> i32 {
                match self { $(Op::$name => { let $arg = oparg; $delta })* }
            }
        }
    };
    (@base $name:ident) => { Op::$name };
    (@base $name:ident $base:ident) => { Op::$base };
}

opcodes! {
    /// Do nothing.
    NOP "( -- )" |arg| 0;
    /// Discard the top of the stack.
    POP_TOP "(v -- )" |arg| -1;
    /// Push a copy of the arg-th item from the top (1 = top).
    COPY "(x[arg] -- x[arg] x)" |arg| 1;
    /// Swap the top with the arg-th item from the top.
    SWAP "(a ... b -- b ... a)" |arg| 0;
    /// Push consts[arg].
    LOAD_CONST "( -- consts[arg])" |arg| 1;
    /// Push local arg; UnboundLocalError if unbound.
    LOAD_FAST "( -- local)" |arg| 1;
    /// Store into local arg.
    STORE_FAST "(v -- )" |arg| -1;
    /// Unbind local arg.
    DELETE_FAST "( -- )" |arg| 0;
    /// Push the contents of cell arg (cellvars, then freevars).
    LOAD_DEREF "( -- v)" |arg| 1;
    /// Store into cell arg.
    STORE_DEREF "(v -- )" |arg| -1;
    /// Empty cell arg.
    DELETE_DEREF "( -- )" |arg| 0;
    /// Push cell arg itself (to build a closure).
    LOAD_CLOSURE "( -- cell)" |arg| 1;
    /// Class bodies: push names[cell arg's name] from the class namespace if there,
    /// else the contents of cell arg.
    LOAD_CLASSDEREF "( -- v)" |arg| 1;
    /// Push the global or builtin names[arg].
    LOAD_GLOBAL "( -- v)" |arg| 1;
    /// Store the global names[arg].
    STORE_GLOBAL "(v -- )" |arg| -1;
    /// Delete the global names[arg].
    DELETE_GLOBAL "( -- )" |arg| 0;
    /// Push names[arg] from locals, then globals, then builtins.
    LOAD_NAME "( -- v)" |arg| 1;
    /// Store names[arg] in the local namespace.
    STORE_NAME "(v -- )" |arg| -1;
    /// Delete names[arg] from the local namespace.
    DELETE_NAME "( -- )" |arg| 0;
    /// Replace obj with obj.names[arg].
    LOAD_ATTR "(obj -- v)" |arg| 0;
    /// obj.names[arg] = v.
    STORE_ATTR "(v obj -- )" |arg| -2;
    /// del obj.names[arg].
    DELETE_ATTR "(obj -- )" |arg| -1;
    /// Look up method names[arg]: pushes (meth, obj) when it is a plain method, else
    /// (NULL, attr), so that CALL needs no bound method object.
    LOAD_METHOD "(obj -- meth|NULL self|attr)" |arg| 1;
    /// Push NULL (below a callable that is not a method).
    PUSH_NULL "( -- NULL)" |arg| 1;
    /// The next CALL's last len(consts[arg]) arguments are keywords named by that tuple.
    KW_NAMES "( -- )" |arg| 0;
    /// Call with arg arguments: (NULL, f, args) calls f(args); (m, self, args) calls
    /// m(self, args).
    CALL "(NULL|meth f|self args[arg] -- result)" |arg| -1 - arg;
    /// f(*args) or, with arg & 1, f(*args, **kwargs).
    CALL_FUNCTION_EX "(NULL f args kwargs? -- result)" |arg| -2 - (arg & 1);
    /// Make a function from a code object; arg flags say which of defaults (1),
    /// keyword defaults (2), annotations (4) and a closure tuple (8) lie below it.
    MAKE_FUNCTION "(defaults? kwdefaults? annotations? closure? code -- function)"
        |arg| -((arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1));
    /// Return the top of the stack to the caller.
    RETURN_VALUE "(v -- )" |arg| -1;
    /// Apply binary operator arg (see `BinaryOp`).
    BINARY_OP "(a b -- result)" |arg| -1;
    /// -v.
    UNARY_NEGATIVE "(v -- -v)" |arg| 0;
    /// +v.
    UNARY_POSITIVE "(v -- +v)" |arg| 0;
    /// not v.
    UNARY_NOT "(v -- not v)" |arg| 0;
    /// ~v.
    UNARY_INVERT "(v -- ~v)" |arg| 0;
    /// Rich comparison arg (see `CompareOp`).
    COMPARE_OP "(a b -- result)" |arg| -1;
    /// a is b (arg 0) or a is not b (arg 1).
    IS_OP "(a b -- bool)" |arg| -1;
    /// a in b (arg 0) or a not in b (arg 1).
    CONTAINS_OP "(a b -- bool)" |arg| -1;
    /// container[key].
    BINARY_SUBSCR "(container key -- v)" |arg| -1;
    /// container[key] = v.
    STORE_SUBSCR "(v container key -- )" |arg| -3;
    /// del container[key].
    DELETE_SUBSCR "(container key -- )" |arg| -2;
    /// slice(start, stop) or, with arg 3, slice(start, stop, step).
    BUILD_SLICE "(start stop step? -- slice)" |arg| 1 - arg;
    /// A tuple of the top arg items.
    BUILD_TUPLE "(items[arg] -- tuple)" |arg| 1 - arg;
    /// A list of the top arg items.
    BUILD_LIST "(items[arg] -- list)" |arg| 1 - arg;
    /// A set of the top arg items.
    BUILD_SET "(items[arg] -- set)" |arg| 1 - arg;
    /// A dict of arg key/value pairs.
    BUILD_MAP "(kv[2*arg] -- dict)" |arg| 1 - 2 * arg;
    /// A dict of arg values with the keys of a constant tuple on top.
    BUILD_CONST_KEY_MAP "(values[arg] keys -- dict)" |arg| -arg;
    /// Concatenate arg strings (f-strings).
    BUILD_STRING "(pieces[arg] -- str)" |arg| 1 - arg;
    /// Append v to the list arg items below it (comprehensions).
    LIST_APPEND "(list ... v -- list ...)" |arg| -1;
    /// Add v to the set arg items below it.
    SET_ADD "(set ... v -- set ...)" |arg| -1;
    /// Store k: v into the dict arg items below them.
    MAP_ADD "(dict ... k v -- dict ...)" |arg| -2;
    /// list.extend(iterable) on the list arg items below.
    LIST_EXTEND "(list ... iterable -- list ...)" |arg| -1;
    /// set.update(iterable) on the set arg items below.
    SET_UPDATE "(set ... iterable -- set ...)" |arg| -1;
    /// dict.update(mapping) on the dict arg items below.
    DICT_UPDATE "(dict ... mapping -- dict ...)" |arg| -1;
    /// As DICT_UPDATE, but a repeated key is an error (`f(**a, **b)`).
    DICT_MERGE "(f ... dict ... mapping -- f ... dict ...)" |arg| -1;
    /// tuple(list).
    LIST_TO_TUPLE "(list -- tuple)" |arg| 0;
    /// format(v, spec): arg & 3 is the conversion (0 none, 1 str, 2 repr, 3 ascii),
    /// arg & 4 says a spec is on top.
    FORMAT_VALUE "(v spec? -- str)" |arg| -((arg >> 2) & 1);
    /// Unpack an iterable into exactly arg values (the first ends on top).
    UNPACK_SEQUENCE "(iterable -- values[arg])" |arg| arg - 1;
    /// Unpack with a starred target: arg & 0xff before it, arg >> 8 after.
    UNPACK_EX "(iterable -- values[before] list values[after])" |arg| (arg & 0xff) + (arg >> 8);
    /// Jump to arg.
    JUMP "( -- )" |arg| 0;
    /// Pop; jump to arg if false.
    POP_JUMP_IF_FALSE "(v -- )" |arg| -1;
    /// Pop; jump to arg if true.
    POP_JUMP_IF_TRUE "(v -- )" |arg| -1;
    /// If false, jump to arg keeping v; else pop it.
    JUMP_IF_FALSE_OR_POP "(v -- v?)" |arg| -1;
    /// If true, jump to arg keeping v; else pop it.
    JUMP_IF_TRUE_OR_POP "(v -- v?)" |arg| -1;
    /// iter(v).
    GET_ITER "(v -- iterator)" |arg| 0;
    /// Push next(iterator), or pop the iterator and jump to arg when exhausted.
    FOR_ITER "(iterator -- iterator next)" |arg| 1;
    /// Suspend the generator, handing v to whoever resumed it; resuming pushes the
    /// value sent in (None for next()).
    YIELD_VALUE "(v -- sent)" |arg| 0;
    /// iter(v) for `yield from` (a generator is its own iterator).
    GET_YIELD_FROM_ITER "(iterable -- iterator)" |arg| 0;
    /// Send `sent` into receiver (next() when None). When it yields, push what it
    /// yielded; when it returns (StopIteration), replace both with its return value
    /// and jump to arg: `(receiver sent -- retval)`.
    SEND "(receiver sent -- receiver yielded)" |arg| 0;
    /// raise (arg 0), raise exc (1), raise exc from cause (2).
    RAISE_VARARGS "(exc? cause? -- )" |arg| -arg;
    /// Entering a handler: make exc the exception being handled, keeping the previous.
    PUSH_EXC_INFO "(exc -- prev exc)" |arg| 1;
    /// Leaving a handler: restore the previously handled exception.
    POP_EXCEPT "(prev -- )" |arg| -1;
    /// Does exc match the class (or tuple of classes) on top?
    CHECK_EXC_MATCH "(exc type -- exc bool)" |arg| 0;
    /// Raise exc again, keeping its traceback.
    RERAISE "(exc -- )" |arg| -1;
    /// Enter a context manager: push its bound `__exit__`, then `__enter__()`'s result.
    BEFORE_WITH "(mgr -- exit enter_result)" |arg| 1;
    /// Handler of a with body: call exit(type(exc), exc, None) (no traceback objects).
    WITH_EXCEPT_START "(exit prev exc -- exit prev exc result)" |arg| 1;
    /// Push AssertionError.
    LOAD_ASSERTION_ERROR "( -- AssertionError)" |arg| 1;
    /// Push builtins.__build_class__ (a class statement calls it).
    LOAD_BUILD_CLASS "( -- __build_class__)" |arg| 1;
    /// import names[arg].
    IMPORT_NAME "(level fromlist -- module)" |arg| -1;
    /// Push module.names[arg] (from module import name).
    IMPORT_FROM "(module -- module v)" |arg| 1;
    /// from module import *.
    IMPORT_STAR "(module -- )" |arg| -1;
    /// Create __annotations__ in the local namespace if missing.
    SETUP_ANNOTATIONS "( -- )" |arg| 0;
    /// Interactive mode: show v with sys.displayhook (repr, unless None) and set `_`.
    PRINT_EXPR "(v -- )" |arg| -1;

    // Specialized forms (PEP 659 quickening, vm/quick.rs). Never emitted by the
    // compiler: an instruction of a warm code object rewrites itself into one of these
    // and back (`deopt` names its family). Each has its family's stack effect.

    /// LOAD_FAST, then the next instruction's LOAD_FAST.
    LOAD_FAST__LOAD_FAST "( -- local local2)" |arg| 2 => LOAD_FAST;
    /// LOAD_FAST, then the next instruction's LOAD_CONST.
    LOAD_FAST__LOAD_CONST "( -- local const)" |arg| 2 => LOAD_FAST;
    /// STORE_FAST, then the next instruction's LOAD_FAST.
    STORE_FAST__LOAD_FAST "(v -- local)" |arg| 0 => STORE_FAST;
    /// STORE_FAST, then the next instruction's STORE_FAST.
    STORE_FAST__STORE_FAST "(v v2 -- )" |arg| -2 => STORE_FAST;
    /// LOAD_CONST, then the next instruction's LOAD_FAST.
    LOAD_CONST__LOAD_FAST "( -- const local)" |arg| 2 => LOAD_CONST;
    /// An instance attribute kept in the instance's values, by its shared-keys index.
    LOAD_ATTR_INSTANCE_VALUE "(obj -- v)" |arg| 0 => LOAD_ATTR;
    /// A module attribute, by its entry in the module's dict.
    LOAD_ATTR_MODULE "(obj -- v)" |arg| 0 => LOAD_ATTR;
    /// Store an instance attribute into the instance's values.
    STORE_ATTR_INSTANCE_VALUE "(v obj -- )" |arg| -2 => STORE_ATTR;
    /// A method of the class of an instance that keeps its values (not shadowed).
    LOAD_METHOD_WITH_VALUES "(obj -- meth self)" |arg| 1 => LOAD_METHOD;
    /// A method of a type whose instances have no `__dict__`.
    LOAD_METHOD_NO_DICT "(obj -- meth self)" |arg| 1 => LOAD_METHOD;
    /// A module attribute called as a function.
    LOAD_METHOD_MODULE "(obj -- NULL v)" |arg| 1 => LOAD_METHOD;
    /// A global, by its entry in the module's dict.
    LOAD_GLOBAL_MODULE "( -- v)" |arg| 1 => LOAD_GLOBAL;
    /// A builtin, by its entry in the builtins dict.
    LOAD_GLOBAL_BUILTIN "( -- v)" |arg| 1 => LOAD_GLOBAL;
    /// int + int.
    BINARY_OP_ADD_INT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// int - int.
    BINARY_OP_SUBTRACT_INT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// int * int.
    BINARY_OP_MULTIPLY_INT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// float + float.
    BINARY_OP_ADD_FLOAT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// float - float.
    BINARY_OP_SUBTRACT_FLOAT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// float * float.
    BINARY_OP_MULTIPLY_FLOAT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// float / float (not one of CPython 3.11's).
    BINARY_OP_TRUE_DIVIDE_FLOAT "(a b -- result)" |arg| -1 => BINARY_OP;
    /// str + str.
    BINARY_OP_ADD_UNICODE "(a b -- result)" |arg| -1 => BINARY_OP;
    /// str + str stored by the STORE_FAST after it to the local that holds the left
    /// operand: the store is done here (the STORE_FAST skipped), and when the local
    /// held the string's only other reference the string is resized and the right
    /// operand appended to it (CPython 3.11's PyUnicode_Append).
    BINARY_OP_INPLACE_ADD_UNICODE "(a b -- result)" |arg| -1 => BINARY_OP;
    /// int compared with int, and the POP_JUMP_IF_* after it taken at once.
    COMPARE_OP_INT_JUMP "(a b -- bool)" |arg| -1 => COMPARE_OP;
    /// float compared with float, and the jump after it.
    COMPARE_OP_FLOAT_JUMP "(a b -- bool)" |arg| -1 => COMPARE_OP;
    /// str == or != str, and the jump after it.
    COMPARE_OP_STR_JUMP "(a b -- bool)" |arg| -1 => COMPARE_OP;
    /// list[int].
    BINARY_SUBSCR_LIST_INT "(list index -- v)" |arg| -1 => BINARY_SUBSCR;
    /// tuple[int].
    BINARY_SUBSCR_TUPLE_INT "(tuple index -- v)" |arg| -1 => BINARY_SUBSCR;
    /// dict[key].
    BINARY_SUBSCR_DICT "(dict key -- v)" |arg| -1 => BINARY_SUBSCR;
    /// list[int] = v.
    STORE_SUBSCR_LIST_INT "(v list index -- )" |arg| -3 => STORE_SUBSCR;
    /// dict[key] = v.
    STORE_SUBSCR_DICT "(v dict key -- )" |arg| -3 => STORE_SUBSCR;
    /// Unpack an exact tuple of two.
    UNPACK_SEQUENCE_TWO_TUPLE "(tuple -- v1 v0)" |arg| 1 => UNPACK_SEQUENCE;
    /// Unpack an exact tuple.
    UNPACK_SEQUENCE_TUPLE "(tuple -- values[arg])" |arg| arg - 1 => UNPACK_SEQUENCE;
    /// Unpack an exact list.
    UNPACK_SEQUENCE_LIST "(list -- values[arg])" |arg| arg - 1 => UNPACK_SEQUENCE;
    /// The next item of a list iterator.
    FOR_ITER_LIST "(iterator -- iterator next)" |arg| 1 => FOR_ITER;
    /// The next int of a range iterator.
    FOR_ITER_RANGE "(iterator -- iterator next)" |arg| 1 => FOR_ITER;
    /// Call a Python function with exactly its positional parameters.
    CALL_PY_EXACT_ARGS "(NULL|meth f|self args[arg] -- result)" |arg| -1 - arg => CALL;
    /// len(x) with the builtin len.
    CALL_NO_KW_LEN "(NULL len x -- n)" |arg| -1 - arg => CALL;
    /// isinstance(obj, cls) with the builtin isinstance.
    CALL_NO_KW_ISINSTANCE "(NULL isinstance obj cls -- bool)" |arg| -1 - arg => CALL;
    /// lst.append(x) on an exact list.
    CALL_NO_KW_LIST_APPEND "(append lst x -- None)" |arg| -1 - arg => CALL;
    /// A `__slots__` value, by its word in the instance.
    LOAD_ATTR_SLOT "(obj -- v)" |arg| 0 => LOAD_ATTR;
    /// An instance attribute in the instance's own `__dict__`, at the entry it was
    /// last found at.
    LOAD_ATTR_WITH_HINT "(obj -- v)" |arg| 0 => LOAD_ATTR;
    /// An attribute of a class that is no descriptor (or a function), by its place
    /// along the MRO (3.12's name).
    LOAD_ATTR_CLASS "(cls -- v)" |arg| 0 => LOAD_ATTR;
    /// A property whose getter is a Python function: the getter's frame is pushed
    /// (3.12's name).
    LOAD_ATTR_PROPERTY "(obj -- v)" |arg| 0 => LOAD_ATTR;
    /// Store a `__slots__` value into its word.
    STORE_ATTR_SLOT "(v obj -- )" |arg| -2 => STORE_ATTR;
    /// Store into the instance's own `__dict__` at the entry the name was found at.
    STORE_ATTR_WITH_HINT "(v obj -- )" |arg| -2 => STORE_ATTR;
    /// A method of the class of an instance whose `__dict__` is not made yet (3.12's
    /// name).
    LOAD_METHOD_LAZY_DICT "(obj -- meth self)" |arg| 1 => LOAD_METHOD;
    /// A function found on a class, called without binding.
    LOAD_METHOD_CLASS "(cls -- NULL f)" |arg| 1 => LOAD_METHOD;
    /// `__getitem__` of a class, a Python function: its frame is pushed.
    BINARY_SUBSCR_GETITEM "(container key -- v)" |arg| -1 => BINARY_SUBSCR;
    /// The next item of a tuple iterator (not one of 3.11's).
    FOR_ITER_TUPLE "(iterator -- iterator next)" |arg| 1 => FOR_ITER;
    /// Resume a generator's frame in this loop (3.12's name).
    FOR_ITER_GEN "(iterator -- iterator next)" |arg| 1 => FOR_ITER;
    /// Call a bound method of a Python function with exactly its positional
    /// parameters (3.12's name; 3.11 has PRECALL_BOUND_METHOD).
    CALL_BOUND_METHOD_EXACT_ARGS "(NULL method args[arg] -- result)" |arg| -1 - arg => CALL;
    /// A built-in function with one argument.
    CALL_NO_KW_BUILTIN_O "(NULL f x -- result)" |arg| -1 - arg => CALL;
    /// A built-in function with positional arguments.
    CALL_NO_KW_BUILTIN_FAST "(NULL f args[arg] -- result)" |arg| -1 - arg => CALL;
    /// A built-in function with keywords.
    CALL_BUILTIN_FAST_WITH_KEYWORDS "(NULL f args[arg] -- result)" |arg| -1 - arg => CALL;
    /// A built-in type's method with one argument besides self.
    CALL_NO_KW_METHOD_DESCRIPTOR_O "(meth self x -- result)" |arg| -1 - arg => CALL;
    /// A built-in type's method with positional arguments.
    CALL_NO_KW_METHOD_DESCRIPTOR_FAST "(meth self args[arg] -- result)" |arg| -1 - arg => CALL;
    /// A built-in type's method with no argument besides self.
    CALL_NO_KW_METHOD_DESCRIPTOR_NOARGS "(meth self -- result)" |arg| -1 - arg => CALL;
    /// type(x).
    CALL_NO_KW_TYPE_1 "(NULL type x -- type)" |arg| -1 - arg => CALL;
    /// str(x).
    CALL_NO_KW_STR_1 "(NULL str x -- str)" |arg| -1 - arg => CALL;
    /// tuple(x).
    CALL_NO_KW_TUPLE_1 "(NULL tuple x -- tuple)" |arg| -1 - arg => CALL;
    /// `a op b` where a's class has a Python `__op__` (glasspy's own): its frame is
    /// pushed, the operands kept below it for the reflected operand should it return
    /// NotImplemented.
    BINARY_OP_PY_DUNDER "(a b -- result)" |arg| -1 => BINARY_OP;
    /// Call a Python function with fewer positional arguments than parameters, the
    /// rest from its defaults.
    CALL_PY_WITH_DEFAULTS "(NULL|meth f|self args[arg] -- result)" |arg| -1 - arg => CALL;
    /// A class with object's `__new__` and a Python `__init__`: the instance is made
    /// and the `__init__` frame pushed (3.12's name).
    CALL_ALLOC_AND_ENTER_INIT "(NULL cls args[arg] -- instance)" |arg| -1 - arg => CALL;
    /// A built-in class (not `type`) whose constructor is native: called with the
    /// arguments on the stack, past the type's `__call__` and `__new__` look-up.
    PRECALL_BUILTIN_CLASS "(NULL cls args[arg] -- instance)" |arg| -1 - arg => CALL;
    /// A method of the class of an instance with a `__dict__` of its own (all str
    /// keys) that does not hold the name (3.11's; its guard there is the dict keys'
    /// version, here a look-up of the name).
    LOAD_METHOD_WITH_DICT "(obj -- meth self)" |arg| 1 => LOAD_METHOD;
    /// A site that met instances of several classes: per class (up to four), the
    /// monomorphic form it would have had (instance value, slot or own-dict hint),
    /// kept out of line (glasspy's own; CPython 3.11 has no polymorphic forms).
    LOAD_ATTR_POLYMORPHIC "(obj -- v)" |arg| 0 => LOAD_ATTR;
    /// STORE_ATTR met instances of several classes (glasspy's own).
    STORE_ATTR_POLYMORPHIC "(v obj -- )" |arg| -2 => STORE_ATTR;
    /// LOAD_METHOD met instances of several classes: per class, where the method is
    /// and how the instance keeps its attributes (glasspy's own).
    LOAD_METHOD_POLYMORPHIC "(obj -- meth self)" |arg| 1 => LOAD_METHOD;
}

/// Operators of BINARY_OP, as CPython 3.11 numbers them (in-place forms + 13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinaryOp {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

impl BinaryOp {
    pub const INPLACE: u32 = 13;

    /// The operator for BINARY_OP's operand (in-place forms give the plain operator).
    pub fn from_arg(arg: u32) -> BinaryOp {
        use BinaryOp::*;
        const ALL: [BinaryOp; 13] = [
            Add,
            And,
            FloorDivide,
            Lshift,
            MatrixMultiply,
            Multiply,
            Remainder,
            Or,
            Power,
            Rshift,
            Subtract,
            TrueDivide,
            Xor,
        ];
        ALL[(arg % Self::INPLACE) as usize]
    }

    /// The operator as written in Python (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "+",
            And => "&",
            FloorDivide => "//",
            Lshift => "<<",
            MatrixMultiply => "@",
            Multiply => "*",
            Remainder => "%",
            Or => "|",
            Power => "**",
            Rshift => ">>",
            Subtract => "-",
            TrueDivide => "/",
            Xor => "^",
        }
    }
}

/// Operators of COMPARE_OP, as CPython numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CompareOp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareOp {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        use CompareOp::*;
        match self {
            Lt => Gt,
            Le => Ge,
            Eq => Eq,
            Ne => Ne,
            Gt => Lt,
            Ge => Le,
        }
    }

    /// Does `a op b` hold when a compares to b as `ord` (None: unordered, as NaN)?
    #[inline(always)]
    pub fn holds(self, ord: Option<std::cmp::Ordering>) -> bool {
        CompareOp::arg_holds(self as u32, ord)
    }

    /// `holds` for the operator numbered `arg` (COMPARE_OP's argument): one table
    /// load and a shift, as CPython 3.11's COMPARE_OP_*_JUMP test their cached mask.
    #[inline(always)]
    pub fn arg_holds(arg: u32, ord: Option<std::cmp::Ordering>) -> bool {
        // The outcomes for which each operator holds, one bit each: less (bit 0),
        // equal (1), greater (2), unordered (3: a NaN).
        const MASKS: [u8; 8] = [0b0001, 0b0011, 0b0010, 0b1101, 0b0100, 0b0110, 0, 0];
        let bit = match ord {
            Some(o) => (o as i8 + 1) as u32,
            None => 3,
        };
        MASKS[(arg & 7) as usize] >> bit & 1 != 0
    }

    pub fn from_arg(arg: u32) -> CompareOp {
        use CompareOp::*;
        [Lt, Le, Eq, Ne, Gt, Ge][arg as usize % 6]
    }

    pub fn symbol(self) -> &'static str {
        use CompareOp::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }
}

/// Is arg of this opcode a jump target?
pub fn is_jump(op: Op) -> bool {
    matches!(
        op.deopt(),
        Op::JUMP
            | Op::POP_JUMP_IF_FALSE
            | Op::POP_JUMP_IF_TRUE
            | Op::JUMP_IF_FALSE_OR_POP
            | Op::JUMP_IF_TRUE_OR_POP
            | Op::FOR_ITER
            | Op::SEND
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_consistent() {
        assert_eq!(Op::ALL.len(), Op::LOAD_METHOD_POLYMORPHIC as usize + 1);
        for op in Op::ALL {
            assert_eq!(op.deopt().deopt(), op.deopt());
            if op.deopt() != *op {
                assert_eq!(op.deopt().effect().split("--").count(), 2);
            }
        }
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(*op as usize, i);
            assert!(op.effect().starts_with('(') && op.effect().contains("--"));
        }
        assert_eq!(Op::CALL.stack_delta(2), -3);
        assert_eq!(Op::BUILD_MAP.stack_delta(3), -5);
        assert_eq!(Op::MAKE_FUNCTION.stack_delta(1 | 8), -2);
        assert_eq!(Op::UNPACK_EX.stack_delta(1 | (2 << 8)), 3);
        assert_eq!(Op::BEFORE_WITH.stack_delta(0), 1);
        assert_eq!(Op::WITH_EXCEPT_START.stack_delta(0), 1);
        assert_eq!(Op::LOAD_BUILD_CLASS.stack_delta(0), 1);
        assert_eq!(Op::LOAD_CLASSDEREF.stack_delta(3), 1);
        assert_eq!(Op::SEND.stack_delta(0), 0);
        assert!(is_jump(Op::SEND));
        assert_eq!(BinaryOp::from_arg(13), BinaryOp::Add);
        assert_eq!(BinaryOp::from_arg(BinaryOp::Power as u32).symbol(), "**");
    }
}
