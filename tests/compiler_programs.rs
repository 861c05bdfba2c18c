//! Whole programs mixing every supported construct: each compiles (the builder
//! re-checks every stack depth and handler depth), python3 compiles them too, and the
//! disassembly lists every code object.

use glasspy::compiler::compile_source;
use glasspy::dis::disassemble;
use glasspy::objects::code::Code;

const UNWINDING: &str = r#"
def f(xs):
    total = 0
    for x in xs:
        try:
            try:
                if x == 1:
                    continue
                if x == 2:
                    break
                if x == 3:
                    return total
            except (ValueError, TypeError) as e:
                for y in e.args:
                    if y:
                        return y
                    try:
                        break
                    finally:
                        total += 1
                continue
            except KeyError:
                return -1
            else:
                total += x
            finally:
                while total > 10:
                    total -= 1
                    if total == 7:
                        break
        except:
            raise
        finally:
            try:
                pass
            finally:
                for z in xs:
                    if z:
                        continue
    else:
        return None
    try:
        raise ValueError("x") from None
    except ValueError as err:
        try:
            return err
        finally:
            del total
    return total
"#;

const EXPRESSIONS: &str = r#"
import math
from os import path as p, sep
x: int = 3
def outer(a, /, b=2, *args, c, d=4, **kw) -> "r":
    n = 0
    def inner(q=n):
        nonlocal n
        n += q
        return [n + i for i in range(q) if i % 2 if i] + [m for m in {1: 2}]
    g = lambda *z, **w: (z, w, a, b)
    s = {a for a in args}
    dct = {k: v for k, v in kw.items() if (last := k)}
    return inner, g, s, dct, last, f"{a!r:>{b}} {c=} {d:.{n}f}"
y = outer(1, 2, 3, c=4, **{"e": 5})[0](*[1, 2], **{})
z = not (a < b <= c != d) or (a if b else c) and -x ** 2 // 3 % 4 @ m
w = [*range(3), *[1, 2]], (*y,), {**{}, 'a': 1}, {1, 2, *z}
a, (b, *c), d = 1, (2, 3, 4), 5
a[1:2, ::3] = b.c.d[e] = ~f
del a[0], b.c, (d, e)
assert x, "message"
global gg
gg = 1
"#;

#[test]
fn programs_compile_and_disassemble() {
    for (name, src) in [("unwinding", UNWINDING), ("expressions", EXPRESSIONS)] {
        let code = compile_source(src, name).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = disassemble(&code);
        let codes = text.matches("Disassembly of").count() + 1;
        let mut count = 0;
        let mut stack = vec![code.clone()];
        while let Some(c) = stack.pop() {
            count += 1;
            let cc = c.borrow::<Code>().expect("code");
            assert_eq!(cc.instrs.len(), cc.locations.len());
            assert!(cc.max_stack > 0);
            stack.extend(
                cc.consts
                    .iter()
                    .filter(|k| k.borrow::<Code>().is_ok())
                    .cloned(),
            );
        }
        assert_eq!(codes, count, "{name}: every code object is disassembled");
        assert!(text.contains("RETURN_VALUE"));
    }
}
