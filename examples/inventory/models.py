"""Items and a stock of them."""

from functools import total_ordering, cached_property


@total_ordering
class Item:
    __slots__ = ("name", "price", "category")

    def __init__(self, name, price, category):
        self.name = name
        self.price = price
        self.category = category

    def __eq__(self, other):
        return (self.price, self.name) == (other.price, other.name)

    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)

    def __repr__(self):
        return f"Item({self.name!r}, {self.price})"


class Stock:
    def __init__(self, items):
        self.items = list(items)

    @cached_property
    def total(self):
        print("  (computing the total once)")
        return sum(item.price for item in self.items)
