# Prints the code points of every Unicode decimal digit zero known to python3 (3.11,
# Unicode 14): each starts a run of ten digits 0..9. Source of DECIMAL_ZEROS in
# src/objects/numeric/pystr.rs. Also checks that every decimal digit lies in such a run
# and that non-ASCII whitespace (str.isspace) matches Rust's char::is_whitespace list.
import unicodedata, sys
zeros = [c for c in range(128, sys.maxunicode + 1) if unicodedata.decimal(chr(c), -1) == 0]
for c in range(128, sys.maxunicode + 1):
    d = unicodedata.decimal(chr(c), -1)
    if d >= 0:
        assert c - d in zeros, hex(c)
print(", ".join(hex(z) for z in zeros))
print([hex(c) for c in range(128, sys.maxunicode + 1) if chr(c).isspace()])
