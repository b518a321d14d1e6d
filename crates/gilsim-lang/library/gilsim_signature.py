# inspect's signatures: Parameter, Signature, BoundArguments, signature(), getfullargspec()
# and unwrap(), with the algorithms and messages of CPython's Lib/inspect.py (3.6-3.13): a
# function's signature is read from its __code__, __defaults__, __kwdefaults__ and
# __annotations__; methods drop their first parameter, classes show __new__'s or __init__'s,
# functools.partial binds its arguments, and decorators made with functools.wraps are seen
# through (__wrapped__). gilsim's built-in stand-ins for functions CPython writes in Python
# (threading.Thread's methods, current_thread) have their CPython signatures (_NATIVE_STUBS);
# other built-in functions have none here (CPython reads some from their C docstrings):
# ValueError, as CPython raises for the others.

import collections
import enum
import functools
import sys
import types
import _gilsim
from keyword import iskeyword

_ORDERED = _gilsim.version < (3, 9)
_CO_VARARGS = 0x4
_CO_VARKEYWORDS = 0x8


def _mapping(items=()):
    # Signature.parameters and BoundArguments.arguments: OrderedDicts before 3.9.
    return collections.OrderedDict(items) if _ORDERED else dict(items)


class _void:
    """A private marker - used in Parameter & Signature."""
    __module__ = "inspect"


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""
    __module__ = "inspect"


class _ParameterKind(enum.IntEnum):
    POSITIONAL_ONLY = 0
    POSITIONAL_OR_KEYWORD = 1
    VAR_POSITIONAL = 2
    KEYWORD_ONLY = 3
    VAR_KEYWORD = 4

    def __str__(self):
        return self._name_

    if _gilsim.version >= (3, 8):
        @property
        def description(self):
            return _DESCRIPTIONS[self]


_ParameterKind.__module__ = "inspect"
_POSITIONAL_ONLY = _ParameterKind.POSITIONAL_ONLY
_POSITIONAL_OR_KEYWORD = _ParameterKind.POSITIONAL_OR_KEYWORD
_VAR_POSITIONAL = _ParameterKind.VAR_POSITIONAL
_KEYWORD_ONLY = _ParameterKind.KEYWORD_ONLY
_VAR_KEYWORD = _ParameterKind.VAR_KEYWORD
_DESCRIPTIONS = {
    _POSITIONAL_ONLY: "positional-only",
    _POSITIONAL_OR_KEYWORD: "positional or keyword",
    _VAR_POSITIONAL: "variadic positional",
    _KEYWORD_ONLY: "keyword-only",
    _VAR_KEYWORD: "variadic keyword",
}


def formatannotation(annotation, base_module=None):
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, type):
        if annotation.__module__ in ("builtins", base_module):
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    __module__ = "inspect"
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        try:
            self._kind = _ParameterKind(kind)
        except ValueError:
            raise ValueError("value %r is not a valid Parameter.kind" % (kind,))
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError("%s parameters cannot have default values" % _DESCRIPTIONS[self._kind])
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError("name is a required attribute for Parameter")
        if not isinstance(name, str):
            raise TypeError("name must be a str, not a %s" % type(name).__name__)
        if not name.isidentifier() or iskeyword(name) and self._kind is not _POSITIONAL_ONLY:
            raise ValueError("%r is not a valid parameter name" % (name,))
        self._name = name

    @property
    def name(self):
        return self._name

    @property
    def default(self):
        return self._default

    @property
    def annotation(self):
        return self._annotation

    @property
    def kind(self):
        return self._kind

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        if name is _void:
            name = self._name
        if kind is _void:
            kind = self._kind
        if annotation is _void:
            annotation = self._annotation
        if default is _void:
            default = self._default
        return type(self)(name, kind, default=default, annotation=annotation)

    def __str__(self):
        formatted = self._name
        spaced = _gilsim.version >= (3, 7)
        if self._annotation is not _empty:
            formatted = (formatted + (": " if spaced else ":")) + formatannotation(self._annotation)
        if self._default is not _empty:
            equals = " = " if spaced and self._annotation is not _empty else "="
            formatted = formatted + equals + repr(self._default)
        if self._kind == _VAR_POSITIONAL:
            formatted = "*" + formatted
        elif self._kind == _VAR_KEYWORD:
            formatted = "**" + formatted
        return formatted

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    __module__ = "inspect"

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY) or name not in self.arguments:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(self.arguments[name])
            else:
                args.append(self.arguments[name])
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started or name not in self.arguments:
                continue
            if param.kind == _VAR_KEYWORD:
                kwargs.update(self.arguments[name])
            else:
                kwargs[name] = self.arguments[name]
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        new_arguments = []
        for name, param in self._signature.parameters.items():
            if name in arguments:
                new_arguments.append((name, arguments[name]))
                continue
            if param.default is not _empty:
                value = param.default
            elif param.kind is _VAR_POSITIONAL:
                value = ()
            elif param.kind is _VAR_KEYWORD:
                value = {}
            else:
                continue
            new_arguments.append((name, value))
        self.arguments = _mapping(new_arguments)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ["%s=%r" % (name, value) for name, value in self.arguments.items()]
        return "<%s (%s)>" % (type(self).__name__, ", ".join(args))


class Signature:
    __module__ = "inspect"
    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = _mapping()
        if parameters is not None and __validate_parameters__:
            top_kind = _POSITIONAL_ONLY
            kind_defaults = False
            for param in parameters:
                kind = param.kind
                if kind < top_kind:
                    raise ValueError("wrong parameter order: %s parameter before %s parameter"
                                     % (_DESCRIPTIONS[top_kind], _DESCRIPTIONS[kind]))
                if kind > top_kind:
                    kind_defaults = False
                    top_kind = kind
                if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                    if param.default is _empty:
                        if kind_defaults:
                            raise ValueError("non-default argument follows default argument")
                    else:
                        kind_defaults = True
                if param.name in params:
                    raise ValueError("duplicate parameter name: %r" % (param.name,))
                params[param.name] = param
        elif parameters is not None:
            for param in parameters:
                params[param.name] = param
        self._parameters = types.MappingProxyType(params)
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
        return _signature_from_callable(obj, follow_wrapped, True, cls)

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _hash_basis(self):
        params = tuple(param for param in self.parameters.values() if param.kind != _KEYWORD_ONLY)
        keyword_only = {param.name: param for param in self.parameters.values() if param.kind == _KEYWORD_ONLY}
        return params, keyword_only, self.return_annotation

    def __hash__(self):
        params, keyword_only, return_annotation = self._hash_basis()
        return hash((params, frozenset(keyword_only.values()), return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._hash_basis() == other._hash_basis()

    def _bind(self, args, kwargs, *, partial=False):
        arguments = _mapping()
        parameters = iter(self.parameters.values())
        leftover = ()
        arg_values = iter(args)
        while True:
            try:
                value = next(arg_values)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                if param.kind == _VAR_POSITIONAL:
                    break
                if param.name in kwargs:
                    if param.kind == _POSITIONAL_ONLY:
                        raise TypeError("%r parameter is positional only, but was passed as a keyword"
                                        % (param.name,)) from None
                    leftover = (param,)
                    break
                if param.kind == _VAR_KEYWORD or param.default is not _empty or partial:
                    leftover = (param,)
                    break
                raise TypeError("missing a required argument: %r" % (param.name,)) from None
            try:
                param = next(parameters)
            except StopIteration:
                raise TypeError("too many positional arguments") from None
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError("too many positional arguments") from None
            if param.kind == _VAR_POSITIONAL:
                arguments[param.name] = (value,) + tuple(arg_values)
                break
            if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                raise TypeError("multiple values for argument %r" % (param.name,)) from None
            arguments[param.name] = value
        kwargs_param = None
        for param in list(leftover) + list(parameters):
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            if param.name not in kwargs:
                if not partial and param.default is _empty:
                    raise TypeError("missing a required argument: %r" % (param.name,)) from None
                continue
            value = kwargs.pop(param.name)
            if param.kind == _POSITIONAL_ONLY:
                raise TypeError("%r parameter is positional only, but was passed as a keyword" % (param.name,))
            arguments[param.name] = value
        if kwargs:
            if kwargs_param is None:
                raise TypeError("got an unexpected keyword argument %r" % (next(iter(kwargs)),))
            arguments[kwargs_param.name] = kwargs
        return self._bound_arguments_cls(self, arguments)

    def bind(self, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return "<%s %s>" % (type(self).__name__, self)

    def __str__(self):
        result = []
        pos_only_separator = False
        kw_only_separator = True
        for param in self.parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                pos_only_separator = True
            elif pos_only_separator:
                result.append("/")
                pos_only_separator = False
            if kind == _VAR_POSITIONAL:
                kw_only_separator = False
            elif kind == _KEYWORD_ONLY and kw_only_separator:
                result.append("*")
                kw_only_separator = False
            result.append(str(param))
        if pos_only_separator:
            result.append("/")
        rendered = "(%s)" % ", ".join(result)
        if self.return_annotation is not _empty:
            rendered += " -> " + formatannotation(self.return_annotation)
        return rendered


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


def unwrap(func, *, stop=None):
    original = func
    seen = {id(func)}
    while not isinstance(func, type) and hasattr(func, "__wrapped__"):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        if id(func) in seen or len(seen) >= sys.getrecursionlimit():
            raise ValueError("wrapper loop when unwrapping %r" % (original,))
        seen.add(id(func))
    return func


# What CPython's threading.py defines, which gilsim's threading implements natively.
def _thread_init(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
    pass


def _self_only(self):
    pass


def _join(self, timeout=None):
    pass


def _set_name(self, name):
    pass


def _set_daemon(self, daemonic):
    pass


def _no_arguments():
    pass


def _trace_function(func):
    pass


_NATIVE_STUBS = {
    "threading.Thread.__init__": _thread_init,
    "threading.Thread.start": _self_only,
    "threading.Thread.run": _self_only,
    "threading.Thread.join": _join,
    "threading.Thread.is_alive": _self_only,
    "threading.Thread.isAlive": _self_only,
    "threading.Thread.getName": _self_only,
    "threading.Thread.setName": _set_name,
    "threading.Thread.isDaemon": _self_only,
    "threading.Thread.setDaemon": _set_daemon,
    "threading.current_thread": _no_arguments,
    "threading.currentThread": _no_arguments,
    "threading.main_thread": _no_arguments,
    "threading.active_count": _no_arguments,
    "threading.activeCount": _no_arguments,
    "threading.enumerate": _no_arguments,
    "threading.settrace": _trace_function,
    "threading.setprofile": _trace_function,
}


# random's module functions: in CPython, methods of its hidden Random instance (bound: no self).
def _a_b(a, b):
    pass


def _seq(seq):
    pass


def _choices(population, weights=None, *, cum_weights=None, k=1):
    pass


def _seed(a=None, version=2):
    pass


def _alpha(alpha):
    pass


def _alpha_beta(alpha, beta):
    pass


def _mu_sigma(mu, sigma):
    pass


def _mu_sigma_defaults(mu=0.0, sigma=1.0):
    pass


def _triangular(low=0.0, high=1.0, mode=None):
    pass


def _setstate(state):
    pass


if _gilsim.version >= (3, 9):
    def _randrange(start, stop=None, step=1):
        pass

    def _sample(population, k, *, counts=None):
        pass
else:
    def _randrange(start, stop=None, step=1, _int=int):
        pass

    def _sample(population, k):
        pass

if _gilsim.version >= (3, 11):
    def _shuffle(x):
        pass
    _gauss = _mu_sigma_defaults
else:
    def _shuffle(x, random=None):
        pass
    _gauss = _mu_sigma

if _gilsim.version >= (3, 12):
    def _expovariate(lambd=1.0):
        pass
else:
    def _expovariate(lambd):
        pass


def _getrandbits(k, /):
    pass


def _randbytes(n):
    pass


def _vonmises(mu, kappa):
    pass


for _name, _stub in [("randint", _a_b), ("uniform", _a_b), ("choice", _seq), ("choices", _choices),
                     ("randrange", _randrange), ("shuffle", _shuffle), ("sample", _sample), ("gauss", _gauss),
                     ("normalvariate", _gauss), ("seed", _seed), ("triangular", _triangular),
                     ("betavariate", _alpha_beta), ("gammavariate", _alpha_beta), ("weibullvariate", _alpha_beta),
                     ("paretovariate", _alpha), ("expovariate", _expovariate), ("lognormvariate", _mu_sigma),
                     ("vonmisesvariate", _vonmises), ("getstate", _no_arguments), ("setstate", _setstate),
                     ("randbytes", _randbytes)]:
    _NATIVE_STUBS["random." + _name] = _stub
if _gilsim.version >= (3, 8):
    # C methods with text signatures from 3.8.
    _NATIVE_STUBS["random.random"] = _no_arguments
    _NATIVE_STUBS["random.getrandbits"] = _getrandbits
if _gilsim.version >= (3, 12):
    def _binomialvariate(n=1, p=0.5):
        pass

    _NATIVE_STUBS["random.binomialvariate"] = _binomialvariate


def _native_stub(obj):
    if not isinstance(obj, types.BuiltinFunctionType):
        return None
    return _NATIVE_STUBS.get("%s.%s" % (getattr(obj, "__module__", None), obj.__qualname__))


def _signature_from_callable(obj, follow_wrapped, skip_bound_arg, cls):
    if not callable(obj):
        raise TypeError("%r is not a callable object" % (obj,))
    if isinstance(obj, types.MethodType):
        sig = _signature_from_callable(obj.__func__, follow_wrapped, skip_bound_arg, cls)
        return _signature_bound_method(sig) if skip_bound_arg else sig
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
        if isinstance(obj, types.MethodType):
            return _signature_from_callable(obj, follow_wrapped, skip_bound_arg, cls)
    try:
        sig = obj.__signature__
    except AttributeError:
        sig = None
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError("unexpected object %r in __signature__ attribute" % (sig,))
        return sig
    if isinstance(obj, types.FunctionType):
        return _signature_from_function(cls, obj)
    if isinstance(obj, functools.partial):
        wrapped = _signature_from_callable(obj.func, follow_wrapped, skip_bound_arg, cls)
        return _signature_get_partial(wrapped, obj)
    if isinstance(obj, type):
        return _signature_of_class(obj, follow_wrapped, skip_bound_arg, cls)
    if isinstance(obj, types.BuiltinFunctionType):
        stub = _native_stub(obj)
        if stub is None:
            raise ValueError("no signature found for builtin %r" % (obj,))
        return _signature_from_function(cls, stub)
    call = _user_defined_method(type(obj), "__call__")
    if call is not None:
        sig = _signature_from_callable(call, follow_wrapped, skip_bound_arg, cls)
        return _signature_bound_method(sig) if skip_bound_arg else sig
    raise ValueError("callable %r is not supported by signature" % (obj,))


def _user_defined_method(owner, name):
    try:
        method = getattr(owner, name)
    except AttributeError:
        return None
    if isinstance(method, (types.FunctionType, types.MethodType, functools.partial)) or _native_stub(method):
        return method
    return None


# Classes gilsim writes in Python that CPython writes in C: no signature of their own.
_C_CLASSES = {"collections.deque", "collections.defaultdict"}


def _is_c_class(base):
    name = "%s.%s" % (base.__module__, base.__qualname__)
    # Before 3.13 threading.local (_thread._local) is a C type with a __new__ of its own.
    return name in _C_CLASSES or base.__module__ == "_thread" and _gilsim.version < (3, 13)


def _signature_of_class(obj, follow_wrapped, skip_bound_arg, cls):
    new = _user_defined_method(obj, "__new__")
    init = _user_defined_method(obj, "__init__")
    factory = None
    c_class = False
    for base in obj.__mro__:
        if _is_c_class(base):
            c_class = True
            break
        if new is not None and "__new__" in base.__dict__:
            factory = new
            break
        if init is not None and "__init__" in base.__dict__:
            factory = init
            break
    if factory is None:
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__ and not c_class:
            return cls()
        raise ValueError("no signature found for builtin type %r" % (obj,))
    sig = _signature_from_callable(factory, follow_wrapped, skip_bound_arg, cls)
    return _signature_bound_method(sig) if skip_bound_arg else sig


def _signature_bound_method(sig):
    params = tuple(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError("invalid method signature")
    if params[0].kind in (_POSITIONAL_OR_KEYWORD, _POSITIONAL_ONLY):
        params = params[1:]
    return sig.replace(parameters=params)


def _signature_from_function(cls, func):
    code = func.__code__
    pos_count = code.co_argcount
    names = code.co_varnames
    posonly_left = getattr(code, "co_posonlyargcount", 0)
    positional = names[:pos_count]
    keyword_only = names[pos_count:pos_count + code.co_kwonlyargcount]
    annotations = func.__annotations__
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    non_default_count = pos_count - len(defaults)
    parameters = []
    for index, name in enumerate(positional):
        kind = _POSITIONAL_ONLY if posonly_left else _POSITIONAL_OR_KEYWORD
        default = defaults[index - non_default_count] if index >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default, annotation=annotations.get(name, _empty)))
        if posonly_left:
            posonly_left -= 1
    index = pos_count + len(keyword_only)
    if code.co_flags & _CO_VARARGS:
        name = names[index]
        parameters.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
        index += 1
    for name in keyword_only:
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & _CO_VARKEYWORDS:
        name = names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return cls(parameters, return_annotation=annotations.get("return", _empty), __validate_parameters__=False)


def _signature_get_partial(wrapped_sig, partial):
    old_params = wrapped_sig.parameters
    new_params = collections.OrderedDict(old_params.items())
    keywords = partial.keywords or {}
    try:
        bound = wrapped_sig.bind_partial(*(partial.args or ()), **keywords)
    except TypeError as ex:
        raise ValueError("partial object %r has incorrect arguments" % (partial,)) from ex
    to_keyword_only = False
    for name, param in old_params.items():
        if name in bound.arguments:
            value = bound.arguments[name]
            if param.kind is _POSITIONAL_ONLY:
                new_params.pop(name)
                continue
            if param.kind is _POSITIONAL_OR_KEYWORD:
                if name in keywords:
                    to_keyword_only = True
                    new_params[name] = param.replace(default=value)
                else:
                    new_params.pop(name)
                    continue
            if param.kind is _KEYWORD_ONLY:
                new_params[name] = param.replace(default=value)
        if to_keyword_only:
            if param.kind is _POSITIONAL_OR_KEYWORD:
                new_params[name] = new_params[name].replace(kind=_KEYWORD_ONLY)
                new_params.move_to_end(name)
            elif param.kind in (_KEYWORD_ONLY, _VAR_KEYWORD):
                new_params.move_to_end(name)
            elif param.kind is _VAR_POSITIONAL:
                new_params.pop(name)
    return wrapped_sig.replace(parameters=new_params.values())


FullArgSpec = collections.namedtuple(
    "FullArgSpec", "args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations")
FullArgSpec.__module__ = "inspect"


def getfullargspec(func):
    try:
        sig = _signature_from_callable(func, False, False, Signature)
    except Exception as ex:
        raise TypeError("unsupported callable") from ex
    args = []
    varargs = None
    varkw = None
    posonlyargs = []
    kwonlyargs = []
    annotations = {}
    defaults = ()
    kwdefaults = {}
    if sig.return_annotation is not sig.empty:
        annotations["return"] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind is _POSITIONAL_ONLY:
            posonlyargs.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _POSITIONAL_OR_KEYWORD:
            args.append(name)
            if param.default is not param.empty:
                defaults += (param.default,)
        elif kind is _VAR_POSITIONAL:
            varargs = name
        elif kind is _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not param.empty:
                kwdefaults[name] = param.default
        elif kind is _VAR_KEYWORD:
            varkw = name
        if param.annotation is not param.empty:
            annotations[name] = param.annotation
    return FullArgSpec(posonlyargs + args, varargs, varkw, defaults or None, kwonlyargs, kwdefaults or None,
                       annotations)
