//! The `sdcoach` binary: parse the command line, run, turn the result into
//! an exit code. Only this side knows about clap; the work is the library's.

mod cli;

/// A grade allocates many small short-lived values; mimalloc serves them in
/// fewer instructions than the system allocator (figures in Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let code = cli::run(std::env::args_os());
    // A signal being handled ends the program with its own code and message.
    while sdcoach::session::terminal::signalled() {
        std::thread::park();
    }
    std::process::exit(code);
}
