"""Packing and unpacking of C structs as bytes (glasspy's struct: the work is done by
the built-in module _struct)."""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack', 'Struct', 'error',
]

from _struct import *
from _struct import _clearcache
