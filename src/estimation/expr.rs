//! A small expression evaluator: `+ - × / ^` and parentheses over any
//! operand type. Used for the problem files' formulas (`dau * posts_per_user
//! / 86400`, over plain numbers) and for the candidate's arithmetic (over
//! quantities that carry units).

use std::collections::HashMap;
use std::fmt;

/// Why an expression could not be evaluated. Columns count characters from 1.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprError {
    /// An identifier with no value.
    UnknownVariable(String),
    /// A parenthesis without its partner.
    UnbalancedParen { column: usize },
    /// A division by zero.
    DivisionByZero,
    /// A character that is not part of the grammar.
    UnexpectedChar { ch: char, column: usize },
    /// An operator or the end where a number was expected.
    ExpectedOperand { column: usize },
    /// Something where an operator was expected (two numbers in a row).
    ExpectedOperator { column: usize },
    /// Nothing to evaluate.
    Empty,
    /// The result overflowed or is not a number.
    NotFinite,
    /// Parentheses nested deeper than the evaluator allows.
    TooDeep,
    /// Units that cannot combine (bytes + count).
    Incompatible(String),
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExprError::UnknownVariable(name) => write!(f, "unknown variable {name}"),
            ExprError::UnbalancedParen { column } => {
                write!(f, "unbalanced parenthesis at column {column}")
            }
            ExprError::DivisionByZero => write!(f, "division by zero"),
            ExprError::UnexpectedChar { ch, column } => {
                write!(f, "unexpected character {ch:?} at column {column}")
            }
            ExprError::ExpectedOperand { column } => {
                write!(f, "expected a number or variable at column {column}")
            }
            ExprError::ExpectedOperator { column } => {
                write!(f, "expected an operator at column {column}")
            }
            ExprError::Empty => write!(f, "empty expression"),
            ExprError::NotFinite => write!(f, "the result is too large or not a number"),
            ExprError::TooDeep => write!(f, "expression nested too deeply"),
            ExprError::Incompatible(why) => write!(f, "units do not combine: {why}"),
        }
    }
}

impl std::error::Error for ExprError {}

/// A binary operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
}

impl Op {
    fn precedence(self) -> u8 {
        match self {
            Op::Add | Op::Sub => 1,
            Op::Mul | Op::Div => 2,
            Op::Pow => 3,
        }
    }
}

/// A token with the column it came from.
#[derive(Debug, Clone)]
pub(crate) enum Tok<T> {
    Val(T),
    Op(Op),
    LParen,
    RParen,
}

/// A token and its column (1-based, used in error messages).
#[derive(Debug, Clone)]
pub(crate) struct Located<T> {
    pub tok: Tok<T>,
    pub column: usize,
}

/// What the evaluator needs from an operand type.
pub(crate) trait Operand: Sized + Clone {
    fn apply(op: Op, a: Self, b: Self) -> Result<Self, ExprError>;
    fn negate(self) -> Result<Self, ExprError>;
}

/// Nesting limit: keeps recursion bounded on hostile input.
const MAX_DEPTH: usize = 200;

/// Evaluates a token list by precedence climbing (`^` binds tightest and
/// to the right).
pub(crate) fn evaluate<T: Operand>(toks: &[Located<T>]) -> Result<T, ExprError> {
    if toks.is_empty() {
        return Err(ExprError::Empty);
    }
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let value = p.expr(1)?;
    match p.toks.get(p.pos) {
        None => Ok(value),
        Some(Located {
            tok: Tok::RParen,
            column,
        }) => Err(ExprError::UnbalancedParen { column: *column }),
        Some(t) => Err(ExprError::ExpectedOperator { column: t.column }),
    }
}

struct Parser<'a, T> {
    toks: &'a [Located<T>],
    pos: usize,
    depth: usize,
}

impl<T: Operand> Parser<'_, T> {
    fn end_column(&self) -> usize {
        self.toks.last().map_or(1, |t| t.column + 1)
    }

    fn expr(&mut self, min_prec: u8) -> Result<T, ExprError> {
        let mut lhs = self.unary()?;
        while let Some(t) = self.toks.get(self.pos) {
            match &t.tok {
                Tok::Op(op) if op.precedence() >= min_prec => {
                    let op = *op;
                    self.pos += 1;
                    let next = if op == Op::Pow {
                        op.precedence()
                    } else {
                        op.precedence() + 1
                    };
                    let rhs = self.nested(|p| p.expr(next))?;
                    lhs = T::apply(op, lhs, rhs)?;
                }
                Tok::Op(_) | Tok::RParen => break,
                Tok::Val(_) | Tok::LParen => {
                    return Err(ExprError::ExpectedOperator { column: t.column })
                }
            }
        }
        Ok(lhs)
    }

    fn nested<R>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<R, ExprError>,
    ) -> Result<R, ExprError> {
        if self.depth >= MAX_DEPTH {
            return Err(ExprError::TooDeep);
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn unary(&mut self) -> Result<T, ExprError> {
        let Some(t) = self.toks.get(self.pos) else {
            return Err(ExprError::ExpectedOperand {
                column: self.end_column(),
            });
        };
        match &t.tok {
            Tok::Op(Op::Sub) => {
                self.pos += 1;
                // Unary minus binds looser than `^`: -2^2 = -4.
                let v = self.nested(|p| p.expr(Op::Pow.precedence()))?;
                v.negate()
            }
            Tok::Op(_) => Err(ExprError::ExpectedOperand { column: t.column }),
            Tok::Val(v) => {
                self.pos += 1;
                Ok(v.clone())
            }
            Tok::LParen => {
                let open = t.column;
                self.pos += 1;
                let v = self.nested(|p| p.expr(1))?;
                match self.toks.get(self.pos) {
                    Some(Located {
                        tok: Tok::RParen, ..
                    }) => {
                        self.pos += 1;
                        Ok(v)
                    }
                    Some(Located {
                        tok: Tok::Val(_) | Tok::LParen,
                        column,
                    }) => Err(ExprError::ExpectedOperator { column: *column }),
                    _ => Err(ExprError::UnbalancedParen { column: open }),
                }
            }
            Tok::RParen => Err(ExprError::UnbalancedParen { column: t.column }),
        }
    }
}

impl Operand for f64 {
    fn apply(op: Op, a: f64, b: f64) -> Result<f64, ExprError> {
        let r = match op {
            Op::Add => a + b,
            Op::Sub => a - b,
            Op::Mul => a * b,
            Op::Div => {
                if b == 0.0 {
                    return Err(ExprError::DivisionByZero);
                }
                a / b
            }
            Op::Pow => a.powf(b),
        };
        if r.is_finite() {
            Ok(r)
        } else {
            Err(ExprError::NotFinite)
        }
    }

    fn negate(self) -> Result<f64, ExprError> {
        Ok(-self)
    }
}

/// Lexes a formula: numbers, identifiers, `+ - * × / ÷ ^ **` and parentheses.
/// Identifiers are passed to `lookup`.
fn lex_formula<T>(
    formula: &str,
    mut number: impl FnMut(f64) -> T,
    mut lookup: impl FnMut(&str) -> Result<T, ExprError>,
) -> Result<Vec<Located<T>>, ExprError> {
    let chars: Vec<char> = formula.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let column = i + 1;
        let push = |toks: &mut Vec<Located<T>>, tok| toks.push(Located { tok, column });
        match c {
            c if c.is_whitespace() => i += 1,
            '0'..='9' | '.' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|d| d.is_ascii_digit() || *d == '.' || *d == '_')
                {
                    i += 1;
                }
                // Exponent: "1e9", "2.5E-3".
                if matches!(chars.get(i), Some('e' | 'E')) {
                    let mut j = i + 1;
                    if matches!(chars.get(j), Some('+' | '-')) {
                        j += 1;
                    }
                    if chars.get(j).is_some_and(|d| d.is_ascii_digit()) {
                        while chars.get(j).is_some_and(|d| d.is_ascii_digit()) {
                            j += 1;
                        }
                        i = j;
                    }
                }
                let text: String = chars
                    .get(start..i)
                    .unwrap_or(&[])
                    .iter()
                    .filter(|c| **c != '_')
                    .collect();
                let v: f64 = text
                    .parse()
                    .map_err(|_| ExprError::UnexpectedChar { ch: c, column })?;
                if !v.is_finite() {
                    return Err(ExprError::NotFinite);
                }
                push(&mut toks, Tok::Val(number(v)));
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while chars
                    .get(i)
                    .is_some_and(|d| d.is_alphanumeric() || *d == '_')
                {
                    i += 1;
                }
                let name: String = chars.get(start..i).unwrap_or(&[]).iter().collect();
                push(&mut toks, Tok::Val(lookup(&name)?));
            }
            '*' if chars.get(i + 1) == Some(&'*') => {
                push(&mut toks, Tok::Op(Op::Pow));
                i += 2;
            }
            _ => {
                let tok = match c {
                    '+' => Tok::Op(Op::Add),
                    '-' | '−' => Tok::Op(Op::Sub),
                    '*' | '×' | '·' => Tok::Op(Op::Mul),
                    '/' | '÷' => Tok::Op(Op::Div),
                    '^' => Tok::Op(Op::Pow),
                    '(' => Tok::LParen,
                    ')' => Tok::RParen,
                    other => return Err(ExprError::UnexpectedChar { ch: other, column }),
                };
                push(&mut toks, tok);
                i += 1;
            }
        }
    }
    Ok(toks)
}

/// Evaluates a problem-file formula over assumption values
/// (`dau * posts_per_user / 86400`). Errors name what is wrong: an unknown
/// variable, an unbalanced parenthesis (with its column), a division by
/// zero, or a non-finite result.
pub fn eval_formula(formula: &str, vars: &HashMap<String, f64>) -> Result<f64, ExprError> {
    let toks = lex_formula(
        formula,
        |v| v,
        |name| {
            vars.get(name)
                .copied()
                .ok_or_else(|| ExprError::UnknownVariable(name.to_string()))
        },
    )?;
    let v = evaluate(&toks)?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(ExprError::NotFinite)
    }
}

/// The identifiers a formula uses, in first-use order, without repeats.
/// Unreadable formulas yield what could be read before the error.
pub fn formula_variables(formula: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let _ = lex_formula(
        formula,
        |_| (),
        |name| {
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
            Ok(())
        },
    );
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, f64)]) -> HashMap<String, f64> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn evaluates_reference_formulas() {
        let v = vars(&[("dau", 1e8), ("posts_per_user", 10.0), ("post_size", 1.0)]);
        let qps = eval_formula("dau * posts_per_user / 86400", &v);
        assert!(matches!(qps, Ok(x) if (x - 11_574.07).abs() < 0.01));
        let storage = eval_formula("dau * posts_per_user * post_size * 365 / 1e9", &v);
        assert!(matches!(storage, Ok(x) if (x - 365.0).abs() < 1e-9));
    }

    #[test]
    fn precedence_and_associativity() {
        let v = HashMap::new();
        assert_eq!(eval_formula("2 + 3 * 4", &v), Ok(14.0));
        assert_eq!(eval_formula("(2 + 3) * 4", &v), Ok(20.0));
        assert_eq!(eval_formula("2 ^ 3 ^ 2", &v), Ok(512.0));
        assert_eq!(eval_formula("-2 ^ 2", &v), Ok(-4.0));
        assert_eq!(eval_formula("100 / 10 / 5", &v), Ok(2.0));
        assert_eq!(eval_formula("10 - 4 - 3", &v), Ok(3.0));
        assert_eq!(eval_formula("2 ** 10", &v), Ok(1024.0));
    }

    #[test]
    fn errors_name_the_problem() {
        let v = vars(&[("a", 1.0)]);
        assert_eq!(
            eval_formula("a * b", &v),
            Err(ExprError::UnknownVariable("b".into()))
        );
        assert_eq!(
            eval_formula("(a + 1", &v),
            Err(ExprError::UnbalancedParen { column: 1 })
        );
        assert_eq!(
            eval_formula("a + 1)", &v),
            Err(ExprError::UnbalancedParen { column: 6 })
        );
        assert_eq!(eval_formula("a / 0", &v), Err(ExprError::DivisionByZero));
        assert_eq!(eval_formula("", &v), Err(ExprError::Empty));
        assert_eq!(eval_formula("10 ^ 400", &v), Err(ExprError::NotFinite));
        assert!(matches!(
            eval_formula("a $ 2", &v),
            Err(ExprError::UnexpectedChar { ch: '$', column: 3 })
        ));
        assert!(matches!(
            eval_formula("a 2", &v),
            Err(ExprError::ExpectedOperator { column: 3 })
        ));
        let msg = eval_formula("a * b", &v).err().map(|e| e.to_string());
        assert_eq!(msg.as_deref(), Some("unknown variable b"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}1{}", "(".repeat(10_000), ")".repeat(10_000));
        assert_eq!(
            eval_formula(&deep, &HashMap::new()),
            Err(ExprError::TooDeep)
        );
        let minus = format!("{}1", "-".repeat(10_000));
        assert_eq!(
            eval_formula(&minus, &HashMap::new()),
            Err(ExprError::TooDeep)
        );
    }

    #[test]
    fn lists_variables_once_in_order() {
        assert_eq!(
            formula_variables("dau * posts_per_user * post_size * 365 / 1e9 + dau"),
            vec!["dau", "posts_per_user", "post_size"]
        );
    }

    proptest::proptest! {
        #[test]
        fn formula_never_panics(s in "\\PC{0,80}") {
            let v = vars(&[("x", 2.0)]);
            if let Ok(r) = eval_formula(&s, &v) {
                proptest::prop_assert!(r.is_finite());
            }
        }
    }
}
