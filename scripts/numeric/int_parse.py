# Regenerates src/objects/numeric/testdata/int_parse.in from python3 3.11:
# (text, base, str(int(text, base)) or "Kind: message").
import os, sys
sys.path.insert(0, os.path.dirname(__file__))
from rustfloat import rs

texts = ['0', '-0', '+7', '  42  ', '\t-17\n', '1_000', '1__0', '_1', '1_', '+_1', '0x1f', '0X1F',
         '-0x1f', '0x_1f', '0x__1f', '0x', '0b101', '0B1_0', '0o17', '0O_7', '010', '00', '0_0', '0_b1',
         '0b', '9' * 19, '9' * 20, '-9223372036854775808', '9223372036854775808',
         '123456789012345678901234567890', 'z', 'Z', 'zz', '', ' ', '  -  1', '1 2', '1\x00',
         '\x1c1', '\u0661\u0662', '\uff11\uff12', '1\xa0', '\u20001', '\u3000-7\u3000', '1\xe9',
         '\U0001d7ff', '1' * 250 + 'x', "it's", '0x1g', '12abc', 'abc', '-', '+', '٣_٣']
bases = [10, 0, 2, 8, 16, 36, 7, 1, 37, -1]
print("[")
for t in texts:
    for b in bases:
        try:
            r = str(int(t, b))
        except Exception as e:
            r = f"{type(e).__name__}: {e}"
        print(f"    ({rs(t)}, {b}, {rs(r)}),")
print("]")
