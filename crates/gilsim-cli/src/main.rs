//! The `gilsim` binary.

/// mimalloc: a run allocates and frees many small objects, and an exploring worker does so for
/// thousands of runs a second; glibc's allocator spent a third of that time growing and trimming
/// its heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = gilsim_cli::main_with_args(args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
