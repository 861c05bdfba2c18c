s = '''abc

more
