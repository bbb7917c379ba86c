//! What the tests that drive the whole window share: a file dialog that
//! answers what the test says, and the window in a harness with the fonts
//! of every script.
//!
//! Each test file that uses it declares `mod common;`; not every file uses
//! every item.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui;
use egui_kittest::Harness;
use liaison_desk::app::LiaisonApp;
use liaison_desk::app::files::FilePicker;
use liaison_desk::app::settings::Settings;

/// Native dialogs replaced by the paths the test sets: `open` answers Open
/// (and Import, Merge), `save` answers Save As (and Export); `None` is a
/// cancelled dialog.
#[derive(Default)]
pub struct ScriptedPicker {
    /// What the next Open dialog answers.
    pub open: Mutex<Option<PathBuf>>,
    /// What the next Save dialog answers.
    pub save: Mutex<Option<PathBuf>>,
}

impl FilePicker for ScriptedPicker {
    fn pick_open(&self) -> Option<PathBuf> {
        self.open.lock().ok()?.clone()
    }

    fn pick_save(&self, _suggested_name: &str) -> Option<PathBuf> {
        self.save.lock().ok()?.clone()
    }
}

/// `app` in a 1400 × 900 window, after its first frame. The sample has
/// names in every script: the system's fonts draw them, and a missing glyph
/// panics.
pub fn window(app: LiaisonApp) -> Harness<'static, LiaisonApp> {
    window_sized(app, egui::vec2(1400.0, 900.0))
}

/// The app as first started (the sample, English unless the system says
/// otherwise), with `picker` for its dialogs.
pub fn sample_window(picker: Arc<ScriptedPicker>) -> Harness<'static, LiaisonApp> {
    window(LiaisonApp::start(Settings::default(), picker, None))
}

/// `app` in a window of `size`, after its first frame, fonts as [`window`].
pub fn window_sized(app: LiaisonApp, size: egui::Vec2) -> Harness<'static, LiaisonApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_context_setup(liaison_desk::app::fonts::install_blocking)
        .build_ui_state(|ui, app: &mut LiaisonApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Runs frames until `done` holds, for what a worker thread brings (a file
/// dialog's answer, an opened file, a save); fails naming `what` after a
/// second or so.
pub fn run_until(
    h: &mut Harness<'static, LiaisonApp>,
    what: &str,
    done: impl Fn(&LiaisonApp) -> bool,
) {
    for _ in 0..200 {
        if done(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    panic!("{what} never happened");
}
