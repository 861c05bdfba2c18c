print(b'a' 'b' if False else 0)
