import circ_d
late = "too late for circ_d"
