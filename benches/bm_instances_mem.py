# Memory: an in-memory sensor store. Hundreds of thousands of small objects
# are alive at the same time: Reading instances (three attributes), Sensor
# instances (two attributes plus a list), and a small metadata dict per
# sensor and per fourth reading. Then some work over all of them: per-sensor
# statistics, a recalibration pass that rewrites attributes, and an index
# keyed by (site, hour). The number to watch is the peak RSS.


class Sensor:
    def __init__(self, ident, site):
        self.ident = ident
        self.site = site
        self.readings = []


class Reading:
    def __init__(self, sensor, stamp, value):
        self.sensor = sensor
        self.stamp = stamp
        self.value = value


class Stats:
    def __init__(self):
        self.count = 0
        self.low = None
        self.high = None


SITES = ("roof", "basement", "lab", "office", "yard")


def build(n_sensors, n_readings):
    sensors = []
    meta = []
    for i in range(n_sensors):
        sensors.append(Sensor(i, SITES[i % len(SITES)]))
        meta.append({"ident": i, "site": SITES[i % len(SITES)], "active": i % 11 != 0})
    readings = []
    notes = []
    state = 12345
    for k in range(n_readings):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        sensor = sensors[state % n_sensors]
        reading = Reading(sensor, k * 15, (state >> 7) % 4000 / 100.0 - 10.0)
        sensor.readings.append(reading)
        readings.append(reading)
        if k % 4 == 0:
            notes.append({"reading": k, "flag": state % 3})
    return sensors, meta, readings, notes


def statistics(sensors):
    table = {}
    for sensor in sensors:
        stats = Stats()
        for r in sensor.readings:
            stats.count += 1
            if stats.low is None or r.value < stats.low:
                stats.low = r.value
            if stats.high is None or r.value > stats.high:
                stats.high = r.value
        table[sensor.ident] = stats
    return table


def recalibrate(readings, offsets):
    changed = 0
    for r in readings:
        offset = offsets.get(r.sensor.site)
        if offset is not None:
            r.value = r.value + offset
            changed += 1
    return changed


def hourly_index(readings):
    index = {}
    for r in readings:
        key = (r.sensor.site, r.stamp // 3600)
        index[key] = index.get(key, 0) + 1
    return index


sensors, meta, readings, notes = build(12000, 150000)
table = statistics(sensors)
changed = recalibrate(readings, {"roof": -0.5, "yard": 1.25})
index = hourly_index(readings)
active = sum(1 for m in meta if m["active"])
flagged = sum(1 for note in notes if note["flag"] == 0)
spread = 0.0
for ident in range(0, len(sensors), 97):
    s = table[ident]
    if s.count:
        spread += s.high - s.low
busiest = max(sensors, key=lambda s: (len(s.readings), -s.ident))
print(len(readings), len(sensors), len(notes), active, flagged, changed, len(index))
print(f"spread {spread:.2f} busiest {busiest.ident} with {len(busiest.readings)}")
print(f"mean {sum(r.value for r in readings) / len(readings):.6f}")
