//! A sheet written as text and read back: `build.rs` writes the built-in
//! problems' sheets this way (their words apart, as sorted tables), and a
//! session reads its problem's sheet from that text instead of reading every
//! fact again. Fields are separated by the unit separator, which no word
//! holds.

use super::sheet::{Indexed, Sheet};
use super::terms::Term;
use super::words::Known;
use crate::grading::fx::{FxMap, FxSet};

/// Between two fields.
const SEP: char = '\u{1f}';

/// Writes fields one after the other.
struct Writer(String);

impl Writer {
    fn text(&mut self, s: &str) {
        self.0.push_str(s);
        self.0.push(SEP);
    }

    fn count(&mut self, n: usize) {
        self.text(&n.to_string());
    }

    fn flag(&mut self, b: bool) {
        self.text(if b { "1" } else { "0" });
    }

    /// A list of words, sorted, so the same sheet is the same text.
    fn set(&mut self, set: &FxSet<String>) {
        let mut all: Vec<&String> = set.iter().collect();
        all.sort();
        self.count(all.len());
        for s in all {
            self.text(s);
        }
    }

    fn list(&mut self, list: &[String]) {
        self.count(list.len());
        for s in list {
            self.text(s);
        }
    }

    /// What ranking reads of a fact's term: its keys, the keys that span
    /// it, whether it is a way of asking, and how many words it has.
    fn term(&mut self, t: &Term) {
        self.list(&t.keys);
        self.list(&t.whole);
        self.flag(t.head);
        self.count(t.words);
    }
}

/// Reads the fields back.
struct Reader<'a>(std::str::Split<'a, char>);

impl Reader<'_> {
    fn text(&mut self) -> Option<String> {
        self.0.next().map(str::to_string)
    }

    fn count(&mut self) -> Option<usize> {
        self.0.next()?.parse().ok()
    }

    fn flag(&mut self) -> Option<bool> {
        match self.0.next()? {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        }
    }

    fn list(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        (0..n).map(|_| self.text()).collect()
    }

    fn set(&mut self) -> Option<FxSet<String>> {
        Some(self.list()?.into_iter().collect())
    }

    fn term(&mut self) -> Option<Term> {
        Some(Term {
            keys: self.list()?,
            whole: self.list()?,
            head: self.flag()?,
            required: Vec::new(),
            unit: false,
            echo: false,
            lead: false,
            words: self.count()?,
            text: String::new(),
        })
    }
}

impl Sheet {
    /// The sheet as text, for `Sheet::from_text`; its words are written
    /// apart (`Known`).
    // Written by `build.rs` and by the test that checks the built-in sheets.
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn to_text(&self) -> String {
        let mut w = Writer(String::new());
        w.count(self.facts.len());
        for f in &self.facts {
            w.count(f.fact);
            w.count(f.phrases.len());
            for ph in &f.phrases {
                w.count(ph.len());
                for t in ph {
                    w.term(t);
                }
            }
            w.set(&f.strong);
            w.set(&f.weak);
            w.set(&f.units);
            w.count(f.said.len());
            for s in &f.said {
                w.list(s);
            }
        }
        let mut idf: Vec<(&String, &f64)> = self.idf.iter().collect();
        idf.sort_by(|a, b| a.0.cmp(b.0));
        w.count(idf.len());
        for (k, v) in idf {
            w.text(k);
            w.text(&format!("{:x}", v.to_bits()));
        }
        w.set(&self.passing);
        w.set(&self.context);
        w.0
    }

    /// A sheet written by `Sheet::to_text`; `None` when the text is not one.
    // Only the library reads sheets back; `build.rs` only writes them.
    #[allow(dead_code)]
    pub fn from_text(text: &str, known: Known) -> Option<Sheet> {
        let mut r = Reader(text.split(SEP));
        let n = r.count()?;
        let mut facts = Vec::with_capacity(n);
        for _ in 0..n {
            let fact = r.count()?;
            let phrases = (0..r.count()?)
                .map(|_| (0..r.count()?).map(|_| r.term()).collect())
                .collect::<Option<Vec<Vec<Term>>>>()?;
            let strong = r.set()?;
            let weak = r.set()?;
            let units = r.set()?;
            let said = (0..r.count()?)
                .map(|_| r.list())
                .collect::<Option<Vec<Vec<String>>>>()?;
            facts.push(Indexed {
                fact,
                phrases,
                strong,
                weak,
                units,
                said,
            });
        }
        let mut idf: FxMap<String, f64> = FxMap::default();
        for _ in 0..r.count()? {
            let k = r.text()?;
            let bits = u64::from_str_radix(&r.text()?, 16).ok()?;
            idf.insert(k, f64::from_bits(bits));
        }
        let passing = r.set()?;
        let context = r.set()?;
        Some(Sheet {
            facts,
            idf,
            passing,
            context,
            known,
            pairs: std::sync::OnceLock::new(),
        })
    }
}
