# Pipeline: a log-processing job built from generators. A generator produces
# text lines of a sales log (with comments, blank lines and some malformed
# records); stages parse them into Sale objects, drop what is invalid or
# refunded, enrich them with a price list, and an aggregator builds per-store,
# per-category and per-day summaries in dicts.


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return self.state >> 33

    def pick(self, seq):
        return seq[self.next() % len(seq)]


STORES = ["north", "south", "east", "west", "harbour", "airport", "mall"]
CATEGORIES = {"tea": "drinks", "coffee": "drinks", "juice": "drinks", "bagel": "bakery",
              "croissant": "bakery", "muffin": "bakery", "salad": "lunch",
              "wrap": "lunch", "soup": "lunch", "cookie": "snacks", "crisps": "snacks"}
ITEMS = list(CATEGORIES)
PRICES = {"tea": 2.2, "coffee": 2.8, "juice": 3.1, "bagel": 1.9, "croissant": 2.4,
          "muffin": 2.6, "salad": 6.5, "wrap": 5.75, "soup": 4.9, "cookie": 1.25,
          "crisps": 1.1}


def log_lines(count, seed):
    rng = Lcg(seed)
    yield "# sales export v2"
    for n in range(count):
        r = rng.next()
        if r % 97 == 0:
            yield ""
            continue
        if r % 89 == 0:
            yield f"# checkpoint {n}"
            continue
        day = 1 + r % 28
        hour = 7 + (r >> 5) % 13
        store = rng.pick(STORES)
        item = rng.pick(ITEMS)
        qty = 1 + rng.next() % 5
        if r % 53 == 0:
            qty_text = "n/a"
        else:
            qty_text = str(qty)
        kind = "refund" if r % 41 == 0 else "sale"
        if r % 83 == 0:
            yield f"2024-03-{day:02d}T{hour:02d}:{r % 60:02d},{store},{item},{qty_text}"
            continue
        yield f"2024-03-{day:02d}T{hour:02d}:{r % 60:02d},{store},{item},{qty_text},{kind}"


class Sale:
    def __init__(self, day, hour, store, item, qty, kind):
        self.day = day
        self.hour = hour
        self.store = store
        self.item = item
        self.qty = qty
        self.kind = kind
        self.amount = 0.0
        self.category = ""


class ParseError(Exception):
    pass


def parse_line(line):
    fields = line.split(",")
    if len(fields) != 5:
        raise ParseError(f"expected 5 fields, got {len(fields)}")
    stamp, store, item, qty_text, kind = fields
    date, _, time_text = stamp.partition("T")
    day = int(date.rsplit("-", 1)[1])
    hour = int(time_text.split(":")[0])
    try:
        qty = int(qty_text)
    except ValueError:
        raise ParseError(f"bad quantity {qty_text!r}")
    return Sale(day, hour, store, item, qty, kind)


def records(lines, errors):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            yield parse_line(line)
        except ParseError as e:
            reason = str(e).split(" ")[0]
            errors[reason] = errors.get(reason, 0) + 1


def only_sales(sales):
    for sale in sales:
        if sale.kind == "sale":
            yield sale


def priced(sales, prices, discounts):
    for sale in sales:
        sale.category = CATEGORIES[sale.item]
        unit = prices[sale.item]
        if sale.hour >= 17:
            unit *= discounts.get(sale.category, 1.0)
        sale.amount = round(unit * sale.qty, 2)
        yield sale


class Summary:
    def __init__(self):
        self.by_store = {}
        self.by_category = {}
        self.by_day = {}
        self.top_hour = {}
        self.count = 0
        self.revenue = 0.0

    def add(self, sale):
        self.count += 1
        self.revenue += sale.amount
        stats = self.by_store.get(sale.store)
        if stats is None:
            stats = self.by_store[sale.store] = {"sales": 0, "units": 0, "revenue": 0.0}
        stats["sales"] += 1
        stats["units"] += sale.qty
        stats["revenue"] += sale.amount
        items = self.by_category.setdefault(sale.category, {})
        items[sale.item] = items.get(sale.item, 0) + sale.qty
        self.by_day[sale.day] = self.by_day.get(sale.day, 0.0) + sale.amount
        key = (sale.store, sale.hour)
        self.top_hour[key] = self.top_hour.get(key, 0) + 1

    def report(self):
        lines = [f"{self.count} sales, revenue {self.revenue:.2f}"]
        for store in sorted(self.by_store):
            s = self.by_store[store]
            lines.append(f"  {store:<8} {s['sales']:6d} {s['units']:7d} {s['revenue']:12.2f}")
        for category in sorted(self.by_category):
            items = self.by_category[category]
            best = max(items.items(), key=lambda kv: (kv[1], kv[0]))
            lines.append(f"  {category:<7} best {best[0]} ({best[1]} units)")
        days = sorted(self.by_day.items(), key=lambda kv: -kv[1])[:3]
        lines.append("  best days " + ", ".join(f"{d}:{v:.2f}" for d, v in days))
        busiest = sorted(self.top_hour.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        lines.append("  busiest " + ", ".join(f"{s}@{h}={n}" for (s, h), n in busiest))
        return "\n".join(lines)


def run(count, seed):
    errors = {}
    summary = Summary()
    discounts = {"bakery": 0.5, "lunch": 0.8}
    for sale in priced(only_sales(records(log_lines(count, seed), errors)), PRICES, discounts):
        summary.add(sale)
    print(summary.report())
    print("  rejected", sorted(errors.items()))


run(60000, 2024)
run(20000, 7)
