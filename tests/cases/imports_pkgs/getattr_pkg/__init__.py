# A package whose module-level __getattr__ fails with something else than AttributeError.
def __getattr__(name):
    raise KeyError(name)
