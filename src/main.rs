//! `liaison-desk`: the desktop app, or a command for scripts.

use std::process::ExitCode;

use clap::Parser;
use liaison_desk::cli::{self, Cli};
use liaison_desk::import::xls;

fn main() -> ExitCode {
    let mut args = std::env::args_os();
    if args.nth(1).is_some_and(|first| first == xls::CHILD_ARG) {
        // A child started by this program to read an `.xls` (see `xls`).
        let wanted = args.next().and_then(|sheet| sheet.into_string().ok());
        let code = xls::serve(
            &mut std::io::stdin().lock(),
            &mut std::io::stdout().lock(),
            wanted.as_deref(),
        );
        return ExitCode::from(code);
    }
    // An `.xls` is read by a child of this program, so that a damaged one
    // that exhausts memory ends the child, not the window or the command.
    // On Linux, /proc/self/exe is this very program even if its file was
    // replaced (an upgrade) or removed since it started.
    let this_program = std::path::Path::new("/proc/self/exe");
    if cfg!(target_os = "linux") && this_program.exists() {
        xls::read_in_own_process_with(this_program.to_owned());
    } else if let Ok(program) = std::env::current_exe() {
        xls::read_in_own_process_with(program);
    }
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(code)
        }
        None => run_app(cli.file),
    }
}

/// A build without the window (`--no-default-features`): the command line only.
#[cfg(not(feature = "gui"))]
fn run_app(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "liaison-desk: this build has no window (it was built without the feature `gui`).\n\
         Use one of its commands instead: see `liaison-desk --help`."
    );
    ExitCode::from(cli::EXIT_FAILURE)
}

#[cfg(feature = "gui")]
fn run_app(file: Option<std::path::PathBuf>) -> ExitCode {
    use eframe::egui;
    use liaison_desk::app::LiaisonApp;

    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Liaison Desk")
        .with_app_id("liaison-desk")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    // A broken icon is not worth refusing to start: the window gets the default one.
    if let Ok(icon) =
        eframe::icon_data::from_png_bytes(include_bytes!("../assets/liaison-desk.png"))
    {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        renderer: eframe::Renderer::Glow,
        viewport,
        ..Default::default()
    };
    let result = eframe::run_native(
        "liaison-desk",
        options,
        Box::new(move |cc| Ok(Box::new(LiaisonApp::new(cc, file)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "liaison-desk: cannot open the window: {error}\n\
                 (a graphical session is needed; for scripts, see `liaison-desk --help`)"
            );
            ExitCode::from(cli::EXIT_FAILURE)
        }
    }
}
