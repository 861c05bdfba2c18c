#!/usr/bin/env python3
"""Regenerates the front end's expected test files with python3 (CPython 3.11).

  tests/parse/*.py          -> checks each with compile() (must be valid) and writes
                               NAME.dump: the AST in src/parser/dump.rs's format.
  tests/syntax_errors/*.py  -> written from CASES below; runs `python3 NAME.py` and writes
                               NAME.expected: "Kind lineno offset end_lineno end_offset"
                               then the exact stderr, the directory shown as <dir>.
Run: python3 scripts/regen_syntax_errors.py   (CI never runs it).
"""
import ast, json, os, struct, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PARSE = os.path.join(ROOT, "tests", "parse")
ERRS = os.path.join(ROOT, "tests", "syntax_errors")

# name -> source. The first block mirrors reference/errors.txt PART B (syntax-only cases).
CASES = {
    "unclosed_paren": "x = (1,\n",
    "unclosed_paren_more_lines": "x = (1,\ny = 2\nz = 3\n",
    "def_f_colon": "def f(:\n    pass\n",
    "incomplete_expression": "x = 1 +\n",
    "missing_colon": "if True\n    pass\n",
    "assign_in_if": "if x = 1:\n    pass\n",
    "print_statement": "print 'hello'\n",
    "unexpected_indent": "x = 1\n    y = 2\n",
    "expected_block_def": "def f():\nreturn 1\n",
    "expected_block_if": "if True:\nx = 1\n",
    "unindent_mismatch": "if True:\n        x = 1\n    y = 2\n",
    "tab_error": "if True:\n\tx = 1\n        y = 2\n",
    "unterminated_string": "s = 'abc\n",
    "unterminated_double": 's = "abc\n',
    "unterminated_triple": "s = '''abc\n\nmore\n",
    "unmatched_paren": "x = 1)\n",
    "mismatched_brackets": "x = (1, 2]\n",
    "assign_literal": "1 = x\n",
    "assign_call": "f() = 1\n",
    "return_outside": "return 5\n",
    "break_outside": "break\n",
    "continue_outside": "if True:\n    continue\n",
    "leading_zeros": "x = 0777\n",
    "invalid_character": "x = 1 \u20ac 2\n",
    "two_names": "x y\n",
    "invalid_in_function": "def f():\n    a = 1\n    b = a a\n",
    "keyword_as_name": "class = 1\n",
    "nonlocal_module": "nonlocal x\n",
    "duplicate_argument": "def f(a, a):\n    pass\n",
    "positional_after_keyword": "f(a=1, 2)\n",
    "missing_comma": "x = [1 2]\n",
    "unclosed_bracket_eof": "data = [\n    1,\n    2,\n",
    "else_without_if": "else:\n    pass\n",
    "fstring_expecting_brace": "x = f'{'\n",
    "backslash_eof": "x = 1 + \\\n",
    "lambda_statement": "f = lambda: return 1\n",
    "starred_assign": "*a = [1, 2]\n",
    "walrus_statement": "x := 5\n",
    # More cases of issue item 4 and common mistakes.
    "expected_colon_while": "while x\n    pass\n",
    "expected_colon_def": "def f()\n    pass\n",
    "expected_colon_class": "class A\n    pass\n",
    "expected_block_for": "for x in y:\npass\n",
    "expected_block_while": "while 1:\nx\n",
    "expected_block_class": "class A:\nx = 1\n",
    "expected_block_elif": "if 1:\n    pass\nelif 2:\nx\n",
    "expected_block_else": "if 1:\n    pass\nelse:\nx\n",
    "expected_block_try": "try:\nx = 1\n",
    "expected_block_except": "try:\n    pass\nexcept:\nx = 1\n",
    "expected_block_with": "with a:\nx\n",
    "expected_block_decorated": "@d\ndef f():\nx\n",
    "unindent_in_def": "def f():\n  x = 1\n y = 2\n",
    "invalid_decimal": "x = 1abc\n",
    "invalid_decimal_underscore": "x = 1_\n",
    "invalid_hex": "x = 0x1g\n",
    "invalid_octal_digit": "x = 0o8\n",
    "invalid_binary_digit": "x = 0b12\n",
    "invalid_exponent": "x = 1e\n",
    "unmatched_bracket": "x = ]\n",
    "mismatch_other_line": "x = (1,\n  2]\n",
    "unclosed_brace": "d = {1: 2,\n",
    "unterminated_fstring": "s = f'abc\n",
    "string_then_error_later": "x y\ns = 'abc\n",
    "assign_literal_nested": "[a, 1] = 2\n",
    "assign_expression": "a + 1 = 2\n",
    "delete_call": "del f()\n",
    "augassign_tuple": "(a, b) += 1\n",
    "yield_assign": "x = yield = 3\n",
    "non_default_after_default": "def f(a=1, b): pass\n",
    "bare_star": "def f(*): pass\n",
    "after_kwargs": "def f(**k, a): pass\n",
    "lambda_default_order": "lambda x=1, y: 0\n",
    "genexp_not_parenthesized": "f(a for a in b, c)\n",
    "unpacking_after_kw_unpacking": "f(**a, *b)\n",
    "continuation_char": "x = 1 + \\ 2\n",
    "fstring_single_brace": "x = f'}'\n",
    "fstring_empty": "x = f'{}'\n",
    "fstring_conversion": "x = f'{a!x}'\n",
    "dollar": "x = $\n",
    "missing_comma_multiline": "x = [1,\n 2 3]\n",
    "return_in_class": "class A:\n    return 1\n",
    "break_in_else": "while x:\n    pass\nelse:\n    break\n",
    "nested_201": "x = " + "(" * 201 + ")" * 201 + "\n",
    "too_deep_indent": "".join(" " * i + "if 1:\n" for i in range(101)) + " " * 101 + "pass\n",
    "error_in_block": "def f():\n    if x:\n        y = (\n    return 1\n",
    # bytes literals.
    "bytes_non_ascii": "x = 1\ny = b'ab\u00e9'\n",
    "bytes_mixed_str": "y = b'ab' 'cd'\n",
    "bytes_mixed_in_call": "print(b'a' 'b' if False else 0)\n",
    "str_then_bytes": "y = 'ab' b'cd'\n",
    "fstring_then_bytes": "y = f'ab' b'cd'\n",
    "bytes_bad_hex_escape": "y = b'\\x4'\n",
}

SITE = '''
import sys, os
def hook(t, v, tb, _orig=sys.__excepthook__):
    if isinstance(v, SyntaxError):
        with open(os.environ["GLASSPY_ATTRS"], "w") as f:
            f.write("%s %s %s %s %s\\n" % (t.__name__, v.lineno, v.offset, v.end_lineno, v.end_offset))
    _orig(t, v, tb)
sys.excepthook = hook
'''


def regen_errors():
    for f in os.listdir(ERRS):
        os.remove(os.path.join(ERRS, f))
    tmp = tempfile.mkdtemp()
    with open(os.path.join(tmp, "sitecustomize.py"), "w") as f:
        f.write(SITE)
    attrs = os.path.join(tmp, "attrs")
    for name, src in sorted(CASES.items()):
        path = os.path.join(ERRS, name + ".py")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(src)
        env = dict(os.environ, PYTHONPATH=tmp, GLASSPY_ATTRS=attrs)
        r = subprocess.run([sys.executable, name + ".py"], cwd=ERRS, env=env, capture_output=True, text=True)
        assert r.returncode == 1, (name, r.stderr)
        with open(attrs) as f:
            head = f.read()
        os.remove(attrs)
        stderr = r.stderr.replace(ERRS + "/", "<dir>/")
        with open(os.path.join(ERRS, name + ".expected"), "w", encoding="utf-8", newline="") as f:
            f.write(head + stderr)


def fbits(v):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]


SKIP = {"type_ignores", "type_comment", "kind", "is_async"}


def dump(node, pos=True):
    if isinstance(node, list):
        return "[" + ", ".join("None" if x is None else dump(x, pos) for x in node) + "]"
    if isinstance(node, ast.Constant):
        v = node.value
        if v is None or v is True or v is False or v is Ellipsis:
            s = repr(v)
        elif isinstance(v, int):
            s = str(v)
        elif isinstance(v, float):
            s = "f:" + fbits(v)
        elif isinstance(v, complex):
            s = "j:" + fbits(v.imag)
        elif isinstance(v, bytes):
            s = "b:" + v.hex()
        else:
            s = json.dumps(v)
        out = "Constant(value=%s)" % s
    elif isinstance(node, (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)):
        return type(node).__name__ + "()"
    else:
        inner = pos and not isinstance(node, ast.JoinedStr)
        parts = []
        for f in node._fields:
            if f in SKIP:
                continue
            v = getattr(node, f)
            if v is None:
                continue
            if isinstance(v, list):
                if v and isinstance(v[0], str):
                    s = "[" + ", ".join(json.dumps(x) for x in v) + "]"
                else:
                    s = dump(v, inner)
            elif isinstance(v, ast.AST):
                s = dump(v, inner)
            elif isinstance(v, str):
                s = json.dumps(v)
            else:
                s = str(int(v))
            parts.append("%s=%s" % (f, s))
        out = "%s(%s)" % (type(node).__name__, ", ".join(parts))
    if pos and hasattr(node, "lineno") and not isinstance(node, ast.Module):
        out += "@%d:%d-%d:%d" % (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
    return out


def regen_parse():
    for f in sorted(os.listdir(PARSE)):
        if not f.endswith(".py"):
            continue
        with open(os.path.join(PARSE, f), encoding="utf-8") as fh:
            src = fh.read()
        compile(src, f, "exec")  # the verdict: python3 accepts it (raises otherwise)
        tree = ast.parse(src)
        with open(os.path.join(PARSE, f[:-3] + ".dump"), "w", encoding="utf-8") as fh:
            fh.write("# python3 compile(): valid\n" + dump(tree) + "\n")


if __name__ == "__main__":
    regen_errors()
    regen_parse()
