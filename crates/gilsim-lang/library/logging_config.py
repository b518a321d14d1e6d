# logging.config: dictConfig (schema version 1) as CPython's DictConfigurator applies it —
# formatters (`format`, `datefmt`, `style`, or a `()` factory), filters (`name`), handlers
# (`class` by dotted name in `logging` / `logging.handlers`, or a `()` factory; `level`,
# `formatter`, `filters`, the rest as constructor keywords, `ext://sys.stdout` and
# `ext://sys.stderr` as streams), loggers and root (`level`, `handlers`, `filters`,
# `propagate`), `disable_existing_loggers`, `incremental` levels. fileConfig is not provided.
import logging
import sys


def _external(value):
    # "ext://sys.stdout": an object named by a dotted path from a module gilsim provides.
    if isinstance(value, str) and value.startswith("ext://"):
        return _resolve(value[len("ext://"):])
    return value


def _level(level):
    # A level number, or a registered level's name.
    if isinstance(level, int):
        return level
    number = logging.getLevelName(level)
    if not isinstance(number, int):
        raise ValueError("Unknown level: %r" % (level,))
    return number


def _resolve(dotted):
    parts = dotted.split(".")
    if parts[0] == "sys":
        found = sys
    elif parts[0] == "logging":
        if len(parts) > 1 and parts[1] == "handlers":
            from logging import handlers as _loaded  # makes logging.handlers an attribute
        found = logging
    else:
        raise ValueError("Cannot resolve %r: No module named %r" % (dotted, parts[0]))
    for part in parts[1:]:
        try:
            found = getattr(found, part)
        except AttributeError:
            raise ValueError("Cannot resolve %r: No module named %r" % (dotted, dotted.rsplit(".", 1)[0]))
    return found


def _factory(spec):
    factory = spec.pop("()")
    if isinstance(factory, str):
        factory = _resolve(factory)
    properties = spec.pop(".", None)
    result = factory(**{key: _external(value) for key, value in spec.items()})
    if properties:
        for name, value in properties.items():
            setattr(result, name, value)
    return result


def _formatter(spec):
    spec = dict(spec)
    if "()" in spec:
        return _factory(spec)
    style = spec.get("style", "%")
    return logging.Formatter(spec.get("format"), spec.get("datefmt"), style)


def _filter(spec):
    spec = dict(spec)
    if "()" in spec:
        return _factory(spec)
    return logging.Filter(spec.get("name", ""))


def _add_filters(filterer, names, filters):
    for name in names:
        try:
            filterer.addFilter(filters[name])
        except KeyError:
            raise ValueError("Unable to add filter %r" % name)


def _handler(name, spec, formatters, filters):
    spec = dict(spec)
    formatter = spec.pop("formatter", None)
    level = spec.pop("level", None)
    filter_names = spec.pop("filters", ())
    if "()" in spec:
        handler = _factory(spec)
    else:
        try:
            klass = _resolve(spec.pop("class"))
        except (KeyError, ValueError) as error:
            raise ValueError("Unable to configure handler %r" % name) from error
        handler = klass(**{key: _external(value) for key, value in spec.items()})
    handler.name = name
    if formatter is not None:
        try:
            handler.setFormatter(formatters[formatter])
        except KeyError:
            raise ValueError("Unable to configure handler %r" % name)
    if level is not None:
        handler.setLevel(_level(level))
    _add_filters(handler, filter_names, filters)
    return handler


def _configure_logger(logger, spec, handlers, filters, incremental=False):
    level = spec.get("level")
    if level is not None:
        logger.setLevel(_level(level))
    if incremental:
        return
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    for name in spec.get("handlers", ()):
        try:
            logger.addHandler(handlers[name])
        except KeyError:
            raise ValueError("Unable to add handler %r" % name)
    _add_filters(logger, spec.get("filters", ()), filters)
    if "propagate" in spec:
        logger.propagate = spec["propagate"]


def dictConfig(config):
    config = dict(config)
    if config.get("version") != 1:
        raise ValueError("Unsupported version: %s" % config.get("version"))
    incremental = config.get("incremental", False)
    loggers = config.get("loggers", {})
    root = config.get("root")
    if incremental:
        named = {}
        for logger in [logging.root] + list(logging.root.manager.loggerDict.values()):
            for handler in getattr(logger, "handlers", ()):
                named.setdefault(handler.name, handler)
        for name, spec in config.get("handlers", {}).items():
            level = spec.get("level")
            if level is not None:
                if name not in named:
                    raise ValueError("No handler found with name %r" % name)
                named[name].setLevel(_level(level))
        for name, spec in loggers.items():
            _configure_logger(logging.getLogger(name), spec, {}, {}, True)
        if root:
            _configure_logger(logging.getLogger(), root, {}, {}, True)
        return
    disable_existing = config.get("disable_existing_loggers", True)
    formatters = {name: _formatter(spec) for name, spec in config.get("formatters", {}).items()}
    filters = {name: _filter(spec) for name, spec in config.get("filters", {}).items()}
    handlers = {}
    for name in sorted(config.get("handlers", {})):
        handlers[name] = _handler(name, config["handlers"][name], formatters, filters)
    existing = sorted(logging.root.manager.loggerDict)
    configured = set()
    for name in loggers:
        configured.add(name)
        _configure_logger(logging.getLogger(name), loggers[name], handlers, filters)
    if root:
        _configure_logger(logging.getLogger(), root, handlers, filters)
    # Loggers made before that this configuration does not name (nor an ancestor of them
    # names) are disabled, unless asked otherwise.
    for name in existing:
        logger = logging.root.manager.loggerDict.get(name)
        if not isinstance(logger, logging.Logger) or name in configured:
            continue
        if any(name.startswith(parent + ".") for parent in configured):
            logger.disabled = False
            continue
        logger.disabled = disable_existing
