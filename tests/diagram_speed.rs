//! Reading a diagram takes time linear in its length. Alone in its own
//! test binary, so other tests running at the same time do not skew it.

use sdcoach::diagram::read_one;
use std::time::{Duration, Instant};

/// Best time to read `n` copies of a hostile line, in a Mermaid block
/// (`fenced`) or as plain lines.
fn best(line: &str, n: usize, rounds: usize, fenced: bool) -> Duration {
    let body = format!("{line}\n").repeat(n);
    let text = if fenced {
        format!("```mermaid\nflowchart LR\n{body}```\n")
    } else {
        body
    };
    (0..rounds)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(read_one(&text));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
fn reading_is_linear_in_the_input() {
    // Lines that make a naive parser search far: unclosed labels, arrows
    // without an end, long runs of dashes, `&` groups.
    for line in [
        "A[unclosed -- -- -- -- -- -- -- -- -- -- -- -- -- -- -- --",
        "A -- x -- y -- z -- w -- v -- u -- t -- s -- r -- q -- p --",
        "A ---------------------------------------------------------- B",
        "A & B & C & D --> E & F & G & H",
        "Client -> LB -> API -> Redis -> Postgres -> Kafka -> Workers",
    ] {
        for fenced in [true, false] {
            best(line, 200, 1, fenced); // warm up the allocator
            let (mut small, mut large) = (Duration::MAX, Duration::MAX);
            for _ in 0..2 {
                small = small.min(best(line, 500, 5, fenced));
                large = large.min(best(line, 8_000, 2, fenced));
            }
            // 16x the input: linear is ~16x, quadratic ~256x; the margin is
            // for a machine busy with other work.
            let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
            assert!(
                ratio < 64.0,
                "{line} (fenced: {fenced}): {small:?} → {large:?} ({ratio:.1}x)"
            );
        }
    }
}
