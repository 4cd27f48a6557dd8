//! Writing to stdout without panicking when the reader goes away (`| head`).

use std::io::Write;

/// Writes `text` to stdout; a closed pipe ends the program quietly, any
/// other failure (a full disk) is said in one line and exits with 4.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(super::exit::OK);
        }
        let _ = writeln!(std::io::stderr(), "error: cannot write the output: {e}");
        std::process::exit(super::exit::STORAGE);
    }
}

/// Writes `text` and a newline.
pub fn emitln(text: &str) {
    emit(&format!("{text}\n"));
}
