"""A small package for examples/inventory_report.py: items, stock, and a report.

Importing the package runs this file first; it pulls in its submodules with relative
imports, so `inventory.Item` works without naming `inventory.models`."""

from .models import Item, Stock
from . import report

__all__ = ["Item", "Stock", "report"]
