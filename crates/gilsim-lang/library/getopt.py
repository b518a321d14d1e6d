# getopt: Unix-style command-line option parsing, as CPython's getopt module (pure Python
# there too): getopt() stops at the first argument that is not an option, gnu_getopt()
# lets options and arguments mix (unless the short options start with '+'). Long options
# match by unique prefix; `name=` takes an argument. Errors are GetoptError(msg, opt) with
# CPython's messages; the lines that call and raise are CPython's, so that a traceback
# through them prints CPython's frames (gilsim_vm::library_sites::getopt).
import os

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]


def _(s):
    return s


class GetoptError(Exception):
    opt = ''
    msg = ''

    def __init__(self, msg, opt=''):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _long_list(longopts):
    if isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def getopt(args, shortopts, longopts=[]):
    opts = []
    longopts = _long_list(longopts)
    while args and args[0].startswith('-') and args[0] != '-':
        if args[0] == '--':
            args = args[1:]
            break
        if args[0].startswith('--'):
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    opts = []
    prog_args = []
    longopts = _long_list(longopts)
    # A leading '+' (or POSIXLY_CORRECT, never set in a simulated environment) stops at the
    # first argument that is not an option, as getopt() does.
    all_options_first = shortopts.startswith('+')
    if all_options_first:
        shortopts = shortopts[1:]
    elif os.environ.get("POSIXLY_CORRECT"):
        all_options_first = True
    while args:
        if args[0] == '--':
            prog_args += args[1:]
            break
        if args[0][:2] == '--':
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        elif args[0][:1] == '-' and args[0] != '-':
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
        elif all_options_first:
            prog_args += args
            break
        else:
            prog_args.append(args[0])
            args = args[1:]
    return opts, prog_args


def do_longs(opts, opt, longopts, args):
    optarg = None
    if '=' in opt:
        opt, optarg = opt.split('=', 1)
    has_arg, opt = long_has_args(opt, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError(_('option --%s requires argument') % opt, opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError(_('option --%s must not have an argument') % opt, opt)
    opts.append(('--' + opt, optarg or ''))
    return opts, args


# (whether it takes an argument, the option's full name)
def long_has_args(opt, longopts):
    possibilities = [o for o in longopts if o.startswith(opt)]
    if not possibilities:
        raise GetoptError(_('option --%s not recognized') % opt, opt)
    if opt in possibilities:
        return False, opt
    if opt + '=' in possibilities:
        return True, opt
    if len(possibilities) > 1:
        raise GetoptError(_('option --%s not a unique prefix') % opt, opt)
    match = possibilities[0]
    if match.endswith('='):
        return True, match[:-1]
    return False, match


def do_shorts(opts, optstring, shortopts, args):
    while optstring != '':
        opt, optstring = optstring[0], optstring[1:]
        if short_has_arg(opt, shortopts):
            if optstring == '':
                if not args:
                    raise GetoptError(_('option -%s requires argument') % opt, opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ''
        else:
            optarg = ''
        opts.append(('-' + opt, optarg))
    return opts, args


def short_has_arg(opt, shortopts):
    for i in range(len(shortopts)):
        if opt == shortopts[i] != ':':
            return shortopts.startswith(':', i + 1)
    raise GetoptError(_('option -%s not recognized') % opt, opt)
