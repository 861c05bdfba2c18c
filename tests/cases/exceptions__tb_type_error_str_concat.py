# TypeError: concatenating str and int.
s = "n=" + 5
