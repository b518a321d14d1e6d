//! The `gilsim` binary.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let code = gilsim_cli::main_with_args(args, &mut stdout.lock(), &mut stderr.lock());
    std::process::exit(code);
}
