//! The `sdcoach` binary: parse the command line, run, turn the result into
//! an exit code. Only this side knows about clap; the work is the library's.

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}
