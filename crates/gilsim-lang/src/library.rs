//! The modules a script may import, and gilsim's library modules: the parts of `threading`,
//! `queue`, `concurrent.futures` and the rest that CPython writes in Python (or that gilsim
//! writes in Python on top of its natives), as (name, file name, source).
//!
//! Shared by the crate and its build script, which compiles every library module once, at
//! build time (see `build.rs`). Invariant: a library module imports only modules listed here
//! and `_gilsim`.

/// The modules a script may import.
pub const SUPPORTED_MODULES: &[&str] = &[
    "threading",
    "_thread",
    "queue",
    "time",
    "random",
    "sys",
    "os",
    "atexit",
    "builtins",
    "__main__",
    "errno",
    "keyword",
    "numbers",
    "ctypes",
    "inspect",
    "base64",
    "binascii",
    "uuid",
    "secrets",
    "unittest",
    "csv",
    "concurrent",
    "concurrent.futures",
    "concurrent.futures.thread",
    "concurrent.futures.process",
    "logging",
    "multiprocessing",
    "multiprocessing.pool",
    "multiprocessing.managers",
    "multiprocessing.dummy",
    "multiprocessing.shared_memory",
    "multiprocessing.connection",
    "multiprocessing.queues",
    "multiprocessing.synchronize",
    "multiprocessing.sharedctypes",
    "multiprocessing.process",
    "multiprocessing.context",
    "hashlib",
    "textwrap",
    "weakref",
    "signal",
    "pathlib",
    "logging.handlers",
    "decimal",
    "heapq",
    "itertools",
    "functools",
    "contextlib",
    "collections",
    "collections.abc",
    "math",
    "cmath",
    "copy",
    "pickle",
    "abc",
    "enum",
    "typing",
    "dataclasses",
    "operator",
    "string",
    "bisect",
    "statistics",
    "fractions",
    "array",
    "traceback",
    "json",
    "re",
    "io",
    "timeit",
    "datetime",
    "pprint",
    "argparse",
    "os.path",
    "sched",
    "shutil",
    "tempfile",
    "struct",
    "types",
    "gc",
    "contextvars",
    "warnings",
    "platform",
    "logging.config",
    "asyncio",
    "socket",
    "select",
    "socketserver",
    "selectors",
    "http",
    "http.client",
    "http.server",
    "urllib",
    "urllib.parse",
    "urllib.error",
    "urllib.request",
    "fnmatch",
    "glob",
    "getopt",
    "shlex",
    "html",
    "html.entities",
    "graphlib",
    "hmac",
    "stat",
    "reprlib",
    "calendar",
    "sysconfig",
];

/// Library modules written in Python, linked in this order into the programs that import them
/// (directly or through another library module; `threading`, `_gilsim_iter` and
/// `_gilsim_union` always). Library code may also import `_gilsim`, the VM's internal helpers.
pub const LIBRARY: [(&str, &str, &str); 117] = [
    ("threading", "<gilsim>/threading.py", include_str!("../library/threading.py")),
    ("queue", "<gilsim>/queue.py", include_str!("../library/queue.py")),
    ("_gilsim_iter", "<gilsim>/_gilsim_iter.py", include_str!("../library/gilsim_iter.py")),
    ("concurrent.futures", "<gilsim>/concurrent/futures/__init__.py", include_str!("../library/concurrent_futures.py")),
    ("logging", "<gilsim>/logging/__init__.py", include_str!("../library/logging.py")),
    ("multiprocessing", "<gilsim>/multiprocessing/__init__.py", include_str!("../library/multiprocessing.py")),
    (
        "multiprocessing.shared_memory",
        "<gilsim>/multiprocessing/shared_memory.py",
        include_str!("../library/multiprocessing_shared_memory.py"),
    ),
    ("multiprocessing.pool", "<gilsim>/multiprocessing/pool.py", include_str!("../library/multiprocessing_pool.py")),
    (
        "multiprocessing.managers",
        "<gilsim>/multiprocessing/managers.py",
        include_str!("../library/multiprocessing_managers.py"),
    ),
    (
        "multiprocessing.connection",
        "<gilsim>/multiprocessing/connection.py",
        include_str!("../library/multiprocessing_connection.py"),
    ),
    (
        "multiprocessing.queues",
        "<gilsim>/multiprocessing/queues.py",
        include_str!("../library/multiprocessing_queues.py"),
    ),
    (
        "multiprocessing.synchronize",
        "<gilsim>/multiprocessing/synchronize.py",
        include_str!("../library/multiprocessing_synchronize.py"),
    ),
    (
        "multiprocessing.sharedctypes",
        "<gilsim>/multiprocessing/sharedctypes.py",
        include_str!("../library/multiprocessing_sharedctypes.py"),
    ),
    (
        "multiprocessing.process",
        "<gilsim>/multiprocessing/process.py",
        include_str!("../library/multiprocessing_process.py"),
    ),
    (
        "multiprocessing.context",
        "<gilsim>/multiprocessing/context.py",
        include_str!("../library/multiprocessing_context.py"),
    ),
    ("heapq", "<gilsim>/heapq.py", include_str!("../library/heapq.py")),
    ("itertools", "<gilsim>/itertools.py", include_str!("../library/itertools.py")),
    ("functools", "<gilsim>/functools.py", include_str!("../library/functools.py")),
    ("contextlib", "<gilsim>/contextlib.py", include_str!("../library/contextlib.py")),
    ("collections", "<gilsim>/collections/__init__.py", include_str!("../library/collections.py")),
    ("math", "<gilsim>/math.py", include_str!("../library/math.py")),
    ("_gilsim_reduce", "<gilsim>/copyreg.py", include_str!("../library/gilsim_reduce.py")),
    ("copy", "<gilsim>/copy.py", include_str!("../library/copy.py")),
    ("pickle", "<gilsim>/pickle.py", include_str!("../library/pickle.py")),
    ("abc", "<gilsim>/abc.py", include_str!("../library/abc.py")),
    ("collections.abc", "<gilsim>/_collections_abc.py", include_str!("../library/collections_abc.py")),
    ("enum", "<gilsim>/enum.py", include_str!("../library/enum.py")),
    ("typing", "<gilsim>/typing.py", include_str!("../library/typing.py")),
    ("dataclasses", "<gilsim>/dataclasses.py", include_str!("../library/dataclasses.py")),
    ("operator", "<gilsim>/operator.py", include_str!("../library/operator.py")),
    ("string", "<gilsim>/string.py", include_str!("../library/string.py")),
    ("random", "<gilsim>/random.py", include_str!("../library/random.py")),
    ("bisect", "<gilsim>/bisect.py", include_str!("../library/bisect.py")),
    ("statistics", "<gilsim>/statistics.py", include_str!("../library/statistics.py")),
    ("fractions", "<gilsim>/fractions.py", include_str!("../library/fractions.py")),
    ("array", "<gilsim>/array.py", include_str!("../library/array.py")),
    ("_gilsim_memoryview", "<gilsim>/_gilsim_memoryview.py", include_str!("../library/gilsim_memoryview.py")),
    ("traceback", "<gilsim>/traceback.py", include_str!("../library/traceback.py")),
    ("json", "<gilsim>/json/__init__.py", include_str!("../library/json.py")),
    ("re", "<gilsim>/re/__init__.py", include_str!("../library/re.py")),
    ("sys", "<gilsim>/sys.py", include_str!("../library/sys.py")),
    ("io", "<gilsim>/io.py", include_str!("../library/io.py")),
    ("timeit", "<gilsim>/timeit.py", include_str!("../library/timeit.py")),
    ("time", "<gilsim>/time.py", include_str!("../library/time.py")),
    ("datetime", "<gilsim>/datetime.py", include_str!("../library/datetime.py")),
    ("pprint", "<gilsim>/pprint.py", include_str!("../library/pprint.py")),
    (
        "multiprocessing.dummy",
        "<gilsim>/multiprocessing/dummy/__init__.py",
        include_str!("../library/multiprocessing_dummy.py"),
    ),
    ("argparse", "<gilsim>/argparse.py", include_str!("../library/argparse.py")),
    ("hashlib", "<gilsim>/hashlib.py", include_str!("../library/hashlib.py")),
    ("textwrap", "<gilsim>/textwrap.py", include_str!("../library/textwrap.py")),
    ("weakref", "<gilsim>/weakref.py", include_str!("../library/weakref.py")),
    ("signal", "<gilsim>/signal.py", include_str!("../library/signal.py")),
    ("pathlib", "<gilsim>/pathlib.py", include_str!("../library/pathlib.py")),
    ("logging.handlers", "<gilsim>/logging/handlers.py", include_str!("../library/logging_handlers.py")),
    ("decimal", "<gilsim>/decimal.py", include_str!("../library/decimal.py")),
    ("os", "<gilsim>/os.py", include_str!("../library/os.py")),
    ("os.path", "<gilsim>/posixpath.py", include_str!("../library/os_path.py")),
    ("_strptime", "<gilsim>/_strptime.py", include_str!("../library/strptime.py")),
    ("sched", "<gilsim>/sched.py", include_str!("../library/sched.py")),
    ("shutil", "<gilsim>/shutil.py", include_str!("../library/shutil.py")),
    ("tempfile", "<gilsim>/tempfile.py", include_str!("../library/tempfile.py")),
    ("struct", "<gilsim>/struct.py", include_str!("../library/struct.py")),
    ("_gilsim_match", "<gilsim>/_gilsim_match.py", include_str!("../library/gilsim_match.py")),
    ("types", "<gilsim>/types.py", include_str!("../library/types.py")),
    ("_gilsim_union", "<gilsim>/_gilsim_union.py", include_str!("../library/gilsim_union.py")),
    ("_gilsim_complex", "<gilsim>/_gilsim_complex.py", include_str!("../library/gilsim_complex.py")),
    ("cmath", "<gilsim>/cmath.py", include_str!("../library/cmath.py")),
    ("gc", "<gilsim>/gc.py", include_str!("../library/gc.py")),
    ("contextvars", "<gilsim>/contextvars.py", include_str!("../library/contextvars.py")),
    ("warnings", "<gilsim>/warnings.py", include_str!("../library/warnings.py")),
    ("platform", "<gilsim>/platform.py", include_str!("../library/platform.py")),
    ("logging.config", "<gilsim>/logging/config.py", include_str!("../library/logging_config.py")),
    ("_gilsim_stdin", "<gilsim>/_gilsim_stdin.py", include_str!("../library/gilsim_stdin.py")),
    ("errno", "<gilsim>/errno.py", include_str!("../library/errno.py")),
    ("keyword", "<gilsim>/keyword.py", include_str!("../library/keyword.py")),
    ("numbers", "<gilsim>/numbers.py", include_str!("../library/numbers.py")),
    ("ctypes", "<gilsim>/ctypes/__init__.py", include_str!("../library/ctypes.py")),
    ("_gilsim_signature", "<gilsim>/_gilsim_signature.py", include_str!("../library/gilsim_signature.py")),
    ("inspect", "<gilsim>/inspect.py", include_str!("../library/inspect.py")),
    ("_gilsim_base64", "<gilsim>/_gilsim_base64.py", include_str!("../library/gilsim_base64.py")),
    ("binascii", "<gilsim>/binascii.py", include_str!("../library/binascii.py")),
    ("base64", "<gilsim>/base64.py", include_str!("../library/base64.py")),
    ("uuid", "<gilsim>/uuid.py", include_str!("../library/uuid.py")),
    ("_gilsim_async", "<gilsim>/_gilsim_async.py", include_str!("../library/gilsim_async.py")),
    ("_gilsim_groups", "<gilsim>/_gilsim_groups.py", include_str!("../library/gilsim_groups.py")),
    ("_gilsim_asyncio", "<gilsim>/asyncio/futures.py", include_str!("../library/gilsim_asyncio.py")),
    ("_gilsim_asyncio_tasks", "<gilsim>/asyncio/tasks.py", include_str!("../library/gilsim_asyncio_tasks.py")),
    ("_gilsim_asyncio_loop", "<gilsim>/asyncio/base_events.py", include_str!("../library/gilsim_asyncio_loop.py")),
    ("_gilsim_asyncio_sync", "<gilsim>/asyncio/locks.py", include_str!("../library/gilsim_asyncio_sync.py")),
    ("asyncio", "<gilsim>/asyncio/__init__.py", include_str!("../library/asyncio.py")),
    ("secrets", "<gilsim>/secrets.py", include_str!("../library/secrets.py")),
    ("unittest", "<gilsim>/unittest/__init__.py", include_str!("../library/unittest.py")),
    ("csv", "<gilsim>/csv.py", include_str!("../library/csv.py")),
    (
        "concurrent.futures.thread",
        "<gilsim>/concurrent/futures/thread.py",
        include_str!("../library/concurrent_futures_thread.py"),
    ),
    (
        "concurrent.futures.process",
        "<gilsim>/concurrent/futures/process.py",
        include_str!("../library/concurrent_futures_process.py"),
    ),
    ("socket", "<gilsim>/socket.py", include_str!("../library/socket.py")),
    ("select", "<gilsim>/select.py", include_str!("../library/select.py")),
    ("socketserver", "<gilsim>/socketserver.py", include_str!("../library/socketserver.py")),
    ("selectors", "<gilsim>/selectors.py", include_str!("../library/selectors.py")),
    ("http", "<gilsim>/http/__init__.py", include_str!("../library/http.py")),
    ("http.client", "<gilsim>/http/client.py", include_str!("../library/http_client.py")),
    ("http.server", "<gilsim>/http/server.py", include_str!("../library/http_server.py")),
    ("urllib.parse", "<gilsim>/urllib/parse.py", include_str!("../library/urllib_parse.py")),
    ("urllib.error", "<gilsim>/urllib/error.py", include_str!("../library/urllib_error.py")),
    ("urllib.request", "<gilsim>/urllib/request.py", include_str!("../library/urllib_request.py")),
    ("fnmatch", "<gilsim>/fnmatch.py", include_str!("../library/fnmatch.py")),
    ("glob", "<gilsim>/glob.py", include_str!("../library/glob.py")),
    ("getopt", "<gilsim>/getopt.py", include_str!("../library/getopt.py")),
    ("shlex", "<gilsim>/shlex.py", include_str!("../library/shlex.py")),
    ("html.entities", "<gilsim>/html/entities.py", include_str!("../library/html_entities.py")),
    ("html", "<gilsim>/html/__init__.py", include_str!("../library/html.py")),
    ("graphlib", "<gilsim>/graphlib.py", include_str!("../library/graphlib.py")),
    ("hmac", "<gilsim>/hmac.py", include_str!("../library/hmac.py")),
    ("stat", "<gilsim>/stat.py", include_str!("../library/stat.py")),
    ("reprlib", "<gilsim>/reprlib.py", include_str!("../library/reprlib.py")),
    ("calendar", "<gilsim>/calendar.py", include_str!("../library/calendar.py")),
    ("sysconfig", "<gilsim>/sysconfig.py", include_str!("../library/sysconfig.py")),
];

/// The modules a library module may import: every module a script may, `_gilsim` (the
/// natives) and the library modules themselves.
pub fn library_imports() -> Vec<&'static str> {
    let mut modules = SUPPORTED_MODULES.to_vec();
    modules.push("_gilsim");
    modules.extend(LIBRARY.iter().map(|(name, _, _)| *name));
    modules
}

/// What CPython writes in C among the parts of library modules gilsim writes in Python: by
/// module, the top-level functions and classes (`"*"`: the whole module), and whether
/// Python 2.7 wrote them in C too. Their code runs without switch points — C code never
/// offers the GIL, so `next()` of a shared `itertools.count()` or a `bisect.insort` is atomic
/// in CPython — while the Python code they call (a key function, a generator's body)
/// switches as usual.
pub const WRITTEN_IN_C: &[(&str, &[&str], bool)] = &[
    ("itertools", &["*"], true),
    ("bisect", &["*"], true),
    ("operator", &["*"], true),
    ("math", &["*"], true),
    // The built-ins `zip`, `map`, `filter`, `enumerate`, `any`, `all`, `print`.
    ("_gilsim_iter", &["*"], true),
    ("heapq", &["heappush", "heappop", "heapreplace", "heappushpop", "heapify", "_siftdown", "_siftup"], true),
    ("functools", &["partial", "reduce", "_lru_cache_wrapper", "cmp_to_key", "KeyWrapper", "_key_wrapper"], true),
    ("collections", &["_DictWrapper", "defaultdict", "deque", "_tuplegetter"], true),
    ("queue", &["SimpleQueue"], true),
    ("time", &["*"], true),
    ("sys", &["*"], true),
    ("io", &["*"], true),
    ("datetime", &["*"], true),
    ("struct", &["*"], true),
    ("hashlib", &["*"], true),
    ("weakref", &["_Reference"], true),
    (
        "os",
        &[
            "fspath",
            "getcwd",
            "listdir",
            "mkdir",
            "remove",
            "rmdir",
            "rename",
            "urandom",
            "access",
            "stat",
            "lstat",
            "scandir",
            "kill",
            "getuid",
            "sched_getaffinity",
            "isatty",
            "get_terminal_size",
        ],
        true,
    ),
    // The C scanner and string quoting (the encoder is C only without `indent`).
    ("json", &["_Decoder", "_quote", "_float"], true),
    // The `match` statement's checks: CPython's MATCH_* instructions.
    ("_gilsim_match", &["*"], true),
    // The built-in `complex`.
    ("_gilsim_complex", &["*"], true),
    ("cmath", &["*"], true),
    ("array", &["*"], true),
    ("binascii", &["*"], true),
    ("_gilsim_base64", &["*"], true),
    ("_gilsim_memoryview", &["*"], true),
    // The mapped pages behind `SharedMemory.buf` (`mmap`).
    ("multiprocessing.shared_memory", &["_Segment", "_mapped"], true),
    // C from Python 3 (2.7's are in Python; its C `cPickle` is another module).
    ("collections", &["OrderedDict", "_count_elements"], false),
    ("pickle", &["*"], false),
    ("decimal", &["*"], false),
    ("gc", &["*"], true),
    ("select", &["*"], true),
    (
        "csv",
        &[
            "reader",
            "writer",
            "register_dialect",
            "unregister_dialect",
            "get_dialect",
            "list_dialects",
            "field_size_limit",
        ],
        true,
    ),
    (
        "socket",
        &[
            "gethostname",
            "gethostbyname",
            "getdefaulttimeout",
            "setdefaulttimeout",
            "htons",
            "htonl",
            "ntohs",
            "ntohl",
            "inet_aton",
            "inet_ntoa",
        ],
        true,
    ),
    ("signal", &["default_int_handler", "raise_signal", "strsignal", "pause"], true),
    ("stat", &["*"], false),
    ("abc", &["get_cache_token"], false),
];

/// Whether code `qualname` of library module `module` stands in for C code ([`WRITTEN_IN_C`])
/// in Python 2.7 (`python2`) or 3.
pub fn written_in_c(module: &str, qualname: &str, python2: bool) -> bool {
    let top = qualname.split('.').next().unwrap_or(qualname);
    WRITTEN_IN_C.iter().any(|(name, names, in_2)| {
        *name == module && (*in_2 || !python2) && names.iter().any(|name| *name == "*" || *name == top)
    })
}

/// Whether `code`, of library module `module`, is a function CPython exports from a C module,
/// so that scripts see a built-in function (`gilsim_bytecode::CodeFlags::builtin_function`):
/// the public top-level functions of [`WRITTEN_IN_C`], but for those CPython writes as
/// classes (`itertools.cycle`), names otherwise (`hashlib.md5` is `openssl_md5`) or in
/// Python (2.7's `functools.cmp_to_key`), and gilsim's own helper modules.
pub fn presents_as_builtin_function(module: &str, code: &gilsim_bytecode::CodeObject, python2: bool) -> bool {
    let flags = code.flags;
    let plain_function = !(flags.is_module || flags.is_class_body || flags.is_lambda);
    let name = code.name.as_str();
    plain_function
        && code.qualname == name
        && !name.starts_with('_')
        && !module.starts_with("_gilsim")
        && module != "hashlib"
        && (module != "itertools" || name == "tee")
        && !(python2 && module == "functools" && name == "cmp_to_key")
        && written_in_c(module, name, python2)
}
