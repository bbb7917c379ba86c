//! Names in any script render: the system fallback fonts of
//! `app::fonts` give every sample name a glyph, where egui's bundled fonts
//! alone miss Chinese, Japanese, Korean, Arabic and Hebrew.
//!
//! Needs the fonts `.ci/run` installs (fonts-wqy-microhei, fonts-dejavu-core,
//! fonts-lohit-deva, fonts-tlwg-loma-ttf, fonts-symbola) or their like.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use eframe::egui;
use egui::{FontFamily, FontId, MissingGlyphPolicy};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use liaison_desk::app::fonts::{self, Coverage, Fallbacks, ScriptGroup};

/// Company names as they come in the files, one per script.
const NAMES: [(&str, &str); 12] = [
    ("Japanese", "株式会社日立製作所"),
    ("Chinese", "华为技术有限公司"),
    ("Korean", "삼성전자"),
    ("Arabic", "أرامكو السعودية"),
    ("Hebrew", "טבע תעשיות פרמצבטיות"),
    ("Cyrillic", "Газпром нефть"),
    ("Greek", "Ελληνικά Πετρέλαια"),
    ("Emoji", "🚀 🌍 🤝"),
    (
        "Latin",
        "Société Générale, Nestlé, Škoda Auto, Łódź, Zürich, Øresund",
    ),
    (
        "Vietnamese",
        "Tập đoàn Dầu khí Việt Nam, Thành phố Hồ Chí Minh",
    ),
    ("Thai", "ปตท. จำกัด (มหาชน)"),
    ("Hindi", "टाटा मोटर्स"),
];

/// The scripts egui's bundled fonts do not have.
const NOT_BUNDLED: [&str; 5] = ["Japanese", "Chinese", "Korean", "Arabic", "Hebrew"];

fn name_of(script: &str) -> &'static str {
    NAMES.iter().find(|(s, _)| *s == script).unwrap().1
}

/// A context that panics on a glyph nothing can draw (as egui_kittest's).
fn panicking_context() -> egui::Context {
    let ctx = egui::Context::default();
    ctx.set_missing_glyph_policy(MissingGlyphPolicy::Panic);
    ctx
}

/// One headless frame of `ui`.
fn frame(ctx: &egui::Context, ui: impl FnMut(&mut egui::Ui)) {
    let mut output = ctx.run_ui(egui::RawInput::default(), ui);
    output.textures_delta.clear();
}

fn lay_out_every_name(ctx: &egui::Context) {
    frame(ctx, |ui| {
        for (_, name) in NAMES {
            ui.label(name);
            ui.monospace(name);
        }
    });
}

#[test]
fn every_sample_name_has_its_glyphs_once_the_fallbacks_are_installed() {
    let ctx = panicking_context();
    fonts::install_blocking(&ctx);
    // Would panic ("No glyph for …") on the first missing glyph.
    lay_out_every_name(&ctx);
    for (script, name) in NAMES {
        for family in [FontFamily::Proportional, FontFamily::Monospace] {
            let font = FontId::new(14.0, family.clone());
            assert!(
                ctx.fonts_mut(|f| f.has_glyphs(&font, name)),
                "{script} {name:?} lacks glyphs in {family:?}; coverage: {:#?}",
                fonts::fallbacks().coverage()
            );
        }
    }
}

#[test]
fn egui_bundled_fonts_alone_miss_cjk_arabic_and_hebrew() {
    let ctx = panicking_context();
    frame(&ctx, |_| {});
    let font = FontId::proportional(14.0);
    for script in NOT_BUNDLED {
        let name = name_of(script);
        assert!(
            !ctx.fonts_mut(|f| f.has_glyphs(&font, name)),
            "egui's own fonts now have {script}: this test no longer shows the fallbacks matter"
        );
    }
}

#[test]
fn every_script_group_is_covered_and_named() {
    let fallbacks = fonts::fallbacks();
    eprintln!(
        "{} faces scanned in {:?}; fallbacks: {:?}",
        fallbacks.faces_scanned(),
        fallbacks.elapsed(),
        fallbacks.font_names()
    );
    for covered in fallbacks.coverage() {
        eprintln!(
            "{:<12} {:?}",
            format!("{:?}", covered.group),
            covered.coverage
        );
        assert!(
            !matches!(covered.coverage, Coverage::Missing { .. }),
            "no font for {:?}",
            covered.group
        );
    }
    assert_eq!(fallbacks.coverage().len(), ScriptGroup::ALL.len());
    assert_eq!(
        fallbacks.coverage_of(ScriptGroup::Cyrillic),
        Some(&Coverage::Bundled)
    );
    for group in [ScriptGroup::Han, ScriptGroup::Arabic, ScriptGroup::Hebrew] {
        assert!(
            matches!(fallbacks.coverage_of(group), Some(Coverage::System { .. })),
            "{group:?} should come from a system font"
        );
    }
}

#[test]
fn install_without_waiting_brings_the_fonts_a_few_frames_later() {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let korean = name_of("Korean");
    let font = FontId::proportional(14.0);
    let start = std::time::Instant::now();
    loop {
        frame(&ctx, |ui| {
            ui.label(korean);
        });
        if ctx.fonts_mut(|f| f.has_glyphs(&font, korean)) {
            break;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "the fonts never came"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
fn installing_twice_appends_the_fallbacks_once() {
    let ctx = egui::Context::default();
    fonts::install_blocking(&ctx);
    fonts::install(&ctx);
    fonts::install_blocking(&ctx);
    frame(&ctx, |_| {});
    let names = fonts::fallbacks().font_names();
    let chain = ctx.fonts(|f| {
        f.definitions()
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default()
    });
    for name in names {
        assert_eq!(
            chain.iter().filter(|n| n.as_str() == name).count(),
            1,
            "{name} in {chain:?}"
        );
    }
}

#[test]
fn an_unreadable_font_file_is_skipped_when_another_face_covers_the_script() {
    let Some(Coverage::System {
        path: Some(path), ..
    }) = fonts::fallbacks().coverage_of(ScriptGroup::Han)
    else {
        panic!("no CJK font file on this machine");
    };
    let folder = tempfile::tempdir().unwrap();
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("ttf");
    let gone = folder.path().join(format!("a-gone.{extension}"));
    let kept = folder.path().join(format!("b-kept.{extension}"));
    std::fs::copy(path, &gone).unwrap();
    std::fs::copy(path, &kept).unwrap();
    let mut db = fontdb::Database::new();
    db.load_font_file(&gone).unwrap();
    db.load_font_file(&kept).unwrap();
    std::fs::remove_file(&gone).unwrap();

    let fallbacks = Fallbacks::from_database(&db);
    let Some(Coverage::System {
        path: Some(chosen), ..
    }) = fallbacks.coverage_of(ScriptGroup::Han)
    else {
        panic!("{:?}", fallbacks.coverage());
    };
    assert_eq!(chosen, &kept);

    // With no other face, the unreadable file is reported.
    std::fs::remove_file(&kept).unwrap();
    let fallbacks = Fallbacks::from_database(&db);
    let Some(Coverage::Missing { unreadable }) = fallbacks.coverage_of(ScriptGroup::Han) else {
        panic!("{:?}", fallbacks.coverage());
    };
    assert_eq!(unreadable.len(), 2, "{unreadable:?}");
    assert!(unreadable[0].font.contains("a-gone"), "{unreadable:?}");
    assert!(unreadable[0].error.is_some(), "{unreadable:?}");
}

#[test]
fn without_system_fonts_only_the_bundled_scripts_are_covered() {
    let fallbacks = Fallbacks::from_database(&fontdb::Database::new());
    assert!(fallbacks.font_names().is_empty());
    assert_eq!(
        fallbacks.coverage_of(ScriptGroup::Greek),
        Some(&Coverage::Bundled)
    );
    assert_eq!(
        fallbacks.coverage_of(ScriptGroup::Hangul),
        Some(&Coverage::Missing {
            unreadable: Vec::new()
        })
    );
}

#[test]
fn a_label_of_every_script_renders_in_a_harness_that_panics_on_missing_glyphs() {
    // The builder's default policy is MissingGlyphPolicy::Panic.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(600.0, 500.0))
        .with_context_setup(fonts::install_blocking)
        .build_ui(|ui| {
            for (_, name) in NAMES {
                ui.label(name);
            }
        });
    harness.run();
    for (_, name) in NAMES {
        harness.get_by_label(name);
    }
}

/// Where the first letter of each word of `text` is drawn, once laid out
/// as the tables show it.
fn word_starts(ctx: &egui::Context, text: &str) -> Vec<f32> {
    let shown = liaison_desk::i18n::bidi::display_order(text).into_owned();
    let galley = ctx
        .fonts_mut(|f| f.layout_no_wrap(shown, FontId::proportional(14.0), egui::Color32::WHITE));
    let glyphs = &galley.rows[0].glyphs;
    text.split(' ')
        .map(|word| {
            let first = word.chars().next().unwrap();
            glyphs.iter().find(|g| g.chr == first).unwrap().pos.x
        })
        .collect()
}

#[test]
fn the_words_of_an_arabic_or_hebrew_name_are_drawn_from_right_to_left() {
    let ctx = panicking_context();
    fonts::install_blocking(&ctx);
    frame(&ctx, |_| {});
    // Each word starts with a letter no other word has.
    for name in ["شركة نجد للحفز", "חרמון נוירוטק"] {
        let starts = word_starts(&ctx, name);
        // The first word is the rightmost, the last the leftmost.
        assert!(
            starts.windows(2).all(|w| w[0] > w[1]),
            "{name}: words start at {starts:?}"
        );
    }
}
