# A script importing a package that sits beside it (examples/inventory/): the script's
# folder is sys.path[0], the package's __init__ imports its submodules, and the bundled
# modules (functools, itertools, operator, heapq) come from inside the glasspy binary.
import sys

import inventory
from inventory import Item, Stock, report

stock = Stock([
    Item("kettle", 30, "kitchen"),
    Item("lamp", 25, "living"),
    Item("mug", 5, "kitchen"),
    Item("rug", 80, "living"),
    Item("spoon", 2, "kitchen"),
])
print("total:", stock.total)
print("total again:", stock.total)
print("cheapest:", report.cheapest(stock))
for category, names in report.categories(stock):
    print(f"{category}: {', '.join(names)}")
print(max(stock.items), Item("a", 1, "x") <= Item("b", 1, "x"))

# The package and its submodules are modules in sys.modules, imported once each.
print(sorted(name for name in sys.modules if name.startswith("inventory")))
print(inventory.report is report, inventory.models.Item is Item)
print(inventory.__package__, report.__name__, report.__package__)
print(inventory.__file__.endswith("inventory/__init__.py"), inventory.__path__[0].endswith("inventory"))
# A module object is 72 bytes (CPython's PyModuleObject); its namespace is a dict.
print(sys.getsizeof(inventory), type(vars(inventory)).__name__)
