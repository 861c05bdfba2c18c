# PEP 562: module-level __getattr__ and __dir__.
real = "real attribute"


def __getattr__(name):
    if name == "computed":
        return "computed on demand"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
