//! Shared by the integration tests: the real binary with a clean environment,
//! and its output as text.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::Path;

/// What a run printed and how it exited.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The `sdcoach` binary without colour and without the user's data or
/// transcripts folders from the environment.
pub fn sdcoach() -> Command {
    let mut c = Command::cargo_bin("sdcoach").expect("binary builds");
    c.env("NO_COLOR", "1")
        .env_remove("SDCOACH_DATA")
        .env_remove("SDCOACH_TRANSCRIPTS")
        // No config file of the person running the tests.
        .env_remove("SDCOACH_CONFIG")
        .env("XDG_CONFIG_HOME", "/nonexistent/sdcoach-tests");
    c
}

/// Runs a command and collects its output. Hints name the command of the
/// build that runs them (`cargo run --release --` under `cargo test
/// --release`); the text is given as the debug build prints it.
pub fn output(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("runs");
    let debug =
        |b: &[u8]| String::from_utf8_lossy(b).replace("cargo run --release --", "cargo run --");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: debug(&out.stdout),
        stderr: debug(&out.stderr),
    }
}

/// Runs `sdcoach --transcripts t ARGS` in `dir` (a relative folder, so that
/// snapshots hold no temporary paths).
pub fn in_folder(dir: &Path, args: &[&str]) -> Run {
    output(
        sdcoach()
            .current_dir(dir)
            .args(["--transcripts", "t"])
            .args(args),
    )
}
