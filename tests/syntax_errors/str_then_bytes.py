y = 'ab' b'cd'
