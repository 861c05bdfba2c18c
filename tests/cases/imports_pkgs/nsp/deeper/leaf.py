LEAF = "leaf of a namespace package"
