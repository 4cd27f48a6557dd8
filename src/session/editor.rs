//! `:edit`: opens `$VISUAL` or `$EDITOR` on the current answer.

use std::process::Command;

/// Opens the editor on `text` and returns the edited text, or a message
/// saying why it could not (no editor set, editor failed).
pub fn edit(text: &str, dir: &std::path::Path) -> Result<String, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .ok_or_else(|| {
            "no editor: set $VISUAL or $EDITOR (e.g. `export EDITOR=nano`) and try :edit again"
                .to_string()
        })?;
    let file = dir.join(format!(".sdcoach-answer-{}.md", std::process::id()));
    std::fs::write(&file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    // Through the shell, so EDITOR may carry arguments ("code --wait").
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&file)
        .status();
    let result = match status {
        Ok(s) if s.success() => crate::catalog::read_text(&file, super::line::MAX_LINE_BYTES)
            .map_err(|e| format!("cannot read the edited answer: {e}")),
        Ok(s) => Err(format!(
            "editor `{editor}` exited with {s}; your answer is unchanged"
        )),
        Err(e) => Err(format!(
            "cannot start editor `{editor}`: {e}; your answer is unchanged"
        )),
    };
    let _ = std::fs::remove_file(&file);
    result.map(|t| t.trim_end().to_string())
}
