//! What the benchmarks share.

/// The meeting counts to measure: `LIAISON_BENCH_SIZES`, comma-separated
/// (`1000,10000,100000,1000000`); by default 1,000, 10,000 and 100,000.
pub fn sizes() -> Vec<usize> {
    match std::env::var("LIAISON_BENCH_SIZES") {
        Ok(text) if !text.trim().is_empty() => text
            .split(',')
            .map(|s| {
                s.trim().replace('_', "").parse().unwrap_or_else(|_| {
                    panic!("LIAISON_BENCH_SIZES: {s:?} is not a number of meetings")
                })
            })
            .collect(),
        _ => vec![1_000, 10_000, 100_000],
    }
}
