//! The `gilsim` binary.

/// mimalloc: a run allocates and frees many small objects, and an exploring worker does so for
/// thousands of runs a second; glibc's allocator spent a third of that time growing and trimming
/// its heap.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Runs need a deep stack (gilsim_vm::SIMULATION_STACK); explore's workers get their own.
    let run = move || gilsim_cli::main_streaming(args);
    let thread = std::thread::Builder::new().name("gilsim".into()).stack_size(gilsim_cli::SIMULATION_STACK);
    let code = match thread.spawn(run) {
        Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        Err(err) => {
            eprintln!("gilsim: cannot start its main thread: {err}");
            2
        }
    };
    std::process::exit(code);
}
