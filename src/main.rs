//! The `sdcoach` binary: parse the command line, run, turn the result into an exit code.

fn main() {
    std::process::exit(sdcoach::cli::run(std::env::args_os()));
}
