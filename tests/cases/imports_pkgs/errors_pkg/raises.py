def helper():
    return undefined_name


value = helper()
