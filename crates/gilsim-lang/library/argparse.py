# argparse: command-line parsing as CPython's argparse does it for the common forms —
# optionals (`-v`, `--name value`, `--name=value`, `-nVALUE`, grouped short flags, unique
# prefixes of long names), positionals with nargs None/'?'/'*'/'+'/N, the store,
# store_const, store_true/false, append, append_const, count, extend (3.8+), help and version
# actions, `type`, `choices`, `required`, `default`, `dest`, `metavar`, argument groups and
# mutually exclusive groups; the usage line, help (width 78: the simulated terminal has no
# COLUMNS) and CPython's error messages, exiting with status 2. `sys.argv` comes from
# `gilsim run SCRIPT -- ARGS`. Positionals are matched after all optionals are read, so
# intermixed forms CPython refuses may be accepted.
import sys as _sys
import _gilsim

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = _argument_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _argument_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


class Namespace(object):
    def __init__(self, **kwargs):
        for name in kwargs:
            setattr(self, name, kwargs[name])

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__

    def __repr__(self):
        items = list(self.__dict__.items())
        if _gilsim.version < (3, 9):
            items = sorted(items)
        return "Namespace(%s)" % ", ".join("%s=%r" % (k, v) for k, v in items)


class HelpFormatter(object):
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self._prog = prog
        self._width = 78 if width is None else width
        self._max_help_position = min(max_help_position, max(self._width - 20, indent_increment * 2))

    def _help_text(self, action):
        return action.help % dict(vars(action), prog=self._prog) if "%" in action.help else action.help


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _help_text(self, action):
        text = HelpFormatter._help_text(self, action)
        if "%(default)" not in action.help and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += " (default: %s)" % (action.default,)
        return text


class Action(object):
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = "store"

    def __repr__(self):
        names = ["option_strings", "dest", "nargs", "const", "default", "type", "choices", "required", "help",
                 "metavar"]
        return "%s(%s)" % (type(self).__name__, ", ".join("%s=%r" % (n, getattr(self, n)) for n in names))


_ACTIONS = ("store", "store_const", "store_true", "store_false", "append", "append_const", "count", "help",
            "version", "extend")


if _gilsim.version >= (3, 9):
    class BooleanOptionalAction(Action):
        # `--flag` / `--no-flag` (3.9+): add_argument(action=BooleanOptionalAction) adds the
        # `--no-` form of each long option, and its usage shows `[--flag | --no-flag]`.
        pass


class _Group(object):
    def __init__(self, parser, title=None, description=None, exclusive=False, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self._group_actions = []
        self._exclusive = exclusive
        self.required = required

    def add_argument(self, *args, **kwargs):
        action = self._parser.add_argument(*args, **kwargs)
        self._group_actions.append(action)
        if not self._exclusive and self.title is not None:
            self._parser._move_to_group(action, self)
        return action

    def add_mutually_exclusive_group(self, required=False):
        return self._parser.add_mutually_exclusive_group(required)


class ArgumentParser(object):
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=[],
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            prog = _sys.argv[0].replace("\\", "/").split("/")[-1] if _sys.argv else ""
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        self._groups = []
        self._exclusive = []
        self._positionals = _Group(self, "positional arguments")
        options_title = "options" if _gilsim.version >= (3, 10) else "optional arguments"
        self._optionals = _Group(self, options_title)
        self._groups.extend([self._positionals, self._optionals])
        self._placement = {}
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if action.kind != "help":
                    self._add_action(action)
            self._defaults.update(parent._defaults)

    # ---- defining arguments ----
    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or (len(args) == 1 and args[0][:1] not in chars):
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.pop("dest")
            option_strings = []
            kwargs.setdefault("required", kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE, REMAINDER))
        else:
            option_strings = list(args)
            for option in option_strings:
                if option[:1] not in chars:
                    raise ValueError("invalid option string %r: must start with a character %r" % (option, chars))
            dest = kwargs.pop("dest", None)
            if dest is None:
                longs = [o for o in option_strings if len(o) > 1 and o[1] in chars]
                dest = (longs or option_strings)[0].lstrip(chars).replace("-", "_")
        kind = kwargs.pop("action", "store")
        if _gilsim.version >= (3, 9) and kind is BooleanOptionalAction:
            kind = "boolean_optional"
            expanded = []
            for option in option_strings:
                expanded.append(option)
                if option.startswith("--"):
                    expanded.append("--no-" + option[2:])
            option_strings = expanded
            kwargs["nargs"] = 0
            kwargs.setdefault("default", None)
            help_text = kwargs.get("help")
            if (3, 9) <= _gilsim.version < (3, 11) and help_text is not None and kwargs["default"] is not None \
                    and kwargs["default"] is not SUPPRESS:
                kwargs["help"] = help_text + " (default: %(default)s)"
        elif kind not in _ACTIONS or (kind == "extend" and _gilsim.version < (3, 8)):
            raise ValueError("unknown action %r" % (kind,))
        version = kwargs.pop("version", None)
        if kind in ("store_true", "store_false", "count", "help", "version", "store_const", "append_const"):
            for bad in ("nargs", "type", "choices"):
                if kwargs.get(bad) is not None:
                    raise TypeError("__init__() got an unexpected keyword argument '%s'" % bad)
        if kind == "store_true":
            kwargs.setdefault("default", False)
            kwargs["const"] = True
            kwargs["nargs"] = 0
        elif kind == "store_false":
            kwargs.setdefault("default", True)
            kwargs["const"] = False
            kwargs["nargs"] = 0
        elif kind in ("store_const", "append_const", "count", "help", "version"):
            kwargs["nargs"] = 0
            if kind == "help":
                kwargs.setdefault("default", SUPPRESS)
                dest = SUPPRESS if dest == "help" else dest
            if kind == "version":
                kwargs.setdefault("default", SUPPRESS)
                kwargs.setdefault("help", "show program's version number and exit")
                dest = SUPPRESS if dest == "version" else dest
        if "default" not in kwargs:
            kwargs["default"] = self._defaults.get(dest, self.argument_default)
        nargs = kwargs.get("nargs")
        if nargs == 0 and kind in ("store", "append", "extend"):
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, "
                             "actions such as store true or store const may be more appropriate")
        type_func = kwargs.get("type")
        if type_func is not None and not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        action = Action(option_strings, dest, **kwargs)
        action.kind = kind
        action.version = version
        self._add_action(action)
        return action

    def _add_action(self, action):
        self._actions.append(action)
        group = self._optionals if action.option_strings else self._positionals
        group._group_actions.append(action)
        self._placement[id(action)] = group

    def _move_to_group(self, action, group):
        old = self._placement[id(action)]
        if action in old._group_actions:
            old._group_actions.remove(action)
        self._placement[id(action)] = group

    def add_argument_group(self, title=None, description=None):
        group = _Group(self, title, description)
        self._groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _Group(self, exclusive=True, required=required)
        self._exclusive.append(group)
        return group

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # ---- parsing ----
    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest) and action.default is not SUPPRESS:
                setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            extras = self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return namespace, extras

    def _option_for(self, text):
        # (action, attached value or None, the option as typed) for an option token.
        chars = self.prefix_chars
        name, sep, value = text.partition("=")
        exact = [a for a in self._actions if name in a.option_strings]
        if exact:
            return exact[0], (value if sep else None), name
        if len(text) > 1 and text[1] not in chars:
            short = text[:2]
            matches = [a for a in self._actions if short in a.option_strings]
            if matches:
                rest = text[2:]
                return matches[0], (rest if rest else None), short
        if self.allow_abbrev and len(text) > 2 and text[1] in chars:
            candidates = [(a, o) for a in self._actions for o in a.option_strings if o.startswith(name)]
            if len(candidates) == 1:
                return candidates[0][0], (value if sep else None), candidates[0][1]
            if len(candidates) > 1:
                options = ", ".join(o for _, o in candidates)
                raise ArgumentError(None, "ambiguous option: %s could match %s" % (name, options))
        return None, None, text

    def _looks_like_option(self, text):
        if not text or text[0] not in self.prefix_chars or text == "-":
            return False
        if text[1:].replace(".", "", 1).isdigit() and not any(
                o[1:].replace(".", "", 1).isdigit() for a in self._actions for o in a.option_strings):
            return False
        return True

    def _parse(self, args, namespace):
        positionals = []
        extras = []
        seen = []
        i = 0
        while i < len(args):
            text = args[i]
            i += 1
            if text == "--":
                positionals.extend(args[i:])
                break
            if not self._looks_like_option(text):
                positionals.append(text)
                continue
            action, attached, shown = self._option_for(text)
            if action is None:
                extras.append(text)
                continue
            if action.nargs == 0:
                if attached is not None:
                    if "=" in text or shown.startswith(self.prefix_chars * 2):
                        raise ArgumentError(action, "ignored explicit argument %r" % attached)
                    # Grouped short flags: -vq is -v -q.
                    args.insert(i, self.prefix_chars[0] + attached)
                self._check_exclusive(action, seen)
                self._take(action, namespace, [], shown)
                continue
            if attached is not None:
                values = [attached]
            else:
                values = []
                while i < len(args) and not self._looks_like_option(args[i]) and args[i] != "--":
                    values.append(args[i])
                    i += 1
                    if action.nargs is None or action.nargs == OPTIONAL:
                        break
                    if isinstance(action.nargs, int) and len(values) == action.nargs:
                        break
            self._check_count(action, values)
            self._check_exclusive(action, seen)
            self._take(action, namespace, values, shown)
        self._assign_positionals(positionals, namespace, seen, extras)
        required = [a for a in self._actions if a.required and a not in seen]
        if required:
            names = ", ".join(_argument_name(a) for a in required)
            raise ArgumentError(None, "the following arguments are required: %s" % names)
        for group in self._exclusive:
            if group.required and not any(a in seen for a in group._group_actions):
                names = " ".join(_argument_name(a) for a in group._group_actions if a.help is not SUPPRESS)
                raise ArgumentError(None, "one of the arguments %s is required" % names)
        for action in self._actions:
            if action not in seen and isinstance(action.default, str) and action.dest is not SUPPRESS:
                if getattr(namespace, action.dest, None) is action.default and action.type is not None:
                    setattr(namespace, action.dest, self._convert(action, action.default))
        return extras

    def _check_count(self, action, values):
        nargs = action.nargs
        if nargs is None and len(values) != 1:
            raise ArgumentError(action, "expected one argument")
        if nargs == ONE_OR_MORE and not values:
            raise ArgumentError(action, "expected at least one argument")
        if isinstance(nargs, int) and len(values) != nargs:
            raise ArgumentError(action, "expected %d argument%s" % (nargs, "" if nargs == 1 else "s"))

    def _check_exclusive(self, action, seen):
        for group in self._exclusive:
            if action in group._group_actions:
                for other in group._group_actions:
                    if other in seen and other is not action:
                        raise ArgumentError(action, "not allowed with argument %s" % _argument_name(other))
        seen.append(action)

    def _assign_positionals(self, strings, namespace, seen, extras):
        actions = [a for a in self._actions if not a.option_strings]
        minimum = [0 if a.nargs in (OPTIONAL, ZERO_OR_MORE) else (a.nargs if isinstance(a.nargs, int) else 1)
                   for a in actions]
        index = 0
        for k, action in enumerate(actions):
            left = len(strings) - index
            need_after = sum(minimum[k + 1:])
            nargs = action.nargs
            if nargs is None:
                take = 1 if left >= 1 else 0
            elif nargs == OPTIONAL:
                take = 1 if left - need_after >= 1 else 0
            elif nargs in (ZERO_OR_MORE, ONE_OR_MORE, REMAINDER):
                take = max(left - need_after, 0)
            else:
                take = nargs if left >= nargs else 0
            values = strings[index:index + take]
            if nargs is None and not values or nargs == ONE_OR_MORE and not values or (
                    isinstance(nargs, int) and len(values) != nargs):
                continue
            index += take
            seen.append(action)
            if nargs == OPTIONAL and not values:
                value = action.const if action.const is not None else action.default
                if isinstance(value, str) and action.type is not None:
                    value = self._convert(action, value)
                setattr(namespace, action.dest, value)
                continue
            if nargs == ZERO_OR_MORE and not values:
                setattr(namespace, action.dest, action.default if action.default is not None else [])
                continue
            self._take(action, namespace, values, None)
        extras.extend(strings[index:])

    def _convert(self, action, text):
        type_func = action.type
        if type_func is None:
            return text
        try:
            return type_func(text)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, "__name__", repr(type_func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, text))

    def _take(self, action, namespace, values, shown):
        kind = action.kind
        if kind == "help":
            self.print_help()
            self.exit()
        if kind == "version":
            print(action.version % {"prog": self.prog} if action.version else "")
            self.exit()
        converted = [self._convert(action, v) for v in values]
        for value in converted:
            if action.choices is not None and value not in action.choices:
                choices = ", ".join(map(repr, action.choices))
                raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))
        if kind in ("store_true", "store_false", "store_const"):
            setattr(namespace, action.dest, action.const)
        elif kind == "boolean_optional":
            setattr(namespace, action.dest, not shown.startswith("--no-"))
        elif kind == "count":
            setattr(namespace, action.dest, (getattr(namespace, action.dest, None) or 0) + 1)
        elif kind == "append_const":
            items = list(getattr(namespace, action.dest, None) or [])
            items.append(action.const)
            setattr(namespace, action.dest, items)
        elif kind in ("append", "extend"):
            items = list(getattr(namespace, action.dest, None) or [])
            if kind == "extend":
                items.extend(converted)
            else:
                items.append(converted[0] if action.nargs in (None, OPTIONAL) else converted)
            setattr(namespace, action.dest, items)
        elif action.nargs is None:
            setattr(namespace, action.dest, converted[0])
        elif action.nargs == OPTIONAL:
            setattr(namespace, action.dest, converted[0] if converted else action.const)
        else:
            setattr(namespace, action.dest, converted)

    # ---- help and errors ----
    def _metavar(self, action):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return "{%s}" % ",".join(map(str, action.choices))
        return action.dest.upper() if action.option_strings else action.dest

    def _args_text(self, action):
        metavar = self._metavar(action)
        nargs = action.nargs
        if nargs is None:
            return metavar
        if nargs == OPTIONAL:
            return "[%s]" % metavar
        if nargs == ZERO_OR_MORE:
            return "[%s ...]" % metavar if _gilsim.version >= (3, 9) else "[%s [%s ...]]" % (metavar, metavar)
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % (metavar, metavar)
        if nargs == REMAINDER:
            return "..."
        return " ".join([metavar] * nargs)

    def _usage_part(self, action):
        if not action.option_strings:
            return self._args_text(action)
        option = action.option_strings[0]
        if action.kind == "boolean_optional":
            option = " | ".join(action.option_strings)
        part = option if action.nargs == 0 else "%s %s" % (option, self._args_text(action))
        return part if action.required else "[%s]" % part

    def format_usage(self):
        if self.usage is not None:
            return "usage: %s\n" % (self.usage % {"prog": self.prog})
        opt_parts = self._optional_usage_parts()
        pos_parts = [self._usage_part(a) for a in self._actions if not a.option_strings and a.help is not SUPPRESS]
        prefix = "usage: "
        usage = " ".join([self.prog] + opt_parts + pos_parts)
        if len(prefix) + len(usage) <= 78:
            return prefix + usage + "\n"
        # CPython's wrapping: optionals after the prog, positionals on lines of their own.
        if _gilsim.version < (3, 13):
            # Before 3.13 the parts are found again in the joined text, by a regular expression
            # that splits an unbracketed one (a required option, `FILE [FILE ...]`) at spaces.
            opt_parts = [token for part in opt_parts for token in _usage_tokens(part)]
            pos_parts = [token for part in pos_parts for token in _usage_tokens(part)]
        indent = " " * (len(prefix) + len(self.prog) + 1)
        if len(prefix) + len(self.prog) <= 0.75 * 78:
            if opt_parts:
                lines = _usage_lines([self.prog] + opt_parts, indent, prefix)
                lines.extend(_usage_lines(pos_parts, indent))
            elif pos_parts:
                lines = _usage_lines([self.prog] + pos_parts, indent, prefix)
            else:
                lines = [self.prog]
        else:
            indent = " " * len(prefix)
            lines = _usage_lines(opt_parts + pos_parts, indent)
            lines = [self.prog] + lines
        return prefix + "\n".join(lines) + "\n"

    def _optional_usage_parts(self):
        # Each optional, a mutually exclusive group's members joined as [-a | -b] or (-a | -b).
        parts = []
        done = set()
        for action in self._actions:
            if not action.option_strings or action.help is SUPPRESS or id(action) in done:
                continue
            group = next((g for g in self._exclusive if action in g._group_actions), None)
            if group is None or len(group._group_actions) < 2:
                parts.append(self._usage_part(action))
                continue
            members = [a for a in group._group_actions if a.help is not SUPPRESS]
            done.update(id(a) for a in members)
            inner = " | ".join(self._usage_part(a).strip("[]") if not a.required else self._usage_part(a)
                               for a in members)
            parts.append(("(%s)" if group.required else "[%s]") % inner)
        return parts

    def _invocation(self, action):
        if not action.option_strings:
            return self._metavar(action)
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._args_text(action)
        if _gilsim.version >= (3, 13):
            return ", ".join(action.option_strings) + " " + args
        return ", ".join("%s %s" % (o, args) for o in action.option_strings)

    def format_help(self):
        formatter = self.formatter_class(self.prog)
        out = [self.format_usage()]
        if self.description:
            out.append("\n" + _fill(self.description, formatter) + "\n")
        shown = [a for a in self._actions if a.help is not SUPPRESS]
        width = max([len(self._invocation(a)) + 2 for a in shown] or [0])
        help_position = min(width + 2, formatter._max_help_position)
        for group in self._groups:
            actions = [a for a in group._group_actions if a.help is not SUPPRESS]
            if not actions and group.description is None:
                continue
            out.append("\n%s:\n" % group.title)
            if group.description:
                out.append("  %s\n\n" % group.description)
            for action in actions:
                out.append(_format_action(self._invocation(action), action, formatter, help_position))
        if self.epilog:
            out.append("\n" + _fill(self.epilog, formatter) + "\n")
        return "".join(out)

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


def _usage_tokens(part):
    # HelpFormatter._format_usage's part_regexp before 3.13:
    # r'\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+'.
    tokens = []
    i = 0
    n = len(part)
    while i < n:
        if part[i].isspace():
            i += 1
            continue
        if part[i] in "([":
            close = ")" if part[i] == "(" else "]"
            j = i + 1
            end = None
            while j < n and end is None:
                if part[j] == close:
                    k = j
                    while k < n and part[k] == close:
                        k += 1
                    if k == n or part[k].isspace():
                        end = k
                j += 1
            if end is not None:
                tokens.append(part[i:end])
                i = end
                continue
        j = i
        while j < n and not part[j].isspace():
            j += 1
        tokens.append(part[i:j])
        i = j
    return tokens


def _usage_lines(parts, indent, prefix=None):
    # HelpFormatter._format_usage's get_lines, for a text width of 78.
    lines = []
    line = []
    line_len = len(prefix) - 1 if prefix is not None else len(indent) - 1
    for part in parts:
        if line_len + 1 + len(part) > 78 and line:
            lines.append(indent + " ".join(line))
            line = []
            line_len = len(indent) - 1
        line.append(part)
        line_len += len(part) + 1
    if line:
        lines.append(indent + " ".join(line))
    if prefix is not None:
        lines[0] = lines[0][len(indent):]
    return lines


def _fill(text, formatter):
    if isinstance(formatter, RawDescriptionHelpFormatter):
        return text
    return "\n".join(_wrap(" ".join(text.split()), 78))


def _wrap(text, width):
    lines = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    if line:
        lines.append(line)
    return lines


def _format_action(invocation, action, formatter, help_position):
    # CPython's HelpFormatter._format_action with an indent of 2.
    action_width = help_position - 2 - 2
    if not action.help:
        return "  %s\n" % invocation
    if len(invocation) <= action_width:
        header = "  %s  " % invocation.ljust(action_width)
        indent_first = 0
    else:
        header = "  %s\n" % invocation
        indent_first = help_position
    text = formatter._help_text(action)
    if isinstance(formatter, RawTextHelpFormatter):
        lines = text.splitlines()
    else:
        lines = _wrap(" ".join(text.split()), max(78 - help_position, 11))
    parts = [header, " " * indent_first + lines[0] + "\n"]
    for line in lines[1:]:
        parts.append(" " * help_position + line + "\n")
    return "".join(parts)
