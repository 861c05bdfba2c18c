"""atexit (glasspy): functions registered here run when the interpreter exits, last
registered first, before `__main__` is cleared (the VM calls _run_exitfuncs)."""

_exithandlers = []


def register(func, *args, **kwargs):
    """Register a function to be executed upon normal program termination."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func):
    """Unregister an exit function which was previously registered."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            import sys
            print("Exception ignored in atexit callback:", repr(func), file=sys.stderr)
            print(type(e).__name__ + ":", e, file=sys.stderr)
