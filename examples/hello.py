# The first program: glasspy examples/hello.py
print("Hello, world!")
name = "glasspy"
print(f"{name} runs Python the way CPython 3.11 does, and shows you its memory.")
