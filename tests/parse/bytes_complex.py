a = b'abc'
b = B"ABC" rb'\d+' br'\n' Rb'raw' bR"RAW"
c = b'\x00\xff\n\t\\\'\"\101\7'
d = b'''triple
quoted''' b"""more"""
e = b''
f = 1j + 2.5J + 1e3j + 0j
g = 1 + 2j, 3 - 4j, -5j
h = (b'line1'
     b'line2')
