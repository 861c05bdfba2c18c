# Scheduler: a small kernel simulation. Task control blocks sit on one chain
# ordered by priority; tasks exchange linked Packet objects through the kernel,
# block waiting for mail, and park themselves (hold) until something releases
# them. Client tasks issue block reads and writes to a cache task; the cache
# answers hits at once and forwards misses to two disk devices, which take a
# seek-dependent number of clock ticks. A timer task at the lowest priority
# advances the clock and releases the disks whose transfer is due.

OP_READ = 0
OP_WRITE = 1
OP_FETCH = 2
OP_FILLED = 3
OP_FLUSH = 4

TIMER = 0
CACHE = 1
DISK0 = 2
DISK1 = 3
FIRST_CLIENT = 4


class Packet:
    def __init__(self, origin):
        self.link = None
        self.origin = origin
        self.op = OP_READ
        self.block = 0
        self.data = 0
        self.hops = 0


class Mailbox:
    """A FIFO of packets chained through their `link` attribute."""

    def __init__(self):
        self.head = None
        self.tail = None
        self.size = 0

    def push(self, packet):
        packet.link = None
        if self.tail is None:
            self.head = packet
        else:
            self.tail.link = packet
        self.tail = packet
        self.size += 1

    def pop(self):
        packet = self.head
        self.head = packet.link
        if self.head is None:
            self.tail = None
        packet.link = None
        self.size -= 1
        return packet

    def empty(self):
        return self.head is None


class TaskBlock:
    def __init__(self, tid, priority, task):
        self.tid = tid
        self.priority = priority
        self.task = task
        self.next = None
        self.mailbox = Mailbox()
        self.held = False
        self.waiting = False
        self.activations = 0

    def runnable(self):
        if self.held:
            return False
        return not self.waiting or self.mailbox.head is not None


class Kernel:
    def __init__(self):
        self.chain = None
        self.blocks = {}
        self.current = None
        self.clock = 0
        self.switches = 0
        self.sends = 0
        self.holds = 0
        self.releases = 0

    def spawn(self, tid, priority, task):
        tcb = TaskBlock(tid, priority, task)
        task.kernel = self
        task.tcb = tcb
        self.blocks[tid] = tcb
        if self.chain is None or self.chain.priority < priority:
            tcb.next = self.chain
            self.chain = tcb
            return tcb
        node = self.chain
        while node.next is not None and node.next.priority >= priority:
            node = node.next
        tcb.next = node.next
        node.next = tcb
        return tcb

    def run(self):
        tcb = self.chain
        while tcb is not None:
            if not tcb.runnable():
                tcb = tcb.next
                continue
            packet = None
            if tcb.mailbox.head is not None:
                packet = tcb.mailbox.pop()
            tcb.waiting = False
            tcb.activations += 1
            self.current = tcb
            self.switches += 1
            tcb = tcb.task.step(packet)

    # Services a task calls; each returns the block the kernel should look at next.
    def wait(self):
        self.current.waiting = True
        return self.current

    def hold(self):
        self.holds += 1
        self.current.held = True
        return self.current.next

    def release(self, tid):
        self.releases += 1
        target = self.blocks[tid]
        target.held = False
        if target.priority > self.current.priority:
            return target
        return self.current

    def send(self, packet, tid):
        self.sends += 1
        packet.hops += 1
        target = self.blocks[tid]
        target.mailbox.push(packet)
        if target.priority > self.current.priority and target.runnable():
            return target
        return self.current


class Task:
    kernel = None
    tcb = None

    def step(self, packet):
        raise NotImplementedError


class Timer(Task):
    def __init__(self, ticks, disks):
        self.budget = ticks
        self.disks = disks

    def step(self, packet):
        kernel = self.kernel
        self.budget -= 1
        if self.budget == 0:
            return kernel.hold()
        busy = False
        kernel.clock += 1
        for disk in self.disks:
            if disk.active is not None:
                busy = True
                if disk.tcb.held and kernel.clock >= disk.due:
                    return kernel.release(disk.tcb.tid)
        if not busy:
            # Nothing in flight: sleep until a disk starts a transfer.
            return kernel.hold()
        return kernel.current


class Disk(Task):
    def __init__(self, unit, blocks):
        self.unit = unit
        self.pending = Mailbox()
        self.active = None
        self.due = 0
        self.head_pos = 0
        self.storage = {}
        for b in range(unit, blocks, 2):
            self.storage[b] = (b * 2654435761) & 0xFFFF
        self.completed = 0
        self.seek_total = 0
        self.flushed = 0

    def step(self, packet):
        kernel = self.kernel
        if packet is not None:
            self.pending.push(packet)
        if self.active is not None:
            if kernel.clock < self.due:
                return kernel.hold()
            done = self.active
            self.active = None
            self.completed += 1
            if done.op == OP_FLUSH:
                self.storage[done.block] = done.data
                self.flushed += 1
            else:
                done.data = self.storage[done.block]
                done.op = OP_FILLED
                return kernel.send(done, CACHE)
        if not self.pending.empty():
            request = self.pending.pop()
            distance = abs(request.block - self.head_pos)
            self.seek_total += distance
            self.head_pos = request.block
            self.active = request
            self.due = kernel.clock + 1 + distance // 256
            if kernel.blocks[TIMER].held:
                kernel.release(TIMER)
            return kernel.hold()
        return kernel.wait()


class CacheTask(Task):
    def __init__(self, capacity):
        self.capacity = capacity
        self.lines = {}
        self.dirty = {}
        self.hits = 0
        self.misses = 0
        self.evictions = 0
        self.waiters = {}

    def reply(self, packet):
        return self.kernel.send(packet, packet.origin)

    def install(self, block, value):
        lines = self.lines
        if block in lines:
            del lines[block]
        lines[block] = value
        if len(lines) > self.capacity:
            victim = next(iter(lines))
            old = lines.pop(victim)
            self.evictions += 1
            if self.dirty.pop(victim, False):
                flush = Packet(CACHE)
                flush.op = OP_FLUSH
                flush.block = victim
                flush.data = old
                return flush
        return None

    def step(self, packet):
        kernel = self.kernel
        if packet is None:
            return kernel.wait()
        op = packet.op
        block = packet.block
        if op == OP_FILLED:
            flush = self.install(block, packet.data)
            queue = self.waiters.pop(block)
            for waiter in queue:
                waiter.data = packet.data
                self.kernel.send(waiter, waiter.origin)
            packet.op = OP_READ
            if flush is not None:
                kernel.send(flush, DISK0 + (flush.block & 1))
            return self.reply(packet)
        if block in self.lines:
            self.hits += 1
            value = self.lines.pop(block)
            if op == OP_WRITE:
                value = packet.data
                self.dirty[block] = True
            self.lines[block] = value
            packet.data = value
            return self.reply(packet)
        self.misses += 1
        if op == OP_WRITE:
            flush = self.install(block, packet.data)
            self.dirty[block] = True
            if flush is not None:
                kernel.send(flush, DISK0 + (flush.block & 1))
            return self.reply(packet)
        if block in self.waiters:
            self.waiters[block].append(packet)
            return kernel.current
        self.waiters[block] = []
        packet.op = OP_FETCH
        return kernel.send(packet, DISK0 + (block & 1))


class Client(Task):
    def __init__(self, seed, requests, window, hot, span):
        self.state = seed
        self.left = requests
        self.window = window
        self.hot = hot
        self.span = span
        self.outstanding = 0
        self.free = None
        self.checksum = 0
        self.replies = 0
        self.writes = 0

    def next_random(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state >> 8

    def fresh_packet(self):
        packet = self.free
        if packet is None:
            return Packet(self.tcb.tid)
        self.free = packet.link
        packet.link = None
        return packet

    def step(self, packet):
        kernel = self.kernel
        if packet is not None:
            self.outstanding -= 1
            self.replies += 1
            self.checksum = (self.checksum * 31 + packet.data + packet.hops) & 0xFFFFFFF
            packet.hops = 0
            packet.link = self.free
            self.free = packet
        if self.left > 0 and self.outstanding < self.window:
            r = self.next_random()
            request = self.fresh_packet()
            if r % 4 == 0:
                request.block = r % self.span
            else:
                request.block = r % self.hot
            if r % 7 == 0:
                request.op = OP_WRITE
                request.data = r & 0xFFFF
                self.writes += 1
            else:
                request.op = OP_READ
            self.left -= 1
            self.outstanding += 1
            return kernel.send(request, CACHE)
        return kernel.wait()


def simulate(seed, clients, requests):
    kernel = Kernel()
    disks = [Disk(0, 4096), Disk(1, 4096)]
    kernel.spawn(TIMER, 0, Timer(1000000, disks))
    kernel.spawn(DISK0, 50, disks[0])
    kernel.spawn(DISK1, 50, disks[1])
    cache = CacheTask(96)
    kernel.spawn(CACHE, 40, cache)
    tasks = []
    for i in range(clients):
        client = Client(seed + i * 7919, requests, 2 + i % 3, 64 + 16 * i, 4096)
        kernel.spawn(FIRST_CLIENT + i, 10 + i, client)
        tasks.append(client)
    kernel.run()
    summary = [kernel.switches, kernel.sends, kernel.holds, kernel.releases, kernel.clock,
               cache.hits, cache.misses, cache.evictions]
    for disk in disks:
        summary.append(disk.completed)
        summary.append(disk.seek_total)
        summary.append(disk.flushed)
    for client in tasks:
        summary.append(client.replies)
        summary.append(client.checksum)
    return summary


total = 0
for round_no in range(4):
    result = simulate(12345 + round_no, 5, 3000)
    print(round_no, result[:8])
    for value in result:
        total = (total * 1000003 + value) % 1000000007
print("checksum", total)
