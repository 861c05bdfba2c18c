alpha = "a"
beta = "b"
_gamma = "hidden"
import counter as _counter_alias
