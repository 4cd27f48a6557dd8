//! The HTML report renders in a real browser: headless Chromium takes a
//! screenshot (which must not be blank) and dumps the DOM (which must hold
//! the report's text). Skipped with a message when Chromium is missing,
//! unless `CI` is set: then a missing browser fails the test.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

const PEER: &str = include_str!("fixtures/peer-v1.yaml");
/// Each browser run must finish within this.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(40);

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Runs Chromium headless on `page` with `extra` flags; returns stdout.
fn browse(bin: &Path, profile: &Path, page: &Path, extra: &[String]) -> String {
    let mut child = std::process::Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let stdout = child.stdout.take().expect("stdout piped");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut { stdout }, &mut s);
        s
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took over {BROWSER_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader")
}

#[test]
fn html_report_renders_in_headless_chromium() {
    let Some(bin) = chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is missing but CI is set: install it (apt-get install -y chromium)");
        }
        eprintln!("skipping html_report_renders_in_headless_chromium: /usr/bin/chromium not found (apt-get install -y chromium)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("t")).expect("mkdir");
    std::fs::write(dir.path().join("t/peer.yaml"), PEER).expect("write");
    let out = Command::cargo_bin("sdcoach")
        .expect("binary builds")
        .env("NO_COLOR", "1")
        .env_remove("SDCOACH_DATA")
        .current_dir(dir.path())
        .args([
            "--transcripts",
            "t",
            "review",
            "--format",
            "html",
            "--output",
            "report.html",
            "t/peer.yaml",
        ])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = dir.path().join("report.html");

    let shot = dir.path().join("shot.png");
    let profile = tempfile::tempdir().expect("profile dir");
    browse(
        &bin,
        profile.path(),
        &page,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1200,1600".into(),
        ],
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&shot).expect("screenshot written"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!((info.width, info.height), (1200, 1600));
    let bytes = &buf[..info.buffer_size()];
    let px = info.color_type.samples();
    let first = &bytes[..px];
    let differing = bytes.chunks(px).filter(|p| *p != first).count();
    let total = bytes.len() / px;
    assert!(
        differing * 100 > total,
        "the screenshot is (nearly) blank: {differing} of {total} pixels differ"
    );
    let mut colours: Vec<&[u8]> = bytes.chunks(px).collect();
    colours.sort_unstable();
    colours.dedup();
    assert!(
        colours.len() > 20,
        "only {} colours: text and charts did not render",
        colours.len()
    );

    let profile = tempfile::tempdir().expect("profile dir");
    let dom = browse(&bin, profile.path(), &page, &["--dump-dom".into()]);
    for expected in [
        "Design a URL Shortener",
        "Interviewer's record",
        "Candidate B",
        "<svg",
        "Time per step",
        "Practise next",
    ] {
        assert!(
            dom.contains(expected),
            "`{expected}` missing from the DOM:\n{dom}"
        );
    }
}
