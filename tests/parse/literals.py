0, 1, 123, 1_000_000, 0x1F, 0XaB, 0o17, 0O7, 0b1010, 0B1, 00, 0_0
123456789012345678901234567890
1.5, 1., .5, 1e10, 1E-5, 1.5e+3, 1_0.0_1, 0e0, 1e400
1j, 2.5j, 1e3J
'single', "double", '''triple
line''', """dtriple"""
'esc\n\t\\\'\"\x41\u00e9\U0001F600\101\0'
r'raw\n', R"raw\d"
'implicit' "concat" 'enation'
'caf\u00e9 ünïcödé'
f'plain'
f'{x}'
f'a{x!r}b{y!s}c{z!a}'
f'{x:>10}'
f'{x:{w}.{p}f}'
f'{x=}'
f'{x = }'
f'{x=:>5}'
f'{x=!s}'
f'{{literal}}'
rf'{x}\n'
f'{a["k"]}' 'tail' f"{b}"
f'{3.14:.2f}'
f'{x!r:^20}'
'\
continued'
