# Appending to a bytearray while a memoryview of it exists: BufferError.
data = bytearray(b'abc')
view = memoryview(data)
print(view.tobytes())
data.append(100)
