y = b'ab' 'cd'
