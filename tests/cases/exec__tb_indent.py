compile("if x:\n  a\n b", "myfile.py", "exec")
