//! The bytes a match of a rubric pattern can start with. `regex-lite`
//! walks a sentence from its first byte with every thread of the pattern
//! alive; a search started at the first byte a match can start with
//! (`Regex::find_at`, which still reads the context before it for `\b`)
//! finds the same match, and a sentence without such a byte needs no search.
//! On the 1,117-word benchmark answer that skips about half of what the
//! searches read.
//!
//! The reading is conservative: a construct it does not know makes the
//! pattern start anywhere. Patterns are compiled ASCII case-insensitively,
//! so a letter stands for both its cases; other characters match codepoint
//! by codepoint, so one stands for the first byte of its UTF-8 form.

/// A set of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bytes([u64; 4]);

impl Bytes {
    fn add(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn add_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        let first = c.encode_utf8(&mut buf).as_bytes()[0];
        self.add(first);
        if c.is_ascii_alphabetic() {
            self.add(first.to_ascii_lowercase());
            self.add(first.to_ascii_uppercase());
        }
    }

    fn add_range(&mut self, from: u8, to: u8) {
        for b in from..=to {
            self.add_char(char::from(b));
        }
    }

    fn union(mut self, o: Bytes) -> Bytes {
        for (a, b) in self.0.iter_mut().zip(o.0) {
            *a |= b;
        }
        self
    }

    /// True when the set holds byte `b`.
    pub fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }

    /// Where in `text` the first byte of the set is.
    pub fn first_in(&self, text: &str) -> Option<usize> {
        text.bytes().position(|b| self.has(b))
    }
}

/// What a part of a pattern can start with: `None` for any byte; and
/// whether it can match nothing at all (then what follows can start it).
#[derive(Debug, Clone, Copy)]
struct First {
    bytes: Option<Bytes>,
    empty: bool,
}

impl First {
    fn any() -> First {
        First {
            bytes: None,
            empty: false,
        }
    }

    /// A zero-width part: an anchor, a word boundary, a flag group.
    fn nothing() -> First {
        First {
            bytes: Some(Bytes::default()),
            empty: true,
        }
    }

    fn of(bytes: Bytes) -> First {
        First {
            bytes: Some(bytes),
            empty: false,
        }
    }

    fn or(self, o: First) -> First {
        First {
            bytes: self.bytes.zip(o.bytes).map(|(a, b)| a.union(b)),
            empty: self.empty || o.empty,
        }
    }
}

/// The pattern holds something this reader does not follow.
struct Unknown;

type Read = Result<First, Unknown>;

struct Parser {
    chars: Vec<char>,
    at: usize,
}

fn digits() -> Bytes {
    let mut b = Bytes::default();
    b.add_range(b'0', b'9');
    b
}

fn word() -> Bytes {
    let mut b = digits();
    b.add_range(b'a', b'z');
    b.add(b'_');
    b
}

fn space() -> Bytes {
    let mut b = Bytes::default();
    for c in [b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r'] {
        b.add(c);
    }
    b
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek();
        self.at += 1;
        c
    }

    fn alternation(&mut self) -> Read {
        let mut first = self.concat()?;
        while self.peek() == Some('|') {
            self.at += 1;
            first = first.or(self.concat()?);
        }
        Ok(first)
    }

    fn concat(&mut self) -> Read {
        let mut first = First::nothing();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let part = self.quantified(atom)?;
            if first.empty {
                first = First {
                    bytes: first.bytes.zip(part.bytes).map(|(a, b)| a.union(b)),
                    empty: part.empty,
                };
            }
        }
        Ok(first)
    }

    fn quantified(&mut self, atom: First) -> Read {
        let min = match self.peek() {
            Some('?' | '*') => 0,
            Some('+') => 1,
            Some('{') => {
                self.at += 1;
                let mut body = String::new();
                loop {
                    match self.bump() {
                        Some('}') => break,
                        Some(c) if c.is_ascii_digit() || c == ',' || c == ' ' => body.push(c),
                        _ => return Err(Unknown),
                    }
                }
                let min = body.split(',').next().unwrap_or("").trim();
                let min: usize = min.parse().map_err(|_| Unknown)?;
                self.at -= 1;
                min
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        if self.peek() == Some('?') {
            self.at += 1;
        }
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return Err(Unknown);
        }
        Ok(First {
            bytes: atom.bytes,
            empty: atom.empty || min == 0,
        })
    }

    fn atom(&mut self) -> Read {
        match self.bump().ok_or(Unknown)? {
            '(' => self.group(),
            '[' => self.class(),
            '\\' => self.escape(),
            '.' => Ok(First::any()),
            '^' | '$' => Ok(First::nothing()),
            '?' | '*' | '+' | '{' | '}' | ']' | ')' => Err(Unknown),
            c => {
                let mut b = Bytes::default();
                b.add_char(c);
                Ok(First::of(b))
            }
        }
    }

    fn group(&mut self) -> Read {
        if self.peek() == Some('?') {
            self.at += 1;
            match self.peek() {
                Some(':') => self.at += 1,
                Some('P' | '<') => while self.bump().ok_or(Unknown)? != '>' {},
                _ => loop {
                    // Flags; verbose mode changes what a space means.
                    match self.bump() {
                        Some('x') | None => return Err(Unknown),
                        Some(')') => return Ok(First::nothing()),
                        Some(':') => break,
                        Some(f) if f == '-' || f.is_ascii_alphabetic() => {}
                        Some(_) => return Err(Unknown),
                    }
                },
            }
        }
        let inner = self.alternation()?;
        if self.bump() != Some(')') {
            return Err(Unknown);
        }
        Ok(inner)
    }

    /// After `[`: the class's characters; a negated class, a nested one or
    /// a range beyond ASCII is any byte.
    fn class(&mut self) -> Read {
        let mut set = Bytes::default();
        let mut any = false;
        if self.peek() == Some('^') {
            self.at += 1;
            any = true;
        }
        let mut first = true;
        loop {
            let c = self.bump().ok_or(Unknown)?;
            let lit = match c {
                ']' if !first => break,
                '[' => return Err(Unknown),
                '\\' => match self.bump().ok_or(Unknown)? {
                    'd' => {
                        set = set.union(digits());
                        None
                    }
                    'w' => {
                        set = set.union(word());
                        None
                    }
                    's' => {
                        set = set.union(space());
                        None
                    }
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    e if e.is_ascii_punctuation() || e == ' ' => Some(e),
                    _ => return Err(Unknown),
                },
                c => Some(c),
            };
            first = false;
            let Some(lit) = lit else { continue };
            let range_end = match (self.peek(), self.chars.get(self.at + 1)) {
                (Some('-'), Some(&e)) if e != ']' => Some(e),
                _ => None,
            };
            match range_end {
                Some(e) => {
                    self.at += 2;
                    if e == '\\' || e == '[' {
                        return Err(Unknown);
                    }
                    match (u8::try_from(lit), u8::try_from(e)) {
                        (Ok(a), Ok(b)) if lit.is_ascii() && e.is_ascii() && a <= b => {
                            set.add_range(a, b)
                        }
                        _ => any = true,
                    }
                }
                None => set.add_char(lit),
            }
        }
        Ok(if any { First::any() } else { First::of(set) })
    }

    fn escape(&mut self) -> Read {
        let c = self.bump().ok_or(Unknown)?;
        Ok(match c {
            'b' if self.peek() == Some('{') => {
                while self.bump().ok_or(Unknown)? != '}' {}
                First::nothing()
            }
            'b' | 'B' | 'A' | 'z' | '<' | '>' => First::nothing(),
            'd' => First::of(digits()),
            'w' => First::of(word()),
            's' => First::of(space()),
            'D' | 'W' | 'S' => First::any(),
            'n' | 't' => {
                let mut b = Bytes::default();
                b.add(if c == 'n' { b'\n' } else { b'\t' });
                First::of(b)
            }
            c if c.is_ascii_punctuation() || c == ' ' => {
                let mut b = Bytes::default();
                b.add_char(c);
                First::of(b)
            }
            _ => return Err(Unknown),
        })
    }
}

/// The bytes every match of `pattern` starts with; `None` when a match may
/// start anywhere, or be empty.
pub fn starts(pattern: &str) -> Option<Bytes> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        at: 0,
    };
    match p.alternation() {
        Ok(First {
            bytes: Some(b),
            empty: false,
        }) if p.at == p.chars.len() => Some(b),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
