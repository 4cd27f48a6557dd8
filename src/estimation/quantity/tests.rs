use super::*;
use proptest::prelude::*;

/// The single quantity in `text`.
fn one(text: &str) -> Quantity {
    let qs = parse_quantities(text);
    assert_eq!(qs.len(), 1, "{text:?} → {qs:?}");
    qs.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

#[test]
fn plain_and_grouped_numbers() {
    for (text, value) in [
        ("11574", 11_574.0),
        ("11,574", 11_574.0),
        ("11 574", 11_574.0),
        ("11\u{202f}574", 11_574.0),
        ("1,000,000", 1e6),
        ("1.2", 1.2),
        ("3e4", 3e4),
        ("2.5E-3", 2.5e-3),
        ("1.2 x 10^4", 1.2e4),
        ("1.2 × 10^4", 1.2e4),
        ("10^9", 1e9),
        (".5", 0.5),
    ] {
        let q = one(text);
        assert!(close(q.value, value), "{text}: {}", q.value);
        assert_eq!(q.dim, Dim::COUNT, "{text}");
        assert_eq!(q.span, 0..text.len(), "{text}");
    }
}

#[test]
fn grouping_does_not_swallow_neighbours() {
    let qs = parse_quantities("3 100K clusters, 1,2,3 and 2 100-node racks");
    let values: Vec<f64> = qs.iter().map(|q| q.value).collect();
    assert_eq!(values, vec![3.0, 1e5, 1.0, 2.0, 3.0, 2.0, 100.0]);
}

#[test]
fn scale_words_and_suffixes() {
    for (text, value) in [
        ("5K", 5e3),
        ("5k", 5e3),
        ("5 thousand", 5e3),
        ("2M", 2e6),
        ("2 million", 2e6),
        ("2mn", 2e6),
        ("10m users", 1e7),
        ("3 bn", 3e9),
        ("3 billion", 3e9),
        ("1T", 1e12),
        ("1 trillion", 1e12),
        ("11.6K", 11_600.0),
    ] {
        let q = one(text);
        assert!(close(q.value, value), "{text}: {}", q.value);
        assert_eq!(q.dim, Dim::COUNT, "{text}");
    }
}

#[test]
fn approximation_marks() {
    for text in [
        "~35K",
        "≈ 35K",
        "about 35K",
        "roughly 35K",
        "approx 35K",
        "approx. 35K",
        "~ 35K",
    ] {
        let q = one(text);
        assert!(q.approx, "{text}");
        assert_eq!(q.span, 0..text.len(), "{text}");
        assert!(close(q.value, 35e3));
    }
    assert!(!one("35K").approx);
    assert!(!one("stout 35K").approx);
}

#[test]
fn data_sizes() {
    for (text, bytes) in [
        ("1 KB", 1e3),
        ("1KB", 1e3),
        ("2 MB", 2e6),
        ("3 GB", 3e9),
        ("1 TB", 1e12),
        ("1 PB", 1e15),
        ("1 KiB", 1024.0),
        ("1 MiB", 1_048_576.0),
        ("1 GiB", 1_073_741_824.0),
        ("1 TiB", 1_099_511_627_776.0),
        ("1 PiB", 1_125_899_906_842_624.0),
        ("500 bytes", 500.0),
        ("64 bits", 8.0),
        ("1.5K MB", 1.5e9),
    ] {
        let q = one(text);
        assert!(close(q.value, bytes), "{text}: {}", q.value);
        assert_eq!(q.dim, Dim::BYTES, "{text}");
    }
}

#[test]
fn bit_rates_become_bytes_per_second() {
    for (text, rate) in [
        ("8 bps", 1.0),
        ("8 Kbps", 1e3),
        ("100 Mbps", 12.5e6),
        ("10 Gbps", 1.25e9),
        ("100 Tbit/s", 1.25e13),
        ("2 Pbps", 2.5e14),
        ("5 megabits/s", 625e3),
    ] {
        let q = one(text);
        assert!(close(q.value, rate), "{text}: {}", q.value);
        assert_eq!(q.dim, Dim::BYTE_RATE, "{text}");
    }
}

#[test]
fn rates_and_periods() {
    for (text, per_second, period) in [
        ("100/s", 100.0, 1.0),
        ("100/sec", 100.0, 1.0),
        ("100 per second", 100.0, 1.0),
        ("100 QPS", 100.0, 1.0),
        ("100 RPS", 100.0, 1.0),
        ("100 TPS", 100.0, 1.0),
        ("60/min", 1.0, 60.0),
        ("3600/hour", 1.0, 3_600.0),
        ("86400/day", 1.0, DAY),
        ("86,400 per day", 1.0, DAY),
        ("2.592M/month", 1.0, MONTH),
        ("31,536,000/year", 1.0, YEAR),
        ("1B posts/day", 1e9 / DAY, DAY),
        ("300M tweets per day", 3e8 / DAY, DAY),
        ("11.6K writes/sec", 11_600.0, 1.0),
        ("10 posts per user per day", 10.0 / DAY, DAY),
        ("2 photos/user/day", 2.0 / DAY, DAY),
        ("10 posts a day", 10.0 / DAY, DAY),
        ("1B requests daily", 1e9 / DAY, DAY),
    ] {
        let q = one(text);
        assert!(close(q.value, per_second), "{text}: {}", q.value);
        assert_eq!(q.dim, Dim::RATE, "{text}");
        assert_eq!(q.period, Some(period), "{text}");
        assert_eq!(q.span, 0..text.len(), "{text}");
    }
    let q = one("1 TB/day");
    assert_eq!(q.dim, Dim::BYTE_RATE);
    assert!(close(q.value, 1e12 / DAY));
    assert!(close(q.display_value(), 1.0));
    let q = one("11.6 MB/second");
    assert_eq!(q.dim, Dim::BYTE_RATE);
    assert!(close(q.value, 11.6e6));
}

#[test]
fn durations() {
    for (text, secs) in [
        ("86,400 s", DAY),
        ("86400 seconds", DAY),
        ("30 days", 30.0 * DAY),
        ("1 year", YEAR),
        ("2.5M s", 2.5e6),
        ("200 ms", 0.2),
        ("24 hours", DAY),
    ] {
        let q = one(text);
        assert!(close(q.value, secs), "{text}: {}", q.value);
        assert_eq!(q.dim, Dim::DURATION, "{text}");
    }
}

#[test]
fn seconds_in_a_period_are_a_duration() {
    for (text, secs) in [
        ("2.5M s per month", 2.5e6),
        ("86,400 s/day", DAY),
        ("100K seconds a day", 1e5),
        ("365 days a year", 365.0 * DAY),
    ] {
        let q = one(text);
        assert_eq!(q.dim, Dim::DURATION, "{text}");
        assert!(close(q.value, secs), "{text}: {}", q.value);
        assert_eq!(q.span, 0..text.len(), "{text}");
    }
    // Hours of content per day stay a rate.
    assert_eq!(one("100 hours/day").dim, Dim::RATE);
    assert_eq!(Dim::new(0, 2).describe(), "s^2");
    assert_eq!(Dim::new(2, 0).describe(), "bytes^2");
    assert_eq!(Dim::new(1, -2).describe(), "bytes·s^-2");
}

#[test]
fn multipliers_ratios_percentages() {
    for (text, value, kind) in [
        ("3x", 3.0, QuantityKind::Multiplier),
        ("3×", 3.0, QuantityKind::Multiplier),
        ("100:1", 100.0, QuantityKind::Ratio),
        ("1:4", 0.25, QuantityKind::Ratio),
        ("20%", 0.2, QuantityKind::Percent),
        ("99.95 %", 0.9995, QuantityKind::Percent),
        ("20 percent", 0.2, QuantityKind::Percent),
    ] {
        let q = one(text);
        assert!(close(q.value, value), "{text}: {}", q.value);
        assert_eq!(q.kind, kind, "{text}");
        assert_eq!(q.dim, Dim::COUNT);
    }
    // "3x10" is an operator between two numbers.
    assert_eq!(parse_quantities("3x10").len(), 2);
}

#[test]
fn names_with_digits_are_not_figures() {
    assert!(parse_quantities("P99 latency on S3 with x86 and IPv4").is_empty());
    let qs = parse_quantities("P99 < 200 ms");
    assert_eq!(qs.len(), 1);
}

#[test]
fn ambiguous_b() {
    // Billions of things.
    let q = one("1B users");
    assert_eq!(q.dim, Dim::COUNT);
    assert!(close(q.value, 1e9));
    let q = one("1B posts/day");
    assert_eq!(q.dim, Dim::RATE);
    assert!(close(q.value, 1e9 / DAY));
    let q = one("1B");
    assert_eq!(q.dim, Dim::COUNT);
    assert!(close(q.value, 1e9));
    let q = one("2.5B requests per day");
    assert!(close(q.value, 2.5e9 / DAY));
    // Bytes.
    let q = one("500 B per tweet");
    assert_eq!(q.dim, Dim::BYTES);
    assert!(close(q.value, 500.0));
    let q = one("100 B each");
    assert_eq!(q.dim, Dim::BYTES);
    let qs = parse_quantities("The request payload is small, about 100 B.");
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].dim, Dim::BYTES);
    assert!(qs[0].approx);
    let qs = parse_quantities("Each tweet carries 200 B of metadata");
    assert_eq!(qs[0].dim, Dim::BYTES);
    let qs = parse_quantities("storage for each row: 64 B");
    assert_eq!(qs[0].dim, Dim::BYTES);
    // The other factor of a product decides.
    let qs = parse_quantities("Storage: 1B * 1 KB = 1 TB");
    assert_eq!(qs[0].dim, Dim::COUNT);
    assert!(close(qs[0].value, 1e9));
    let qs = parse_quantities("1 KB × 1B");
    assert_eq!(qs[1].dim, Dim::COUNT);
    let qs = parse_quantities("Storage: 2B × 500 B");
    assert_eq!(qs[0].dim, Dim::COUNT);
    assert_eq!(qs[1].dim, Dim::BYTES);
    // A spelled-out size on the other factor, or a glued "B" there.
    for text in [
        "2B x 1 KB",
        "1.2B × 500 bytes",
        "1.2B x 500 bytes",
        "1.2 B x 500B",
    ] {
        let qs = parse_quantities(text);
        assert_eq!(qs.len(), 2, "{text}: {qs:?}");
        assert_eq!(qs[0].dim, Dim::COUNT, "{text}");
        assert!(qs[0].value >= 1e9, "{text}");
        assert_eq!(qs[1].dim, Dim::BYTES, "{text}");
    }
    let qs = parse_quantities("100M x 500B");
    assert_eq!(qs[1].dim, Dim::BYTES);
    assert!(close(qs[1].value, 500.0));
    // Only the figure's own clause votes.
    let qs =
        parse_quantities("Cache: 10B / 30 ≈ 333M redirects; caching them at 500 bytes of memory");
    assert_eq!(qs[0].dim, Dim::COUNT);
    assert!(close(qs[0].value, 1e10));
    // Surrounding words: users and posts mean billions.
    let qs = parse_quantities("we have 1B, mostly users who read posts");
    assert_eq!(qs[0].dim, Dim::COUNT);
}

#[test]
fn spans_are_byte_ranges_in_the_whole_text() {
    let text = "Äpfel: ~1.5K/s\nnext: 2 TB";
    let qs = parse_quantities(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(text.get(qs[0].span.clone()), Some("~1.5K/s"));
    assert_eq!(text.get(qs[1].span.clone()), Some("2 TB"));
}

#[test]
fn unit_strings() {
    let cases: [(&str, f64, Dim); 14] = [
        ("/s", 1.0, Dim::RATE),
        ("/day", 1.0 / DAY, Dim::RATE),
        ("TB", 1e12, Dim::BYTES),
        ("B", 1.0, Dim::BYTES),
        ("TB/year", 1e12 / YEAR, Dim::BYTE_RATE),
        ("GB/s", 1e9, Dim::BYTE_RATE),
        ("MB/s", 1e6, Dim::BYTE_RATE),
        ("connections", 1.0, Dim::COUNT),
        ("users", 1.0, Dim::COUNT),
        ("x", 1.0, Dim::COUNT),
        ("%", 0.01, Dim::COUNT),
        ("QPS", 1.0, Dim::RATE),
        ("Mbps", 125_000.0, Dim::BYTE_RATE),
        ("posts/day", 1.0 / DAY, Dim::RATE),
    ];
    for (unit, factor, dim) in cases {
        let got = parse_unit(unit);
        assert!(
            matches!(got, Some((f, d)) if close(f, factor) && d == dim),
            "{unit}: {got:?}"
        );
    }
    assert_eq!(parse_unit("ms"), Some((1e-3, Dim::DURATION)));
    assert_eq!(parse_unit("€/s"), None);
    assert_eq!(parse_unit("TB 7"), None);
}

#[test]
fn formatting() {
    assert_eq!(format_quantity(11_574.07, Dim::RATE), "11,574/s");
    assert_eq!(format_quantity(34_722.2, Dim::RATE), "34,722/s");
    assert_eq!(format_quantity(1e12, Dim::BYTES), "1 TB");
    assert_eq!(format_quantity(11.574e6, Dim::BYTE_RATE), "11.6 MB/s");
    assert_eq!(format_quantity(1e9, Dim::COUNT), "1B");
    assert_eq!(format_quantity(1.157e9, Dim::COUNT), "1.16B");
    assert_eq!(format_quantity(999_900.0, Dim::COUNT), "1M");
    assert_eq!(format_quantity(500.0, Dim::BYTES), "500 bytes");
    assert_eq!(format_quantity(DAY, Dim::DURATION), "86,400 s");
    assert_eq!(format_quantity(0.25, Dim::COUNT), "0.25");
    assert_eq!(format_quantity(f64::NAN, Dim::COUNT), "?");
    assert_eq!(
        format_quantity_per(365e12 / YEAR, Dim::BYTE_RATE, Some(YEAR)),
        "365 TB/year"
    );
    assert_eq!(
        format_quantity_per(1e9 / DAY, Dim::RATE, Some(DAY)),
        "1B/day"
    );
}

#[test]
fn hostile_numbers_are_skipped_not_fatal() {
    assert!(parse_quantities("10^400").is_empty());
    assert!(parse_quantities("1e400 users").is_empty());
    let huge = "9".repeat(5_000);
    assert!(parse_quantities(&huge).is_empty());
    let qs = parse_quantities(&format!("{huge} and then 5 KB"));
    assert_eq!(qs.len(), 1);
    let tiny = parse_quantities("1e-300 TB");
    assert!(tiny.iter().all(|q| q.value.is_finite()));
    assert!(parse_quantities("1e99999999999999999999").is_empty());
}

fn dims() -> impl Strategy<Value = Dim> {
    prop_oneof![
        Just(Dim::COUNT),
        Just(Dim::RATE),
        Just(Dim::BYTES),
        Just(Dim::BYTE_RATE),
        Just(Dim::DURATION),
    ]
}

proptest! {
    #[test]
    fn formatted_quantities_parse_back(exp in -2.0f64..14.5, dim in dims()) {
        let value = 10f64.powf(exp);
        let text = format_quantity(value, dim);
        let qs = parse_quantities(&text);
        prop_assert_eq!(qs.len(), 1, "{} → {:?}", text, qs);
        let q = &qs[0];
        prop_assert_eq!(q.dim, dim, "{}", text);
        let err = (q.value - value).abs() / value;
        prop_assert!(err < 0.006, "{} → {} (value {})", text, q.value, value);
    }

    #[test]
    fn parser_never_panics(s in "\\PC{0,200}") {
        for q in parse_quantities(&s) {
            prop_assert!(q.value.is_finite());
            prop_assert!(q.unit_factor.is_finite());
            prop_assert!(s.get(q.span.clone()).is_some());
        }
        let _ = parse_unit(&s);
    }

    #[test]
    fn parser_never_panics_on_number_soup(s in "[0-9 ,.eE^x×~≈/:%KMBTkbmpsGiy()+*-]{0,120}") {
        for q in parse_quantities(&s) {
            prop_assert!(q.value.is_finite());
            prop_assert!(s.get(q.span.clone()).is_some());
        }
    }
}

#[test]
fn people_counted_by_how_often_they_come_are_a_count() {
    for (text, count) in [
        ("100M daily users", 1e8),
        ("50M daily active users", 5e7),
        ("30M monthly actives", 3e7),
        ("1B daily people", 1e9),
    ] {
        let q = one(text);
        assert_eq!(q.dim, Dim::COUNT, "{text}");
        assert!(close(q.value, count), "{text}: {}", q.value);
    }
    // What is done daily stays a rate.
    assert_eq!(one("1B requests daily").dim, Dim::RATE);
    assert_eq!(one("1B daily uploads").dim, Dim::RATE);
}
