# textwrap: wrap / fill with the TextWrapper options, hyphens and em-dashes,
# long words, max_lines and placeholders, shorten, dedent, indent.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. A well-known phrase--used "
        "for typing practice--contains every letter. Supercalifragilisticexpialidocious "
        "words and e-mail addresses like user@example.com, or x-y pairs, test wrapping. "
        "Don't stop!  Tabs\there\tand\nnewlines too.")
for width in (10, 15, 20, 33, 50, 79):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 20, break_long_words=False))
print(textwrap.wrap(text, 20, break_on_hyphens=False))
print(textwrap.wrap(text, 25, drop_whitespace=False))
print(textwrap.wrap(text, 25, replace_whitespace=False, expand_tabs=False))
print(textwrap.wrap("a\tb\tc", 40, tabsize=4), textwrap.wrap("a\tb", 40, expand_tabs=False))
print(textwrap.wrap("Hello there. How are you? I am fine.  Really.", 80, fix_sentence_endings=True))
print(textwrap.wrap(text, 30, max_lines=3))
print(textwrap.wrap(text, 30, max_lines=2, placeholder=" ..."))
print(textwrap.wrap("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbb", 10, max_lines=1))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten(text, 40), textwrap.shorten(text, 40, placeholder="~"))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10), textwrap.wrap("one", 1))
print(textwrap.wrap("pre-processing--and post-processing re-entry co-op x-ray", 12))
print(textwrap.wrap("long-hyphenated-compound-word-here-for-breaking", 10))
w = textwrap.TextWrapper(width=12)
print(w.wrap("Attributes may be changed between calls."))
w.width = 25
w.initial_indent = "> "
print(w.fill("Attributes may be changed between calls."))
for bad in (0, -3):
    try:
        textwrap.wrap("abc", bad)
    except ValueError as e:
        print("ValueError", e)
try:
    textwrap.wrap("abc def", 4, max_lines=1, placeholder=" [long placeholder]")
except ValueError as e:
    print("ValueError", e)

print(repr(textwrap.dedent("    def f():\n        return 1\n    \n    x = 2\n")))
print(repr(textwrap.dedent("\tA\n\t\tB\n")), repr(textwrap.dedent("  a\n\tb\n")))
print(repr(textwrap.dedent("no indent\n  some\n")), repr(textwrap.dedent("   \n  x\n   y")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")))
print(repr(textwrap.indent("a\n  \nb\r\nc", "+", lambda line: True)))
print(repr(textwrap.indent("one\ntwo", "  ", lambda line: line.startswith("t"))))
