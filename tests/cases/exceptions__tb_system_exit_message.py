# SystemExit with a message: printed to stderr, status 1.
raise SystemExit("fatal: stopping")
