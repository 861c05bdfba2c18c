helper_value = 1


def lookup():
    return helper_valeu
