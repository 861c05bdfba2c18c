# An out-of-range value appended to an array: OverflowError.
from array import array
readings = array('B', [10, 200])
for r in [255, 256]:
    readings.append(r)
    print(readings)
