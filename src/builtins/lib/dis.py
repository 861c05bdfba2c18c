"""Disassembly of glasspy's bytecode.

glasspy compiles to its own instruction set (close to CPython 3.11's, without
RESUME, PRECALL or CACHE entries, and with instruction indices as offsets), so the
listings differ from python3's in their details; what the functions take and
return follows the Python documentation. With adaptive=True the instructions are
shown as they run now: a function that has run a few times shows the specialized
forms the interpreter rewrote them into (BINARY_OP_ADD_FLOAT,
LOAD_ATTR_INSTANCE_VALUE, ...).
"""

import sys as _sys
import _dis
from collections import namedtuple as _namedtuple

__all__ = ["dis", "disassemble", "get_instructions", "Instruction", "opname",
           "opmap"]

Instruction = _namedtuple(
    "Instruction",
    "opname opcode arg argval argrepr offset starts_line is_jump_target",
)

opname = _dis.opnames()
opmap = {name: number for number, name in enumerate(opname)}


def _find_code(x):
    """The code object behind x (a function, method, generator, code or source)."""
    if x is None:
        raise TypeError("dis() without an argument needs a traceback (not supported)")
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "gi_code"):
        x = x.gi_code
    if hasattr(x, "__code__"):
        x = x.__code__
    if isinstance(x, str):
        x = compile(x, "<dis>", "exec")
    if isinstance(x, (bytes, bytearray)):
        raise TypeError("glasspy's dis cannot read raw bytecode")
    if type(x).__name__ != "code":
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)
    return x


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator of the Instructions of x's code (not of nested code objects)."""
    code = _find_code(x)
    shift = 0 if first_line is None else first_line - code.co_firstlineno
    rows = _dis.instructions(code, bool(adaptive))
    for name, number, arg, argval, argrepr, offset, line, target in rows:
        if line is not None:
            line += shift
        yield Instruction(name, number, arg, argval, argrepr, offset, line, target)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Print the disassembly of one code object and the code objects in it."""
    text = _dis.disassemble(co, bool(adaptive))
    print(text, end="", file=file if file is not None else _sys.stdout)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Print the disassembly of a function, method, class, code object or source."""
    if isinstance(x, type):
        for name, value in sorted(vars(x).items()):
            if hasattr(value, "__code__") or hasattr(value, "__func__"):
                print("Disassembly of %s:" % name, file=file)
                disassemble(_find_code(value), file=file, adaptive=adaptive)
                print(file=file)
        return
    disassemble(_find_code(x), file=file, adaptive=adaptive)

