"""glass: see inside glasspy's heap.

Where an object lives in pymalloc's arenas, pools and blocks (info), the live
objects by type (heap), the arenas and their pools (arenas), which types grew
(snapshot, growth), a map of every block (map), the reference graph around an
object (graph) and a memory limit (set_limit, get_limit). The data comes from
the native module _glass; this module gives it readable reprs. See docs/glass.md.
"""

import _glass
from _glass import info, map, graph, set_limit, get_limit, footprint, snapshot

__all__ = ["info", "heap", "arenas", "snapshot", "growth", "map", "graph",
           "set_limit", "get_limit", "footprint", "Info", "Buffer", "Table"]


def _where(arena, pool, block):
    if arena is None:
        return "raw allocator"
    return f"arena {arena}, pool {pool}, block {block}"


class Buffer:
    """A buffer an object owns: what it is, its bytes, its block and where it lives."""

    __slots__ = ("what", "address", "bytes", "block_size", "size_class",
                 "arena", "pool", "block")

    def __init__(self, what, address, nbytes, block_size, size_class, arena, pool, block):
        self.what = what
        self.address = address
        self.bytes = nbytes
        self.block_size = block_size
        self.size_class = size_class
        self.arena = arena
        self.pool = pool
        self.block = block

    def __repr__(self):
        return (f"{self.what}: {self.bytes} bytes in a {self.block_size}-byte block "
                f"at {self.address:#x} ({_where(self.arena, self.pool, self.block)})")


class Info:
    """What glass.info(obj) found: one attribute per field, a table as repr."""

    _fields = ("address", "type", "size", "block_size", "size_class", "arena",
               "pool", "block", "refcount", "generation", "tracked", "interned",
               "cached", "buffers")

    def __init__(self, fields):
        for name in self._fields:
            setattr(self, name, fields[name])
        self.buffers = [Buffer(*b) for b in fields["buffers"]]
        self._repr = fields["repr"]

    def __repr__(self):
        if self.size_class is None:
            block = f"{self.block_size} bytes from the raw allocator (over 512 bytes)"
        else:
            block = (f"{self.block_size}-byte block (size class {self.size_class}): "
                     f"{_where(self.arena, self.pool, self.block)}")
        gen = self.generation
        gen = "untracked" if gen is None else gen
        lines = [
            f"{self.type} {self._repr}",
            f"  address     {self.address:#x}  (id)",
            f"  size        {self.size} bytes  (sys.getsizeof)",
            f"  block       {block}",
            f"  refcount    {self.refcount}",
            f"  generation  {gen}",
            f"  flags       tracked={self.tracked} interned={self.interned} cached={self.cached}",
        ]
        for b in self.buffers:
            lines.append(f"  buffer      {b!r}")
        return "\n".join(lines)


class Table(list):
    """Rows (tuples) with column names; the repr lines them up."""

    def __init__(self, columns, rows, title="", signed=()):
        super().__init__(rows)
        self.columns = columns
        self.title = title
        self.signed = signed

    def __repr__(self):
        cells = [list(self.columns)]
        for r in self:
            cells.append([f"{v:+d}" if i in self.signed else _cell(v)
                          for i, v in enumerate(r)])
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.columns))]
        out = [self.title] if self.title else []
        for row in cells:
            parts = []
            for i, c in enumerate(row):
                parts.append(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]))
            out.append("  ".join(parts).rstrip())
        return "\n".join(out)


def _cell(v):
    if isinstance(v, float):
        return f"{v:.1f}"
    return str(v)


def heap():
    """The live objects by type: count, bytes, % of bytes and cumulative %, largest first."""
    rows = _glass.heap()
    total = sum(r[2] for r in rows) or 1
    count = sum(r[1] for r in rows)
    out = []
    cum = 0
    for name, n, size in rows:
        cum += size
        out.append((name, n, size, 100.0 * size / total, 100.0 * cum / total))
    return Table(("type", "count", "bytes", "%", "cum %"), out,
                 f"{count} objects, {total} bytes")


def arenas():
    """The arenas with their pools: size class, block size, used / free blocks, state."""
    out = []
    for index, address, pools in _glass.arenas():
        rows = [(p, "-" if sc is None else sc, bs, used, free, state)
                for p, sc, bs, used, free, state in pools]
        out.append(Table(("pool", "class", "block", "used", "free", "state"), rows,
                         f"arena {index} at {address:#x}: {len(pools)} pools, "
                         f"{sum(1 for r in rows if r[3])} in use"))
    return Arenas(out)


class Arenas(list):
    """A list of per-arena tables; the repr shows the pools in use of each."""

    def __repr__(self):
        parts = []
        for t in self:
            used = Table(t.columns, [r for r in t if r[3]], t.title)
            parts.append(repr(used))
        return "\n".join(parts)


def growth(snap):
    """The types with more live objects than in snap (from snapshot()), most grown first."""
    rows = _glass.growth(snap)
    return Table(("type", "count", "+count", "bytes", "+bytes"), rows, signed=(2, 4))
