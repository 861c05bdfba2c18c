x = 1
exec("y = (")
