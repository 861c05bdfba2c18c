print("shapes.triangle: init", __name__)
SIDES = 3
