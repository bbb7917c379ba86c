//! Safe saving: the previous version is kept, and a failed save leaves the
//! original byte for byte with an error that says what happened.

use std::path::Path;
use std::process::Command;

use liaison_desk::model::{Company, Dataset};
use liaison_desk::storage::{FileError, backup_path, load_file, save_file};

fn dataset_with(company: &str) -> Dataset {
    Dataset {
        companies: vec![Company {
            id: company.to_owned(),
            name: Some(format!("{company} Inc.")),
            country: Some("US".to_owned()),
            sector: None,
            size: None,
            website: None,
        }],
        ..Dataset::default()
    }
}

#[test]
fn a_new_file_is_written_without_backup_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    let backup = save_file(&path, &dataset_with("acme")).unwrap();
    assert_eq!(backup, None);
    assert_eq!(load_file(&path).unwrap().dataset, dataset_with("acme"));
    assert!(!backup_path(&path).exists());
}

#[test]
fn a_save_over_an_existing_file_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.ron");
    save_file(&path, &dataset_with("first")).unwrap();
    let first_bytes = std::fs::read(&path).unwrap();
    let backup = save_file(&path, &dataset_with("second")).unwrap();
    assert_eq!(
        backup.as_deref(),
        Some(dir.path().join("office.ron.bak").as_path())
    );
    assert_eq!(
        std::fs::read(dir.path().join("office.ron.bak")).unwrap(),
        first_bytes
    );
    assert_eq!(load_file(&path).unwrap().dataset, dataset_with("second"));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn saving_onto_a_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("office.ron");
    std::fs::create_dir(&folder).unwrap();
    let error = save_file(&folder, &dataset_with("acme")).unwrap_err();
    assert!(matches!(error, FileError::IsFolder { .. }), "{error}");
    assert!(folder.is_dir());
}

#[test]
fn saving_below_a_file_fails_and_says_where() {
    // Works as root too: a path whose folder is a regular file.
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "keep me").unwrap();
    let path = not_a_folder.join("office.ron");
    let error = save_file(&path, &dataset_with("acme")).unwrap_err();
    let message = error.to_string();
    assert!(message.starts_with("could not save"), "{message}");
    assert!(message.contains("office.ron"), "{message}");
    assert!(message.contains("left as it was"), "{message}");
    assert_eq!(std::fs::read_to_string(&not_a_folder).unwrap(), "keep me");
}

/// A file error is worded when it is shown, in the language of the thread
/// that shows it: the window's, French here; English on the command line.
#[test]
fn a_file_error_speaks_the_language_of_the_thread_that_shows_it() {
    use liaison_desk::i18n::{Language, set_language};
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "keep me").unwrap();
    let path = not_a_folder.join("office.ron");
    let error = save_file(&path, &dataset_with("acme")).unwrap_err();

    set_language(Language::French);
    let french = error.to_string();
    set_language(Language::English);
    let english = error.to_string();

    let shown = path.display().to_string();
    assert!(
        french.starts_with(&format!("impossible d'enregistrer {shown} (")),
        "{french}"
    );
    assert!(
        french.ends_with("\u{a0}; le fichier sur le disque est resté tel quel"),
        "{french}"
    );
    // The step and the advice are French too (the system's own words are not ours).
    assert!(french.contains("(examen du fichier)"), "{french}");
    assert!(
        french.contains("une partie du chemin est un fichier, pas un dossier"),
        "{french}"
    );
    assert!(
        english.starts_with(&format!("could not save {shown} (")),
        "{english}"
    );
    assert!(english.contains("(looking at the file)"), "{english}");
    assert!(
        english.ends_with("; the file on disk was left as it was"),
        "{english}"
    );

    // A folder in the way: the same error, in each language.
    set_language(Language::French);
    let folder = FileError::IsFolder {
        path: dir.path().to_owned(),
    }
    .to_string();
    set_language(Language::English);
    assert_eq!(
        folder,
        format!(
            "{} est un dossier, pas un fichier de données",
            dir.path().display()
        )
    );
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A save into a read-only folder fails, and the original stays byte for byte.
///
/// Root ignores folder permissions, so when the tests run as root (as in CI)
/// the save is done by the real binary run as the unprivileged user `nobody`.
#[test]
fn a_save_into_a_read_only_folder_fails_with_the_original_intact() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shared");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("office.ron");
    let original = b"(format: 1, title: \"the office's real data\")\n";
    std::fs::write(&path, original).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

    // A copy of the binary that `nobody` can run, wherever the build lives.
    let bin = dir.path().join("liaison-desk");
    std::fs::copy(env!("CARGO_BIN_EXE_liaison-desk"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let save_args = ["generate", "--meetings", "10", "-o", path.to_str().unwrap()];
    let output = if is_root() {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args(save_args)
            .output()
            .expect("setpriv (util-linux) runs the save as nobody")
    } else {
        Command::new(&bin).args(save_args).output().unwrap()
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("could not save"), "{stderr}");
    assert!(stderr.contains("office.ron"), "{stderr}");
    assert!(
        stderr.contains("Permission denied") || stderr.contains("permission"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let entries = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(entries, 1, "nothing was left in the folder");

    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn loading_refuses_a_folder_and_names_the_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        load_file(dir.path()),
        Err(FileError::IsFolder { .. })
    ));
    let missing = dir.path().join("gone.ron");
    let message = load_file(Path::new(&missing)).unwrap_err().to_string();
    assert!(message.contains("gone.ron"), "{message}");
    assert!(message.contains("moved or deleted"), "{message}");
}
