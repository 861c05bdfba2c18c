# Regenerates src/objects/numeric/testdata/float_parse.in from python3 3.11:
# (text, bits of float(text) as decimal text, 'nan', or the error message).
import os, struct, sys
sys.path.insert(0, os.path.dirname(__file__))
from rustfloat import rs

texts = ['1.5', ' 1.5 ', '1_0.5', '1_.5', '1._5', '1__0', '_1', '1_', '1e1_0', '1_e5', 'inf', '-Infinity',
         '+nAn', 'infinit', 'in_f', '1e', '.e1', '.5', '5.', '1.e5', '+.5', '-', '', ' ', '0x10', '1e500',
         '-1e500', '1e-500', '\u0661.\u0662', '1.5\xa0', '\u30001', 'nan ', ' -inf', 'iNfInItY', '+-1',
         '1d5', '1.5f', '\u0661_\u0662', '1 0', '0_0.0_0e0_0', '1e+5', '1E-5', '00012', 'infinityx',
         '1.5\x00', '\x1c1.5', '-0', '-0.0', '0.1', '2.2250738585072011e-308', '4.9e-324', '2.4e-324',
         '2.5e-324', '1.7976931348623157e308', '1.7976931348623158e308', '1.7976931348623159e308',
         '9007199254740993', '123456789012345678901234567890', '0.' + '0' * 400 + '1', "it's", '1.5é',
         '.', 'e5', '+', '1e5.5', '1..5', '-.5e-3', '\t\n1\r\x0b\x0c']
print("[")
for t in texts:
    try:
        f = float(t)
        r = 'nan' if f != f else str(struct.unpack('<Q', struct.pack('<d', f))[0])
    except ValueError as e:
        r = str(e)
    print(f'    ({rs(t)}, {rs(r)}),')
print("]")
