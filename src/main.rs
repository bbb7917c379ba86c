//! `liaison-desk`: the desktop app, or a command for scripts.

use std::process::ExitCode;

use clap::Parser;
use eframe::egui;
use liaison_desk::app::LiaisonApp;
use liaison_desk::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => {
            let code = cli::run(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(code)
        }
        None => run_app(cli.file),
    }
}

fn run_app(file: Option<std::path::PathBuf>) -> ExitCode {
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
