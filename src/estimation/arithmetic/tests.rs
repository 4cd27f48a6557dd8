use super::super::quantity::{format_quantity, Dim};
use super::*;
use proptest::prelude::*;

fn checks(text: &str) -> Vec<ArithmeticCheck> {
    check_arithmetic(text)
}

/// The single check of `text`, asserting its verdict.
fn verdict(text: &str) -> ArithVerdict {
    let cs = checks(text);
    assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
    cs[0].verdict
}

#[test]
fn correct_steps() {
    for text in [
        "100M × 10 = 1B",
        "100M x 10 = 1B",
        "100M * 10 = 1B",
        "1B / 86400 = 11,574",
        "1B / 86,400 = 11,574/s",
        "1B posts/day / 86,400 s ≈ 11.6K/s",
        "1B posts/day / 86400 = 11,574 posts/sec",
        "1B * 1 KB = 1 TB",
        "peak = 3 × 11.6K ≈ 35K",
        "1 TB/day × 365 = 365 TB",
        "1 TB/day × 365 = 365 TB/year",
        "1 TB/day × 365 days = 365 TB",
        "300M tweets/day ≈ 3,500 tweets/sec",
        "10M users × 10 GB each → 100 PB",
        "10M users × 10 GB each -> 100 PB",
        "10M users × 10 GB each => 100 PB",
        "11,574/s × 86,400 = 1B/day",
        "11.6 MB/s × 86,400 s ≈ 1 TB",
        "20% of 1B = 200M",
        "(100M + 50M) × 2 = 300M",
        "2^10 = 1024",
        "3x10 = 30",
        "1 TB/day = 11.6 MB/second",
        "1 day = 86,400 s",
        "100 Mbps × 8 = 100 MB/s",
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        assert_eq!(
            cs[0].verdict,
            ArithVerdict::Ok,
            "{text}: {}",
            cs[0].explanation
        );
        assert!(cs[0].ok);
    }
}

#[test]
fn multiplying_durations_count_periods() {
    // A duration that multiplies a count is a number of periods.
    for text in [
        "100M x 12 months x 5 years = 6B URLs",
        "100M × 12 months × 5 years = 6B",
        "100M * 12 months = 1.2B",
        "100M × 12 × 5 years = 6B URLs",
        "100M/month × 12 months × 5 years = 6B",
        "10 posts × 365 days = 3,650 posts",
        // Rate × duration is still the total, and hours of content
        // still a duration.
        "1 TB/day × 365 days = 365 TB",
        "11,574/s × 86,400 s = 1B",
        "100M × 2 h = 200M hours",
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        assert_eq!(
            cs[0].verdict,
            ArithVerdict::Ok,
            "{text}: {}",
            cs[0].explanation
        );
    }
    assert_eq!(
        verdict("100M x 12 months x 5 years = 60B"),
        ArithVerdict::Wrong
    );
    assert_eq!(verdict("100M × 12 months = 5 TB"), ArithVerdict::Unverified);
}

#[test]
fn time_unit_conversions_in_products() {
    // A duration times the count of a smaller unit in one of its own is
    // that duration in the smaller unit, left to right: 30 days × 24 hrs
    // = 720 hours, × 3600 seconds = 2,592,000 seconds, not s^3.
    for (text, stated, computed) in [
        (
            "(100 million) / ((30 days × 24 hrs × 3600 seconds)) = ~ 40 URLs/second",
            40.0,
            1e8 / 2_592_000.0,
        ),
        // Stated per day: compared as typed, 4000/s × 86,400 s.
        (
            "4000 URLs/second × 24 hours × 3600 seconds = ~ 350 million requests/day",
            350e6,
            345.6e6,
        ),
        (
            "(1 billion) / ((24 hrs × 3600 seconds)) = ~ 12K requests/second",
            12_000.0,
            1e9 / 86_400.0,
        ),
        (
            "(400 GB) / ((24 hrs × 3600 seconds)) = ~ 5 MB/second",
            5.0,
            400e3 / 86_400.0,
        ),
        ("1B / (24 × 3600) = 11,574", 11_574.0, 1e9 / 86_400.0),
        ("30 days × 24 hours = 720 hours", 720.0, 720.0),
        (
            "365 days × 24 h × 3600 s = 31.5M seconds",
            31.5e6,
            31_536_000.0,
        ),
        ("1 TB/day × 365 days = 365 TB", 365.0, 365.0),
        ("100M × 12 months × 5 years = 6B", 6e9, 6e9),
        // The other conversions of the rule, and the reverse order.
        ("2 h × 60 min = 120 min", 120.0, 120.0),
        ("1 week × 7 days = 7 days", 7.0, 7.0),
        ("1 month × 31 days × 24 hours = 744 hours", 744.0, 744.0),
        ("1 year × 12 months = 12 months", 12.0, 12.0),
        ("1 year × 52 weeks = 52 weeks", 52.0, 52.0),
        (
            "1 year × 365 days × 24 hours = 8,760 hours",
            8_760.0,
            8_760.0,
        ),
        ("2 s × 1000 ms = 2000 ms", 2_000.0, 2_000.0),
        ("3600 s × 24 hours = 86,400 s", 86_400.0, 86_400.0),
        ("100M × 2 h × 60 min = 12B", 12e9, 12e9),
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        let c = &cs[0];
        assert_eq!(c.verdict, ArithVerdict::Ok, "{text}: {}", c.explanation);
        assert!((c.stated - stated).abs() <= 1e-9 * stated, "{text}: {c:#?}");
        assert!(
            (c.computed - computed).abs() <= 1e-6 * computed,
            "{text}: {c:#?}"
        );
    }
    // The figures are still compared.
    for (text, computed) in [
        (
            "30 days × 24 hrs × 3600 seconds = 259,200 seconds",
            2_592_000.0,
        ),
        (
            "4000 URLs/second × 24 hours × 3600 seconds = ~ 35 million requests/day",
            345.6e6,
        ),
        (
            "1B / (30 days × 24 h × 3600 s) = 3,860/s",
            1e9 / 2_592_000.0,
        ),
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        assert_eq!(cs[0].verdict, ArithVerdict::Wrong, "{text}: {cs:#?}");
        assert!(
            (cs[0].computed - computed).abs() <= 1e-6 * computed,
            "{text}: {cs:#?}"
        );
    }
    // Any other product of durations is still a product.
    for text in ["2 h × 3 h = 6 hours", "30 days × 25 hours = 750 hours"] {
        assert_eq!(verdict(text), ArithVerdict::Unverified, "{text}");
    }
    assert!(checks("2 ^ 24 hours × 3600 s = 5").is_empty());
}

#[test]
fn billions_times_a_size() {
    for (text, stated) in [
        ("2B x 1 KB = 2 TB", 2.0),
        ("1.2B × 500 bytes = 600 GB", 600.0),
        ("1.2B x 500 bytes = 600 GB", 600.0),
        ("1.2 B x 500B = 600 GB", 600.0),
        ("100M x 500B = 50 GB", 50.0),
        ("Storage per year: 1.2B x 500 bytes = 600 GB/year.", 600.0),
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        assert_eq!(
            cs[0].verdict,
            ArithVerdict::Ok,
            "{text}: {}",
            cs[0].explanation
        );
        assert!((cs[0].stated - stated).abs() < 1e-9, "{text}");
        assert!((cs[0].computed - stated).abs() < 1e-6, "{text}");
    }
}

#[test]
fn a_total_stated_per_period() {
    // A computed total stated as the growth per period, and back.
    for text in [
        "1.2B x 500 bytes = 600 GB/year",
        "1B × 1 KB = 1 TB per day",
        "1B × 1 KB = 1 TB/day",
        "100M × 10 = 1B/day",
        "1 TB/day × 365 = 365 TB",
        "11,574/s × 86,400 = 1B",
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 1, "{text}: {cs:#?}");
        assert_eq!(
            cs[0].verdict,
            ArithVerdict::Ok,
            "{text}: {}",
            cs[0].explanation
        );
    }
    // The numbers are still compared, in the stated unit.
    let cs = checks("1B × 1 KB = 2 TB per day");
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].verdict, ArithVerdict::Wrong);
    assert!((cs[0].computed - 1.0).abs() < 1e-9, "{cs:#?}");
    assert_eq!(
        verdict("1.2B x 500 bytes = 600/year"),
        ArithVerdict::Unverified
    );
}

#[test]
fn seconds_per_month_and_clause_context() {
    assert_eq!(
        verdict("Writes: 100M / 2.5M s per month ≈ 40 writes/s."),
        ArithVerdict::Ok
    );
    assert_eq!(
        verdict("1B / 86,400 s per day = 11,574/s"),
        ArithVerdict::Ok
    );
    let cs = checks(
        "Cache: 10B / 30 ≈ 333M redirects per day; caching 20% of them at 500 bytes is 333M × 0.2 × 500 B ≈ 33 GB of memory",
    );
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert!(cs.iter().all(|c| c.ok), "{cs:#?}");
}

#[test]
fn a_chain_through_a_stated_rate() {
    for text in [
        "100M x 500 B = 50 GB/day ≈ 18 TB/year",
        "500M x 10 = 5B a day ≈ 58K a second",
    ] {
        let cs = checks(text);
        assert_eq!(cs.len(), 2, "{text}: {cs:#?}");
        assert!(cs.iter().all(|c| c.ok), "{text}: {cs:#?}");
    }
    let cs = checks("100M x 500 B = 50 GB/day ≈ 180 TB/year");
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert_eq!(cs[1].verdict, ArithVerdict::Wrong);
    assert!(
        cs[1].explanation.contains("= 18.2 TB/year, not 180"),
        "{}",
        cs[1].explanation
    );
}

#[test]
fn mismatch_messages_name_the_units() {
    let cs = checks("1 h × 2 h = 5");
    assert_eq!(cs.len(), 1, "{cs:#?}");
    assert_eq!(cs[0].verdict, ArithVerdict::Unverified);
    assert!(cs[0].explanation.contains("(s^2)"), "{}", cs[0].explanation);
    assert!(
        !cs[0].explanation.contains("bytes^0"),
        "{}",
        cs[0].explanation
    );
}

#[test]
fn ten_x_slip_is_wrong_with_the_right_figure() {
    let cs = checks("Write QPS: 1B / 86400 = 115,740");
    assert_eq!(cs.len(), 1);
    let c = &cs[0];
    assert_eq!(c.verdict, ArithVerdict::Wrong);
    assert!(!c.ok);
    assert_eq!(c.stated, 115_740.0);
    assert!((c.computed - 11_574.07).abs() < 0.01);
    assert_eq!(c.computed_display, "11,574");
    assert!((c.relative_error - 0.9).abs() < 0.001);
    assert_eq!(c.text, "1B / 86400 = 115,740");
    assert_eq!(
        c.explanation,
        "1B / 86400 = 11,574, not 115,740 (off by 90%; 10x too high)"
    );
}

#[test]
fn a_power_is_quoted_as_typed() {
    let c = &checks("- **Reads:** 5×10⁹ reads/day / 86,400 s ≈ 5,800 reads/s")[0];
    assert_eq!(c.verdict, ArithVerdict::Wrong);
    assert_eq!(c.text, "5×10⁹ reads/day / 86,400 s ≈ 5,800 reads/s");
    assert_eq!(
        c.explanation,
        "5×10⁹ reads/day / 86,400 s = 57,870/s, not 5,800 reads/s (off by 90%; 10x too low)"
    );
}

#[test]
fn tolerances() {
    // 10% plain, 25% when marked approximate.
    assert_eq!(verdict("3 × 11.6K = 40K"), ArithVerdict::Wrong);
    assert_eq!(verdict("3 × 11.6K ≈ 40K"), ArithVerdict::Ok);
    assert_eq!(verdict("3 × 11.6K = ~40K"), ArithVerdict::Ok);
    assert_eq!(verdict("3 × 11.6K = 37K"), ArithVerdict::Ok);
    assert_eq!(verdict("3 × 11.6K ≈ 50K"), ArithVerdict::Wrong);
    // The 100K-seconds-a-day rounding: their divisor, or the exact one
    // within 25%.
    assert_eq!(verdict("1B / 100K = 10K"), ArithVerdict::Ok);
    assert_eq!(verdict("1B/day / 100K = 10K/s"), ArithVerdict::Ok);
    assert_eq!(verdict("1B / 100K = 11.6K"), ArithVerdict::Ok);
    assert_eq!(verdict("1B / 100K = 20K"), ArithVerdict::Wrong);
}

#[test]
fn per_month_rule_of_thumb() {
    // 2.5M seconds a month, ~30 days a month.
    assert_eq!(verdict("30M/month / 2.5M = 12/s"), ArithVerdict::Ok);
    assert_eq!(verdict("30M/month / 2.5M s = 12/s"), ArithVerdict::Ok);
    assert_eq!(verdict("30M/month / 2.592M = 11.6/s"), ArithVerdict::Ok);
    assert_eq!(verdict("30M/month / 30 = 1M/day"), ArithVerdict::Ok);
    assert_eq!(verdict("30M/month / 30 days = 11.6/s"), ArithVerdict::Ok);
    assert_eq!(verdict("30M / 2.5M = 12"), ArithVerdict::Ok);
    assert_eq!(verdict("12/s × 2.5M = 30M/month"), ArithVerdict::Ok);
    assert_eq!(verdict("1M/day × 30 = 30M/month"), ArithVerdict::Ok);
    assert_eq!(verdict("30M/month / 2.5M = 120/s"), ArithVerdict::Wrong);
}

#[test]
fn dimension_mistakes() {
    // Bare numbers on the left: the unit is the candidate's, the numbers
    // are still wrong (11,574, not 11.6).
    let cs = checks("1B / 86400 = 11.6 TB");
    assert_eq!(cs.len(), 1);
    assert_eq!(cs[0].verdict, ArithVerdict::Wrong);
    assert!(!cs[0].ok);
    let cs = checks("1 h × 2 h = 5");
    assert_eq!(cs[0].verdict, ArithVerdict::Unverified);
    assert!(cs[0].explanation.contains("units do not match"));
    // The unit left off the result: the numbers agree.
    assert_eq!(verdict("1B * 1 KB = 1,000,000,000,000"), ArithVerdict::Ok);
    assert_eq!(verdict("11.6K/s × 3 = 35 GB"), ArithVerdict::Unverified);
}

#[test]
fn chains_check_every_link() {
    let cs = checks("storage = 1B × 1 KB = 1 TB = 1,000 GB");
    assert_eq!(cs.len(), 2);
    assert!(cs.iter().all(|c| c.ok));
    let cs = checks("2 × 3 = 6 = 7");
    assert_eq!(cs.len(), 2);
    assert!(cs[0].ok);
    assert_eq!(cs[1].verdict, ArithVerdict::Wrong);
    let cs = checks("100M × 10 = 1B, 1B / 86400 = 11,574; peak = 3 × 11,574 = 34,722");
    assert_eq!(cs.len(), 3);
    assert!(cs.iter().all(|c| c.ok), "{cs:#?}");
}

#[test]
fn no_false_checks_on_labels_and_bare_figures() {
    for text in [
        "Peak (3× average) = 34,722 posts/second",
        "1 year = 365 TB",
        "(Plus reads: 100× = 1.16 GB/second)",
        "10 servers = 20 cores",
        "P99 <= 200 ms",
        "Storage:",
        "read:write = 100:1",
        "growth = 2x",
    ] {
        assert!(checks(text).is_empty(), "{text}: {:#?}", checks(text));
    }
}

#[test]
fn bad_input_is_skipped() {
    for text in [
        "10^400 × 2 = 5",
        "1 / 0 = 5",
        "(1 + 2 = 3 × (4",
        "1e-300 TB × 1e-300 = 0",
        "((((((1)))))) = 1",
        "1B × = 5",
        "= = = →",
    ] {
        for c in checks(text) {
            assert!(c.stated.is_finite() && c.computed.is_finite(), "{text}");
            assert!(c.relative_error.is_finite(), "{text}");
        }
    }
    assert!(checks("1 / 0 = 5").is_empty());
    assert!(checks("10^400 × 2 = 5").is_empty());
    let deep = format!("{}1{} = 1", "(".repeat(5_000), ")".repeat(5_000));
    assert!(checks(&deep).is_empty());
    let digits = format!("{} / 2 = 3", "7".repeat(5_000));
    assert!(checks(&digits).is_empty());
}

#[test]
fn spans_point_into_the_text() {
    let text = "Intro line\nWrite QPS: 1B / 86400 = 11,574\n";
    let cs = checks(text);
    assert_eq!(cs.len(), 1);
    assert_eq!(text.get(cs[0].span.clone()), Some("1B / 86400 = 11,574"));
}

#[test]
fn serializes_with_report_field_names() {
    let cs = checks("100M × 10 = 1B");
    let json = serde_json::to_value(&cs).unwrap_or_default();
    let first = &json[0];
    for key in ["text", "stated", "computed", "ok", "verdict"] {
        assert!(first.get(key).is_some(), "{key}");
    }
    assert_eq!(first["verdict"], "ok");
    let mismatch = serde_json::to_value(ArithVerdict::Unverified).unwrap_or_default();
    assert_eq!(mismatch, "unverified");
}

proptest! {
    #[test]
    fn checker_never_panics(s in "\\PC{0,200}") {
        for c in check_arithmetic(&s) {
            prop_assert!(c.stated.is_finite() && c.computed.is_finite());
            prop_assert!(c.relative_error.is_finite());
            prop_assert!(s.get(c.span.clone()).is_some());
        }
    }

    #[test]
    fn checker_never_panics_on_arithmetic_soup(
        s in "[0-9 ,.^x×*/+()=≈→~KMBTkbGs%:a-z-]{0,160}"
    ) {
        for c in check_arithmetic(&s) {
            prop_assert!(c.stated.is_finite() && c.computed.is_finite());
            prop_assert!(c.relative_error.is_finite());
        }
    }

    #[test]
    fn products_check_out(a in 1u32..100_000, b in 1u32..10_000) {
        let product = f64::from(a) * f64::from(b);
        let text = format!("{a} × {b} = {}", format_quantity(product, Dim::COUNT));
        let cs = check_arithmetic(&text);
        prop_assert_eq!(cs.len(), 1, "{}", text);
        prop_assert!(cs[0].ok, "{}: {}", text, cs[0].explanation);
    }
}

/// Verdicts of every check in `text`.
fn verdicts(text: &str) -> Vec<ArithVerdict> {
    checks(text).iter().map(|c| c.verdict).collect()
}

#[test]
fn arrows_that_mean_therefore_are_not_equalities() {
    for text in [
        "36^8 ≈ 2.8T → 8 characters",
        "4,000/s / 500 per server = 8 servers → 24 with headroom",
        "400/s ≈ 1,200/s → ~3,600/s at a 3x peak",
        "50M × 400 × 16 B ≈ 320 GB → 50M × 400 × 16 B ≈ 320 GB",
        "1B / 86,400 ≈ 11.6K/s → round up to 20K/s",
    ] {
        let cs = checks(text);
        assert!(
            cs.iter().all(|c| c.verdict != ArithVerdict::Wrong),
            "{text}: {cs:#?}"
        );
    }
    // A multiplier after the arrow is checked: 1,200 × 3 = 3,600.
    let cs = checks("≈ 1,200/s → ~3,600/s at a 3x peak");
    assert_eq!(
        verdicts("≈ 1,200/s → ~3,600/s at a 3x peak"),
        vec![ArithVerdict::Ok],
        "{cs:#?}"
    );
    assert_eq!(
        verdicts("≈ 1,200/s → ~36,000/s at a 3x peak"),
        vec![ArithVerdict::Wrong]
    );
}

#[test]
fn period_conversions_along_a_chain() {
    let cs = checks("5 TB/month → 60 TB/year → 300 TB over 5 years");
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert!(cs.iter().all(|c| c.ok), "{cs:#?}");
    let cs = checks("5 TB/month → 60 TB/year → 3,000 TB over 5 years");
    assert_eq!(cs.len(), 2, "{cs:#?}");
    assert_eq!(cs[1].verdict, ArithVerdict::Wrong, "{cs:#?}");
    let cs = checks("5 TB/month → 600 TB/year");
    assert_eq!(cs[0].verdict, ArithVerdict::Wrong, "{cs:#?}");
    assert_eq!(verdicts("1M/day → ~12/s"), vec![ArithVerdict::Ok]);
}

#[test]
fn units_from_context_and_on_the_result_only() {
    let text = "Each record is 64 bytes.\nWrites: 100K × 64 = 6.4 MB/s";
    assert_eq!(
        verdicts(text),
        vec![ArithVerdict::Ok],
        "{:#?}",
        checks(text)
    );
    let text = "Each record is 64 bytes. 100K writes/s × 64 = 6.4 MB/s";
    assert_eq!(
        verdicts(text),
        vec![ArithVerdict::Ok],
        "{:#?}",
        checks(text)
    );
    for text in [
        "14.6 × 5 = 73 TB",
        "17 × 8 ≈ 136 Mbps",
        "300M × 120 ≈ 36 GB",
    ] {
        assert_eq!(
            verdicts(text),
            vec![ArithVerdict::Ok],
            "{text}: {:#?}",
            checks(text)
        );
    }
    for text in [
        "14.6 × 5 = 730 TB",
        "17 × 8 ≈ 1,360 Mbps",
        "300M × 120 ≈ 360 GB",
    ] {
        assert_eq!(
            verdicts(text),
            vec![ArithVerdict::Wrong],
            "{text}: {:#?}",
            checks(text)
        );
    }
}

#[test]
fn bits_and_bytes() {
    for text in [
        "7 Mbps = 7 Mb/s",
        "7 Mb/s × 3,600 s = 25,200 Mb = 3.15 GB",
        "100 megabits/s = 12.5 MB/s",
        "1 Gbps = 125 MB/s",
    ] {
        let cs = checks(text);
        assert!(!cs.is_empty() || text.starts_with("7 Mbps"), "{text}");
        assert!(cs.iter().all(|c| c.ok), "{text}: {cs:#?}");
    }
    assert_eq!(verdicts("1 Gbps = 1.25 GB/s"), vec![ArithVerdict::Wrong]);
}

#[test]
fn labels_and_notation() {
    for text in [
        "2.5× peak: 30 × 2.5 = 75 writes/s",
        "peak 3× higher: 7.1M × 3 ≈ 21M",
        "5M \\* 3 MB => 15 TB/day",
        "1B ~= 11.6K/s × 86,400",
        "1B / 24h / 3600s ≈ 11.6K/s",
        "**Writes:** 100M / 2.5M s = **40/s**",
        "(100M × 500) bytes = 50 GB",
        "(100M × 12) URLs/year × 500 bytes = 600 GB/year",
        "15 billion tweets per month * (400 / 1 billion) = 6,000 tweets per second",
        "1 MB / 4 GB/s = 250 us",
    ] {
        let cs = checks(text);
        assert!(
            cs.iter().all(|c| c.verdict != ArithVerdict::Wrong),
            "{text}: {cs:#?}"
        );
        assert!(cs.iter().any(|c| c.ok), "{text}: {cs:#?}");
    }
}

#[test]
fn a_per_second_figure_with_a_period_after_it_is_never_wrong() {
    for text in ["1B / 86,400 = 11.6K/s/day", "100M/day → 1.2K/s/day"] {
        let cs = checks(text);
        assert!(
            cs.iter().all(|c| c.verdict != ArithVerdict::Wrong),
            "{text}: {cs:#?}"
        );
    }
}

#[test]
fn claims_without_an_operator() {
    assert_eq!(
        verdicts("1M new links a day, so about 12 writes a second"),
        vec![ArithVerdict::Ok]
    );
    assert_eq!(
        verdicts("1M new links a day, so about 10,000 writes a second"),
        vec![ArithVerdict::Wrong]
    );
    assert_eq!(
        verdicts("60 TB a year, so 300 TB over 5 years"),
        vec![ArithVerdict::Ok]
    );
    // Different traffic, or no units: left alone.
    assert!(checks("1M new links a day, so about 1,000 reads a second").is_empty());
    assert!(checks("1M links, so 10,000 writes").is_empty());
}

/// Each way a correct line was misread is "not checked", never "wrong";
/// the same shapes with a real slip and nothing doubtful stay wrong.
#[test]
fn doubtful_steps_are_not_called_wrong() {
    let not_wrong = |text: &str| {
        let cs = checks(text);
        assert!(
            cs.iter().all(|c| c.verdict != ArithVerdict::Wrong),
            "{text}: {cs:#?}"
        );
    };
    // Goes on from the figures before it.
    not_wrong("about 10 pictures of ~100 KB per open = 1 MB");
    // A share of a total named by a word.
    not_wrong("Images: 10% of tweets × 200 KB = 6 TB/day");
    // A range.
    not_wrong("compress 5-10× → under 10 TB/yr");
    // A rate given as "every".
    not_wrong("2M drivers online × one report every 4 s = 500,000 reports/s");
    // A gap no slip makes between figures with units.
    not_wrong("catalogue ~120k hours × ~25 GB (ladder × codecs) ≈ 3 PB");
    // The numbers as typed give it; the units are the candidate's.
    not_wrong("100M daily viewers × 2 hours = 200M viewing hours per day");
    not_wrong("one hour is 5 × 3,600 / 8 ≈ 2.25 GB");
    // A duration glued to its number.
    not_wrong("6B over 5y × ~500 B = 3 TB");
    // Another figure on the line is the result.
    not_wrong("1M / 86.4K ≈ 12 writes/s and ~120 reads/s");
    // Superscript powers are read.
    assert_eq!(verdict("5×10⁹ / 86,400 ≈ 58K req/s"), ArithVerdict::Ok);
    // Slips stay caught.
    assert_eq!(verdict("100M × 2 MB = 200 GB per day"), ArithVerdict::Wrong);
    assert_eq!(
        verdict("1B / 86,400 ≈ 1,160 reads/sec"),
        ArithVerdict::Wrong
    );
    assert_eq!(verdict("5×10⁹ / 86,400 ≈ 5.8K req/s"), ArithVerdict::Wrong);
    assert_eq!(verdicts("1 Gbps = 1.25 GB/s"), vec![ArithVerdict::Wrong]);
    // "every N s" in figures is read as a rate, right or wrong.
    assert_eq!(
        verdict("2M drivers × 1 update every 4 seconds = 500K updates/s"),
        ArithVerdict::Ok
    );
    assert_eq!(
        verdict("2M drivers × 1 update every 4 seconds = 5M updates/s"),
        ArithVerdict::Wrong
    );
}

/// A claim does not reach over a sentence: "200k updates/second. That's a
/// lot of writes. Rides maybe 10M/day" speaks of two things.
#[test]
fn claims_stay_in_their_sentence() {
    let cs = checks("200k updates/second. That's a lot of writes. Rides maybe 10M/day.");
    assert!(cs.is_empty(), "{cs:#?}");
    assert_eq!(
        verdict("1M new links a day, i.e. about 12 writes a second"),
        ArithVerdict::Ok
    );
}

#[test]
fn daily_users_times_a_daily_rate() {
    for text in [
        "100M daily users × 2 files a day = 200M files a day",
        "50M daily users × 1.5 hours = 75M hours",
        "1B daily people × 50 messages per day = 50B messages a day",
    ] {
        assert_eq!(verdict(text), ArithVerdict::Ok, "{text}");
    }
    assert_eq!(
        verdict("100M daily users × 2 files a day = 20M files a day"),
        ArithVerdict::Wrong
    );
}

#[test]
fn a_thousandfold_slip_is_not_rounded_to_a_hundred_percent() {
    let cs = checks("10M streams × 5 Mbps = 50 Gbps");
    assert_eq!(cs[0].verdict, ArithVerdict::Wrong);
    assert!(
        cs[0]
            .explanation
            .ends_with("(off by 99.9%; 1,000x too low)"),
        "{}",
        cs[0].explanation
    );
    assert_eq!(links::percent(0.9), "90%");
    assert_eq!(links::percent(0.99999), "over 99.9%");
}

#[test]
fn terabits_are_bits() {
    assert_eq!(verdict("20M × 5 Mbit/s = 100 Tbit/s"), ArithVerdict::Ok);
    assert_eq!(verdict("20M × 5 Mbit/s = 10 Tbit/s"), ArithVerdict::Wrong);
}
