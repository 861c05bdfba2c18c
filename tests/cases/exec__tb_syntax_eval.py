def f():
    eval("1 +\\n 2 2")
f()
