y = b'\x4'
