//! Sites of `socketserver` (library/socketserver.py), whose `handle_error` prints the
//! traceback of a request handler's exception: the server's frames down to the handler's
//! `handle`, by the path the request took (a thread per request or the serving thread).

use super::{Frame, Site};

const fn server(function: &'static str, source: &'static str, lines: [u32; 8], carets_313: &'static str) -> Frame {
    Frame { file: "socketserver.py", function, source, lines, carets_311: "", carets_313 }
}

const NOBLOCK: Frame = server(
    "_handle_request_noblock",
    "self.process_request(request, client_address)",
    [320, 316, 316, 316, 316, 317, 318, 318],
    "~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^",
);
const PROCESS: Frame = server(
    "process_request",
    "self.finish_request(request, client_address)",
    [351, 347, 347, 347, 347, 348, 349, 349],
    "~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^",
);
const PROCESS_THREAD: Frame = server(
    "process_request_thread",
    "self.finish_request(request, client_address)",
    [654, 650, 683, 683, 683, 691, 692, 692],
    "~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^",
);
const FINISH: Frame = server(
    "finish_request",
    "self.RequestHandlerClass(request, client_address, self)",
    [364, 360, 360, 360, 360, 361, 362, 362],
    "~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
);
const HANDLER_INIT: Frame =
    server("__init__", "self.handle()", [724, 720, 747, 747, 747, 755, 761, 761], "~~~~~~~~~~~^^");

/// Every site, in library/socketserver.py.
pub const SITES: &[Site] = &[
    Site {
        module: "socketserver",
        function: "_handle_request_noblock",
        text: "self.process_request(request, client_address)",
        frames: &[NOBLOCK],
    },
    Site {
        module: "socketserver",
        function: "process_request",
        text: "self.finish_request(request, client_address)",
        frames: &[PROCESS],
    },
    Site {
        module: "socketserver",
        function: "process_request_thread",
        text: "self.finish_request(request, client_address)",
        frames: &[PROCESS_THREAD],
    },
    Site {
        module: "socketserver",
        function: "finish_request",
        text: "self.RequestHandlerClass(request, client_address, self)",
        frames: &[FINISH],
    },
    Site { module: "socketserver", function: "__init__", text: "self.handle()", frames: &[HANDLER_INIT] },
];
