y = f'ab' b'cd'
