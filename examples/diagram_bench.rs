//! Diagram reading, timed: `cargo run --release --example diagram_bench`.
//!
//! - every calibration answer's drawing read and checked (the usual case);
//! - a 500-box Mermaid chain, a 10,000-character label, and about 1 MB of
//!   hostile lines inside and outside a Mermaid block (reading is linear);
//! - what reading the drawing adds to grading a drawn answer.

use sdcoach::catalog::Catalog;
use sdcoach::diagram::{check, read_one};
use sdcoach::grading::{grade, parse_answer, Extras};
use std::time::{Duration, Instant};

fn time<F: FnMut()>(mut f: F) -> Duration {
    let start = Instant::now();
    let mut runs = 0;
    while start.elapsed() < Duration::from_millis(500) || runs < 3 {
        f();
        runs += 1;
    }
    start.elapsed() / runs
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let catalog = match Catalog::embedded() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(3);
        }
    };
    for problem in catalog.ids() {
        let path = format!("tests/calibration/{problem}/drawn.md");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let rules = &catalog
            .rubric(&problem)
            .map(|r| r.structure.clone())
            .unwrap_or_default();
        let t = time(|| {
            let d = read_one(&text);
            std::hint::black_box(check(&d, rules, &text));
        });
        let with = parse_answer(&text);
        let mut without = with.clone();
        without.steps[4] = String::new();
        let g_with = time(|| {
            std::hint::black_box(grade(&catalog, &problem, &with, &Extras::default()).ok());
        });
        let g_without = time(|| {
            std::hint::black_box(grade(&catalog, &problem, &without, &Extras::default()).ok());
        });
        println!(
            "{problem:<14} read + check {:>10}   grade {:>10} (high-level step left empty {:>10})",
            ms(t),
            ms(g_with),
            ms(g_without)
        );
    }
    let mut chain = String::from("```mermaid\nflowchart LR\n");
    for i in 0..500 {
        chain.push_str(&format!("N{i}[Box {i}] --> N{}[Box {}]\n", i + 1, i + 1));
    }
    chain.push_str("```\n");
    println!(
        "500-box chain: {}",
        ms(time(|| {
            std::hint::black_box(read_one(&chain));
        }))
    );
    let label = format!(
        "```mermaid\nflowchart LR\nA[{}] --> B\n```\n",
        "x".repeat(10_000)
    );
    println!(
        "10,000-character label: {}",
        ms(time(|| {
            std::hint::black_box(read_one(&label));
        }))
    );
    for (name, line) in [
        (
            "unclosed labels",
            "A[unclosed -- -- -- -- -- -- -- -- -- -- -- -- -- -- -- --",
        ),
        (
            "arrows without an end",
            "A -- x -- y -- z -- w -- v -- u -- t -- s -- r -- q -- p --",
        ),
        (
            "arrow lines",
            "Client -> LB -> API -> Redis -> Postgres -> Kafka -> Workers",
        ),
    ] {
        for fenced in [true, false] {
            let mut sizes = Vec::new();
            for n in [1_600usize, 16_000] {
                let body = format!("{line}\n").repeat(n);
                let text = if fenced {
                    format!("```mermaid\nflowchart LR\n{body}```\n")
                } else {
                    body
                };
                sizes.push((
                    text.len(),
                    time(|| {
                        std::hint::black_box(read_one(&text));
                    }),
                ));
            }
            println!(
                "{name:<22} {:<9} {:>8} bytes {:>10}, {:>8} bytes {:>10} ({:.1}x for 10x)",
                if fenced { "(Mermaid)" } else { "(plain)" },
                sizes[0].0,
                ms(sizes[0].1),
                sizes[1].0,
                ms(sizes[1].1),
                sizes[1].1.as_secs_f64() / sizes[0].1.as_secs_f64()
            );
        }
    }
}
