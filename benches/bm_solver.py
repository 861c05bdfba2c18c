# Solver: an incremental solver for one-way dataflow constraints with strengths
# (local propagation, as in the DeltaBlue family). Each satisfied constraint
# picks one of its variables as output; adding a constraint may override a
# weaker one, removing one re-satisfies whatever it had been blocking. A plan
# is the ordered list of constraints to re-run when an input is edited.
# Workloads: long equality chains edited from either end, and a price sheet
# (local = base * rate + fee) edited through its sources, outputs and factors.

REQUIRED = 0
STRONG_PREFERRED = 1
PREFERRED = 2
STRONG_DEFAULT = 3
NORMAL = 4
WEAK_DEFAULT = 5
WEAKEST = 6
STRENGTH_NAMES = ("required", "strong-preferred", "preferred", "strong-default",
                  "normal", "weak-default", "weakest")


class SolverError(Exception):
    pass


def stronger(s1, s2):
    return s1 < s2


def weaker(s1, s2):
    return s1 > s2


def weakest_of(s1, s2):
    return s1 if s1 > s2 else s2


class Variable:
    def __init__(self, name, value=0.0):
        self.name = name
        self.value = value
        self.uses = []
        self.determined_by = None
        self.walk = WEAKEST
        self.stay = True
        self.mark = 0

    def __repr__(self):
        return f"Variable({self.name!r}, {self.value})"


class Constraint:
    is_edit = False

    def __init__(self, solver, strength):
        self.solver = solver
        self.strength = strength

    def install(self):
        self.attach()
        self.solver.add_constraint(self)

    def uninstall(self):
        if self.is_satisfied():
            self.solver.remove_constraint(self)
        else:
            self.detach()

    def satisfy(self, mark):
        """Try to enforce this constraint; return the constraint it overrode."""
        self.choose_output(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise SolverError("cannot satisfy a required constraint")
            return None
        for var in self.inputs():
            var.mark = mark
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.unsatisfy()
        out.determined_by = self
        if not self.solver.propagate_from(self, mark):
            raise SolverError("cycle in the constraint graph")
        out.mark = mark
        return overridden

    def describe(self):
        return f"{type(self).__name__}[{STRENGTH_NAMES[self.strength]}]"


class UnaryConstraint(Constraint):
    def __init__(self, solver, var, strength):
        Constraint.__init__(self, solver, strength)
        self.var = var
        self.active = False
        self.install()

    def attach(self):
        self.var.uses.append(self)
        self.active = False

    def detach(self):
        if self in self.var.uses:
            self.var.uses.remove(self)
        self.active = False

    def choose_output(self, mark):
        var = self.var
        self.active = var.mark != mark and stronger(self.strength, var.walk)

    def is_satisfied(self):
        return self.active

    def unsatisfy(self):
        self.active = False

    def inputs(self):
        return ()

    def output(self):
        return self.var

    def inputs_known(self, mark):
        return True

    def recalculate(self):
        var = self.var
        var.walk = self.strength
        var.stay = not self.is_edit
        if var.stay:
            self.apply()

    def apply(self):
        pass


class Stay(UnaryConstraint):
    pass


class Edit(UnaryConstraint):
    is_edit = True


class BinaryConstraint(Constraint):
    def __init__(self, solver, a, b, strength):
        Constraint.__init__(self, solver, strength)
        self.a = a
        self.b = b
        self.src = None
        self.dst = None
        self.install()

    def attach(self):
        self.a.uses.append(self)
        self.b.uses.append(self)
        self.src = self.dst = None

    def detach(self):
        for var in (self.a, self.b):
            if self in var.uses:
                var.uses.remove(self)
        self.src = self.dst = None

    def orient(self, src, dst, ok):
        if ok:
            self.src = src
            self.dst = dst
        else:
            self.src = self.dst = None

    def choose_output(self, mark):
        a = self.a
        b = self.b
        s = self.strength
        if a.mark == mark:
            self.orient(a, b, b.mark != mark and stronger(s, b.walk))
        elif b.mark == mark:
            self.orient(b, a, a.mark != mark and stronger(s, a.walk))
        elif weaker(a.walk, b.walk):
            self.orient(b, a, stronger(s, a.walk))
        else:
            self.orient(a, b, stronger(s, b.walk))

    def is_satisfied(self):
        return self.dst is not None

    def unsatisfy(self):
        self.src = self.dst = None

    def inputs(self):
        return (self.src,)

    def output(self):
        return self.dst

    def inputs_known(self, mark):
        src = self.src
        return src.mark == mark or src.stay or src.determined_by is None

    def recalculate(self):
        src = self.src
        dst = self.dst
        dst.walk = weakest_of(self.strength, src.walk)
        dst.stay = src.stay
        if dst.stay:
            self.apply()


class Equal(BinaryConstraint):
    def apply(self):
        self.dst.value = self.src.value


class Linear(BinaryConstraint):
    """b = a * scale + offset, solvable for either a or b."""

    def __init__(self, solver, a, b, scale, offset, strength):
        self.scale = scale
        self.offset = offset
        BinaryConstraint.__init__(self, solver, a, b, strength)

    def attach(self):
        BinaryConstraint.attach(self)
        self.scale.uses.append(self)
        self.offset.uses.append(self)

    def detach(self):
        BinaryConstraint.detach(self)
        for var in (self.scale, self.offset):
            if self in var.uses:
                var.uses.remove(self)

    def inputs(self):
        return (self.src, self.scale, self.offset)

    def recalculate(self):
        src = self.src
        dst = self.dst
        dst.walk = weakest_of(self.strength, src.walk)
        dst.stay = src.stay and self.scale.stay and self.offset.stay
        if dst.stay:
            self.apply()

    def apply(self):
        if self.dst is self.b:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) / self.scale.value


class Plan:
    def __init__(self):
        self.steps = []

    def add(self, constraint):
        self.steps.append(constraint)

    def __len__(self):
        return len(self.steps)

    def run(self):
        for constraint in self.steps:
            constraint.apply()


class Solver:
    def __init__(self):
        self.mark_counter = 0
        self.adds = 0
        self.removes = 0

    def new_mark(self):
        self.mark_counter += 1
        return self.mark_counter

    def add_constraint(self, constraint):
        self.adds += 1
        mark = self.new_mark()
        bumped = constraint.satisfy(mark)
        while bumped is not None:
            bumped = bumped.satisfy(mark)

    def remove_constraint(self, constraint):
        self.removes += 1
        out = constraint.output()
        constraint.unsatisfy()
        constraint.detach()
        orphans = self.unpropagate(out)
        for level in range(REQUIRED, WEAKEST):
            for orphan in orphans:
                if orphan.strength == level:
                    self.add_constraint(orphan)

    def downstream(self, var, into):
        source = var.determined_by
        for c in var.uses:
            if c is not source and c.is_satisfied():
                into.append(c)

    def propagate_from(self, constraint, mark):
        todo = [constraint]
        while todo:
            c = todo.pop()
            if c.output().mark == mark:
                self.remove_constraint(constraint)
                return False
            c.recalculate()
            self.downstream(c.output(), todo)
        return True

    def unpropagate(self, out):
        out.determined_by = None
        out.walk = WEAKEST
        out.stay = True
        orphans = []
        todo = [out]
        while todo:
            var = todo.pop()
            for c in var.uses:
                if not c.is_satisfied():
                    orphans.append(c)
            source = var.determined_by
            for c in var.uses:
                if c is not source and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return orphans

    def plan_from(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        i = 0
        while i < len(todo):
            c = todo[i]
            i += 1
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.add(c)
                out.mark = mark
                self.downstream(out, todo)
        return plan

    def plan_for_edits(self, constraints):
        return self.plan_from(c for c in constraints if c.is_edit and c.is_satisfied())


def drive(solver, var, values, strength=PREFERRED):
    """Edit var through each of values; return the plan length."""
    edit = Edit(solver, var, strength)
    plan = solver.plan_for_edits([edit])
    for v in values:
        var.value = v
        plan.run()
    edit.uninstall()
    return len(plan)


def chain_workload(solver, n):
    cells = [Variable(f"c{i}") for i in range(n + 1)]
    one = Variable("one", 1.0)
    Stay(solver, one, REQUIRED)
    links = []
    for i in range(n):
        if i % 10 == 9:
            shift = Variable(f"shift{i}", float(i % 4))
            Stay(solver, shift, REQUIRED)
            links.append(Linear(solver, cells[i], cells[i + 1], one, shift, REQUIRED))
        else:
            links.append(Equal(solver, cells[i], cells[i + 1], REQUIRED))
    head = cells[0]
    tail = cells[-1]
    Stay(solver, tail, STRONG_DEFAULT)
    total = 0.0
    edit = Edit(solver, head, PREFERRED)
    plan = solver.plan_for_edits([edit])
    for step in range(60):
        head.value = step * 0.5
        plan.run()
        total += tail.value
    edit.uninstall()
    # The same chain driven from the other end.
    edit = Edit(solver, tail, STRONG_PREFERRED)
    plan = solver.plan_for_edits([edit])
    for step in range(60):
        tail.value = 1000.0 - step
        plan.run()
        total += head.value
    edit.uninstall()
    # Cut the chain at a few places and join it again: each cut leaves the far
    # side to the tail's stay, each join re-plans the whole chain.
    Stay(solver, head, WEAK_DEFAULT)
    for k in range(1, 6):
        link = links[(n * k) // 6]
        link.uninstall()
        total += tail.value
        link.install()
        total += tail.value
    return total, len(plan)


def sheet_workload(solver, n):
    rate = Variable("rate", 3.0)
    fee = Variable("fee", 250.0)
    bases = []
    locals_ = []
    for i in range(n):
        base = Variable(f"base{i}", float(i))
        local = Variable(f"local{i}", float(i))
        Stay(solver, base, NORMAL)
        Linear(solver, base, local, rate, fee, REQUIRED)
        bases.append(base)
        locals_.append(local)
    total = 0.0
    steps = 0
    steps += drive(solver, bases[n // 2], [7.0, 11.0, 13.5])
    total += locals_[n // 2].value
    steps += drive(solver, locals_[n // 3], [2500.0, 1000.0])
    total += bases[n // 3].value
    steps += drive(solver, rate, [4.0, 2.5])
    for local in locals_:
        total += local.value
    steps += drive(solver, fee, [100.0, 125.0])
    for i in range(0, n, 7):
        total += locals_[i].value - bases[i].value
    return total, steps


def main():
    total = 0.0
    lengths = []
    for size in (100, 400, 1600, 3000, 5000):
        solver = Solver()
        t, plan_len = chain_workload(solver, size)
        total += t
        lengths.append(plan_len)
        lengths.append(solver.adds)
        lengths.append(solver.removes)
    for size in (100, 500, 2000, 4000):
        solver = Solver()
        t, steps = sheet_workload(solver, size)
        total += t
        lengths.append(steps)
        lengths.append(solver.adds)
    print("plans", lengths)
    print(f"total {total:.6f}")


main()
