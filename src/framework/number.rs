//! Human formatting of numbers for reports.

/// `34722` -> `34,722`; `1.16` -> `1.16`; `1.2e9` -> `1.2B`.
pub fn human(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    for (div, suffix) in [(1e12, "T"), (1e9, "B"), (1e6, "M")] {
        if a >= div {
            return format!("{sign}{}{suffix}", trim(a / div, 3));
        }
    }
    if a >= 1000.0 {
        return format!("{sign}{}", group(a.round() as u64));
    }
    format!("{sign}{}", trim(a, 3))
}

/// At most `sig` significant digits, trailing zeros dropped.
fn trim(v: f64, sig: i32) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let digits = (sig - 1 - v.abs().log10().floor() as i32).clamp(0, 6) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::human;

    #[test]
    fn formats() {
        assert_eq!(human(34722.2), "34,722");
        assert_eq!(human(11574.07), "11,574");
        assert_eq!(human(1.16), "1.16");
        assert_eq!(human(365.0), "365");
        assert_eq!(human(1.0e9), "1B");
        assert_eq!(human(2.5e6), "2.5M");
        assert_eq!(human(0.0), "0");
        assert_eq!(human(f64::NAN), "?");
    }
}
