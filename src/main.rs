//! The `sdcoach` binary: parse the command line, run, turn the result into
//! an exit code. Only this side knows about clap; the work is the library's.

mod cli;

fn main() {
    let code = cli::run(std::env::args_os());
    // A signal being handled ends the program with its own code and message.
    while sdcoach::session::terminal::signalled() {
        std::thread::park();
    }
    std::process::exit(code);
}
