from circ_c import late
