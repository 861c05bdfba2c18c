"""Reports on a stock: grouped by category, the cheapest items."""

import heapq
from itertools import groupby
from operator import attrgetter

from .models import Stock

by_category = attrgetter("category")


def categories(stock: Stock):
    """(category, [names]) in category order."""
    ordered = sorted(stock.items, key=by_category)
    return [(cat, [i.name for i in group]) for cat, group in groupby(ordered, key=by_category)]


def cheapest(stock: Stock, n=2):
    return heapq.nsmallest(n, stock.items)
