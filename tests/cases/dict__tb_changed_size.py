# An uncaught RuntimeError from changing a dict while a for loop walks it.
scores = {"ann": 3, "bob": 5}
for name in scores:
    print("visiting", name)
    if name == "ann":
        scores["cid"] = 0
