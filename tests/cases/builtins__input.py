# input(): the prompt goes to stdout (flushed first); the line loses its newline;
# EOFError at the end of stdin.
print("before")
name = input("name? ")
print("hello", name)
print(repr(input()))
print(repr(input("> ")))
try:
    input("last? ")
except EOFError as exc:
    print("EOFError:", exc)
