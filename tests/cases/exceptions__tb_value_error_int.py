# ValueError: int() of a non-number.
int("12abc")
