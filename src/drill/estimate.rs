//! Estimation cards: a problem's reference estimate asked again with fresh
//! inputs (a different DAU, per-user rate or record size), the expected
//! value from the problem's own formula, and the worked calculation.

use super::splitmix;
use crate::catalog::{Assumption, Estimate, Problem};
use crate::estimation::{eval_formula, format_quantity_per, formula_variables, parse_unit};
use crate::framework::human;
use std::collections::HashMap;

/// Factors an input is scaled by: never 1, so the card differs from the
/// reference, and within 5x either way, so the scenario stays plausible.
const FACTORS: [f64; 12] = [0.2, 0.3, 0.4, 0.5, 0.6, 0.75, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0];

/// One input of an estimation card.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub id: String,
    pub label: String,
    /// The value this time, in `unit`.
    pub value: f64,
    pub unit: String,
    /// The problem file's value.
    pub reference: f64,
}

impl Input {
    /// Whether this card changed it from the reference.
    pub fn changed(&self) -> bool {
        self.value != self.reference
    }
}

/// The inputs of one card and the value they lead to.
#[derive(Debug, Clone, PartialEq)]
pub struct Fresh {
    pub inputs: Vec<Input>,
    /// In the estimate's unit.
    pub expected: f64,
}

/// The assumptions a formula uses, in first-use order; `None` when the
/// estimate has no formula or the formula names something else.
pub fn inputs_of<'a>(problem: &'a Problem, est: &Estimate) -> Option<Vec<&'a Assumption>> {
    let formula = est.formula.as_deref()?;
    let vars = formula_variables(formula);
    if vars.is_empty() {
        return None;
    }
    vars.iter()
        .map(|v| problem.assumptions.iter().find(|a| a.id == *v))
        .collect()
}

/// The reference inputs, unchanged (cards of estimates missed in a session).
pub fn reference(problem: &Problem, est: &Estimate) -> Option<Fresh> {
    let inputs = inputs_of(problem, est)?
        .into_iter()
        .map(|a| input(a, a.value))
        .collect();
    Some(Fresh {
        inputs,
        expected: est.value,
    })
}

/// One or two inputs changed, chosen by `seed`; the expected value from the
/// formula. `None` when the estimate cannot be recomputed.
pub fn fresh(problem: &Problem, est: &Estimate, seed: u64) -> Option<Fresh> {
    let formula = est.formula.as_deref()?;
    let used = inputs_of(problem, est)?;
    let mut x = splitmix(seed);
    let mut next = || {
        x = splitmix(x);
        x
    };
    let changes = 1 + (next() % used.len().min(2) as u64) as usize;
    let mut order: Vec<usize> = (0..used.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, (next() % (i as u64 + 1)) as usize);
    }
    let mut values: Vec<f64> = used.iter().map(|a| a.value).collect();
    for &i in order.iter().take(changes) {
        let a = used[i];
        let start = (next() % FACTORS.len() as u64) as usize;
        // The first factor whose rounded result differs from the reference.
        if let Some(v) = (0..FACTORS.len())
            .map(|k| varied(a, FACTORS[(start + k) % FACTORS.len()]))
            .find(|v| *v != a.value)
        {
            values[i] = v;
        }
    }
    let vars: HashMap<String, f64> = used
        .iter()
        .zip(&values)
        .map(|(a, v)| (a.id.clone(), *v))
        .collect();
    let expected = eval_formula(formula, &vars).ok()?;
    (expected.is_finite() && expected > 0.0).then(|| Fresh {
        inputs: used.iter().zip(values).map(|(a, v)| input(a, v)).collect(),
        expected,
    })
}

fn input(a: &Assumption, value: f64) -> Input {
    Input {
        id: a.id.clone(),
        label: a.label.clone(),
        value,
        unit: a.unit.clone(),
        reference: a.value,
    }
}

/// An assumption scaled by `factor` and rounded the way people state inputs:
/// two significant digits; whole numbers for multipliers, years, days and
/// seconds; percentages kept between 1 and 95.
fn varied(a: &Assumption, factor: f64) -> f64 {
    let v = nice(a.value * factor);
    let unit = a.unit.trim().to_ascii_lowercase();
    match unit.as_str() {
        "%" => v.round().clamp(1.0, 95.0),
        "x" | "years" | "year" | "days" | "day" | "s" | "hours" => v.round().max(1.0),
        _ => v,
    }
}

/// Two significant digits (`1.23e8` → `1.2e8`, `0.456` → `0.46`).
pub fn nice(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    let magnitude = 10f64.powi(x.abs().log10().floor() as i32 - 1);
    (x / magnitude).round() * magnitude
}

/// A value with its unit as people write it: `120/s`, `3x`, `20%`,
/// `1.8 TB`, `600 GB/year`, `6B urls`, `86,400 s`. Byte quantities go
/// through the estimation engine's formatter, so they read back the same.
pub fn with_unit(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    match unit {
        "" => return human(value),
        "x" | "%" => return format!("{}{unit}", human(value)),
        _ => {}
    }
    if let Some((factor, dim)) = parse_unit(unit) {
        if dim.bytes != 0 {
            let period = (dim.time == -1).then(|| period_of(unit)).flatten();
            return format_quantity_per(value * factor, dim, period);
        }
    }
    if unit.starts_with('/') {
        format!("{}{unit}", human(value))
    } else {
        format!("{} {unit}", human(value))
    }
}

/// An input as the problem file writes it: `200M users`, `10/day`, `3x`,
/// `20%`, `5 Mbps` (the unit kept as written, unlike an answer).
pub fn as_written(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    if unit.is_empty() {
        human(value)
    } else if unit == "x" || unit == "%" || unit.starts_with('/') {
        format!("{}{unit}", human(value))
    } else {
        format!("{} {unit}", human(value))
    }
}

/// Seconds in the period a rate unit is written per (`TB/year` → a year).
fn period_of(unit: &str) -> Option<f64> {
    let (_, per) = unit.rsplit_once('/')?;
    parse_unit(per.trim()).map(|(secs, _)| secs)
}

/// The worked calculation: the formula, then the same with this card's
/// numbers, then the result.
pub fn worked(formula: &str, inputs: &[Input], expected: f64, unit: &str) -> Vec<String> {
    let mut names = String::new();
    let mut numbers = String::new();
    for token in tokens(formula) {
        match token {
            Token::Name(n) => {
                names.push_str(&n);
                let v = inputs.iter().find(|i| i.id == n).map(|i| i.value);
                numbers.push_str(&v.map_or(n, human));
            }
            Token::Number(s) => {
                let shown = s.parse::<f64>().map_or(s.clone(), human);
                names.push_str(&shown);
                numbers.push_str(&shown);
            }
            Token::Other(c) => {
                let shown = match c {
                    '*' => " × ".to_string(),
                    '/' | '+' | '-' => format!(" {c} "),
                    c if c.is_whitespace() => String::new(),
                    c => c.to_string(),
                };
                names.push_str(&shown);
                numbers.push_str(&shown);
            }
        }
    }
    vec![
        names,
        format!("= {numbers}"),
        format!("= {}", with_unit(expected, unit)),
    ]
}

enum Token {
    Name(String),
    Number(String),
    Other(char),
}

/// Splits a formula into names, numbers (`2500000`, `1e9`) and the rest.
fn tokens(formula: &str) -> Vec<Token> {
    let chars: Vec<char> = formula.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(Token::Name(chars[start..i].iter().collect()));
        } else if c.is_ascii_digit() || c == '.' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || chars[i] == '.'
                    || (matches!(chars[i], 'e' | 'E')
                        && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit())))
            {
                i += 1;
            }
            out.push(Token::Number(chars[start..i].iter().collect()));
        } else {
            out.push(Token::Other(c));
            i += 1;
        }
    }
    out
}
