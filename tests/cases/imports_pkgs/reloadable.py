import counter
loads = counter.bump()
print("reloadable: body run", loads)
