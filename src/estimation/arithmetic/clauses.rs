//! Splitting lines into clauses, chains of links, and expressions.

use super::super::expr::{Located, Op, Tok};
use super::super::quantity::{period_word, Quantity, QuantityKind};
use super::context::Context;
use super::interp::*;
use std::ops::Range;

/// Splits a line at `;`, `|`, and `, ` / `. ` / `? ` / `! ` outside figures.
pub(crate) fn clauses(line: &str, quantities: &[Quantity]) -> Vec<Range<usize>> {
    let inside = |i: usize| {
        quantities
            .iter()
            .any(|q| q.span.start < i && i < q.span.end)
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = line.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next_space = iter.peek().is_none_or(|&(_, n)| n.is_whitespace());
        let split = match c {
            ';' | '|' | '\n' => true,
            ',' | '.' | '?' | '!' => next_space && !inside(i),
            _ => false,
        };
        if split {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..line.len());
    out
}

/// A separator between links of a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    /// `=`, `→`, `->`, `=>`; `approx` for `≈`, `~=`; `arrow` for the
    /// arrows, which may mean "therefore" rather than "equals".
    Result { approx: bool, arrow: bool },
    /// `<=`, `>=`, `!=`: not a stated result; the chain stops.
    Break,
}

/// Segments of a clause between separators, each with the separator that
/// ends it (None for the last).
pub(crate) fn segments(line: &str, clause: Range<usize>) -> Vec<(Range<usize>, Option<Sep>)> {
    let text = line.get(clause.clone()).unwrap_or("");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut seg_start = 0;
    let mut k = 0;
    while let Some(&(i, c)) = chars.get(k) {
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, p)| p);
        // (separator, chars it spans)
        let found: Option<(Sep, usize)> = match c {
            '→' | '⇒' | '⟶' | '⟹' => Some((
                Sep::Result {
                    approx: false,
                    arrow: true,
                },
                1,
            )),
            '≈' | '≃' => Some((
                Sep::Result {
                    approx: true,
                    arrow: false,
                },
                1,
            )),
            '<' | '>' | '!' if next == Some('=') => Some((Sep::Break, 2)),
            '-' | '=' => {
                // Runs like "->", "-->", "=>", "==", "=~".
                let mut j = k;
                while chars.get(j).is_some_and(|&(_, d)| d == '-' || d == '=') {
                    j += 1;
                }
                let run = j - k;
                let arrow = chars.get(j).is_some_and(|&(_, d)| d == '>');
                let all_eq = chars
                    .get(k..j)
                    .is_some_and(|r| r.iter().all(|&(_, d)| d == '='));
                if arrow {
                    Some((
                        Sep::Result {
                            approx: false,
                            arrow: true,
                        },
                        run + 1,
                    ))
                } else if all_eq {
                    let tilde_after = chars.get(j).is_some_and(|&(_, d)| d == '~');
                    let approx = prev == Some('~') || tilde_after;
                    Some((
                        Sep::Result {
                            approx,
                            arrow: false,
                        },
                        run + usize::from(tilde_after),
                    ))
                } else {
                    None
                }
            }
            '~' if next.is_some_and(|n| n.is_whitespace() || n.is_ascii_digit())
                && prev.is_some_and(|p| p.is_whitespace())
                && text.get(..i).is_some_and(|h| {
                    h.trim_end()
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_alphanumeric() || p == ')' || p == '%')
                }) =>
            {
                Some((
                    Sep::Result {
                        approx: true,
                        arrow: false,
                    },
                    1,
                ))
            }
            _ => None,
        };
        if let Some((sep, len)) = found {
            out.push((clause.start + seg_start..clause.start + i, Some(sep)));
            let end_k = k + len;
            seg_start = chars.get(end_k).map_or(text.len(), |&(e, _)| e);
            k = end_k;
        } else {
            k += 1;
        }
    }
    out.push((clause.start + seg_start..clause.end, None));
    out
}

/// A maximal well-formed expression inside a segment.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    pub(crate) toks: Vec<Located<UVal>>,
    /// Indices (into the line's quantities) of the figures used.
    pub(crate) figures: Vec<usize>,
    pub(crate) range: Range<usize>,
    pub(crate) has_op: bool,
}

#[derive(Debug)]
pub(crate) enum GapTok {
    Op(Op),
    LParen,
    RParen,
    /// A word; `of` links a percentage to what follows.
    Word(bool),
    /// Something that stops an expression (an unreadable number).
    Stop,
}

/// Reads operators, parentheses and words between two figures.
pub(crate) fn gap_tokens(line: &str, range: Range<usize>) -> Vec<(GapTok, usize)> {
    let text = line.get(range.clone()).unwrap_or("");
    let mut out = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = range.start + i;
        let tok = match c {
            '(' | '[' => GapTok::LParen,
            ')' | ']' => GapTok::RParen,
            '+' => GapTok::Op(Op::Add),
            '-' | '−' => GapTok::Op(Op::Sub),
            '*' | '×' | '·' | '⋅' | '✕' => GapTok::Op(Op::Mul),
            // "(100M × 12) URLs/year × 500 bytes": a slash between a word and
            // a period is part of a unit, not a division.
            '/' if text
                .get(..i)
                .is_some_and(|h| h.ends_with(|p: char| p.is_alphabetic() || p == ')'))
                && text.get(i + 1..).is_some_and(|t| {
                    let w: String = t.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
                    period_word(&w).is_some()
                }) =>
            {
                GapTok::Word(false)
            }
            '/' | '÷' => GapTok::Op(Op::Div),
            '^' => GapTok::Op(Op::Pow),
            c if c.is_alphabetic() => {
                let mut word = String::from(c);
                while let Some(&(_, d)) = iter.peek() {
                    if d.is_alphabetic() {
                        word.push(d);
                        iter.next();
                    } else {
                        break;
                    }
                }
                let lower = word.to_lowercase();
                match lower.as_str() {
                    "x" | "times" => GapTok::Op(Op::Mul),
                    "of" => GapTok::Word(true),
                    _ => GapTok::Word(false),
                }
            }
            c if c.is_ascii_digit() => GapTok::Stop,
            // "2.5× peak: 30 × 2.5": a label ends at its colon.
            ':' if iter.peek().is_none_or(|&(_, n)| n.is_whitespace()) => GapTok::Stop,
            _ => continue,
        };
        out.push((tok, at));
    }
    out
}

/// Builds the expressions of a segment from its figures and the gaps.
pub(crate) fn chunks(
    line: &str,
    seg: Range<usize>,
    quantities: &[Quantity],
    ctx: &Context,
) -> Vec<Chunk> {
    struct Builder {
        done: Vec<Chunk>,
        cur: Option<Chunk>,
        depth: usize,
        expecting: bool,
        /// Whether all words since the last figure were "of".
        only_of: bool,
        last_kind: Option<QuantityKind>,
    }
    impl Builder {
        fn finish(&mut self) {
            if let Some(mut c) = self.cur.take() {
                // Unmatched "(" are allowed only before the first figure.
                let mut unmatched = self.depth;
                while unmatched > 0 && matches!(c.toks.first().map(|t| &t.tok), Some(Tok::LParen)) {
                    c.toks.remove(0);
                    unmatched -= 1;
                }
                if let Some(first) = c.toks.first() {
                    c.range.start = c.range.start.max(first.column.saturating_sub(1));
                }
                let ends_ok = matches!(
                    c.toks.last().map(|t| &t.tok),
                    Some(Tok::Val(_) | Tok::RParen)
                );
                if unmatched == 0 && ends_ok && !c.figures.is_empty() {
                    c.toks = join_conversions(std::mem::take(&mut c.toks));
                    self.done.push(c);
                }
            }
            self.depth = 0;
            self.expecting = true;
            self.last_kind = None;
        }
        fn push(&mut self, tok: Tok<UVal>, at: Range<usize>) {
            let c = self.cur.get_or_insert_with(|| Chunk {
                toks: Vec::new(),
                figures: Vec::new(),
                range: at.clone(),
                has_op: false,
            });
            if matches!(tok, Tok::Op(_)) {
                c.has_op = true;
            }
            c.range.end = at.end;
            c.toks.push(Located {
                tok,
                column: at.start + 1,
            });
        }
    }
    let mut b = Builder {
        done: Vec::new(),
        cur: None,
        depth: 0,
        expecting: true,
        only_of: true,
        last_kind: None,
    };
    let in_seg: Vec<usize> = quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.span.end > seg.start && q.span.end <= seg.end)
        .map(|(i, _)| i)
        .collect();
    let mut cursor = seg.start;
    for &qi in &in_seg {
        let Some(q) = quantities.get(qi) else {
            continue;
        };
        let q_start = q.span.start.max(seg.start).max(cursor);
        for (tok, at) in gap_tokens(line, cursor..q_start) {
            let r = at..at + 1;
            match tok {
                GapTok::Word(of) => b.only_of &= of,
                GapTok::Stop => b.finish(),
                GapTok::Op(op) => {
                    if b.expecting {
                        // An operator with nothing before it: start afresh.
                        b.cur = None;
                        b.depth = 0;
                    } else {
                        b.push(Tok::Op(op), r);
                        b.expecting = true;
                    }
                }
                GapTok::LParen => {
                    if !b.expecting {
                        b.finish();
                    }
                    b.push(Tok::LParen, r);
                    b.depth += 1;
                    b.expecting = true;
                }
                GapTok::RParen => {
                    if b.depth == 0 {
                        b.finish();
                    } else if b.expecting {
                        b.cur = None;
                        b.depth = 0;
                        b.expecting = true;
                    } else {
                        b.push(Tok::RParen, r);
                        b.depth -= 1;
                    }
                }
            }
        }
        if !b.expecting {
            // Two figures in a row: "3× 11.6K" and "20% of 1B" multiply,
            // anything else starts a new expression.
            let implicit = match b.last_kind {
                Some(QuantityKind::Multiplier) => b.only_of,
                Some(QuantityKind::Percent) => b.only_of,
                _ => false,
            };
            if implicit {
                b.push(Tok::Op(Op::Mul), q_start..q_start);
            } else {
                b.finish();
            }
        }
        b.push(Tok::Val(ctx.figure(line, q)), q_start..q.span.end);
        if let Some(c) = b.cur.as_mut() {
            c.figures.push(qi);
        }
        b.expecting = false;
        b.last_kind = Some(q.kind);
        b.only_of = true;
        cursor = q.span.end;
    }
    // Closing parentheses after the last figure.
    for (tok, at) in gap_tokens(line, cursor..seg.end) {
        match tok {
            GapTok::RParen if b.depth > 0 && !b.expecting => {
                b.push(Tok::RParen, at..at + 1);
                b.depth -= 1;
            }
            GapTok::Word(_) => {}
            // "25% dedup/delta savings)": an operator with nothing after it
            // leaves the expression unfinished.
            GapTok::Op(_) => {
                b.cur = None;
                break;
            }
            _ => break,
        }
    }
    b.finish();
    b.done
}
