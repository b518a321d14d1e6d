# gilsim: expect=ok
# argparse: options and positionals, types, choices, counts, appends, groups, the usage and help
# text (3.9's [x ...], 3.10's 'options:', 3.13's '-t, --threads THREADS'), errors (exit status 2)
# and SystemExit.code.
import argparse, sys
p = argparse.ArgumentParser(prog='workers', description='Run some worker threads and report how long they took to finish their jobs.')
p.add_argument('--threads', '-t', type=int, default=4, help='number of worker threads')
p.add_argument('--limit', type=int, default=2000)
p.add_argument('-v', '--verbose', action='store_true', help='print more')
p.add_argument('-q', action='count', default=0)
p.add_argument('--mode', choices=['fast', 'slow'], default='fast', help='how to run')
p.add_argument('--tag', action='append', help='add a tag (repeatable)')
p.add_argument('files', nargs='*', help='input files')
for argv in [[], ['-t', '8', 'a.txt', 'b.txt'], ['--threads=3', '-vqq', '--tag', 'x', '--tag', 'y'], ['--thr', '2'], ['--mode', 'slow', '--', '-x'],
             ['-t'], ['--mode', 'medium'], ['-t', 'many'], ['--bogus'], ['-h']]:
    try:
        ns = p.parse_args(argv)
        print(ns)
    except SystemExit as e:
        print('exit', e.code)
q = argparse.ArgumentParser(prog='copy')
q.add_argument('src')
q.add_argument('dst', nargs='?', default='out')
q.add_argument('-n', '--count', type=int, required=True)
g = q.add_mutually_exclusive_group()
g.add_argument('--fast', action='store_true')
g.add_argument('--safe', action='store_true')
for argv in [['a', '-n', '2'], ['a', 'b', '--count', '5', '--fast'], [], ['a'], ['a', '-n', '1', '--fast', '--safe'], ['a', 'b', 'c', '-n', '1']]:
    try:
        print(q.parse_args(argv))
    except SystemExit as e:
        print('exit', e.code)
print(q.format_usage(), end='')
print(argparse.Namespace(b=1, a=2), vars(p.parse_args([])))
q.print_help()
