import io
import sys

print("one")
sys.stdout.buffer.write(b"two\n")
print("three")
sys.stdout.flush()
sys.stdout.buffer.write(b"four\n")
print("five", flush=True)
print(sys.stdout.buffer, sys.stdout.buffer.raw)
print(sys.stdin.buffer, sys.stderr.buffer)
print(sys.stdout.buffer.writable(), sys.stdout.buffer.readable(), sys.stdout.buffer.mode, sys.stdout.buffer.name)
print(sys.stdout.buffer.write(bytearray(b"six\n")), sys.stdout.buffer.raw.fileno())
sys.stdout.buffer.flush()
print("x" * 9000)
sys.stdout.buffer.write(b"seven\n")
print("eight")
sys.stdout.buffer.write("\u00e9 utf-8\n".encode())
try:
    sys.stdout.buffer.write("str")
except TypeError as e:
    print(e)
sys.stdout.write("nine\n")
sys.stdout.buffer.write(b"ten\n")
