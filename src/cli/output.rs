//! Writing to stdout without panicking when the reader goes away (`| head`).

use std::io::Write;

/// Writes `text` to stdout; a closed pipe ends the program quietly.
pub fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(super::exit::OK);
        }
    }
}

/// Writes `text` and a newline.
pub fn emitln(text: &str) {
    emit(&format!("{text}\n"));
}
