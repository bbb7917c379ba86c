//! Fallback fonts from the system, so that names in any script render.
//!
//! egui's bundled fonts (Ubuntu-Light, Hack, egui's icons; its monochrome
//! emoji fonts only with egui's `monochrome_emoji_fonts` feature, off here)
//! cover Latin, Greek and Cyrillic; company, contact and city names come in
//! every script. [`install`] appends to egui's `Proportional` and
//! `Monospace` families, after egui's own fonts, one system face for each
//! [`ScriptGroup`] that egui's fonts miss: Chinese, Japanese and Korean,
//! Arabic, Hebrew, Thai, Devanagari… A face is chosen only if its character
//! map has every sample character of the group with a drawable outline, so
//! colour-only emoji fonts (bitmaps, as in Noto Color Emoji or Apple Color
//! Emoji) are never picked: egui draws outlines. Well-known families come
//! first ([`ScriptGroup`] lists them per group); a face already chosen for
//! another group is reused when it covers the group too.
//!
//! The system fonts are scanned once per process ([`fallbacks`]); [`install`]
//! does it on a worker thread and adds the fonts to the context when ready
//! (a frame or two of boxes at start at worst), [`install_blocking`] waits.
//! The chosen files are read whole into memory, once, shared by every
//! context (a CJK font is 5 to 20 MB).
//! A font file that cannot be read is skipped; it is reported, in
//! [`Coverage::Missing`], only if no other face was found for the group: the
//! app should show the groups that are missing (Help → About).
//!
//! Limits: egui lays text out left to right, with no bidi reordering. A run
//! of Arabic or Hebrew in one font is shaped right to left (letters join),
//! but the runs of a line (words split by a space that comes from another
//! font, numbers, Latin) follow each other in logical order, left to right.
//! Han characters shared by Chinese and Japanese are drawn with whichever
//! face comes first, whatever the language of the name.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use eframe::egui;
use egui::{FontData, FontDefinitions, FontFamily, FontInsert, FontPriority, InsertFontFamily};

/// A set of scripts that one font face is expected to cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScriptGroup {
    /// Latin with diacritics, Vietnamese included.
    Latin,
    /// Greek.
    Greek,
    /// Cyrillic.
    Cyrillic,
    /// Arabic (and Persian letters).
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Thai.
    Thai,
    /// Devanagari (Hindi, Marathi, Nepali).
    Devanagari,
    /// Han characters (Chinese hanzi, Japanese kanji).
    Han,
    /// Japanese kana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Emoji and symbols.
    Emoji,
}

impl ScriptGroup {
    /// Every group, in the order their fallback faces are appended: faces
    /// for alphabets before the CJK ones, so that Latin punctuation and
    /// accented letters missing from egui's fonts come from a Latin design.
    pub const ALL: [Self; 11] = [
        Self::Latin,
        Self::Greek,
        Self::Cyrillic,
        Self::Arabic,
        Self::Hebrew,
        Self::Thai,
        Self::Devanagari,
        Self::Han,
        Self::Kana,
        Self::Hangul,
        Self::Emoji,
    ];

    /// Characters a face must all have to cover the group.
    pub fn samples(self) -> &'static str {
        match self {
            Self::Latin => "àéîõüçñßøåłőşğžđơưạễựỳ", // i18n: looked up in fonts
            Self::Greek => "ΑΒΓΔΘΛΞΠΣΦΨΩαβγδλξπσςφψωάέήίόύώ", // i18n: looked up in fonts
            Self::Cyrillic => "БГДЖЗИЙЛПФЦЧШЩЪЫЬЭЮЯбгджзийяёєіїў", // i18n: looked up in fonts
            Self::Arabic => "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهويپچژگی", // i18n: looked up in fonts
            Self::Hebrew => "אבגדהוזחטיךכלםמןנסעףפץצקרשת", // i18n: looked up in fonts
            Self::Thai => "กขคงจชซญดตถทนบปผพฟมยรลวศษสหอฮะาำิีึืุู่้", // i18n: looked up in fonts
            Self::Devanagari => "अआइउएओकखगघचजटडतदधनपबभमयरलवशसह्ािीुूेैोौं", // i18n: looked up in fonts
            Self::Han => "的一是人中大国会社株製華华東东语語", // i18n: looked up in fonts
            Self::Kana => "あいうかきくさしすんアイウカキクサシスンー", // i18n: looked up in fonts
            Self::Hangul => "가나다한국어삼성전자서울", // i18n: looked up in fonts
            Self::Emoji => "🚀🌍🤝",                 // i18n: looked up in fonts
        }
    }

    /// Families to try first, best first; any other face that covers the
    /// group comes after them.
    fn preferred_families(self) -> impl Iterator<Item = &'static str> {
        let families = match self {
            Self::Latin | Self::Greek | Self::Cyrillic => {
                // i18n: font family names, one a line
                "
                Noto Sans
                Segoe UI
                Helvetica Neue
                Arial
                DejaVu Sans
                Liberation Sans
                FreeSans"
            }
            Self::Arabic => {
                // i18n: font family names, one a line
                "
                Noto Sans Arabic
                Noto Sans Arabic UI
                Noto Naskh Arabic
                Segoe UI
                Arial
                Geeza Pro
                Tahoma
                DejaVu Sans
                FreeSerif"
            }
            Self::Hebrew => {
                // i18n: font family names, one a line
                "
                Noto Sans Hebrew
                Segoe UI
                Arial
                Arial Hebrew
                Tahoma
                DejaVu Sans
                FreeSans"
            }
            Self::Thai => {
                // i18n: font family names, one a line
                "
                Noto Sans Thai
                Noto Sans Thai UI
                Leelawadee UI
                Leelawadee
                Thonburi
                Tahoma
                Loma
                Garuda
                Norasi
                FreeSerif"
            }
            Self::Devanagari => {
                // i18n: font family names, one a line
                "
                Noto Sans Devanagari
                Noto Sans Devanagari UI
                Nirmala UI
                Kohinoor Devanagari
                Devanagari Sangam MN
                Mangal
                Lohit Devanagari
                FreeSans"
            }
            Self::Han => {
                // i18n: font family names, one a line
                "
                Noto Sans CJK SC
                Noto Sans CJK JP
                Noto Sans CJK TC
                Noto Sans CJK KR
                Source Han Sans SC
                Source Han Sans
                Source Han Sans JP
                Noto Sans SC
                Noto Sans JP
                Noto Sans TC
                PingFang SC
                Hiragino Sans GB
                Hiragino Sans
                Microsoft YaHei UI
                Microsoft YaHei
                Yu Gothic UI
                Yu Gothic
                Meiryo
                WenQuanYi Micro Hei
                WenQuanYi Zen Hei
                Droid Sans Fallback
                Arial Unicode MS"
            }
            Self::Kana => {
                // i18n: font family names, one a line
                "
                Noto Sans CJK JP
                Source Han Sans JP
                Source Han Sans
                Noto Sans JP
                Hiragino Sans
                Hiragino Kaku Gothic ProN
                Yu Gothic UI
                Yu Gothic
                Meiryo
                MS Gothic
                Noto Sans CJK SC
                WenQuanYi Micro Hei
                WenQuanYi Zen Hei
                Droid Sans Fallback
                Arial Unicode MS"
            }
            Self::Hangul => {
                // i18n: font family names, one a line
                "
                Noto Sans CJK KR
                Source Han Sans KR
                Source Han Sans
                Noto Sans KR
                Apple SD Gothic Neo
                Malgun Gothic
                NanumGothic
                UnDotum
                Noto Sans CJK SC
                WenQuanYi Micro Hei
                WenQuanYi Zen Hei
                Droid Sans Fallback
                Arial Unicode MS"
            }
            // Monochrome ones: egui draws no colour glyphs.
            Self::Emoji => {
                // i18n: font family names, one a line
                "
                Noto Emoji
                Segoe UI Symbol
                Segoe UI Emoji
                Apple Symbols
                Symbola
                DejaVu Sans
                FreeSerif"
            }
        };
        families
            .lines()
            .map(str::trim)
            .filter(|family| !family.is_empty())
    }
}

/// Where the glyphs of a [`ScriptGroup`] come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// egui's bundled fonts have every sample character.
    Bundled,
    /// A system font face, appended after egui's fonts.
    System {
        /// The family name of the face, e.g. "Noto Sans CJK SC".
        family: String,
        /// The font file, when the face came from one.
        path: Option<PathBuf>,
        /// The index of the face in a collection (`.ttc`), else 0.
        index: u32,
    },
    /// No installed font has every sample character: they show as boxes.
    Missing {
        /// Fonts that could not be read on the way (one of them may have
        /// been the one).
        unreadable: Vec<UnreadableFont>,
    },
}

/// A font face that could not be read while looking for a script's font.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnreadableFont {
    /// The font file, or the family of a face that was not loaded from one.
    pub font: String,
    /// The system's reason, when it gave one.
    pub error: Option<String>,
}

/// How one [`ScriptGroup`] is covered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupCoverage {
    /// The script group.
    pub group: ScriptGroup,
    /// Where its glyphs come from.
    pub coverage: Coverage,
}

/// One chosen system face, ready for egui.
#[derive(Clone)]
struct Chosen {
    /// The font's name in egui's definitions.
    name: String,
    data: FontData,
    path: Option<PathBuf>,
}

/// The fallback fonts chosen from the system, and what each covers.
pub struct Fallbacks {
    groups: Vec<GroupCoverage>,
    fonts: Vec<Chosen>,
    faces_scanned: usize,
    elapsed: Duration,
}

impl Fallbacks {
    /// Chooses fallback faces among the faces of `db` (the system fonts, or
    /// any set of fonts a test loads), reading the chosen ones into memory.
    pub fn from_database(db: &fontdb::Database) -> Self {
        let start = Instant::now();
        let bundled = bundled_faces();
        let mut groups = Vec::with_capacity(ScriptGroup::ALL.len());
        let mut fonts: Vec<Chosen> = Vec::new();
        for group in ScriptGroup::ALL {
            let samples = group.samples();
            let coverage = if bundled_cover(&bundled, samples) {
                Coverage::Bundled
            } else if let Some(chosen) = fonts
                .iter()
                .find(|chosen| covers(chosen.data.bytes(), chosen.data.index, samples))
            {
                Coverage::System {
                    family: chosen.name.clone(),
                    path: chosen.path.clone(),
                    index: chosen.data.index,
                }
            } else {
                match choose(db, group) {
                    Ok(chosen) => {
                        let coverage = Coverage::System {
                            family: chosen.name.clone(),
                            path: chosen.path.clone(),
                            index: chosen.data.index,
                        };
                        fonts.push(chosen);
                        coverage
                    }
                    Err(unreadable) => Coverage::Missing { unreadable },
                }
            };
            groups.push(GroupCoverage { group, coverage });
        }
        Self {
            groups,
            fonts,
            faces_scanned: db.len(),
            elapsed: start.elapsed(),
        }
    }

    /// The system's fonts, scanned now (blocking; [`fallbacks`] keeps the
    /// result for the process).
    pub fn scan_system() -> Self {
        let start = Instant::now();
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut fallbacks = Self::from_database(&db);
        fallbacks.elapsed = start.elapsed();
        fallbacks
    }

    /// How each script group is covered, in [`ScriptGroup::ALL`] order.
    pub fn coverage(&self) -> &[GroupCoverage] {
        &self.groups
    }

    /// How `group` is covered.
    pub fn coverage_of(&self, group: ScriptGroup) -> Option<&Coverage> {
        self.groups
            .iter()
            .find(|covered| covered.group == group)
            .map(|covered| &covered.coverage)
    }

    /// The family names of the fallback fonts, in the order they are
    /// appended (also their names in egui's font definitions).
    pub fn font_names(&self) -> Vec<&str> {
        self.fonts
            .iter()
            .map(|chosen| chosen.name.as_str())
            .collect()
    }

    /// How many font faces were looked at.
    pub fn faces_scanned(&self) -> usize {
        self.faces_scanned
    }

    /// How long the scan took: listing the faces, checking them and reading
    /// the chosen files.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }

    /// egui's default fonts followed by these fallbacks, in both families
    /// (for a context or an `epaint::Fonts` made from scratch).
    pub fn font_definitions(&self) -> FontDefinitions {
        let mut definitions = FontDefinitions::default();
        for chosen in &self.fonts {
            definitions
                .font_data
                .insert(chosen.name.clone(), Arc::new(chosen.data.clone()));
            for family in [FontFamily::Proportional, FontFamily::Monospace] {
                definitions
                    .families
                    .entry(family)
                    .or_default()
                    .push(chosen.name.clone());
            }
        }
        definitions
    }

    /// Appends the fallbacks to the fonts of `ctx`, once per context.
    fn add_to(&self, ctx: &egui::Context) {
        let id = egui::Id::unique("liaison_desk::app::fonts::installed");
        let first = ctx.data_mut(|data| {
            let done = data.get_temp::<bool>(id).unwrap_or(false);
            data.insert_temp(id, true);
            !done
        });
        if !first {
            return;
        }
        for chosen in &self.fonts {
            let families = [FontFamily::Proportional, FontFamily::Monospace]
                .into_iter()
                .map(|family| InsertFontFamily {
                    family,
                    priority: FontPriority::Lowest,
                })
                .collect();
            ctx.add_font(FontInsert::new(&chosen.name, chosen.data.clone(), families));
        }
        ctx.request_repaint();
    }
}

static FALLBACKS: OnceLock<Fallbacks> = OnceLock::new();

/// The system's fallback fonts, scanned on the first call in the process
/// (which blocks until done, as do calls made meanwhile).
pub fn fallbacks() -> &'static Fallbacks {
    FALLBACKS.get_or_init(Fallbacks::scan_system)
}

/// The system's fallback fonts if the scan is over, without waiting.
pub fn fallbacks_if_ready() -> Option<&'static Fallbacks> {
    FALLBACKS.get()
}

/// Makes names in any script render on `ctx`: appends the system fallback
/// fonts after egui's. Does not block: the first call scans the system
/// fonts on a worker thread and adds them when ready (the text drawn
/// meanwhile shows boxes for the scripts egui lacks, for a frame or two).
/// Calling it again, on the same or another context, is cheap.
pub fn install(ctx: &egui::Context) {
    if let Some(ready) = fallbacks_if_ready() {
        ready.add_to(ctx);
        return;
    }
    let worker_ctx = ctx.clone();
    let spawned = std::thread::Builder::new()
        .name("font scan".to_owned())
        .spawn(move || fallbacks().add_to(&worker_ctx));
    if spawned.is_err() {
        // No thread to be had: better a pause at start than boxes forever.
        install_blocking(ctx);
    }
}

/// Like [`install`], but waits for the scan: the fonts are there for the
/// next text laid out (tests, and contexts that panic on a missing glyph).
pub fn install_blocking(ctx: &egui::Context) {
    fallbacks().add_to(ctx);
}

/// egui's bundled faces of the `Proportional` family.
fn bundled_faces() -> Vec<Arc<FontData>> {
    let definitions = FontDefinitions::default();
    definitions
        .families
        .get(&FontFamily::Proportional)
        .into_iter()
        .flatten()
        .filter_map(|name| definitions.font_data.get(name).cloned())
        .collect()
}

/// Whether every sample character is in one of egui's bundled faces.
fn bundled_cover(bundled: &[Arc<FontData>], samples: &str) -> bool {
    let faces: Vec<ttf_parser::Face<'_>> = bundled
        .iter()
        .filter_map(|data| ttf_parser::Face::parse(data.bytes(), data.index).ok())
        .collect();
    samples
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| faces.iter().any(|face| has_outline(face, c)))
}

/// Whether the face `index` of the font file `data` has every sample
/// character, with an outline (not only a colour bitmap).
fn covers(data: &[u8], index: u32, samples: &str) -> bool {
    let Ok(face) = ttf_parser::Face::parse(data, index) else {
        return false;
    };
    samples
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| has_outline(&face, c))
}

fn has_outline(face: &ttf_parser::Face<'_>, c: char) -> bool {
    face.glyph_index(c)
        .is_some_and(|glyph| face.outline_glyph(glyph, &mut Discard).is_some())
}

/// An outline builder that keeps nothing: only whether there is an outline
/// matters.
struct Discard;

impl ttf_parser::OutlineBuilder for Discard {
    fn move_to(&mut self, _x: f32, _y: f32) {}
    fn line_to(&mut self, _x: f32, _y: f32) {}
    fn quad_to(&mut self, _x1: f32, _y1: f32, _x: f32, _y: f32) {}
    fn curve_to(&mut self, _x1: f32, _y1: f32, _x2: f32, _y2: f32, _x: f32, _y: f32) {}
    fn close(&mut self) {}
}

/// The best face of `db` for `group`, read into memory; else the fonts that
/// could not be read on the way.
fn choose(db: &fontdb::Database, group: ScriptGroup) -> Result<Chosen, Vec<UnreadableFont>> {
    let samples = group.samples();
    let mut unreadable = Vec::new();
    // Files that failed, so that the other faces of a collection are not
    // tried (and reported) again.
    let mut failed: Vec<PathBuf> = Vec::new();
    for face in candidates(db, group) {
        let path = match &face.source {
            fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => Some(path.clone()),
            fontdb::Source::Binary(_) => None,
        };
        if path.as_ref().is_some_and(|path| failed.contains(path)) {
            continue;
        }
        let error = match db.with_face_data(face.id, |data, index| covers(data, index, samples)) {
            Some(false) => continue,
            Some(true) => match face_bytes(db, face) {
                Ok(bytes) => {
                    return Ok(Chosen {
                        name: family_name(face),
                        data: FontData::from_blob(bytes, face.index),
                        path,
                    });
                }
                Err(error) => Some(error),
            },
            // fontdb does not say why: ask the file system.
            None => path
                .as_ref()
                .and_then(|path| std::fs::File::open(path).err()),
        };
        unreadable.push(UnreadableFont {
            font: path
                .as_ref()
                .map_or_else(|| family_name(face), |path| path.display().to_string()),
            error: error.map(|error| error.to_string()),
        });
        failed.extend(path);
    }
    Err(unreadable)
}

/// The whole font file (or collection) of `face`.
fn face_bytes(
    db: &fontdb::Database,
    face: &fontdb::FaceInfo,
) -> std::io::Result<egui::epaint::text::Blob> {
    match &face.source {
        fontdb::Source::File(path) => {
            let bytes: egui::epaint::text::Blob = Arc::new(std::fs::read(path)?);
            Ok(bytes)
        }
        fontdb::Source::Binary(data) | fontdb::Source::SharedFile(_, data) => Ok(data.clone()),
    }
    .or_else(|error: std::io::Error| {
        // A file that changed since the scan: try fontdb's own reading once.
        db.with_face_data(face.id, |data, _| data.to_vec())
            .map(|bytes| Arc::new(bytes) as egui::epaint::text::Blob)
            .ok_or(error)
    })
}

/// The faces of `db` in the order to try them for `group`: the preferred
/// families in their order, then every other face; within a family the
/// regular upright face first.
fn candidates(db: &fontdb::Database, group: ScriptGroup) -> Vec<&fontdb::FaceInfo> {
    let preferred: Vec<&str> = group.preferred_families().collect();
    let rank = |face: &fontdb::FaceInfo| {
        preferred
            .iter()
            .position(|wanted| {
                face.families
                    .iter()
                    .any(|(name, _)| name.eq_ignore_ascii_case(wanted))
            })
            .unwrap_or(preferred.len())
    };
    let mut faces: Vec<(usize, &fontdb::FaceInfo)> =
        db.faces().map(|face| (rank(face), face)).collect();
    faces.sort_by_cached_key(|(rank, face)| {
        (
            *rank,
            face.style != fontdb::Style::Normal,
            face.weight.0.abs_diff(fontdb::Weight::NORMAL.0),
            face.stretch != fontdb::Stretch::Normal,
            face.monospaced,
            family_name(face),
            face.index,
        )
    });
    faces.into_iter().map(|(_, face)| face).collect()
}

/// The (English, when the font has it) family name of a face.
fn family_name(face: &fontdb::FaceInfo) -> String {
    face.families
        .first()
        .map_or_else(|| face.post_script_name.clone(), |(name, _)| name.clone())
}

/// The name of a script group, in the interface's language.
pub fn group_name(group: ScriptGroup) -> &'static str {
    use crate::i18n::catalogue::shell;
    match group {
        ScriptGroup::Latin => shell::SCRIPT_LATIN,
        ScriptGroup::Greek => shell::SCRIPT_GREEK,
        ScriptGroup::Cyrillic => shell::SCRIPT_CYRILLIC,
        ScriptGroup::Arabic => shell::SCRIPT_ARABIC,
        ScriptGroup::Hebrew => shell::SCRIPT_HEBREW,
        ScriptGroup::Thai => shell::SCRIPT_THAI,
        ScriptGroup::Devanagari => shell::SCRIPT_DEVANAGARI,
        ScriptGroup::Han => shell::SCRIPT_HAN,
        ScriptGroup::Kana => shell::SCRIPT_KANA,
        ScriptGroup::Hangul => shell::SCRIPT_HANGUL,
        ScriptGroup::Emoji => shell::SCRIPT_EMOJI,
    }
    .text()
}

/// Help → Scripts and fonts: each script, a sample of it, and the font
/// that shows it here, or that none does and what to do.
pub fn coverage_ui(ui: &mut egui::Ui) {
    use crate::i18n::catalogue::shell;
    ui.label(shell::SCRIPTS_INTRO.text());
    ui.add_space(6.0);
    let Some(found) = fallbacks_if_ready() else {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(shell::SCRIPTS_LOOKING.text());
        });
        return;
    };
    egui::Grid::new("scripts")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            for group in ScriptGroup::ALL {
                ui.label(group_name(group));
                let coverage = found.coverage_of(group);
                let missing = matches!(coverage, Some(Coverage::Missing { .. }) | None);
                // A sample only where it can be drawn: boxes tell nothing.
                if missing {
                    ui.allocate_space(egui::Vec2::ZERO);
                } else {
                    ui.label(group.samples().chars().take(10).collect::<String>());
                }
                match coverage {
                    Some(Coverage::Bundled) => {
                        ui.weak(shell::FONT_BUNDLED.text());
                    }
                    Some(Coverage::System { family, .. }) => {
                        ui.label(crate::i18n::verbatim(family));
                    }
                    Some(Coverage::Missing { .. }) | None => {
                        ui.colored_label(ui.visuals().warn_fg_color, shell::FONT_MISSING.text());
                    }
                }
                ui.end_row();
            }
        });
}
