# A traceback whose failing expression spans lines.
data = {"a": [1, 2]}
value = (data["a"][0] +
         data["b"][0])
