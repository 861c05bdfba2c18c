# raise of an exception class without arguments.
raise RuntimeError
