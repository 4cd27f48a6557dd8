use serde::Deserialize;
use serde::de::IgnoredAny;
#[derive(Deserialize)]
#[allow(dead_code)]
struct Light { version: Option<u32>, problem: String, steps: Vec<LStep>, grade: Option<sdcoach::transcript::SavedGrade>, #[serde(flatten)] rest: std::collections::HashMap<String, IgnoredAny> }
#[derive(Deserialize)]
#[allow(dead_code)]
struct LStep { seconds: Option<u64>, #[serde(flatten)] rest: std::collections::HashMap<String, IgnoredAny> }
#[derive(Deserialize)]
#[allow(dead_code)]
struct Light2 { version: Option<u32>, problem: String, steps: Vec<LStep2>, grade: Option<sdcoach::transcript::SavedGrade> }
#[derive(Deserialize)]
#[allow(dead_code)]
struct LStep2 { seconds: Option<u64> }
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).take(2000).collect();
    let texts: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let t = std::time::Instant::now();
    for s in &texts { std::hint::black_box(sdcoach::transcript::Transcript::from_yaml(s, "x").unwrap()); }
    eprintln!("full: {:?}", t.elapsed() / texts.len() as u32);
    let t = std::time::Instant::now();
    for s in &texts { std::hint::black_box(serde_yaml::from_str::<Light2>(s).unwrap()); }
    eprintln!("light: {:?}", t.elapsed() / texts.len() as u32);
    let t = std::time::Instant::now();
    for s in &texts { std::hint::black_box(serde_yaml::from_str::<IgnoredAny>(s).unwrap()); }
    eprintln!("ignored: {:?}", t.elapsed() / texts.len() as u32);
    let t = std::time::Instant::now();
    for p in &files { std::hint::black_box(std::fs::read_to_string(p).unwrap()); }
    eprintln!("read: {:?}", t.elapsed() / texts.len() as u32);
}
