# The special methods of the new types are slot wrappers made from their slot tables.
from array import array
print(b'a'.__add__(b'b'), bytes.__len__(b'abc'), bytearray(b'x').__iadd__(b'y'), (1j).__add__(1), complex.__mul__(2j, 2), b'x'.__hash__() == hash(b'x'))
a = array('b', [1]); print(a.__iadd__(array('b', [2])), a.__len__(), memoryview(b'ab').__len__(), b'ab'.__contains__(97), b'ab'.__getitem__(0))
print((5).__repr__(), b'abc'.__len__(), (1j).__neg__(), bytearray(b'a').__mul__(3))
print(sorted(n for n in dir(bytes) if n.startswith('__') and n in ('__add__', '__mul__', '__rmul__', '__mod__', '__rmod__', '__len__', '__getitem__', '__iter__', '__contains__', '__hash__', '__eq__', '__lt__', '__repr__')))
print(sorted(n for n in dir(bytearray) if n in ('__iadd__', '__imul__', '__setitem__', '__delitem__', '__hash__')), bytearray.__hash__)
print(sorted(n for n in dir(complex) if n in ('__add__', '__radd__', '__pow__', '__rpow__', '__neg__', '__abs__', '__bool__', '__truediv__', '__floordiv__', '__mod__')))
print(type(bytes.__add__).__name__, type(b''.__add__).__name__, complex.__radd__(1j, 2), complex.__rpow__(2j, 2))
