print('ab' * 2**62)
